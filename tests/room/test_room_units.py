"""The room's own parts without a server: next message from the run's facts, the serve command."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crisisplay.checklist import api, clock
from crisisplay.checklist.store import Store
from crisisplay.cli.main import cli
from crisisplay.cli.serve import is_loopback
from crisisplay.room.messages import render_next
from crisisplay.room.runs import Runs


@pytest.fixture
def run_db(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "room.sqlite3"
    with Store.open(db) as store:
        run = api.start_run(store, "bundled:it-outage.ru", t0="-30m", actor="lead")
    return db, run.id


def test_next_message_is_rendered_from_the_runs_facts_with_findings(run_db: tuple[Path, str]) -> None:
    db, run_id = run_db
    runs = Runs(db)
    examples = render_next(runs.state(run_id), "first_notice", clock.now())
    assert examples.examples and not examples.problem
    sms = next(m for m in examples.messages if m.channel == "sms")
    assert dict(sms.parts)["body"] and any(k == "segments" for k, _ in sms.figures)
    # One fact recorded: from now on the run's facts count, and what is missing is named.
    given = {"incident": "С 09:40 не открывается приложение.", "services.payments": "unavailable"}
    runs.act(run_id, "facts", facts=given, actor="anna")
    partial = render_next(runs.state(run_id), "first_notice", clock.now())
    assert not partial.examples and partial.problem and partial.general
    assert any("incident_short" in f.message for f in partial.general)
    assert not any("services" in f.message for f in partial.general)  # a service override, not an unknown fact


def test_the_state_cache_folds_new_events_like_a_full_replay(run_db: tuple[Path, str]) -> None:
    from crisisplay.checklist.views import build_status

    db, run_id = run_db
    runs = Runs(db)
    first = runs.state(run_id)
    assert runs.state(run_id) is first  # nothing new: the same state, no re-read
    runs.act(run_id, "done", "confirm_facts", actor="anna")
    runs.act(run_id, "sent", "first_notice", channels=["sms"], actor="anna")
    runs.act(run_id, "close", force=True, actor="anna")
    cached = runs.state(run_id)
    with Store.open(db) as store:
        fresh, _ = api.load(store, run_id)
    now = clock.now()
    assert build_status(cached, now).to_dict() == build_status(fresh, now).to_dict()
    assert first.items["first_hour.confirm_facts"].state == "open"  # the earlier state was not touched


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("10.1.2.3", False)],
)
def test_only_loopback_counts_as_local(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_serving_beyond_this_machine_without_tls_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Any, int]] = []

    def run(server: Any, sockets: list[socket.socket]) -> None:  # records what would be served, serves nothing
        started.append((server.config, sockets[0].getsockname()[1]))

    monkeypatch.setattr("uvicorn.Server.run", run)
    db = str(tmp_path / "db.sqlite3")
    plain = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "0", "--db", db],
                               env={"CRISISPLAY_USER": "lead"})
    assert plain.exit_code == 0, plain.output
    assert "warning: serving on 0.0.0.0 without TLS in front" in plain.output
    port = started[0][1]
    assert port != 0 and f"first invitation, for lead (editor): http://127.0.0.1:{port}/join/" in plain.output
    proxied = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "0", "--behind-proxy", "--db", db])
    assert "warning" not in proxied.output
    assert "first invitation" in proxied.output  # nobody has come in yet: a fresh one each start
    local = CliRunner().invoke(cli, ["serve", "--port", "0", "--db", db])
    assert "warning" not in local.output
    assert started[0][0].host == "0.0.0.0" and started[1][0].proxy_headers is True
    assert started[2][0].host == "127.0.0.1"


def test_a_busy_port_is_a_clear_error_before_anyone_is_invited(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = CliRunner().invoke(cli, ["serve", "--port", str(port), "--db", db], env={"CRISISPLAY_USER": "lead"})
    assert busy.exit_code == 2, busy.output
    assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in busy.output
    assert "Traceback" not in busy.output and "invitation" not in busy.output
    unknown = CliRunner().invoke(cli, ["serve", "--host", "no-such-host.invalid", "--port", "0", "--db", db])
    assert unknown.exit_code == 2 and "cannot listen on no-such-host.invalid" in unknown.output
    with Store.open(db) as store:  # nothing was invited by the starts that failed
        from crisisplay.room import members

        assert not members.has_members(store)


def test_invite_members_and_revoke_from_the_terminal(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    made = CliRunner().invoke(cli, ["serve", "invite", "Olga (PR)", "--role", "viewer", "--db", db])
    assert made.exit_code == 0 and "/join/" in made.output
    assert "nobody yet" in CliRunner().invoke(cli, ["serve", "members", "--db", db]).output  # not used yet
    bad = CliRunner().invoke(cli, ["serve", "invite", "<script>", "--db", db])
    assert bad.exit_code == 2 and "not a usable name" in bad.output
    gone = CliRunner().invoke(cli, ["serve", "revoke", "nobody", "--db", db])
    assert gone.exit_code == 2 and "not a member" in gone.output
