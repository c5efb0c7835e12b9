"""The console entry point prepares a quick exit (the collector's shutdown walk is skipped)
without losing anything a command wrote."""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crisisplay.cli.main import main
from crisisplay.tone import cache

SMS = "ВНИМАНИЕ! Из-за сбоя у партнёра платежи не проходят. Следующее сообщение — в 14:00.\n"


def test_the_process_entry_point_freezes_the_collector_and_a_call_with_arguments_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit):
            main(["--version"])
        assert gc.get_freeze_count() == 0  # called as a library: the caller's process goes on
        monkeypatch.setattr(sys, "argv", ["crisisplay", "--version"])
        with pytest.raises(SystemExit):
            main()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_run_that_ends_frozen_leaves_its_cache_written(tmp_path: Path) -> None:
    (tmp_path / "sms.txt").write_text(SMS, encoding="utf-8")
    env = {**os.environ, cache.ENV: str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "crisisplay.cli.main", "lint", "--fail-on", "warning",
                           str(tmp_path / "sms.txt")],
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr  # findings: «ВНИМАНИЕ!», blame
    databases = list((tmp_path / "cache").rglob("*.sqlite3")) or list((tmp_path / "cache").rglob("*.db"))
    assert databases, sorted(p.name for p in (tmp_path / "cache").rglob("*"))
    with sqlite3.connect(databases[0]) as connection:
        (count,) = connection.execute("SELECT count(*) FROM entries").fetchone()
    assert count > 0
