"""The facts a set of messages was made from, as plain data lint can check claims against.

:class:`Truth` holds the services (names, own phrases, statuses) and the facts' times,
durations and texts; ``render --lint``, the preview and the crisis room build it from a
render result (:mod:`crisisplay.factcheck`), ``lint`` from a ``bundle.json``
(:func:`truth_from_bundle`). Tone needs nothing from render to use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import NamedTuple


class ServiceTruth(NamedTuple):
    """A service as the messages name it, and its status in the facts."""

    id: str
    name: str
    status: str
    phrases: tuple[tuple[str, str], ...] = ()  # (status, the playbook's own phrase)


class Truth(NamedTuple):
    """The state a set of messages was rendered from."""

    lang: str
    services: tuple[ServiceTruth, ...] = ()
    moments: tuple[datetime, ...] = ()  # datetimes of the facts, in the company's zone
    days: tuple[date, ...] = ()  # dates of the facts
    durations: tuple[timedelta, ...] = ()
    fact_texts: tuple[str, ...] = ()  # what the user wrote: claims inside are theirs

    @property
    def allowed_minutes(self) -> frozenset[int]:
        return frozenset(m.hour * 60 + m.minute for m in self.moments)

    @property
    def allowed_days(self) -> frozenset[tuple[int, int]]:
        return frozenset((d.month, d.day) for d in (*self.days, *(m.date() for m in self.moments)))

    @property
    def allowed_durations(self) -> frozenset[int]:
        found = {int(d.total_seconds() // 60) for d in self.durations}
        points = sorted(self.moments)
        found |= {int((b - a).total_seconds() // 60) for i, a in enumerate(points) for b in points[i + 1:]}
        return frozenset(found)



def truth_from_values(
    lang: str,
    services: Iterable[tuple[str, str, str, Iterable[tuple[str, str]]]],
    facts: dict[str, object],
) -> Truth:
    """A :class:`Truth` from (id, name, status, phrases) and typed fact values."""
    moments: list[datetime] = []
    days: list[date] = []
    durations: list[timedelta] = []
    texts: list[str] = []
    for value in facts.values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, datetime):
                moments.append(item)
            elif isinstance(item, date):
                days.append(item)
            elif isinstance(item, timedelta):
                durations.append(item)
            elif isinstance(item, str) and item.strip():
                texts.append(item)
    return Truth(
        lang,
        tuple(ServiceTruth(sid, name, status, tuple(phrases)) for sid, name, status, phrases in services),
        tuple(moments), tuple(days), tuple(durations), tuple(texts),
    )


_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def truth_from_bundle(data: dict[str, object]) -> Truth | None:
    """The facts a ``bundle.json`` was rendered from, or None for an older bundle."""
    services = data.get("services")
    facts = data.get("facts")
    playbook = data.get("playbook")
    if not isinstance(services, list) or not isinstance(facts, dict):
        return None
    locale = str(playbook.get("locale", "")) if isinstance(playbook, dict) else ""
    rows = []
    for item in services:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "name", "status")):
            phrases = item.get("phrases") if isinstance(item.get("phrases"), dict) else {}
            rows.append((str(item["id"]), str(item["name"]), str(item["status"]),
                         tuple((str(k), str(v)) for k, v in phrases.items())))  # type: ignore[union-attr]
    values = {str(name): _from_json(value) for name, value in facts.items() if name != "services"}
    # The render's own moment is a fact too: the status page says «Обновлено: 6 декабря в 14:41».
    # (The key cannot clash with a fact's name: those are identifiers.)
    rendered_at = _from_json(data.get("generated_at"))
    if isinstance(rendered_at, datetime):
        values["(generated_at)"] = rendered_at
    return truth_from_values(locale.split("_")[0].split("-")[0] or "en", rows, values)


def _from_json(value: object) -> object:
    """Bundle fact values back to dates, times and durations (ISO text, ``1h30m``)."""
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    if not isinstance(value, str):
        return value
    try:
        if _ISO_MOMENT.match(value):
            return datetime.fromisoformat(value)
        if _ISO_DAY.match(value):
            return date.fromisoformat(value)
    except ValueError:
        return value
    match = _DURATION.match(value)
    if match and any(match.groups()):
        days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return value
