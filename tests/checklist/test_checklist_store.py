"""The database: schema versions, refusing what is not ours, snapshots, run lookup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from checklist_helpers import T0, at

from crisisplay.checklist import api
from crisisplay.checklist.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import build_status
from crisisplay.errors import CrisisplayError


def _pragma(path: Path, name: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def test_new_database_is_wal_versioned_and_marked(db_path: Path) -> None:
    Store.open(db_path).close()
    assert _pragma(db_path, "user_version") == SCHEMA_VERSION
    assert _pragma(db_path, "application_id") == APPLICATION_ID
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_release_one_database_is_backed_up_then_upgraded_keeping_its_data(
    db_path: Path, crisis_playbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as release_one:  # the code as it was at schema version 1
        release_one.setattr("crisisplay.checklist.store.MIGRATIONS", MIGRATIONS[:1])
        release_one.setattr("crisisplay.checklist.store.SCHEMA_VERSION", 1)
        with Store.open(db_path) as store:
            run = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
            api.act(store, run.id, "done", "assess", now=at(2))
    assert _pragma(db_path, "user_version") == 1
    with Store.open(db_path) as store:
        state, events = api.load(store, run.id)
        api.act(store, run.id, "done", "scripts", actor="anna", now=at(3))
    assert _pragma(db_path, "user_version") == SCHEMA_VERSION
    assert [e.kind for e in events] == ["start", "done"]
    assert state.items["first_hour.assess"].state == "done"
    backup = db_path.with_name(db_path.name + ".v1.bak")
    assert backup.exists() and _pragma(backup, "user_version") == 1
    with sqlite3.connect(db_path) as check:
        names = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_by_run" in names


def test_data_survives_an_upgrade(db_path: Path, crisis_playbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_path) as store:
        run = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
        api.act(store, run.id, "done", "assess", now=at(2))
    # Pretend a release adds a step: the next open applies it and keeps every event.
    extra = (*MIGRATIONS, ("CREATE TABLE notes (id INTEGER PRIMARY KEY)",))
    monkeypatch.setattr("crisisplay.checklist.store.MIGRATIONS", extra)
    monkeypatch.setattr("crisisplay.checklist.store.SCHEMA_VERSION", len(extra))
    with Store.open(db_path) as store:
        _, events = api.load(store, run.id)
    assert [e.kind for e in events] == ["start", "done"]
    assert _pragma(db_path, "user_version") == len(extra)
    assert db_path.with_name(f"{db_path.name}.v{SCHEMA_VERSION}.bak").exists()


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path, crisis_playbook: Path) -> None:
    with Store.open(db_path) as store:
        api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_path.read_bytes()
    with pytest.raises(CrisisplayError, match=rf"schema version {SCHEMA_VERSION + 5}.*newer crisisplay") as err:
        Store.open(db_path)
    assert "upgrade crisisplay" in err.value.hint
    assert db_path.read_bytes() == before


def test_foreign_databases_and_files_are_refused_untouched(tmp_path: Path) -> None:
    other_app = tmp_path / "other.sqlite3"
    with sqlite3.connect(other_app) as conn:
        conn.execute("PRAGMA application_id = 42")
        conn.execute("CREATE TABLE t (x)")
    unmarked = tmp_path / "unmarked.sqlite3"
    with sqlite3.connect(unmarked) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, but somebody's notes\n")
    for path in (other_app, unmarked, text):
        before = path.read_bytes()
        with pytest.raises(CrisisplayError, match="not a crisisplay checklist database"):
            Store.open(path)
        assert path.read_bytes() == before
    with pytest.raises(CrisisplayError, match="is a directory"):
        Store.open(tmp_path)


def test_history_is_append_only_in_the_database_itself(store: Store, crisis_playbook: Path) -> None:
    api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.connection.execute("UPDATE events SET actor = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.connection.execute("DELETE FROM events")


def test_run_keeps_its_snapshot_when_the_playbook_changes_or_disappears(store: Store, crisis_playbook: Path) -> None:
    run = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    state, _ = api.load(store, run.id)
    assert build_status(state, at(2)).playbook_changes == []
    crisis_playbook.write_text(crisis_playbook.read_text().replace("Confirm the scope", "Ask IT"))
    view = build_status(api.load(store, run.id)[0], at(3))
    assert view.playbook_changes == [(str(crisis_playbook.resolve()), "changed")]
    assert view.state.items["first_hour.assess"].item.text == "Confirm the scope with IT"
    crisis_playbook.unlink()
    view = build_status(api.load(store, run.id)[0], at(4))
    assert view.playbook_changes == [(str(crisis_playbook.resolve()), "missing")]
    api.act(store, run.id, "done", "assess", now=at(5))
    assert len(view.state.items) == 8


def test_parent_playbook_is_part_of_the_hash(store: Store, playbook_dir: Path) -> None:
    run = api.start_run(store, playbook_dir / "outage.ru.yaml", t0=T0, now=at(1))
    assert len(run.snapshot.sources) == 2
    base = playbook_dir / "base.ru.yaml"
    base.write_text(base.read_text() + "\n# edited\n")
    view = build_status(api.load(store, run.id)[0], at(2))
    assert view.playbook_changes == [(str(base.resolve()), "changed")]


def test_run_lookup_default_prefix_and_near_matches(store: Store, crisis_playbook: Path) -> None:
    with pytest.raises(CrisisplayError, match="no checklist runs yet") as err:
        api.load(store, None)
    assert "checklist start" in err.value.hint
    first = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    second = api.start_run(store, crisis_playbook, t0=T0, now=at(2))
    named = api.start_run(store, crisis_playbook, t0=T0, name="Card outage (March)", now=at(3))
    assert (first.id, second.id, named.id) == (
        "test-crisis-20260310-0900",
        "test-crisis-20260310-0900-2",
        "card-outage-march",
    )
    assert named.name == "Card outage (March)"
    assert api.load(store, None)[0].run.id == named.id
    api.act(store, named.id, "close", force=True, now=at(10))
    assert api.load(store, None)[0].run.id == second.id  # newest *open* run
    assert api.load(store, "card")[0].run.id == named.id  # unique prefix
    with pytest.raises(CrisisplayError, match="ambiguous"):
        api.load(store, "test-crisis")
    with pytest.raises(CrisisplayError, match=r"unknown run 'card-outage-mrch'.*did you mean 'card-outage-march'"):
        api.load(store, "card-outage-mrch")
    with pytest.raises(CrisisplayError, match=r"did you mean .*'card-outage-march'"):
        api.load(store, "outage-march")
    rows = api.list_runs(store)
    assert [r.run.id for r in rows] == [named.id, second.id, first.id]
    assert rows[0].closed_at == at(10) and rows[0].events == 2


def test_broken_playbook_does_not_start_a_run(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("crisisplay: 1\nid: x\ntitle: X\nlocale: en\nchecklists: {a: {items: [{id: 1}]}}\n")
    with pytest.raises(CrisisplayError, match="error"):
        api.start_run(store, bad, now=at(1))
    assert api.list_runs(store) == []
