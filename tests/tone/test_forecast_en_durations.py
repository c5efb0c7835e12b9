"""English forecasts the round-11–13 train entries showed the rule missed: an expected return
to normal, a service we "will have open", work "to have it fixed" within a time, and how long
an outage or delays will last. Hand-made phrasings of each family, and near misses that state
effort, a next update or the past."""

from __future__ import annotations

import pytest
from real_text import categories


def _speculation(text: str) -> bool:
    return "speculation" in categories(text, "en", "update")


@pytest.mark.parametrize("text", [
    "We anticipate a normal schedule tomorrow.",
    "We expect normal service by 5 PM.",
    "We anticipate restoring power to all homes by tonight.",
    "We will have the shop open again tomorrow.",
    "We'll have the payments page back by noon.",
    "We're working to have this fixed within the hour.",
    "Delays of up to 90 minutes will continue throughout the morning.",
    "Cancellations will persist into the evening.",
    "The outage could last for hours.",
    "Outages caused by the storm may last for several days.",
    "We expect the disruption to last until Monday.",
])
def test_expected_returns_and_durations_are_forecasts(text: str) -> None:
    assert _speculation(text)


@pytest.mark.parametrize("text", [
    "We will continue to work throughout the night.",
    "We will have an update for you at 3 PM.",
    "We will have engineers on site tomorrow.",
    "We will have more information tomorrow.",
    "The outage lasted for hours yesterday.",
    "Customers have been without power for hours.",
    "There is no certainty that the water in our tanks will last for two days.",
    "We expect normal service to resume once repairs are done.",
])
def test_effort_next_updates_and_the_past_are_no_forecast(text: str) -> None:
    assert not _speculation(text)
