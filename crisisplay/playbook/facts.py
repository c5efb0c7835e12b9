"""Fact values: from a facts file, ``--set`` options or a playbook's examples to typed values.

A CX lead fills in the facts once, under stress; a typo must not become a wrong message
on every channel. So values are checked against the playbook's declared facts (type,
``required``, enum ``values``) *before* anything renders, and every problem is reported at
once, each at the line of the facts file where it sits (not one error per run).

The typed values are what templates see (docs/CONTRACTS.md, "Template context"):
phones normalised to international format, datetimes aware in the playbook's zone,
durations as ``timedelta``. ``check_value`` is the same check for one value; ``validate``
uses it on the examples and defaults a playbook declares.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import Document, PathKey, SourceMap, load_file
from crisisplay.playbook.model import MAX_DURATION, SERVICE_STATUSES, FactSpec, Playbook, parse_duration
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
    shown,
)
from crisisplay.playbook.values import parse_datetime as parse_datetime
from crisisplay.playbook.values import parse_time_of_day as parse_time_of_day


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


@dataclass(frozen=True)
class FactsInput:
    """Raw values with where they came from, before coercion."""

    values: dict[str, Any]
    source: SourceMap | None = None
    file: str = "<facts>"


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
        close = difflib.get_close_matches(str(value), spec.values, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return None, f"{shown(value)} is not one of {', '.join(spec.values)}{hint}"
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


def _diag(rule: str, message: str, location: Location | None, fix: str = "") -> Diagnostic:
    """A render finding about the facts (CP201–CP204: cards in crisisplay/render/rules.yaml)."""
    from crisisplay.rulebook.registry import diagnostic

    return diagnostic("render", rule, message, location, fix=fix)


def _where(source: SourceMap | None, file: str, path: PathKey, *, key: bool = False) -> Location:
    if source is None:
        return Location(file)
    return source.locate(path, key=key)


def coerce_facts(
    playbook: Playbook,
    raw_values: Mapping[str, Any],
    source: SourceMap | None = None,
    *,
    file: str = "<facts>",
    now: datetime | None = None,
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Typed values for every declared fact, and every problem found (all of them).

    Declared facts not given take their ``default``; optional ones without a value are
    ``None`` (templates test them with ``{% if fact %}``). A top-level ``services:``
    mapping overrides service statuses and is returned under ``"services"`` unchanged
    after checking. Unknown names are errors: a typo would silently drop a fact.
    """
    values: dict[str, Any] = {}
    diagnostics: list[Diagnostic] = []
    for name, raw in raw_values.items():
        if name == "services":
            diagnostics.extend(_check_services(playbook, raw, source, file))
            continue
        spec = playbook.facts.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, sorted(playbook.facts), n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"declared facts: {', '.join(sorted(playbook.facts))}"
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            diagnostics.append(
                _diag("CP203", f"unknown fact {name!r}; the playbook does not declare it{hint}",
                      _where(source, file, (name,), key=True), fix)
            )
            continue
        if raw is None:
            continue
        value, problem = coerce_value(spec, raw, playbook, now=now)
        if problem:
            diagnostics.append(
                _diag("CP201", f"fact {name!r} ({spec.type}): {problem}", _where(source, file, (name,)),
                      spec.description)
            )
        else:
            values[name] = value
    given = {name for name, raw in raw_values.items() if raw is not None}
    for name, spec in playbook.facts.items():
        if name in values or name in given:
            continue
        if spec.default is not None:
            value, problem = coerce_value(spec, spec.default, playbook, now=now)
            if problem is None:
                values[name] = value
                continue
        if spec.required:
            hint = f" ({spec.description})" if spec.description else ""
            diagnostics.append(
                _diag("CP202", f"required fact {name!r} has no value{hint}", Location(file),
                      f"add '{name}: …' to the facts file or pass --set {name}=…")
            )
        else:
            values[name] = None
    if isinstance(raw_values.get("services"), Mapping):
        values["services"] = dict(raw_values["services"])
    return values, diagnostics


def _check_services(playbook: Playbook, raw: Any, source: SourceMap | None, file: str) -> list[Diagnostic]:
    if not isinstance(raw, Mapping):
        return [_diag("CP204", "'services' must map a service id to a status",
                      _where(source, file, ("services",)))]
    known = {service.id for service in playbook.services}
    problems: list[Diagnostic] = []
    for sid, spec in raw.items():
        where = _where(source, file, ("services", sid), key=True)
        if sid not in known:
            close = difflib.get_close_matches(str(sid), sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (services: {', '.join(sorted(known))})"
            problems.append(_diag("CP204", f"unknown service {sid!r}{hint}", where))
            continue
        status = spec.get("status") if isinstance(spec, Mapping) else spec
        extra = set(spec) - {"status", "alternative"} if isinstance(spec, Mapping) else set()
        if status is not None and status not in SERVICE_STATUSES:
            problems.append(_diag("CP204",
                                  f"service {sid!r}: status {status!r} is not one of {', '.join(SERVICE_STATUSES)}",
                                  _where(source, file, ("services", sid))))
        if extra:
            problems.append(_diag("CP204",
                                  f"service {sid!r}: unknown key(s) {', '.join(sorted(map(str, extra)))} "
                                  "(allowed: status, alternative)", where))
    return problems


def load_facts_file(path: str | Path) -> Document:
    """A YAML or JSON facts file with positions; its top level must be a mapping."""
    document = load_file(path, display_name=str(path))
    if not isinstance(document.data, dict):
        raise CrisisplayError("a facts file must be a mapping of fact names to values", Location(str(path), 1, 1))
    return document


def parse_set_options(options: Iterable[str]) -> dict[str, Any]:
    """``["incident=app is down", "services.payments=unavailable"]`` to a mapping."""
    values: dict[str, Any] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CrisisplayError(f"--set expects key=value, got {option!r}", hint="e.g. --set next_update_at=14:00")
        if name == "services":
            raise CrisisplayError(f"--set {option!r}: name the service",
                                  hint="e.g. --set services.payments=unavailable")
        if name.startswith("services."):
            sid, _, field = name[len("services."):].partition(".")
            services = values.setdefault("services", {})
            if field in ("", "status"):
                entry = services.setdefault(sid, {})
                entry["status"] = value.strip()
            elif field == "alternative":
                services.setdefault(sid, {})["alternative"] = value.strip()
            else:
                raise CrisisplayError(f"--set {name}: a service takes 'status' or 'alternative'")
            continue
        values[name] = value
    return values
