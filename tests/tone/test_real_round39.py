"""Judgements fixed after round 39 of real published messages (``real-ru-r39-…``, ``real-en-r39-…``,
scored once blind, then read), as families of constructions in both languages: another company's
works by its legal form as the cause («из-за работ ООО «…»»); the usual schedule is no forecast
(«Как обычно, свет отключат в 9:00»); a short circuit as what happened; the rest «в полном
порядке» as what works; understanding asked of a party is no blame; a local emergency declared;
a promise that it will not happen again ("I will ensure …", not "steps to ensure …"); the cause
denied in the active ("We do not cause these outages"); a supplier's inability to supply; an
outlook through a named day; a company's site after "via" as a contact — and the near misses:
crews of a company at work, our own inability, "the project for weeks", "severe technical
difficulties", "an urgent claim"."""

from __future__ import annotations

from real_text import ALARM, BLAME, CONTACT, SERVICE_STATUS, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "another company's works by its legal form as the cause": (BLAME, True, [
        "Из-за работ ООО «Стройсервис» нет воды.",
        "Вследствие плановых работ ТОО «Энергосеть» горячей воды не будет до вечера.",
    ], [
        "В настоящее время на работах задействованы 3 бригады ПАО «Россети».",
        "Рассчитываем на понимание со стороны лиги.",
    ]),
    "the usual schedule is no forecast": (SPECULATION, False, [
        "Как обычно, свет отключат в 9:00, его не будет до 16:00.",
    ], [
        "Обычно такие работы занимают до нескольких часов.",
    ]),
    "a short circuit, the rest in order": (SERVICE_STATUS, False, [
        "В аквапарке произошло короткое замыкание, пострадало кафе. Вся остальная территория, а также "
        "водные горки в полном порядке.",
    ], [
        "В аквапарке произошло короткое замыкание.",
    ]),
    "a short circuit as what happened": (WHAT_HAPPENED, False, [
        "В аквапарке произошло короткое замыкание, пострадало кафе.",
    ], [
        "Пострадало кафе.",
    ]),
}

EN: dict[str, Family] = {
    "a local emergency declared": (ALARM, True, [
        "The declaration of a local emergency allows the City to expedite the procurement of equipment.",
        "The council has declared a local emergency.",
    ], [
        "We have experienced severe technical difficulties with eStudent over the past 36 hours.",
        "Customers who have an urgent claim can call us.",
    ]),
    "a promise that it will not happen again": (SPECULATION, True, [
        "I will ensure that this does not happen again.",
        "We are resuming some flights but expect schedule disruptions to continue throughout Friday.",
    ], [
        "We are taking steps to ensure it does not happen again.",
        "Cancelling the maintenance would have delayed the project for weeks or months.",
    ]),
    "the cause denied, a supplier's inability": (BLAME, True, [
        "We do not cause these outages and would prevent them if we could.",
        "Our intermittent supply is a result of ECG's inability to supply adequate power to the plant.",
    ], [
        "We apologise for our inability to supply enough water this week.",
    ]),
    "a short circuit as what happened": (WHAT_HAPPENED, False, [
        "There was a short circuit at the substation, and power is off in the town centre.",
    ], [
        "Power is off in the town centre.",
    ]),
    "a company's site after via": (CONTACT, False, [
        "We have issued a waiver to make it easier to change travel plans via United.com or the United app.",
    ], [
        "Globat.com apologises for the outage.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
