"""What every tone rule shares: its identity, where it applies, and the findings it yields.

A rule checks one analysed message (:class:`~crisisplay.tone.doc.Doc`) in a
:class:`CheckContext` (stage kind, channel) and yields :class:`Finding` values: offsets into
the message text plus an optional replacement. ``api`` turns findings into
:class:`~crisisplay.diagnostics.model.Diagnostic` values with file:line:col; ``fix`` applies the
replacements that are marked safe.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from crisisplay.diagnostics.model import Location, Severity
from crisisplay.tone.doc import Doc
from crisisplay.tone.phrases import Match, PhraseSet

if TYPE_CHECKING:
    from crisisplay.tone.claims import ServiceTruth, Truth
    from crisisplay.tone.consistency import Analysed
    from crisisplay.tone.kinds.setup import Setup

#: Option name → (accepted types, required) for the kind-specific keys of a kind.
Options = dict[str, tuple[tuple[type, ...], bool]]

STAGE_KINDS = ("first_notice", "update", "resolution", "follow_up", "internal", "custom")
#: Channels where a message is a line or two: they may leave out secondary content.
SHORT_CHANNELS = frozenset(
    {"sms", "push", "x", "twitter", "banner", "website_banner", "ivr", "voice", "pager", "widget"}
)
SHORT_TEXT = 320


class CheckContext(NamedTuple):
    """Where a message goes: the stage kind (None: unknown) and the channel."""

    stage: str | None = None
    channel: str = "text"
    stage_inferred: bool = False

    @property
    def short(self) -> bool:
        name = self.channel.lower()
        return name in SHORT_CHANNELS or name.endswith(("_sms", "_push", "_banner"))


class Finding(NamedTuple):
    """A rule's finding in one message: offsets into its text, and what to say.

    A named tuple, like :class:`~crisisplay.tone.text.Token`: a message makes about ten, and a
    frozen dataclass sets each field through ``object.__setattr__`` (three times slower).
    """

    rule: str
    severity: Severity
    category: str
    message: str
    start: int = 0
    end: int = 0
    suggestion: str = ""
    replacement: str | None = None  # set only when the rewrite is safe to apply
    related: tuple[Location, ...] = ()


class _Keep(dict[str, object]):
    """Values for ``str.format_map`` that leave unknown ``{names}`` as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """Fill a rule message: ``{match}``, ``{suggestion}``, ``{count}``, ``{max}`` …

    A pack author's ``{typo}`` stays as written; a malformed template is returned unfilled.
    (``format_map`` rather than ``string.Formatter``: the latter parses in Python, per finding.)
    """
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


@dataclass(eq=False, repr=False)
class Rule(abc.ABC):
    """Common fields of every rule kind. Subclasses implement :meth:`check`.

    Rules are things, not values: two rules are the same rule only if they are one object.
    So the kinds ask ``@dataclass`` for no ``__eq__`` or ``__repr__``: Python generates each
    dataclass method from source at import, and for twenty fields per kind those two cost
    ≈ 2 % of a whole warm ``crisisplay lint`` run (measured in instructions).
    """

    id: str
    category: str
    severity: Severity
    message: str
    lang: str
    kind: str = ""
    exceptions: PhraseSet | None = None
    stages: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    origin: Location | None = None
    summary: str = ""
    #: The message's CLDR plural forms (one, few, many, other), chosen by ``{count}``.
    forms: dict[str, str] | None = None

    def text(self, **values: object) -> str:
        """The message with ``values`` filled in, in the form CLDR's plural rule picks for ``count``."""
        template = self.message
        count = values.get("count")
        if self.forms and isinstance(count, int):
            from crisisplay.wording import plural_rule

            template = self.forms.get(plural_rule(self.lang)(count), self.forms.get("other", template))
        return fill(template, **values)

    def applies(self, ctx: CheckContext) -> bool:
        if self.stages is not None and ctx.stage is not None and ctx.stage not in self.stages:
            return False
        return self.channels is None or ctx.channel in self.channels

    #: The kind's own options (a pack entry's other keys are refused with a suggestion).
    OPTIONS: ClassVar[Options] = {}
    #: Options whose value must be one of a few words.
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}
    #: True for kinds with wording of their own: a pack entry may leave out ``message``.
    OWN_WORDING: ClassVar[bool] = False

    @classmethod
    @abc.abstractmethod
    def build(cls, setup: Setup) -> list[Rule]:
        """The rules one checked pack entry makes (none when a bound word list is empty)."""

    @abc.abstractmethod
    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        """Yield the findings of this rule in one message."""

    def excepted(self, doc: Doc, start: int, end: int) -> bool:
        """True when an exception phrase overlaps ``[start, end)`` in the text."""
        if not self.exceptions:
            return False
        return any(
            doc.tokens[m.first].start < end and start < doc.tokens[m.last].end
            for m in _cached_find(doc, self.exceptions)
        )

    def finding(
        self, start: int, end: int, message: str, *, suggestion: str = "", replacement: str | None = None
    ) -> Finding:
        return Finding(
            self.id, self.severity, self.category, message, start, end,
            suggestion=suggestion, replacement=replacement,
        )


def _cached_find(doc: Doc, phrases: PhraseSet) -> list[Match]:
    return doc.memo(f"exceptions:{id(phrases)}", lambda: phrases.find(doc))


class Observation(NamedTuple):
    """What comparing a set of messages found, before a rule names it and sets its severity."""

    message_index: int  # the message it is about
    aspect: str  # what was compared: times, services, numbers, contacts, … (see the kinds)
    message: str
    start: int = 0
    end: int = 0
    related: tuple[Location, ...] = ()
    lesser: bool = False  # a milder case: one severity level below the rule's
    suggestion: str = ""


@dataclass(eq=False, repr=False)
class SetRun:
    """A set of messages meant to go out together, as the set kinds see it. Nothing compares or
    prints a run (it memoises observations): no ``__eq__`` or ``__repr__``, which cost at import."""

    analysed: Sequence[Analysed]  # messages with their stated facts (when compared across channels)
    texts: Sequence[tuple[str, str, str]]  # (channel, text, language) of every message
    truth: Truth | None = None  # the facts the set was made from, when known
    services: Sequence[ServiceTruth] = ()  # the playbook's services, to read claims without facts
    _memo: dict[str, list[Observation]] = field(default_factory=dict)

    def observed(self, what: str, compute: Callable[[], list[Observation]]) -> list[Observation]:
        """Computed once per run, whichever rule asks first."""
        if what not in self._memo:
            self._memo[what] = compute()
        return self._memo[what]


Result = tuple[int, Finding]


class SetRule(Rule):
    """A rule over a set of messages (cross-channel, claims): nothing to check in one alone.

    No ``@dataclass`` here: it adds no field, so :class:`Rule`'s generated ``__init__`` serves.
    """

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())

    def compare(self, run: SetRun) -> Iterator[Result]:
        """Findings from comparing the messages with each other (first pass)."""
        return iter(())

    def claims(self, run: SetRun) -> Iterator[Result]:
        """Findings from reading the messages' claims back (second pass: a finding the first
        pass made on the same span is not repeated)."""
        return iter(())

    def stamp(self, seen: Observation) -> Result:
        severity = Severity(max(Severity.INFO, self.severity - 1)) if seen.lesser else self.severity
        return seen.message_index, Finding(self.id, severity, self.category, seen.message, seen.start, seen.end,
                                   suggestion=seen.suggestion, related=seen.related)
