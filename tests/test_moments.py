"""The one reader of typed moments (``--at``, ``--t0``, ``CRISISPLAY_NOW``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisplay.errors import CrisisplayError
from crisisplay.moments import TIME_FORMS, Moment, parse_moment, resolve_at

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 3, 15, 7, 30, tzinfo=timezone.utc)  # 10:30 in Moscow


@pytest.mark.parametrize(("text", "expected"), [
    ("now", datetime(2026, 3, 15, 10, 30, tzinfo=MSK)),
    ("NOW ", datetime(2026, 3, 15, 10, 30, tzinfo=MSK)),
    ("09:40", datetime(2026, 3, 15, 9, 40, tzinfo=MSK)),
    ("9.40", datetime(2026, 3, 15, 9, 40, tzinfo=MSK)),
    ("09:40:30", datetime(2026, 3, 15, 9, 40, 30, tzinfo=MSK)),
    ("-20m", datetime(2026, 3, 15, 10, 10, tzinfo=MSK)),
    ("+2h", datetime(2026, 3, 15, 12, 30, tzinfo=MSK)),
    ("1h30m ago", datetime(2026, 3, 15, 9, 0, tzinfo=MSK)),
    ("2026-03-14T23:00", datetime(2026, 3, 14, 23, 0, tzinfo=MSK)),
    ("2026-03-14 23:00", datetime(2026, 3, 14, 23, 0, tzinfo=MSK)),
    ("2026-03-14T20:00Z", datetime(2026, 3, 14, 23, 0, tzinfo=MSK)),
])
def test_forms_resolve_in_the_given_zone(text: str, expected: datetime) -> None:
    moment = parse_moment(text)
    resolved = moment.resolve(MSK, NOW)
    assert resolved == expected and resolved.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize("text", ["", "  ", "someday", "25:00", "10:60", "2026-13-01", "+abc", "1h later",
                                  "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00", "x" * 100])
def test_unreadable_text_is_one_user_error(text: str) -> None:
    with pytest.raises(CrisisplayError) as caught:
        parse_moment(text)
    assert caught.value.message.startswith("cannot read time") and caught.value.hint == TIME_FORMS


def test_only_one_form_is_set() -> None:
    assert parse_moment("now") == Moment("now")
    assert parse_moment("10:00").clock == time(10, 0)
    assert parse_moment("-5m").offset == timedelta(minutes=-5)
    assert parse_moment("2026-03-15T10:00").stamp == datetime(2026, 3, 15, 10, 0)


def test_library_arguments() -> None:
    assert resolve_at(None, MSK) is None
    assert resolve_at("10:00", MSK, NOW) == datetime(2026, 3, 15, 10, 0, tzinfo=MSK)
    assert resolve_at(datetime(2026, 3, 15, 10, 0), MSK) == datetime(2026, 3, 15, 10, 0, tzinfo=MSK)
    assert resolve_at(parse_moment("+1h"), MSK, NOW) == datetime(2026, 3, 15, 11, 30, tzinfo=MSK)
    aware = datetime(2026, 3, 15, 10, 0, tzinfo=timezone.utc)
    assert resolve_at(aware, None) == aware  # no zone to place it in: its own offset stays


@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(8999, 12, 30),
                    timezones=st.sampled_from([timezone.utc, MSK, ZoneInfo("America/New_York")])))
def test_iso_stamps_round_trip(moment: datetime) -> None:
    """The same instant comes back, shown in the zone asked for. Compared as instants: ``==``
    on aware datetimes compares wall clocks within one zone and is never true across zones
    for a time in a DST fold or gap (PEP 495), which would fail on 1919 Moscow or a November
    night in New York although the instant is right."""
    resolved = parse_moment(moment.isoformat()).resolve(MSK)
    assert resolved.tzinfo is MSK
    assert resolved.timestamp() == moment.timestamp()
    assert resolved.utcoffset() == MSK.utcoffset(resolved.replace(tzinfo=None))
