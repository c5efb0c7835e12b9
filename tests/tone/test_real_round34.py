"""Judgements fixed after round 34 of real published messages (``real-ru-r34-…``, ``real-en-r34-…``,
scored once blind, then read), as families of constructions in both languages: a cause still
weighed («рассматривается вариант умышленного повреждения»); a forecast someone told us, retold
(«специалисты сообщили, что работы завершат до конца недели») and a situation resolved by a time;
trouble foretold to last ("some disruption will remain", "our assumption"); the trouble placed
outside us ("the leak was not on our property"); a contractor "while laying" a pipe (a "while" of
time is no new clause); a service full or a timetable in operation as its status — and the near
misses: a party at work on the fix, partners as an audience, an emergency the reader may meet."""

from __future__ import annotations

from real_text import ALARM, BLAME, SERVICE_STATUS, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "a cause still weighed": (SPECULATION, True, [
        "Выявлены неисправности запорной арматуры, в том числе рассматривается вариант умышленного повреждения.",
        "Рассматриваем версию о поджоге.",
        "Одна из версий — перегрузка сети.",
    ], [
        "Рассматривается вариант подвоза воды.",
        "Версия о поджоге не подтвердилась.",
    ]),
    "a forecast retold, a situation resolved by a time": (SPECULATION, True, [
        "Специалисты сообщили, что работы по выносу трубы завершат до конца этой недели.",
        "По информации, полученной от ресурсников, сегодня до 22.00 ситуация будет решена.",
        "Энергетики сообщают, что работы завершат до конца недели.",
    ], [
        "Сообщим, когда работы завершат.",
        "Мы сообщим дополнительно, когда работы завершат до конца недели.",
        "Будем сообщать, когда работы завершат.",
        "Ситуация будет решена.",
    ]),
    "a party at work on the fix": (BLAME, False, [
        "Барнаульский водоканал ведёт работы по устранению повреждения на водопроводе.",
        "Теплосеть проводит работы по восстановлению теплоснабжения.",
    ], [
        "Из-за аварии на сетях водоканала в домах нет воды.",
    ]),
}

EN: dict[str, Family] = {
    "trouble foretold to last, or for sure": (SPECULATION, True, [
        "But while we continue to train our conductors and drivers some disruption will remain.",
        "It is our assumption that this situation will remain in effect at least for the rest of the week.",
        "However, it is inevitable there will be some disruption.",
    ], [
        "We are working to restore normal power supply at the earliest opportunity.",
        "There will be bus cancellations tomorrow morning, 13 June.",
    ]),
    "the trouble placed outside us, or put on a contractor": (BLAME, True, [
        "After a thorough investigation by the authorities, we can confirm that the gas leak was not on our property.",
        "The problem is not on our side.",
        "The contractor while laying the pipeline has damaged an underground power cable.",
    ], [
        "Parking is not on our premises, please use the town car park.",
        "We want to assure our customers and partners that this was a technical issue.",
        "NHS partners are working together to ensure patient care, while carrying out urgent work to fix the issues.",
    ]),
    "a service full, a timetable in operation": (SERVICE_STATUS, False, [
        "Our A&E is full and we urge you not to attend.",
        "The emergency department is at capacity.",
        "That means the normal Sunday timetable will be in operation.",
        "With the exception of email, the county is performing most normal functions.",
    ], [
        "You will receive a full refund.",
    ]),
    "an emergency the reader may meet": (ALARM, False, [
        "Please call 999 in a life- threatening emergency.",
        "Do not attend unless you have a life or limb-threatening emergency.",
    ], [
        "The trust has declared a critical incident.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
