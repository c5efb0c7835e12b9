"""A resolved crisis that comes back: ``checklist resume`` opens a new episode of the same run."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from checklist_helpers import DATA, T0, at
from click.testing import CliRunner

from crisisplay.checklist import api
from crisisplay.checklist.domain import Run
from crisisplay.checklist.ics import export_ics
from crisisplay.checklist.report import render_report
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import StatusView, build_status
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError


def _resolved_then_back(store: Store, playbook: Path) -> Run:
    """Notice at +20m, resolved at +100m (message sent at +110m), back at +200m."""
    run = api.start_run(store, playbook, t0=T0, now=at(1), actor="lead")
    api.act(store, run.id, "sent", "first_notice", channels=["sms"], at=at(20), now=at(20))
    api.act(store, run.id, "close", force=True, at=at(100), now=at(100))
    api.act(store, run.id, "sent", "resolved", channels=["sms"], at=at(110), now=at(110))
    api.act(store, run.id, "resume", note="payments fail again", at=at(200), now=at(201))
    return run


def _view(store: Store, run: Run, minutes: float) -> StatusView:
    state, _ = api.load(store, run.id)
    return build_status(state, at(minutes))


def test_after_resume_customers_must_hear_as_fast_as_a_first_notice(store: Store, crisis_playbook: Path) -> None:
    run = _resolved_then_back(store, crisis_playbook)
    view = _view(store, run, 210)
    assert view.state.closed_at is None
    assert view.state.episodes == [(T0, at(100)), (at(200), None)]
    nu = view.next_update
    # first_notice_within is 30m (the stage's due, under the 45m policy); an update says it is back.
    assert (nu.due, nu.stage_id, nu.basis) == (at(230), "update", "resumed")
    assert not view.silences  # the 90 quiet minutes while it was resolved are not a silence


def test_late_message_after_resume_is_a_silence_of_its_own_kind(store: Store, crisis_playbook: Path) -> None:
    run = _resolved_then_back(store, crisis_playbook)
    view = _view(store, run, 300)
    assert view.next_update.overdue(at(300))
    assert [(s.kind, s.ongoing, s.start, s.length) for s in view.silences] == [
        ("resumed", True, at(200), timedelta(minutes=100))
    ]


def test_second_episode_runs_its_own_cadence_and_closes_again(store: Store, crisis_playbook: Path) -> None:
    run = _resolved_then_back(store, crisis_playbook)
    api.act(store, run.id, "sent", "update", channels=["sms"], at=at(215), now=at(215))
    nu = _view(store, run, 220).next_update
    assert (nu.due, nu.basis) == (at(215 + 120), "cadence")
    api.act(store, run.id, "close", force=True, at=at(400), now=at(400))
    nu = _view(store, run, 401).next_update
    assert (nu.due, nu.basis) == (at(400), "resolution_due")  # the first resolution message is history
    api.act(store, run.id, "sent", "resolved", at=at(405), now=at(405))
    view = _view(store, run, 406)
    assert view.next_update.basis == "finished"
    assert view.state.episodes == [(T0, at(100)), (at(200), at(400))]
    assert view.to_dict()["run"]["episodes"][1]["end"] == at(400).isoformat()


def test_resume_is_refused_when_open_or_before_the_resolution(store: Store, crisis_playbook: Path) -> None:
    run = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    with pytest.raises(CrisisplayError, match="not closed; there is nothing to resume"):
        api.act(store, run.id, "resume", at=at(10), now=at(10))
    api.act(store, run.id, "close", force=True, at=at(100), now=at(100))
    with pytest.raises(CrisisplayError, match=r"cannot come back at .* it was resolved at"):
        api.act(store, run.id, "resume", at=at(100), now=at(120))
    api.act(store, run.id, "resume", at=at(110), now=at(120))
    with pytest.raises(CrisisplayError, match="not closed"):
        api.act(store, run.id, "resume", at=at(115), now=at(120))


def test_listing_and_the_default_run_follow_the_latest_close_or_resume(store: Store, crisis_playbook: Path) -> None:
    run = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    api.act(store, run.id, "close", force=True, at=at(100), now=at(100))
    assert [r.closed_at for r in api.list_runs(store)] == [at(100)]
    api.act(store, run.id, "resume", at=at(150), now=at(150))
    assert [r.closed_at for r in api.list_runs(store)] == [None]
    state, _ = api.load(store, None)  # no RUN given: the newest open run
    assert state.run.id == run.id
    api.act(store, run.id, "close", force=True, at=at(300), now=at(300))
    assert [r.closed_at for r in api.list_runs(store)] == [at(300)]


def test_report_and_calendar_say_it_came_back(store: Store, playbook_dir: Path) -> None:
    shutil.copy(DATA / "crisis.ru.yaml", playbook_dir)
    run = _resolved_then_back(store, playbook_dir / "crisis.ru.yaml")
    view = _view(store, run, 300)
    report = render_report(view, "md")
    assert "- **Кризис вернулся:** 10 марта, 15:20 МСК (после завершения в 10 марта, 13:40 МСК)" in report
    assert "Сообщение о возобновлении кризиса опаздывает уже на 1 ч 40 мин" in report
    assert "ПРОСРОЧЕНО: сообщение о том, что проблема вернулась — срок" in report
    from icalendar import Calendar

    events = Calendar.from_ical(export_ics(view)).walk("VEVENT")
    assert any(str(e["SUMMARY"]) == "Кризис вернулся: срок сообщения клиентам" for e in events)


def test_resume_through_the_cli(crisis_playbook: Path, db_path: Path) -> None:
    env = {"CRISISPLAY_DB": str(db_path), "NO_COLOR": "1"}
    runner = CliRunner()

    def run(*args: str, now: str) -> tuple[int, str]:
        result = runner.invoke(cli, ["checklist", *args], env={**env, "CRISISPLAY_NOW": now})
        return result.exit_code, result.output

    assert run("start", str(crisis_playbook), "--t0", "09:00", now="2026-03-10T09:05Z")[0] == 0
    assert run("close", "test-crisis", "--at", "10:00", "--force", now="2026-03-10T10:00Z")[0] == 0
    code, out = run("resume", "test-crisis", "--note", "payments fail again", now="2026-03-10T11:00Z")
    assert code == 0, out
    assert "resumed: the crisis came back at March 10, 11:00 AM London time" in out
    assert "Customers: message that the problem is back due March 10, 11:30 AM London time (in 30m)" in out
    code, out = run("status", now="2026-03-10T11:10Z")
    assert "resolved March 10, 10:00 AM London time, came back March 10, 11:00 AM London time" in out
    code, out = run("log", "test-crisis", now="2026-03-10T11:10Z")
    assert "resumed: the crisis came back — payments fail again" in out
    code, out = run("resume", "test-crisis", now="2026-03-10T11:20Z")
    assert code == 2 and "nothing to resume" in out and "Traceback" not in out
