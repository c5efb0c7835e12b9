"""Judgements fixed around round 47 of real published messages (``real-ru-r47-…``, ``real-en-r47-…``,
scored once blind, then read), as families of constructions in both languages: «это не от нас
зависит», a fault "elsewhere on the internet that we cannot fix ourselves", one customer's act as
the cause, the data centre that hosts us and its slow NOC (blame), a backup with another provider
and a lightning strike at the ISP (no blame); «до особого распоряжения» is no date; a past
"definitely" is no promise; «прорвало трубу» (what happened); students sent home, a week declared
a holiday, quarantine brought in, the water's quality changed, «работаем до 8 марта», SSH access
blocked (service status); our own "immediately" and "in the unlikely event" (no alarm); «я
благодарна» (empathy); «ЗАТО» is an acronym — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    EMPATHY,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "not up to us": (BLAME, True, [
        "Это не от нас зависит, а от погодных условий.",
    ], [
        "Это зависит от погодных условий.",
    ]),
    "no date at all": (SPECULATION, False, [
        "Распоряжение ректора: 18.09.20 вуз закрыт до особого распоряжения.",
    ], [
        "Распоряжение ректора: вуз закрыт до 25.09.",
    ]),
    "a pipe that burst": (WHAT_HAPPENED, False, [
        "Трубу теплоснабжения прорвало у нас. Работы уже ведутся.",
    ], [
        "Трубу теплоснабжения проверяют. Работы уже ведутся.",
    ]),
    "sent home, a holiday week, quarantine, water quality, open until": (SERVICE_STATUS, False, [
        "Студентов филфака отпустили с занятий.",
        "По приказу ректора текущая неделя для студентов объявлена каникулярной.",
        "В учреждении вводятся карантинные мероприятия.",
        "Из-за паводка изменилось качество холодной воды.",
        "Работаем до 8 марта, потом закрываемся.",
    ], [
        "Студентов филфака собрали в актовом зале.",
        "Из-за паводка уровень воды в реке поднялся.",
        "Мы работаем над устранением сбоя.",
    ]),
    "an acronym in capitals": (SHOUTING, False, [
        "Детский сад ЗАТО г. Островной сообщает о карантине.",
    ], [
        "Детский сад ЗАКРЫТ на карантин.",
    ]),
}

RU_FIRST: dict[str, Family] = {
    "thanks as a state": (EMPATHY, False, [
        "Кофейня закрылась. Я безумно благодарна людям, которые приходили к нам все эти годы.",
    ], [
        "Кофейня закрылась после четырёх лет работы.",
    ]),
}

EN: dict[str, Family] = {
    "a fault out of reach, a customer's act, our data centre, a slow NOC": (BLAME, True, [
        "Initial indications show this is a routing error elsewhere on the internet that we cannot fix ourselves.",
        "One of our customers has damaged the reputation of the server causing e-mail to be delayed.",
        "This seems to be a networking fault in the datacentre hosting our infrastructure.",
        "The issue will require manual intervention, but the NOC is slow to respond during the holiday weekend.",
    ], [
        "This is a routing error in our own network that we are fixing now.",
        "No email will be lost as we have a backup server with another ISP.",
        "After a nasty lightning strike at our ISP, we were left with no power.",
    ]),
    "the past, definitely": (SPECULATION, False, [
        "There's a 12-hour gap in your pageviews. I'm really sorry; it definitely ruined my day.",
    ], [
        "Your pageviews will definitely be recovered.",
    ]),
    "access blocked": (SERVICE_STATUS, False, [
        "We feel it would be better to block SSH access to our servers now.",
    ], [
        "We feel it would be better to review our servers now.",
    ]),
    "our own prompt action, an unlikely event": (ALARM, False, [
        "We will immediately increase the testing time for backup power supplies.",
        "In the unlikely event that you notice suspicious activity on your account, please notify us immediately.",
    ], [
        "All residents must leave immediately.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_ru_first_variants, test_ru_first_near_misses = family_tests(RU_FIRST, "ru", "first_notice")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
