"""What each time pattern of :mod:`crisisplay.tone.timeexpr` cannot match without, and the
searches that skip to it.

A message is scanned with fourteen or fifteen patterns; most messages hold a time or two, so most scans
would find nothing. Each pattern has a prefilter here (a necessary condition: a digit, one of
its words, its digit- or punctuation-led core), tested with plain substring checks where they
do (``in`` on a string costs a few instructions a character; a regular expression led by a
character class, like every pattern led by ``\\b`` or a look-behind, tens of them). A pattern
whose every match holds a core near its start is searched from the core on
(:func:`core_led`). tests/tone/test_tone_timeexpr.py checks each prefilter against its pattern.

The number words live here too: the Russian prefilters are built from them, and
:mod:`~crisisplay.tone.timeexpr` builds its patterns from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from crisisplay.lazy_re import LazyPattern

NUM_RU = {
    "один": 1, "одну": 1, "одна": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2,
    "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5,
    "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9,
    "девяти": 9, "десять": 10, "десяти": 10, "двенадцать": 12, "двенадцати": 12,
    "пятнадцать": 15, "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30,
    "тридцати": 30, "сорок": 40, "сорока": 40, "полтора": 1.5, "полутора": 1.5,
}
NUM_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "forty-five": 45, "a couple of": 2, "a few": 3, "half an": 0.5, "half a": 0.5,
}
MONTHS_RU = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
             "октябр", "ноябр", "декабр"]


def alternation(words: list[str]) -> str:
    """``a|b|c`` of ``words`` (longest first) grouped by first letter: «д(?:вадцать|ва)|т(?:ри)».

    It matches what the flat alternation matches, with the same groups: at a position only the
    words of one first letter can match, and they are tried in the same order. The engine,
    which tries each branch in turn at every word start, tries a letter where it tried a word.
    """
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first(words).items())


def by_first(words: list[str]) -> dict[str, list[str]]:
    """The words (longest first) by their first letter: the rest of each."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        grouped.setdefault(word[0], []).append(word[1:])
    return grouped


NUMS_RU = alternation(list(NUM_RU))
_I = re.IGNORECASE

DIGIT_RE = re.compile(r"\d")
#: The cores: parts of the patterns every match of theirs holds, led by a digit or a literal
#: character, which the regex engine skips to; the patterns themselves open with an assertion
#: (``\b``, a look-behind) and are tried at every position of the text. Each core search starts
#: at the text's first digit: every match of these patterns holds a digit before its core or at
#: its start.
_ISO_CORE = LazyPattern(r"-\d\d-\d\d")  # led by "-", 4 characters after the date's start
_DOTTED_DATE_CORE = LazyPattern(r"\d\.\d{1,2}\.\d\d")
_MONTH_CORE_RU = LazyPattern(rf"\d\s+(?:{'|'.join(MONTHS_RU)})", _I)
_HOUR_CORE_RU = LazyPattern(r"\d\s*(?:ч|утра|дня|вечера|ночи)", _I)
#: A relative time or a cadence: its lead word, at most one word or number, then the start of
#: a unit. Compiled in a fraction of the time of the patterns (whose number-word alternation is
#: long): «через»/«каждый» meet in most texts, a unit after them in few.
_UNIT_START_RU = r"\s+(?:[\w.,]+\s*)?(?:пол|мин|ч|сут|дн|ден|недел)"
_RELATIVE_CORE_RU = LazyPattern(rf"(?:через|течение|ближайш\w*){_UNIT_START_RU}", _I)
_CADENCE_CORE_RU = LazyPattern(rf"(?:кажд\w*|раз\s+в){_UNIT_START_RU}", _I)
#: A duration: a number (digits or a number word), spaces, the start of a unit, searched in the
#: case-folded text (Cyrillic letters fold to what ``re.I`` matches them with). «ч» is in almost
#: every Russian text, and the duration pattern, the costliest to compile (its number words and
#: units case-blind), then found nothing in most runs.
_DURATION_CORE_RU = LazyPattern(rf"(?:\d|{NUMS_RU})\s*(?:мин|ч|сут|дн|ден|недел)")
_HYPHEN_CLOCK_CORE_RU = LazyPattern(r"\d-(?:00|15|30|45)")  # «к 15-00»
_CLOCK_CORE_EN = LazyPattern(r":[0-5]\d")  # led by ":", 1 or 2 characters after the clock's start
_AMPM_CORE_EN = LazyPattern(r"\d(?:[:.][0-5]\d)?\s*[ap]\.?\s?m", _I)


def _any(*words: str) -> Callable[[str], bool]:
    return lambda folded: any(word in folded for word in words)


#: Why ``(text, case-folded text, first digit)`` passes the prefilter of each pattern, in the
#: order of ``timeexpr._PATTERNS``: a false value skips the pattern; for a core-led pattern
#: (:data:`CORE_LED`) the value is the first match of its core. (Case-folded text: the words of
#: the case-blind patterns are looked for in it, see tests/tone/test_tone_timeexpr.py.)
Needs = Callable[[str, str, "re.Match[str] | None"], Sequence[object]]
#: The words before a unit without its number, tested once per message (one closure, made here)
_LENGTH_WORDS_RU = _any("около", "примерно", "приблизительно", "порядка", "займ", "продлится", "потребуется")

_NEEDS_RU: list[Callable[[str, str, re.Match[str] | None], object]] = [
    lambda text, folded, digit: digit and "-" in text and _ISO_CORE.search(text, digit.start()),
    lambda text, folded, digit: digit and "." in text and _DOTTED_DATE_CORE.search(text, digit.start()),
    lambda text, folded, digit: digit and (":" in text or "." in text),
    lambda text, folded, digit: digit and _MONTH_CORE_RU.search(text, digit.start()),
    lambda text, folded, digit: digit and bool(_HOUR_CORE_RU.search(text, digit.start())),
    lambda text, folded, digit: _any("полдень", "полночь")(folded),
    lambda text, folded, digit: "вечер" in folded,
    lambda text, folded, digit: "сегодня" in folded or "завтра" in folded,
    lambda text, folded, digit: _any("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу",
                                     "воскресенье")(folded),
    lambda text, folded, digit: "конца" in folded,
    lambda text, folded, digit: _any("через", "течение", "ближайш")(folded)
    and bool(_RELATIVE_CORE_RU.search(text)),
    lambda text, folded, digit: ("кажд" in folded or "раз" in folded) and bool(_CADENCE_CORE_RU.search(text)),
    lambda text, folded, digit: _any("ежечасно", "ежедневно")(folded)
    or ("каждое" in folded and "утро" in folded) or ("каждый" in folded and "вечер" in folded),
    lambda text, folded, digit: _any("мин", "ч", "сут", "дн", "ден", "недел")(folded)
    and bool(_DURATION_CORE_RU.search(folded)),
    # one unit without its number after a word of length («займёт около часа»)
    lambda text, folded, digit: _LENGTH_WORDS_RU(folded),
    lambda text, folded, digit: digit and "-" in text and bool(_HYPHEN_CLOCK_CORE_RU.search(text, digit.start())),
]


def _needs_ru(text: str, folded: str, digit: re.Match[str] | None) -> Sequence[object]:
    return [needed(text, folded, digit) for needed in _NEEDS_RU]


def _needs_en(text: str, folded: str, digit: re.Match[str] | None) -> Sequence[object]:
    # One function rather than a function per pattern: the checks shared by two patterns (a
    # month name, "today") are made once, and no lambda or generator is made per message.
    iso: object = False
    ampm: object = False
    clock: object = False
    month = False
    if digit is not None:
        at = digit.start()
        iso = "-" in text and _ISO_CORE.search(text, at)
        ampm = _AMPM_CORE_EN.search(text, at)
        clock = ":" in text and _CLOCK_CORE_EN.search(text, at)
        # the English month patterns are case-sensitive: a month name starts with one of these
        month = ("Jan" in text or "Feb" in text or "Mar" in text or "Apr" in text or "May" in text
                 or "Jun" in text or "Jul" in text or "Aug" in text or "Sep" in text or "Oct" in text
                 or "Nov" in text or "Dec" in text)
    today = "today" in folded
    return (
        iso,
        ampm,
        clock,
        "noon" in folded or "midday" in folded or "midnight" in folded,
        month,
        month,
        today or "tomorrow" in folded or "tonight" in folded,
        ("this" in folded or "later" in folded)
        and (today or "morning" in folded or "afternoon" in folded or "evening" in folded),
        "day" in folded,  # every weekday name
        "end" in folded,
        True,  # "in" may be written «İN», which does not fold to it
        "every" in folded,
        "hourly" in folded or "daily" in folded or "once" in folded or "twice" in folded,
        True,  # a unit needs only "h" or "m": no cheaper test than the scan
    )


NEEDS: dict[str, Needs] = {"ru": _needs_ru, "en": _needs_en}

#: Patterns whose every match holds a match of its core (its prefilter's search) starting at
#: most ``lead`` characters after its own start: the index of the pattern in
#: ``timeexpr._PATTERNS``, its core and lead (see :func:`core_led`).
CORE_LED: dict[str, dict[int, tuple[LazyPattern, int]]] = {
    "ru": {0: (_ISO_CORE, 4), 1: (_DOTTED_DATE_CORE, 1), 3: (_MONTH_CORE_RU, 1)},
    "en": {0: (_ISO_CORE, 4), 1: (_AMPM_CORE_EN, 1), 2: (_CLOCK_CORE_EN, 2)},
}


def core_led(
    pattern: LazyPattern, core: LazyPattern, lead: int, text: str, found: re.Match[str] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, each search started ``lead`` characters before the next core.

    ``found`` is the first core match at or after a position no match's core is before (the
    start of the text, or its first digit where every core follows a digit of its match).
    The next match at or after ``position`` holds a core match at most ``lead`` characters
    after its start, and the first core match from ``position`` starts no later than that one:
    no match starts before ``lead`` characters ahead of it. Look-behinds and ``\\b`` see the text
    before a search's start, so each match is the one ``finditer`` makes (none is empty).
    """
    position = 0
    while found is not None:
        match = pattern.search(text, max(position, found.start() - lead))
        if match is None:
            return
        yield match
        position = match.end()
        found = core.search(text, position)
