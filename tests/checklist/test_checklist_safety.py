"""Two managers at once, and a writer killed mid-write: nothing acknowledged is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from checklist_helpers import PROJECT, T0, at

from crisisplay.checklist import api
from crisisplay.checklist.store import Store

UPDATES = 150
WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from crisisplay.checklist import api
    from crisisplay.checklist.store import Store

    db, run, who, count, reopen = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    now = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
    store = Store.open(db, timeout=60)
    i = 0
    while count < 0 or i < count:
        if reopen == "1" and i % 10 == 0:  # like separate CLI calls: a fresh connection
            store.close()
            store = Store.open(db, timeout=60)
        outcome = api.act(store, run, "assign", "assess", owner=f"{who}-{i}", actor=who, now=now)
        sys.stdout.write(f"{outcome.event.seq} {who}-{i}\\n")  # one write per acknowledgement
        sys.stdout.flush()
        i += 1
    """
)


def _writer(db: Path, run_id: str, who: str, count: int, reopen: bool) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    args = [sys.executable, "-c", WRITER, str(db), run_id, who, str(count), "1" if reopen else "0"]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _new_run(db_path: Path, playbook: Path) -> str:
    with Store.open(db_path) as store:
        return api.start_run(store, playbook, t0=T0, now=at(1)).id


def test_two_processes_updating_one_run_lose_nothing(db_path: Path, crisis_playbook: Path) -> None:
    run_id = _new_run(db_path, crisis_playbook)
    writers = [_writer(db_path, run_id, who, UPDATES, reopen=True) for who in ("anna", "boris")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    acknowledged = {line.split()[1]: int(line.split()[0]) for out, _ in outputs for line in out.splitlines()}
    assert len(acknowledged) == 2 * UPDATES
    with Store.open(db_path) as store:
        state, events = api.load(store, run_id)
    assigned = [(e.seq, e.data["owner"]) for e in events if e.kind == "assign"]
    assert len(events) == 1 + 2 * UPDATES  # every update landed, plus the start
    assert dict((owner, seq) for seq, owner in assigned) == acknowledged
    for who in ("anna", "boris"):  # each manager's changes are kept in the order made
        mine = [int(owner.split("-")[1]) for _, owner in assigned if owner.startswith(who)]
        assert mine == list(range(UPDATES))
    _, last_owner = assigned[-1]
    assert state.items["first_hour.assess"].owner == last_owner


def test_killing_a_writer_mid_write_keeps_the_database_consistent(db_path: Path, crisis_playbook: Path) -> None:
    run_id = _new_run(db_path, crisis_playbook)
    rng = random.Random(7)
    acknowledged: dict[int, str] = {}
    for round_ in range(5):
        writer = _writer(db_path, run_id, f"w{round_}", -1, reopen=False)
        assert writer.stdout is not None
        first = writer.stdout.readline()  # imports done, writing in a loop now
        assert first, writer.stderr.read() if writer.stderr else ""
        time.sleep(rng.uniform(0.02, 0.15))
        writer.send_signal(signal.SIGKILL)
        # Keep reading through the same buffered stream: `readline` may already hold the next lines,
        # which `communicate()` (it reads the raw descriptor) would skip, leaving a torn first line.
        rest = writer.stdout.read()
        writer.wait(timeout=30)
        if writer.stderr is not None:
            writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL
        for line in (first + rest).splitlines():
            number, owner = line.split()
            acknowledged[int(number)] = owner
    assert len(acknowledged) >= 5
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(conn.execute("SELECT seq, json_extract(data, '$.owner') FROM events WHERE kind = 'assign'"))
    for seq, owner in acknowledged.items():
        assert stored.get(seq) == owner, f"acknowledged change #{seq} lost"
    # At most one committed-but-unreported change per kill, never a partial one.
    assert len(stored) - len(acknowledged) <= 5
    with Store.open(db_path) as store:
        state, events = api.load(store, run_id)
        api.act(store, run_id, "done", "assess", now=at(120))
    assert state.events == 1 + len(stored)
    assert [e.seq for e in events] == sorted(e.seq for e in events)


def test_processes_creating_the_database_at_once_all_succeed(tmp_path: Path, crisis_playbook: Path) -> None:
    db = tmp_path / "fresh.sqlite3"
    script = (
        "import sys\nfrom crisisplay.checklist import api\nfrom crisisplay.checklist.store import Store\n"
        "api.start_run(Store.open(sys.argv[1]), sys.argv[2], t0='-5m')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    starters = [
        subprocess.Popen([sys.executable, "-c", script, str(db), str(crisis_playbook)], env=env, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for starter in starters:
        _, err = starter.communicate(timeout=60)
        assert starter.returncode == 0, err.decode()
    with Store.open(db) as store:
        assert len(api.list_runs(store)) == 4
