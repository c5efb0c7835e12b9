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

if TYPE_CHECKING:
    from crisisplay.playbook.model import ToneProfile

DEFAULT_SENTENCE_WORDS = {"ru": 25, "en": 30}
SHOUT_WORDS = ("NOT", "NOW", "DO", "ALL", "YOU", "NO", "WE", "ARE", "IS", "OUR", "STOP", "AND", "THE")


@dataclass(frozen=True)
class Builtin:
    id: str
    name: str
    category: str
    severity: Severity
    summary: str
    kind: str


BUILTINS: tuple[Builtin, ...] = (
    Builtin("CP301", "exclamations", "shouting", Severity.WARNING,
            "More exclamation marks than the playbook allows (default 1, greetings aside).", "occurrence"),
    Builtin("CP302", "caps", "shouting", Severity.WARNING,
            "Words in capitals (abbreviations aside).", "capitalization"),
    Builtin("CP303", "ty-vy", "address", Severity.WARNING,
            "ты and вы mixed in one text, or the form the playbook rules out.", "consistency"),
    Builtin("CP304", "vy-capital", "address", Severity.WARNING,
            "«Вы» and «вы» both used in one text.", "capitalization"),
    Builtin("CP305", "sentence-length", "readability", Severity.WARNING,
            "A sentence longer than the playbook allows (default 25 words ru, 30 en).", "occurrence"),
    Builtin("CP310", "what-happened", "missing-what-happened", Severity.WARNING,
            "The message does not say what happened.", "presence"),
    Builtin("CP311", "service-status", "missing-service-status", Severity.WARNING,
            "The message does not say what works and what does not.", "presence"),
    Builtin("CP312", "contact", "missing-contact", Severity.WARNING,
            "The message gives no way to reach us.", "presence"),
    Builtin("CP313", "next-update", "missing-next-update", Severity.WARNING,
            "No committed time for the next update (vague promises do not count).", "presence"),
    Builtin("CP314", "empathy", "missing-empathy", Severity.WARNING,
            "The message shows no empathy.", "presence"),
    Builtin("CP320", "facts-times", "inconsistency", Severity.ERROR,
            "Two channels give different times or dates for the same thing.", "consistency"),
    Builtin("CP321", "facts-services", "inconsistency", Severity.ERROR,
            "A service works in one channel and not in another.", "consistency"),
    Builtin("CP322", "facts-numbers", "inconsistency", Severity.WARNING,
            "Two channels give different durations, amounts or percentages.", "consistency"),
    Builtin("CP323", "facts-contacts", "inconsistency", Severity.WARNING,
            "Channels give different phone numbers, or links that differ by a typo.", "consistency"),
    Builtin("CP324", "facts-omitted", "inconsistency", Severity.WARNING,
            "One channel states a key fact another leaves out.", "consistency"),
    Builtin("CP325", "tone-alarm", "inconsistency", Severity.WARNING,
            "One channel sounds much more alarmed than the others.", "consistency"),
    Builtin("CP326", "tone-address", "inconsistency", Severity.WARNING,
            "Channels address the customer differently (ты/вы, «Вы»/«вы»).", "consistency"),
    Builtin("CP327", "claims-services", "inconsistency", Severity.ERROR,
            "A message says a service works (or not) differently from the facts it was made from.", "claims"),
    Builtin("CP328", "claims-times", "inconsistency", Severity.ERROR,
            "A message gives a time or date that no fact gives.", "claims"),
    Builtin("CP340", "playbook-forbidden", "alarm", Severity.WARNING,
            "A word the playbook's tone.forbidden lists (category taken from the packs).", "existence"),
    Builtin("CP341", "playbook-preferred", "bureaucratese", Severity.INFO,
            "A word the playbook's tone.preferred replaces.", "substitution"),
)
BY_ID = {b.id: b for b in BUILTINS}
CP301, CP302, CP303, CP304, CP305 = (BY_ID[i] for i in ("CP301", "CP302", "CP303", "CP304", "CP305"))


def _base(builtin: Builtin, lang: str, message: str) -> dict[str, Any]:
    return {"id": builtin.id, "category": builtin.category, "severity": builtin.severity,
            "message": message, "lang": lang, "kind": builtin.kind, "summary": builtin.summary}


#: Russian wording of the built-in checks (a Russian text gets Russian findings; ids stay).
MESSAGES_RU = {
    "CP301": "{count} восклицательных знаков (не больше {max}); в кризис они звучат как тревога, точка — спокойно",
    "CP302": "«{match}» заглавными буквами — это крик; напишите обычными",
    "CP303": "«{match}» — форма обращения «{group}», а текст (или сценарий) использует «{other}»; одна форма везде",
    "CP304": "«{match}»: вежливое местоимение написано по-разному; пишите «{suggestion}», как в остальном тексте",
    "CP305": "предложение из {count} слов (не больше {max}); в стрессе читают по диагонали, разбейте его",
    "CP340": "«{match}» — в списке запрещённых слов сценария",
    "CP341": "сценарий предпочитает «{suggestion}» вместо «{match}»",
}


def _wording(rule_id: str, lang: str, english: str) -> str:
    return MESSAGES_RU[rule_id] if lang == "ru" else english


W = _wording


def builtin_rules(lex: Lexicon, tone: ToneProfile | None, lang: str) -> list[Rule]:
    """The CP30x/CP31x rules for one language, tuned by the playbook's tone profile (None: defaults)."""
    max_marks = 1 if tone is None or tone.max_exclamations is None else tone.max_exclamations
    sentence = (tone.max_sentence_words if tone is not None else None) or DEFAULT_SENTENCE_WORDS.get(lang, 30)
    formal = tone.formal_address if tone is not None else None
    prefer = None if formal is None else ("formal" if formal else "informal")
    rules: list[Rule] = [
        OccurrenceRule(**_base(CP301, lang,
            W("CP301", lang, "{count} exclamation marks (at most {max}); in a crisis they read "
                               "as alarm, a full stop reads calm")),
                       target="patterns", patterns=compile_patterns(["!+"]), maximum=max_marks,
                       exempt=lex.get("greeting"), exempt_words=10),
        CapitalizationRule(**_base(CP302, lang,
            W("CP302", lang, "«{match}» in capitals shouts at the reader; write it in "
                                   "ordinary case")),
                           maximum=(tone.max_caps_words if tone is not None else None) or 0, acronyms=lex.acronyms,
                           shout_words=frozenset(SHOUT_WORDS)),
        ConsistencyRule(**_base(CP303, lang,
            W("CP303", lang, "«{match}» is the {group} form of address but the text (or the "
                                "playbook) uses the {other} one; one form throughout")),
                        groups={"informal": lex.get("address_informal"), "formal": lex.get("address_formal")},
                        prefer=prefer),
        CapitalizationRule(**_base(CP304, lang,
            W("CP304", lang, "«{match}»: the text spells the polite pronoun both ways; "
                                   "write «{suggestion}» as elsewhere")),
                           mode="consistent", tokens=lex.get("address_pronoun")),
        OccurrenceRule(**_base(CP305, lang,
            W("CP305", lang, "a sentence of {count} words (at most {max}); stressed readers skim, "
                               "split it")),
                       target="words", scope="sentence", maximum=sentence),
    ]
    required = frozenset(tone.required) if tone is not None and tone.required else None
    for element, (rule_id, _category) in RULE_IDS.items():
        spec = BY_ID[rule_id]
        rules.append(PresenceRule(**_base(spec, lang, spec.summary),
                                  element=element, lexicon=lex, required=required))
    return rules


def playbook_rules(tone: ToneProfile | None, lang: str, pack_rules: list[Rule]) -> list[Rule]:
    """CP340 (forbidden) and CP341 (preferred) from the tone profile."""
    rules: list[Rule] = []
    if tone is None:
        return rules
    for word in tone.forbidden:
        spec = BY_ID["CP340"]
        base = _base(spec, lang,
            W("CP340", lang, f"«{{match}}» is on the playbook's list of forbidden words ({spec.summary})"))
        base["category"] = _category_of(word, lang, pack_rules, spec.category)
        rules.append(ExistenceRule(**base, tokens=_phrases([word], lang)))
    if tone.preferred:
        spec = BY_ID["CP341"]
        swap = {key: value for key, value in tone.preferred.items()}
        rules.append(SubstitutionRule(**_base(spec, lang,
            W("CP341", lang, "the playbook prefers «{suggestion}» to «{match}»")),
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
