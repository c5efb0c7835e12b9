"""Judgements fixed around round 52 of real published messages (``real-ru-r52-…``, ``real-en-r52-…``,
scored once blind, then read) and the Russian train misses read with it, as families of
constructions: events named plainly («были обесточены», «легла система», «для проверки состава»,
«снято напряжение», a surge of patients, the broadcast cut, a flood told by its ebb) are what
happened; a problem referred to by its place or its repair («на место аварии»), rules and
conditions («нарушения пожарной безопасности», «ухудшение погодных условий»), what may happen
(«может произойти подтопление»), responders at work («работает оперативный штаб») name no service;
ships sheltering from a storm, water turned off are services down; a disaster zone is alarm; «вполне
возможно, что …» is a guess; "at the mercy of the contractor" is blame, a party at work on its
repair is not; news to the reader and help kept up "as long as" they are needed are no forecasts;
"please do advise us" is a contact, "pardon our being down" an apology — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    SERVICE_STATUS,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "events named plainly": (WHAT_HAPPENED, False, [
        "Были обесточены Ереван и ряд областей республики. Электроснабжение восстанавливается.",
        "Никакие операции провести невозможно, так как легла система.",
        "На Замоскворецкой линии нет движения для проверки одного состава.",
        "В 16:01 снято напряжение с контактного рельса на станции метро «Восток».",
        "Мы ежедневно принимаем большое количество пациентов, поэтому нагрузка на персонал очень высокая.",
        "К сожалению, возникли перебои с трансляцией.",
        "Вода пошла на спад. Берегите себя.",
    ], [
        "По состоянию на 15.00 обесточенными остаются 21 населенный пункт.",
        "Энергетики восстанавливают электроснабжение части обесточенных потребителей.",
    ]),
    "a problem referred to, rules and conditions, what may happen, responders at work": (SERVICE_STATUS, True, [
        "Аварийная бригада прибыла на место аварии.",
        "При строительстве были выявлены нарушения пожарной безопасности.",
        "Ожидается ухудшение погодных условий.",
        "В результате может произойти подтопление.",
        "В ближайшие часы может быть объявлена эвакуация.",
        "Работает автоматизированная система оперативного контроля и мониторинга паводковой ситуации.",
    ], [
        "Произошёл сбой в работе платежей.",
        "Оплатить покупки можно картой.",
        "Горячая линия работает круглосуточно.",
    ]),
    "ships sheltering from the storm": (SERVICE_STATUS, False, [
        "В воскресенье все 4 парома ушли в порт Ванино и сейчас там пережидают непогоду.",
    ], [
        "В воскресенье паромщики обсуждали непогоду.",
    ]),
    "a disaster zone": (ALARM, True, [
        "Оказавшись в районе стихийного бедствия, подготовьтесь к эвакуации.",
    ], [
        "Оказавшись в районе подтопления, позвоните 112.",
    ]),
    "a possibility as a guess": (SPECULATION, True, [
        "Пока отправляем два рейса, но вполне возможно, что и их закроют.",
        "Возможно, что рейсы отменят.",
    ], [
        "Таких ситуаций вполне возможно избежать, если получить разрешение на работы.",
    ]),
}

EN: dict[str, Family] = {
    "at the mercy of another party; not the party at work on its repair": (BLAME, True, [
        "If there are any changes to this date we will tell you, but keep in mind we are at the mercy of the "
        "contractor.",
    ], [
        "I have been informed by United Utilities that their engineers are investigating damage to the water supply.",
    ]),
    "news to the reader, help kept up": (SPECULATION, False, [
        "We anticipate contacting you over the next couple of days by email with full details.",
        "We are ensuring that state resources will be available as long as the communities need them today.",
    ], [
        "We expect the service to be back in the next couple of days.",
    ]),
    "water turned off": (SERVICE_STATUS, False, [
        "This has resulted in water being turned off in those areas whilst crews make repairs.",
    ], [
        "This has resulted in crews working in those areas.",
    ]),
    "an invitation to tell us": (CONTACT, False, [
        "If you are having connection issues please do advise us ASAP.",
        "If you see anything odd, please don't hesitate to let us know!",
    ], [
        "The datacenter phoned to let us know that the fault is fixed.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
