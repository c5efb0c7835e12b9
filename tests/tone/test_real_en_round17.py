"""English families behind round 17's misses (issue #13, ids ``real-en-r17-…``, now train): each
rule is for a construction, not for the round's wording. Every variant is written for this file
(other verbs, nouns, subjects, word orders, tenses, registers: utility, telecom, school, shop,
hospital, airline, council), and each family has near misses on the other side of the line: a
promise or forecast that still counts, a next-update time, a past event, a done repair, our own
fault owned, a crime against us, an aim without a time.

Precision comes first: five of the ten families teach lint what *not* to report."""

from __future__ import annotations

from real_text import Family, family_tests

#: name → (category, reported: whether the variants must be reported, variants, near misses —
#: the other way round)
FAMILIES: dict[str, Family] = {
    # 1. a promise disclaimed ("we can't guarantee", "unable to promise", "no guarantee"): neither
    #    the promise word nor the forecast inside it (en.speculation exceptions, en.forecast unless)
    "disclaimed-promise": ("speculation", False, [
        "Engineers are working through the night, but we can't guarantee that all customers will be back on tonight.",
        "We cannot guarantee that every home will have power restored by midnight.",
        "We are unable to promise that the app will be working again by 5 PM.",
        "There is no guarantee that the line will be fixed tomorrow.",
        "Unfortunately we can’t promise the branch will reopen on Monday.",
        "We are not able to confirm the water will be back on by this evening.",
        "We don't guarantee that deliveries will be back to normal this week.",
    ], [
        "We guarantee that all customers will be back on supply tonight.",
        "Power will be back on for all customers tonight.",
        "We promise the branch will reopen on Monday.",
        "We can guarantee your data is completely safe.",
    ]),
    # 2. "never" as a habit or a counterfactual: no promise (en.speculation: "never" needs a
    #    future or a modal before it, or "again")
    "never-habit": ("speculation", False, [
        "The decision to close the school is never taken lightly.",
        "Shortfalls that we would never have intended for our customers.",
        "A closure like this is never easy for families.",
        "Our engineers never leave a site unsafe.",
        "Staff never carry cash on the collection rounds.",
        "We would never knowingly put a patient's data in danger.",
    ], [
        "This will never happen again.",
        "We'll never let this happen again.",
        "This can never happen.",
        "Never again will customers wait this long.",
        "Your data is never going to be sold.",
    ]),
    # 3. a plan of work with a span of time: no restore time ("=working", people at work)
    "work-plan": ("speculation", False, [
        "Colleagues will be uploading work onto Frog in order of their timetable for the day.",
        "Teachers will be setting work on Teams for the rest of the day.",
        "Staff will be working from home for the day.",
        "Engineers will be working overnight on the damaged main.",
        "Our crews will be working around the clock for the next few days.",
        "Volunteers will be handing out work packs throughout the morning.",
    ], [
        "Card payments will be working again by 5 PM.",
        "The app will be back by 3 PM.",
        "The school will be open as normal tomorrow.",
        "Phone lines will be working normally from Tuesday.",
    ]),
    # 4. restore forecasts, confidence, assurances and guesses in other shapes
    "forecast-shapes": ("speculation", True, [
        "Engineers have finished planning the repair and power will return to most homes over the next few hours.",
        "Should be finished by lunchtime.",
        "We won't be open for the rest of today, but we'll re-open at 8am tomorrow.",
        "If your bin was missed, please leave it out and our crews will collect today.",
        "We are confident that we will continue to meet demand throughout the sale.",
        "We're optimistic the new pumps will cope this weekend.",
        "No records were lost, so we can assure the patients that no data has gone.",
        "We want to reassure customers that no card details were taken.",
        "Initial checks show the fibre appears to have been deliberately cut.",
        "It seems the cable was damaged by a digger.",
        "The splicing should be done by tonight.",
    ], [
        "We will post the next update at 3 PM.",
        "The fibre was cut deliberately; police are investigating.",
        "I can reassure you that our engineers are doing all they can to get your lights back on.",
        "We are confident in our engineers.",
        "We reopened at 8am this morning.",
        "You do not need to take any action; we will collect the payment next month.",
        "The message that appears on screen tells you what to do.",
        "Our crews collected the missed bins today.",
        "Our team will return your call today.",
    ]),
    # 5. "emergency" as the noun naming the situation (en.alarm)
    "emergency-noun": ("alarm", True, [
        "We could not give more notice due to the nature of the emergency.",
        "This emergency has closed the school for the day.",
        "There is an emergency on site and the building has been evacuated.",
        "Staff are dealing with the emergency at the depot.",
        "Because of the current emergency, all visits are cancelled.",
        "The ongoing emergency means the clinic stays shut.",
    ], [
        "Emergency works are under way at the intake.",
        "Our emergency crews are on site.",
        "In an emergency, call 999.",
        # conditional advice with a word before "emergency" (the lead, 2026-12-07)
        "Please call 999 in a life-threatening emergency.",
        "In a medical emergency, always dial 999.",
        "If you have a genuine emergency, call 111.",
        "If you have an emergency, please use our emergency contact number.",
        "Emergency repairs to the main finished at noon.",
        "The emergency services attended the scene.",
    ]),
    # 6. restoration in progress says what works (lexicon `degraded`): CP311 quiet
    "restoring-status": ("missing-service-status", False, [
        "Progressive restorations underway. Next update at 2 PM.",
        "Power restoration is ongoing across the county.",
        "Reconnections are continuing street by street.",
        "Restoration is in progress across Maitland.",
        "Phased reconnection of homes began at noon.",
        "Water supplies should return over the next few hours.",
        "With the fibres rejoined, services will restore one by one.",
    ], [
        "We are working to restore service.",
        "Engineers are on site.",
        "Restoration of services is our priority.",
        "We will restore your service as soon as possible.",
    ]),
    # 7. a time before a promise of news named by what it gives (lexicon `update_cue`): CP313 quiet
    "timed-news": ("missing-next-update", False, [
        "Within the next 24 hours, as testing continues, we will provide an estimated restoration schedule.",
        "By 5 PM we will publish a restoration plan.",
        "By noon we will give you a revised timetable for the trains.",
        "Within two hours we will send customers an estimated time of repair.",
        "At 3 PM we will publish a revised timetable for Monday.",
        "By the end of the day we'll give you a new estimate for the works.",
    ], [
        "We will provide bottled water at the school from 3 PM.",
        "We will provide an estimated restoration schedule soon.",
        "We will share a restoration plan.",
        "The restoration plan was published this morning.",
    ]),
    # 8. the industry or the unavoidable as the excuse (en.blame)
    "industry-excuse": ("blame", True, [
        "Our operations have been disrupted by the industry's complex and unavoidable challenges.",
        "Regrettably, things are not business as usual in our industry globally.",
        "Industry-wide staff shortages have led to these delays.",
        "These delays reflect problems facing the whole aviation sector.",
        "Unavoidable circumstances meant the clinic had to close early.",
    ], [
        "Across the industry, there has been a troubling rise in vandalism and copper theft.",
        "Repairs to the vandalised cables were completed overnight.",
        "Storm Eunice brought down power lines across the county.",
        "The failure was our fault: a disk we should have replaced.",
        "We have shared what we learned with the rest of the industry.",
    ]),
    # 9. weather or water named as the event (lexicon `what_happened`): CP310 quiet
    "weather-event": ("missing-what-happened", False, [
        "Early this morning winds of over 70mph caused damage to trees and power lines.",
        "Our store had some water ingress overnight.",
        "Gales brought down several trees on the line.",
        "Lightning struck the substation last night.",
        "Gusts of 80mph tore the roof off the depot.",
        "The hail caused damage to our greenhouses.",
        "Water damage in the kitchen means there are no hot meals today.",
    ], [
        "We were unable to collect some bins in parts of the town yesterday.",
        "Due to come in for an appointment today? Please assume it is cancelled due to a major incident.",
        "The surgery is closed due to unforeseen circumstances.",
        "Some customers cannot log in to online banking.",
    ]),
    # 10. a name in capitals the text repeats as its subject is no shouting (CP302)
    "caps-name": ("shouting", False, [
        "DOWASCO apologizes to customers for the interruption to their water supply. DOWASCO would like to assure "
        "these customers that we are working to fix it.",
        "NAWASA wishes to advise customers of works in the north. NAWASA apologises for the inconvenience.",
        "CARICOM confirms the meeting is postponed. CARICOM thanks members for their patience.",
        "The Water and Sewerage Company (WASCO) regrets the interruption. WASCO would like to thank customers.",
        "JAMPRO has moved its offices. JAMPRO asks visitors to call ahead.",
        "ENWIN reports that power is back for most homes. Crews from ENWIN remain on site.",
    ], [
        "Gas Leak Update: SCHOOL CLOSED 14/3",
        "Please CALL us now. Please CALL us today.",
        "PLEASE do not travel. PLEASE call us.",
        "ALL WATER SYSTEMS WILL BE SWITCHED OFF tonight. NAWASA apologises. NAWASA thanks you.",
        "DOWASCO IS CLOSED TODAY. DOWASCO IS SORRY.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
