"""Judgements fixed after round 37 of real published messages (``real-ru-r37-…``, ``real-en-r37-…``,
scored once blind, then read), as families of constructions in both languages: underfunding as
the cause («из-за многолетнего недофинансирования»); the grid's voltage, no party named; an
emergency as a case that may come («при возникновении любой чрезвычайной ситуации»); the next
step of the work planned, not the restore; «обесточение» as a form of «обесточивание»; a
defect, a blockage as what happened; consumers to be switched back on; a comment promised, not a
restore; a labour strike as the cause; how long an outage lasts, foretold; a guess at the find;
a switch that tripped; a dateline before a dash — and the near misses: a lightning strike, a
planned outage's length, "URGENT - please call", a union's threat, our own haste ("we are
urgently looking into it"), an emergency notice."""

from __future__ import annotations

from real_text import ALARM, BLAME, SERVICE_STATUS, SHOUTING, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "underfunding as the cause": (BLAME, True, [
        "Из-за многолетнего недофинансирования сети в городе изношены.",
    ], [
        "Сети в городе изношены; мы меняем трубы на улице Заозерной.",
        "Краткосрочное приостановление подачи тепла произошло из-за снижения напряжения в электросети.",
    ]),
    "an emergency as a case that may come": (ALARM, False, [
        "При возникновении любой чрезвычайной ситуации звоните в службу спасения по телефону 112.",
        "В случае чрезвычайной ситуации звоните 112.",
    ], [
        "В районе введён режим чрезвычайной ситуации.",
    ]),
    "the next step of the work planned, not the restore": (SPECULATION, False, [
        "В ближайший час специалисты планируют зайти в проходной канал для определения точки порыва.",
        "Руководство авиакомпании обещает дать официальный комментарий в течение дня.",
    ], [
        "Специалисты планируют завершить ремонт к 18:00.",
    ]),
    "what happened: a defect, a blockage, an outage by another noun": (WHAT_HAPPENED, False, [
        "Мы обнаружили дефект на трубопроводе по адресу: Чкалова, 51.",
        "Причиной этому стал засор в колодце.",
    ], [
        "Ремонтные бригады уже на месте.",
    ]),
    "consumers to be switched back on, an outage by another noun": (SERVICE_STATUS, False, [
        "К вечеру повреждение будет устранено, специалисты приступят к заполнению системы и включению потребителей.",
        "Обесточение потребителей произошло на оборудовании сетевой компании.",
    ], [
        "Повреждение будет устранено к вечеру.",
    ]),
}

EN: dict[str, Family] = {
    "a labour strike as the cause": (BLAME, True, [
        "Contingency plans are in place to minimise disruption due to the industrial action.",
        "Due to an air traffic control strike in France, we have cancelled some flights.",
        "The Royal Mail were on strike on 24th and 25th November.",
        "Sometimes due to circumstances out with our control changes may be posted at very short notice.",
    ], [
        "The damage is consistent with a lightning strike.",
    ]),
    "how long an outage lasts, foretold": (SPECULATION, True, [
        "Length of outage will be for approximately 45 minutes to one hour.",
        "The outage will last approximately 45 minutes to one hour.",
        "UPDATE at 7:28 PM: We may have found the problem.",
    ], [
        "The planned outage will last approximately 4 hours.",
        "We have about 200 customers without power.",
    ]),
    "a switch that tripped": (WHAT_HAPPENED, False, [
        "At approximately 9:15 AM today, a switch tripped on a circuit out of our Prospect substation, "
        "affecting approximately 370 customers.",
    ], [
        "Approximately 370 customers are without power.",
    ]),
    "a count of those affected names what is down": (SERVICE_STATUS, False, [
        "At about 9:15 AM today, a switch tripped on a circuit out of our Prospect substation, affecting "
        "about 370 customers.",
    ], [
        "We are aware of an issue affecting some customers.",
    ]),
    "a dateline before a dash": (SHOUTING, False, [
        "ANCHORAGE – GCI customers may experience intermittent service.",
        "NASSAU, NP – Bahamas Power and Light Company Ltd. (BPL) wishes to advise its customers.",
        "ANCHORAGE, Alaska – GCI is closely tracking the repair efforts.",
    ], [
        "URGENT - please call us now.",
        "WARNING – Do not drink the water.",
    ]),
    "a union's threat, our own haste, a notice's kind": (ALARM, False, [
        "The landowners have taken advantage of threats by the Energy Workers Union to shut down power.",
        "We are urgently looking into it and will keep you posted here when the servers are back up.",
        "This is an emergency notice to you that load shedding is being carried out today.",
    ], [
        "You need to change your password urgently.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
