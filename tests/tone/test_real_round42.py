"""Judgements fixed after round 42 of real published messages (``real-ru-r42-…``, ``real-en-r42-…``,
scored once blind, then read), as families of constructions in both languages: nobody called or
wrote, no orders came («распоряжений к нам не поступало»); a federal decree as the basis of a
benefit is no blame; the specialists' belief with a time («считают, что до вечера …»); a problem
«будет решена» at a time; «мы никогда не …» said of our past; an intensifier of shame and accidents
prevented are no alarm; a supply kept on by working at night; a call reported is no contact; a
wish we could not keep as empathy; the duty put on the reader ("It is YOUR responsibility"); a
belief in the passive; "MANY" in capitals; a ship in for its refit, damage, a dated problem and
stolen data as what happened ("working closely" is no closure, nor anything closed); supplies
isolated and services returned to normal operation as what works or not; a day gone and a heading's own
time are no next update — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    NEXT_UPDATE,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "nobody called or wrote": (BLAME, True, [
        "Мне оттуда не звонили, не писали, а просто отменили.",
    ], [
        "Мы не позвонили зрителям заранее, и это наша ошибка.",
    ]),
    "no orders came": (BLAME, True, [
        "Пока никаких распоряжений на сей счёт к нам не поступало.",
    ], [
        "Распоряжение поступило к нам утром, мы его выполняем.",
    ]),
    "a decree as the basis of a benefit": (BLAME, False, [
        "По постановлению правительства РФ № 354 предоставляется рассрочка на 12 месяцев.",
    ], [
        "По постановлению правительства отключили интернет.",
    ]),
    "the specialists' belief with a time": (SPECULATION, True, [
        "Сломался привод. Специалисты считают, что до вечера им это удастся.",
    ], [
        "Сломался привод. Специалисты считают, что причина в износе.",
    ]),
    "a problem to be solved at a time": (SPECULATION, True, [
        "Проблема со связью будет полностью решена в период с 12:00 до 13:00.",
    ], [
        "Проблема со связью решена в 12:00.",
    ]),
    "never, said of our past": (SPECULATION, False, [
        "Мы никогда не открещивались от своих болельщиков.",
    ], [
        "Мы сделаем выводы, чтобы такие ситуации у нас никогда не случались.",
    ]),
    "an intensifier of shame, accidents prevented": (ALARM, False, [
        "Простите нас, дорогие зрители. Мне ужасно стыдно.",
        "Сейчас появилась возможность всё устранить до новых холодов и избежать серьёзных аварий.",
    ], [
        "Это ужасно.",
        "На сетях произошла авария.",
    ]),
    "a supply kept on by working at night": (SERVICE_STATUS, False, [
        "Утечку устраним ночью, чтобы не отключать от воды людей днём.",
    ], [
        "Утечку устраним ночью.",
    ]),
    "a call reported is no contact": (CONTACT, False, [
        "Позвоните нам, если свет не появился.",
    ], [
        "Мне оттуда не звонили, не писали, а просто отменили.",
    ]),
}

RU_FIRST_NOTICE: dict[str, Family] = {
    "a wish we could not keep": (EMPATHY, False, [
        "Мы бы очень хотели встретить Новый год вместе с вами, но арена занята.",
    ], [
        "Мы встретим Новый год на выезде: арена занята.",
    ]),
}

EN: dict[str, Family] = {
    "the duty put on the reader": (BLAME, True, [
        "It is YOUR responsibility to keep your details up to date.",
    ], [
        "It is our responsibility to keep your details safe.",
    ]),
    "a belief in the passive": (SPECULATION, True, [
        "It is not believed to be a cyber security incident.",
    ], [
        "It is not a cyber security incident.",
    ]),
    "MANY in capitals": (SHOUTING, True, [
        "This process will take MANY DAYS.",
    ], [
        "This process will take many days.",
    ]),
    "a refit, damage, stolen data as what happened": (WHAT_HAPPENED, False, [
        "With our other ferry, Red Eagle, undergoing its scheduled annual refit, we are extending the revised "
        "timetable.",
        "The power line damage is extreme, and crews are working on restoration.",
        "Given the nature of the stolen data, we are contacting customers.",
    ], [
        "We are extending the revised timetable.",
        "Crews are working on restoration.",
        "We are working closely with the airport team to minimise the disruption.",
    ]),
    "supplies isolated, services back to normal operation": (SERVICE_STATUS, False, [
        "Utility services have been on site to ensure gas, electricity and water supplies are isolated.",
        "All Flow services have returned to normal operation.",
    ], [
        "Utility services have been on site.",
        "We are still closely monitoring all Flow services.",
    ]),
    "a day gone and a heading's time are no next update": (NEXT_UPDATE, False, [
        "We will post the next update tomorrow, 10 October, at 9 am.",
    ], [
        "We wish to inform customers that the rainstorm which hit the region yesterday, 10th October 2020, has "
        "caused outages.",
        "UPDATE 17th November 2018 - 2:15AM GMT\nThe database has been restored.",
    ]),
}

EN_RESOLUTION: dict[str, Family] = {
    "a dated problem as what happened": (WHAT_HAPPENED, False, [
        "Our data services are performing as normal, and we will make yesterday’s data service issue up to "
        "customers.",
    ], [
        "Our data services are performing as normal.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_ru_first_variants, test_ru_first_near_misses = family_tests(RU_FIRST_NOTICE, "ru", stage="first_notice")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_resolution_variants, test_en_resolution_near_misses = family_tests(EN_RESOLUTION, "en", stage="resolution")
