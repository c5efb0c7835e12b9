"""English judgements fixed after rounds 13 and 14 of real published messages (ids
``real-en-r13-…``, ``real-en-r14-…``, scored once blind, then read). Hand-made phrasings of each
family — other words, other word order, other companies — each failing before the fix; and near
misses (``test_near_miss_…``) that held before and must still hold: they fence each rule in."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str = "update") -> set[str]:
    return categories(text, "en", stage)


# ---- what happened: "the outage" alone only says that something is down

@pytest.mark.parametrize("text", [
    "We are aware of the current service disruption. Our response teams are on it.",
    "Thanks to our line crews, we are now down to 40 homes without power after this extended outage.",
    "We are sorry for the interruption to your gas supply. Engineers are on site.",
    "To everyone affected by the outage: we apologise, and we are with you.",
    "Current member outages are now down to 120.",
])
def test_a_bare_outage_does_not_say_what_happened(text: str) -> None:
    assert "missing-what-happened" in _categories(text)


@pytest.mark.parametrize("text", [
    "We will interrupt the electricity supply on Monday morning.",
    "An IT system outage is slowing check-in at the airport.",
    "A network outage in the north is affecting calls.",
    "An AWS outage is affecting our website.",
    "Sorry, we are fixing an outage. The app and My Account will not open.",
    "Since 9:40 some customers cannot log in to the app. We are sorry for the disruption.",
])
def test_near_miss_an_outage_of_something_named_says_it(text: str) -> None:
    assert "missing-what-happened" not in _categories(text)


@pytest.mark.parametrize("text", [
    "There is a mistake in our outage map that we are fixing.",
    "Our maintenance crews are on site and we have deployed pumps to the area.",
    "The fire department is on site with our staff.",
])
def test_a_tool_or_a_team_is_no_event(text: str) -> None:
    assert "missing-what-happened" in _categories(text)


@pytest.mark.parametrize("text", [
    "The gas main is repaired. Some homes will have low pressure this evening.",
    "A burst main has left Hill Street without water.",
    "A boil water notice is in place for the Eastside area.",
    "The Water Department is carrying out planned works on Church Street.",
])
def test_repairs_bursts_notices_and_works_say_what_happened(text: str) -> None:
    assert "missing-what-happened" not in _categories(text)


# ---- service status

@pytest.mark.parametrize(("text", "stage"), [
    ("The boil water advisory has been lifted.", "resolution"),
    ("We have lifted the restrictions on cash withdrawals.", "resolution"),
    ("Mail flow has remained stable since the fix, and delivery is resolved.", "resolution"),
    ("Card payments are fully operational.", "update"),
    ("Some bonuses were not credited to your accounts yesterday.", "update"),
    ("Several parcels were not delivered on Tuesday.", "update"),
    ("We are still investigating the email notifications affecting some customers.", "update"),
    ("We are looking into card payment failures affecting some customers.", "update"),
])
def test_what_is_down_or_back_in_other_words_is_a_status(text: str, stage: str) -> None:
    assert "missing-service-status" not in _categories(text, stage)


@pytest.mark.parametrize("text", [
    "We are currently investigating degraded system performance. Thank you for your patience.",
    "We are aware of a service interruption affecting many users.",
    "Your satisfaction is what every engineer works towards. Our account team is available to help.",
    "We are now down to 20 homes. Crews are working hard.",
])
def test_a_symptom_of_the_whole_system_or_people_name_no_service(text: str) -> None:
    assert "missing-service-status" in _categories(text, "first_notice")


def test_near_miss_a_problem_affecting_people_names_no_service() -> None:
    assert "missing-service-status" in _categories("We are investigating an issue affecting some customers.",
                                                   "first_notice")


# ---- contact

@pytest.mark.parametrize("text", [
    "Please contact the school office tomorrow if you have questions.",
    "If you are still without water, tweet us with your postcode.",
    "If you are still without water, tweet Sam at @ExampleWater.",
    "Missed collections can be reported online.",
    "Hit us up on Discord if you have further questions.",
    "To claim compensation, send a PM to any moderator.",
])
def test_other_ways_to_reach_us_are_a_contact(text: str) -> None:
    assert "missing-contact" not in _categories(text)


# ("Please contact your bank if you see a payment you do not recognise" was a near miss here
# once; every real notice with "contact your bank / airline / financial institution /
# supervisor" is labelled as giving a contact — priorityone, ichibankan, sydney-airport,
# usask — so the party that can help counts: tests/tone/test_oos_audit_families.py)
@pytest.mark.parametrize("text", [
    "Our latest tweet at 9 AM said the same.",
])
def test_near_miss_someone_else_or_a_tweet_is_no_contact(text: str) -> None:
    assert "missing-contact" in _categories(text)


# ---- empathy

@pytest.mark.parametrize("text", [
    "We appreciate all the support from our members during this outage.",
    "We greatly appreciate your cooperation while the pipe is repaired.",
])
def test_thanks_for_support_is_empathy(text: str) -> None:
    assert "missing-empathy" not in _categories(text, "first_notice")


def test_near_miss_appreciating_business_is_no_empathy() -> None:
    assert "missing-empathy" in _categories("We appreciate your business.", "first_notice")


# ---- next update

@pytest.mark.parametrize("text", [
    "In the next hour we will have to restart all servers for five minutes.",
    "The water company did not inform us until this morning that the supply would be cut.",
    "This is to update you on the water outage reported earlier today.",
])
def test_a_period_a_past_notice_or_an_earlier_report_is_no_next_update(text: str) -> None:
    assert "missing-next-update" in _categories(text, "first_notice")


@pytest.mark.parametrize("text", [
    "We will post the next update at 3 PM.",
    "Next update in 2 hours.",
    "We will send the next e-mail on March 15 at 4:00 PM.",
    "We will have updated information at 4 PM.",
])
def test_near_miss_a_next_message_with_a_time_still_is_one(text: str) -> None:
    assert "missing-next-update" not in _categories(text, "first_notice")


# ---- speculation

@pytest.mark.parametrize("text", [
    "The service should then run as normal from Monday.",
    "Trains should be running normally tomorrow.",
    "Today we will have no more downtime.",
    "There will be no further disruption this week.",
])
def test_a_return_to_normal_or_no_more_trouble_is_a_forecast(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "Rest assured we will work as hard as we can to reopen.",
    "Rest assured that our team is doing everything possible.",
    "The water main has been repaired so lessons will resume on Monday.",
])
def test_an_effort_a_plan_or_a_restore_after_a_repair_is_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


@pytest.mark.parametrize("text", ["There were no further outages overnight.",
                                  "We have seen no more problems since the fix."])
def test_near_miss_no_more_trouble_that_was_is_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


# ---- blame

@pytest.mark.parametrize("text", [
    "The flood was caused by a burst pipe in the flat above our shop.",
    "Water from the neighbouring property caused damage to our stock.",
    "The cable was cut by subcontractors working for the gas board.",
    "The water board did not inform us that the supply would be cut.",
    "Highways England did not warn us about the road closure.",
    "The trees that fell were outside our right of way.",
    "These trees are outside the area we are permitted to trim.",
    "As required by the fire marshal, the building was evacuated.",
    "We were forced by the council to close the car park.",
    "A customer uploaded a malformed file that slowed the service.",
    "An organization sent a poorly constructed email with 2,000 addresses.",
    "A malformed request sent by a third-party client overloaded the API.",
])
def test_someone_else_named_as_the_cause_is_blame(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "We did not notify customers quickly enough, and we are sorry.",
    "Some customers were sent a malformed email by mistake. We are sorry.",
    "We sent a poorly formatted email; we are sorry.",
    "Our engineers found the fault in our own data centre.",
])
def test_near_miss_our_own_fault_is_no_blame(text: str) -> None:
    assert "blame" not in _categories(text)


# ---- alarm

@pytest.mark.parametrize("text", [
    "A transformer exploded and the building is on fire.",
    "There was an explosion at the substation.",
    "All residents must leave the building immediately.",
    "Passengers need to contact their airline immediately.",
])
def test_explosions_fires_and_orders_to_hurry_are_alarm(text: str) -> None:
    assert "alarm" in _categories(text)


def test_near_miss_our_own_duty_is_no_alarm() -> None:
    assert "alarm" not in _categories("We must act immediately to restore service.")


@pytest.mark.parametrize("text", [
    "The Meltdown and Spectre flaws required a reboot of our servers.",
    "The new database will reduce the chances of a catastrophic failure.",
    "As many of you know, a severe storm hit the area yesterday.",
    "Our crews had to dig beside dangerous power cables.",
])
def test_a_name_a_prevented_failure_or_a_hazard_we_met_is_no_alarm(text: str) -> None:
    assert "alarm" not in _categories(text)
