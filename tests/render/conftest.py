"""Shared fixtures for the render tests: the fixture playbooks and a fixed render time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from helpers_render import RENDER_DATA

from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import Playbook

MOSCOW = ZoneInfo("Europe/Moscow")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="session")
def bank_ru() -> Playbook:
    return load_playbook(RENDER_DATA / "bank.ru.yaml")


@pytest.fixture(scope="session")
def bank_en() -> Playbook:
    return load_playbook(RENDER_DATA / "bank.en.yaml")


@pytest.fixture
def at_ru() -> datetime:
    return datetime(2026, 3, 15, 10, 0, tzinfo=MOSCOW)


@pytest.fixture
def at_en() -> datetime:
    return datetime(2026, 3, 15, 10, 0, tzinfo=LONDON)
