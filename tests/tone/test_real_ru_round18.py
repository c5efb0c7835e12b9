"""Russian judgements fixed after round 18 of real published messages (ids ``real-ru-r18-…``,
scored blind, then released to train), as families of constructions rather than the round's
words. Service status: a promise to bring back everyone or everything («в 14:00 все
восстановят»), the supply coming back somewhere later («свет в домах появится»), cut off from
power («обесточены», «обесточивание»), running late («отставание поездов»), an event moved
(«перенесён», «перенос даты …»), a replacement vehicle («другой борт»); people who worked for
days («работала сутками, чтобы успеть») are no service at work. Empathy: a feeling shared («мы
разделяем ваше разочарование»). Blame: a wrongdoing word on another party or its works
(«недобросовестными строителями», «несанкционированных работ»), works done «не нашей
организацией», «это вина НЭСК», the customer was elsewhere too («не только в нашем
ресторане»), many institutions like us have it too («схожие проблемы испытывают сотни вузов»).
Each positive is a hand-made variant; each family has near misses that must stay quiet."""

from __future__ import annotations

import pytest
from real_text import categories


def _fires(category: str, text: str, stage: str = "first_notice") -> bool:
    return category in categories(text, "ru", stage)


STATUS = "missing-service-status"


# --- 1. status: everyone or everything brought back, or the supply back somewhere, later
# (r18 krasnodar; power-company) ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Работы по устранению ведутся, ориентировочно в 14:00 все восстановят.",
    "Бригады на месте, к вечеру подключим всех потребителей.",
    "Мы восстановим всё к утру.",
    "До конца дня энергетики подключат микрорайон Южный.",
    "Свет в домах появится в ближайшее время.",
    "Вода в квартирах жителей появится к 18:00.",
    "Тепло в школах вернётся завтра.",
])
def test_bringing_everyone_back_is_status(text: str) -> None:
    assert not _fires(STATUS, text, "update")


@pytest.mark.parametrize("text", [
    "Мы восстановим доверие клиентов.",
    "Работы по устранению ведутся.",
    "Мы восстановим хронологию событий.",
    "Подробности появятся позже.",
    "Специалисты выясняют причину аварии.",
])
def test_restoring_something_else_is_no_status(text: str) -> None:
    assert _fires(STATUS, text, "update")


# --- 2. status: cut off from power (r18 znamensk) ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Произошло аварийное отключение и обесточивание города.",
    "Обесточены три района города.",
    "Ночью обесточилась подстанция в посёлке.",
    "Энергетики обесточили линию после порыва провода.",
    "Из-за урагана обесточено 40 сёл.",
    "Идёт обесточивание потребителей посёлка.",
])
def test_cut_off_from_power_is_status(text: str) -> None:
    assert not _fires(STATUS, text)


@pytest.mark.parametrize("text", [
    "На подстанции произошла авария.",
    "Ночью в посёлке был сильный ветер.",
    "Энергетики выехали на место.",
    "Причины происшествия устанавливаются.",
])
def test_an_accident_without_what_is_off_is_no_status(text: str) -> None:
    assert _fires(STATUS, text)


# --- 3. status: running late (r18 ozhd) ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Специалисты делают все возможное, чтобы сократить отставание поездов.",
    "Возможны опоздания электричек до 40 минут.",
    "Опоздание рейсов составит около часа.",
    "Мы стараемся сократить отставание от графика движения.",
    "Автобусы идут с отставанием.",
    "Возможно опоздание доставки заказов.",
])
def test_running_late_is_status(text: str) -> None:
    assert not _fires(STATUS, text, "update")


@pytest.mark.parametrize("text", [
    "Мы сокращаем отставание от конкурентов.",
    "Специалисты делают все возможное.",
    "Приносим извинения за опоздание с ответом.",
    "Сотрудники работают на месте.",
])
def test_lateness_of_no_service_is_no_status(text: str) -> None:
    assert _fires(STATUS, text, "update")


# --- 4. status: an event moved, a replacement vehicle (r18 cinemapark, roshchino, pobeda) --------

@pytest.mark.parametrize("text", [
    "О переносе даты релиза фильма мы узнали только что.",
    "Концерт перенесён на 20 марта.",
    "Спектакли перенесены на весну.",
    "Перенос премьеры стал неожиданностью.",
    "В рейс будет направлен другой борт, его подготовка уже осуществляется.",
    "Пассажиров пересадят на резервный самолёт.",
    "Для экскурсантов подготовлен запасной автобус.",
    "Потребовалась замена воздушного судна.",
])
def test_an_event_moved_or_a_replacement_is_status(text: str) -> None:
    assert not _fires(STATUS, text, "update")


@pytest.mark.parametrize("text", [
    "Мы перенесли данные на новый сервер.",
    "Борт прошёл проверку.",
    "Экипаж готовится к вылету.",
    "Мы обсуждаем перенос офиса в другое здание.",
])
def test_moving_data_or_a_vehicle_checked_is_no_status(text: str) -> None:
    assert _fires(STATUS, text, "update")


# --- 5. no status: people who worked for days (r18 yaroslavl-tyuz) ------------------------------

@pytest.mark.parametrize("text", [
    "Вся наша команда — от технических служб до артистов — работала сутками, чтобы успеть к сроку.",
    "Вся труппа работала сутками.",
    "Сутками работали монтажники, чтобы закончить сцену.",
    "Весь театр работал не покладая рук.",
    "Коллектив работал на износ.",
    "Весь коллектив цеха работал всю неделю, чтобы успеть.",
])
def test_people_working_for_days_is_no_status(text: str) -> None:
    assert _fires(STATUS, text)


@pytest.mark.parametrize("text", [
    "Касса театра работает как обычно.",
    "Отделения работают круглосуточно.",
    "Магазин работает без выходных.",
    "Горячая линия работает.",
])
def test_a_service_working_is_still_status(text: str) -> None:
    assert not _fires(STATUS, text)


# --- 6. empathy: a feeling shared (r18 yaroslavl-tyuz) ------------------------------------------

@pytest.mark.parametrize("text", [
    "Мы разделяем ваше разочарование.",
    "Разделяем возмущение зрителей.",
    "Мы полностью разделяем ваше недовольство.",
    "Театр разделяет огорчение гостей.",
    "Мы разделили тревогу жителей.",
    "Разделяем ваши чувства.",
])
def test_a_feeling_shared_is_empathy(text: str) -> None:
    assert not _fires("missing-empathy", text)


@pytest.mark.parametrize("text", [
    "Мы разделяем позицию министерства.",
    "Зал разделён на две части.",
    "Зрители разделились на группы.",
    "Мы разделяем ответственность с партнёрами.",
])
def test_sharing_something_else_is_no_empathy(text: str) -> None:
    assert _fires("missing-empathy", text)


# --- 7. blame: a wrongdoing word on another party or its works; works done by someone else; the
# fault given to a named party (r18 sevastopolenergo, chitaenergo, mosgaz, krasnodar) -------------

@pytest.mark.parametrize("text", [
    "Зафиксировано 73 повреждения кабельных линий недобросовестными строителями.",
    "По счастливой случайности производители этих несанкционированных работ не пострадали.",
    "Газопровод повредил самовольный застройщик.",
    "Трубу повредили в ходе самовольных работ на участке.",
    "Линию повредила техника незаконной стройки.",
    "Работы проводились не нашей организацией.",
    "Раскопки велись не нашей службой.",
    "Однако кабель не отмечен на топосъёмках и это вина НЭСК.",
    "Это вина энергетиков.",
])
def test_another_partys_wrongdoing_is_blame(text: str) -> None:
    assert _fires("blame", text, "update")


@pytest.mark.parametrize("text", [
    "Взломов и несанкционированного вмешательства в работу систем не было.",
    "Зафиксирован несанкционированный доступ к серверу.",
    "Мы провели земляные работы и повредили кабель, это наша ошибка.",
    "Это наша вина.",
    "Работы проводились нашей организацией.",
])
def test_a_crime_against_us_or_our_own_works_is_no_blame(text: str) -> None:
    assert not _fires("blame", text, "update")


# --- 8. blame: elsewhere too — the customer, or many like us (r18 sochi, urfu) --------------------

@pytest.mark.parametrize("text", [
    "С девушкой мы на связи, в этот день отдыхала не только в нашем ресторане.",
    "Покупатель в тот день обедал не только в нашем кафе.",
    "Продукты клиентка покупала не только у нас.",
    "Схожие проблемы испытывают сотни ведущих вузов страны.",
    "С похожими сбоями столкнулись десятки больниц.",
    "Аналогичные трудности испытывают многие университеты.",
])
def test_elsewhere_too_is_blame(text: str) -> None:
    assert _fires("blame", text, "follow_up")


@pytest.mark.parametrize("text", [
    "В этот день гостья отдыхала в нашем ресторане.",
    "Оплатить заказ можно не только в нашем приложении, но и на сайте.",
    "Сотни студентов подали документы.",
    "Портал университета подвергся DDoS-атаке.",
])
def test_our_own_place_or_an_attack_is_no_blame(text: str) -> None:
    assert not _fires("blame", text, "follow_up")
