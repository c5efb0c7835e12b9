"""What the real-text round tests (test_real_*_round*.py, test_status_round11.py) ask of lint:
the categories of one message, linted alone as an e-mail."""

from __future__ import annotations

from crisisplay.tone.api import MessageText, lint_messages


def categories(text: str, lang: str, stage: str | None, channel: str = "email") -> set[str]:
    """The lint categories of ``text`` in ``lang`` at ``stage`` (None: inferred)."""
    return {d.category for d in lint_messages([MessageText(channel, text, "m.txt")], locale=lang, stage_kind=stage)}
