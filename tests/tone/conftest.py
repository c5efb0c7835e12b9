"""Helpers for the tone tests: analysed docs and one-call lint of a single message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

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
