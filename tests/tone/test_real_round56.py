"""Judgements fixed around round 56 of real published messages (``real-ru-r56-…``, ``real-en-r56-…``,
scored once blind, then read), as families of constructions: a theft, a supply that falls short
(«водозаборы не могут обеспечить город питьевой водой») are what happened; heat delivered weaker
(«понижение параметров теплоносителя»), a link lost («потеряла цифровую связь») are service status;
the customers' carelessness («безалаберно относятся к воде») is blame; the host's end, a host by
name, "our host" with servers offline are blame; a danger denied ("no children were ever in
danger") or over ("the threat had ended") is no alarm — and the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SERVICE_STATUS, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "a theft, a supply that falls short": (WHAT_HAPPENED, False, [
        "Воры встретили премьер-министра кражей медного кабеля.",
        "Водозаборы не могут обеспечить город питьевой водой.",
    ], [
        "Мы не можем обеспечить вас информацией.",
    ]),
    "heat delivered weaker, a link lost": (SERVICE_STATUS, False, [
        "Произошло понижение параметров теплоносителя в системе теплоснабжения.",
        "Грузия практически потеряла внешнюю цифровую связь с Арменией.",
    ], [
        "Мы потеряли надежду на быстрое решение.",
    ]),
    "the customers' carelessness": (BLAME, True, [
        "Многие потребители безалаберно относятся к воде.",
    ], [
        "Многие потребители бережно относятся к воде.",
    ]),
}

EN: dict[str, Family] = {
    "the host's end, a host by name": (BLAME, True, [
        "Server is back, another error on the hosts end.",
        "We have an unexpected downtime caused by OVH putting us under rescue mode.",
        "Our host has like a couple dozen servers offline right now.",
    ], [
        "We will host a meeting tomorrow; the server was offline.",
    ]),
    "a danger denied or over": (ALARM, False, [
        "The lockdown has been lifted. No children were ever in danger.",
        "Around 10:30 we received a second call that the threat had ended.",
    ], [
        "You are in danger: leave the building now.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
