"""Fixtures for the crisis room tests: a running room per module (start-up takes a second)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from room_helpers import Server, running_room


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_room(tmp_path_factory.mktemp("room")) as server:
        yield server


# The browser tests use the shared session-wide ``browser`` fixture of tests/conftest.py
# (Debian chromium through Playwright; a missing browser fails under CI).
