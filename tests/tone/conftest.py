"""Helpers for the tone tests: analysed docs and one-call lint of a single message."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

# Lint keeps compiled packs and word analyses in the user cache directory; the tests use a
# cache of their own (filled by the first tests, read by the later ones) and never the user's.
os.environ.setdefault("CRISISPLAY_CACHE_DIR", tempfile.mkdtemp(prefix="crisisplay-test-cache-"))

from crisisplay.diagnostics.model import Diagnostic
from crisisplay.tone.api import MessageText, lint_messages
from crisisplay.tone.doc import Doc


@pytest.fixture
def doc() -> Callable[[str, str], Doc]:
    return Doc


LintOne = Callable[..., list[Diagnostic]]


@pytest.fixture
def lint_one() -> LintOne:
    def run(text: str, lang: str = "ru", stage: str | None = "first_notice", channel: str = "text",
            **kwargs: Any) -> list[Diagnostic]:
        return lint_messages([MessageText(channel, text, "m.txt")], locale=lang, stage_kind=stage, **kwargs)

    return run


def categories(found: list[Diagnostic]) -> set[str]:
    return {d.category for d in found}
