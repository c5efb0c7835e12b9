"""Building a runnable rule from its checked pack entry: what every kind's ``build`` is given.

A :class:`Setup` holds the entry (:class:`~crisisplay.tone.packs.RuleSpec`), the language of
the messages, the packs' lexicon and the playbook's tone profile, and answers the kinds'
questions: an option's value (a ``{from: …}`` binding resolved, :mod:`crisisplay.tone.bindings`),
a phrase list compiled for the language, the rule's message in that language, and the fields
every rule shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisplay.errors import CrisisplayError
from crisisplay.tone.bindings import Binding, binding_of, resolve_tone
from crisisplay.tone.patterns import BUNDLED_PACKS, UserPattern, compile_patterns
from crisisplay.tone.phrases import PhraseError, PhraseSet

if TYPE_CHECKING:
    from crisisplay.playbook.model import ToneProfile
    from crisisplay.tone.base import Rule
    from crisisplay.tone.lexicon import Lexicon
    from crisisplay.tone.packs import RuleSpec
    from crisisplay.tone.phrase_search import HeadIndex

#: CLDR plural categories: a message given as a mapping of these is chosen by ``{count}``.
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})


def phrase_set(
    entries: Sequence[str], lang: str, gap: int = 0, where: str = "", index: HeadIndex | None = None
) -> PhraseSet:
    try:
        return PhraseSet(entries, lang, gap=gap, index=index)
    except PhraseError as exc:
        raise CrisisplayError(f"bad phrase {where}: {exc}") from None


def message_in(message: dict[str, Any], lang: str) -> tuple[str, dict[str, str] | None]:
    """A rule's message for ``lang`` (one text, or CLDR plural forms), from its pack entry."""
    chosen = message.get(lang, message.get("*", message.get("en", "")))
    if isinstance(chosen, dict):
        forms = {str(k): str(v) for k, v in chosen.items()}
        return forms.get("other", next(iter(forms.values()), "")), forms
    return str(chosen), None


class Setup(NamedTuple):
    """One pack entry, about to become rules for messages in ``lang``. A named tuple (nothing
    changes one once made): the class costs half a dataclass's to create, at every start."""

    spec: RuleSpec
    lang: str
    lexicon: Lexicon
    tone: ToneProfile | None = None
    #: Rules built before this one (``classify`` asks them what a word is).
    built: Sequence[Rule] = ()

    @property
    def where(self) -> str:
        return f"in rule {self.spec.id}"

    def binding(self, name: str) -> Binding | None:
        return binding_of(self.spec.options.get(name))

    def value(self, name: str, default: Any = None) -> Any:
        """An option's value, a tone binding resolved (a lexicon binding is for :meth:`phrases`)."""
        raw = self.spec.options.get(name)
        bound = binding_of(raw)
        if bound is not None:
            raw = resolve_tone(bound, self.tone, self.lang) if bound.source == "tone" else None
        return default if raw is None else raw

    def phrases(self, name: str, *, gap: int | None = None) -> PhraseSet | None:
        """A phrase-list option compiled for the language (None when absent or empty)."""
        bound = self.binding(name)
        if bound is not None and bound.source == "lexicon":
            return self.lexicon.get(bound.name)
        entries = self.value(name)
        if not entries:
            return None
        return phrase_set(list(entries), self.lang, self.gap if gap is None else gap, self.where, self.lexicon.heads)

    def groups(self, name: str = "groups") -> dict[str, PhraseSet]:
        """A mapping of group name → phrase list (each a list or a lexicon binding)."""
        found: dict[str, PhraseSet] = {}
        for group, entries in self.spec.options.get(name, {}).items():
            bound = binding_of(entries)
            found[group] = (self.lexicon.get(bound.name) if bound is not None and bound.source == "lexicon"
                            else phrase_set(list(entries), self.lang, self.gap, self.where, self.lexicon.heads))
        return found

    def patterns(self, name: str = "patterns") -> tuple[UserPattern, ...]:
        where = self.spec.card.location
        bundled = where is not None and where.file.startswith(BUNDLED_PACKS)
        return compile_patterns(self.value(name, []), self.spec.id, guarded=not bundled)

    @property
    def gap(self) -> int:
        return int(self.spec.options.get("gap", 0))

    def labels(self) -> dict[str, str]:
        """``labels``: how ``{group}``/``{other}`` name each group, in the language."""
        labels: dict[str, str] = {}
        for group, text in self.spec.options.get("labels", {}).items():
            labels[group] = message_in(text if isinstance(text, dict) else {"*": text}, self.lang)[0]
        return labels

    def common(self) -> dict[str, Any]:
        """The fields every rule has, from the entry (the message in the rule's language)."""
        spec = self.spec
        message, forms = message_in(spec.message, self.lang)
        return {
            "id": spec.id, "category": spec.category, "severity": spec.severity, "message": message,
            "forms": forms, "lang": self.lang, "kind": spec.kind, "origin": spec.location,
            "summary": spec.card.summary_in(self.lang), "stages": spec.stages, "channels": spec.channels,
            "exceptions": (phrase_set(list(spec.exceptions), self.lang, where=self.where, index=self.lexicon.heads)
                           if spec.exceptions else None),
        }
