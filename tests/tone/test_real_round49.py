"""Judgements fixed around round 49 of real published messages (``real-ru-r49-…``, ``real-en-r49-…``,
scored once blind, then read; the brief asked for blame, texts that leave out what happened or
what works, and alarm), as families of constructions in both languages: a closure at a commercial
party's demand («по требованию торгового центра»), a regional power company by name, the building
agents, a power utility by name, "not brought to our attention by our suppliers" (blame; a
council that "cannot guarantee" the water is no party);
broken plant, a river out of its banks, a road washed out (what happened); water to boil (service
status); "by this Sunday" as a time, and what the reader is "expected to attend" as no forecast;
an expectation of "100% reliability" missed is no promise — and the near misses."""

from __future__ import annotations

from real_text import BLAME, SERVICE_STATUS, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "a commercial party's demand, the regional power company": (BLAME, True, [
        "Магазин закрыт по требованию торгового центра. Информации о сроках не предоставлено.",
        "Из-за отключения электроэнергии облэнерго неожиданно включило насосы только в 22.00.",
    ], [
        "Магазин закрыт на переучёт. Информации о сроках пока нет.",
        "Мы включили насосы в 22.00.",
    ]),
    "broken plant, a river out of its banks, a road washed out": (WHAT_HAPPENED, False, [
        "До конца недели заменим все поломанные гидроагрегаты.",
        "Из берегов вышла река Сухая и перемывает областную дорогу.",
        "Есть размывы на арманском направлении.",
    ], [
        "До конца недели заменим все гидроагрегаты.",
    ]),
}

EN: dict[str, Family] = {
    "the building agents, a utility by name, not brought to our attention": (BLAME, True, [
        "Due to the recent maintenance problems with the building agents, the shop is struggling.",
        "Con Edison mistakenly severed Cablevision's fiber network during gas line work.",
        "Delays are sometimes not brought to our attention early enough by our suppliers.",
    ], [
        "Council cannot guarantee the water is safe to drink, so please boil it.",
        "Our engineers mistakenly severed the fiber network during gas line work.",
    ]),
    "water to boil": (SERVICE_STATUS, False, [
        "We urge residents to boil any water supply first and where possible use bottled water.",
    ], [
        "We urge residents to remain vigilant.",
    ]),
    "by this Sunday; expected to attend; 100% reliability missed": (SPECULATION, True, [
        "We are planning to return to a full schedule by this Sunday.",
    ], [
        "Children in reception are expected to attend school as normal today.",
        "Unfortunately, we did not live up to expectations around 100% reliability with your TV service.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
