"""Judgements fixed after round 43 of real published messages (``real-ru-r43-…``, ``real-en-r43-…``,
scored once blind, then read), as families of constructions in both languages: closed until a time
(«аэропорт закрыт до 17.00») and «на следующей неделе» as forecasts; the residents' act as the
cause («жильцы бросают в канализацию»); the light back and shelters open as what works; a bomb
threat (alarm and what happened), a ransom demand and contamination as what happened (a notice
of a possible contamination is no alarm; contamination of the supply still is); an evacuation
and "continue to travel" as what is down or works; the whole industry hit too, "unforeseen
circumstances", a contamination at a supplier (blame), crews at work and a company apologising
by its two-word name (no blame); hedged confidence, "on track to", "during … Wednesday evening";
a threat handled; a weekday in capitals; "network challenges" — and the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SERVICE_STATUS, SHOUTING, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "closed until a time": (SPECULATION, True, [
        "Аэропорт Советской Гавани закрыт до 17.00 в связи с очисткой взлётно-посадочной полосы.",
        "Аэропорт будет закрыт до 16:00 местного времени.",
    ], [
        "Аэропорт Советской Гавани закрыт в связи с очисткой взлётно-посадочной полосы.",
    ]),
    "next week as a time": (SPECULATION, True, [
        "По словам УК, на следующей неделе все работы будут выполнены.",
    ], [
        "По словам УК, все работы выполнены.",
    ]),
    "the residents' act as the cause": (BLAME, True, [
        "Они пробивают трубы, потому что жильцы бросают в канализацию средства гигиены.",
    ], [
        "Они пробивают трубы в подвале дома.",
    ]),
    "the light back, shelters open": (SERVICE_STATUS, False, [
        "Специалисты восстанавливают энергосистему. Почти во всех районах уже есть свет.",
        "Продолжается эвакуация жителей. Пункты временного размещения развёрнуты в здании детского сада.",
    ], [
        "Специалисты восстанавливают энергосистему.",
        "Подготовьтесь к эвакуации в пункты временного размещения, где будет организовано питание.",
    ]),
}

EN: dict[str, Family] = {
    "a bomb threat": (ALARM, True, [
        "There are emails being sent to school districts indicating that there are bombs placed in schools.",
    ], [
        "There are emails being sent to school districts about the new timetable.",
    ]),
    "contamination named, a threat handled": (ALARM, False, [
        "Meijer received notice of a possible Listeria contamination from Fresh-Pak.",
        "Our team pulled critical systems offline to begin analyzing the threat.",
        "One of our advanced threat protection systems alerted us.",
    ], [
        "Your data is under threat.",
    ]),
    "a bomb threat, a ransom demand, contamination as what happened": (WHAT_HAPPENED, False, [
        "There are emails being sent indicating that there are bombs placed in schools.",
        "We received a message that somebody had access to our network, and they're going to hold it for ransom.",
        "Meijer received notice of a possible Listeria contamination.",
    ], [
        "We received a message from the school board.",
        "Meijer received notice from Fresh-Pak.",
    ]),
    "an evacuation, going ahead as planned, network challenges": (SERVICE_STATUS, False, [
        "All students are exiting the school building to a safe place on campus.",
        "Qantas passengers should continue to travel to the airport for their upcoming flight.",
        "We apologize for the network challenges being experienced by subscribers.",
    ], [
        "All students are safe.",
        "Qantas passengers should check the news.",
        "We apologize for the challenges.",
    ]),
    "the whole industry, unforeseen circumstances, a contaminated supply": (BLAME, True, [
        "This affected not only Safaricom but the entire industry.",
        "KE regrets the inconvenience caused to valued customers due to unforeseen circumstances.",
        "We received notice of a possible Listeria contamination from our supplier.",
    ], [
        "This affected many of our customers.",
        "KE regrets the inconvenience caused to valued customers.",
        "We found a possible Listeria contamination in our own plant.",
    ]),
    "crews at work, a company apologising": (BLAME, False, [
        "The utility has 93 Nova Scotia Power and contractor crews and 27 tree cutting crews working today.",
        "MTN Ghana wishes to apologize for the network challenges. MTN sincerely apologizes once again.",
    ], [
        "The outage was caused by our supplier cutting a cable.",
        "Our customers are affected by an MTN outage.",
    ]),
    "hedged confidence, a thought offered": (SPECULATION, True, [
        "We're pretty confident that this is not a local event.",
        "We don't think there is any safety compromise today.",
    ], [
        "This is not a local event.",
        "There is no safety compromise today.",
    ]),
    "on track, during an evening": (SPECULATION, True, [
        "Departures out of Auckland are on track to resume from 12noon today.",
        "Service is expected to restore fully during the course of Wednesday evening.",
    ], [
        "Departures out of Auckland resumed at 12noon today.",
        "Service was restored during the course of Wednesday evening.",
    ]),
    "a weekday in capitals": (SHOUTING, False, [
        "As of 12:30 p.m. today (WEDNESDAY) Nova Scotia Power has restored power to most customers.",
    ], [
        "As of 12:30 p.m. today WE HAVE restored power to most customers.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
