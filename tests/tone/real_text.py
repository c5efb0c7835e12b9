"""What the real-text round tests (test_real_*_round*.py, test_status_round11.py) ask of lint:
the categories of one message, linted alone as an e-mail."""

from __future__ import annotations

from crisisplay.tone.api import MessageText, lint_messages


def categories(text: str, lang: str, stage: str | None, channel: str = "email") -> set[str]:
    """The lint categories of ``text`` in ``lang`` at ``stage`` (None: inferred)."""
    return {d.category for d in lint_messages([MessageText(channel, text, "m.txt")], locale=lang, stage_kind=stage)}


#: A family of phrasings: (category, whether its variants are reported, variants, near misses
#: that go the other way).
Family = tuple[str, bool, list[str], list[str]]


def family_cases(families: dict[str, Family]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(family, text) pairs for ``pytest.mark.parametrize``: every variant, every near miss."""
    variants = [(name, text) for name, (_c, _r, texts, _n) in families.items() for text in texts]
    near_misses = [(name, text) for name, (_c, _r, _v, texts) in families.items() for text in texts]
    return variants, near_misses
