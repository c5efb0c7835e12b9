"""The checklist database's schema, one numbered step at a time.

``PRAGMA user_version`` says which steps a database has had. Steps are only ever added
at the end and never edited, so a database made by any older release upgrades in place.
A database with a higher number was written by a newer crisisplay: it is refused before
anything is written to it. ``PRAGMA application_id`` marks the file as ours, so a path
that points at some other application's SQLite database is refused too.

Each step is a tuple of single statements (not a script): ``executescript`` would commit
half-way, while the store runs a step inside the same transaction that bumps the version.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from crisisplay.errors import CrisisplayError

#: "CPCL" as a big-endian 32-bit integer: crisisplay checklist.
APPLICATION_ID = 0x4350434C

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: runs and their append-only history.
    (
        """CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            playbook_id TEXT NOT NULL,
            playbook_path TEXT NOT NULL,
            checklists TEXT NOT NULL,
            t0 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            snapshot TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs(id),
            at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
           BEGIN SELECT RAISE(ABORT, 'the checklist history is append-only'); END""",
        """CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
           BEGIN SELECT RAISE(ABORT, 'the checklist history is append-only'); END""",
    ),
    # 2: status reads one run's history in order; keep that an index range scan, so a run
    # with a long history stays interactive.
    ("CREATE INDEX events_by_run ON events(run_id, seq)",),
    # 3: the crisis room (``crisisplay serve``): who may come in, one-time invitations (only a
    # hash of each token is kept), and the key that signs session cookies.
    (
        """CREATE TABLE room_members (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            revoked_at TEXT
        )""",
        """CREATE TABLE room_invites (
            token_sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        )""",
        """CREATE TABLE room_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection, path: Path) -> int:
    """The database's schema step; a foreign or newer database is refused, untouched."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    if app_id not in (0, APPLICATION_ID):
        raise CrisisplayError(f"{path} is not a crisisplay checklist database; it was left untouched")
    if version == 0 and app_id == 0:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables:
            raise CrisisplayError(f"{path} is not a crisisplay checklist database; it was left untouched")
    if version > SCHEMA_VERSION:
        raise CrisisplayError(
            f"the checklist database {path} has schema version {version}, written by a "
            f"newer crisisplay (this one knows up to {SCHEMA_VERSION}); it was left untouched",
            hint="upgrade crisisplay, or use another database with --db",
        )
    return version


def backup_before_upgrade(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Keep a copy of the database as it was before an upgrade."""
    backup_path = path.with_name(f"{path.name}.v{version}.bak")
    if backup_path.exists():
        return
    partial = backup_path.with_name(backup_path.name + ".tmp")
    target = sqlite3.connect(str(partial))
    try:
        connection.backup(target)
    finally:
        target.close()
    os.replace(partial, backup_path)
