"""Rule sets per language, and the checks of one message.

A :class:`RuleSet` is built once per run and language from rule packs, all read the same way
(:mod:`crisisplay.tone.packs`): the bundled language pack, any extra packs for that language
(or ``any``), the playbook's own ``tone.rules``, and last the ``core`` pack of built-in rules
(CP3xx), tuned by the playbook's tone profile. On the same span in the same category the
first rule wins: the rules built from the playbook's own word lists (``tone.forbidden``,
``tone.preferred``) come first, the core pack's generic checks last, so that a pack's more
specific finding wins over them. Rules listed in a pack's ``disable`` or passed as
``disable`` are left out.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from crisisplay.errors import CrisisplayError
from crisisplay.tone.base import CheckContext, Finding, Rule, SetRule
from crisisplay.tone.doc import Doc
from crisisplay.tone.elements import infer_stage
from crisisplay.tone.kinds import KINDS, Setup
from crisisplay.tone.lexicon import Lexicon, build_lexicon
from crisisplay.tone.packs import LANGUAGES, Pack, RuleSpec, bundled_pack, core_pack, parse_rule
from crisisplay.wording import language_of

if TYPE_CHECKING:
    from crisisplay.playbook.model import Playbook


class RuleSet(NamedTuple):
    """The rules of one language. A named tuple (nothing changes one once built): the class costs
    half a dataclass's to create, at every start."""

    lang: str
    rules: list[Rule]  # checked message by message
    lexicon: Lexicon
    specs: list[RuleSpec]
    set_rules: list[SetRule]  # checked over the set (cross-channel, claims)


def lint_language(locale: str | None) -> str | None:
    """The tone rules' language for ``locale`` (``ru_RU`` → ``ru``); None for None or ``auto``.

    :func:`crisisplay.wording.language_of` reads the locale and falls back to English for the
    words of a report; here a language without tone rules is an error instead, since its
    messages would be linted with the wrong morphology.
    """
    if not locale or locale.lower() == "auto":
        return None
    lang = language_of(locale)
    if lang not in LANGUAGES or not locale.lower().startswith(lang):
        raise CrisisplayError(f"no tone rules for language {locale!r}", hint=f"supported: {', '.join(LANGUAGES)}")
    return lang


def _playbook_specs(playbook: Playbook) -> list[RuleSpec]:
    return [
        parse_rule(raw, ("tone", "rules", index), playbook.source, pack="playbook")
        for index, raw in enumerate(playbook.tone.rules)
    ]


def _service_names(playbook: Playbook | None) -> dict[str, tuple[str, ...]]:
    if playbook is None:
        return {}
    return {service.id: (service.name,) for service in playbook.services}


_CACHE: dict[tuple[object, ...], tuple[tuple[object, ...], RuleSet]] = {}
_CACHE_SIZE = 16


def build_ruleset(
    lang: str,
    *,
    playbook: Playbook | None = None,
    packs: Sequence[Pack] = (),
    disable: Sequence[str] = (),
) -> RuleSet:
    """Every rule that applies to messages in ``lang`` (cached: compiling takes a while)."""
    owners = (playbook, *packs)
    key = (lang, *(id(o) for o in owners), frozenset(d.lower() for d in disable))
    hit = _CACHE.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], owners, strict=True)):
        return hit[1]
    ruleset = _build_ruleset(lang, playbook=playbook, packs=packs, disable=disable)
    _settle_long_lived()
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (owners, ruleset)
    return ruleset


def _settle_long_lived() -> None:
    """Hand the objects of a rule set just built to the collector's oldest generation.

    A rule set is tens of thousands of objects (phrases, their elements, word sets) that live
    as long as the process. Left to the collector, they are promoted generation by generation,
    and CPython counts every object promoted into the oldest one as "pending": once those
    exceed a quarter of the oldest generation, the next collection walks every live object
    (modules, dictionaries, word analyses). So the first messages after a build paid for one
    such full walk: 50–60 ms inside benchmarks/lint.py's English window (about 6 % of it),
    measured with ``gc.callbacks``. ``freeze`` then ``unfreeze`` moves every tracked object
    straight into the oldest generation without counting it as pending. Nothing is kept
    alive longer: objects freed by reference counting go as before, and cyclic garbage among
    the moved objects is found by the next full collection, as for any old object.
    """
    gc.freeze()
    gc.unfreeze()


def _build_ruleset(
    lang: str, *, playbook: Playbook | None, packs: Sequence[Pack], disable: Sequence[str]
) -> RuleSet:
    chosen = [bundled_pack(lang), *(p for p in packs if p.applies_to(lang))]
    core = core_pack()
    disabled = {d.lower() for d in disable}
    for pack in (*chosen, core):
        disabled.update(d.lower() for d in pack.disable)
    lex = build_lexicon(chosen, lang, _service_names(playbook))
    specs = [spec for pack in chosen for spec in pack.rules]
    if playbook is not None:
        specs.extend(_playbook_specs(playbook))
    tone = playbook.tone if playbook is not None else None  # None: the defaults
    built: list[Rule] = []
    for spec in specs:
        built.extend(_build(spec, Setup(spec, lang, lex, tone)))
    # The playbook's own words come first (they win over a pack's finding on the same span);
    # the core pack's generic checks come last.
    own: list[Rule] = []
    generic: list[Rule] = []
    for spec in core.rules:
        rules = _build(spec, Setup(spec, lang, lex, tone, built=built))
        (own if spec.own_words else generic).extend(rules)
    every = [r for r in (*own, *built, *generic) if r.id.lower() not in disabled]
    return RuleSet(lang, [r for r in every if not isinstance(r, SetRule)], lex, [*specs, *core.rules],
                   [r for r in every if isinstance(r, SetRule)])


def _build(spec: RuleSpec, setup: Setup) -> list[Rule]:
    try:
        return KINDS[spec.kind].build(setup)
    except CrisisplayError as exc:
        raise CrisisplayError(exc.message, spec.location) from None


def check_doc(doc: Doc, ruleset: RuleSet, ctx: CheckContext) -> list[Finding]:
    """The findings of every applicable rule, overlaps within a category merged.

    Words quoted as words to avoid («Не используйте слова: паника, …», "What not to say"
    and the list under it) are mentioned, not used: no word-level finding there.
    """
    findings: list[Finding] = []
    for rule in ruleset.rules:
        if rule.applies(ctx):
            findings.extend(rule.check(doc, ctx))
    regions = meta_regions(doc, ruleset.lexicon)
    if regions:
        findings = [
            f for f in findings
            if f.end <= f.start or not any(s <= f.start and f.end <= e for s, e in regions)
        ]
    return dedupe(findings)


# «[-*]\s|[•–—]\s» is «[-*•–—]\s»: that one class (Latin-1 and other characters, more than two
# runs) compiles to a 64K-entry bitmap, about a million instructions on every start.
_BULLET_LINE = re.compile(r"\s*(?:[-*]\s|[•–—]\s|\d+[.)]\s)")


def meta_regions(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Text ranges that list words to avoid: the rest of the cue's line, and a list under it."""
    text = doc.text
    regions = []
    for match in lex.get("meta_cue").find(doc):
        start = match.offsets(doc)[1]
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line_start = text.rfind("\n", 0, start) + 1
        cue_start = match.offsets(doc)[0]
        line = text[line_start:end]
        header = line.rstrip().endswith(":") or (not text[line_start:cue_start].strip("#• \t")
                                                  and not text[start:end].strip(" .:!"))
        while header and end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt]
            if line.strip() and not _BULLET_LINE.match(line):
                break
            end = nxt
        regions.append((start, end))
    return regions


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per category and overlapping span (the most severe, then the first)."""
    ordered = sorted(findings, key=lambda f: (-f.severity, f.start))
    kept: list[Finding] = []
    for finding in ordered:
        clash = any(
            k.category == finding.category
            and ((k.start < finding.end and finding.start < k.end)
                 or k.start == k.end == finding.start == finding.end)
            for k in kept
        )
        if not clash:
            kept.append(finding)
    kept.sort(key=lambda f: (f.start, f.rule))
    return kept


def context_for(doc: Doc, ruleset: RuleSet, channel: str, stage: str | None) -> CheckContext:
    if stage is not None:
        return CheckContext(stage=stage, channel=channel)
    return CheckContext(stage=infer_stage(doc, ruleset.lexicon), channel=channel, stage_inferred=True)


def address_style(doc: Doc, lex: Lexicon) -> tuple[str | None, bool | None]:
    """The message's form of address (formal/informal) and «Вы» capitalisation, if any."""
    formal = len(lex.get("address_formal").find(doc))
    informal = len(lex.get("address_informal").find(doc))
    style = None if not (formal or informal) else ("informal" if informal > formal else "formal")
    capitals = [
        doc.tokens[m.first].text[:1].isupper()
        for m in lex.get("address_pronoun").find(doc)
        if not doc.is_sentence_initial(m.first)
    ]
    capital = None if not capitals or doc.lang != "ru" else capitals.count(True) >= capitals.count(False)
    return style, capital
