"""English judgements fixed after round 11 of real published messages (tests/corpus/real/en.yaml,
ids ``real-en-r11-…``): false alarms a PR team would stop reading for. Each case is a hand-made
phrasing of the family, so that a fix covers it, not one sentence."""

from __future__ import annotations

import pytest

from crisisplay.tone.api import MessageText, lint_messages


def _found(text: str, stage: str = "first_notice") -> list[tuple[str, str, str]]:
    found = lint_messages([MessageText("email", text, "m.txt")], locale="en", stage_kind=stage)
    return [(d.category, d.rule, d.span) for d in found]


def _categories(text: str, stage: str = "first_notice") -> set[str]:
    return {category for category, _rule, _span in _found(text, stage)}


@pytest.mark.parametrize("text", [
    "Our AWS region had an outage this morning.",  # "AWS" is not a form of "awful"
    "The fire alarm sounded and the building was evacuated.",  # not "alarming"
    "Customers with a shock absorber order will get it on Monday.",
    "Please say a prayer for our emergency workers and crews.",
    "Emergency responders are on site.",
    "Don't plan activities in potentially dangerous areas during the outage.",
])
def test_words_that_only_look_like_alarm_are_not_alarm(text: str) -> None:
    assert "alarm" not in _categories(text)


@pytest.mark.parametrize("text", ["It is an awful situation.", "The figures are alarming.", "The news is shocking."])
def test_alarm_words_still_count(text: str) -> None:
    assert "alarm" in _categories(text)


@pytest.mark.parametrize("text", [
    "You do not need to take any action; we will collect the payment next month.",
    "You don't need to do anything.",
])
def test_telling_customers_they_need_not_act_is_no_blame(text: str) -> None:
    assert "blame" not in _categories(text, stage="resolution")


@pytest.mark.parametrize("text", ["You did not enter the code correctly.", "You didn't update the app."])
def test_blaming_the_customer_still_counts(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "Please say a prayer for other utility workers and those suffering loss from the storms.",
    "We thank the utility crews and everyone who suffered losses in the storm.",
])
def test_thanking_outside_workers_is_no_blame(text: str) -> None:
    assert "blame" not in _categories(text)


def test_an_outside_party_as_the_cause_is_still_blame() -> None:
    assert "blame" in _categories("The outage was caused by a failure at our supplier.")


def test_we_can_never_thank_you_enough_is_no_promise() -> None:
    assert "speculation" not in _categories("We can never thank you enough for your patience.")
    assert "speculation" in _categories("This will never happen again.")


@pytest.mark.parametrize("text", [
    "Error ERR_DNS_FAIL is shown when you connect.",
    "The HVAC units will be switched off during the works.",
])
def test_codes_and_acronyms_are_no_shouting(text: str) -> None:
    assert "shouting" not in _categories(text)


@pytest.mark.parametrize("text", [
    "A fibre cut happened near the bridge. Our technicians are working to restore service.",
    "The snow has an impact on our service. We are sorry.",
    "We are sorry that people have been affected by this attack on our systems.",
    "It is true that we are down at the moment. We are sorry.",
    "There is a fault on the line. I cannot get a straight answer from them about it.",
])
def test_no_named_service_is_missing_service_status(text: str) -> None:
    assert "missing-service-status" in _categories(text)


@pytest.mark.parametrize("text", [
    "Card payments are down at the moment. We are sorry.",
    "Power has been restored to all homes.",
    "We cannot process card payments right now.",
])
def test_a_named_service_is_still_a_status(text: str) -> None:
    stage = "resolution" if "restored" in text else "first_notice"
    assert "missing-service-status" not in _categories(text, stage)


@pytest.mark.parametrize(("text", "stage"), [
    ("Severe weather has an impact on our service as crews are stretched.", "update"),
    ("We rectified the matter quickly, so any disruption was for a short period.", "resolution"),
    ("We are aware of a core network issue with one of our providers.", "first_notice"),
    ("We are aware of the problems and are working on them.", "first_notice"),
    ("There are disruptions affecting some of our customers.", "first_notice"),
])
def test_a_problem_that_names_only_us_customers_or_a_period_names_no_service(text: str, stage: str) -> None:
    assert "missing-service-status" in _categories(text, stage)


@pytest.mark.parametrize("text", [
    "There are problems with card payments and transfers.",
    "We had a problem in which reminder emails were sent every day.",
])
def test_a_problem_with_a_named_thing_is_still_a_status(text: str) -> None:
    assert "missing-service-status" not in _categories(text)
