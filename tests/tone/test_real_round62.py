"""Judgements fixed around round 62 of real published messages (``real-ru-r62-…``, ``real-en-r62-…``,
scored once blind, then read; a broker's and a job site's API teams, water utilities, flood
statements, hosting status trackers): «это ошибка биржи» puts the fault on the exchange (not the
exchange's own data centre); «выкатим фикс в течение часа», «должно уменьшиться», «надеемся, такого
не будет», «осмелюсь предположить», "it seems there was", "there should be no disruption",
"should be able to restore" and an "estimated duration" are guesses; "if you should have any
questions" blames nobody — and the near misses."""

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

EN: dict[str, Family] = {
    "a guess by its frame, a restore or a length hoped for": (SPECULATION, True, [
        "It seems there was an outage at our datacenter that affected many machines.",
        "Their backup generator will be used and there should be no disruption to the cloud.",
        "We should be able to restore service fairly quickly.",
        "Estimated duration: 540 minutes. Some network segments are offline.",
    ], [
        "There was an outage at our datacenter that affected many machines.",
        "Their backup generator will be used; the cloud runs on it.",
        "We have restored service.",
    ]),
    "a question welcome, no reproach": (BLAME, False, [
        "If you should have any questions or concerns, call City Hall at 770 382 9819.",
    ], [
        "You should have read the notice before calling.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
