"""Judgements fixed around round 62 of real published messages (``real-ru-r62-…``, scored once
blind, then read; a broker's and a job site's API teams, water utilities, flood statements): «это
ошибка биржи» puts the fault on the exchange (not the exchange's own data centre); «выкатим фикс в
течение часа», «должно уменьшиться», «надеемся, такого не будет», «осмелюсь предположить» are
guesses — and the near misses."""

from __future__ import annotations

from real_text import BLAME, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "the exchange's error": (BLAME, True, [
        "Добрый день, это ошибка биржи, работаем над исправлением.",
    ], [
        "Произошёл сбой сетевого оборудования в дата-центре биржи, торги остановлены.",
        "Добрый день, это наша ошибка, работаем над исправлением.",
    ]),
    "a fix by a time, a hope, a guess": (SPECULATION, True, [
        "По 500 нашли проблему, выкатим фикс в течение часа.",
        "Улучшили сетевую связанность, количество таких событий должно уменьшиться.",
        "Подкорректировали, надеемся такого не будет.",
        "Осмелюсь предположить, что проблема у вас локальная.",
    ], [
        "По 500 нашли проблему, фикс выкатили.",
        "Улучшили сетевую связанность, количество таких событий уменьшилось.",
        "Подкорректировали. Если повторится, будем искать причину.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
