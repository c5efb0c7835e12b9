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
