"""Russian danger words denied after them («угроз выявлено не было», «угрозы не представляет»)
are no alarm, as «угрозы нет» never was; a threat that stands is. And a party looking for the
cause («энергетики уточняют причины отключения») is not blamed for it."""

from __future__ import annotations

import pytest
from real_text import categories


def _alarm(text: str) -> bool:
    return "alarm" in categories(text, "ru", "update")


@pytest.mark.parametrize("text", [
    "Сотрудники МЧС обследовали помещение. Угроз и нарушений выявлено не было.",
    "Опасности для посетителей не было.",
    "Угрозы для жизни и здоровья пациентов не существует.",
    "Угрозы для жителей задымление не представляет.",
    "Опасных веществ в воде не обнаружено.",
])
def test_danger_denied_after_it_is_calm(text: str) -> None:
    assert not _alarm(text)


@pytest.mark.parametrize("text", [
    "Угроза подтопления сохраняется, и вода не уходит.",
    "Есть угроза отключения, хотя причин для паники пока нет.",
    "Опасность сохраняется: не подходите к оборванным проводам.",
])
def test_danger_that_stands_is_alarm(text: str) -> None:
    assert _alarm(text)


@pytest.mark.parametrize("text", [
    "Энергетики уточняют причины отключения. Прошу жителей проявить терпение.",
    "Специалисты водоканала выясняют причину сбоя.",
    "Подрядчик устанавливает причину повреждения вместе с нашими инженерами.",
])
def test_a_party_looking_for_the_cause_is_not_blamed(text: str) -> None:
    assert "blame" not in categories(text, "ru", "update")


def test_a_party_named_as_the_cause_still_is() -> None:
    assert "blame" in categories("Причиной отключения стала ошибка подрядчика.", "ru", "update")
