"""English judgements fixed after rounds 23 and 24 of real published messages (ids
``real-en-r23-…``, ``real-en-r24-…``, each scored once blind, then read), written as families of
constructions rather than the rounds' words: someone else's construction works as the cause of
damage, "third party" in two words; a local or civil state of emergency, "this is urgent"; hedged
guesses and hedged lengths of work; a cyber threat detected, works named by their kind and a
repair given as the reason as what happened — and the near misses that must stay quiet: our own
digging, an intruder called a third party, calm told ("no need to panic"), a surge measured,
alarm equipment, work we will go on doing, the fault owned."""

from __future__ import annotations

from real_text import Family, family_tests, needed_rule_test

BLAME = "blame"
SPECULATION = "speculation"
ALARM = "alarm"
WHAT = "missing-what-happened"

FAMILIES: dict[str, Family] = {
    # someone else's construction as the cause of the damage (rule en.blame-others-works)
    "others-works": (BLAME, True, [
        "The outage was caused by a fibre cable cut during road construction near the station.",
        "A fibre cut triggered by ongoing road construction activity left the area offline.",
        "Internet keeps getting cut off, with all the road construction south of town.",
        "A water main was damaged by a construction crew working on the new housing estate.",
        "Roadworks on the high street severed a power cable this morning.",
        "Developers building next door struck a gas pipe; the shop is closed.",
    ], [
        "A fibre cable was cut; our engineers are repairing it.",
        "During the excavation process this morning, the fire risers were hit.",
        "Our crews damaged a cable while digging, and we are sorry.",
        "Road construction will close the car park entrance on Monday.",
    ]),
    # "third party" in two words as an outside party, and the grid's power by its trade name
    "third-party-two-words": (BLAME, True, [
        "The failure at a third party left card payments down for an hour.",
        "Sites experienced downtime due to commercial power failure.",
    ], [
        "We identified a security issue which resulted in unauthorized access by a third party.",
        "A malicious third party attempted to access some accounts; no data was taken.",
    ]),
    # a declared emergency with its reach between, and the situation itself called urgent
    "declared-or-urgent": (ALARM, True, [
        "The city has declared a state of local emergency due to imminent loss of water.",
        "A state of civil emergency remains in force across the county.",
        "This is urgent. If we run out of water, then we go on boil alert.",
    ], [
        "We recommend not to panic: unplug the router and plug it back in.",
        "There is no need to panic; supplies are being restored.",
        "Sales saw an unprecedented increase in December.",
        "Engineers are reviewing our systems and alarms to identify the cause.",
        "The district network remains offline since a cybersecurity threat was detected.",
    ]),
    # a hedged guess at the cause or the outcome
    "hedged-guess": (SPECULATION, True, [
        "It might be a bug in the runtime, or more likely something we are doing wrong.",
        "We'll likely have to wipe the game world before the patch.",
        "It could be a faulty router at the exchange.",
    ], [
        "We know what caused the fault and have fixed it.",
        "If you still cannot log in, it might help to clear your browser cache.",
    ]),
    # a hedged length of the work
    "hedged-length": (SPECULATION, True, [
        "Forensic and restoration work may continue for weeks.",
        "The outage may last several hours in some areas.",
        "Repairs could take several days.",
    ], [
        "Restoring and repair work will continue throughout the day.",
        "Work will continue until there is a clear picture of the cause.",
    ]),
    # what happened, said without the usual event words
    "event-named": (WHAT, False, [
        "Systems remain offline since a cybersecurity threat was detected on Tuesday.",
        "We are investigating what appears to be a cyber-attack on our servers.",
        "Supply will be interrupted to facilitate pipeline interconnection works.",
        "Water will be shut off so the Village can repair a water main.",
        "Inspections revealed damage to the overhead lines near Rugby.",
        "A driver reported a damaged pantograph near the station.",
    ], [
        "We are sorry for the current service disruption.",
        "Some customers may not be able to log in right now.",
    ]),
    # the fault owned, with a "not" after it, is no denial
    "fault-owned": (BLAME, False, [
        "Our company admits fault that we were not able to deliver the service.",
        "That was our fault: we were not on top of our game.",
    ], [
        "We are not to blame for this outage.",
        "This was not our fault; the supplier's system failed.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
test_the_variants_need_the_rule = needed_rule_test({"others-works": FAMILIES["others-works"]}, "en",
                                                   "en.blame-others-works")
