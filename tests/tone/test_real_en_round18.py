"""English families behind round 18's misses (issue #13, ids ``real-en-r18-…``, now train): each
rule is for a construction, not for the round's wording. Every variant is written for this file
(other councils, providers, sectors, word orders, tenses), and each family has near misses on the
other side of the line: a real outside party to blame, a plain report of a crime against us, a
declared emergency, the situation itself called terrible.

Precision comes first: four of the seven families teach lint what *not* to report."""

from __future__ import annotations

from real_text import Family, family_tests

#: name → (category, reported: whether the variants must be reported, variants, near misses —
#: the other way round)
FAMILIES: dict[str, Family] = {
    # 1. the speaker naming itself in the third person: a council that is the author ("Council
    #    staff", "the Council's offices", "council systems") is no outside party (en.blame-outside
    #    `author`, kind cooccurrence)
    "self-named-author": ("blame", False, [
        "Due to a power failure at the Council's main offices, our phone lines are down today.",
        "A flood in the basement of the council's headquarters has caused an outage of our website.",
        "Council officers are on site after the failure; the council's customer service centres remain open.",
        "The council's teams worked through the night after the outage took down our payment systems.",
        "Disruption to council systems: the council suffered a major outage on Friday.",
        "Leeds City Council apologises for the disruption. The council experienced a network failure this morning.",
        "The outage at the County Council's data centre affected our libraries. Council staff are restoring services.",
    ], [
        "A power cut at our supplier's data centre took our systems down.",
        "Roadworks by the council damaged our water main this morning.",
        "The council had a power failure which cut the phone lines to our shop.",
        "Our broadband provider had an outage overnight.",
    ]),
    # 2. a party that is affected, not the cause: "… council as well as residents impacted by this
    #    outage" (en.blame-outside exceptions)
    "affected-party": ("blame", False, [
        "Please accept our apology to the council and to the residents and businesses impacted by this outage.",
        "We apologise to our partners and customers affected by the network failure.",
        "We apologise to our partners and the schools affected by yesterday's outage.",
        "We are sorry for the disruption to the council and local businesses affected by the power cut.",
        "Sorry to the landlord and the tenants affected by the water outage.",
        "We apologise to every supplier and customer inconvenienced by the system failure.",
    ], [
        "Customers were affected by an outage at our supplier.",
        "The outage was caused by our hosting provider.",
        "We were notified by our marketing vendor that we are among the companies affected by a data breach.",
        "The council's contractor cut through our cable, and residents were affected by the outage.",
    ]),
    # 3. a party we work with, with words between: "working round the clock with external
    #    contractors to fix …" (en.blame-outside unless)
    "working-with-party": ("blame", False, [
        "Our engineers have been working round the clock with external contractors to fix the outage.",
        "We are working day and night with the supplier to resolve the failure.",
        "The team worked late into the evening with the landlord to repair the fault.",
        "Staff are working very closely alongside with the contractor to restore the outage quickly.",
        "We continue working hard today with the network provider to fix the outage.",
        "We are working around the clock with the utility company to fix the supply interruption.",
    ], [
        "The outage was caused by our network provider.",
        "Our supplier had an outage, and we are waiting for them to fix it.",
        "An error at our payment processor stopped card payments.",
        "The contractor accidentally disconnected our fibre while working on the road.",
    ]),
    # 4. contempt for the culprit puts the fault on them ("mindless and irresponsible vandalism");
    #    a plain report of vandalism or theft is what happened (en.blame)
    "contempt-for-culprit": ("blame", True, [
        "We are furious that mindless vandals cut our fibre cable last night.",
        "The outage was caused by the irresponsible actions of a few individuals.",
        "Reckless individuals lit fires under the bridge, and the line is closed.",
        "Selfish thieves stole copper cable from the line, so trains are cancelled.",
        "Thoughtless behaviour by a small minority has closed the park toilets again.",
        "Senseless vandalism at the pumping station has cut the water supply to the village.",
    ], [
        "Vandals cut our fibre cable last night.",
        "Cable thieves stole copper from the line, so trains are cancelled.",
        "A vehicle collision with a pole has left 400 homes without power.",
        "It was irresponsible of us not to test the update first.",
    ]),
    # 5. a provider known by name as the cause: "a Microsoft issue", "impacted by the Optus network
    #    outage", "power failures on the National Grid" (en.blame-outside party)
    "named-provider": ("blame", True, [
        "Our website is offline because of a Cloudflare outage.",
        "Email delivery is delayed due to a Microsoft issue this morning.",
        "Card payments failed after an AWS outage in the London region.",
        "Some of our services are impacted by the Optus mobile network outage.",
        "Two power failures on the National Grid caused our systems to go down.",
        "An Openreach fault has cut broadband to the office.",
        "The people in the datacenter decided to reboot our servers without warning.",
    ], [
        "We have moved our email to Microsoft 365 and it is working normally.",
        "Our migration to Azure is complete.",
        "We are working as fast as we can to restore the service.",
        "Our own data centre had a power failure; our engineers fixed it.",
        # the named company is the author: its own name is no outside party (the lead, 2026-12-07)
        "Microsoft apologises for the outage. A Microsoft issue caused email delays for some customers.",
        "We at Optus are sorry: an Optus network fault took down calls this morning.",
        "Cloudflare regrets the disruption: a Cloudflare configuration change took sites offline.",
    ]),
    # 6. "emergencies" as the kind of case a line is for: "phone lines for social care emergencies"
    #    (en.alarm exceptions)
    "emergencies-a-line-is-for": ("alarm", False, [
        "We still take calls for social care emergencies.",
        "Our out-of-hours team still handles gas emergencies.",
        "Please use this number only for genuine medical emergencies.",
        "The helpline is open for housing and homelessness emergencies.",
        "Engineers continue to attend water emergencies.",
        "Call 105 to report power emergencies.",
    ], [
        "We are dealing with a serious emergency.",
        "An emergency at the plant has cut the water supply.",
        "Because of the emergency, the school has closed.",
        "This is a catastrophe for our customers.",
    ]),
    # 7. the reader's bad time, in sympathy ("many of our passengers had a terrible journey"): how it
    #    felt to them, not panic (en.alarm exceptions)
    "bad-time-in-sympathy": ("alarm", False, [
        "Many of our passengers had a terrible journey last night.",
        "We know this has been an awful experience for you.",
        "I'm sorry you had such a horrible wait at the airport.",
        "Customers have had a horrible week without broadband, and we apologise.",
        "Sorry for the nightmare commute this morning.",
        "We know many of you had a terrible time trying to reach us.",
    ], [
        "The situation on the network is terrible.",
        "The flooding has been horrific.",
        "This is a nightmare for everyone.",
        "Our systems are in total chaos.",
    ]),
    # 8. a restore to come next, with its time: "before continuing to restore email by midday
    #    Saturday" (en.forecast restore group)
    "restore-to-come-with-time": ("speculation", True, [
        "The team needs to rest before continuing to restore email by midday Saturday.",
        "Engineers rest for an hour, then begin to reconnect homes by 6 PM.",
        "We are starting to restore water to the estate by this evening.",
        "Crews go home tonight and resume to repair the line tomorrow morning.",
        "After the checks we start to reopen the branches by 10am on Monday.",
        "Staff are beginning to reinstate accounts by the end of the day.",
    ], [
        "We continued to restore email until 5 am Saturday.",
        "We are continuing to restore power.",
        "We started to restore power at 5 am.",
        "We are working to restore power by 6 PM.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
