"""Word forms to lemma keys: pymorphy3 for Russian, Snowball stems for English.

A rule entry and a word of the text match when they share a *key*. For Russian the keys of
a word are the normal forms of all its pymorphy3 readings («панике» → {паника}; «вине» →
{вина, вино}), so one entry matches every case and number; an entry's key is the normal form
of its first reading. For English the key is the Snowball stem after a little spelling
normalisation (British -ise → -ize, "panicking" → "panic", a few irregular verbs), so
"guarantee", "guaranteed" and "guarantees" share one key.

Everything heavy loads on first use (``crisisplay --help`` never imports pymorphy3) and every
look-up is cached: one analyzer per process, one analysis per distinct word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from itertools import repeat
from typing import Any

from crisisplay.lazy_re import LazyPattern
from crisisplay.tone.wordstore import STORES, WordStore, _open_cache, unknown_indexes

#: (normal form, grammemes, score) of one reading.
Parse = tuple[str, frozenset[str], float]

_IRREGULAR_EN = {
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be",
    "lost": "lose", "broke": "break", "broken": "break", "fell": "fall", "fallen": "fall",
    "went": "go", "gone": "go", "did": "do", "done": "do", "made": "make", "took": "take",
    "taken": "take", "told": "tell", "sent": "send", "stole": "steal", "stolen": "steal",
    "hid": "hide", "hidden": "hide", "ran": "run", "kept": "keep", "caught": "catch",
    "began": "begin", "begun": "begin", "brought": "bring", "thought": "think",
    "knew": "know", "known": "know", "children": "child", "people": "person", "men": "man", "women": "woman",
}
_ISE_RE = LazyPattern(r"is(e|es|ed|ing|ation|ations)$")  # English only
#: typographic apostrophes and hyphens («аварийно‑восстановительные» with U+2011, as Word and
#: CMS editors write it) read as the ASCII ones; ё as е
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ё": "е", "Ё": "Е", "\u2010": "-", "\u2011": "-"})


#: Words already normalised: every token of every message is, and ``translate`` is slow.
_NORMALISED: dict[str, str] = {}


def normalise_all(words: list[str]) -> list[str]:
    """:func:`normalise` of every word (one call for the tokens of a message)."""
    found = list(map(_NORMALISED.get, words))  # no bytecode per word: nearly all are known
    for index in unknown_indexes(found):
        found[index] = normalise(words[index])
    return found  # type: ignore[return-value]


def normalise(word: str) -> str:
    """Lower case, ё → е, typographic apostrophes and hyphens → ASCII."""
    known = _NORMALISED.get(word)
    if known is None:
        if len(_NORMALISED) >= 262_144:
            _NORMALISED.clear()
        known = _NORMALISED[word] = word.translate(_APOSTROPHES).lower()
    return known


@functools.cache
def ru_analyzer() -> Any:
    """The one pymorphy3 analyzer of the process (loading the dictionaries takes ~0.2 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def known_grammemes() -> frozenset[str]:
    """pymorphy3's grammemes (OpenCorpora tags: ``VERB``, ``futr``, ``3per`` …), the tags a
    phrase may ask for."""
    return frozenset(ru_analyzer().TagClass.KNOWN_GRAMMEMES)


@functools.cache
def _en_stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def ru_parses(word: str) -> tuple[Parse, ...]:
    """Every reading of a (lower-case) Russian word, best first."""
    return _RU.get(word)[1]


def word_is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary has the (lower-case) word (not just a guess by suffix)."""
    return _unranked(word)[0]


def prefetch(words: Iterable[str], lang: str) -> None:
    """Analyses of ``words`` from lint's cache, in one look-up (see :mod:`~crisisplay.tone.wordstore`)."""
    if _open_cache() is None:
        return  # no cache (switched off): nothing to look up
    words = list(words)
    if lang == "ru":  # a Latin word in Russian text has readings (LATN) and a stem
        _RU.prefetch(words)
        words = [w for w in words if not _is_cyrillic(w)]
    _EN.prefetch(words)


def _analyse(word: str) -> tuple[bool, tuple[Parse, ...]]:
    analyzer = ru_analyzer()
    readings = _UNRANKED.pop(word, (None,))[0]
    if readings is None:
        return _analysis(word, analyzer.parse(word))
    # ``MorphAnalyzer.parse``'s ranking, of the readings its units found before (``_unranked``)
    if analyzer.prob_estimator is not None:
        readings = analyzer.prob_estimator.apply_to_parses(word, word.lower(), readings)
    return _analysis(word, _as_parses(analyzer, readings))


def _as_parses(analyzer: Any, readings: list[Any]) -> list[Any]:
    """``MorphAnalyzer.parse``'s last step: its readings as its result type."""
    return readings if analyzer._result_type is None else [analyzer._result_type(*r) for r in readings]


def _analysis(word: str, parses: Any) -> tuple[bool, tuple[Parse, ...]]:
    result = []
    for parse in parses:
        grammemes = frozenset(parse.tag.grammemes)
        if "impr" in grammemes and "incl" in grammemes:
            grammemes |= {"futr"}  # «восстановим», «починим»: "let us restore" is a future too
        result.append((normalise(parse.normal_form), grammemes, float(parse.score)))
    dictionary = _dictionary_unit()
    if dictionary is None:
        return bool(ru_analyzer().word_is_known(word)), tuple(result)
    # ``word_is_known`` walks the dictionary again for what the parse has just found: the word
    # is known when the dictionary unit read it itself (a one-step method stack; a reading of a
    # word the dictionary lacks, by prefix or hyphen, wraps another unit's reading of a part)
    known = any(len(stack := parse.methods_stack) == 1 and stack[0][0] is dictionary for parse in parses)
    return known, tuple(result)


#: Words whose readings pymorphy3's units found but that are not ranked yet (``_unranked``):
#: the raw readings (for ``_analyse``) and the analysis with the units' scores.
_UNRANKED: dict[str, tuple[list[Any], tuple[bool, tuple[Parse, ...]]]] = {}


def ru_readings(word: str) -> tuple[Parse, ...]:
    """Every reading of a (lower-case) Russian word, in no particular order and with scores that
    are not P(tag|word): for lemmas and grammemes, which do not depend on them."""
    return _unranked(word)[1]


def _unranked(word: str) -> tuple[bool, tuple[Parse, ...]]:
    """The word's analysis, ranked when it is known already; else, without lint's cache, its
    readings before pymorphy3 ranks them by P(tag|word) (a look-up per reading): most words are
    only asked for lemmas and grammemes. With the cache every word is ranked as before (the
    cache keeps ranked analyses)."""
    value = _RU.known.get(word) or _UNRANKED.get(word, (None, None))[1]
    if value is not None:
        return value
    if _dictionary_unit() is None or _open_cache() is not None:
        return _RU.get(word)
    analyzer, readings, seen = ru_analyzer(), [], set()  # type: ignore[var-annotated]
    for unit, is_terminal in analyzer._units:  # ``MorphAnalyzer.parse`` before its ranking
        readings.extend(unit.parse(word, word.lower(), seen))
        if is_terminal and readings:
            break
    value = _analysis(word, _as_parses(analyzer, readings))
    if len(_UNRANKED) >= 262_144:
        _UNRANKED.clear()
    _UNRANKED[word] = (readings, value)
    return value


@functools.cache
def _dictionary_unit() -> Any:
    """pymorphy3's dictionary unit when it is the first of the analyzer's units, as in every
    pymorphy3 so far (its ``parse`` runs the units in order, and a reading found by that unit
    is one it read from the dictionary); None otherwise (then ``word_is_known`` is asked)."""
    from pymorphy3.units import DictionaryAnalyzer

    units = getattr(ru_analyzer(), "_units", None)
    if not units or not isinstance(units[0][0], DictionaryAnalyzer):
        return None
    return units[0][0]


def _first_lemma(word: str) -> str | None:
    """The normal form of a (lower-case) word's best reading when all its readings share one,
    found without ranking them; None when they differ, have none, or the analyzer is not as
    expected (:func:`_dictionary_unit`).

    pymorphy3's ``parse`` runs its units, then ranks their readings by P(tag|word) (a
    dictionary look-up per reading, about half the parse). A rule entry's key is the normal
    form of the best reading, and a word whose readings all have one normal form (most
    entries: «паника», «гарантировать») has that key however they rank.
    """
    analyzer = ru_analyzer()
    if _dictionary_unit() is None:
        return None
    readings: list[Any] = []
    seen: set[Any] = set()
    lower = word.lower()
    for unit, is_terminal in analyzer._units:  # ``MorphAnalyzer.parse`` before its ranking
        readings.extend(unit.parse(word, lower, seen))
        if is_terminal and readings:
            break
    forms = {reading[2] for reading in readings}
    return forms.pop() if len(forms) == 1 else None


def _ru_to_json(value: tuple[bool, tuple[Parse, ...]]) -> object:
    known, parses = value
    return [known, [[lemma, sorted(grammemes), score] for lemma, grammemes, score in parses]]


def _ru_from_json(value: object) -> tuple[bool, tuple[Parse, ...]] | None:
    """A cached ``[known, [[lemma, [grammemes…], score], …]]``, or None when it is not that."""
    if not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], bool):
        return None
    known, readings = value
    if not isinstance(readings, list):
        return None
    parses = []
    for reading in readings:
        if not (isinstance(reading, list) and len(reading) == 3):
            return None
        lemma, grammemes, score = reading
        # map(isinstance, …): the grammemes checked without a bytecode loop (every word of a run)
        if not (isinstance(lemma, str) and isinstance(grammemes, list) and isinstance(score, (int, float))
                and not isinstance(score, bool) and all(map(isinstance, grammemes, repeat(str)))):
            return None
        parses.append((lemma, frozenset(grammemes), float(score)))
    return known, tuple(parses)


def _stem(lower: str) -> str:
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = _IRREGULAR_EN.get(lower, lower)
    lower = _ISE_RE.sub(lambda m: "iz" + m.group(1), lower) if len(lower) > 5 else lower
    stem = str(_en_stemmer().stemWord(lower))
    if stem.endswith("ck") and (lower.endswith("cking") or lower.endswith("cked")):
        stem = stem[:-1]
    return stem


def _en_from_json(value: object) -> str | None:
    return value if isinstance(value, str) else None


_RU: WordStore[tuple[bool, tuple[Parse, ...]]] = WordStore("words-ru", _analyse, _ru_to_json, _ru_from_json)
_EN: WordStore[str] = WordStore("words-en", _stem, lambda stem: stem, _en_from_json)
STORES.extend([_RU, _EN])  # type: ignore[list-item]


@functools.lru_cache(maxsize=65_536)
def has_reading(word: str, tags: frozenset[str]) -> bool:
    """Whether some reading of a (lower-case) Russian word has every one of ``tags``."""
    return any(tags <= parse[1] for parse in ru_readings(word))


def en_key(word: str) -> str:
    """The Snowball stem of an English word, after spelling normalisation."""
    return _EN.get(normalise(word))


@functools.lru_cache(maxsize=262_144)
def word_keys(word: str, lang: str) -> frozenset[str]:
    """The keys of a word of the text: every lemma (ru) or the stem (en)."""
    lower = normalise(word)
    if not any(ch.isalpha() for ch in lower):
        return frozenset({lower})
    if lang == "ru" and _is_cyrillic(lower):
        return frozenset({lower} | {p[0] for p in ru_readings(lower)})
    return frozenset({en_key(lower)})


@functools.lru_cache(maxsize=65_536)
def entry_key(word: str, lang: str) -> str:
    """The key of a rule entry's word: its first reading's lemma (ru) or stem (en)."""
    lower = normalise(word)
    if not any(ch.isalpha() for ch in lower):
        return lower
    if lang == "ru" and _is_cyrillic(lower):
        return _RU_KEYS.get(lower)
    return en_key(lower)


def _ru_entry_key(lower: str) -> str:
    """:func:`entry_key` of a lower-case Russian word: a rule set has a thousand words, most
    never in a message, so a word not analysed yet is only analysed as far as its key needs."""
    if lower not in _RU.known and (lemma := _first_lemma(lower)) is not None:
        return normalise(lemma)
    parses = ru_parses(lower)
    return parses[0][0] if parses else lower


#: The keys of rule entries' Russian words, kept in lint's cache (as the analyses of the words
#: of messages are): a warm run never loads pymorphy3.
_RU_KEYS: WordStore[str] = WordStore("keys-ru", _ru_entry_key, lambda key: key, _en_from_json)
STORES.append(_RU_KEYS)  # type: ignore[arg-type]


_CYRILLIC_RE = re.compile("[а-я]")


def _is_cyrillic(word: str) -> bool:
    """A lower-case Cyrillic letter (ё aside) in the word: a regex beats a loop over letters."""
    return _CYRILLIC_RE.search(word) is not None


@functools.lru_cache(maxsize=262_144)
def tag_share(word: str, tags: frozenset[str], lang: str) -> float:
    """The share of a word's reading scores whose grammemes include all of ``tags``.

    A tag written ``-NOUN`` must be absent instead. English has no grammemes here: the share
    is 1.0 when no tags are asked for, else 0.
    """
    if not tags:
        return 1.0
    lower = normalise(word)
    if lang != "ru" or not _is_cyrillic(lower):
        return 0.0
    wanted = frozenset(t for t in tags if not t.startswith("-"))
    unwanted = frozenset(t[1:] for t in tags if t.startswith("-"))
    having = [wanted <= p[1] and not unwanted & p[1] for p in ru_readings(lower)]
    if not any(having):  # no reading has them (most words): nothing to rank
        return 0.0
    if all(having) and sum(p[2] for p in ru_readings(lower)) > 0:  # every reading: the whole
        return 1.0
    parses = ru_parses(lower)  # some readings: their share of the ranked scores
    total = sum(p[2] for p in parses) or 1.0
    return sum(p[2] for p in parses if wanted <= p[1] and not unwanted & p[1]) / total


@functools.lru_cache(maxsize=65_536)
def is_dictionary_word(word: str) -> bool:
    """True for a known Russian word that is not an abbreviation or an initial."""
    lower = normalise(word)
    if not _is_cyrillic(lower):
        return False
    if not word_is_known(lower):
        return False
    best = ru_parses(lower)
    return bool(best) and not ({"Abbr", "Init", "Orgn", "Geox", "Name", "Surn"} & best[0][1])


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2"})


@functools.lru_cache(maxsize=16_384)
def is_attributive(word: str, following: str) -> bool:
    """Whether ``word`` can be an adjective agreeing in case and number with the noun after it.

    «данные меры» — yes; «чьи данные затронуты», «данные клиентов» — no: there «данные» is
    the noun (data), and swapping it for «эти» would break the sentence.
    """
    if not _is_cyrillic(normalise(word)) or not _is_cyrillic(normalise(following)):
        return False
    adjectives = [p for p in ru_parses(normalise(word)) if p[1] & {"ADJF", "PRTF"}]
    nouns = [p for p in ru_parses(normalise(following)) if "NOUN" in p[1]]
    for _lemma, adj, _score in adjectives:
        for _noun_lemma, noun, _s in nouns:
            same_case = adj & noun & _CASES
            same_number = adj & noun & {"sing", "plur"}
            if same_case and same_number:
                return True
    return False


def has_noun_reading(word: str) -> bool:
    """«данные» is also a noun (data); «данного» is not."""
    lower = normalise(word)
    return _is_cyrillic(lower) and any("NOUN" in p[1] and p[2] >= 0.05 for p in ru_parses(lower))
