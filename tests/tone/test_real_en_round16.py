"""English families behind round 16's misses (issue #13): each rule is for a construction,
not for the round's wording. Every positive is a variant written for this file (other verbs,
nouns, word orders, tenses, registers: bank, telecom, utility, airline, school, shop), and each
family has near misses that must stay quiet: a next-update time, a past event, a done repair,
our own fault owned, a scheduled maintenance window, an aim without a time."""

from __future__ import annotations

import pytest
from real_text import categories


def _has(category: str, text: str, stage: str = "update") -> bool:
    return category in categories(text, "en", stage)


FAMILIES: dict[str, tuple[str, list[str], list[str]]] = {
    # 1. the restore named as a noun and forecast (en.forecast: "expect * resolution",
    #    "restoration is expected|estimated …")
    "restore-noun": ("speculation", [
        "We expect a full resolution to be in place within the next 48 hours.",
        "Full restoration of the water supply is expected by 6 PM.",
        "Reconnection is anticipated later this week for the remaining homes.",
        "The repair is estimated to take around four hours.",
        "We anticipate full recovery of card payments by tomorrow morning.",
        "Complete restoration is expected to be delayed until late afternoon today.",
        "The reopening of the branch is projected for Monday.",
    ], [
        "We expect to post our next update at 4 PM.",
        "Full restoration was completed at 6 PM yesterday.",
        "We don't know how long the repair will take.",
        "Restoration of service is our priority and we will update you at 3 PM.",
        "The repair took around four hours.",
    ]),
    # 2. a worse service foretold for a time (en.forecast: "will|may be slower|longer … than usual")
    "worse-than-usual": ("speculation", [
        "Our online range will be a little smaller than usual for a few days.",
        "Waiting times may be longer than normal until Monday.",
        "Deliveries could be slower than usual throughout the weekend.",
        "Your broadband may be slower than normal over the coming days.",
        "Call queues might be busier than usual for most of the day tomorrow.",
        "Check-in lines will be longer than usual for several hours.",
    ], [
        "Waiting times were longer than usual yesterday.",
        "Waiting times are longer than usual right now; next update at 2 PM.",
        "Bin crews started their rounds later than usual today.",
        "If every household puts out more waste than usual, the vehicles will fill up quicker.",
        "The website will be unavailable for 2 hours on Sunday during scheduled maintenance.",
    ]),
    # 3. a hedged verdict or a harm foretold as inevitable (en.speculation-forecast)
    "hedged-verdict": ("speculation", [
        "This second failure seems to be purely bad luck.",
        "The fault appears to be entirely unrelated to last week's outage.",
        "It seemed to be simply a coincidence.",
        "The outage appears completely unrelated to the upgrade.",
        "It is only a matter of time before the stolen passwords are cracked.",
        "It may be a matter of time until the old pumps fail again.",
    ], [
        "The fault was caused by a failed disk in our storage server.",
        "If you see what appears to be a suspicious email, delete it.",
        "We have confirmed the outage is unrelated to the upgrade.",
        "It will take some time to restore every account.",
        "The engineer found the fault and fixed it this morning.",
    ]),
    # 4. an outcome nobody can guarantee, "ensure" or not (en.speculation)
    "cannot-again": ("speculation", [
        "We are adding a second route to ensure that this cannot happen again.",
        "We have changed the process so it can't happen again.",
        "The fix we deployed means this can't occur again.",
        "With the new firewall this cannot occur again.",
        "We rebuilt the platform so that this can’t recur again.",
        "Our new backups mean such an outage cannot happen again.",
    ], [
        "We are taking steps to ensure it does not happen again.",
        "We are reviewing our processes to stop this happening again.",
        "We are sorry; this should never have happened.",
        "We will help prevent outages like this in future.",
    ]),
    # 5. luck or an impossible ideal as the excuse (en.blame)
    "luck-excuse": ("blame", [
        "The second outage was sheer bad luck.",
        "Sadly this was just bad luck with the new hardware.",
        "No one can guarantee 100% uptime, but we try.",
        "Nobody can promise 100 per cent availability on a shared network.",
        "No system is perfect, and ours failed last night.",
        "These things happen with old water mains.",
    ], [
        "Good luck to everyone clearing up after the storm.",
        "The failure was our fault: a disk we should have replaced.",
        "We aim for 100% uptime and fell short this week.",
        "The storm brought down power lines across the county.",
    ]),
    # 6. a party that did not follow our instructions (en.blame)
    "instructions-defied": ("blame", [
        "The contractor was specifically told to work only on the other cable.",
        "Despite being told where the pipe ran, the excavation crew dug through it.",
        "The engineers sent by the carrier ignored our instructions and pulled the wrong card.",
        "Contrary to our instructions, the courier left the parcels outside.",
        "The installer was explicitly asked not to switch off the router.",
        "Against clear instructions, the cleaning company unplugged the server.",
    ], [
        "Please follow the instructions on our website to reset your password.",
        "We told our engineers to prioritise hospitals.",
        "The instructions for claiming a refund are below.",
        "We want to know whether our messages were clear and told you enough.",
        "Our engineers were asked to check the other sites too.",
    ]),
    # 7. a breach or a slip at an outside party (en.blame-outside)
    "party-breach-or-slip": ("blame", [
        "Our marketing vendor told us it was affected by a data breach.",
        "Our payroll provider was hacked last weekend.",
        "A supplier accidentally deleted the routing table.",
        "The contractor mistakenly disconnected the main feed.",
        "Our hosting provider's systems were compromised on Friday.",
        "Our card processor's network was breached overnight.",
    ], [
        "We have notified our payment provider of the breach.",
        "We were hacked last weekend and have reset every password.",
        "Our engineer accidentally unplugged the wrong cable; the mistake was ours.",
        "We reported the incident to our hosting provider.",
        "Our neighbours have a hole in their roof where a tree crashed through.",
    ]),
    # 8. a hazard to health (en.alarm-risk)
    "health-hazard": ("alarm", [
        "The water in the affected area may have become contaminated.",
        "Infants and the elderly are at increased risk.",
        "There is a higher risk of infection from the floodwater.",
        "Contamination of the supply cannot be ruled out.",
        "Drinking unboiled water carries a serious risk.",
        "Potential infections from the well water are being tested for.",
    ], [
        "Tests show the water is not contaminated.",
        "There is no risk of infection.",
        "The boil water notice has been lifted.",
        "The water main was repaired at 3 PM.",
    ]),
}

POSITIVES = [(name, text) for name, (_c, pos, _n) in FAMILIES.items() for text in pos]
NEAR_MISSES = [(name, text) for name, (_c, _p, neg) in FAMILIES.items() for text in neg]


@pytest.mark.parametrize(("family", "text"), POSITIVES)
def test_every_variant_of_a_family_is_found(family: str, text: str) -> None:
    assert _has(FAMILIES[family][0], text), text


@pytest.mark.parametrize(("family", "text"), NEAR_MISSES)
def test_near_misses_stay_quiet(family: str, text: str) -> None:
    assert not _has(FAMILIES[family][0], text), text


# 9. a service named right before a problem word says what is down (CP311 found): "broadband
#    and TV issues", "water outages"; "staffing issues" or "a network issue with our provider"
#    do not
SERVICE_BEFORE_PROBLEM = [
    "This morning some customers had broadband and TV issues, which have now been fixed.",
    "Several streets have gas and water outages tonight.",
    "We are aware of card payment failures this afternoon.",
    "Some customers have experienced TV and phone problems.",
    "We are fixing the login problems reported this morning.",
    "There are heating faults in two of our school buildings.",
]
NO_SERVICE_BEFORE_PROBLEM = [
    "We are sorry for the recent issues and are working on them.",
    "Staffing issues have caused this.",
    "We have become aware of a core network issue with one of our providers.",
    "Our team is looking into the problems reported this morning.",
]


@pytest.mark.parametrize("text", SERVICE_BEFORE_PROBLEM)
def test_a_service_before_a_problem_word_is_a_status(text: str) -> None:
    assert not _has("missing-service-status", text), text


@pytest.mark.parametrize("text", NO_SERVICE_BEFORE_PROBLEM)
def test_no_service_before_a_problem_word(text: str) -> None:
    assert _has("missing-service-status", text), text


# 10. not knowing, an idiom, a return foretold in a when-clause: no status (CP311 reported)
NOT_A_STATUS = [
    "We are unable to ascertain when the systems will be functional again.",
    "We are not able to confirm when the online store will be available again.",
    "Today we have let you down, and we are working to make this right.",
    "We will keep you updated, including when services will be back online.",
    "We cannot determine yet how long the repair takes.",
    "We let our customers down this morning and we are sorry.",
]


@pytest.mark.parametrize("text", NOT_A_STATUS)
def test_not_knowing_or_an_idiom_is_no_status(text: str) -> None:
    assert _has("missing-service-status", text), text


# statuses that still count next to those words
STILL_A_STATUS = [
    "Card payments are down; we are unable to say when they will return.",
    "The app is working again.",
    "Our phone lines are down this morning.",
    "You can still pay by card in our branches.",
]


@pytest.mark.parametrize("text", STILL_A_STATUS)
def test_a_real_status_still_counts(text: str) -> None:
    assert not _has("missing-service-status", text), text
