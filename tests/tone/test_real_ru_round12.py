"""Russian judgements fixed after round 12 of real published messages (ids ``real-ru-r12-…``,
scored once blind, then read): circumstances outside us named as the cause are blame; cancelled
flights and an accident on the network name what is down. Hand-made phrasings of each family."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str = "first_notice") -> set[str]:
    return categories(text, "ru", stage)


@pytest.mark.parametrize("text", [
    "В связи с ограничениями на приём рейсов мы отменяем часть рейсов.",
    "Сеть может работать с прерываниями в связи с внешними ограничениями.",
    "Под влиянием внешних факторов мы вносим изменения в расписание.",
    "Мы расстроены решением органов власти: сервис в городе недоступен.",
    "По требованию регулятора мы приостановили переводы.",
    "Дальнейшие зачисления зависят от банка покупателя.",
])
def test_circumstances_outside_us_as_the_cause_are_blame(text: str) -> None:
    assert "blame" in _categories(text)


@pytest.mark.parametrize("text", [
    "Сбой был вызван внешним воздействием: это была атака на наши серверы.",  # an attack is what happened
    "Мы ограничили переводы, чтобы защитить деньги клиентов.",
    "Мы приняли решение закрыть офисы на неделю.",
])
def test_our_own_measures_and_attacks_are_no_blame(text: str) -> None:
    assert "blame" not in _categories(text)


@pytest.mark.parametrize(("text", "stage"), [
    ("Из-за непогоды отменены все рейсы в Анапу. Приносим извинения.", "first_notice"),
    ("В 18:30 мы полностью устранили аварию на сети.", "resolution"),
])
def test_cancelled_services_and_an_accident_on_the_network_name_what_is_down(text: str, stage: str) -> None:
    assert "missing-service-status" not in _categories(text, stage)


def test_the_organisation_guilty_of_an_accident_is_no_service() -> None:
    text = "Сумма будет предъявлена к возмещению виновной в аварии организации."
    assert "missing-service-status" in _categories(text, "update")


def test_a_cancelled_order_as_an_attribute_is_no_outage() -> None:
    from crisisplay.tone.doc import Doc
    from crisisplay.tone.elements import status_matches
    from crisisplay.tone.engine import build_ruleset

    doc = Doc("— возврат денег за отменённые заказы: работает как обычно.", "ru")
    states = {state for state, _match in status_matches(doc, build_ruleset("ru").lexicon)}
    assert states == {"available"}
