"""One rule of a rule pack: its card, its kind and the kind's options, checked for shape.

A pack rule is a card (:mod:`crisisplay.rulebook.cards`: ``id``, ``name``, ``category``,
``severity``, ``summary``, ``rationale``, ``fail``/``pass`` examples) plus what makes it run:
``kind`` (:mod:`crisisplay.tone.kinds`) and that kind's options, ``message``,
``exceptions``, ``stages`` and ``channels``. ``message`` is one text, or one per language
(``{en: …, ru: …}``), each optionally a mapping of CLDR plural forms chosen by ``{count}``
(``{one: …, few: …, many: …, other: …}``); kinds with wording of their own (presence,
cross-channel, claims) need none. An option may take its value from the playbook's tone or the
lexicon (``{from: tone.max_exclamations, default: 1}``, :mod:`crisisplay.tone.bindings`).
Every problem is a :class:`CrisisplayError` at the exact line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from crisisplay.diagnostics.model import CATEGORIES, Location, Severity
from crisisplay.rulebook.cards import DOC_LANGUAGES, RuleCard, Shape, kind_name, parse_card
from crisisplay.suggest import did_you_mean
from crisisplay.tone import bindings
from crisisplay.tone.base import STAGE_KINDS
from crisisplay.tone.kinds import KINDS, kind_options
from crisisplay.tone.kinds.setup import PLURAL_FORMS
from crisisplay.tone.lexicon import LEXICON_KEYS
from crisisplay.tone.patterns import check_pattern

if TYPE_CHECKING:
    from crisisplay.playbook.loader import PathKey, SourceMap

#: The categories a tone rule may use (the validate/render categories are not for lint).
LINT_CATEGORIES = tuple(
    name for name in CATEGORIES if name in (
        "alarm", "blame", "speculation", "shouting", "address", "bureaucratese", "readability",
        "missing-what-happened", "missing-service-status", "missing-contact",
        "missing-next-update", "missing-empathy", "inconsistency",
    )
)
RUNNING_KEYS = frozenset({"kind", "message", "exceptions", "stages", "channels"})
#: Options that are phrase lists (checked entry by entry).
_PHRASE_OPTIONS = ("tokens", "exempt", "acronyms", "shout_words", "unless")


class RuleSpec(NamedTuple):
    """A rule as written: card and validated shape, not yet compiled (compiling needs morphology)."""

    card: RuleCard
    kind: str
    # the empty defaults are shared: specs are values, never mutated
    message: dict[str, Any] = {}  # noqa: RUF012 (language, "*" for every one → text or forms)
    options: dict[str, Any] = {}  # noqa: RUF012
    exceptions: tuple[str, ...] = ()
    stages: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    pack: str = ""

    @property
    def id(self) -> str:
        return self.card.id

    @property
    def category(self) -> str:
        return self.card.category

    @property
    def severity(self) -> Severity:
        return self.card.severity

    @property
    def location(self) -> Location | None:
        return self.card.location

    @property
    def own_words(self) -> bool:
        """Built from the playbook's own word lists (``tone.forbidden``, ``tone.preferred``)."""
        found = (bindings.binding_of(value) for value in self.options.values())
        return any(b is not None and b.source == "tone" and b.name in bindings.OWN_WORDS for b in found)


def parse_rule(data: Any, path: PathKey, source: SourceMap, pack: str = "", *, complete: bool = False) -> RuleSpec:
    """Check one rule mapping and return its :class:`RuleSpec` (``complete``: a bundled rule)."""
    shape = Shape(source)
    rule = shape.mapping(data, path, "a rule")
    kind = rule.get("kind")
    name = rule.get("id", f"#{path[-1]}")
    if not isinstance(kind, str) or not kind.strip():
        raise shape.fail(f"rule {name}: 'kind' is required (text)", path)
    if kind not in KINDS:
        raise shape.fail(f"rule {name}: unknown kind {kind!r}{did_you_mean(kind, KINDS)} (kinds: {', '.join(KINDS)})",
                         (*path, "kind"))
    options = kind_options(kind)
    card = parse_card(rule, path, shape, "lint", categories=LINT_CATEGORIES, complete=complete,
                      extra_keys=RUNNING_KEYS | frozenset(options))
    rule_id = card.id
    values: dict[str, Any] = {}
    for option, (types, required) in options.items():
        if option not in rule:
            if required:
                raise shape.fail(f"rule {rule_id}: kind {kind} needs '{option}'", path)
            continue
        value = rule[option]
        problem = bindings.problem(value, frozenset(LEXICON_KEYS))
        if problem:
            raise shape.fail(f"rule {rule_id}: '{option}' {problem}", (*path, option))
        if bindings.binding_of(value) is None and (
                not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
            raise shape.fail(f"rule {rule_id}: '{option}' must be {kind_name(types[0]())}, not {kind_name(value)}",
                             (*path, option))
        values[option] = value
    _check_options(shape, rule_id, kind, values, path)
    return RuleSpec(
        card=card, kind=kind, message=_message(shape, rule, rule_id, kind, path), options=values,
        exceptions=shape.strings(rule.get("exceptions", []), (*path, "exceptions"), "exceptions"),
        stages=_stages(shape, rule, path),
        channels=frozenset(shape.strings(rule["channels"], (*path, "channels"), "channels"))
        if "channels" in rule else None,
        pack=pack,
    )


def _message(shape: Shape, rule: dict[str, Any], rule_id: str, kind: str, path: PathKey) -> dict[str, Any]:
    """``message`` as language → text or plural forms (``*``: the same for every language)."""
    if "message" not in rule:
        if KINDS[kind].OWN_WORDING:
            return {}
        raise shape.fail(f"rule {rule_id}: 'message' is required (text)", path)
    raw = rule["message"]
    where = (*path, "message")
    if isinstance(raw, dict) and raw and set(raw) <= set(DOC_LANGUAGES):
        return {lang: _text_or_forms(shape, value, (*where, lang), rule_id) for lang, value in raw.items()}
    return {"*": _text_or_forms(shape, raw, where, rule_id)}


def _text_or_forms(shape: Shape, value: Any, where: PathKey, rule_id: str) -> str | dict[str, str]:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, dict) and value and set(value) <= PLURAL_FORMS and "other" in value \
            and all(isinstance(v, str) and v.strip() for v in value.values()):
        return {str(k): str(v).strip() for k, v in value.items()}
    raise shape.fail(f"rule {rule_id}: 'message' must be text, one text per language ({', '.join(DOC_LANGUAGES)}) "
                     "or CLDR plural forms (one, few, many, other)", where)


def _stages(shape: Shape, rule: dict[str, Any], path: PathKey) -> frozenset[str] | None:
    if "stages" not in rule:
        return None
    stages = shape.strings(rule["stages"], (*path, "stages"), "stages")
    for index, stage in enumerate(stages):
        if stage not in STAGE_KINDS:
            kinds = ", ".join(STAGE_KINDS)
            raise shape.fail(f"unknown stage kind {stage!r} (kinds: {kinds})", (*path, "stages", index))
    return frozenset(stages)


def _check_options(shape: Shape, rule_id: str, kind: str, values: dict[str, Any], path: PathKey) -> None:
    plain = {name: value for name, value in values.items() if bindings.binding_of(value) is None}
    for name in _PHRASE_OPTIONS:
        if name in plain:
            shape.strings(plain[name], (*path, name), name)
    for index, pattern in enumerate(plain.get("patterns", [])):
        problem = check_pattern(str(pattern))
        if problem is not None:
            raise shape.fail(f"rule {rule_id}: bad pattern {pattern!r}: {problem}", (*path, "patterns", index))
    for key, value in plain.get("swap", {}).items():
        if not isinstance(value, str) or not value.strip():
            raise shape.fail(f"rule {rule_id}: swap {key!r} needs a replacement text", (*path, "swap", key))
    for name, phrases in plain.get("groups", {}).items():
        if bindings.binding_of(phrases) is None:
            shape.strings(phrases, (*path, "groups", name), f"group {name}")
    if kind in ("existence", "required") and not (values.get("tokens") or values.get("patterns")):
        raise shape.fail(f"rule {rule_id}: kind {kind} needs 'tokens' or 'patterns'", path)
    choices = dict(KINDS[kind].CHOICES)
    if kind == "consistency":
        choices["prefer"] = tuple(values["groups"])
    for name, allowed in choices.items():
        if name in plain and plain[name] not in allowed:
            raise shape.fail(f"rule {rule_id}: '{name}' must be one of {', '.join(allowed)}", (*path, name))
    if kind == "occurrence" and "max" not in values and "min" not in values:
        raise shape.fail(f"rule {rule_id}: kind occurrence needs 'max' or 'min'", path)
