"""Ranges and alternatives of times: «через 2–3 часа», «в 15–16 часов», "in 2-3 hours", "3-4 PM",
"between 3 and 4 PM".

The time patterns (:mod:`~crisisplay.tone.timeexpr`) read one number before a unit, so «через
2–3 часа» alone would be the duration «3 часа», and "Next update in 2-3 hours" would name no
next update at all. A mention whose number is the second of a range («2–3», «два-три», "2 to
3") or of an alternative («2 или 3», "3 or 4") is widened here to take in the first number and
the word that leads the whole («через», «в течение», «каждые», «в», "in", "within", "every"):

* a relative time, cadence or duration becomes a :class:`Between` of minutes, so that
  «через 2–3 часа» agrees with «через 3 часа» and not with «через час»;
* an hour of the day becomes the set of its minutes, as «к вечеру» does: «в 15–16 часов» and
  "3-4 PM" are 15:00–16:00, «в 15 или 16 часов» is 15:00 or 16:00;
* the bare start of a Russian window, «с 9» of «с 9 до 18 часов», becomes a mention of its
  own (a start, like «с 9:00»).
"""

from __future__ import annotations

import re

from crisisplay.tone.timeexpr import (
    CADENCE,
    CLOCK,
    DURATION,
    RELATIVE,
    Between,
    TimeMention,
    _fmt_minutes,
    _number,
)

_WORDS_RU = (r"одн\w*|два|две|двух|три|тр[её]х|четыр\w*|пять|пяти|шесть|шести|семь|семи|восемь|восьми"
             r"|девять|девяти|десять|десяти")
_WORDS_EN = r"one|two|three|four|five|six|seven|eight|nine|ten|twelve"
#: The first number of a range or an alternative, right before the mention: «2–», «два-»,
#: «2 или », "2 to ", "3 or ". What leads the whole is read separately (``_LEADS``).
_FIRST = {
    "ru": re.compile(rf"(?<![\w.,:–—-])(?P<lo>\d{{1,3}}(?:[.,]\d+)?|{_WORDS_RU})\s*(?P<sep>[-–—]|или|либо)\s*$", re.I),
    "en": re.compile(rf"(?<![\w.,:–—-])(?P<lo>\d{{1,3}}(?:\.\d+)?|{_WORDS_EN})\s*(?P<sep>[-–—]|or|to|and)\s*$", re.I),
}
#: Words that make a range before them a relative time, a cadence or an hour of the day.
_LEADS = {
    "ru": ((RELATIVE, re.compile(r"(?:\bчерез|\bв\s+течение|\bв\s+ближайш\w+|\bне\s+позднее\s+чем\s+через)\s+$", re.I)),
           (CADENCE, re.compile(r"(?:\bкажд\w+|\bраз\s+в)\s+$", re.I)),
           (CLOCK, re.compile(r"(?:\bв|\bк|\bдо|\bоколо|\bс|\bсо|\bпосле)\s+$", re.I))),
    "en": ((RELATIVE, re.compile(r"(?:\bin|\bwithin)\s+(?:the\s+next\s+)?$", re.I)),
           (CADENCE, re.compile(r"\bevery\s+$", re.I)),
           (CLOCK, re.compile(r"(?:\bat|\bby|\baround|\buntil|\bbetween)\s+$", re.I))),
}
_BETWEEN_EN = re.compile(r"\bbetween\s+$", re.I)
_HOUR_UNIT = re.compile(r"\s*(?:ч\b|час)", re.I)
#: The bare start hour of a Russian window whose end is a mention «до 18 часов»: «с 9 » of «с 9
#: до 18 часов» (the hour patterns need a unit after each hour, which only the end has).
_WINDOW_START_RU = re.compile(r"(?<![\w.,:])(?:с|со)\s+(?P<h>\d{1,2})\s+$", re.I)
_UNTIL_RU = re.compile(r"до\s", re.I)
_LEADING_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)?|[^\W\d]+)")
_LOOK_BACK = 48  # characters before a mention that can hold its range's first number and lead


def widen_ranges(text: str, lang: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """``mentions`` with each second number of a range or alternative widened (see the module)."""
    key = "ru" if lang == "ru" else "en"
    result = list(mentions)
    for index, mention in enumerate(mentions):
        if mention.kind not in (DURATION, CLOCK):
            continue
        # only when a number ends right before it: most mentions are not ranges
        before = text[max(0, mention.start - _LOOK_BACK) : mention.start]
        stripped = before.rstrip()
        if not stripped or not (stripped[-1] in "-–—" or stripped.endswith(("или", "либо", "or", "to", "and"))):
            continue
        first = _FIRST[key].search(before)
        if first is None:
            continue
        start = mention.start - len(before) + first.start()
        if any(other.start < mention.start and start < other.end for other in mentions if other is not mention):
            continue  # the first number is another mention («с 10:00 до 15 часов»)
        widened = _widened(text, key, mention, first, start)
        if widened is not None:
            result[index] = widened
    if key == "ru" and "до" in text:
        result = _window_starts(text, result)
    return result


def _window_starts(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """«с 9 до 18 часов»: the start hour as its own mention (since), before the end's."""
    found: list[TimeMention] = []
    for mention in mentions:
        if mention.kind == CLOCK and _UNTIL_RU.match(text, mention.start) and isinstance(mention.value, frozenset):
            before = text[max(0, mention.start - 12) : mention.start]
            start = _WINDOW_START_RU.search(before)
            if start is not None and (not found or found[-1].end <= mention.start - len(before) + start.start("h")):
                hour = int(start.group("h"))
                # an end without a half of the day («до 8 часов»: 08:00 or 20:00) is the one after the start
                end = min((v for v in mention.value if v > hour * 60), default=min(mention.value))
                if hour < 12 and end >= 12 * 60 and (hour + 12) * 60 <= end:
                    hour += 12  # «с 3 до 5 часов дня»: the start is in the end's half of the day
                if hour * 60 < end or (12 <= hour <= 23 and end < 12 * 60):  # or overnight: «с 20 до 8 утра»
                    at = mention.start - len(before) + start.start("h")
                    found.append(TimeMention(CLOCK, at, at + len(start.group("h")), frozenset({hour * 60}),
                                             f"{hour:02d}:00", True))
        found.append(mention)
    return found


def _widened(text: str, lang: str, mention: TimeMention, first: re.Match[str], start: int) -> TimeMention | None:
    try:
        low_number = _number(first.group("lo"), lang)
    except (KeyError, ValueError):
        return None
    alternative = first.group("sep").lower() in ("или", "либо", "or")
    if first.group("sep").lower() == "and" and not _BETWEEN_EN.search(text, max(0, start - 12), start):
        return None  # "2 and 3 PM" is a range only after "between"
    lead_kind, lead_start = _lead(text, lang, start)
    if mention.kind == DURATION and isinstance(mention.value, int):
        if lead_kind == CLOCK:
            hours = _hour_range(text, mention, low_number, alternative, lead_start)
            if hours is not None:
                return hours
            lead_kind = None  # «до 2–3 дней»: a duration after all
        number = _number_of(text, mention, lang)
        low, high = (round(low_number * mention.value / number), mention.value) if number else (0, 0)
        if not 0 < low < high:
            return None
        kind = lead_kind or DURATION
        shown = f"{_fmt_minutes(low)}–{_fmt_minutes(high)}"
        prefix = {RELATIVE: "in ", CADENCE: "every "}.get(kind, "")
        return TimeMention(kind, lead_start if lead_kind else start, mention.end, Between(low, high),
                           prefix + shown, mention.since)
    if mention.kind == CLOCK and isinstance(mention.value, frozenset) and len(mention.value) == 1:
        # "3-4 PM", "3 or 4 PM": the first hour takes the second's half of the day
        (minute,) = mention.value
        if not float(low_number).is_integer():
            return None
        low = (minute // 60 // 12) * 720 + int(low_number) % 12 * 60
        if not 0 <= low < minute or text[start : mention.start].count(":"):
            return None
        return _clock_between(mention, start if lead_kind != CLOCK else lead_start, low, minute, alternative)
    return None


def _number_of(text: str, mention: TimeMention, lang: str) -> float:
    """The number a duration mention was read from («3» of «3 часа»)."""
    number = _LEADING_NUMBER.match(text, mention.start, mention.end)
    try:
        return _number(number.group(1), lang) if number else 0.0
    except (KeyError, ValueError):
        return 0.0


def _lead(text: str, lang: str, start: int) -> tuple[str | None, int]:
    before = text[max(0, start - _LOOK_BACK) : start]
    for kind, pattern in _LEADS[lang]:
        found = pattern.search(before)
        if found is not None:
            return kind, start - len(before) + found.start()
    return None, start


def _hour_range(text: str, mention: TimeMention, low_number: float, alternative: bool,
                start: int) -> TimeMention | None:
    """«в 15–16 часов», «в 15 или 16 часов»: hours of the day."""
    high_hours = mention.value // 60 if isinstance(mention.value, int) else 0
    if (not isinstance(mention.value, int) or mention.value % 60 or not float(low_number).is_integer()
            or not 0 <= low_number < high_hours <= 23 or not _HOUR_UNIT.search(text, mention.start, mention.end)):
        return None
    return _clock_between(mention, start, int(low_number) * 60, high_hours * 60, alternative)


def _clock_between(mention: TimeMention, start: int, low: int, high: int, alternative: bool) -> TimeMention:
    def shown(minute: int) -> str:
        return f"{minute // 60:02d}:{minute % 60:02d}"

    if alternative:
        return TimeMention(CLOCK, start, mention.end, frozenset({low, high}), f"{shown(low)} or {shown(high)}",
                           mention.since)
    return TimeMention(CLOCK, start, mention.end, frozenset(range(low, high + 1)), f"{shown(low)}–{shown(high)}",
                       mention.since)
