"""English families behind round 19's misses (issue #13, ids ``real-en-r19-…``, now train): each
rule is for a construction, not for the round's wording. Every variant is written for this file
(other providers, utilities, schools, word orders, tenses), and each family has near misses on the
other side of the line.

Precision comes first: most families teach lint what *not* to report — a product the reader uses
named after a provider, a supplier who investigates, "urgent" as the kind of case a line is for,
a surge of demand, a name in capitals before its noun, a contact given in other words."""

from __future__ import annotations

from real_text import Family, family_tests

#: name → (category, reported: whether the variants must be reported, variants, near misses —
#: the other way round)
FAMILIES: dict[str, Family] = {
    # 1. a provider's product the reader uses is no party: "stay at home today where you should be
    #    able to access Microsoft 365" (en.blame-outside exceptions)
    "product-the-reader-uses": ("blame", False, [
        "Due to a network fault on campus, please work from home, where you can access Microsoft 365 as usual.",
        "Because of the outage at the school, lessons continue on Microsoft Teams today.",
        "After the power cut in the office, staff are using Microsoft Teams from home.",
        "The server failure means you should log into Microsoft Outlook on the web instead.",
        "Due to a systems issue at the depot, drivers are signing into Microsoft 365 on their phones.",
        "The building is closed due to a flood, so students can open Microsoft Word at home.",
    ], [
        "Due to a Microsoft outage, email is down across the campus.",
        "The outage was caused by a failure at Microsoft.",
        "Our website is offline because of an AWS issue.",
        "Email delivery is delayed due to a Microsoft issue this morning.",
    ]),
    # 2. the party as the one who fixes or investigates: "our third party supplier is investigating
    #    the issue", "ITS staff and our vendors worked on the problem throughout the night"
    #    (en.blame-outside exceptions)
    "party-fixing-the-problem": ("blame", False, [
        "Our third party supplier is currently investigating the issue as a matter of urgency.",
        "IT staff and our vendors worked on the problem throughout the night.",
        "The contractor is looking into the fault on the heating system.",
        "Engineers from our network provider are examining the fault this morning.",
        "Our hosting partner has been investigating these errors since 6 am.",
        "The supplier's technicians are working on this problem now.",
    ], [
        "The outage was caused by our hosting provider, who is investigating the issue.",
        "Our supplier had an outage overnight.",
        "An error at our payment processor stopped card payments.",
        "The contractor accidentally disconnected our fibre.",
    ]),
    # 3. what happened to the reader ("if you have had your appointment cancelled", have + object +
    #    participle) is no counterfactual blame ("if you had checked …") (en.blame-customer exceptions)
    "had-it-done-to-you": ("blame", False, [
        "If you have had your appointment or procedure cancelled, someone will call you to rearrange it.",
        "If you have had a payment declined this morning, please try again.",
        "If you had a flight cancelled yesterday, you can rebook online.",
        "If you have had your bin missed, leave it out tonight.",
        "If you had your card blocked, a new one is on its way.",
        "If you have had an order delayed, we will refund the delivery charge.",
    ], [
        "If you had updated the app, this would not have happened.",
        "If you had read our email, you would know.",
        "This is your fault.",
        "The payment failed because of user error.",
    ]),
    # 4. a named carrier, or any outside party, that has not acted: "BT have not yet allocated
    #    resource to fix the issue" (en.blame-outside party and problem)
    "party-that-has-not-acted": ("blame", True, [
        "BT have not yet allocated resource to fix the issue.",
        "Openreach still haven't sent an engineer to the exchange.",
        "Despite our calls, Virgin Media has yet to repair the line.",
        "Our landlord has not yet restored the heating.",
        "The contractor has still not turned up this morning.",
        "Vodafone refused to reroute our calls.",
    ], [
        "We have not yet found what broke the phone line.",
        "Our engineers have yet to repair the line.",
        "We are working with BT to restore the phone lines.",
        "We have reported the fault to Openreach.",
    ]),
    # 5. the customers' own use or leaks named as what drains the supply: "customers who had leaks
    #    and their meters were running wide open. This hurts the entire system", "overusage"
    #    (en.blame-customer)
    "customers-use-drains-supply": ("blame", True, [
        "We found several customers today who had leaks running wide open.",
        "If leaks and overusage are not addressed, everyone will be without water.",
        "Overuse by a few households has emptied the tanks.",
        "Excessive watering by residents is draining the reservoir.",
        "Every leaking meter hurts the entire system.",
        "Some homeowners who left leaks unrepaired are harming the whole village supply.",
    ], [
        "Demand for water is very high because of the hot weather.",
        "A leak on our main has emptied the reservoir.",
        "If you have a leak, please turn your meter off and call a plumber.",
        "Please use only the water you need while the tanks refill.",
    ]),
    # 6. a surge measured, not panic: "due to the unprecedented demand on our hospital services"
    #    (en.alarm exceptions)
    "surge-of-demand": ("alarm", False, [
        "Due to the unprecedented demand on our hospital services, some appointments are postponed.",
        "We are seeing unprecedented levels of calls this morning.",
        "An unprecedented number of orders has slowed deliveries.",
        "Unprecedented traffic to the website is making pages load slowly.",
        "The helpline is handling an unprecedented volume of enquiries.",
        "Because of unprecedented customer demand, stock is limited.",
    ], [
        "This is an unprecedented disaster for the town.",
        "We are facing unprecedented chaos on the network.",
        "The situation is a catastrophe.",
        "The flooding has been devastating.",
    ]),
    # 7. a hazard in general, named as what we watch for, or a spoiled sample, is no alarm: "caution
    #    to any potential threat to the safety of our residents", "due to contamination of that
    #    outdoor spigot" (en.alarm-risk exceptions)
    "hazard-in-general": ("alarm", False, [
        "We adhere to the highest standards of caution to any potential threat to our residents.",
        "We test the supply every day for any contamination.",
        "Any possible danger is reported to the state at once.",
        "The positive test was due to contamination of that outdoor spigot.",
        "The lab found the result came from a contaminated sample bottle.",
        "We think the reading was caused by contamination at one kitchen tap.",
    ], [
        "The water supply is contaminated; do not drink it.",
        "There is a threat to the water supply.",
        "Contamination has been found in the reservoir.",
        "Your data may be at risk.",
    ]),
    # 8. "urgent" as the kind of case a line is for: "you can get through for urgent matters"
    #    (en.alarm-urgency exceptions)
    "urgent-kind-of-case": ("alarm", False, [
        "You can still get through for urgent matters.",
        "You can phone us for urgent help.",
        "You can call us about urgent repairs.",
        "You can call us for urgent prescriptions.",
        "You can email us with urgent queries.",
        "Non-urgent requests can wait until Monday; you can phone us with urgent repairs.",
    ], [
        "You need to call us urgently.",
        "You must act now.",
        "You must reset your password immediately.",
        "This is urgent: you must move your car.",
    ]),
    # 9. the earliest time given as a bound is still a forecast: "the earliest the boil advisory could
    #    be lifted is late Wednesday" (en.speculation-forecast)
    "earliest-time-bound": ("speculation", True, [
        "If both samples are negative, the earliest the boil advisory could be lifted is late Wednesday.",
        "The earliest we can reopen the pool is next Monday.",
        "The soonest the line might reopen is Friday.",
        "Thursday at the earliest, according to the engineers.",
        "The earliest possible restoration date is 12 May.",
        "The earliest the crews will finish is tomorrow evening.",
    ], [
        "The earliest appointments are at 8 am.",
        "We will post the next update at 3 pm.",
        "Please book the earliest slot you can.",
        "The boil advisory was lifted on Wednesday.",
    ]),
    # 10. a belief about the cause, in the third person or the past: "the City Water Department
    #     believes the suspect test was due to contamination" (en.speculation-forecast)
    "belief-about-the-cause": ("speculation", True, [
        "The Water Department believes the bad test was due to a faulty tap.",
        "Engineers think the fault was caused by a lightning strike.",
        "Police suspect the fire is linked to the break-in.",
        "The council believed the leak was related to the roadworks.",
        "Our team thinks the outage may be due to a power surge.",
        "Investigators suspect that the damage was caused by vandals.",
    ], [
        "The bad test was due to a faulty tap.",
        "The fault was caused by a lightning strike.",
        "The council believes in telling residents everything it knows.",
        "Engineers replaced the faulty tap this morning.",
    ]),
    # 11. a start or an end foretold with "expected to": "this is expected to begin occurring no later
    #     than Saturday morning" (en.forecast)
    "expected-to-start-or-end": ("speculation", True, [
        "This is expected to begin occurring no later than Saturday morning.",
        "Deliveries are expected to start again by Thursday.",
        "The backlog is anticipated to clear by Friday.",
        "The water pressure is expected to improve by tonight.",
        "Normal service is projected to return on Monday.",
        "Pumping is forecast to restart tomorrow.",
    ], [
        "Customers are expected to pay by Friday.",
        "The next update is expected at 3 PM.",
        "Pumping resumed this morning.",
        "We will post the next update no later than Saturday morning.",
    ]),
    # 12. a restore in the future progressive: "we will be bringing customer access to our billing
    #     system back online shortly" (en.forecast)
    "restore-in-future-progressive": ("speculation", True, [
        "We will be bringing customer access to our billing system back online shortly.",
        "We will be putting the remaining customers back on supply by midnight.",
        "Crews will be reconnecting homes in the village tonight.",
        "We will be reopening the branch tomorrow morning.",
        "Engineers will be reconnecting the last streets by 9 PM.",
        "We will be switching the remaining servers back on later today.",
    ], [
        "We will be bringing you an update shortly.",
        "We brought the billing system back online at 10 am.",
        "We will be working to restore the supply.",
        "We will let you know as soon as the app is back online.",
    ]),
    # 13. a contact negated is no way to reach us: "they do not need to contact us", "we ask
    #     residents to not contact us unless absolutely necessary" (crisisplay.tone.english_cues)
    "contact-negated": ("missing-contact", True, [
        "Payments will be made to your account; you do not need to contact us.",
        "We ask residents to not contact us unless absolutely necessary.",
        "There is no need to call us about the outage.",
        "Please avoid calling us while the lines are busy.",
        "Customers don't have to contact us to get the refund.",
        "Please do not email us about the delay.",
    ], [
        "If you have any questions, do not hesitate to contact us.",
        "If the refund has not arrived, please contact us.",
        "You do not need to register: just call us.",
        "Please do not worry; contact us if anything looks wrong.",
    ]),
    # 14. a contact given in other words: "please call the elementary school", "we have diverted the
    #     phone to a mobile so you can get through", "in contact with you, through Weduc", "check
    #     before travelling via National Rail Enquiries" (lexicon `contact_channel`, english_cues)
    "contact-in-other-words": ("missing-contact", False, [
        "If you have any questions, please call the elementary school.",
        "Please ring the main office with any questions.",
        "We have diverted the phone to a mobile so you can get through.",
        "Calls are being redirected to our other office.",
        "We will be in contact with you, through Weduc, about the closure.",
        "Please check before travelling via National Rail Enquiries.",
    ], [
        "The school is closed today.",
        "We will be in touch with you to rearrange it.",
        "Flights are being routed through Heathrow today.",
        "We would ask you please not to call our hospitals.",
    ]),
    # 15. a name in capitals before its noun is no shouting: "the SCADA contractor", "IOMSPC
    #     engineers are working round the clock" (CP302, kinds/capitalization.py)
    "capital-name-before-its-noun": ("shouting", False, [
        "We are asking the SCADA contractor to add chlorine monitoring.",
        "IOMSPC engineers are working round the clock to resolve the issue.",
        "The carriers have declared an MBORC situation.",
        "Our NEXUS platform is back online.",
        "UNISON members will not be affected.",
        "The OFWAT guidance covers this case.",
    ], [
        "EVERY single customer needs to check their meter.",
        "Students and staff CAN use email from home.",
        "LIMITED staff are in the building today.",
        "Please read this IMPORTANT NOTICE about your water.",
    ]),
    # 16. the supply declared fit to use, a restriction lifted: "DEQ has decided to lift the boil
    #     order. The water is safe for all uses." (lexicon `available`)
    "supply-declared-fit": ("missing-service-status", False, [
        "Tests came back clear and the state has decided to lift the boil order.",
        "The boil water order has been lifted after the storm damage.",
        "The water is safe for all uses again after the main break.",
        "Following the burst main, tap water is safe to drink.",
        "After the flood at the plant, the supply is fit to drink.",
        "We have lifted the do not drink order issued after the leak.",
    ], [
        "We are sorry about the main break.",
        "A boil water order was issued after the main break.",
        "The storm damaged the treatment plant.",
        "We are working to fix the burst main.",
    ]),
    # 17. a shortage or a low level is what happened, and so is the emergency declared over it:
    #     "Declaration of Water Emergency", "water is at historically low levels" (lexicon
    #     `what_happened`)
    "shortage-or-declared-emergency": ("missing-what-happened", False, [
        "Water Emergency - water is at historically low levels. Please use less water.",
        "The council has declared a water emergency; hosepipes may not be used.",
        "Declaration of Drought Emergency, effective today. Please use less water.",
        "Reservoir levels are critically low, so outdoor watering is banned.",
        "A drought has left the splash park without water.",
        "A shortage of drivers means your bin is not collected today.",
    ], [
        "The splash park is not open.",
        "Outdoor watering is banned until further notice.",
        "Your bin is not collected today.",
        "Please use less water.",
    ]),
    # 18. an update cue in the simple past is news given before, not the next update: "our head cook
    #     notified our Maintenance Director that there was no water … this morning"
    #     (crisisplay.tone.english_cues)
    "news-given-before": ("missing-next-update", True, [
        "This morning our head cook notified our maintenance director that there was no water.",
        "The council informed residents about the closure on Monday.",
        "Our engineer notified the supplier at 9 am.",
        "The head teacher informed parents at 8 am that the school is closed.",
        "Staff notified the fire service at 3 PM.",
        "We posted on Facebook at 10 am that the store was closed.",
    ], [
        "You will be notified by 5 PM today.",
        "We will keep the school community informed at 3 PM.",
        "Residents will be informed tomorrow morning.",
        "We will post an update on Facebook at 10 am.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
