"""Russian judgements fixed after round 11 of real published messages (tests/corpus/real/ru.yaml,
ids ``real-ru-r11-…``, scored once blind, then read): hand-made phrasings of each family."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str = "update") -> set[str]:
    return categories(text, "ru", stage)


@pytest.mark.parametrize("text", [
    "Расчётное время устранения неисправности — 15:00.",
    "Примерный срок устранения дефекта — 14:00.",
    "Ориентировочное время завершения ремонта — 18:00.",
    "Расчётное время восстановления — до конца текущих суток.",
    "Планируем, что скоро ситуация нормализуется.",
    "Ситуация стабилизируется в ближайшее время.",
])
def test_an_estimated_time_of_repair_is_a_forecast(text: str) -> None:
    assert "speculation" in _categories(text)


@pytest.mark.parametrize("text", [
    "Следующее сообщение — в 15:00.",
    "Плановые работы завершатся в 05:00, время окончания работ может сдвинуться.",
    "У нас нет оснований полагать, что данные клиентов пострадали.",
])
def test_next_updates_schedules_and_evidence_are_no_forecast(text: str) -> None:
    assert "speculation" not in _categories(text)


def test_obviously_about_motives_is_a_guess() -> None:
    assert "speculation" in _categories("Недовольство, очевидно, и объясняет эти обвинения.")


@pytest.mark.parametrize("text", [
    "С нашей стороны всё работает штатно, проблема у вашего провайдера.",
    "С нашей стороны проблем нет.",
    "С нашей стороны все обязательства выполнены.",
])
def test_our_side_is_fine_is_deflection(text: str) -> None:
    assert "blame" in _categories(text)


def test_owning_it_on_our_side_is_no_blame() -> None:
    assert "blame" not in _categories("Ошибка была на нашей стороне, мы её исправили.")
