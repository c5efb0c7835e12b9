"""Fixtures for the batch tests: the two-locale playbook and a recipients writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import write_playbooks


@pytest.fixture
def playbook(tmp_path: Path) -> Path:
    """notice.en.yaml (returned) and notice.ru.yaml beside it."""
    return write_playbooks(tmp_path / "playbooks")
