"""Time for checklist runs: stored in UTC, read and shown in the playbook's zone.

Managers type times the way they think of them (``10:20``, ``-15m``, an ISO stamp); the
database only ever holds aware UTC instants, so runs compare correctly across zones and
daylight-saving changes. Tests and end-to-end scripts pin "now" with ``CRISISPLAY_NOW``
or ``--at`` instead of sleeping.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crisisplay.errors import CrisisplayError
from crisisplay.moments import TIME_FORMS, Moment, parse_moment

NOW_ENV = "CRISISPLAY_NOW"
#: How far back a bare ``HH:MM`` may silently reach into yesterday.
YESTERDAY_LIMIT = timedelta(hours=12)


def zone(name: str) -> ZoneInfo:
    """The playbook's zone; an unknown name is a user error, not a crash."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CrisisplayError(f"unknown time zone {name!r}", hint="use an IANA name such as Europe/Moscow") from None


def zone_or_utc(name: str) -> ZoneInfo:
    """For showing an existing run: a zone missing on this machine must not hide the run."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def now() -> datetime:
    """The current instant (UTC), or the fixed one in ``CRISISPLAY_NOW``."""
    fixed = os.environ.get(NOW_ENV, "").strip()
    if fixed:
        try:
            return parse_time(fixed, ZoneInfo("UTC"), datetime.now(timezone.utc))
        except CrisisplayError as exc:
            raise CrisisplayError(f"{NOW_ENV}: {exc.message}", hint=TIME_FORMS) from None
    return datetime.now(timezone.utc)


def parse_time(text: str | Moment, tz: ZoneInfo, current: datetime, *, past: bool = False) -> datetime:
    """A manager's time (text, or a :class:`~crisisplay.moments.Moment` an option already
    read) as aware UTC; naive values are in ``tz``.

    With ``past``, a bare ``HH:MM`` later than now means yesterday: at 00:10, "T0 23:40"
    is the crisis that started thirty minutes ago, not one tomorrow night. Yesterday more
    than :data:`YESTERDAY_LIMIT` ago is refused: at 06:05, "09:40" is far likelier a typo
    than a crisis nobody recorded for twenty hours, and 14 items overdue at once would hide it.
    """
    moment = text if isinstance(text, Moment) else parse_moment(text)
    value = moment.resolve(tz, current)
    if past and moment.clock is not None and value > current + timedelta(minutes=2):
        value = datetime.combine(value.date() - timedelta(days=1), moment.clock, tzinfo=tz)
        if current - value > YESTERDAY_LIMIT:
            raise CrisisplayError(
                f"{moment.text} has not come yet today (it is {show(current, tz, date=False)} now);"
                f" yesterday {show(value, tz)} was {span(current - value)} ago",
                hint=f"give the date if you mean yesterday: {value.astimezone(tz):%Y-%m-%dT%H:%M}",
            )
    return value.astimezone(timezone.utc)


def is_yesterday(moment: datetime, current: datetime, tz: ZoneInfo) -> bool:
    """Whether ``moment`` falls on the day before ``current`` in ``tz`` (said aloud after start)."""
    return moment.astimezone(tz).date() == current.astimezone(tz).date() - timedelta(days=1)


def to_db(moment: datetime) -> str:
    """The one stored form: UTC ISO 8601 with microseconds, sortable as text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    """Inverse of :func:`to_db` (already UTC, so no conversion: status parses thousands)."""
    return datetime.fromisoformat(text)


def local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def show(moment: datetime, tz: ZoneInfo, *, date: bool = True) -> str:
    """``2026-03-15 10:20 MSK``: what managers read in status, log and reports."""
    value = moment.astimezone(tz)
    label = value.tzname() or ""
    pattern = "%Y-%m-%d %H:%M" if date else "%H:%M"
    return f"{value.strftime(pattern)} {label}".strip()


def span(delta: timedelta) -> str:
    """A short human duration rounded to minutes: ``1h05m``, ``2d3h``, ``0m``."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d{hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h{mins:02d}m" if mins else f"{hours}h"
    return f"{mins}m"


def relative(moment: datetime, current: datetime) -> str:
    """``in 40m`` or ``15m ago``, relative to the status time."""
    delta = moment - current
    if abs(delta) < timedelta(minutes=1):
        return "now"
    return f"in {span(delta)}" if delta > timedelta(0) else f"{span(delta)} ago"


class Moments:
    """Times as the playbook's language writes them: ``6 декабря, 06:03 МСК``, ``December 6, 3:03 AM London time``.

    The same CLDR patterns and zone labels as the rendered messages and the preview page
    (``crisisplay.render.filters``), cached per day and per minute of the day, so a log of
    ten thousand events formats quickly.
    """

    def __init__(self, language: str, tz: ZoneInfo) -> None:
        from babel import Locale

        self.language = language
        self.tz = tz
        self._locale = Locale.parse(language)
        self._pattern = str(self._locale.datetime_formats["medium"])
        self._days: dict[object, str] = {}
        self._times: dict[tuple[int, int, timedelta | None], tuple[str, str]] = {}

    def show(self, moment: datetime, *, date: bool = True) -> str:
        from babel import dates

        from crisisplay.render.locale import plain_spaces, zone_label

        local = moment.astimezone(self.tz)
        key = (local.hour, local.minute, local.utcoffset())
        cached = self._times.get(key)
        if cached is None:
            text = plain_spaces(dates.format_time(local, "short", tzinfo=local.tzinfo, locale=self._locale))
            cached = self._times[key] = (text, zone_label(local, self.language))
        clock, zone = cached
        if not date:
            return f"{clock} {zone}".strip()
        day = self._days.get(local.date())
        if day is None:
            day = self._days[local.date()] = plain_spaces(dates.format_skeleton("MMMMd", local, locale=self._locale))
        return f"{self._pattern.replace('{1}', day).replace('{0}', clock)} {zone}".strip()
