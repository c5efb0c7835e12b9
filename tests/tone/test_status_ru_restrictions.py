"""Russian service status said by a restriction («принимаем только наличные»), an alternative
laid on («будет организован подвоз воды») or a line on time again («движение в графике»).
Hand-made phrasings of each family, and near misses where people, not a service, are at work."""

from __future__ import annotations

import pytest
from real_text import categories


def _no_status(text: str) -> bool:
    return "missing-service-status" in categories(text, "ru", "first_notice")


@pytest.mark.parametrize("text", [
    "По техническим причинам временно принимаем только наличные. Приносим извинения.",
    "Из-за сбоя терминалов магазин принимает только оплату наличными.",
    "Сегодня кафе работает только на вынос, извините за неудобства.",
    "Пункт выдачи выдаёт только уже оплаченные заказы.",
    "Оплата только наличными до конца дня.",
    "Из-за аварии на водоводе будет организован подвоз воды во дворы.",
    "Мы организовали выдачу посылок в соседнем отделении.",
    "Для жителей организована раздача питьевой воды у школы № 3.",
    "После сбоя движение на Кольцевой линии снова в графике.",
    "Движение поездов в графике.",
])
def test_restrictions_and_alternatives_say_the_status(text: str) -> None:
    assert not _no_status(text)


@pytest.mark.parametrize("text", [
    "Произошёл сбой. Специалисты работают только над его устранением.",
    "Произошёл сбой. Мы работаем только ради вас.",
    "Произошла авария. Будет организован штаб по ликвидации последствий.",
    "Произошёл сбой. Составлен график работ.",
])
def test_effort_and_plans_are_no_status(text: str) -> None:
    assert _no_status(text)
