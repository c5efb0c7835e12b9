"""Fixtures for the preview tests: pages rendered once per session (render + lint take a second)."""

from __future__ import annotations

from pathlib import Path

import pytest
from preview_helpers import AT, PLAYBOOK_EN, PLAYBOOK_RU, TEST_PLAYBOOK, hostile_sets

from crisisplay.preview.api import PreviewResult, preview_playbook


@pytest.fixture(scope="session")
def test_page() -> PreviewResult:
    """The small test playbook's first notice: an SMS over its limit, a contradicting VK post."""
    return preview_playbook(TEST_PLAYBOOK, at=AT, example=True)


@pytest.fixture(scope="session")
def hostile_page() -> PreviewResult:
    return preview_playbook(TEST_PLAYBOOK, at=AT, set_options=hostile_sets(), example=True)


@pytest.fixture(scope="session")
def outage_update_page(tmp_path_factory: pytest.TempPathFactory) -> PreviewResult:
    """The bundled it-outage playbook's update, diffed against its first notice."""
    from crisisplay.moments import resolve_at
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.render.bundle import write_bundle
    from crisisplay.render.renderer import Renderer

    playbook = load_playbook(PLAYBOOK_EN)
    out = tmp_path_factory.mktemp("outbox")
    first = Renderer(playbook).render("first_notice", None, at=resolve_at(AT, playbook_zone(playbook)))
    write_bundle(first, out)
    return preview_playbook(PLAYBOOK_EN, stage="update", at="2026-03-15T13:00", previous=out, example=True)


@pytest.fixture(scope="session")
def outage_ru() -> PreviewResult:
    return preview_playbook(PLAYBOOK_RU, at=AT, example=True)


@pytest.fixture
def page_file(tmp_path: Path, test_page: PreviewResult) -> Path:
    path = tmp_path / "preview.html"
    path.write_text(test_page.html, encoding="utf-8")
    return path

