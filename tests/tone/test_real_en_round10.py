"""English rules fixed after round 10 of the real-message corpus (issue 13).

Each case is a hand-made variant of a phrasing met in the new *train* entries of
tests/corpus/real/en.yaml (or, for the "response" bug, a general rule with our own
variants); each test fails without its rule change."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str | None = "custom", channel: str = "email") -> set[str]:
    return categories(text, "en", stage, channel)


@pytest.mark.parametrize("text", [
    "The issue has been reported to the fibre provider as a P1 case.",
    "We have escalated the fault to our hosting provider.",
    "The problem was raised with our supplier this morning.",
    "We logged the fault with our carrier at 9 AM.",
])
def test_telling_a_party_about_the_problem_is_no_blame(text: str) -> None:
    assert "blame" not in _categories(text)


@pytest.mark.parametrize("text", [
    "The outage was caused by our supplier.",
    "Our hosting provider had an outage this morning.",
    "There was a problem with our supplier.",
])
def test_a_party_named_as_the_cause_is_still_blame(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "We have had no response from our team yet.",
    "There was no response from our servers.",
    "No response was received from us in time.",
    "Our response was not quick enough, and we are sorry.",
])
def test_response_is_not_responsible(text: str) -> None:
    assert "blame" not in _categories(text)


@pytest.mark.parametrize("text", [
    "We are not responsible for this outage.",
    "We accept no responsibility for the delay.",
    "We are not liable.",
    "None of us is to blame for it.",
])
def test_denying_our_fault_is_still_blame(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "We took Duke Power at their word and closed the shop.",
    "We took the power company at its word.",
    "We had taken our courier at their word about the delivery times.",
])
def test_taking_a_party_at_their_word_is_blame(text: str) -> None:
    assert "blame" in _categories(text)


def test_taking_us_at_our_word_is_no_blame() -> None:
    assert "blame" not in _categories("Take us at our word: we are working on it.")


@pytest.mark.parametrize("text", [
    "Services have been moved back to the main link with no further outages expected.",
    "We do not expect to see any further issues.",
    "We don't anticipate any more problems.",
    "No further disruption is expected.",
    "This is not expected to recur.",
])
def test_forecasting_that_nothing_more_breaks_is_speculation(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "No further updates are expected today.",
    "We have seen no further issues since 10:00.",
])
def test_no_further_updates_or_past_quiet_is_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


@pytest.mark.parametrize("text", [
    "The repairs are expected to be finished by 6 PM.",
    "We anticipate the work will be complete by tomorrow morning.",
    "Engineers expect the works to be done by 8 PM tonight.",
    "We expect these to be completed by 20:00.",
])
def test_expected_completion_of_repairs_is_a_forecast(text: str) -> None:
    assert "speculation" in _categories(text)


def test_planned_works_ending_is_a_schedule() -> None:
    assert "speculation" not in _categories("Planned works are expected to be completed by 6 AM.")


@pytest.mark.parametrize("text", [
    "We'll be open for business tomorrow.",
    "We’ll be open for business tomorrow.",
    "We will be open for business again on Monday.",
    "The store will be back open by noon.",
    "We will be open as usual tomorrow.",
    # "We'll" is one word: the contracted forms never matched before
    "We'll be back by 5 PM.",
    "It'll be fixed by tonight.",
])
def test_a_reopening_time_is_a_forecast(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "Our branches will be open until 5 PM today.",
    "We will let you know when we will be open again.",
    "We will be back with an update at 3 PM.",
    "We'll be back with more news by 5 PM.",
    "Service will be restored as soon as possible.",
    "Payments will be back as soon as we can.",
])
def test_opening_hours_news_and_as_soon_as_are_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


def test_a_time_still_forecasts_next_to_as_soon_as() -> None:
    assert "speculation" in _categories("Payments will be back by 5 PM, or as soon as we can.")


@pytest.mark.parametrize("text", [
    "Our fibre was damaged earlier today. We are pleased to update that most services were restored by 13:15.",
    "Our fibre was damaged. We can inform you that service came back at 1 PM today.",
    "Our fibre was damaged. We are happy to share with customers that repairs finished at 2 PM.",
])
def test_news_told_now_is_no_next_update(text: str) -> None:
    assert "missing-next-update" in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "Our fibre was damaged. We will update you at 3 PM.",
    "Our fibre was damaged. We will update you that evening, by 6 PM.",
])
def test_a_promised_update_still_counts(text: str) -> None:
    assert "missing-next-update" not in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "Water is off today. Please call 895-8000 with questions.",
    "Water is off today. Phone 334-6000, Monday to Friday.",
    "Water is off today. Call 895-8000 ext. 228.",
])
def test_a_local_number_after_call_is_a_contact(text: str) -> None:
    assert "missing-contact" not in _categories(text, stage="first_notice")


def test_a_range_of_hours_is_no_contact() -> None:
    assert "missing-contact" in _categories("Water is off today. Repairs will take 2-3 hours.", stage="first_notice")


@pytest.mark.parametrize("text", [
    "Someone accessed our shop. Your information may have been affected between May 1, 2024 and June 3, 2024.",
    "Information about your card was exposed on 3 March.",
])
def test_personal_information_with_a_date_is_no_next_update(text: str) -> None:
    # "inform" by its stem took "information" for a promise of news
    assert "missing-next-update" in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "Someone accessed our shop. We will inform you at 3 PM.",
    "Someone accessed our shop. More information at 3 PM.",
    "Someone accessed our shop. Further information will follow tomorrow.",
])
def test_information_promised_with_a_time_still_commits(text: str) -> None:
    assert "missing-next-update" not in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "A Precautionary Boil Water Notice (PBWN) was issued. See the PBWN here.",
    "Call HSBC on the usual number.",
    "Our CRM and HTML pages are down.",
])
def test_capitals_without_a_vowel_are_abbreviations(text: str) -> None:
    assert "shouting" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Payments are NOT working.",
    "POWER RESTORED at 10:20.",
    "STOP using the app.",
    "We are HOPING to reopen.",
])
def test_capital_words_still_shout(text: str) -> None:
    assert "shouting" in _categories(text)
