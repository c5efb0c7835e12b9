"""tools/blind_audit.py, run as the team runs it: one round scored with the rules of its own
corpus commit, in a git worktree that is removed afterwards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _worktrees() -> list[str]:
    listed = subprocess.run(["git", "worktree", "list", "--porcelain"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    return [line for line in listed.splitlines() if line.startswith("worktree ")]


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git history of a checkout")
def test_a_round_is_scored_with_the_rules_that_had_not_seen_it(tmp_path: Path) -> None:
    before = _worktrees()
    saved = tmp_path / "blind.json"
    done = subprocess.run([sys.executable, "tools/blind_audit.py", "--from", "35", "--to", "35", "--save", str(saved)],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 35 |")]
    assert [row.split("|")[2].strip() for row in rows] == ["en", "ru"]
    assert "Pooled over the rounds" in done.stdout and "**macro-F1**" in done.stdout
    found = json.loads(saved.read_text("utf-8"))
    assert len(found) == 60 and {v["round"] for v in found.values()} == {35}
    categories = {"alarm", "blame", "speculation", "shouting", "missing-what-happened", "missing-service-status",
                  "missing-contact", "missing-next-update", "missing-empathy"}
    assert all(set(v["blind"]) <= categories for v in found.values())
    # the round's commit holds the round's texts but not a single rule written after reading them:
    # round 35's Russian «ситуация критичная» is alarm today, and was not then
    critical = found["real-ru-r35-mineralnye-vody-head-critical"]["blind"]
    assert "alarm" not in critical
    assert _worktrees() == before  # the temporary worktrees are gone
