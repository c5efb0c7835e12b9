"""Judgements fixed after round 33 of real published messages (``real-ru-r33-…``, ``real-en-r33-…``,
scored once blind, then read), as families of constructions in both languages: an order received
to cut or stop («получили указание отключить электричество»); works extended to a new end as a
forecast («работы продлеваются до 20.00»); "beyond the club's control" with words between; the
trouble on the other party's network ("damage to their underground cables", "a fault on the
transmission network"); "not unique to us"; "external incidents" — and the near misses: «в связи
со сложившейся ситуацией» introducing what we do (labelled no blame in rounds 25, 27 and 33), an
order to help, a card's validity extended, help from other utilities, a vendor's patch."""

from __future__ import annotations

from real_text import Family, family_tests

BLAME = "blame"
SPECULATION = "speculation"

RU: dict[str, Family] = {
    "an order received to cut or stop": (BLAME, True, [
        "Запаситесь водой! Получили указание отключить электричество «Апэ-каналу».",
        "Компания получила распоряжение приостановить продажи билетов.",
    ], [
        "Все службы получили указание работать в усиленном режиме.",
        "Мы получили ваше обращение и ответим в течение дня.",
    ]),
    "the situation after «в связи с» introduces what we do": (BLAME, False, [
        "В связи со сложившейся ситуацией воду раздают два раза в день.",
        "В связи с текущей сложной ситуацией движение поездов будет временно приостановлено.",
    ], [
        "В связи со сложившимися обстоятельствами рейсы в Сочи отменены.",
        "В силу сложившейся ситуации мы временно ограничили приём заказов.",
    ]),
    "works extended to a new end": (SPECULATION, True, [
        "Ввиду сложности аварии аварийно-восстановительные работы продлеваются до 20.00.",
        "Отключение продлено до утра.",
        "Работы на сетях продлены до 18:00.",
    ], [
        "Срок действия карт продлевается до 31 декабря.",
        "Работы завершены в 20:00.",
    ]),
}

EN: dict[str, Family] = {
    "a stock excuse in other words": (BLAME, True, [
        "Tonight's match has been postponed due to circumstances beyond the club's control.",
        "The match is off for reasons beyond the control of the club.",
        "PTCL network is down due to damage to their underground cables.",
        "This issue is not unique to Caribbean Airlines but to all airlines using this system.",
        "Most outages are usually caused by external incidents such as tree falls.",
        "Yesterday's outage was the result of a fault on the transmission network.",
    ], [
        "The fire is now under control.",
        "We will be closed outside business hours.",
        "It took less than 48 hours to get a patch from a 3rd party software vendor.",
        "Crews continue efforts to restore power in the hardest hit areas, with assistance from "
        "neighbouring utilities and contractors.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
