"""Times, dates, relative times, cadences and durations in Russian and English text.

Each mention is normalised so that «15:00», «в 15.00», «в 3 часа дня» and "3 PM" compare
equal (a clock time is the set of minutes of the day it can mean: "3:30" without am/pm is
03:30 or 15:30), «15 марта», «15.03» and "March 15" give (3, 15), and «через 2 часа», "in two
hours" give 120 minutes. «15.03» is a date but «15.00» and «10.30» are times (a month is never
00 or above 12). Time zones are read past, not compared.

Why one module of ~380 lines: it is a grammar — the patterns and the handler of each are read
and changed together. The number words and the prefilter that skips a pattern whose words are
absent (a necessary condition of each pattern, by its index) are in
:mod:`crisisplay.tone.timescan`: a new way to say a time touches both modules, and
tests/tone/test_tone_timeexpr.py checks every prefilter against its pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from crisisplay.lazy_re import LazyPattern
from crisisplay.tone.timescan import CORE_LED, DIGIT_RE, NEEDS, alternation, core_led
from crisisplay.tone.timescan import MONTHS_RU as _MONTHS_RU
from crisisplay.tone.timescan import NUM_EN as _NUM_EN
from crisisplay.tone.timescan import NUM_RU as _NUM_RU
from crisisplay.tone.timescan import NUMS_RU as _NUMS_RU
from crisisplay.tone.timescan import by_first as _by_first

CLOCK, DATE, DAY, RELATIVE, CADENCE, DURATION = "clock", "date", "day", "relative", "cadence", "duration"
#: Kinds that commit to a moment: a next update stated with one of them is a real promise.
COMMITTING = frozenset({CLOCK, DATE, DAY, RELATIVE, CADENCE})


class TimeMention(NamedTuple):
    """One time mention. A named tuple (nothing changes a mention once made): a message makes
    several, and the class costs half a dataclass's to create at import."""

    kind: str
    start: int
    end: int
    value: object
    display: str
    since: bool = False  # "since 10:00", «с 10:00»: when something began, not a promise


class Between(NamedTuple):
    """Minutes from ``low`` to ``high``, both included: the value of a range of relative times,
    cadences or durations («через 2–3 часа», "every 2-3 hours"; :mod:`.timeranges`)."""

    low: int
    high: int


_UNIT_RU = r"мин(?:ут[аыу]?|\.)?|час(?:а|ов|ам|у)?\b|ч\b\.?|сут(?:ки|ок)|дн(?:я|ей)|день|недел[юиья]"
_UNIT_EN = r"min(?:ute)?s?\b|hours?\b|hrs?\b|h\b|days?\b|weeks?\b"


_NUMS_EN = alternation(list(_NUM_EN))
_N_RU = rf"(?P<n>\d+(?:[.,]\d+)?|{_NUMS_RU})"
_N_EN = rf"(?P<n>\d+(?:\.\d+)?|{_NUMS_EN})"
_MONTHS_EN = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_WEEKDAYS = {
    "понедельник": "mon", "вторник": "tue", "среду": "wed", "среда": "wed", "четверг": "thu",
    "пятницу": "fri", "пятница": "fri", "субботу": "sat", "суббота": "sat",
    "воскресенье": "sun", "monday": "mon", "tuesday": "tue", "wednesday": "wed",
    "thursday": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun",
}
_DAYS = {"сегодня": "today", "завтра": "tomorrow", "послезавтра": "day after tomorrow",
         "today": "today", "tomorrow": "tomorrow", "tonight": "today"}
_PARTS_RU = {"утра": 0, "ночи": 0, "дня": 12, "вечера": 12}
_SINCE_RE = re.compile(r"(?:\bс|\bсо|\bначиная\s+с|\bмежду|\bsince|\bfrom|\bbetween|\bstarting(?:\s+at)?)\s*$", re.I)
_STARTS_WITH_SINCE = re.compile(r"(?:с|со|since|from)\s", re.I)
#: The last letter of each ``_SINCE_RE`` cue («с», «со», «между», since, from, between, starting,
#: at), matched case-blind as that pattern matches it. A ``_SINCE_RE`` match ends the text before a
#: mention but for spaces, so a mention whose last non-space character before it is none of
#: these is not "since" without the search, which tries every one of the fourteen positions.
#: A set rather than ``re.compile("[соуemngt]", re.I)``, which compiles to a 64K-entry bitmap
#: (about a million instructions on every start): these are exactly the characters that pattern
#: matches, «ᲂ» and «ᲃ» (rounded «о», wide «с») included.
_SINCE_LAST = frozenset("соуСОУᲂᲃemngtEMNGT")
_CLOCK_SUFFIX = r"(?:\s*(?P<suf>ч\b\.?|час\w*|мск|msk|утра|дня|вечера|ночи|по\s+москв\w+))?"


def _number(text: str, lang: str) -> float:
    text = text.lower().replace(",", ".")
    table: dict[str, float] = _NUM_RU if lang == "ru" else _NUM_EN
    return table[text] if text in table else float(text)


def _unit_minutes(unit: str) -> int:
    unit = unit.lower()
    if unit.startswith(("мин", "min")):
        return 1
    if unit.startswith(("ч", "час", "h")):
        return 60
    if unit.startswith(("сут", "дн", "ден", "day")):
        return 1440
    return 10080


def _minutes(match: re.Match[str], lang: str) -> int:
    unit = match.group("unit")
    raw = match.group("n")
    if unit.lower().startswith("полчаса") or unit.lower().startswith("получаса"):
        return 30
    if unit.lower().startswith("полтора"):
        return 90
    amount = _number(raw, lang) if raw else 1.0
    return round(amount * _unit_minutes(unit))


def _fmt_minutes(total: int) -> str:
    if total % 1440 == 0:
        return f"{total // 1440} d"
    if total % 60 == 0:
        return f"{total // 60} h"
    return f"{total // 60} h {total % 60} min" if total > 60 else f"{total} min"


def _clock(hour: int, minute: int, ambiguous: bool) -> tuple[str, frozenset[int]]:
    values = {hour * 60 + minute}
    if ambiguous and 1 <= hour < 12:
        values.add((hour + 12) * 60 + minute)
    shown = f"{hour:02d}:{minute:02d}" if not ambiguous or hour >= 12 or hour == 0 else (
        f"{hour:02d}:{minute:02d} or {hour + 12:02d}:{minute:02d}")
    return shown, frozenset(values)


Handler = Callable[[re.Match[str], str], "tuple[str, object, str] | None"]


def _h_dotted(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    hour, minute, sep = int(m.group("h")), int(m.group("m")), m.group("sep")
    suffix = (m.group("suf") or "").lower()
    is_time = sep == ":" or minute == 0 or minute > 12 or bool(suffix)
    if is_time and hour <= 23:
        if suffix in ("дня", "вечера") and hour < 12:
            hour += 12
        shown, values = _clock(hour, minute, ambiguous=lang == "en" and not suffix)
        return CLOCK, values, shown
    if 1 <= hour <= 31 and 1 <= minute <= 12:
        return DATE, (minute, hour), f"{hour:02d}.{minute:02d}"
    return None


def _h_hyphen_clock(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    shown, values = _clock(int(m.group("h")), int(m.group("m")), ambiguous=False)
    return CLOCK, values, shown


def _h_ru_hour(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    hour = int(m.group("h"))
    part = (m.group("part") or m.group("part2") or "").lower()
    if hour > 23:
        return None
    if part:
        hour = hour + _PARTS_RU[part] if hour < 12 else hour
    shown, values = _clock(hour, 0, ambiguous=not part)
    return CLOCK, values, shown


def _h_ampm(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    hour, minute = int(m.group("h")) % 12, int(m.group("m") or 0)
    if m.group("ampm").lower() == "p":
        hour += 12
    shown, values = _clock(hour, minute, ambiguous=False)
    return CLOCK, values, shown


def _h_named_clock(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    noon = m.group(0).lower().endswith(("полдень", "noon", "midday"))
    shown, values = _clock(12 if noon else 0, 0, ambiguous=False)
    return CLOCK, values, shown


def _h_evening(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    """«к вечеру»: any time from 17:00 to 23:00 — it contradicts «в 14:00», not «в 19:00»."""
    return CLOCK, frozenset(range(17 * 60, 23 * 60 + 1)), "17:00–23:00"


def _month(name: str, lang: str) -> int:
    name = name.lower()
    table = _MONTHS_RU if lang == "ru" else _MONTHS_EN
    for index, prefix in enumerate(table):
        if name.startswith(prefix):
            return index + 1
    return 0


def _h_date_words(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    month, day = _month(m.group("mon"), lang), int(m.group("d"))
    if not month or not 1 <= day <= 31:
        return None
    return DATE, (month, day), f"{day:02d}.{month:02d}"


def _h_iso(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    month, day = int(m.group(2)), int(m.group(3))
    return DATE, (month, day), f"{day:02d}.{month:02d}"


def _h_day(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    word = m.group("day").lower()
    if word in _WEEKDAYS:
        return DAY, _WEEKDAYS[word], _WEEKDAYS[word]
    if word in _DAYS:
        return DAY, _DAYS[word], _DAYS[word]
    return DAY, "end of day", "end of day"


def _h_relative(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    total = _minutes(m, lang)
    return RELATIVE, total, f"in {_fmt_minutes(total)}"


def _h_cadence(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    total = _minutes(m, lang)
    return CADENCE, total, f"every {_fmt_minutes(total)}"


def _h_fixed_cadence(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    word = m.group(0).lower()
    total = 720 if "twice" in word else 60 if ("час" in word or "hour" in word) else 1440
    return CADENCE, total, f"every {_fmt_minutes(total)}"


def _h_duration(m: re.Match[str], lang: str) -> tuple[str, object, str] | None:
    number = m.group("n") or ""
    if lang != "ru" and _HRS_CLOCK.fullmatch(number) and m.group("unit").lower().startswith("hr"):
        # "by 20.00hrs", "at 0930hrs": a time of day written the British or military way
        digits = number.replace(".", "")
        shown, values = _clock(int(digits[:2]), int(digits[2:]), ambiguous=False)
        return CLOCK, values, shown
    total = _minutes(m, lang)
    return DURATION, total, _fmt_minutes(total)


_HRS_CLOCK = re.compile(r"(?:[01]\d|2[0-3])\.?[0-5]\d")


_I = re.IGNORECASE
#: Clock times open with their first digit, the look-behind after it: the regex engine then
#: skips to the next digit instead of trying every position (tests/tone/test_tone_timeexpr.py
#: compares them with the plain ``(?<![\d.,:])(?P<h>[0-3]?\d)`` and ``…(?P<h>[01]?\d|2[0-3])``).
_AFTER_NO_NUMBER = r"(?<![\d.,:]\d)"
_DOTTED = rf"(?P<h>\d{_AFTER_NO_NUMBER}(?:(?<=[0-3])\d)?)(?P<sep>[:.])(?P<m>[0-5]\d)(?![\d]|[.:]\d){_CLOCK_SUFFIX}"
_COLON_24H = rf"(?P<h>\d{_AFTER_NO_NUMBER}(?:(?<=[01])\d|(?<=2)[0-3])?)(?P<sep>:)(?P<m>[0-5]\d)(?!\d){_CLOCK_SUFFIX}"


# The patterns below compile when first used (LazyPattern): a run that meets no date never
# compiles the date patterns (compiling all of them costs more than a message takes to lint).
_PATTERNS: dict[str, list[tuple[LazyPattern, Handler]]] = {
    "ru": [
        (LazyPattern(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _h_iso),
        (LazyPattern(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>\d{2,4})\b"),
         lambda m, lang: (DATE, (int(m.group("mo")), int(m.group("d"))),
                          f"{int(m.group('d')):02d}.{int(m.group('mo')):02d}")),
        (LazyPattern(_DOTTED, _I), _h_dotted),
        (LazyPattern(rf"\b(?P<d>[0-3]?\d)\s+(?P<mon>(?:{'|'.join(_MONTHS_RU)})[а-я]*)(?:\s+(?P<y>\d{{4}}))?", _I),
         _h_date_words),
        (LazyPattern(r"\b(?:в|к|до|после|около|с|со|от)\s+(?P<h>\d{1,2})\s*(?:(?:ч\b\.?|час(?:а|ов|ам|у)?\b)"
                     r"\s*(?P<part>утра|дня|вечера|ночи)?|(?P<part2>утра|дня|вечера|ночи)\b)", _I), _h_ru_hour),
        (LazyPattern(r"\b(?:в|к|до)\s+(?:полдень|полночь)\b", _I), _h_named_clock),
        (LazyPattern(r"\b(?:к\s+вечеру|сегодня\s+вечером)\b", _I), _h_evening),
        (LazyPattern(r"\b(?P<day>сегодня|завтра|послезавтра)\b", _I), _h_day),
        (LazyPattern(r"\bв?о?\s*(?P<day>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", _I), _h_day),
        (LazyPattern(r"\bдо\s+конца\s+(?P<day>дня|суток|рабочего\s+дня)\b", _I), _h_day),
        (LazyPattern(rf"\b(?:через|в\s+течение|в\s+ближайш\w+|не\s+позднее\s+чем\s+через)\s+"
                    rf"(?:{_N_RU}\s*)?(?P<unit>полчаса|получаса|полтора\s+часа|{_UNIT_RU})", _I), _h_relative),
        (LazyPattern(rf"\b(?:кажд\w+|раз\s+в)\s+(?:{_N_RU}\s*)?(?P<unit>полчаса|{_UNIT_RU})", _I), _h_cadence),
        (LazyPattern(r"\b(?:ежечасно|ежедневно|каждое\s+утро|каждый\s+вечер)\b", _I), _h_fixed_cadence),
        (LazyPattern(rf"(?<![\w.,]){_N_RU}\s*(?P<unit>{_UNIT_RU})", _I), _h_duration),
        # one unit without its number, after a word of length: «займёт около часа», «примерно сутки»
        (LazyPattern(r"\b(?:около|примерно|приблизительно|порядка|займ[её]т|продлится|потребуется)\s+(?P<n>)"
                     r"(?P<unit>полчаса|получаса|полтора\s+часа|часа?\b|сутки|суток|недел[юи]\b)"
                     r"(?!\s+(?:ночи|дня|утра|вечера)\b)", _I),  # «около часа ночи» is a clock time
         _h_duration),
        # «к 15-00», «с 9-00»: the hyphen of notices, only after a preposition and on a quarter
        # hour («в 9-10 классах», «10-20 мм осадков» are ranges)
        (LazyPattern(r"\b(?:в|к|до|после|около|с|со|по)\s+(?P<h>[01]?\d|2[0-3])-(?P<m>00|15|30|45)(?![\d\w-])", _I),
         _h_hyphen_clock),
    ],
    "en": [
        (LazyPattern(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _h_iso),
        (LazyPattern(r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?", _I), _h_ampm),
        (LazyPattern(_COLON_24H, _I), _h_dotted),
        (LazyPattern(r"\b(?:at\s+|by\s+)?(?:noon|midday|midnight)\b", _I), _h_named_clock),
        (LazyPattern(r"\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<d>[0-3]?\d)"
                    r"(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"), _h_date_words),
        (LazyPattern(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>January|February|March|April|May|June"
                    r"|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct"
                    r"|Nov|Dec)\b(?:,?\s+\d{4})?"), _h_date_words),
        (LazyPattern(r"\b(?P<day>today|tomorrow|tonight)\b", _I), _h_day),
        (LazyPattern(r"\b(?:this|later)\s+(?P<day>today|morning|afternoon|evening)\b", _I),
         lambda m, lang: (DAY, "today", "today")),
        (LazyPattern(r"\b(?:on|by|until|next)\s+(?:this\s+|coming\s+)?"  # "by this Sunday"
                    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _I), _h_day),
        (LazyPattern(r"\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<day>day|business\s+day|today)\b", _I), _h_day),
        (LazyPattern(rf"\b(?:in|within)\s+(?:the\s+next\s+)?(?:{_N_EN}\s+|the\s+)?(?P<unit>{_UNIT_EN})", _I),
         _h_relative),
        (LazyPattern(rf"\bevery\s+(?:{_N_EN}\s+)?(?P<unit>{_UNIT_EN})", _I), _h_cadence),
        (LazyPattern(r"\b(?:hourly|daily|once\s+an?\s+(?:hour|day)|twice\s+a\s+day)\b", _I), _h_fixed_cadence),
        (LazyPattern(rf"(?<![\w.,]){_N_EN}[\s-]*(?P<unit>{_UNIT_EN})", _I), _h_duration),
    ],
}


#: Case-blind Latin letters that ``str.lower`` does not map to the ASCII letter ``re.I`` matches
#: them as («İ» lowers to two characters; «ı», «ſ» stay): a text holding one is scanned with
#: the patterns themselves.
_NOT_LOWERABLE = ("\u0130", "\u0131", "\u017f")


def _after_first_letter(words: list[str]) -> str:
    """:func:`~crisisplay.tone.timescan.alternation` of ``words`` once their first letter is
    read: each rest after a look-behind for its letter, «(?<=д)(?:вадцать|ва)|(?<=т)(?:ри)»."""
    return "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in _by_first(words).items())


#: English patterns tried on most texts, for its lower-cased copy (when it has no
#: ``_NOT_LOWERABLE`` letter): case-sensitive and opening with a character class or a literal,
#: so that the regex engine skips to the next character that can start a match, where the case-blind
#: patterns, opening with ``\b`` or a look-behind, are tried at every position. The look-behind
#: comes after the first character read. Each matches what its pattern matches in the
#: original text, with the same groups (lower-cased); tests/tone/test_tone_timeexpr.py
#: compares them.
_LOWERED_TWINS: dict[str, dict[int, LazyPattern]] = {
    "en": {
        10: LazyPattern(
            rf"(?:i(?<!\wi)n|w(?<!\ww)ithin)\s+(?:the\s+next\s+)?(?:{_N_EN}\s+|the\s+)?(?P<unit>{_UNIT_EN})"
        ),
        # led by the literal "every", which the engine finds as a substring, not letter by letter
        11: LazyPattern(rf"every(?<!\wevery)\s+(?:{_N_EN}\s+)?(?P<unit>{_UNIT_EN})"),
        13: LazyPattern(rf"(?P<n>[\d{''.join(_by_first(list(_NUM_EN)))}](?<![\w.,].)"
                        rf"(?:(?<=\d)\d*(?:\.\d+)?|{_after_first_letter(list(_NUM_EN))}))[\s-]*(?P<unit>{_UNIT_EN})"),
    },
}


def find_times(text: str, lang: str) -> list[TimeMention]:
    """Every time mention, earlier patterns winning where two overlap, in text order; ranges
    and alternatives («через 2–3 часа», "3 or 4 PM") as one mention (:mod:`.timeranges`)."""
    found = scan_times(text, lang, prefilter=True)
    if not found:
        return found
    from crisisplay.tone.timeranges import widen_ranges  # it builds on this module

    return widen_ranges(text, lang, found)


def scan_times(text: str, lang: str, *, prefilter: bool) -> list[TimeMention]:
    """:func:`find_times`; ``prefilter=False`` runs every pattern (the tests compare the two)."""
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    key = lang if lang in _PATTERNS else "en"
    twins = _LOWERED_TWINS.get(key, {})
    core_led_at = CORE_LED[key] if prefilter else {}
    needs = NEEDS[key](text, text.casefold(), DIGIT_RE.search(text)) if prefilter else None
    lowered = text.lower() if twins and not any(letter in text for letter in _NOT_LOWERABLE) else None
    for index, (pattern, handler) in enumerate(_PATTERNS[key]):
        if needs is not None and not needs[index]:
            continue
        twin = twins.get(index) if lowered is not None else None
        if twin is not None and lowered is not None:
            matches = twin.finditer(lowered)
        elif index in core_led_at and needs is not None:
            core_found = needs[index]
            assert isinstance(core_found, re.Match)  # a core-led pattern's need is its first core
            matches = core_led(pattern, *core_led_at[index], text, core_found)
        else:
            matches = pattern.finditer(text)
        for match in matches:
            start, end = match.span()
            for s, e in taken:  # a loop, not any(): most texts have no or one span taken
                if start < e and s < end:
                    break
            else:
                result = handler(match, lang)
                if result is None:
                    continue
                kind, value, shown = result
                found.append(TimeMention(kind, start, end, value, shown, _since(text, start, match)))
                taken.append((start, end))
    found.sort(key=lambda t: t.start)
    return found


def _since(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the mention ``match`` at ``start`` says when something began («с 10:00», "since 10")."""
    before = text[max(0, start - 14) : start]
    stripped = before.rstrip()  # what ``\s*$`` skips: str.isspace and the regex \s agree
    if stripped and stripped[-1] in _SINCE_LAST and _SINCE_RE.search(before):
        return True
    return bool(_STARTS_WITH_SINCE.match(match.group(0)))


def same_denotation(kind_a: str, value_a: object, kind_b: str, value_b: object) -> bool:
    """Whether two values of one kind can denote the same moment or period.

    A clock time is the set of instants it may mean ("at 3" is 03:00 or 15:00), so two
    clock values agree when the sets meet; so do ranges of minutes (:class:`Between`) that meet
    each other or a number; anything else must be equal.
    """
    if kind_a != kind_b:
        return False
    if kind_a == CLOCK:
        assert isinstance(value_a, frozenset) and isinstance(value_b, frozenset)
        return bool(value_a & value_b)
    if isinstance(value_a, Between) or isinstance(value_b, Between):  # «через 2–3 часа»
        if not isinstance(value_a, (int, Between)) or not isinstance(value_b, (int, Between)):
            return False
        low_a, high_a = value_a if isinstance(value_a, Between) else (value_a, value_a)
        low_b, high_b = value_b if isinstance(value_b, Between) else (value_b, value_b)
        return low_a <= high_b and low_b <= high_a
    return value_a == value_b


def same_time(a: TimeMention, b: TimeMention) -> bool:
    """Whether two mentions of one kind can denote the same moment or period."""
    return same_denotation(a.kind, a.value, b.kind, b.value)
