"""How long ``checklist status`` takes on a run with a long history.

Status replays the run's whole event log on every call (the log is the truth), so the
question is whether that stays interactive. Builds a run of a 30-item playbook, appends
``--events`` history events (done / reopen / assign / block / sent, as a long crisis would
produce), then times, against a fresh run of the same playbook in the same process:

* ``status`` in-process (open the database, read, replay, compute, format the text),
* one write (``assign``: lock, replay, decide, append, commit with fsync),
* ``crisisplay checklist status`` as a subprocess (what a manager waits for, Python
  start-up included).

Usage: ``python benchmarks/checklist.py [--events 10000] [--repeat 15]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crisisplay.checklist import api  # noqa: E402
from crisisplay.checklist.domain import NewEvent  # noqa: E402
from crisisplay.checklist.store import Store  # noqa: E402
from crisisplay.checklist.textview import render_status  # noqa: E402
from crisisplay.checklist.views import build_status  # noqa: E402

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)
ACTIONS = ("done", "reopen", "assign", "block", "reopen", "assign")


def write_playbook(directory: Path) -> Path:
    """A 3 × 10-item playbook with dependencies, services and a cadence."""
    lines = [
        "crisisplay: 1",
        "id: bench",
        "title: Benchmark crisis",
        "locale: en",
        "timezone: Europe/Moscow",
        "services:",
        "  site: {name: Website redesign, tier: deferrable, status: frozen}",
        "stages:",
        "  first_notice: {kind: first_notice, due: 20m}",
        "  update: {kind: update, every: 2h}",
        "checklists:",
    ]
    for c in range(3):
        lines += [f"  list_{c}:", f"    title: List {c}", "    items:"]
        for i in range(10):
            dep = f", depends_on: [task_{c}_{i - 1}]" if i else ""
            lines.append(
                f"      - {{id: task_{c}_{i}, text: Task {c}.{i}, owner: team_{i % 4}, "
                f"due: {15 * (i + 1)}m, priority: {('critical', 'high', 'normal', 'low')[i % 4]}, "
                f"principle: one_voice, services: [site]{dep}}}"
            )
    path = directory / "bench.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill_history(store: Store, run_id: str, keys: list[str], count: int, start: datetime = T0) -> None:
    """Append ``count - 1`` events in one transaction (the start event is the first), one a
    second from ``start``: every 50th a send, the rest item actions (benchmarks/room.py too)."""
    with store.transaction(write=True) as conn:
        for n in range(count - 1):
            moment = start + timedelta(seconds=n)
            if n % 50 == 0:
                event = NewEvent("sent", "update", moment, "bench", "", {"kind": "update", "channels": ["sms"]})
            else:
                action = ACTIONS[n % len(ACTIONS)]
                data = {"owner": f"person_{n % 7}"} if action == "assign" else {}
                note = "waiting" if action == "block" else ""
                event = NewEvent(action, keys[n % len(keys)], moment, "bench", note, data)
            store.append(conn, run_id, event, moment)


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    now = T0 + timedelta(days=1)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        playbook = write_playbook(directory)
        db = directory / "bench.sqlite3"
        with Store.open(db) as store:
            fresh = api.start_run(store, playbook, t0=T0, name="fresh", now=T0, actor="bench")
            long = api.start_run(store, playbook, t0=T0, name="long", now=T0, actor="bench")
            keys = list(api.load(store, long.id)[0].items)
            fill_history(store, long.id, keys, args.events)
            events = api.load(store, long.id)[0].events

        def status(run_id: str) -> Callable[[], object]:
            def call() -> str:
                with Store.open(db) as opened:
                    state, _ = api.load(opened, run_id)
                return render_status(build_status(state, now), show_all=True)

            return call

        def write(run_id: str) -> Callable[[], object]:
            counter = iter(range(10**9))

            def call() -> object:
                with Store.open(db) as opened:
                    return api.act(opened, run_id, "assign", keys[0], owner=f"o{next(counter)}", now=now)

            return call

        env = {**os.environ, "CRISISPLAY_DB": str(db), "CRISISPLAY_NOW": now.isoformat()}

        def cli(run_id: str) -> Callable[[], object]:
            command = [sys.executable, "-m", "crisisplay", "checklist", "status", run_id]
            return lambda: subprocess.run(command, env=env, capture_output=True, check=True)

        rows = []
        for label, run_id, history in (("fresh run", fresh.id, 1), ("long run", long.id, events)):
            rows.append(
                (
                    label,
                    history,
                    timed(status(run_id), args.repeat),
                    timed(write(run_id), args.repeat),
                    timed(cli(run_id), max(3, args.repeat // 3)),
                )
            )
    print(f"checklist status, median of {args.repeat} (CLI: of {max(3, args.repeat // 3)}), 30 items")
    print(f"{'run':<10} {'events':>8} {'status ms':>10} {'write ms':>9} {'CLI status ms':>14}")
    for label, history, status_ms, write_ms, cli_ms in rows:
        print(f"{label:<10} {history:>8,} {status_ms:>10.1f} {write_ms:>9.1f} {cli_ms:>14.1f}")
    base, big = rows[0], rows[1]
    print(f"cost of the {big[1]:,}-event history on status: {big[2] - base[2]:+.1f} ms in-process")


if __name__ == "__main__":
    main()
