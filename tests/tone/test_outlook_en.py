"""English outlooks (rule ``en.outlook``): a hedge and a time or a length in one clause is a
forecast, whatever verb the hedge governs — "delays may continue until Thursday", "we hope to
lift the advisory by Friday", "our plan is to be back on Wednesday at 5 PM". Written as grammar
after blind round 20 (issue #13): the verb lists of ``en.forecast`` missed most of that round's
forecasts. A next update promised, a scheduled window, the weather's own outlook, advice after
"if" and a policy's working days are not outlooks."""

from __future__ import annotations

from real_text import Family, family_tests, needed_rule_test

FAMILIES: dict[str, Family] = {
    # a hedge of expectation and a time or length, any verb between them
    "expected-with-a-time": ("speculation", True, [
        "Engineers expect the boil notice to be lifted by Friday afternoon.",
        "We anticipate that trains between Leeds and York will run a reduced timetable until Sunday.",
        "It is envisaged that the closure will remain in place for two weeks.",
        "The council expects bin rounds to catch up by the end of the week.",
        "We are expecting the queues at the border to ease by tomorrow morning.",
        "The diversion is anticipated to add 20 minutes to journeys for the next few days.",
    ], [
        "We expect to post another update at 3 pm.",
        "We anticipate more information by the end of the day and will share it then.",
        "Further heavy rain is expected over the coming days.",
        "The maintenance is scheduled to finish at 6 am on Sunday.",
        "Customers are expected to pay their bills within 14 days.",
    ]),
    # hope, aim and plan about the situation, with its time
    "hope-aim-plan-with-a-time": ("speculation", True, [
        "We hope to let swimmers back into the pool on Saturday.",
        "Our aim is to switch the water back on before 8 pm.",
        "The plan is to return to the normal timetable on Monday.",
        "We are aiming to clear the backlog of parcels within 48 hours.",
        "The college intends to let students into the library next week.",
        "We are hoping the app will be usable again later today.",
    ], [
        "We hope to share more details at 5 pm.",
        "We aim to restore service as quickly as possible.",
        "If you were hoping to visit on Saturday, please check our website first.",
        "Planned maintenance will take place from 1 am to 3 am.",
        "We hope you enjoyed your visit on Saturday.",
    ]),
    # likely: an outcome judged likely for a time
    "likely-for-a-time": ("speculation", True, [
        "Long queues are likely at the depot throughout the weekend.",
        "Heavy demand means queues likely for the rest of the day.",
        "Crowding on the buses is likely until next week.",
        "Further closures are likely over the coming days.",
        "Slow service at the branch likely until Monday, sorry.",
        "Slower deliveries are likely for the next couple of weeks.",
    ], [
        "Icy conditions are likely overnight, so please take care on the roads.",
        "Strong winds are likely tomorrow afternoon.",
        "If you are likely to need help on Friday, call us on 0800 123 456.",
        "We will post the next update at 9 am.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
test_the_variants_are_found_by_the_outlook_rule = needed_rule_test(FAMILIES, "en", "en.outlook")
