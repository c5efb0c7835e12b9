"""English judgements fixed after rounds 30 and 31 of real published messages (``real-en-r30-…``,
``-r31-…``, scored once blind, then read), as families of constructions: a length after a wildcard word is a number
too ("the repair will take 24 hours"); a bullet line starts a sentence ("· Libraries will likely
remain closed today" after an "if" line); strikes, a ransomware cyberattack and a sinkhole say what
happened; "this unavoidable change" is a stock excuse — and the near misses: a view on what to do
("we believe that's a more useful course"), a hospital's work with emergencies, a party we talk
to ("communicating with the power company"), what went well thanks to someone's measures;
appointments rescheduled and a drawing postponed say what is down; round 31: someone else's
construction or digging works, supplies that did not come and a partner's broken SLA as the
cause; the time we will give an estimate at is no forecast ("we will give you an ETA at 3 pm"), nor
a regular week or a service that stays up; a critical incident stood down is no alarm."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
BLAME = "blame"
SPECULATION = "speculation"
STATUS = "missing-service-status"
WHAT = "missing-what-happened"

FAMILIES: dict[str, Family] = {
    "a length with a number": (SPECULATION, True, [
        "The outage may last for 10-15 minutes.",
        "The repair of the cable will unfortunately take 24 hours.",
        "Repairs will take 24 hours.",
        "Restoration could take 3 days.",
    ], [
        "The repair took 24 hours.",
        "Refunds will take 5-7 working days to reach your account.",
    ]),
    "a bullet line is a sentence": (SPECULATION, True, [
        "Campus services:\n· If we experience lengthy power outages, we will provide you with shelter options\n"
        "· Libraries will likely remain closed today",
        "Campus services:\n▪ If the wind picks up, we will close the gym\n▪ The pool will likely remain closed today",
    ], [
        "Campus services:\n· If we experience lengthy power outages, we will provide you with shelter options\n"
        "· Libraries are closed today",
    ]),
    "the event in one word": (WHAT, False, [
        "The Royal Mail were on strike on 24 and 25 November, so no collections were made.",
        "We know the university has experienced a ransomware cyberattack.",
        "Sink hole appeared near the junction of Valley Road and Meadow Road.",
        "Train drivers' strikes continue this week; please check before you travel.",
    ], [
        "We will strike a balance between speed and care; trains are not running.",
    ]),
    "unavoidable, the excuse": (BLAME, True, [
        "We sincerely apologise to customers impacted by this unavoidable change.",
        "We are sorry for the unavoidable delay to your flight.",
    ], [
        "We are sorry for the delay to your flight.",
    ]),
    "a view, not a guess": (SPECULATION, False, [
        "We believe that's a more useful course of action than rolling traffic over.",
        "We believe it is best to let the tests fail and make it clear.",
    ], [
        "We believe the fault was caused by a storm.",
        "We believe this was more successful than we first thought.",
    ]),
    "emergencies as the work": (ALARM, False, [
        "A&E continues to deal with emergencies; NHS111 and pharmacies are available.",
    ], [
        "We are dealing with an emergency at the plant.",
    ]),
    "a party we talk to, or thank": (BLAME, False, [
        "We are monitoring the power outage closely and communicating with the power company.",
        "Most customers kept their supply. This was due to the measures implemented by the water utility.",
    ], [
        "The outage was caused by the power company.",
    ]),
    "appointments and venues changed": (STATUS, False, [
        "Some folks' appointments were rescheduled for tomorrow or later in the day.",
        "The drawing has been postponed until the checks are complete.",
    ], [
        "We will reopen the investigation if more customers write to us.",
    ]),
    "outside works and supplies as the cause": (BLAME, True, [
        "Officials are connecting a newly constructed pipe which was damaged during ongoing construction in the area.",
        "Multiple engineer teams on-site, extensive damage was caused by digging works, no ETA on fix yet.",
        "Due to disruption in the supply of essential materials, we are experiencing delays with passports.",
        "There has been a delay in the arrival of spare parts being shipped from overseas.",
        "We will follow up with the carrier to understand why the repair was considerably outside their SLA.",
    ], [
        "As the City awaits the arrival of critical components for a backup system, please conserve water.",
        "There is a delay in the delivery of your parcels; we are sorry.",
    ]),
    "when the estimate comes, not the restore": (SPECULATION, False, [
        "We will give you an ETA at 3 pm.",
        "We will tell you the restore time at 3 pm.",
        "We will share an estimated time of restoration at 3 pm.",
        "We will post an update with an estimated restoration time at 3 pm.",
    ], [
        "Power will be restored by 6 pm.",
        "The estimated time of restoration is 6 pm.",
    ]),
    "a regular week, a service that stays up": (SPECULATION, False, [
        "We will be closed Monday and Tuesday as always, and we will be open again Wednesday at 10am.",
        "The information pages of the website will still be available throughout the weekend.",
        "We are back on our regularly scheduled business hours, and we will be open again Wednesday at 10am.",
    ], [
        "The website will be available again by 6 pm.",
    ]),
    "an incident stood down": (ALARM, False, [
        "Critical incident stood down. Please note that the critical incident has now been stood down.",
    ], [
        "We have declared a critical incident at the hospital.",
    ]),
    "the council's tax is no party": (BLAME, False, [
        "On Saturday you will be unable to view your council tax accounts while we upgrade our systems.",
    ], [
        "Residents were unable to pay because the council's contractor cut the cable.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
