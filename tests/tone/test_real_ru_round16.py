"""Russian judgements fixed after round 16 of real published messages (ids ``real-ru-r16-…``, scored
once blind, then read), as families of constructions rather than the round's words: the weather
we are powerless before, «not only us», the situation or another body's notice as the cause; a
restore forecast as a noun («восстановление ожидается к вечеру»), a plan verb after the
infinitive, «ready again» on a date; «безусловно» conceding a past fact and a guarantee that is ours
to keep; the weather, a fire, a burst pipe and a stopped supply as what happened, emergency crews
as no event; supply stopped or started again as service status, a problem at a piece of equipment
and readiness for outages as none. Each positive is a hand-made variant (other companies, verbs,
word orders, tenses); each family has near misses that must stay quiet."""

from __future__ import annotations

import pytest
from real_text import categories


def _fires(category: str, text: str, stage: str = "first_notice") -> bool:
    return category in categories(text, "ru", stage)


# --- blame: powerless before the weather or nature (r16 chicko, dedovichi) ---------------------

@pytest.mark.parametrize("text", [
    "Над погодой мы, к сожалению, не властны, поэтому заказы задерживаются.",
    "Перед стихией мы безвластны: рейсы задерживаются до улучшения погоды.",
    "Природа нам неподвластна, и доставка сегодня идёт с опозданием.",
    "Все бессильны перед ураганом, света в посёлке пока нет.",
    "Против такой непогоды даже энергетики бессильны — поезда идут с задержкой.",
    "К сожалению, ливень нам неподвластен: терраса кафе закрыта.",
])
def test_powerless_before_nature_is_blame(text: str) -> None:
    assert _fires("blame", text)


@pytest.mark.parametrize("text", [
    "Из-за снегопада заказы сегодня задерживаются; курьеры работают с опозданием.",
    "Ураган повредил линию; бригады восстанавливают электроснабжение.",
    "Из-за гололёда движение по мосту ограничено, автобусы идут в объезд.",
    "Мы не смогли вовремя расчистить вход от снега — это наша ошибка.",
])
def test_weather_as_what_happened_is_no_blame(text: str) -> None:
    assert not _fires("blame", text)


# --- blame: not only us (r16 selectel) ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Сбой затронул не только МТС: проблемы со связью сейчас у всех операторов.",
    "С аналогичными проблемами столкнулись и другие операторы.",
    "Перебои наблюдаются и у других провайдеров региона.",
    "Такие же задержки сейчас у всех авиакомпаний в Шереметьеве.",
    "Проблема не только у нас: сбой коснулся многих магазинов сети.",
    "С задержками доставки сейчас сталкиваются и все маркетплейсы.",
    "Отключение коснулось ряда организаций города, в том числе нашего офиса, как и других компаний.",
])
def test_not_only_us_is_blame(text: str) -> None:
    assert _fires("blame", text)


@pytest.mark.parametrize("text", [
    "Клиенты других банков тоже могут переводить нам деньги по номеру телефона.",
    "Сбой затронул только наш банк; переводы в другие банки не проходят.",
    "Из-за сбоя часть заказов также попала в другой магазин сети.",
    "Мы также помогли другим банкам восстановить платежи после сбоя.",
    "Для расследования мы привлекли экспертов компании BI.ZONE и других организаций.",
])
def test_others_not_as_an_excuse_are_no_blame(text: str) -> None:
    assert not _fires("blame", text)


# --- blame: the situation itself, or another body's notice, as the cause (r16 ozon, kazakhtelecom) -

@pytest.mark.parametrize("text", [
    "В силу сложившейся ситуации мы временно ограничили приём заказов.",
    "В связи со сложившимися обстоятельствами рейсы в Сочи отменены.",
    "Из-за текущей обстановки доставка в южные регионы приостановлена.",
    "Ввиду создавшейся ситуации школа переходит на дистанционное обучение.",
    "В соответствии с уведомлением от ООО «Медиахолдинг» трансляция матча недоступна.",
    "Согласно предписанию Роспотребнадзора магазин закрыт до 20 мая.",
    "По письму от АО «Энергосбыт» подача электроэнергии в офис прекращена.",
])
def test_the_situation_or_an_outside_notice_as_the_cause_is_blame(text: str) -> None:
    assert _fires("blame", text)


@pytest.mark.parametrize("text", [
    "В сложившейся ситуации мы открыли дополнительные кассы.",
    "Мы направили уведомление в АО «Мосэнерго» и ждём ответа.",
    "Согласно графику, работы закончатся в пятницу, следующее сообщение — в 18:00.",
    "Уведомление о зачислении денег придёт по SMS.",
])
def test_the_situation_named_but_not_as_the_cause_is_no_blame(text: str) -> None:
    assert not _fires("blame", text)


# --- blame: a party at work on the fix is not named as the cause (r16 irkutsk) -------------------

@pytest.mark.parametrize("text", [
    "Все службы и энергетики работают над устранением аварии, ситуация на контроле.",
    "Водоканал работает над устранением аварии на водоводе.",
    "Подрядчик работает над устранением повреждения кабеля с утра.",
    "Энергетики трудятся над ликвидацией аварии всю ночь.",
    "Провайдер работает над устранением сбоя вместе с нашими инженерами.",
    "Теплосеть всю ночь работает над ремонтом после аварии.",
])
def test_a_party_working_on_the_fix_is_no_blame(text: str) -> None:
    assert not _fires("blame", text)


@pytest.mark.parametrize("text", [
    "Авария произошла по вине подрядчика, который повредил кабель.",
    "Сбой у провайдера оставил нас без связи.",
    "Из-за аварии на сетях водоканала в районе нет воды.",
    "Отключение вызвано аварией у энергетиков.",
])
def test_a_party_named_as_the_cause_is_still_blame(text: str) -> None:
    assert _fires("blame", text)


# --- speculation: a restore forecast as a noun with a verb of expectation (r16 nazran) ----------

@pytest.mark.parametrize("text", [
    "Полное восстановление электроснабжения ожидается сегодня во второй половине дня.",
    "Запуск отопления в дома планируется к утру.",
    "Возобновление подачи воды ожидается к 18:00.",
    "Ожидается восстановление связи в течение двух часов.",
    "Открытие отделения после ремонта намечается на понедельник.",
    "Мы ожидаем возобновления продаж к концу недели.",
    "Завершение работ на линии прогнозируется к вечеру.",
])
def test_a_noun_restore_expected_at_a_time_is_a_forecast(text: str) -> None:
    assert _fires("speculation", text)


@pytest.mark.parametrize("text", [
    "Следующее сообщение ожидается в 15:00.",
    "Восстановление электроснабжения ожидается. Точное время назовём в 14:00.",
    "Вчера в 18:00 подача воды возобновилась.",
    "Плановое отключение воды запланировано на вторник с 9:00 до 17:00.",
])
def test_no_restore_time_expected_is_no_forecast(text: str) -> None:
    assert not _fires("speculation", text)


# --- speculation: the plan verb after the infinitive; ready again on a date (r16 kudez, chiho) -----

@pytest.mark.parametrize("text", [
    "Вернуть ресурс энергетики планируют к шести часам вечера.",
    "Дать воду специалисты рассчитывают к 22:00.",
    "Восстановить связь оператор собирается к утру.",
    "Починить линию подрядчик обещает до пятницы.",
    "А уже 13 августа снова готовы вас встречать.",
    "Уже в понедельник вновь готовы принимать заказы.",
    "Уже завтра опять готовы открыть двери для гостей.",
])
def test_a_plan_or_readiness_with_a_time_is_a_forecast(text: str) -> None:
    assert _fires("speculation", text)


@pytest.mark.parametrize("text", [
    "Мы снова готовы принимать заказы: доставка работает как обычно.",
    "Вернуть деньги за заказ можно в приложении.",
    "Мы готовы ответить на вопросы по телефону 8 800 555-35-35.",
    "Вернуть ресурс энергетики планируют после ремонта, время пока неизвестно.",
])
def test_a_plan_or_readiness_without_a_restore_time_is_no_forecast(text: str) -> None:
    assert not _fires("speculation", text)


# --- speculation: no promise in a conceded past fact or a guarantee that is ours (r16 uralsvyazinform,
# murmansk) -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Безусловно, люди звонили и выражали недовольство.",
    "Безусловно, задержки были, но сейчас всё работает.",
    "Безусловно, клиенты тогда жаловались на очереди.",
    "Конфиденциальность гарантируем.",
    "Гарантируем полную анонимность всем, кто сообщит о краже кабеля.",
    "Всем очевидцам гарантирована конфиденциальность.",
])
def test_a_conceded_past_or_a_promise_of_confidentiality_is_no_speculation(text: str) -> None:
    assert not _fires("speculation", text)


@pytest.mark.parametrize("text", [
    "Безусловно, мы всё исправим.",
    "Гарантируем сохранность ваших данных.",
    "Мы гарантируем, что сбой не повторится.",
    "Безусловно, сервис заработает к вечеру.",
])
def test_a_flat_promise_is_still_speculation(text: str) -> None:
    assert _fires("speculation", text)


# --- what happened: weather, fire, a burst pipe, a stopped supply (r16 lavka, chiho, sevastopol) ----

@pytest.mark.parametrize("text", [
    "Сколько снега! Заказы сегодня могут задерживаться.",
    "Кухня вспыхнула, но никто не пострадал.",
    "Густой туман над аэропортом: рейсы задерживаются.",
    "На улице Ленина произошёл порыв, воды в домах нет.",
    "Подача воды прервалась в девять утра, воды в домах нет.",
    "Днём потребуется временно остановить подачу воды в Ленинский район.",
    "Ночью загорелся склад, заказы задерживаются.",
])
def test_weather_fire_burst_or_stopped_supply_is_what_happened(text: str) -> None:
    assert not _fires("missing-what-happened", text)


@pytest.mark.parametrize("text", [
    "Аварийные бригады находятся на местах, резервная генерация работает.",
    "На место выехала аварийно-восстановительная бригада. Связь пока недоступна.",
    "Перед погодой мы безвластны, прошу всех проявить терпение.",
    "Приложение временно недоступно.",
])
def test_crews_or_bare_unavailability_say_no_what_happened(text: str) -> None:
    assert _fires("missing-what-happened", text)


# --- service status: supply stopped or started again; none of it (r16 volgograd, omsk) --------------

@pytest.mark.parametrize("text", [
    "Из-за повреждения трубы производится запуск отопления в жилые дома.",
    "Информация о приостановке подачи ресурса размещена на сайте.",
    "Идёт возобновление теплоснабжения в дома на Моторной.",
    "Прекращение подачи газа связано с ремонтом трубы.",
    "Из-за грозы в районе нет света.",
    "Из-за порыва трубы в домах на Моторной не было горячей воды.",
])
def test_supply_stopped_or_restarted_is_service_status(text: str) -> None:
    assert not _fires("missing-service-status", text, "update")


# --- service status: where it broke, and readiness, name no service (r16 megafon, rosseti) ----------

@pytest.mark.parametrize("text", [
    "Произошла авария на одном из элементов сетевого оборудования.",
    "Произошла авария на подстанции.",
    "Случился сбой на сервере в дата-центре.",
    "Произошла неполадка на трубопроводе.",
    "Филиалы работают в режиме повышенной готовности, бригады готовы к оперативному восстановлению электроснабжения.",
    "Сбой на коммутаторе узла связи.",
])
def test_a_problem_at_equipment_or_readiness_is_no_service_status(text: str) -> None:
    assert _fires("missing-service-status", text, "update")


@pytest.mark.parametrize("text", [
    "Сбой в работе мобильного приложения банка.",
    "Авария на подстанции: в районе нет света.",
    "Сбой на сервере, приложение не открывается.",
    "Мы уже сообщали об отсутствии телевизионного сигнала в посёлках.",
])
def test_a_problem_with_what_it_affects_is_service_status(text: str) -> None:
    assert not _fires("missing-service-status", text, "update")
