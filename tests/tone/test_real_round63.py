"""Judgements fixed around round 63 of real published messages (``real-ru-r63-…``, scored once
blind, then read; Ukrainian and Moldovan publishers in Russian): a delay as it stands («сейчас 15
поездов задерживаются более чем на полчаса») and a repair time that has already moved are no
forecast; a body we inform is no cause («информирует правоохранительные органы»); a regime of
heightened readiness declared raises alarm — and the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "a delay as it stands, a time already moved": (SPECULATION, False, [
        "Сейчас 15 поездов задерживаются более чем на полчаса.",
        "Срок ремонта сдвинулся на несколько часов.",
    ], [
        "Обновление задерживается на несколько дней из-за технических сложностей.",
        "Срок ремонта — несколько часов.",
    ]),
    "a body we inform": (BLAME, False, [
        "О таких случаях «Киевстар» безотлагательно информирует правоохранительные органы, "
        "согласно требованиям законодательства.",
    ], [
        "Роспотребнадзор рекомендовал перенести фестиваль на осень.",
    ]),
    "readiness declared with a gas crisis": (ALARM, True, [
        "Из-за газового кризиса введён режим повышенной готовности, станции закрыты.",
    ], [
        "Станции закрыты на плановый ремонт.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
