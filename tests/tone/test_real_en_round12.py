"""English judgements fixed after round 12 of real published messages (ids ``real-en-r12-…``,
scored once blind, then read): names in capitals are no shouting; an aim is no promise;
"several" is not "severe". Hand-made phrasings of each family.

Status-page labels in capitals ("UPDATE:", "RESOLVED -") were no shouting after round 12, on one
label; by round 48 sixteen real notices carry one and fourteen are labelled shouting, so they
shout again (tests/tone/test_real_round48.py)."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str = "update") -> set[str]:
    return categories(text, "en", stage)


@pytest.mark.parametrize("text", [
    "Customers in APAC may see slow pages.",
    "Power from WAPA was unstable overnight.",
])
def test_names_in_capitals_are_no_shouting(text: str) -> None:
    assert "shouting" not in _categories(text)


@pytest.mark.parametrize("text", ["Please CALL us now.", "We are CLOSED today.", "Do NOT share your code.",
                                  "Read this HERE."])
def test_capitals_still_shout(text: str) -> None:
    assert "shouting" in _categories(text)


@pytest.mark.parametrize("text", [
    "We are taking steps to ensure it does not happen again.",
    "We have taken steps to ensure this issue does not happen again.",
    "Please do not travel unless absolutely necessary.",
])
def test_an_aim_is_no_promise(text: str) -> None:
    assert "speculation" not in _categories(text)


@pytest.mark.parametrize("text", ["This will not happen again.", "It is absolutely safe to use your card."])
def test_a_promise_still_is_one(text: str) -> None:
    assert "speculation" in _categories(text)


def test_several_is_not_severe() -> None:
    assert "alarm" not in _categories("You may have received several emails from us.")


@pytest.mark.parametrize("text", [
    "One of our suppliers has problems which may cause declined payments. We are sorry.",
    "There is a known issue about the app. We are sorry.",
    "The main water line has been shut off, which impacts our kitchen and bathrooms.",
    "We have cancelled all flights from Heathrow today. We are sorry.",
    "A high volume of messages triggered a temporary pause of outgoing email.",
    "Some customers have problems when trying to make calls. We are sorry.",
    "We are investigating elevated error rates and response times with the API.",
])
def test_what_is_down_said_in_real_words_is_a_status(text: str) -> None:
    assert "missing-service-status" not in _categories(text, "first_notice")


@pytest.mark.parametrize("text", [
    "We are aware of an issue affecting our services and are working hard to resolve it. Sorry.",
    "There is an issue with our systems as demand is high. Sorry.",
])
def test_our_services_and_a_clause_about_our_work_name_no_service(text: str) -> None:
    assert "missing-service-status" in _categories(text, "first_notice")


def test_an_order_that_can_be_cancelled_is_no_outage() -> None:
    from crisisplay.tone.doc import Doc
    from crisisplay.tone.elements import status_matches
    from crisisplay.tone.engine import build_ruleset

    lexicon = build_ruleset("en").lexicon
    for text, expected in [("Let me check whether your order can be cancelled.", set()),
                           ("All flights are cancelled today.", {"unavailable"})]:
        assert {state for state, _m in status_matches(Doc(text, "en"), lexicon)} == expected, text
