"""docs/playbooks.md describes the library that is actually bundled."""

from __future__ import annotations

import re
from pathlib import Path

from library_helpers import scenario_names

from crisisplay.playbook.build import load_playbook

DOC = Path(__file__).resolve().parents[2] / "docs" / "playbooks.md"


def test_every_scenario_is_in_the_table_with_its_titles() -> None:
    text = DOC.read_text("utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"(?m)^\| `([a-z-]+)` \|.*$", text)}
    assert set(rows) == set(scenario_names())
    for name, row in rows.items():
        for locale in ("ru", "en"):
            playbook = load_playbook(DOC.parents[1] / "playbooks" / name / f"{name}.{locale}.yaml")
            assert playbook.title in row, f"{name}: title {playbook.title!r} missing from the table"


def test_every_role_has_a_worked_example() -> None:
    text = DOC.read_text("utf-8")
    for command in (
        "crisisplay render",
        "crisisplay lint",
        "crisisplay checklist start",
        "crisisplay validate",
        "crisisplay new",
    ):
        assert command in text


def test_paths_in_the_examples_exist() -> None:
    root = DOC.parents[1]
    for path in set(re.findall(r"playbooks/[a-z-]+/[a-z-]+\.(?:ru|en)\.yaml", DOC.read_text("utf-8"))):
        assert (root / path).is_file(), path
