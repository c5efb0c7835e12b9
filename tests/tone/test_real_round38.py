"""Judgements fixed after round 38 of real published messages (``real-ru-r38-…``, ``real-en-r38-…``,
scored once blind, then read), as families of constructions in both languages: the stock excuse
that nothing can be done («с этим ничего не поделаешь»); a short stop promised («это
ненадолго»); a diverted landing as what happened; a measure and a ban as what happened and what is
closed; an address to the readers as a greeting («Югорчане и гости округа!»); a cause outside our
control in other words ("not in our control"), a third party and the airport's handlers as the
cause; a cause guessed ("appears related to"); a next statement with its time — and the near
misses: a diverted landing denied, a ban foretold, a feeling ("absolutely heartbroken"), the moment
regretted ("the timing is horrible"), our third party partners to contact."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    NEXT_UPDATE,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "nothing can be done": (BLAME, True, [
        "Двигатели поездов перегреваются, и с этим ничего не поделаешь.",
    ], [
        "Двигатели поездов перегреваются, поэтому поезда идут медленнее.",
    ]),
    "a short stop promised": (SPECULATION, True, [
        "С 4 августа наш аквапарк приостановит свою работу. Не переживайте – это ненадолго!",
    ], [
        "С 4 августа наш аквапарк приостановит свою работу. Об открытии сообщим заранее.",
    ]),
    "a diverted landing, a measure taken": (WHAT_HAPPENED, False, [
        "Самолёт благополучно совершил посадку на запасной аэродром аэропорта Южно-Сахалинска в 10:20.",
        "Посещения пациентов временно запрещены. Ограничительные мероприятия будут действовать до "
        "особого распоряжения.",
    ], [
        "Все воздушные суда совершили посадки в аэропортах назначения, уходов на запасные аэродромы не было.",
    ]),
    "a ban in force": (SERVICE_STATUS, False, [
        "Посещения пациентов стационара временно запрещены.",
    ], [
        "С большой вероятностью крупные летние мероприятия этого года будут запрещены.",
    ]),
    "an address to the readers is a greeting": (SHOUTING, False, [
        "Югорчане и гости округа! С 4 августа наш аквапарк приостановит работу. Об открытии сообщим заранее!",
        "Друзья! Концерт переносится на 12 мая. Билеты действительны!",
    ], [
        "Внимание! Концерт отменён!",
    ]),
}

EN: dict[str, Family] = {
    "a cause outside our control in other words, a third party, the handlers": (BLAME, True, [
        "I'm sorry for any disruption caused to passengers from these changes, which were not in our control.",
        "The service incident resulted from a third party partner implementing a database upgrade.",
        "Due to resourcing issues with the baggage handlers Swissport, there were overnight delays.",
        "No machine is 100% efficient.",
    ], [
        "Please contact our third party partners for help.",
    ]),
    "a cause guessed": (SPECULATION, True, [
        "There is a major incident affecting a number of systems. The issue appears related to national firewalls.",
    ], [
        "We are absolutely heartbroken to tell you that this year's festival will no longer be going ahead.",
    ]),
    "the moment regretted": (ALARM, False, [
        "Sincere apologies for streaming issues with YouTube TV. The timing is horrible but we're working on it.",
    ], [
        "It has been a horrible outage.",
    ]),
    "a next statement with its time": (NEXT_UPDATE, False, [
        "We will therefore be making a further statement with more details within the next 48 hours.",
    ], [
        "More details to follow.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
