"""The SQLite store: runs and their append-only event log, safe under stress.

Why it is built this way:

* every change is one ``BEGIN IMMEDIATE`` transaction, taken *before* the state is read,
  so a manager's action is judged against every change committed before it and two
  processes writing at once are serialised, not lost;
* WAL mode lets status and reports read while someone writes; the busy timeout makes a
  writer wait its turn instead of failing;
* ``synchronous=FULL``: once a change is acknowledged it survives a killed process (and a
  power cut), and a half-done write is rolled back on the next open;
* schema steps are numbered (``PRAGMA user_version``); a newer or foreign database is
  refused before anything is written to it, and an older one is backed up, then upgraded.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisplay.checklist import clock
from crisisplay.checklist.db_file import check_header, default_db_path, store_error
from crisisplay.checklist.domain import Event, NewEvent, Run
from crisisplay.checklist.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    backup_before_upgrade,
    schema_version,
)
from crisisplay.checklist.snapshot import PlaybookSnapshot
from crisisplay.errors import CrisisplayError
from crisisplay.suggest import did_you_mean

BUSY_TIMEOUT = 30.0
_RUN_COLUMNS = "id, name, playbook_path, checklists, t0, created_at, created_by, snapshot"
_DECODE = json.JSONDecoder().decode
#: The run's latest close or resume event (a resumed run is open again); via events_by_run.
_LAST_CLOSE_OR_RESUME = (
    "(SELECT {column} FROM events e WHERE e.run_id = runs.id AND e.kind IN ('close', 'resume')"
    " ORDER BY e.seq DESC LIMIT 1)"
)
_OPEN = f"COALESCE({_LAST_CLOSE_OR_RESUME.format(column='kind')}, 'resume') = 'resume'"
_CLOSED_AT = _LAST_CLOSE_OR_RESUME.format(column="CASE WHEN e.kind = 'close' THEN e.at END")
#: A resolved run whose customers have not yet had the resolution message: it still needs its screen.
_OWES_RESOLUTION = (
    "NOT EXISTS (SELECT 1 FROM events s WHERE s.run_id = runs.id AND s.kind = 'sent'"
    " AND json_extract(s.data, '$.kind') = 'resolution'"
    " AND s.seq > (SELECT max(c.seq) FROM events c WHERE c.run_id = runs.id AND c.kind = 'close'))"
)


@dataclass(frozen=True)
class RunRow:
    """A run as listed: the run, whether it is closed, and how long its history is."""

    run: Run
    closed_at: datetime | None
    events: int


class Store:
    """One connection to the checklist database. Use :meth:`open`, then ``with``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, *, timeout: float = BUSY_TIMEOUT) -> Store:
        """Open (creating or upgrading) the database at ``path`` or the default place."""
        target = Path(path).expanduser() if path else default_db_path()
        check_header(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(target), timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise store_error(exc, target, "cannot open the checklist database") from None
        store = cls(connection, target)
        try:
            with store.transaction():  # one snapshot: version, id and tables agree
                version = schema_version(connection, target)
            connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            store._enable_wal()
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                store._migrate(version)
        except sqlite3.Error as exc:
            connection.close()
            raise store_error(exc, target, "cannot open the checklist database") from None
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.Error):  # met while reading or writing inside the block
            raise store_error(exc, self.path, "cannot use the checklist database") from None

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing unit; a write takes the lock before reading anything."""
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise self._busy(exc) from None
        try:
            yield conn
        except sqlite3.Error as exc:  # a write refused: read-only, disk full, a damaged page
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise self._busy(exc) from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise self._busy(exc) from None

    def _busy(self, exc: sqlite3.Error) -> CrisisplayError:
        if "locked" in str(exc) or "busy" in str(exc):
            return CrisisplayError(
                f"the checklist database {self.path} stayed locked by another process",
                hint="try again in a moment",
            )
        return store_error(exc, self.path, "cannot write the checklist database")

    # -- schema ------------------------------------------------------------------------

    def _enable_wal(self) -> None:
        for _ in range(50):
            try:
                self.connection.execute("PRAGMA journal_mode = WAL").fetchone()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc):
                    raise
                time.sleep(0.05)
        raise CrisisplayError(f"the checklist database {self.path} stayed locked by another process")

    def _migrate(self, seen: int) -> None:
        if seen > 0:
            backup_before_upgrade(self.connection, self.path, seen)
        with self.transaction(write=True) as conn:
            version = schema_version(conn, self.path)  # another process may have upgraded meanwhile
            for step in MIGRATIONS[version:]:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- runs ----------------------------------------------------------------------------

    def insert_run(self, conn: sqlite3.Connection, run: Run, first: NewEvent) -> Run:
        """Add a run under a free id (``id``, ``id-2``, …) with its opening event."""
        taken = {
            row[0] for row in conn.execute("SELECT id FROM runs WHERE id = ? OR id LIKE ?", (run.id, f"{run.id}-%"))
        }
        run_id, number = run.id, 1
        while run_id in taken:
            number += 1
            run_id = f"{run.id}-{number}"
        conn.execute(
            "INSERT INTO runs (id, name, playbook_id, playbook_path, checklists, t0, created_at,"
            " created_by, source_hash, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                run.name,
                run.snapshot.id,
                run.playbook_path,
                json.dumps(list(run.checklist_ids)),
                clock.to_db(run.t0),
                clock.to_db(run.created_at),
                run.created_by,
                run.snapshot.source_hash,
                run.snapshot.to_json(),
            ),
        )
        self.append(conn, run_id, first, run.created_at)
        return Run(
            run_id,
            run.name,
            run.playbook_path,
            run.checklist_ids,
            run.t0,
            run.created_at,
            run.created_by,
            run.snapshot,
        )

    def append(self, conn: sqlite3.Connection, run_id: str, event: NewEvent, recorded_at: datetime) -> int:
        cursor = conn.execute(
            "INSERT INTO events (run_id, at, recorded_at, kind, target, actor, note, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                clock.to_db(event.at),
                clock.to_db(recorded_at),
                event.kind,
                event.target,
                event.actor,
                event.note,
                json.dumps(event.data, ensure_ascii=False, sort_keys=True),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def find_run(self, conn: sqlite3.Connection, ref: str | None) -> Run:
        """A run by id or unique id prefix.

        ``None`` means the newest open run; when every run is resolved, the last one resolved
        while it still owes customers the resolution message (closing must not hide the
        screen that says "send it now").
        """
        if ref is None or not ref.strip():
            row = conn.execute(
                f"SELECT {_RUN_COLUMNS} FROM runs WHERE {_OPEN} ORDER BY created_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
            if row is None:
                row = conn.execute(
                    f"SELECT {_RUN_COLUMNS}, {_CLOSED_AT} AS closed FROM runs"
                    " ORDER BY closed DESC, rowid DESC LIMIT 1"
                ).fetchone()
                row = row[:8] if row is not None and self._owes_resolution(conn, row[0]) else None
            if row is None:
                any_run = conn.execute("SELECT 1 FROM runs LIMIT 1").fetchone()
                if any_run:
                    raise CrisisplayError("no open checklist run; name a closed one (see 'crisisplay checklist list')")
                raise CrisisplayError(
                    f"no checklist runs yet in {self.path}",
                    hint="start one with 'crisisplay checklist start PLAYBOOK'",
                )
            return _run_from_row(row)
        ref = ref.strip()
        row = conn.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (ref,)).fetchone()
        if row is not None:
            return _run_from_row(row)
        rows = conn.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE substr(id, 1, ?) = ?", (len(ref), ref)).fetchall()
        if len(rows) == 1:
            return _run_from_row(rows[0])
        if len(rows) > 1:
            raise CrisisplayError(f"run {ref!r} is ambiguous: {', '.join(r[0] for r in rows[:8])}")
        ids = [r[0] for r in conn.execute("SELECT id FROM runs ORDER BY rowid DESC")]
        containing = [i for i in ids if ref.lower() in i.lower()][:3]
        # close spellings first, else runs whose id contains what was typed
        near = did_you_mean(ref, ids, n=3, cutoff=0.5) or did_you_mean(ref, containing, n=3, cutoff=0.0)
        raise CrisisplayError(f"unknown run {ref!r}{near}", hint="'crisisplay checklist list' shows the runs")

    def last_seq(self, conn: sqlite3.Connection, run_id: str) -> int:
        """The seq of the run's latest event (0 for an unknown run): has anything happened since?"""
        row = conn.execute("SELECT max(seq) FROM events WHERE run_id = ?", (run_id,)).fetchone()
        return int(row[0] or 0)

    def _owes_resolution(self, conn: sqlite3.Connection, run_id: str) -> bool:
        row = conn.execute(f"SELECT {_OWES_RESOLUTION} FROM runs WHERE id = ?", (run_id,)).fetchone()
        return bool(row and row[0])

    def events(self, conn: sqlite3.Connection, run_id: str, *, since: int = 0) -> Iterator[Event]:
        """The run's history, oldest first (only the events after seq ``since`` when given)."""
        from_db, decode = clock.from_db, _DECODE
        rows = conn.execute(
            "SELECT seq, at, recorded_at, kind, target, actor, note, data FROM events"
            " WHERE run_id = ? AND seq > ? ORDER BY seq",
            (run_id, since),
        )
        try:
            for seq, at, recorded_at, kind, target, actor, note, data in rows:
                yield Event(
                    seq,
                    from_db(at),
                    from_db(recorded_at),
                    kind,
                    target,
                    actor,
                    note,
                    {} if data == "{}" else decode(data),
                )
        except (ValueError, TypeError, AttributeError) as exc:  # a damaged page: see store_error
            raise sqlite3.DatabaseError(f"an event of run {run_id!r} is unreadable: {exc}") from None

    def runs(self, conn: sqlite3.Connection) -> list[RunRow]:
        """Every run, newest first, with its close time and history length."""
        rows = conn.execute(
            f"SELECT {_RUN_COLUMNS},"
            f" {_CLOSED_AT},"
            " (SELECT count(*) FROM events e WHERE e.run_id = runs.id)"
            " FROM runs ORDER BY created_at DESC, rowid DESC"
        ).fetchall()
        return [RunRow(_run_from_row(row[:8]), clock.from_db(row[8]) if row[8] else None, int(row[9])) for row in rows]


def _run_from_row(row: tuple[str, ...]) -> Run:
    try:
        return _decode_run(row)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # a damaged page or a foreign writer
        raise sqlite3.DatabaseError(f"the stored run {row[0]!r} is unreadable: {exc}") from None


def _decode_run(row: tuple[str, ...]) -> Run:
    run_id, name, path, checklists, t0, created_at, created_by, snapshot = row
    return Run(
        id=run_id,
        name=name,
        playbook_path=path,
        checklist_ids=tuple(json.loads(checklists)),
        t0=clock.from_db(t0),
        created_at=clock.from_db(created_at),
        created_by=created_by,
        snapshot=PlaybookSnapshot.from_json(snapshot),
    )
