"""English judgements fixed after rounds 25 and 26 of real published messages (ids
``real-en-r25-…``, ``real-en-r26-…``, each scored once blind, then read), as families of
constructions: a hedged cause, a hope stated, more disruption foretold, the length of a repair;
a service that "experienced an outage" and a promise to "have it working" as status; and the
near misses that must stay quiet: an apology to partners, a company apologising in the third
person, a confidence that is a condition, a guaranteed seat, a refund's days to show, our own
immediate action, "unprecedented" times, and a brand spelled with a letter and a hyphen."""

from __future__ import annotations

from real_text import Family, family_tests

BLAME = "blame"
SPECULATION = "speculation"
ALARM = "alarm"
SHOUTING = "shouting"
STATUS = "missing-service-status"

FAMILIES: dict[str, Family] = {
    "hedged": (SPECULATION, True, [
        "There were electrical issues overnight that may have been brought about by the thunderstorms.",
        "We are hopeful that any further flooding will not be as severe as predicted.",
        "Further delays and cancellations in the coming days will be required.",
        "It may take a number of hours for normal pressure to return to all areas.",
    ], [
        "We will re-introduce the offers once the site is stable and we are confident our customers can shop.",
        ("We have immediately refunded these payments, though it may take a few days for the funds to come back"
         " to your card."),
        "Book ahead to benefit from a guaranteed seat and priority boarding.",
        "All major carriers have suspended their guarantees on delivery times.",
    ]),
    "not-blame": (BLAME, False, [
        ("We apologise to our customers, business and banking partners for their inability to access M-Pesa due"
         " to a planned upgrade."),
        "Vodafone would like to apologise for any inconvenience that the outage at Vodafone caused.",
        "We are facing unprecedented flight delays this week.",
    ], [
        "The outage was caused by a failure at our payment provider.",
        "The council's contractor cut through our cable this morning.",
    ]),
    "not-alarm": (ALARM, False, [
        "Thank you for your patience in these unprecedented times.",
        "We have immediately refunded these payments to your card.",
    ], [
        "This is urgent. Please boil all water before drinking it.",
    ]),
    "brand-not-shouting": (SHOUTING, False, [
        "We regret that there is a general bug affecting M-PESA services on STK and APP today.",
    ], [
        "PLEASE TURN OFF SPRINKLERS IF YOU HAVE ANY WATER PRESSURE.",
    ]),
    "status": (STATUS, False, [
        "On July 29 the Stripo API experienced an outage from 07:51 to 07:59 UTC.",
        "Our IT teams will have the website and app working as soon as possible.",
    ], [
        "We are sorry for the trouble this morning.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
