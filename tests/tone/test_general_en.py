"""General English rules for speculation and blame (issue #13): whole families of phrasings,
found by construction rather than by one wording. Every positive is a variant written for
this file (none is quoted from the corpus), and each family has near misses that must stay
quiet: a next-update time, a past event, a done repair, our own fault owned, a scheduled
maintenance window, an aim without a time."""

from __future__ import annotations

import pytest
from real_text import categories


def _has(category: str, text: str) -> bool:
    return category in categories(text, "en", "update")


FAMILIES: dict[str, tuple[str, list[str], list[str]]] = {
    # 1. how long a repair will take (en.forecast: "will|could|may take * hours")
    "durations": ("speculation", [
        "It will take about 24 hours to restore the water supply.",
        "We estimate it will take at least two weeks to repair the damaged main.",
        "Repairs will take four to five hours.",
        "We anticipate the repair will take a couple of days.",
        "This could take several days, depending on the damage.",
        "It'll take approximately 48 hours to rectify the fault.",
        "Fixing the fibre may take up to three days.",
    ], [
        "It took about 24 hours to restore the water supply.",
        "We don't know how long it will take to repair the main.",
        "Refunds take 5-7 working days to appear.",
        "We will take your call between 9 AM and 5 PM.",
        "Our next update will be in two hours.",
        "The repair was completed after four hours.",
    ]),
    # 2. an outcome hedged with "should" (en.forecast; en.speculation-forecast for "once … back")
    "should": ("speculation", [
        "Pending charges should clear within a week.",
        "Payments should be processed automatically once the system is back online.",
        "The backlog should clear by Friday.",
        "Any duplicate transactions should drop off your statement within 3 days.",
        "Orders placed today should be delivered when the warehouse reopens.",
        "Queued emails should be sent as soon as the server is back.",
        "Deposits made over the weekend should be credited by Tuesday.",
    ], [
        "You should contact your bank if the charge is still pending.",
        "Payments have been processed and the backlog has cleared.",
        "You should try again once the system is back online.",
        "We will let you know when payments should be processed.",
        "You should clear your browser cache tomorrow if the page still fails.",
    ]),
    # 3. confidence or hope about a completion (en.forecast)
    "hope": ("speculation", [
        "We are confident the repair will be completed by end of day tomorrow.",
        "It is hoped that heating will be fully restored by lunchtime.",
        "We are hoping to have the system repaired first thing Monday.",
        "It is anticipated that network restoration efforts will begin by the end of the week.",
        "We hope the new pump will be installed and running by Thursday.",
        "We're optimistic it'll be fixed later this week.",
    ], [
        "We hope this information is useful.",
        "We hope to share more information by 3 PM.",
        "We are confident in the steps we have taken.",
        "The repair was completed by end of day yesterday.",
        "We hope to see you soon.",
        "We are working to restore heating.",
    ]),
    # 4. how long we expect to be down (en.forecast)
    "downtime": ("speculation", [
        "We expect to be down for at least a couple of hours.",
        "We expect to remain closed until Thursday.",
        "Customers can expect to be without power for up to three days.",
        "We anticipate being offline for most of the afternoon.",
        "Residents should expect to be without water until tomorrow evening.",
        "We expect the site to stay offline until Monday.",
    ], [
        "We were down for about two hours this morning.",
        "We will remain closed until Thursday.",
        "Customers have been without power for three days.",
        "We expect to post our next update at 4 PM.",
        "The website will be unavailable for 2 hours on Sunday during scheduled maintenance.",
    ]),
    # 5. impact foretold (en.forecast; en.speculation-forecast)
    "impact": ("speculation", [
        "Most areas will experience interruptions for the next few months.",
        "Further outages can be expected.",
        "Outages are likely to occur.",
        "Customers will continue to see delays over the coming days.",
        "Additional disruption should be expected this weekend.",
        "More power cuts are likely to happen tonight.",
    ], [
        "Customers may experience brief interruptions during the scheduled maintenance on Sunday from 1 AM to 3 AM.",
        "We experienced outages last week.",
        "There were further outages yesterday.",
        "We are working to reduce the number of outages.",
        "Customers may experience delays today.",
    ]),
    # 6. a guess about the cause or the scale (en.speculation-forecast)
    "guesses": ("speculation", [
        "It is believed that a truck ripped down the cable.",
        "It is believed a lorry hit the pole.",
        "This is what appears to be a repeat of the attack.",
        "Initial reports suggest the fire started in the plant room.",
        "Initial reports are looking like fire damage.",
        "The cause is thought to be a failed transformer.",
        "The outage was reportedly caused by a cable fault.",
        "The fault is likely a fibre break in the street.",
    ], [
        "We received initial reports of slow logins at 9 AM.",
        "The cause has been confirmed as a failed transformer.",
        "If you see what appears to be a suspicious email, delete it.",
        "The outage started at 9 AM and was fixed by noon.",
    ]),
    # 7. promises nobody can keep (en.speculation)
    "promises": ("speculation", [
        "We will not be impacted in this manner again.",
        "We'll always make it right.",
        "These changes will prevent outages like the one we experienced today.",
        "You won't be affected by this again.",
        "Rest easy: it won't happen to you again.",
        "The new link will prevent a repeat of this week's problems.",
    ], [
        "We are working to prevent this from happening again.",
        "You won't be charged again for this order.",
        "We have taken steps to ensure this does not happen again.",
        "We will always keep our status page up to date.",
        "These measures will help prevent outages in future.",
    ]),
    # 8. an outside party named as the cause (en.blame-outside)
    "party": ("blame", [
        "The web service company we rely on is working to fix the problem.",
        "Flights are delayed, caused by air traffic control staff shortages.",
        "A dump truck ripped down our cable this morning.",
        "Crowds prevented our technicians from working on the line.",
        "Card payments are failing due to our card processor's server issue.",
        "The company that hosts our website has taken its servers offline.",
        "A lorry struck the overhead line near the depot.",
        "The delays are down to air traffic control restrictions.",
        "The firm we depend on for email had a failure overnight.",
    ], [
        "The outage was caused by our own software update.",
        "The outage was caused by the storm.",
        "Heavy snow brought down power lines across the county.",
        "We are working with our hosting provider to restore the service.",
        "We have reported the fault to our network partner.",
        "Our engineers drove to the site to fix the cable.",
        "We rely on your feedback to improve.",
        "A driver will deliver your order tomorrow.",
        # a crime against us reported as the cause is what happened (docs/lint.md, "Categories")
        "Vandals cut the fibre cable overnight.",
    ]),
    # 9. stock excuses in other words (en.blame)
    "excuses": ("blame", [
        "This was beyond our hands but we will try to make up for it.",
        "These were circumstances we could not influence.",
        "Sadly this was something we could not have prevented.",
        "There was nothing we could have done to stop it.",
        "The closure was due to circumstances we couldn't control.",
        "It was outside our hands, we are afraid.",
    ], [
        "We made a mistake in our configuration and we are fixing it.",
        "Our crews could not reach the site because of flooding.",
        "We could not answer every call this morning.",
        "There is nothing to do on your side: payments are working.",
    ]),
}

POSITIVES = [(family, text) for family, (_, texts, _) in FAMILIES.items() for text in texts]
NEAR_MISSES = [(family, text) for family, (_, _, texts) in FAMILIES.items() for text in texts]


@pytest.mark.parametrize(("family", "text"), POSITIVES)
def test_every_variant_of_a_family_is_found(family: str, text: str) -> None:
    assert _has(FAMILIES[family][0], text)


@pytest.mark.parametrize(("family", "text"), NEAR_MISSES)
def test_near_misses_stay_quiet(family: str, text: str) -> None:
    assert not _has(FAMILIES[family][0], text)
