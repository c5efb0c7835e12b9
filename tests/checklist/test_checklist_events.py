"""Items and sends tell one story: a send completes its item, event deadlines wait, close asks.

Each scenario runs in English and in Russian (the same ids), and the report and the
terminal status of the end state are compared with golden files.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from checklist_helpers import DATA, assert_matches_golden, at
from click.testing import CliRunner

from crisisplay.checklist import api, clock
from crisisplay.checklist.phrases import phrases_for
from crisisplay.checklist.report import render_report
from crisisplay.checklist.store import Store
from crisisplay.checklist.textview import render_log, render_status
from crisisplay.checklist.views import build_status
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError

LANGUAGES = ("en", "ru")


@pytest.fixture(params=LANGUAGES)
def playbook(request: pytest.FixtureRequest, playbook_dir: Path) -> Path:
    shutil.copy(DATA / "crisis.ru.yaml", playbook_dir)
    return playbook_dir / f"crisis.{request.param}.yaml"


def _start(store: Store, playbook: Path) -> str:
    from checklist_helpers import T0

    return api.start_run(store, playbook, t0=T0, now=at(1), actor="duty").id


def test_recording_the_send_completes_the_item_with_an_audit_entry(store: Store, playbook: Path) -> None:
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", actor="anna", now=at(10))
    outcome = api.act(store, rid, "sent", "first_notice", channels=["sms", "email"], actor="cx", now=at(20))
    notify = outcome.state.items["first_hour.notify"]
    assert (notify.state, notify.changed_by, notify.completed_by) == ("done", "cx", outcome.event.seq)
    assert outcome.event.data["completes"] == ["first_hour.notify"]
    view = build_status(outcome.state, at(40))
    assert notify not in view.overdue  # the old bug: "Overdue" next to the table that says it went out
    state, events = api.load(store, rid)
    log = render_log(state, events)
    english = playbook.name.endswith("en.yaml")
    assert ("completes first_hour.notify" if english else "этим выполнено: first_hour.notify") in log
    # Sending again later (a correction) does not complete it twice or move its time.
    again = api.act(store, rid, "sent", "first_notice", channels=["sms"], actor="cx", now=at(30))
    assert "completes" not in again.event.data
    assert again.state.items["first_hour.notify"].changed_at == at(20)


def test_ticking_an_item_a_send_completes_points_to_the_send(store: Store, playbook: Path) -> None:
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", now=at(5))
    with pytest.raises(CrisisplayError, match="is done when the first_notice message is recorded as sent") as err:
        api.act(store, rid, "done", "first_hour.notify", now=at(6))
    assert f"crisisplay checklist sent {rid} first_notice" in err.value.hint
    forced = api.act(store, rid, "done", "first_hour.notify", force=True, note="sent by the CEO", now=at(7))
    assert forced.state.items["first_hour.notify"].state == "done"


def test_a_deadline_after_an_event_waits_and_is_never_overdue_before_it(store: Store, playbook: Path) -> None:
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", now=at(5))
    api.act(store, rid, "sent", "first_notice", now=at(20))
    late = build_status(api.load(store, rid)[0], at(20 * 60))  # 20 hours in, still not resolved
    item = late.state.items["day_one.resolution"]
    assert item.deadline is None and item.waits_on == "resolved"
    assert item not in late.overdue and item not in late.due_next and item in late.waiting_event
    closed = api.act(store, rid, "close", at=at(600), now=at(600))
    item = closed.state.items["day_one.resolution"]
    assert item.deadline == at(630) and item.waits_on == ""
    assert build_status(closed.state, at(620)).due_next[0].key == "day_one.resolution"
    assert item in build_status(closed.state, at(640)).overdue
    sent = api.act(store, rid, "sent", "resolved", channels=["sms"], actor="cx", now=at(645))
    assert sent.state.items["day_one.resolution"].state == "done"
    assert sent.event.data["completes"] == ["day_one.resolution"]


def test_close_lists_open_critical_items_and_needs_force(store: Store, playbook: Path) -> None:
    rid = _start(store, playbook)
    refused = r"2 critical item\(s\) .* still open: assess \(open\); first_hour.notify"
    with pytest.raises(CrisisplayError, match=refused) as err:
        api.act(store, rid, "close", now=at(15))
    assert "--force" in err.value.hint
    api.act(store, rid, "block", "assess", note="IT unreachable", now=at(16))
    with pytest.raises(CrisisplayError, match=r"assess \(blocked\)"):
        api.act(store, rid, "close", now=at(17))
    forced = api.act(store, rid, "close", force=True, actor="duty", note="false alarm", now=at(18))
    assert forced.event.data["open_critical"] == ["first_hour.assess", "first_hour.notify"]
    state, events = api.load(store, rid)
    say = phrases_for(state.run)
    expected = say.text("open_critical_note", items="assess, first_hour.notify")
    assert expected in render_log(state, events)


def test_status_after_close_keeps_the_run_that_still_owes_customers(
    store: Store, playbook: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", now=at(5))
    api.act(store, rid, "sent", "first_notice", now=at(20))
    api.act(store, rid, "close", at=at(100), now=at(100))
    monkeypatch.setenv("CRISISPLAY_DB", str(db_path))
    monkeypatch.setenv("CRISISPLAY_NOW", at(110).isoformat())
    shown = CliRunner().invoke(cli, ["checklist", "status"])
    assert shown.exit_code == 0, shown.output  # was: exit 2 "no open checklist run"
    english = playbook.name.endswith("en.yaml")
    owed = "send the resolution message now" if english else "отправьте итоговое сообщение сейчас"
    assert owed in shown.output and "day_one.resolution" not in shown.output
    assert "resolution:" in shown.output  # the item owed after the close, due now
    api.act(store, rid, "sent", "resolved", channels=["sms"], now=at(120))
    done = CliRunner().invoke(cli, ["checklist", "status"])
    assert done.exit_code == 2 and "no open checklist run" in done.output


def test_resume_owes_the_resolution_again(store: Store, playbook: Path) -> None:
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", now=at(5))
    api.act(store, rid, "sent", "first_notice", now=at(20))
    api.act(store, rid, "close", at=at(100), now=at(100))
    api.act(store, rid, "sent", "resolved", now=at(110))
    back = api.act(store, rid, "resume", note="payments fail again", now=at(140))
    assert back.event.data["reopens"] == ["day_one.resolution"]
    item = back.state.items["day_one.resolution"]
    assert (item.state, item.waits_on, item.deadline) == ("open", "resolved", None)
    again = api.act(store, rid, "close", at=at(200), now=at(200))
    assert again.state.items["day_one.resolution"].deadline == at(230)


def _end_state(store: Store, playbook: Path) -> str:
    """A short crisis: refused close, notice sent, forced close, status and report 10 minutes later."""
    rid = _start(store, playbook)
    api.act(store, rid, "done", "assess", actor="anna", now=at(10))
    api.act(store, rid, "sent", "first_notice", channels=["sms", "email"], actor="cx", now=at(22))
    api.act(store, rid, "block", "scripts", actor="olga", note="legal review", now=at(30))
    api.act(store, rid, "done", "freeze", actor="product", now=at(50))
    api.act(store, rid, "close", at=at(90), actor="duty", note="processing restored", now=at(91))
    return rid


def test_golden_report_and_status_after_close(store: Store, playbook: Path) -> None:
    rid = _end_state(store, playbook)
    view = build_status(api.load(store, rid)[0], at(100))
    language = "en" if playbook.name.endswith("en.yaml") else "ru"
    assert_matches_golden(render_report(view, "md"), f"closed_owed.{language}.md")
    assert_matches_golden(render_status(view, show_all=True) + "\n", f"closed_owed.status.{language}.txt")
    english = render_status(view, phrases=phrases_for(view.state.run, "en"))
    assert "Customers: the crisis is resolved: send the resolution message now" in english  # --lang en
    from crisisplay.checklist.textview import render_runs

    listing = render_runs(api.list_runs(store))
    expected = "завершён 10 марта, 13:30 МСК · 6 событий" if language == "ru" else "resolved March 10, 10:30 AM"
    assert expected in listing


def test_a_clock_time_that_has_not_come_yet_today_is_refused_not_shifted_a_day() -> None:
    moscow = ZoneInfo("Europe/Moscow")
    morning = datetime(2026, 12, 6, 6, 5, tzinfo=moscow).astimezone(timezone.utc)
    with pytest.raises(CrisisplayError, match=r"09:40 has not come yet today .* yesterday .* was 20h25m ago") as err:
        clock.parse_time("09:40", moscow, morning, past=True)
    assert "2026-12-05T09:40" in err.value.hint
    midnight = datetime(2026, 12, 6, 0, 10, tzinfo=moscow).astimezone(timezone.utc)
    late_evening = clock.parse_time("23:40", moscow, midnight, past=True)
    assert midnight - late_evening == timedelta(minutes=30)
    assert clock.is_yesterday(late_evening, midnight, moscow)


def test_start_says_when_t0_is_yesterday_and_refuses_a_day_ago(
    crisis_playbook: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRISISPLAY_DB", str(db_path))
    monkeypatch.setenv("CRISISPLAY_NOW", "2026-03-10T06:05Z")
    refused = CliRunner().invoke(cli, ["checklist", "start", str(crisis_playbook), "--t0", "09:40"])
    assert refused.exit_code == 2 and "has not come yet today" in refused.output
    monkeypatch.setenv("CRISISPLAY_NOW", "2026-03-10T00:10Z")
    started = CliRunner().invoke(cli, ["checklist", "start", str(crisis_playbook), "--t0", "23:40"])
    assert started.exit_code == 0, started.output
    assert "T0 is yesterday, 30m ago" in started.output
