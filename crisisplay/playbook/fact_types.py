"""One fact value to its declared type: what a template may rely on.

Phones normalised to international format (a :class:`PhoneText` that remembers its
digits), datetimes aware in the playbook's zone, durations as ``timedelta``, enums only
their declared values (docs/CONTRACTS.md, "Template context"). ``coerce_value`` answers
``(value, None)`` or ``(None, "what is wrong")``; :mod:`crisisplay.playbook.fact_input`
checks a whole set of facts with it, and ``validate`` the examples and defaults a
playbook declares.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import FactSpec, Playbook
from crisisplay.playbook.timing import MAX_DURATION, parse_duration
from crisisplay.playbook.values import (
    EMAIL_RE,
    FALSE_WORDS,
    FIRST_YEAR,
    ISO_DATE_START,
    LAST_YEAR,
    TRUE_WORDS,
    coerce_integer,
    coerce_number,
    coerce_text,
    coerce_url,
    hidden_character,
    load_zone,
    looks_like_duration,
    parse_datetime,
    parse_time_of_day,
    shown,
)
from crisisplay.suggest import did_you_mean


class PhoneText(str):
    """A phone number as text (international format) that remembers its digits.

    It *is* a ``str`` (templates print it as is, the contract says ``str``), but the voice
    channel and the consistency check can read :attr:`e164` and :attr:`national` to say it
    correctly or find it in any of its written forms.
    """

    e164: str
    national: str
    national_digits: str

    def __new__(cls, text: str, e164: str = "", national: str = "", national_digits: str = "") -> PhoneText:
        self = super().__new__(cls, text)
        self.e164 = e164 or text
        self.national = national or text
        self.national_digits = national_digits or re.sub(r"\D", "", text)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (PhoneText, (str(self), self.e164, self.national, self.national_digits))


def playbook_zone(playbook: Playbook) -> tzinfo:
    """The company's time zone; an unknown name is a user error, not a crash."""
    zone = load_zone(playbook.timezone)
    if zone is None:
        raise CrisisplayError(
            f"unknown time zone {shown(playbook.timezone)} (use an IANA name such as Europe/Moscow)",
            playbook.locate(("timezone",)),
        )
    return zone


def phone_region(playbook: Playbook) -> str:
    """Region for numbers written without '+': the playbook's ``phone_region``, else the
    country of the company's time zone (never the language: English is spoken everywhere)."""
    from babel.core import get_global

    if playbook.phone_region:
        return playbook.phone_region
    territory = get_global("zone_territories").get(playbook.timezone)
    if territory and territory != "001":
        return str(territory)
    likely = get_global("likely_subtags").get(playbook.locale.split("_")[0].split("-")[0], "")
    parts = str(likely).split("_")
    return parts[-1] if len(parts) > 1 else "US"


def _coerce_phone(value: Any, playbook: Playbook) -> tuple[Any, str | None]:
    import phonenumbers

    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, "is not a phone number (expected text like '+7 800 555-35-35')"
    problem = hidden_character(str(value), strict=True)
    if problem:
        return None, problem
    if len(str(value)) > 64:  # phonenumbers refuses longer input too; say so plainly
        return None, f"{shown(value)} is too long for a phone number"
    try:
        number = phonenumbers.parse(str(value), phone_region(playbook))
    except phonenumbers.NumberParseException:
        return None, f"{shown(value)} is not a phone number"
    if not phonenumbers.is_possible_number(number):
        return None, f"{shown(value)} is not a possible phone number (wrong number of digits?)"
    fmt = phonenumbers.PhoneNumberFormat
    return (
        PhoneText(
            phonenumbers.format_number(number, fmt.INTERNATIONAL),
            phonenumbers.format_number(number, fmt.E164),
            phonenumbers.format_number(number, fmt.NATIONAL),
            str(number.national_number),
        ),
        None,
    )


def coerce_value(
    spec: FactSpec, value: Any, playbook: Playbook, *, now: datetime | None = None
) -> tuple[Any, str | None]:
    """One value to its typed form: ``(value, None)`` or ``(None, "what is wrong")``."""
    kind = spec.type
    if kind in ("string", "text"):
        return coerce_text(value)
    if kind == "enum":
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text in spec.values:
            return text, None
        return None, f"{shown(value)} is not one of {', '.join(spec.values)}{did_you_mean(str(value), spec.values)}"
    if kind == "integer":
        return coerce_integer(value)
    if kind == "number":
        return coerce_number(value)
    if kind == "boolean":
        if isinstance(value, bool):
            return value, None
        lowered = str(value).strip().lower()
        if lowered in TRUE_WORDS or lowered in FALSE_WORDS:
            return lowered in TRUE_WORDS, None
        return None, f"{shown(value)} is not true or false"
    if kind == "datetime":
        parsed = parse_datetime(value, playbook_zone(playbook), now)
        if parsed is None and isinstance(value, str) and ISO_DATE_START.match(value.strip()):
            return None, f"{shown(value)} is not a date and time the playbook's time zone can show " \
                         f"(a wrong value, or a year outside {FIRST_YEAR}–{LAST_YEAR})"
        if parsed is None:
            return None, (f"{shown(value)} is not a date and time "
                          "(expected 2026-03-15T14:00, 14:00 for today, or +2h / -20m from now)")
        return parsed, None
    if kind == "date":
        if isinstance(value, date) and not isinstance(value, datetime):
            return value, None
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            return None, f"{shown(value)} is not a date (expected 2026-03-15)"
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return None, f"{shown(value)} is outside the years {FIRST_YEAR}–{LAST_YEAR}"
        return day, None
    if kind == "time":
        if isinstance(value, time):
            return value, None
        parsed_time = parse_time_of_day(str(value)) if isinstance(value, (str, int)) else None
        if parsed_time is None:
            return None, f"{shown(value)} is not a time of day (expected 14:00)"
        return parsed_time, None
    if kind == "duration":
        if isinstance(value, timedelta):
            return value, None
        delta = parse_duration(value)
        if delta is None and looks_like_duration(value):
            return None, f"{shown(value)} is out of range (a duration is at most {MAX_DURATION.days} days)"
        if delta is None:
            return None, f"{shown(value)} is not a duration (expected 30m, 2h, 1h30m or 1d)"
        return delta, None
    if kind == "phone":
        return _coerce_phone(value, playbook)
    if kind == "url":
        return coerce_url(value)
    if kind == "email":
        text, problem = coerce_text(value, strict=True)
        if problem:
            return None, problem
        if not EMAIL_RE.match(text or ""):
            return None, f"{shown(value)} is not an e-mail address"
        return text, None
    if kind == "list":
        items: list[Any]
        if isinstance(value, str):
            items = [item.strip() for item in value.split(",")]
        elif isinstance(value, list):
            items = value
        else:
            return None, "must be a list"
        if any(isinstance(item, (list, dict)) or item is None for item in items):
            return None, "must be a list of texts"
        cleaned = [str(item).strip() for item in items if str(item).strip()]
        problem = next((p for p in map(hidden_character, cleaned) if p), None)
        if problem:
            return None, problem
        return (cleaned, None) if cleaned else (None, "is an empty list")
    return None, f"has an unknown fact type {kind!r}"


def check_value(spec: FactSpec, value: Any, playbook: Playbook) -> str | None:
    """What is wrong with ``value`` for ``spec``, or None when it fits."""
    return coerce_value(spec, value, playbook)[1]
