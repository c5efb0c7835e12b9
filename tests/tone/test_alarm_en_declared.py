"""English alarm: a declared emergency ("we have declared a critical incident", "an emergency
situation") raises alarm, its end does not; advice for a case that may come ("if you notice
unknown charges, contact your bank immediately") pushes nobody to act now."""

from __future__ import annotations

import pytest
from real_text import categories


def _alarm(text: str) -> bool:
    return "alarm" in categories(text, "en", "update")


@pytest.mark.parametrize("text", [
    "We have declared a critical incident this evening after problems with our IT systems.",
    "The hospital declared a major incident after the phone system failed.",
    "The school will close early today because of an emergency situation.",
    "A state of emergency has been declared across the county after the flooding.",
    "This is a critical incident and our wards are under severe pressure.",
    "Because of the emergency situation at the plant, water supplies are cut off.",
    "You need to call us urgently.",
])
def test_declared_emergencies_and_pushes_are_alarm(text: str) -> None:
    assert _alarm(text)


@pytest.mark.parametrize("text", [
    "The trust is no longer in critical incident after good progress overnight.",
    "The major incident was stood down this morning.",
    "The critical incident has now been stood down and clinics run as normal.",
    "Our critical incident response team is investigating the outage.",
    "If you notice any unauthorised charges, please contact your bank immediately.",
    "Should you receive a suspicious call, report it to us immediately.",
    "In case you see a pending charge twice, let us know immediately.",
])
def test_ended_incidents_and_conditional_advice_are_calm(text: str) -> None:
    assert not _alarm(text)
