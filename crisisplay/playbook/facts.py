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
from urllib.parse import urlsplit

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import Document, PathKey, SourceMap, load_file
from crisisplay.playbook.model import SERVICE_STATUSES, FactSpec, Playbook, parse_duration

RULE_FACT_INVALID = "CP201"
RULE_FACT_MISSING = "CP202"
RULE_FACT_UNKNOWN = "CP203"
RULE_SERVICE_OVERRIDE = "CP204"

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")
_TRUE = {"true", "yes", "y", "1", "on", "да"}
_FALSE = {"false", "no", "n", "0", "off", "нет"}


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
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(playbook.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CrisisplayError(
            f"unknown time zone {playbook.timezone!r} (use an IANA name such as Europe/Moscow)",
            playbook.locate(("timezone",)),
        ) from None


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
        return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date) or not isinstance(value, str):
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
    except ValueError:
        return None
    return parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _offset_from_now(text: str, zone: tzinfo, now: datetime | None) -> datetime | None:
    delta = parse_duration(text[1:].strip())
    if delta is None:
        return None
    base = (now or datetime.now(zone)).astimezone(zone).replace(second=0, microsecond=0)
    exact = base + delta if text[0] == "+" else base - delta
    rounded = exact - timedelta(minutes=exact.minute % 5)
    return exact if text[0] == "+" and rounded <= base else rounded


def _coerce_phone(value: Any, playbook: Playbook) -> tuple[Any, str | None]:
    import phonenumbers

    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, "is not a phone number (expected text like '+7 800 555-35-35')"
    try:
        number = phonenumbers.parse(str(value), phone_region(playbook))
    except phonenumbers.NumberParseException:
        return None, f"{value!r} is not a phone number"
    if not phonenumbers.is_possible_number(number):
        return None, f"{value!r} is not a possible phone number (wrong number of digits?)"
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


def _coerce_scalar_text(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, (bool, list, dict)) or value is None:
        return None, "must be text"
    text = str(value).strip()
    return (text, None) if text else (None, "is empty")


def coerce_value(
    spec: FactSpec, value: Any, playbook: Playbook, *, now: datetime | None = None
) -> tuple[Any, str | None]:
    """One value to its typed form: ``(value, None)`` or ``(None, "what is wrong")``."""
    kind = spec.type
    if kind in ("string", "text"):
        return _coerce_scalar_text(value)
    if kind == "enum":
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text in spec.values:
            return text, None
        close = difflib.get_close_matches(str(value), spec.values, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return None, f"{value!r} is not one of {', '.join(spec.values)}{hint}"
    if kind == "integer":
        if isinstance(value, int) and not isinstance(value, bool):
            return value, None
        if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
            return int(value), None
        return None, f"{value!r} is not a whole number"
    if kind == "number":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value, None
        if isinstance(value, str):
            try:
                number = float(value.replace(",", ".").replace(" ", ""))
            except ValueError:
                return None, f"{value!r} is not a number"
            return (int(number) if number.is_integer() and "." not in value and "," not in value else number), None
        return None, f"{value!r} is not a number"
    if kind == "boolean":
        if isinstance(value, bool):
            return value, None
        lowered = str(value).strip().lower()
        if lowered in _TRUE or lowered in _FALSE:
            return lowered in _TRUE, None
        return None, f"{value!r} is not true or false"
    if kind == "datetime":
        parsed = parse_datetime(value, playbook_zone(playbook), now)
        if parsed is None:
            return None, (f"{value!r} is not a date and time "
                          "(expected 2026-03-15T14:00, 14:00 for today, or +2h / -20m from now)")
        return parsed, None
    if kind == "date":
        if isinstance(value, date) and not isinstance(value, datetime):
            return value, None
        try:
            return date.fromisoformat(str(value).strip()), None
        except ValueError:
            return None, f"{value!r} is not a date (expected 2026-03-15)"
    if kind == "time":
        if isinstance(value, time):
            return value, None
        parsed_time = parse_time_of_day(str(value)) if isinstance(value, (str, int)) else None
        if parsed_time is None:
            return None, f"{value!r} is not a time of day (expected 14:00)"
        return parsed_time, None
    if kind == "duration":
        if isinstance(value, timedelta):
            return value, None
        delta = parse_duration(value)
        if delta is None:
            return None, f"{value!r} is not a duration (expected 30m, 2h, 1h30m or 1d)"
        return delta, None
    if kind == "phone":
        return _coerce_phone(value, playbook)
    if kind == "url":
        text, problem = _coerce_scalar_text(value)
        if problem:
            return None, problem
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            return None, f"{value!r} is not a web address (expected https://…)"
        return text, None
    if kind == "email":
        text, problem = _coerce_scalar_text(value)
        if problem or not _EMAIL_RE.match(text or ""):
            return None, f"{value!r} is not an e-mail address"
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
        return (cleaned, None) if cleaned else (None, "is an empty list")
    return None, f"has an unknown fact type {kind!r}"


def check_value(spec: FactSpec, value: Any, playbook: Playbook) -> str | None:
    """What is wrong with ``value`` for ``spec``, or None when it fits."""
    return coerce_value(spec, value, playbook)[1]


def _diag(rule: str, message: str, location: Location | None, fix: str = "") -> Diagnostic:
    return Diagnostic(rule, Severity.ERROR, "schema", message, location, fix=fix, source="render")


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
                _diag(RULE_FACT_UNKNOWN, f"unknown fact {name!r}; the playbook does not declare it{hint}",
                      _where(source, file, (name,), key=True), fix)
            )
            continue
        if raw is None:
            continue
        value, problem = coerce_value(spec, raw, playbook, now=now)
        if problem:
            diagnostics.append(
                _diag(RULE_FACT_INVALID, f"fact {name!r} ({spec.type}): {problem}", _where(source, file, (name,)),
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
                _diag(RULE_FACT_MISSING, f"required fact {name!r} has no value{hint}", Location(file),
                      f"add '{name}: …' to the facts file or pass --set {name}=…")
            )
        else:
            values[name] = None
    if isinstance(raw_values.get("services"), Mapping):
        values["services"] = dict(raw_values["services"])
    return values, diagnostics


def _check_services(playbook: Playbook, raw: Any, source: SourceMap | None, file: str) -> list[Diagnostic]:
    if not isinstance(raw, Mapping):
        return [_diag(RULE_SERVICE_OVERRIDE, "'services' must map a service id to a status",
                      _where(source, file, ("services",)))]
    known = {service.id for service in playbook.services}
    problems: list[Diagnostic] = []
    for sid, spec in raw.items():
        where = _where(source, file, ("services", sid), key=True)
        if sid not in known:
            close = difflib.get_close_matches(str(sid), sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (services: {', '.join(sorted(known))})"
            problems.append(_diag(RULE_SERVICE_OVERRIDE, f"unknown service {sid!r}{hint}", where))
            continue
        status = spec.get("status") if isinstance(spec, Mapping) else spec
        extra = set(spec) - {"status", "alternative"} if isinstance(spec, Mapping) else set()
        if status is not None and status not in SERVICE_STATUSES:
            problems.append(_diag(RULE_SERVICE_OVERRIDE,
                                  f"service {sid!r}: status {status!r} is not one of {', '.join(SERVICE_STATUSES)}",
                                  _where(source, file, ("services", sid))))
        if extra:
            problems.append(_diag(RULE_SERVICE_OVERRIDE,
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
