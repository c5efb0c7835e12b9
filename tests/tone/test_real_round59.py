"""Judgements fixed around round 59 of real published messages (``real-ru-r59-…``, ``real-en-r59-…``,
scored once blind, then read), as families of constructions: «Ракетная опасность» and a drill of
the warning system say what happened; «нас блокируют», «РКН их банит» put it on others, like a
platform that "had an outage"; «походу», «рано или поздно пофиксим», a release "in few hours" and
"it will be up shortly" are guesses; a supply that "reached a critical state" and a "water shortage
crisis" raise alarm — and the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "a threat declared, a drill of the sirens": (WHAT_HAPPENED, False, [
        "Внимание! Ракетная опасность в Свердловской области. Будьте бдительны!",
        "Завтра в 13:00 состоится плановая проверка работоспособности звуковой системы оповещения населения.",
        "Просим с пониманием отнестись к проведению комплексных учений.",
    ], [
        "Оставайтесь в безопасном месте до сигнала «Отбой ракетной опасности».",
        "Будьте бдительны и следите за сообщениями.",
    ]),
    "blocked now, by an unnamed they or a regulator": (BLAME, True, [
        "Там нас блокируют по первому чиху.",
        "РКН их тоже банит целыми подсетями, так что используйте VPN.",
    ], [
        "Мы блокируем подозрительные аккаунты, чтобы защитить вас.",
        "Вы блокируете сайт своим антивирусом, добавьте его в исключения.",
    ]),
    "a guess in slang, a fix some day": (SPECULATION, True, [
        "Походу поменяли API, буду разбираться.",
        "Рано или поздно мы это пофиксим.",
    ], [
        "Поменяли API, буду разбираться.",
        "Мы это исправили вчера.",
    ]),
}

EN: dict[str, Family] = {
    "a platform down as the cause": (BLAME, True, [
        "The bot was offline because Discord had an outage and it could not reconnect.",
        "Messages were delayed because Telegram was experiencing an outage.",
    ], [
        "Join our Discord for updates while the site is down.",
        "We had an outage and the bot could not reconnect.",
    ]),
    "a release or a restart foretold": (SPECULATION, True, [
        "New version will be released in few hours.",
        "The bot went offline. It will be up shortly.",
        "The servers will be powered up by 3pm.",
    ], [
        "Parts of the school will need to be dug up for the repairs today.",
        "A new version was released an hour ago.",
    ]),
    "a supply at its limit, a crisis of a hazard": (ALARM, True, [
        "Supply levels have reached a critical state, affecting the town's ability to provide water.",
        "The office has been evacuated due to the area's flooding crisis.",
    ], [
        "The library closed during the Covid-19 crisis.",
        "Supply levels are low; please use water sparingly.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
