"""The built-in CP3xx checks, and how packs and the playbook's ``tone`` become rules.

Built-in checks are instances of the generic rule kinds, set up from the pack lexicon and the
playbook's tone profile (``max_exclamations``, ``max_caps_words``, ``max_sentence_words``,
``formal_address``, ``forbidden``, ``preferred``, ``required``, ``rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crisisplay.diagnostics.model import Severity
from crisisplay.errors import CrisisplayError
from crisisplay.tone.base import Rule
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds import (
    CapitalizationRule,
    ConsistencyRule,
    ExistenceRule,
    OccurrenceRule,
    RequiredRule,
    SubstitutionRule,
    compile_patterns,
)
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.packs import RuleSpec
from crisisplay.tone.phrases import PhraseError, PhraseSet
from crisisplay.tone.presence import RULE_IDS, PresenceRule
from crisisplay.wording import Wording, wording_for

if TYPE_CHECKING:
    from crisisplay.playbook.model import ToneProfile

DEFAULT_SENTENCE_WORDS = {"ru": 25, "en": 30}
SHOUT_WORDS = ("NOT", "NOW", "DO", "ALL", "YOU", "NO", "WE", "ARE", "IS", "OUR", "STOP", "AND", "THE")


@dataclass(frozen=True)
class Builtin:
    """A built-in rule's identity; its summary and messages live in the lint catalogs."""

    id: str
    name: str
    category: str
    severity: Severity
    kind: str

    @property
    def summary(self) -> str:
        return summary_of(self.id, "en")


BUILTINS: tuple[Builtin, ...] = (
    Builtin("CP301", "exclamations", "shouting", Severity.WARNING, "occurrence"),
    Builtin("CP302", "caps", "shouting", Severity.WARNING, "capitalization"),
    Builtin("CP303", "ty-vy", "address", Severity.WARNING, "consistency"),
    Builtin("CP304", "vy-capital", "address", Severity.WARNING, "capitalization"),
    Builtin("CP305", "sentence-length", "readability", Severity.WARNING, "occurrence"),
    Builtin("CP310", "what-happened", "missing-what-happened", Severity.WARNING, "presence"),
    Builtin("CP311", "service-status", "missing-service-status", Severity.WARNING, "presence"),
    Builtin("CP312", "contact", "missing-contact", Severity.WARNING, "presence"),
    Builtin("CP313", "next-update", "missing-next-update", Severity.WARNING, "presence"),
    Builtin("CP314", "empathy", "missing-empathy", Severity.WARNING, "presence"),
    Builtin("CP320", "facts-times", "inconsistency", Severity.ERROR, "consistency"),
    Builtin("CP321", "facts-services", "inconsistency", Severity.ERROR, "consistency"),
    Builtin("CP322", "facts-numbers", "inconsistency", Severity.WARNING, "consistency"),
    Builtin("CP323", "facts-contacts", "inconsistency", Severity.WARNING, "consistency"),
    Builtin("CP324", "facts-omitted", "inconsistency", Severity.WARNING, "consistency"),
    Builtin("CP325", "tone-alarm", "inconsistency", Severity.WARNING, "consistency"),
    Builtin("CP326", "tone-address", "inconsistency", Severity.WARNING, "consistency"),
    Builtin("CP327", "claims-services", "inconsistency", Severity.ERROR, "claims"),
    Builtin("CP328", "claims-times", "inconsistency", Severity.ERROR, "claims"),
    Builtin("CP340", "playbook-forbidden", "alarm", Severity.WARNING, "existence"),
    Builtin("CP341", "playbook-preferred", "bureaucratese", Severity.INFO, "substitution"),
)
BY_ID = {b.id: b for b in BUILTINS}
CP301, CP302, CP303, CP304, CP305 = (BY_ID[i] for i in ("CP301", "CP302", "CP303", "CP304", "CP305"))


def summary_of(rule_id: str, lang: str) -> str:
    """A rule's one-line description in ``lang`` (the lint catalog), or "" when it has none."""
    return words(lang).term("summary", rule_id) if rule_id in words(lang).entries.get("summary", {}) else ""


def words(lang: str) -> Wording:
    """The lint catalog of ``lang`` (messages, hints, names): ``crisisplay/data/wording/lint.*.yaml``."""
    return wording_for("lint", lang)


def _base(builtin: Builtin, lang: str, message: str, forms: dict[str, str] | None = None) -> dict[str, Any]:
    return {"id": builtin.id, "category": builtin.category, "severity": builtin.severity,
            "message": message, "lang": lang, "kind": builtin.kind, "summary": summary_of(builtin.id, lang),
            "forms": forms}


def _message(rule_id: str, lang: str) -> tuple[str, dict[str, str] | None]:
    """A built-in rule's message in ``lang``, and its plural forms when it has them."""
    entry = words(lang).entries[rule_id]
    if isinstance(entry, dict):
        forms = {str(k): str(v) for k, v in entry.items()}
        return forms["other"], forms
    return str(entry), None


def builtin_rules(lex: Lexicon, tone: ToneProfile | None, lang: str) -> list[Rule]:
    """The CP30x/CP31x rules for one language, tuned by the playbook's tone profile (None: defaults)."""
    max_marks = 1 if tone is None or tone.max_exclamations is None else tone.max_exclamations
    sentence = (tone.max_sentence_words if tone is not None else None) or DEFAULT_SENTENCE_WORDS.get(lang, 30)
    formal = tone.formal_address if tone is not None else None
    prefer = None if formal is None else ("formal" if formal else "informal")
    address = {name: words(lang).term("form", name) for name in ("informal", "formal")}
    rules: list[Rule] = [
        OccurrenceRule(**_base(CP301, lang, *_message("CP301", lang)),
                       target="patterns", patterns=compile_patterns(["!+"]), maximum=max_marks,
                       exempt=lex.get("greeting"), exempt_words=10),
        CapitalizationRule(**_base(CP302, lang, *_message("CP302", lang)),
                           maximum=(tone.max_caps_words if tone is not None else None) or 0, acronyms=lex.acronyms,
                           shout_words=frozenset(SHOUT_WORDS)),
        ConsistencyRule(**_base(CP303, lang, *_message("CP303", lang)),
                        groups={"informal": lex.get("address_informal"), "formal": lex.get("address_formal")},
                        prefer=prefer, labels=address),
        CapitalizationRule(**_base(CP304, lang, *_message("CP304", lang)),
                           mode="consistent", tokens=lex.get("address_pronoun")),
        OccurrenceRule(**_base(CP305, lang, *_message("CP305", lang)),
                       target="words", scope="sentence", maximum=sentence),
    ]
    required = frozenset(tone.required) if tone is not None and tone.required else None
    for element, (rule_id, _category) in RULE_IDS.items():
        spec = BY_ID[rule_id]
        rules.append(PresenceRule(**_base(spec, lang, summary_of(rule_id, lang)),
                                  element=element, lexicon=lex, required=required))
    return rules


def playbook_rules(tone: ToneProfile | None, lang: str, pack_rules: list[Rule]) -> list[Rule]:
    """CP340 (forbidden) and CP341 (preferred) from the tone profile."""
    rules: list[Rule] = []
    if tone is None:
        return rules
    for word in tone.forbidden:
        spec = BY_ID["CP340"]
        base = _base(spec, lang, *_message("CP340", lang))
        base["category"] = _category_of(word, lang, pack_rules, spec.category)
        rules.append(ExistenceRule(**base, tokens=_phrases([word], lang)))
    if tone.preferred:
        spec = BY_ID["CP341"]
        swap = {key: value for key, value in tone.preferred.items()}
        rules.append(SubstitutionRule(**_base(spec, lang, *_message("CP341", lang)),
                                      swap=swap, phrases=_phrases(list(swap), lang), autofix=True))
    return rules


def _category_of(word: str, lang: str, pack_rules: list[Rule], fallback: str) -> str:
    """The category of the first pack rule that would flag ``word`` itself."""
    from crisisplay.tone.base import CheckContext

    doc = Doc(word, lang)
    for rule in pack_rules:
        if isinstance(rule, (ExistenceRule, SubstitutionRule)) and next(iter(rule.check(doc, CheckContext())), None):
            return rule.category
    return fallback


def _phrases(entries: list[str], lang: str, gap: int = 0, where: str = "") -> PhraseSet:
    try:
        return PhraseSet(entries, lang, gap=gap)
    except PhraseError as exc:
        raise CrisisplayError(f"bad phrase {where}: {exc}") from None


def compile_spec(spec: RuleSpec, lang: str, lex: Lexicon) -> Rule:
    """Turn a checked :class:`RuleSpec` into a runnable rule."""
    o = spec.options
    where = f"in rule {spec.id}"
    gap = int(o.get("gap", 0))
    common: dict[str, Any] = {
        "id": spec.id, "category": spec.category, "severity": spec.severity, "message": spec.message,
        "lang": lang, "kind": spec.kind, "origin": spec.location, "summary": spec.summary,
        "stages": spec.stages, "channels": spec.channels,
        "exceptions": _phrases(list(spec.exceptions), lang, where=where) if spec.exceptions else None,
    }
    try:
        if spec.kind == "existence":
            return ExistenceRule(**common, tokens=_phrases(o.get("tokens", []), lang, gap, where),
                                 patterns=compile_patterns(o.get("patterns", [])),
                                 negation=lex.negation, skip_negated=bool(o.get("skip_negated", False)),
                                 address=lex.reader_address() if o.get("addressed") else None)
        if spec.kind == "substitution":
            swap = {str(k): str(v) for k, v in o["swap"].items()}
            return SubstitutionRule(**common, swap=swap, phrases=_phrases(list(swap), lang, gap, where),
                                    autofix=bool(o.get("autofix", False)))
        if spec.kind == "occurrence":
            return OccurrenceRule(**common, target=o["target"], tokens=_phrases(o.get("tokens", []), lang, gap, where),
                                  patterns=compile_patterns(o.get("patterns", [])), scope=o.get("scope", "text"),
                                  maximum=o.get("max"), minimum=o.get("min"),
                                  exempt=_phrases(o.get("exempt", []), lang, where=where),
                                  exempt_words=int(o.get("exempt_words", 6)))
        if spec.kind == "capitalization":
            return CapitalizationRule(**common, mode=o["mode"], maximum=int(o.get("max", 0)),
                                      acronyms=frozenset(o.get("acronyms", [])) | lex.acronyms,
                                      shout_words=frozenset(o.get("shout_words", SHOUT_WORDS)),
                                      tokens=_phrases(o.get("tokens", []), lang, where=where),
                                      prefer=o.get("prefer", "majority"))
        if spec.kind == "cooccurrence":
            from crisisplay.tone.cooccur import CooccurrenceRule, split_time_entry

            groups, timed = {}, set()
            for name, entries in o["groups"].items():
                phrases, has_time = split_time_entry(list(entries))
                groups[name] = _phrases(phrases, lang, gap, where)
                if has_time:
                    timed.add(name)
            return CooccurrenceRule(**common, groups=groups, timed=frozenset(timed), scope=o.get("scope", "clause"),
                                    unless=_phrases(o.get("unless", []), lang, where=where))
        if spec.kind == "consistency":
            groups = {name: _phrases(list(v), lang, gap, where) for name, v in o["groups"].items()}
            return ConsistencyRule(**common, groups=groups, prefer=o.get("prefer"))
        return RequiredRule(**common, tokens=_phrases(o.get("tokens", []), lang, gap, where),
                            patterns=compile_patterns(o.get("patterns", [])))
    except CrisisplayError as exc:
        raise CrisisplayError(exc.message, spec.location) from None
