"""The side-by-side fact table: each mandatory fact as each channel states it.

For every (channel, fact) the table shows the words the channel actually uses: the fact's
value in any of the forms the render filters produce (a phone in any format, a time as
``datetime``/``time`` render it). When the value is not there, the channel may state a
*different* value (another clock time, another phone number): that is a contradiction,
the thing PR must catch before anything goes out. Lint's time extraction
(:mod:`crisisplay.tone.timeexpr`) reads times in words («в 3 часа дня») when available.
Lint and render findings about consistency are attached to the cells they concern.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from crisisplay.preview.bundle import BundleMessage
from crisisplay.preview.model import FactCell, FactColumn, FactRow, FactTable, FindingView

_PHONE_RE = re.compile(r"\+?\(?\d[\d \-\u00a0.]*(?:\(\d{1,5}\)[\d \-\u00a0.]*)*\d")
_CLOCK_RE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)(?:\s*([AaPp])\.?[Mm]\.?)?")
TIME_TYPES = ("datetime", "time")
#: A number this long that is not the fact's phone is taken for another phone (not a date).
MIN_OTHER_PHONE_DIGITS = 9


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str


@dataclass
class FactSubject:
    """A mandatory fact: its name, type, value and the forms a channel may state it in."""

    name: str
    type: str
    value: Any
    display: str
    forms: tuple[str, ...] = ()
    minutes: int | None = None  # minute of the day, for times
    digits: str = ""  # for phones
    others: set[int] = field(default_factory=set)  # minutes of other time facts
    other_digits: set[str] = field(default_factory=set)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)[-10:]


def as_datetime(value: Any, zone: tzinfo | None) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is None and zone is not None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone) if zone is not None else moment


def _formatted(formatter: Any, calls: Sequence[Callable[[Any], str]]) -> list[str]:
    forms = []
    for call in calls:
        try:
            forms.append(call(formatter))
        except Exception:  # a form we cannot build is a form we do not look for
            continue
    return forms


def subject_for(name: str, ftype: str, value: Any, locale: str, zone: tzinfo | None,
                formatter: Any = None) -> FactSubject:
    """The forms to look for. ``formatter`` is a render ``Filters`` (or None: raw values only)."""
    display = value if isinstance(value, str) else ", ".join(map(str, value)) \
        if isinstance(value, list) else str(value)
    subject = FactSubject(name, ftype, value, display)
    forms: list[str] = []
    moment = as_datetime(value, zone) if ftype in TIME_TYPES or _looks_iso(value) else None
    if moment is not None:
        subject.type = "datetime"
        subject.minutes = moment.hour * 60 + moment.minute
        if formatter is not None:
            forms += _formatted(formatter, [
                lambda f: f.datetime(moment), lambda f: f.datetime(moment, zone=False),
                lambda f: f.time(moment), lambda f: f.time(moment, zone=False),
            ])
            subject.display = forms[0] if forms else moment.isoformat()
        else:
            subject.display = moment.strftime("%Y-%m-%d %H:%M")
    elif ftype == "phone" or (isinstance(value, str) and _PHONE_RE.fullmatch(value.strip())):
        subject.type = "phone"
        subject.digits = _digits(str(value))
        forms.append(str(value))
    elif ftype == "date" and formatter is not None:
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(str(value))
            forms += _formatted(formatter, [lambda f: f.date(day)])
        forms.append(str(value))
    elif isinstance(value, list):
        forms += [str(item) for item in value if str(item).strip()]
    elif isinstance(value, bool) or value is None:
        pass
    else:
        forms.append(str(value))
        if isinstance(value, (int, float)) and formatter is not None:
            forms += _formatted(formatter, [lambda f: f.number(value)])
        if ftype in ("url", "email") or str(value).startswith(("http://", "https://")):
            forms.append(re.sub(r"^https?://", "", str(value)).rstrip("/"))
    subject.forms = tuple(sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True))
    return subject


def _looks_iso(value: Any) -> bool:
    return isinstance(value, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", value))


def _search(text: str, forms: Sequence[str]) -> Found | None:
    lowered = text.casefold()
    for form in forms:
        index = lowered.find(form.casefold())
        if index >= 0:
            return Found(index, index + len(form), text[index:index + len(form)])
    return None


def _clock_mentions(text: str, lang: str) -> list[tuple[Found, frozenset[int], bool]]:
    """(where, minutes of the day it can mean, whether it is a "since" time)."""
    try:
        from crisisplay.tone import timeexpr
    except ImportError:  # pragma: no cover - lint not installed: digits only
        timeexpr = None  # type: ignore[assignment]
    if timeexpr is not None:
        return [
            (Found(m.start, m.end, text[m.start:m.end]), m.value, m.since)
            for m in timeexpr.find_times(text, lang)
            if m.kind == timeexpr.CLOCK and isinstance(m.value, frozenset)
        ]
    found = []
    for match in _CLOCK_RE.finditer(text):
        hour, minute = int(match.group(1)), int(match.group(2))
        suffix = (match.group(3) or "").lower()
        if suffix == "p" and hour < 12:
            hour += 12
        elif suffix == "a" and hour == 12:
            hour = 0
        since = bool(re.search(r"(?:\bс|\bсо|\bsince|\bfrom)\s*$", text[max(0, match.start() - 8):match.start()], re.I))
        found.append((Found(match.start(), match.end(), match.group(0)), frozenset({hour * 60 + minute}), since))
    return found


def _time_cell(subject: FactSubject, text: str, lang: str, required: bool) -> FactCell:
    mentions = [m for m in _clock_mentions(text, lang) if not m[2]]
    exact = _search(text, subject.forms)
    if exact is not None:
        return FactCell("stated", exact.text, required)
    same = [m for m in mentions if subject.minutes is not None and subject.minutes in m[1]]
    if same:
        return FactCell("stated", _widen(text, same[0][0]), required)
    other = [m for m in mentions if not (m[1] & subject.others)]
    if other:
        return FactCell("differs", _widen(text, other[0][0]), required,
                        note=subject.display)
    return FactCell("missing" if required else "absent", "", required)


def _phone_cell(subject: FactSubject, text: str, required: bool) -> FactCell:
    others = []
    for match in _PHONE_RE.finditer(text):
        digits = _digits(match.group(0))
        if len(digits) < 6:
            continue
        if subject.digits and subject.digits in re.sub(r"\D", "", match.group(0)):
            return FactCell("stated", match.group(0).strip(), required)
        if len(digits) >= MIN_OTHER_PHONE_DIGITS and digits not in subject.other_digits:
            others.append(match.group(0).strip())
    if others:
        return FactCell("differs", others[0], required, note=subject.display)
    return FactCell("missing" if required else "absent", "", required)


def _widen(text: str, found: Found) -> str:
    """A time with the date or zone words right next to it: «15 марта, 13:00 МСК»."""
    left = text.rfind("\n", 0, found.start) + 1
    before = text[max(left, found.start - 16):found.start]
    date_words = re.search(r"(\d{1,2}\s+\w+,?\s*(?:в\s+)?|\w+\s+\d{1,2},?\s*(?:at\s+)?)$", before)
    start = found.start - len(date_words.group(0)) if date_words else found.start
    after = re.match(r"\s*(?:[A-ZА-ЯЁ]{2,5}\b|\w+ time\b)?", text[found.end:found.end + 16])
    end = found.end + (len(after.group(0).rstrip()) if after else 0)
    return text[start:end].strip()


def cell_for(subject: FactSubject, text: str, lang: str, required: bool) -> FactCell:
    if subject.type == "datetime":
        return _time_cell(subject, text, lang, required)
    if subject.type == "phone":
        return _phone_cell(subject, text, required)
    found = _search(text, subject.forms)
    if found is not None:
        return FactCell("stated", found.text, required)
    return FactCell("missing" if required else "absent", "", required)


def _mentions(finding: FindingView, subject: FactSubject, cell: FactCell) -> bool:
    haystack = f"{finding.message} {finding.span}"
    if re.search(rf"(?<![\w]){re.escape(subject.name)}(?![\w])", haystack):
        return True
    if cell.shown and cell.shown in haystack:
        return True
    if subject.type == "phone" and finding.span and _digits(finding.span) == subject.digits:
        return True
    return bool(subject.type == "datetime" and finding.span and _CLOCK_RE.search(finding.span))


def build_table(
    messages: Sequence[BundleMessage],
    facts: Mapping[str, Any],
    mandatory: Mapping[str, Sequence[str]],
    *,
    types: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    lang: str = "en",
    locale: str = "en",
    zone: tzinfo | None = None,
    formatter: Any = None,
    findings: Sequence[FindingView] = (),
) -> FactTable:
    """Rows are channels, columns the facts mandatory in at least one of them."""
    types = types or {}
    titles = titles or {}
    names = list(dict.fromkeys(n for m in messages for n in mandatory.get(m.channel, ()) if n in facts))
    if not names:
        return FactTable()
    subjects = [subject_for(n, types.get(n, ""), facts[n], locale, zone, formatter) for n in names]
    for subject in subjects:
        for other in subjects:
            if other is subject:
                continue
            if other.minutes is not None:
                subject.others.add(other.minutes)
            if other.digits:
                subject.other_digits.add(other.digits)
    for name, value in facts.items():  # other times/phones a message may rightly mention
        if name in names:
            continue
        moment = as_datetime(value, zone) if _looks_iso(value) else None
        for subject in subjects:
            if moment is not None:
                subject.others.add(moment.hour * 60 + moment.minute)
            elif types.get(name) == "phone" and isinstance(value, str):
                subject.other_digits.add(_digits(value))
    consistency = [f for f in findings if f.category in ("inconsistency", "coverage")]
    rows = []
    bad: set[str] = set()
    for message in messages:
        required = set(mandatory.get(message.channel, ()))
        if not message.text.strip():  # the render failed: its findings say why
            cells_empty = tuple(FactCell("unrendered", "", s.name in required) for s in subjects)
            rows.append(FactRow(message.channel, titles.get(message.channel, message.channel), cells_empty))
            continue
        cells = []
        for subject in subjects:
            cell = cell_for(subject, message.text, lang, subject.name in required)
            attached = tuple(
                f.number for f in consistency
                if f.channel == message.channel and _mentions(f, subject, cell)
            )
            if attached:
                cell = FactCell(cell.state, cell.shown, cell.required, attached, cell.note)
            if cell.state in ("differs", "missing") or (attached and cell.required):
                bad.add(subject.name)
            cells.append(cell)
        rows.append(FactRow(message.channel, titles.get(message.channel, message.channel), tuple(cells)))
    columns = tuple(FactColumn(s.name, s.display, s.name in bad) for s in subjects)
    return FactTable(columns, tuple(rows))
