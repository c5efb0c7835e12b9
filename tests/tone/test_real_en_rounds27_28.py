"""English judgements fixed after rounds 27 and 28 of real published messages (``real-en-r27-…``, ``-r28-…``,
scored once blind, then read), as families of constructions: a service named near a change of
its state says what is down ("restore fixed and mobile services", "the water supply will need to
be shut down", "we lost electricity"); a problem in an internal part says what happened ("an
issue with our IT system"); couriers, system operators and the airport's own systems as the
party blamed — and the near misses: generic services ("restore service"), "your Internet
service provider", "definitely" and "absolutely" that promise nothing, a structure that
collapsed, a length in the past ("back after being unavailable for a few minutes")."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
BLAME = "blame"
SPECULATION = "speculation"
STATUS = "missing-service-status"
WHAT = "missing-what-happened"

FAMILIES: dict[str, Family] = {
    "service near a change of its state": (STATUS, False, [
        "Our workers are doing their best to safely restore train services as soon as possible.",
        "The water supply to Lawrence Street will need to be shut down while contractors repair a main.",
        "At 10.45 a.m. this morning, we lost electricity owing to collapsing towers on the line.",
        "We are still focused on restoring fixed and mobile services in the affected areas.",
        "A faulty pressure switch caused the water distribution to be reduced.",
    ], [
        "Our rapid response teams have been mobilized to restore service as quickly as possible.",
        "We work with your Internet service provider to restore your service as soon as possible.",
        "Crews are ready to restore power once the storm passes.",
    ]),
    "a problem in an internal part": (WHAT, False, [
        "We currently have an issue with our IT system, which means we are working with reduced capacity.",
        "Both hospitals were significantly affected by problems with IT and phone systems.",
        "We've had some complications with operating the plant.",
    ], [
        "We are aware of an issue affecting our services and are working to resolve it.",
        "We have a problem with it.",
    ]),
    "the party blamed by name": (BLAME, True, [
        "British Airways has a backlog of baggage as a result of a breakdown of the airport's baggage system.",
        "Deliveries are late because Royal Mail has a backlog of parcels.",
    ], [
        "British Airways has a backlog of baggage after a breakdown of our baggage system.",
    ]),
    "no promise": (SPECULATION, False, [
        "Yesterday was definitely not British Airways' finest hour.",
        "We absolutely recognise that delayed collections are unpleasant.",
        "Contactless payment is back up and running after being briefly unavailable for a few minutes.",
        "Customers will be able to use their services in the soonest possible time.",
    ], [
        "Service will definitely be back by 3 pm.",
    ]),
    "a guess about a fix or a likelihood": (SPECULATION, True, [
        "This should stabilise the router and restore service.",
        "The probability that a full recovery will succeed is very small.",
        "It is possible for systems status to fluctuate as the restoration continues.",
        # an estimate retold to customers is a forecast all the same (the labelling convention since
        # round 20; round 13's test took it for none)
        "Our provider told us the problem should be resolved within 2 hours.",
    ], [
        "You should restore your settings from the backup.",
        "Customers should restart their router if the light stays red.",
    ]),
    "a comparison with others is no blame": (BLAME, False, [
        # rounds 26–28 labelled these no blame (round 17's tests had them as industry excuses)
        "Like many transport companies across the UK, we currently have a shortage of bus drivers.",
        "Like every airline this summer, we have had to cancel flights.",
        "As with all retailers, our deliveries are slower this month.",
    ], [
        "Industry-wide staff shortages have led to these delays.",
    ]),
    "a denial or a host as the party": (BLAME, True, [
        "The disruption is global and not caused by us.",
        "This was a banking system mistake and not caused by the Council or its staff.",
        "Some sort of computer crash crippled our blog-hosting company, TypePad, on Thursday night.",
    ], [
        "The gravity of these outages is not lost on us.",
        "We had a crash of our own servers.",
    ]),
    "round 28: a best guess, an assurance of effort, an aside": (SPECULATION, True, [
        "As best we can tell, our UPS drained its batteries from the prolonged voltage irregularity.",
    ], [
        "Rest assured, we are working hard to clear the backlog.",
        "As you are probably aware, we are having problems with the corroded pipes in our heating system.",
    ]),
    "more trouble foretold": (SPECULATION, True, [
        "Further cancellations on the day are possible.",
        "This disruption may continue while the driver shortage lasts.",
        "DMV remains open to serve customers, but advises that longer waits could occur.",
        "Things can quickly change and services can be impacted.",
    ], [
        "There were further cancellations yesterday.",
    ]),
    "a party that could not": (BLAME, True, [
        "Our landlords were unable to get our parking lot clear in time for office hours.",
    ], [
        "We were unable to clear the parking lot in time for office hours.",
    ]),
    "round 29: no supply, calm told": (STATUS, False, [
        "Reservoirs that supply the areas are critically low and some areas have no water.",
        "Homes on Epsom Road are without power this morning.",
    ], [
        "We are aware of the problem and are working on it.",
    ]),
    "panic denied": (ALARM, False, [
        "We should not be panicking: this is a planned shutdown.",
        "People shouldn't panic; the water is safe to drink.",
    ], [
        "Residents panicked as the water ran out.",
    ]),
    "a structure that fell": (ALARM, False, [
        "We lost electricity owing to collapsing towers on the transmission line.",
    ], [
        "This is a catastrophic failure.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
