"""English service status: a status word used before a noun ("our online operations", "open
new credit cards", "operations staff") says nothing about a service's state; a state said of it does."""

from __future__ import annotations

import pytest
from real_text import categories


def _no_status(text: str) -> bool:
    return "missing-service-status" in categories(text, "en", "first_notice")


@pytest.mark.parametrize("text", [
    "This is a rare glitch which has affected some of our online operations.",
    "Scammers could use these details to open new credit cards in your name.",
    "Thank you to the operations staff who worked through the night after the storm.",
    "A fault has disrupted our operation this weekend.",
    "We are locally owned and operated, and we apologise for the outage.",
])
def test_status_words_before_nouns_say_nothing(text: str) -> None:
    assert _no_status(text)


@pytest.mark.parametrize("text", [
    "Online banking is down after a fault.",
    "Our online shop is open as usual.",
    "All systems are operational again.",
])
def test_states_say_the_status(text: str) -> None:
    assert not _no_status(text)
