"""Scalar fact values: numbers, texts, links, times and zones, checked for what misleads.

The checks :mod:`crisisplay.playbook.fact_types` applies to one value before it may reach a
customer message: finite numbers of sane length, no invisible or direction-changing
characters (text may keep tabs, line breaks and emoji joiners; links, phones and e-mail
addresses nothing at all), web addresses Python can parse, datetimes the playbook's zone
can show, and IANA zones that are places.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from urllib.parse import urlsplit

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")
_ZONE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]{0,40}(?:/[A-Za-z0-9][A-Za-z0-9_+\-]{0,40}){0,3}")
_NOT_ZONES = frozenset({"factory", "localtime", "posixrules"})
_NOT_ZONE_PREFIXES = ("posix/", "right/")
#: Characters nobody sees that change what a text says or which way it reads: C0/C1
#: controls (but tab and line breaks), soft hyphen, bidi marks, embeddings, overrides and
#: isolates, zero-width space, word joiner and invisible operators, BOM, Hangul fillers,
#: interlinear annotations, tags, private use and lone surrogates.
_HIDDEN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\ue000-\uf8ff\ud800-\udfff\U000e0000-\U000e007f\U000f0000-\U0010ffff]"
)
_DURATION_SHAPE = re.compile(r"[\d\sdhms]+|[\d\sdhms]*min")
ISO_DATE_START = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The years a datetime fact may take (past them, date arithmetic in a template overflows).
FIRST_YEAR, LAST_YEAR = 1900, 9000
#: Digits a number or whole number fact may have (far above any real value).
_MAX_DIGITS = 100
TRUE_WORDS = {"true", "yes", "y", "1", "on", "да"}
FALSE_WORDS = {"false", "no", "n", "0", "off", "нет"}


def load_zone(name: object) -> tzinfo | None:
    """The IANA zone ``name`` names, or None.

    Not every file under the tz database is a zone a company lives in: ``Factory`` prints
    "Unknown", ``localtime`` is whatever the server is set to, ``posixrules``, ``posix/…``
    and ``right/…`` are duplicates kept for old software. A name longer than any real
    one is refused before it becomes a file name (``OSError: File name too long``).
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not _ZONE_RE.fullmatch(name):
        return None
    if name.lower() in _NOT_ZONES or name.lower().startswith(_NOT_ZONE_PREFIXES):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def shown(value: object, width: int = 60) -> str:
    """``repr`` of a user value, cut to ``width`` characters (a 10,000-character zone name)."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_time_of_day(text: str) -> time | None:
    match = _TIME_RE.match(text)
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def parse_datetime(value: Any, zone: tzinfo, now: datetime | None = None) -> datetime | None:
    """ISO date-time (naive means the company's zone), ``HH:MM`` meaning today, or an offset
    from now: ``+2h`` (the next update in two hours), ``-20m`` (it started twenty minutes ago).

    An offset lands on a round time, as a person would say it: down to five minutes
    (``+2h`` at 09:43 is 11:40, so a promise stays within the cadence), unless that would
    put a future time in the past.
    """
    if isinstance(value, datetime):
        try:
            return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
        except (ValueError, OverflowError):
            return None
    if isinstance(value, date) or not isinstance(value, str) or len(value) > 64:
        return None
    text = value.strip()
    if text[:1] in "+-" and len(text) > 1:
        return _offset_from_now(text, zone, now)
    clock = parse_time_of_day(text)
    if clock is not None:
        base = (now or datetime.now(zone)).astimezone(zone)
        return datetime.combine(base.date(), clock, tzinfo=zone)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
        # Converting 0001-01-01T00:00+14:00 or 9999-12-31T23:59-12:00 leaves the calendar,
        # and so would template arithmetic near its ends: such a year is a typo anyway.
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            return None
        return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)
    except (ValueError, OverflowError):
        return None


def _offset_from_now(text: str, zone: tzinfo, now: datetime | None) -> datetime | None:
    from crisisplay.playbook.timing import parse_duration

    delta = parse_duration(text[1:].strip())
    if delta is None:
        return None
    base = (now or datetime.now(zone)).astimezone(zone).replace(second=0, microsecond=0)
    try:
        exact = base + delta if text[0] == "+" else base - delta
    except OverflowError:
        return None
    if not FIRST_YEAR <= exact.year <= LAST_YEAR:
        return None
    rounded = exact - timedelta(minutes=exact.minute % 5)
    return exact if text[0] == "+" and rounded <= base else rounded


def coerce_text(value: Any, *, strict: bool = False) -> tuple[Any, str | None]:
    if isinstance(value, (bool, list, dict)) or value is None:
        return None, "must be text"
    text = str(value).strip()
    if not text:
        return None, "is empty"
    problem = hidden_character(text, strict=strict)
    return (None, problem) if problem else (text, None)


def hidden_character(text: str, *, strict: bool = False) -> str | None:
    """What is wrong if ``text`` holds a character a reader cannot see, or None.

    Direction overrides (U+202E) make ``https://bank.ru/‮moc.live`` read as another
    address; zero-width and control characters hide in pasted text and change what a
    phone or link is. Text may keep tabs, line breaks and the joiners emoji need; links,
    phones and e-mail addresses (``strict``) may hold no format character at all.
    """
    match = _HIDDEN_TEXT.search(text)
    index = match.start() if match else -1
    if strict:
        for position, char in enumerate(text):
            if char in "\t\n\r" or unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp"):
                index = position if index < 0 else min(index, position)
                break
    if index < 0:
        return None
    char = text[index]
    name = unicodedata.name(char, "a control character")
    return (f"contains an invisible or direction-changing character U+{ord(char):04X} ({name}) at position "
            f"{index + 1}; it can make the text read differently from what is sent — remove it")


def looks_like_duration(value: Any) -> bool:
    """A duration in form (``99999999999d``, ``1e30`` minutes), wrong only in size."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value >= 0
    return isinstance(value, str) and any(c.isdigit() for c in value) and bool(
        _DURATION_SHAPE.fullmatch(value.strip().lower())
    )


def coerce_url(value: Any) -> tuple[Any, str | None]:
    text, problem = coerce_text(value, strict=True)
    if problem:
        return None, problem
    try:
        parts = urlsplit(text)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:  # "https://[::1": an unclosed IPv6 bracket
        valid = False
    if not valid:
        return None, f"{shown(value)} is not a web address (expected https://…)"
    return text, None


def coerce_integer(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, None) if len(str(abs(value))) <= _MAX_DIGITS else (None, "has too many digits")
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        digits = value.strip().lstrip("+-")
        if len(digits) > _MAX_DIGITS:
            return None, f"a whole number of {len(digits)} digits is too long (at most {_MAX_DIGITS})"
        return int(value), None
    return None, f"{shown(value)} is not a whole number"


def coerce_number(value: Any) -> tuple[Any, str | None]:
    """An int or a finite float: NaN and infinity would reach customers as "NaN %" or "∞"."""
    number: float | int
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, f"{shown(value)} is not a number"
    if isinstance(value, int):
        return coerce_integer(value)
    if isinstance(value, float):
        number = value
    else:
        text = value.replace(",", ".").replace(" ", "").replace("\u00a0", "")
        if text.lower().lstrip("+-.") in ("nan", "inf", "infinity"):
            return None, f"{shown(value)} is not a finite number (NaN and infinity cannot go into a message)"
        if len(text) > _MAX_DIGITS or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,4})?", text):
            return None, f"{shown(value)} is not a number"
        number = float(text)
        if number.is_integer() and "." not in text and "e" not in text.lower() and math.isfinite(number):
            number = int(text)
    if isinstance(number, float) and not math.isfinite(number):
        return None, f"{shown(value)} is not a finite number (NaN and infinity cannot go into a message)"
    return number, None
