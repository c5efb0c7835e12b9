"""Judgements fixed after round 41 of real published messages (``real-ru-r41-…``, ``real-en-r41-…``,
scored once blind, then read), as families of constructions in both languages: a road accident
of others as the cause («из-за ДТП двух автомобилей»); "we were ready, others were not"; our
product defended while it is withdrawn; «волноваться нечего» as a promise, and a reassurance as
no empathy; the culprits promised («обязательно их выявим»); a guess by its degree («вполне
вероятны»); a decision by what it set («утверждён период каникул»); a product taken off sale; a
form or a desk to reach; the public's act as the cause ("caused by persons cutting trees"); a
service outside us as the cause; a past expectation told as history; an ability, not a guess; a
notice's formula ("effective immediately"); without light, a ban on a use, power cut by rota as
what is down; works on a structure begun; a helpline by its name; names in capitals (a name as
the subject that opens its sentence, from round 40: "MPESA is currently unavailable"; a
numbered product, "PAYDAY 3"; a public body, "the NEPRA Authority"); services that returned —
and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "a road accident of others as the cause": (BLAME, True, [
        "На ул. Судостроительной из-за ДТП двух автомобилей на путях задерживаются трамваи №47 и 49.",
    ], [
        "В результате ДТП никто не пострадал, машина повреждена.",
    ]),
    "we were ready, others were not": (BLAME, True, [
        "Клуб был готов провести этот матч в установленные сроки, однако матч перенесён.",
    ], [
        "Мы были готовы к такому развитию событий.",
    ]),
    "our product defended while it is withdrawn": (BLAME, True, [
        "Несмотря на то, что мы уверены в безопасности нашей продукции, мы приняли решение изъять её из оборота.",
    ], [
        "Мы приняли решение изъять продукцию из оборота.",
    ]),
    "nothing to worry about": (SPECULATION, True, [
        "Все эти карты были перевыпущены, поэтому клиентам тоже волноваться нечего.",
    ], [
        "Все эти карты были перевыпущены.",
    ]),
    "the culprits promised": (SPECULATION, True, [
        "Мы обязательно их выявим и привлечём к ответственности.",
    ], [
        "Мы проводим расследование вместе с правоохранительными органами.",
    ]),
    "a guess by its degree": (SPECULATION, True, [
        "Не приобретайте билеты у спекулянтов, так как вполне вероятны подделки.",
    ], [
        "Не приобретайте билеты у спекулянтов: среди них есть подделки.",
    ]),
    "a decision by what it set": (WHAT_HAPPENED, False, [
        "Штабом утверждён единый двухнедельный период осенних каникул для всех школ.",
        "Обновлённое расписание согласовано с заказчиком данного рейса.",
    ], [
        "Дети будут отдыхать две недели.",
    ]),
    "a product taken off sale": (SERVICE_STATUS, False, [
        "Мы приняли решение изъять из оборота молочную продукцию.",
    ], [
        "Мы приняли решение проверить молочную продукцию.",
    ]),
    "a form or a desk to reach": (CONTACT, False, [
        "Можно в течение 10 дней заполнить электронную форму заявления на возврат.",
        "Уточняйте в регистратуре по телефону, куда являться.",
    ], [
        "Можно в течение 10 дней вернуть билет.",
    ]),
}

RU_FIRST_NOTICE: dict[str, Family] = {
    "a reassurance is no empathy": (EMPATHY, False, [
        "Мы знаем, что вы волнуетесь, и делаем всё, чтобы вернуть воду.",
    ], [
        "Не переживайте, мы делаем всё, чтобы вернуть воду.",
        "Клиентам волноваться нечего, воду вернут.",
    ]),
}

EN: dict[str, Family] = {
    "the public's act as the cause": (BLAME, True, [
        "We are seeing an increasing number of outages caused by persons cutting trees inappropriately.",
    ], [
        "We are seeing an increasing number of outages caused by fallen trees.",
    ]),
    "a service outside us as the cause": (BLAME, True, [
        "This issue was triggered by an unannounced policy change from an external authentication service.",
    ], [
        "This issue was triggered by a policy change in our authentication service.",
    ]),
    "a past expectation told as history": (SPECULATION, False, [
        "We expected this migration to be a transparent change; unfortunately it led to a 7 minute outage.",
    ], [
        "We expect this migration to finish within 7 minutes.",
    ]),
    "an ability, not a guess": (SPECULATION, False, [
        "Where it is possible for the company, KE passes the relief to the customers.",
    ], [
        "It is possible that the outage will last until tonight.",
    ]),
    "a notice's formula": (ALARM, False, [
        "Boil water notice rescinded, effective immediately.",
    ], [
        "Change your password immediately.",
    ]),
    "without light, a ban on a use, power cut by rota": (SERVICE_STATUS, False, [
        "There is no reason why our airport is in darkness.",
        "The Commissioners moved to implement a moratorium on washing cars and filling pools.",
        "We are compelled to conduct loadshed to manage any gaps.",
        "Stage 2 load shedding continues tonight.",
    ], [
        "There is no reason for this.",
        "This was just before load shedding restoration.",
    ]),
    "works on a structure begun": (WHAT_HAPPENED, False, [
        "The water tower refurbishment has begun.",
    ], [
        "The water tower holds 400,000 gallons.",
    ]),
    "a helpline by its name, colleagues on the phone": (CONTACT, False, [
        "Please consider using alternative services, such as your local pharmacy or NHS 111.",
        "We have increased the number of colleagues available to serve customers over the phone.",
    ], [
        "Please consider using alternative services, such as your local pharmacy.",
    ]),
    "names in capitals": (SHOUTING, False, [
        "MPESA is currently unavailable. We apologize.",
        "PAYDAY 3 matchmaking has not performed as expected. We are working on PAYDAY 3s servers.",
        "Prices are set by the Government of Pakistan and the NEPRA Authority. We are sorry.",
    ], [
        "CALL 999 if you smell gas. We are working on it.",
        "EVERYONE is affected. We apologize.",
    ]),
}

EN_RESOLUTION: dict[str, Family] = {
    "services that returned": (WHAT_HAPPENED, False, [
        "These services returned around 5.30 yesterday and are operating normally.",
    ], [
        "These services were used by many customers yesterday.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_ru_first_variants, test_ru_first_near_misses = family_tests(RU_FIRST_NOTICE, "ru", stage="first_notice")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_resolution_variants, test_en_resolution_near_misses = family_tests(EN_RESOLUTION, "en", stage="resolution")
