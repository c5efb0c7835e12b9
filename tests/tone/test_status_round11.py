"""Service status in Russian, round 11: what a message says is down, in the ways real notices
say it. Each case is a hand-made phrasing of a family (a service's own verb negated, "without"
a utility, a decision to cut it off, a failure of the work of something, a utility coming back);
«не работает по причине …» is a status, not «работаем по восстановлению»."""

from __future__ import annotations

import pytest
from real_text import categories

CP311 = "missing-service-status"


def _categories(text: str, stage: str = "first_notice") -> set[str]:
    return categories(text, "ru", stage)


@pytest.mark.parametrize("text", [
    "Из-за поломки оборудования платежи не принимаются. Приносим извинения.",
    "Вчера в части отделений коммунальные платежи не принимались.",
    "После обновления СМС с кодами не приходят. Приносим извинения.",
    "Из-за сбоя деньги не зачисляются на счета. Приносим извинения.",
    "Из-за сбоя заявки не обрабатываются. Приносим извинения.",
    "Из-за обрыва кабеля на Донбассе без связи около половины абонентов.",
    "После аварии три района остались без света.",
    "Из-за аварии дома без воды с утра.",
    "Из-за аварии мы решили отключить сеть в двух районах.",
    "Принято решение приостановить работу пунктов выдачи из-за наводнения.",
    "Из-за ремонта отключение электроэнергии в Ленинском районе.",
    "Авария привела к отказу в работе сервисов у абонентов в двух городах.",
    "Связь не работает по причине обрыва кабеля.",
    "После аварии электричество появится к вечеру.",
])
def test_what_is_down_is_named(text: str) -> None:
    assert CP311 not in _categories(text)


@pytest.mark.parametrize("text", [
    "Произошла авария. Мы работаем по восстановлению. Приносим извинения.",
    "Мы не можем сказать, когда закончим. Приносим извинения за сбой.",
    "Произошел сбой. Без паники: специалисты уже работают.",
    "Произошел сбой. Решение уже найдено, специалисты работают.",
])
def test_no_service_named_is_still_reported(text: str) -> None:
    assert CP311 in _categories(text)


@pytest.mark.parametrize("text", [
    "Из-за ремонта офис на Ленина закрывается до понедельника. Приносим извинения.",
    "Компания временно приостанавливает продажи мебели. Приносим извинения.",
    "Продажи приостанавливаются на неделю из-за наплыва заказов. Приносим извинения.",
    "Из-за порыва перекрыты ветки на 30 домов. Приносим извинения.",
    "Из-за аварии специалисты работают над восстановлением функционирования энергосистемы.",
])
def test_closing_pausing_and_shutting_off_name_what_is_down(text: str) -> None:
    assert CP311 not in _categories(text)


def test_what_came_back_is_the_status_of_a_resolution() -> None:
    assert CP311 not in _categories("Ремонт теплосети закончен. Подача теплоносителя возобновлена в 06:00.",
                                    stage="resolution")


@pytest.mark.parametrize("text", [
    "Энергетические бригады приступили к аварийно\u2011восстановительным работам.",  # U+2011, as editors type it
    "Магазин закрывается. Спасибо, что были с нами.",
    "Сроки доставки заказов после утери на складе увеличились.",
])
def test_what_happened_is_said(text: str) -> None:
    assert "missing-what-happened" not in _categories(text)
