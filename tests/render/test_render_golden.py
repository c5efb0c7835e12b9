"""Golden files for every playbook × stage × channel (see tests/golden/regen.py).

A difference means the rendered text changed: review it, and if intended regenerate with
``python -m tests.golden.regen`` (or ``CRISISPLAY_UPDATE_GOLDEN=1 pytest …``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.golden.regen import cases, golden_path, render_golden  # noqa: E402

CASES = cases()


@pytest.mark.parametrize(("path", "stage"), CASES, ids=[f"{p.stem}:{s}" for p, s in CASES])
def test_golden(path: Path, stage: str) -> None:
    target = golden_path(path, stage)
    actual = render_golden(path, stage)
    if os.environ.get("CRISISPLAY_UPDATE_GOLDEN"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(actual, encoding="utf-8")
        return
    assert target.is_file(), f"no golden file {target}; run: python -m tests.golden.regen"
    assert actual == target.read_text("utf-8"), f"{target} differs; review, then: python -m tests.golden.regen"


def test_every_bundled_concrete_playbook_is_covered() -> None:
    bundled = {p for p, _ in CASES if "crisisplay" in p.parts}
    on_disk = {p for p in (ROOT / "crisisplay" / "data" / "playbooks").rglob("*.yaml")
               if "abstract: true" not in p.read_text("utf-8")}
    assert on_disk <= bundled | {p for p in on_disk if "stages:" not in p.read_text("utf-8")}
