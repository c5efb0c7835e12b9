"""Judgements fixed around round 48 of real published messages (``real-ru-r48-…``, ``real-en-r48-…``,
scored once blind, then read), as families of constructions in both languages: «на нашей стороне
сбоя нет» (blame, and no event); a start not allowed yet (service status); a flood rising, an app
update under way, power interruptions as the cause (what happened; not the customers' own
supply); an IPv4 address is no phone number; a status-page label in capitals ("RESOLVED -",
"UPDATE:") shouts, as fourteen of the sixteen real notices that carry one are labelled — and the
near misses."""

from __future__ import annotations

from real_text import BLAME, CONTACT, SERVICE_STATUS, SHOUTING, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "no failure on our side": (BLAME, True, [
        "Сообщаем, что на нашей стороне сбоя нет.",
    ], [
        "Сбой на нашей стороне, мы его устраняем.",
    ]),
    "a failure denied is no event": (WHAT_HAPPENED, True, [
        "Сообщаем, что на нашей стороне сбоя нет.",
    ], [
        "Сообщаем, что на нашей стороне произошёл сбой.",
    ]),
    "not allowed to start yet": (SERVICE_STATUS, False, [
        "Пока аномально тёплое начало зимы не позволяет запустить весь комплекс трасс.",
    ], [
        "Пока зима выдалась аномально тёплой.",
    ]),
    "a flood rising, an update under way, power interruptions as the cause": (WHAT_HAPPENED, False, [
        "Паводковая ситуация в Оренбурге остаётся напряжённой, жителей просят покинуть дома.",
        "За последние десять часов уровень воды в Урале поднялся на 40 см.",
        "Обновляется мобильное приложение и интернет-банк, поэтому вход временно недоступен.",
        "Перебои с электричеством сказываются на работе сети.",
    ], [
        "Жителей просят покинуть дома.",
        "Вход в мобильное приложение временно недоступен.",
        "Очень сожалеем, что горожане испытывают перебои с теплоснабжением.",
    ]),
}

EN: dict[str, Family] = {
    "an address on the internet": (CONTACT, True, [
        "Hackers made a modified ISO and pointed our website to a server at 5.104.175.212.",
    ], [
        "Hackers made a modified ISO. Please call 020 7946 0018 if you downloaded it.",
    ]),
    "a status label in capitals": (SHOUTING, True, [
        "RESOLVED - This issue has now been fully resolved.",
        "This is now RESOLVED - our phone system is working again.",
    ], [
        "This issue has now been fully resolved.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
