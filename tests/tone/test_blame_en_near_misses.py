"""English blame-outside near misses found on validation text: a party we brought in, a party's
equipment, and words that only share a stem with an act verb ("prevent", "Severance") or a
party ("provide")."""

from __future__ import annotations

import pytest
from real_text import categories


@pytest.mark.parametrize("text", [
    "We are partnering with a leading third-party forensics firm to help prevent incidents like this.",
    "We have hired an outside contractor to examine measures that help prevent a repeat.",
    "With some utility poles set, we are putting in temporary connections on Severance Hill Road.",
    "We had problems this morning, and provide this update so you know what happened.",
])
def test_no_blame(text: str) -> None:
    assert "blame" not in categories(text, "en", "update")


@pytest.mark.parametrize("text", [
    "A contractor's digger severed our fibre cable this morning.",
    "Protesters blocked our engineers from reaching the exchange.",
])
def test_blame(text: str) -> None:
    assert "blame" in categories(text, "en", "update")
