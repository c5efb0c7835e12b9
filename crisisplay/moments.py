"""The one reader of a moment a person types: ``--at``, ``--t0``, ``CRISISPLAY_NOW``.

Four forms, the same for every command: an ISO 8601 date and time (the zone optional:
without it, the playbook's or the run's zone), ``HH:MM`` (today), ``now``, or an offset
from now (``-20m``, ``+2h``, ``1h ago``). :func:`parse_moment` reads the text once, with
one message for what it cannot read; :meth:`Moment.resolve` places it in a zone later,
when the command knows which (a playbook's, a checklist run's). Fact values such as
``next_update_at`` have their own reader (:func:`crisisplay.playbook.values.parse_datetime`):
a promised time is rounded to five minutes, a moment of action is not.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, tzinfo
from typing import NamedTuple

from crisisplay.errors import CrisisplayError
from crisisplay.lazy_re import LazyPattern

#: The forms, as every command's help and error message spell them.
TIME_FORMS = "ISO 8601 (2026-03-15T10:00, zone optional), HH:MM today, 'now', or relative: -20m, +2h, 1h ago"
_SIGNED = LazyPattern(r"^([+-])\s*(.+?)$")
_AGO = LazyPattern(r"^(.+?)\s+ago$", re.IGNORECASE)
_CLOCK = LazyPattern(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")


class Moment(NamedTuple):
    """A moment as typed, not yet placed in a zone: exactly one of the fields below is set
    (none of them for ``now``)."""

    text: str
    offset: timedelta | None = None  # -20m, +2h, 1h ago
    clock: time | None = None  # HH:MM today
    stamp: datetime | None = None  # ISO 8601, naive or aware

    def resolve(self, zone: tzinfo | None, current: datetime | None = None) -> datetime:
        """The aware moment in ``zone`` (``None``: the machine's own zone); ``current`` is "now"."""
        here = zone or datetime.now().astimezone().tzinfo
        if self.stamp is not None:
            if self.stamp.tzinfo is None:
                return self.stamp.replace(tzinfo=here)
            return self.stamp if zone is None else self.stamp.astimezone(zone)
        base = (current or datetime.now(here)).astimezone(here)
        if self.clock is not None:
            return datetime.combine(base.date(), self.clock, tzinfo=here)
        return base + self.offset if self.offset is not None else base


def parse_moment(text: str) -> Moment:
    """Read ``text`` in one of the :data:`TIME_FORMS`; a :class:`CrisisplayError` otherwise."""
    # Imported here: every command's options name TIME_FORMS, few runs read a time.
    from crisisplay.playbook.timing import parse_duration
    from crisisplay.playbook.values import FIRST_YEAR, LAST_YEAR

    value = text.strip() if isinstance(text, str) else ""
    if not value or len(value) > 64:
        raise _unreadable(text)
    if value.lower() == "now":
        return Moment(value)
    signed, ago = _SIGNED.match(value), _AGO.match(value)
    if signed or ago:
        amount = parse_duration(signed.group(2) if signed else ago.group(1))  # type: ignore[union-attr]
        if amount is None:
            raise _unreadable(text)
        return Moment(value, offset=amount if signed and signed.group(1) == "+" else -amount)
    clock = _CLOCK.match(value)
    if clock:
        hour, minute, second = (int(part or 0) for part in clock.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise _unreadable(text)
        return Moment(value, clock=time(hour, minute, second))
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise _unreadable(text) from None
    if not FIRST_YEAR <= stamp.year <= LAST_YEAR:
        raise CrisisplayError(f"cannot read time {text!r}: the year is outside {FIRST_YEAR}–{LAST_YEAR}",
                              hint=TIME_FORMS)
    return Moment(value, stamp=stamp)


def resolve_at(value: str | datetime | Moment | None, zone: tzinfo | None,
               current: datetime | None = None) -> datetime | None:
    """``--at`` as a library argument: text, a :class:`Moment` or a datetime (naive: in ``zone``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return Moment(value.isoformat(), stamp=value).resolve(zone, current)
    moment = value if isinstance(value, Moment) else parse_moment(value)
    return moment.resolve(zone, current)


def _unreadable(text: object) -> CrisisplayError:
    return CrisisplayError(f"cannot read time {text!r}", hint=TIME_FORMS)
