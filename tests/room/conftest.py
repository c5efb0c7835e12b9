"""Fixtures for the crisis room tests: a running room per module (start-up takes a second)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from room_helpers import Server, running_room


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_room(tmp_path_factory.mktemp("room")) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian chromium through Playwright (never a downloaded browser).

    Missing chromium or playwright skips these tests on a developer machine and fails
    them when ``CI`` is set: in CI a browser test that does not run is a failure.
    """
    import os

    from room_helpers import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None  # type: ignore[assignment]
    missing = "Chromium (apt-get install chromium)" if executable is None else ""
    missing = missing or ("the playwright package (pip install -e '.[test]')" if sync_playwright is None else "")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests need {missing}; CI must run them", pytrace=False)
        pytest.skip(f"browser tests need {missing}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
