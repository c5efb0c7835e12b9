"""``crisisplay checklist …`` end to end through click, on a fixed clock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from checklist_helpers import at, busy_morning
from click.testing import CliRunner, Result

from crisisplay.checklist import api
from crisisplay.checklist.store import Store
from crisisplay.checklist.textview import render_status
from crisisplay.checklist.views import build_status
from crisisplay.cli.checklist import checklist
from crisisplay.cli.main import cli

RUN = "test-crisis-20260310-0900"
COMMANDS = (
    "start",
    "status",
    "done",
    "skip",
    "block",
    "reopen",
    "assign",
    "sent",
    "close",
    "resume",
    "list",
    "log",
    "report",
    "export",
    "facts",
)


@pytest.fixture
def invoke(db_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CRISISPLAY_DB", str(db_path))

    def run(*args: str, now: str = "2026-03-10T10:00Z") -> Result:
        monkeypatch.setenv("CRISISPLAY_NOW", now)
        return CliRunner().invoke(cli, ["checklist", *args], catch_exceptions=False)

    return run


def test_every_command_has_help_with_examples() -> None:
    runner = CliRunner()
    assert set(COMMANDS) <= set(checklist.commands)
    for name in COMMANDS:
        result = runner.invoke(cli, ["checklist", name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Examples:" in result.output, name
        assert "crisisplay checklist" in result.output, name


def test_a_crisis_from_start_to_report(invoke, crisis_playbook: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    started = invoke("start", str(crisis_playbook), "--t0", "09:00", "--by", "duty")
    assert started.exit_code == 0, started.output
    assert f"started run {RUN}: 8 items (First hour and Day one)" in started.output
    assert "first notice due March 10, 9:30 AM London time" in started.output

    status = invoke("status")
    assert status.exit_code == 0
    out = status.output
    assert "progress: 0%, 0 of 8 items closed" in out  # no TTY: no bar
    assert "OVERDUE: first notice" in out
    assert "Overdue (3)" in out and "assess: Confirm the scope with IT · Duty manager" in out
    assert "Why: be honest about difficulties" in out
    assert "survey: waits for scripts" in out
    assert "Waiting for an event (1)" in out
    waiting = "resolution: Send the resolution message · Customer experience lead · 30m after the crisis is resolved"
    assert waiting in out
    assert "Website redesign (redesign): status frozen; items: freeze" in out
    assert f"when it is out: crisisplay checklist sent {RUN} first_notice --channel" in out

    blocked = invoke("done", RUN, "scripts")
    assert blocked.exit_code == 2
    assert "depends on items that are not done yet: assess (open)" in blocked.output
    assert invoke("done", RUN, "asses").output.count("did you mean 'assess'") == 1
    done = invoke("done", RUN, "assess", "--by", "anna", "--note", "scope: cards", "--at", "09:12")
    assert done.exit_code == 0
    assert f"{RUN}: done assess at March 10, 9:12 AM London time by anna" in done.output
    assert "now unblocked: first_hour.notify, scripts" in done.output
    forced = invoke("done", RUN, "day_one.notify", "--force", "--note", "summary sent early")
    assert "; forced past open: staff" in forced.output
    sent = invoke("sent", RUN, "first_notice", "--channel", "sms", "--at", "09:28")
    assert "completes first_hour.notify" in sent.output
    assert "Customers: next update" in sent.output and "due March 10, 11:28 AM London time" in sent.output
    assert invoke("block", RUN, "scripts", "--note", "legal review").exit_code == 0
    assert invoke("skip", RUN, "survey", "--note", "no tool").exit_code == 0
    assert invoke("reopen", RUN, "survey").exit_code == 0
    assert "assigned freeze to maria" in invoke("assign", RUN, "freeze", "maria").output

    data = json.loads(invoke("status", RUN, "--format", "json").output)
    assert data["next_update"]["due"] == "2026-03-10T11:28:00+00:00"
    assert data["blocked"] == [{"id": "scripts", "reason": "legal review"}]
    assert data["waiting_event"] == [{"id": "resolution", "event": "resolved", "after_minutes": 30}]
    by_id = {i["id"]: i for i in data["items"]}
    assert by_id["freeze"]["owner"] == "maria"
    assert by_id["day_one.notify"]["forced"] == ["staff"]
    assert by_id["first_hour.notify"]["state"] == "done" and by_id["first_hour.notify"]["completed_by_event"]

    log = invoke("log", RUN).output
    assert "tester: done day_one.notify; forced past open: staff — summary sent early" in log
    assert "anna: done assess — scope: cards [recorded March 10, 10:00 AM London time]" in log
    assert "tester: sent “first notice” (sms); completes first_hour.notify" in log
    assert "сводка" not in log and "выполнено: assess" in invoke("log", RUN, "--lang", "ru").output

    closing = invoke("close", RUN, "--at", "10:00", now="2026-03-10T10:05Z")
    assert closing.exit_code == 0, closing.output  # both critical items are done: no --force needed
    assert "closed: the crisis is resolved" in closing.output
    listing = invoke("list").output
    assert listing.startswith(f"{RUN}  Payment outage · test-crisis · T0 March 10, 9:00 AM London time · resolved")
    assert invoke("list", "--open").output.strip() == "no checklist runs yet"
    assert json.loads(invoke("list", "--format", "json").output)[0]["items"] == 8

    report = tmp_path / "out" / "report.html"
    made = invoke("report", RUN, "--format", "html", "-o", str(report))
    assert made.exit_code == 0 and report.read_text().startswith("<!DOCTYPE html>")
    assert "# Checklist report: Payment outage" in invoke("report", RUN).output
    ics = tmp_path / "crisis.ics"
    assert invoke("export", RUN, "--ics", str(ics)).exit_code == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_user_errors_exit_2_with_clear_messages(invoke, crisis_playbook: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = invoke("status")
    assert empty.exit_code == 2 and "no checklist runs yet" in empty.output
    assert invoke("start", str(tmp_path / "nope.yaml")).exit_code == 2
    invoke("start", str(crisis_playbook), "--t0", "09:00")
    unknown = invoke("status", "test-crisis-2026031")
    assert unknown.exit_code == 0  # a unique prefix is fine
    wrong = invoke("status", "tset-crisis-20260310-0900")
    assert wrong.exit_code == 2 and f"did you mean '{RUN}'" in wrong.output
    assert "say why scripts is blocked" in invoke("block", RUN, "scripts").output
    bad_time = invoke("done", RUN, "assess", "--at", "half past nine")
    assert bad_time.exit_code == 2 and "cannot read time" in bad_time.output
    assert "cannot read --horizon" in invoke("export", RUN, "--ics", "-", "--horizon", "soon").output


def test_status_draws_a_bar_on_a_terminal(crisis_playbook: Path, store: Store) -> None:
    view = build_status(api.load(store, busy_morning(store, crisis_playbook))[0], at(180))
    text = render_status(view, bar=True, show_all=True)
    assert "[████████████░░░░░░░░░░░░] progress: 50%, 4 of 8 items closed" in text
    assert "Closed (4)" in text and "[-] staff: Short update for staff (skipped" in text
    assert "Other open items (1)" in text


@pytest.mark.e2e
def test_installed_executable_with_fixed_clock(crisis_playbook: Path, tmp_path: Path) -> None:
    exe = shutil.which("crisisplay")
    if exe is None:
        pytest.skip("crisisplay is not installed as a command")
    env = {**os.environ, "CRISISPLAY_DB": str(tmp_path / "e2e.sqlite3"), "CRISISPLAY_NOW": "2026-03-10T09:20Z"}
    run_id = subprocess.run(
        [exe, "checklist", "start", str(crisis_playbook), "--t0", "-20m", "-q"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert run_id == RUN
    status = subprocess.run(
        [exe, "checklist", "status", "--format", "json"], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(status.stdout)["overdue"] == ["assess"]
