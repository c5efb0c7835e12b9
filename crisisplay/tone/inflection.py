"""Putting a Russian replacement word into the form of the word it replaces (pymorphy3)."""

from __future__ import annotations

import functools

from crisisplay.tone.morph import _is_cyrillic, normalise, ru_analyzer

_CASES_NUMBERS = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "sing", "plur"})
_GENDERS = frozenset({"masc", "femn", "neut"})
#: Part-of-speech families whose members can replace each other, and what they inflect for.
_FAMILIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "noun": (frozenset({"NOUN"}), _CASES_NUMBERS),
    "adj": (frozenset({"ADJF", "PRTF"}), _CASES_NUMBERS | _GENDERS | {"anim", "inan"}),
    "short": (frozenset({"ADJS", "PRTS"}), frozenset({"sing", "plur"}) | _GENDERS),
    "verb": (frozenset({"VERB", "INFN"}),
             frozenset({"sing", "plur", "1per", "2per", "3per", "pres", "past", "futr", "indc", "impr",
                        "incl", "excl"}) | _GENDERS),
    "gerund": (frozenset({"GRND"}), frozenset({"pres", "past"})),
}


def _family(pos: str | None) -> str | None:
    return next((name for name, (members, _g) in _FAMILIES.items() if pos in members), None)


@functools.lru_cache(maxsize=16_384)
def inflect_like(replacement: str, original: str) -> str | None:
    """Put a one-word Russian replacement into the form of ``original``.

    «данного» with «этот» gives «этого», «осуществляем» with «проводить» gives «проводим».
    Returns None when the two words are not of one part-of-speech family or pymorphy3
    cannot produce every grammeme of the original; callers then suggest without fixing.
    """
    if " " in replacement.strip() or not _is_cyrillic(normalise(original)):
        return None
    analyzer = ru_analyzer()
    source = analyzer.parse(normalise(original))
    if not source:
        return None
    family = _family(source[0].tag.POS)
    if family is None:
        return None
    if source[0].tag.POS == "INFN":
        return replacement
    members, inflects = _FAMILIES[family]
    candidates = [p for p in analyzer.parse(normalise(replacement)) if p.tag.POS in members | {"INFN", "ADJF"}]
    if not candidates:
        return None
    forms = set()
    for parse in source:  # «работоспособность» is nominative or accusative: both must agree
        if parse.score < 0.1 or _family(parse.tag.POS) != family:
            continue
        wanted = {g for g in parse.tag.grammemes if g in inflects}
        if parse.tag.POS in ("ADJF", "PRTF") and "sing" not in wanted:
            wanted -= _GENDERS
        if family == "verb" and "past" not in wanted:
            wanted -= _GENDERS
        inflected = candidates[0].inflect(wanted)
        if inflected is None or not wanted <= set(inflected.tag.grammemes) or _family(inflected.tag.POS) != family:
            return None
        forms.add(str(inflected.word))
    return forms.pop() if len(forms) == 1 else None
