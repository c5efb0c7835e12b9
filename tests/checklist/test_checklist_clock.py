"""Reading and showing times: what managers type, what the database keeps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from crisisplay.checklist import clock
from crisisplay.errors import CrisisplayError

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 3, 15, 7, 30, tzinfo=timezone.utc)  # 10:30 in Moscow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("10:00", datetime(2026, 3, 15, 7, 0, tzinfo=timezone.utc)),
        ("-20m", NOW - timedelta(minutes=20)),
        ("1h30m ago", NOW - timedelta(minutes=90)),
        ("+1h", NOW + timedelta(hours=1)),
        ("2026-03-15T09:40", datetime(2026, 3, 15, 6, 40, tzinfo=timezone.utc)),
        ("2026-03-15 09:40+00:00", datetime(2026, 3, 15, 9, 40, tzinfo=timezone.utc)),
        ("2026-03-15T09:40Z", datetime(2026, 3, 15, 9, 40, tzinfo=timezone.utc)),
    ],
)
def test_parse_time(text: str, expected: datetime) -> None:
    assert clock.parse_time(text, MSK, NOW) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "25:00", "2026-13-01", "-abc"])
def test_parse_time_refuses_with_a_hint(text: str) -> None:
    with pytest.raises(CrisisplayError) as err:
        clock.parse_time(text, MSK, NOW)
    assert "ISO 8601" in err.value.hint


def test_fixed_clock_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISPLAY_NOW", "2026-03-15T10:30+03:00")
    assert clock.now() == NOW
    monkeypatch.setenv("CRISISPLAY_NOW", "garbage")
    with pytest.raises(CrisisplayError, match="CRISISPLAY_NOW"):
        clock.now()


def test_storage_form_round_trips_and_sorts() -> None:
    text = clock.to_db(NOW.astimezone(MSK))
    assert text == "2026-03-15T07:30:00.000000+00:00"
    assert clock.from_db(text) == NOW
    with pytest.raises(ValueError):
        clock.to_db(datetime(2026, 1, 1))


def test_display_forms() -> None:
    assert clock.show(NOW, MSK) == "2026-03-15 10:30 MSK"
    assert clock.show(NOW, MSK, date=False) == "10:30 MSK"
    assert clock.span(timedelta(minutes=65)) == "1h05m"
    assert clock.span(timedelta(days=2, hours=3)) == "2d3h"
    assert clock.relative(NOW + timedelta(minutes=40), NOW) == "in 40m"
    assert clock.relative(NOW - timedelta(hours=2), NOW) == "2h ago"


def test_unknown_zone_is_a_user_error_but_old_runs_still_show() -> None:
    with pytest.raises(CrisisplayError, match="unknown time zone"):
        clock.zone("Mars/Olympus")
    assert clock.zone_or_utc("Mars/Olympus") == ZoneInfo("UTC")


def test_bare_clock_time_in_the_past_means_the_latest_such_moment() -> None:
    just_after_midnight = datetime(2026, 3, 15, 21, 10, tzinfo=timezone.utc)  # 00:10 MSK on the 16th
    assert clock.parse_time("23:40", MSK, just_after_midnight, past=True) == datetime(
        2026, 3, 15, 20, 40, tzinfo=timezone.utc
    )
    assert clock.parse_time("23:40", MSK, just_after_midnight) == datetime(2026, 3, 16, 20, 40, tzinfo=timezone.utc)
