"""English alarm: equipment named "emergency" and a contamination told as the event (its cause,
its incident, its levels) are no alarm; a danger announced to the reader still is. Written after
round 21 (issue #13) as classes of wording, with near misses on the other side."""

from __future__ import annotations

from real_text import Family, family_tests

FAMILIES: dict[str, Family] = {
    "emergency-equipment": ("alarm", False, [
        # (sentences that speak to the reader: the urgency rule reads only those)
        "Thank you for your patience as the pumping stations run on emergency power sources.",
        "Your hospital is running on an emergency generator while the grid is repaired.",
        "Please note that your station has emergency lighting only; trains are held.",
        "We have brought emergency generators to your care home.",
        "Your exchange switched to its emergency backup at 3 am.",
        "You can collect water from emergency water tanks at the school gates from noon.",
        "Two emergency pumps are clearing the underpass near your home.",
        "Thank you for your patience while the data centre runs on emergency power supplies.",
    ], [
        "A state of emergency has been declared in the city.",
        "We are facing an emergency on the network.",
        "You need to call us urgently.",
        "The emergency is getting worse.",
        "You must reset your password immediately.",
        "Act now to protect your savings.",
    ]),
    "contamination-as-the-event": ("alarm", False, [
        "Birds got into the tank through a broken vent, which led to the contamination.",
        "This was a serious contamination incident and we apologise for it.",
        "Tests show no elevated levels of contamination in the supply.",
        "Contamination can be intermittent, so we test every day.",
        "A cracked pipe near the farm caused the contamination.",
        "We are still looking for the contamination source near the reservoir.",
        "The contamination event ended on Tuesday.",
        "Lower levels of contamination were found on Friday.",
    ], [
        "Contamination of the supply cannot be ruled out.",
        "Your water may be contaminated: boil it before drinking.",
        "There is a danger of infection if you drink the water.",
        "People with weak immune systems are at increased risk.",
        "Contamination has been found in the reservoir.",
        "The water supply is under threat.",
    ]),
}


test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
