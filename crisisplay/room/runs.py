"""The room's view of the checklist database: short connections, cached run states.

A run's history only grows, so the room keeps each run's last state and, on the next
request, folds in only the events appended since (``domain.advance``): a run with ten
thousand events costs one indexed ``max(seq)`` query per page instead of a full replay.
Writes go through :func:`crisisplay.checklist.api.act` (one transaction each) under a
process-wide lock: the server's own requests queue in memory instead of polling SQLite's
busy handler; other processes (the CLI) still wait on the busy timeout.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crisisplay.checklist import api, clock
from crisisplay.checklist.domain import Event, Run, RunState, advance, replay
from crisisplay.checklist.store import RunRow, Store


class Runs:
    """Thread-safe access to runs for a server.

    Each call opens its own connection (about 2 ms) and closes it: a long-lived
    connection per worker thread turned out to keep a stale read snapshot after some
    requests, so an invitation made by the CLI a moment ago looked unknown. Short
    connections, like the CLI's, always see the latest commit.
    """

    def __init__(self, db_path: str | Path | None) -> None:
        self.db_path = db_path
        self._states: dict[str, RunState] = {}
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store.open(self.db_path) as store:
            yield store

    def rows(self) -> list[RunRow]:
        with self.store() as store:
            return api.list_runs(store)

    def state(self, run_ref: str) -> RunState:
        """The run as of its last committed event (a unique id prefix works too)."""
        with self._lock:
            cached = self._states.get(run_ref)
        with self.store() as store, store.transaction() as conn:
            if cached is None:
                run = store.find_run(conn, run_ref)
                with self._lock:
                    cached = self._states.get(run.id)
            else:
                run = cached.run
            last = store.last_seq(conn, run.id)
            if cached is not None and cached.last_seq == last:
                return cached
            if cached is None:
                state = replay(run, store.events(conn, run.id))
            else:
                state = advance(cached, list(store.events(conn, run.id, since=cached.last_seq)))
        with self._lock:
            current = self._states.get(run.id)
            if current is None or current.last_seq < state.last_seq:
                self._states[run.id] = state
        return state

    def recent_events(self, run_id: str, limit: int) -> list[Event]:
        """The last ``limit`` events, newest first (the audit log on the run page)."""
        with self.store() as store, store.transaction() as conn:
            row = conn.execute(
                "SELECT seq FROM events WHERE run_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?", (run_id, limit - 1)
            ).fetchone()
            since = row[0] - 1 if row else 0
            events = list(store.events(conn, run_id, since=since))
        return events[::-1]

    def all_events(self, run_id: str) -> list[Event]:
        with self.store() as store, store.transaction() as conn:
            return list(store.events(conn, run_id))

    def act(self, run_id: str, action: str, target: str = "", **options: Any) -> api.Outcome:
        """One change, one transaction; the server's own writers queue on a lock, not on SQLite.

        The cached state is handed in (used only if nothing was appended since, which the
        transaction checks), and the state after the change is cached for the next page.
        """
        with self.write_lock, self.store() as store:
            with self._lock:
                known = self._states.get(run_id)
            outcome = api.act(store, run_id, action, target, now=clock.now(), known=known, **options)
        with self._lock:
            current = self._states.get(outcome.state.run.id)
            if current is None or current.last_seq < outcome.state.last_seq:
                self._states[outcome.state.run.id] = outcome.state
        return outcome

    def start(self, playbook: str, **options: Any) -> Run:
        with self.write_lock, self.store() as store:
            return api.start_run(store, playbook, **options)
