"""Fixtures for the checklist tests: a fixed clock, private playbook copies, a fresh DB."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from checklist_helpers import DATA, REPO_PLAYBOOKS

from crisisplay.checklist.store import Store


@pytest.fixture(autouse=True)
def _checklist_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real per-user database or depend on the login name."""
    monkeypatch.setenv("CRISISPLAY_DB", str(tmp_path / "env-default.sqlite3"))
    monkeypatch.setenv("CRISISPLAY_USER", "tester")
    monkeypatch.delenv("CRISISPLAY_NOW", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def playbook_dir(tmp_path: Path) -> Path:
    """Private copies of the playbooks, so a test may edit or delete them."""
    target = tmp_path / "playbooks"
    target.mkdir()
    shutil.copy(DATA / "crisis.en.yaml", target)
    for name in ("outage.ru.yaml", "base.ru.yaml"):
        shutil.copy(REPO_PLAYBOOKS / name, target)
    return target


@pytest.fixture
def crisis_playbook(playbook_dir: Path) -> Path:
    return playbook_dir / "crisis.en.yaml"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "checklists.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened
