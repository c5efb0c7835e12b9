"""Russian: a cause marker before a word that names no cause («из-за происшествия», «в связи с
возникшей ситуацией») does not say what happened; before a real cause it does."""

from __future__ import annotations

import pytest
from real_text import categories

TAIL = " задерживаются поезда. Звоните 8 800 555-35-35, следующее сообщение в 15:00."


def _says_it(text: str) -> bool:
    return "missing-what-happened" not in categories(text, "ru", "update")


@pytest.mark.parametrize("start", [
    "Из-за происшествия", "В связи с возникшей ситуацией", "Из-за сложившейся ситуации",
    "В связи с инцидентом", "Вследствие непредвиденных обстоятельств", "В результате происшествия",
])
def test_a_vague_cause_says_nothing(start: str) -> None:
    assert not _says_it(start + TAIL)


@pytest.mark.parametrize("start", [
    "Из-за обрыва контактной сети", "В связи с ремонтом пути", "Из-за сбоя в системе управления",
    "В результате повреждения кабеля", "Из-за снегопада",
])
def test_a_named_cause_says_what_happened(start: str) -> None:
    assert _says_it(start + TAIL)
