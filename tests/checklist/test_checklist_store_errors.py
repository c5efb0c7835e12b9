"""The checklist database when the disk or the file fails: exit 2, what is wrong, how to recover.

A full disk is SQLite's own SQLITE_FULL (``max_page_count``), a read-only database its own
SQLITE_READONLY (``mode=ro``); damage is written into a real database file. Nothing may
end in a traceback, and nothing acknowledged may be lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crisisplay.checklist import db_file
from crisisplay.checklist import store as store_module
from crisisplay.cli.main import cli

REAL_CONNECT = sqlite3.connect


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["checklist", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def started(crisis_playbook: Path, db_path: Path) -> Path:
    code, output = _cli("start", str(crisis_playbook), "--name", "run", "--db", str(db_path))
    assert code == 0, output
    return db_path


def _events(db: Path) -> int:
    with REAL_CONNECT(db) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def _connect_with(monkeypatch: pytest.MonkeyPatch, adjust: Callable[[str], tuple[str, dict[str, Any]]],
                  after: Callable[[sqlite3.Connection], None] | None = None) -> None:
    def connect(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        target, extra = adjust(database)
        connection = REAL_CONNECT(target, *args, **{**kwargs, **extra})
        if after is not None:
            after(connection)
        return connection

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)


def test_disk_full_at_write(started: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _events(started)
    pages = REAL_CONNECT(started).execute("PRAGMA page_count").fetchone()[0]
    _connect_with(monkeypatch, lambda db: (db, {}),
                  lambda conn: conn.execute(f"PRAGMA max_page_count = {pages}"))
    code, output = _cli("done", "run", "assess", "--note", "x" * 200_000, "--db", str(started))
    assert code == 2, output
    assert "the disk is full" in output and str(started) in output and "nothing was recorded" in output
    monkeypatch.undo()
    assert _events(started) == before
    assert _cli("done", "run", "assess", "--db", str(started))[0] == 0  # space again: it works


def test_read_only_database_file(started: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _events(started)
    _connect_with(monkeypatch, lambda db: (f"file:{db}?mode=ro", {"uri": True}))
    code, output = _cli("done", "run", "assess", "--db", str(started))
    assert code == 2, output
    assert "the file is read-only" in output and "chmod" in output
    monkeypatch.undo()
    assert _events(started) == before


def test_read_only_folder_is_not_called_a_read_only_file(started: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _connect_with(monkeypatch, lambda db: (f"file:{db}?mode=ro", {"uri": True}))
    real_access = db_file.os.access
    monkeypatch.setattr(db_file.os, "access",
                        lambda path, mode: False if Path(path) == started.parent else real_access(path, mode))
    code, output = _cli("done", "run", "assess", "--db", str(started))
    assert code == 2 and f"its folder {started.parent} is read-only" in output and "-wal" in output


def test_disk_full_at_open_is_not_just_a_disk_io_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    monkeypatch.setattr(db_file, "_disk_full", lambda folder: True)
    code, output = _cli("list", "--db", str(tmp_path / "db.sqlite3"))
    assert code == 2 and "the disk is full" in output


DAMAGE = [
    "UPDATE runs SET snapshot = CAST(x'ff00ff' AS TEXT)",  # "Could not decode to UTF-8 column 'snapshot'"
    "UPDATE runs SET snapshot = '{\"broken\": 1'",
    "UPDATE runs SET t0 = 'not a time'",
    "UPDATE events SET data = '{oops'",
]
COMMANDS = [("status", "run"), ("list",), ("log", "run"), ("done", "run", "assess")]


# 'list' shows runs, not their events: it has nothing to say about a damaged event
@pytest.mark.parametrize(("damage", "command"), [(d, c) for d in DAMAGE for c in COMMANDS
                                                 if not (c == ("list",) and "events" in d)])
def test_damaged_rows_say_how_to_recover(started: Path, damage: str, command: tuple[str, ...]) -> None:
    with REAL_CONNECT(started) as conn:  # damage below the append-only triggers, as a bad disk would
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(damage)
        for _name, sql in triggers:
            conn.execute(sql)
    code, output = _cli(*command, "--db", str(started))
    assert code == 2, output
    assert "is damaged" in output and "checklist log RUN --format json" in output and "--db NEW" in output
    assert "Traceback" not in output


def test_damaged_pages(started: Path) -> None:
    data = bytearray(started.read_bytes())
    data[200:4000] = b"\xff" * 3800
    started.write_bytes(bytes(data))
    code, output = _cli("list", "--db", str(started))
    assert code == 2 and "is damaged" in output and "malformed" in output


def test_foreign_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with REAL_CONNECT(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    before = other.read_bytes()
    code, output = _cli("list", "--db", str(other))
    assert code == 2 and "not a crisisplay checklist database" in output
    assert other.read_bytes() == before
