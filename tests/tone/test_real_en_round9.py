"""English rules fixed after round 9 of the real-message corpus (issue 13).

Each case is a hand-made variant of a phrasing met in the new *train* entries of
tests/corpus/real/en.yaml; each test fails without its rule change."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str | None = "custom", channel: str = "email") -> set[str]:
    return categories(text, "en", stage, channel)


def _needs_next_update(text: str) -> bool:
    return "missing-next-update" in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    # "pleased to report" reports now; "every hour" is how fast lines come back, not a cadence of messages
    "Our broadband is down after the storm. We are pleased to report that lines come back every hour.",
    # a flight status to check before travelling later today is not our next message
    "Our booking system failed. Passengers flying later today should check their flight status on our website.",
])
def test_reporting_now_and_a_status_to_check_are_no_next_update(text: str) -> None:
    assert _needs_next_update(text)


@pytest.mark.parametrize("text", [
    "Our booking system failed. We will report back at 3 PM.",
    "Our booking system failed. The next status update is at 3 PM.",
    "Our booking system failed. Check our status page at 3 PM for news.",
])
def test_report_back_and_status_updates_still_commit(text: str) -> None:
    assert not _needs_next_update(text)


@pytest.mark.parametrize("text", [
    "We aim to get the remainder of our customers back online by tomorrow.",
    "We hope to get you back online by 5 PM.",
    "We plan to bring every store back online by Friday.",
    "We expect to be up and fully operational by Monday, July 6.",
    "We expect to be back online by 5 PM.",
])
def test_aiming_to_get_people_back_by_a_time_is_a_forecast(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "We aim to get back to you by 3 PM.",
    "We plan to get an update to you by 3 PM.",
    "We expect to be able to share more by 3 PM.",
    "We are pleased that 98% of customers are back online, with more reconnected every minute.",
])
def test_promising_the_next_message_is_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


@pytest.mark.parametrize("text", [
    "We are seeing an issue with our upstream vendor.",
    "There is a problem with our payment provider.",
])
def test_a_problem_at_a_party_names_no_service(text: str) -> None:
    assert "missing-service-status" in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "There are issues with our mobile app.",
    "There are delays to card payments from our provider.",
])
def test_a_problem_with_a_service_still_names_it(text: str) -> None:
    assert "missing-service-status" not in _categories(text, stage="update")


def test_an_identified_cause_says_what_happened() -> None:
    text = "We have confirmed that the problem is a networking issue with our upstream vendor."
    assert "missing-what-happened" not in _categories(text, stage="update")
    # the bare problem with what it affects still does not say what happened
    assert "missing-what-happened" in _categories("We're having some issues with our data network.", stage="update")


@pytest.mark.parametrize("text", [
    "Please limit your calls to emergencies during this time.",
    "For emergencies, call 999.",
])
def test_keeping_calls_for_emergencies_is_no_alarm(text: str) -> None:
    assert "alarm" not in _categories(text)


def test_an_emergency_addressed_to_the_reader_is_still_alarm() -> None:
    assert "alarm" in _categories("This is an emergency: you must call us now.")


@pytest.mark.parametrize("text", [
    "Our billing system is down. Each day from 8:00 until 1:00 your account manager's telephones will be answered.",
    "Our billing system is down. Phones are staffed from 8 AM.",
])
def test_answered_phones_are_a_way_to_reach_us(text: str) -> None:
    assert "missing-contact" not in _categories(text, stage="update")


def test_phones_that_do_not_work_are_no_contact() -> None:
    assert "missing-contact" in _categories("Our billing system is down. Our phones are not working.", stage="update")


@pytest.mark.parametrize("text", [
    "Our garden centre will not open until 1:00 pm today. We have lots of standing water on site.",
    "High winds have brought trees down on the road to our shop, so we are opening late.",
    "Because of heavy rain we are opening at noon.",
])
def test_the_weather_that_closed_us_says_what_happened(text: str) -> None:
    assert "missing-what-happened" not in _categories(text, stage="update")


def test_a_late_opening_alone_does_not_say_what_happened() -> None:
    assert "missing-what-happened" in _categories("The shop will not open until 1:00 pm today.", stage="update")


def test_a_product_named_chat_is_no_contact() -> None:
    text = "Traffic to Flow Chat and notifications is slowly resuming after an outage."
    assert "missing-contact" in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "Payments fail after an outage. Use Chat in the app.",
    "Payments fail after an outage. Ask us in Live Chat.",
    "Questions? Chat with us in the app. Payments fail after an outage.",
])
def test_our_chat_is_still_a_contact(text: str) -> None:
    assert "missing-contact" not in _categories(text, stage="update")


@pytest.mark.parametrize("text", [
    "Some customers are still offline as we wait for utility companies to clear the site.",
    "We are waiting on our supplier to send the parts.",
])
def test_waiting_for_a_party_puts_the_delay_on_them(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "We are waiting for engineers to finish the repair.",
    "We are working with our supplier and waiting for test results.",
])
def test_waiting_for_our_own_work_is_no_blame(text: str) -> None:
    assert "blame" not in _categories(text)


@pytest.mark.parametrize("text", [
    "There is a slight chance that you might have access over the weekend.",
    "There is a good chance the issue is with the router.",
])
def test_a_chance_is_a_guess(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "There is no chance that your card details were seen.",
    "You have a chance to claim a refund until 30 June.",
])
def test_a_plain_chance_is_no_guess(text: str) -> None:
    assert "speculation" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Our courier has lost a number of parcels.",
    "Some parcels were damaged by the courier.",
])
def test_a_party_that_lost_or_damaged_something_is_blamed(text: str) -> None:
    assert "blame" in _categories(text)


def test_losses_in_another_clause_than_the_party_are_no_blame() -> None:
    assert "blame" not in _categories("We lost power this morning; our courier will collect parcels tomorrow.")
