"""English: a problem named by the system it is in ("an electrical problem at the plant",
"connectivity issues") or a surge given as the cause ("unusual load") says what happened;
a problem named only by where it is or by what is down does not."""

from __future__ import annotations

import pytest
from real_text import categories


def _says_it(text: str) -> bool:
    return "missing-what-happened" not in categories(text, "en", "first_notice")


@pytest.mark.parametrize("text", [
    "Water is off while we fix an electrical problem at the treatment plant.",
    "We are seeing sporadic connectivity issues in several regions.",
    "Flow is experiencing unusual load and some pages may load slowly.",
    "We are working on a power problem at the depot; trains are delayed.",
    "Our engineers are fixing software issues on the checkout page.",
    "We are seeing extremely high traffic and the app may not open.",
])
def test_named_problems_and_surges_say_what_happened(text: str) -> None:
    assert _says_it(text)


@pytest.mark.parametrize("text", [
    "Some customers are reporting login issues.",
    "We are aware of a core network issue with one of our providers.",
    "The website is unavailable at the moment.",
    "It is the issue we flagged yesterday.",
])
def test_symptoms_and_places_do_not(text: str) -> None:
    assert not _says_it(text)
