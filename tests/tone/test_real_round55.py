"""Judgements fixed around round 55 of real published messages (``real-ru-r55-…``, ``real-en-r55-…``,
scored once blind, then read), as families of constructions: a truck as the doer of the damage
(«повреждение газовых сетей грузовым КамАЗом») is blame, relatives whose visits are stopped are
not culprits, and a contractor kept from its round by the weather is no blame; a way made
impossible («проезд станет невозможен», not «ремонт был невозможен») and water use restricted
are service status; the weather's forecast turn for the worse is the forecasters', not ours; "a
declaration of emergency" is alarm, weather that "played havoc" is not; "on the earliest possible
date" is as soon as possible, no guess; "we hope you are staying warm and dry" is empathy — and
the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    EMPATHY,
    SERVICE_STATUS,
    SPECULATION,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "a truck as the doer": (BLAME, True, [
        "Газ отключён после повреждения газовых сетей грузовым КамАЗом.",
    ], [
        "Временно приостановлены посещения пациентов родственниками в отделениях стационара.",
    ]),
    "a way made impossible": (SERVICE_STATUS, False, [
        "На время, пока мост будет разведен, проезд и проход через реку станут невозможны.",
        "Проезд по мосту невозможен.",
    ], [
        "Во время морозов полноценный ремонт был невозможен.",
    ]),
    "the weather's forecast turn": (SPECULATION, False, [
        "Вечером 29 октября и до утра 31 октября прогнозируется ухудшение погодных условий.",
    ], [
        "Ожидаем, что к вечеру 31 октября паром заработает.",
    ]),
}

EN: dict[str, Family] = {
    "the weather named first is the cause": (BLAME, False, [
        "Due to the current wet weather event, the Council's Waste Collection Contractor may not be able to "
        "collect all bins.",
    ], [
        "We recover from a flood caused by a burst pipe in a flat above the shop.",
        "Our waste collection contractor failed to collect the bins.",
    ]),
    "water use restricted": (SERVICE_STATUS, False, [
        "Water use restrictions apply to all residents.",
        "A hosepipe ban is in place across the county.",
    ], [
        "Water use is rising across the county.",
    ]),
    "a declaration of emergency; no havoc played": (ALARM, True, [
        "A county-wide declaration of emergency exists within the county.",
    ], [
        "Wind and rain played havoc with trees and power lines this morning.",
    ]),
    "as soon as possible is no guess": (SPECULATION, False, [
        "If your bin is due today, please leave it out and it will be collected on the earliest possible date.",
    ], [
        "It will likely be collected on Thursday.",
    ]),
}

#: Empathy is asked of a first notice.
EN_FIRST: dict[str, Family] = {
    "the reader's wellbeing hoped for": (EMPATHY, False, [
        "We hope all of you are staying warm and dry today.",
        "We hope everyone is keeping safe.",
    ], [
        "We hope to reopen later this week.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST, "en", "first_notice")
