"""Judgements fixed around round 46 of real published messages (``real-ru-r46-…``, ``real-en-r46-…``,
scored once blind, then read), as families of constructions in both languages: water below its
quality, a place to keep away from (not trips in general), an event that cannot take place, a
closure needed, an ED "extremely busy", the rest of a recall "not affected" (service status); a
recall with its reason (what happened); the emergency line's «попали в беду» (no alarm); a party
that "didn't even call", trouble placed outside the airport (blame), a review we cooperate with
(no blame); what we will know, or never know, is no forecast and no promise; a hashtag in
capitals is no shout; "connect with their respective airlines" is a contact — and the near
misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, CONTACT, SERVICE_STATUS, SHOUTING, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "turbid water, a place to avoid, an event that cannot be held, a closure needed": (SERVICE_STATUS, False, [
        "Вода будет подаваться с повышенной мутностью. Рекомендуется кипятить воду.",
        "Настоятельно рекомендуется воздержаться от прохода и проезда по указанному участку.",
        "В нынешних реалиях данное мероприятие состояться не сможет.",
        "Посетителей становится больше, и именно поэтому необходимо закрыть детскую территорию.",
    ], [
        "В связи с ветром рекомендуем воздержаться от поездок.",
        "Посетителей становится больше с каждым днём.",
    ]),
    "the emergency line's formula": (ALARM, False, [
        "Если вы попали в беду или стали свидетелем происшествия, звоните по телефону 112.",
    ], [
        "Случилась беда: произошла авария на центральном оборудовании.",
    ]),
}

EN: dict[str, Family] = {
    "an ED extremely busy, the rest of a recall not affected": (SERVICE_STATUS, False, [
        "Our emergency department is extremely busy this afternoon.",
        "We are recalling the above product because some packs may contain metal. No other products are affected.",
    ], [
        "Our emergency department staff thank you for your patience this afternoon.",
    ]),
    "a recall with its reason": (WHAT_HAPPENED, False, [
        "Rathbones Kear is recalling the above product because some packs may contain small pieces of metal.",
    ], [
        "Rathbones Kear has an update about the above product.",
    ]),
    "a party that didn't even call, trouble outside the airport": (BLAME, True, [
        "The worst part of it was that our landlord didn't even call us when it happened.",
        "Passengers should allow extra time owing to a temporary network interruption outside the airport.",
    ], [
        "The worst part of it was that we didn't notice it when it happened.",
        "Optus looks forward to fully cooperating with the proposed reviews by the ACMA into yesterday's outage.",
    ]),
    "what we will know, or never know": (SPECULATION, False, [
        "We expect to know more by early afternoon today about the repair.",
        "Somehow, and we will never know how, we were infected.",
    ], [
        "We expect to have the repair finished by early afternoon today.",
        "This will never happen again.",
    ]),
    "a hashtag in capitals": (SHOUTING, False, [
        "Our #SWAHED is busy this afternoon. Please only come if you have an emergency.",
    ], [
        "Our ED is busy this afternoon. PHONE FIRST before attending.",
    ]),
    "the airline to connect with": (CONTACT, False, [
        "Passengers are requested to kindly connect with their respective airlines.",
    ], [
        "Passengers are requested to allow additional time for check-in.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
