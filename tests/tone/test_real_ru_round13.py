"""Russian judgements fixed after rounds 13 and 14 of real published messages (ids
``real-ru-r13-…``, ``real-ru-r14-…``, scored once blind, then read): blame put on outside parties,
on customers and on «not us»; flat promises, absolute safety and forecasts with a modal verb;
delayed and postponed flights as service status; cited news as no promise of the next one.
Hand-made phrasings of each family — other wording, word order, inflection and companies — each
next to a near miss that must not fire, so that no fix cries wolf."""

from __future__ import annotations

import pytest
from real_text import categories


def _categories(text: str, stage: str = "first_notice") -> set[str]:
    return categories(text, "ru", stage)


def _fires(category: str, text: str, stage: str = "first_notice") -> bool:
    return category in _categories(text, stage)


# --- blame -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "near_miss"), [
    # the stock excuse with the company's own name, or «независимым» for «независящим» (r14 mts, fc-rostov)
    ("По независящим от банка причинам переводы задерживаются.",
     "Мы пригласили независимых экспертов, чтобы найти причину сбоя."),
    ("По техническим причинам, независящим от театра, спектакль переносится на пятницу.",
     "Независимый аудит подтвердил, что данные клиентов не пострадали."),
    ("Связь недоступна по независимым от «Ростелекома» причинам.",
     "Связь недоступна из-за повреждения кабеля на нашей линии."),
])
def test_reasons_beyond_a_named_company_are_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # works nobody agreed with us (r14 donetsk-cable-earthworks)
    ("Кабель повреждён при несогласованных в установленном порядке раскопках.",
     "Мы проводим плановые земляные работы на улице Ленина до 18:00."),
    ("Обрыв произошёл из-за несанкционированных земляных работ.",
     "Попыток несанкционированного вмешательства в работу наших систем не было."),
    ("Трубопровод повреждён во время самовольной врезки.",
     "Трубопровод повреждён; бригада заменяет участок трубы."),
])
def test_works_nobody_agreed_with_us_are_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # denying our own action (r14 mts-ukraine-did-not-switch-off)
    ("Мы сами связь не отключали.", "Мы отключили связь в регионе на время работ."),
    ("Оператор сам сеть не выключал.", "Мы не блокировали ваши карты: это SMS прислали мошенники."),
    ("Банк сам карты клиентов не блокировал.", "Банк заблокировал карты, чтобы защитить деньги клиентов."),
    ("Компания сама доступ не ограничивала и ограничивать не собирается.",
     "Во время работ мы не будем отключать связь."),
])
def test_denying_our_own_action_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # a third party as the agent of the harm (r14 mts-ukraine-crimea-rights)
    ("Их действия нанесли ущерб нашим абонентам.", "Сбой нанёс ущерб нашим абонентам; мы компенсируем его."),
    ("Они повлекли нарушение прав наших клиентов.", "Мы понимаем, что они ждут ответа."),
    ("Они причинили вред клиентам банка.", "Они получат компенсацию до конца месяца."),
])
def test_a_third_party_that_harmed_our_customers_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # the customers' activity as the cause (r14 bashopera-tickets)
    ("Из-за высокой активности пользователей сайт работает медленно.",
     "Из-за высокой нагрузки сайт работает медленно."),
    ("Вследствие действий абонентов сеть перегружена.",
     "Мы видим высокую активность абонентов и добавили мощности сети."),
    ("В связи с активностью покупателей сайт работает с задержками.",
     "В связи с техническими работами сайт работает с задержками."),
])
def test_customers_activity_as_the_cause_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # what customers did, then «из-за чего» (r14 ska-entrance-queue)
    ("Большинство зрителей пришли за десять минут до начала, из-за чего на входе образовалась очередь.",
     "Из-за сбоя касс покупатели ждали дольше обычного, из-за чего образовались очереди."),
    ("Покупатели массово снимали наличные, что привело к нехватке купюр в банкоматах.",
     "Пользователи не могли войти в приложение, из-за чего выросла очередь в чате."),
    ("Многие пассажиры приехали в аэропорт в последний момент, в результате чего очередь на регистрацию выросла.",
     "Мы обновляли систему, из-за чего клиенты не могли войти в приложение."),
    ("Болельщики подъехали к стадиону одновременно, вследствие чего проверка на входе заняла больше времени.",
     "Пассажиры были пересажены на другой борт, из-за чего вылет задержался."),
    ("Зрители пришли к началу спектакля все сразу, из-за чего гардероб не справлялся.",
     "Клиент: Из-за чего не проходит платёж? Оператор: Проверяем, это займёт минуту."),
    ("Абоненты массово обратились в салоны связи, что привело к очередям.",
     "Всех пассажиров пересадили на резервный борт, из-за чего вылет задержался."),
    ("Посетители собрались у входа заранее, из-за чего проход занял больше времени.",
     "Покупатели получили уведомления дважды, из-за чего многие обратились в поддержку."),
    ("Клиенты одновременно зашли в приложение после рассылки, в результате чего серверы не справились.",
     "Пользователи сообщили о проблемах со входом, из-за чего мы проверили серверы."),
])
def test_what_customers_did_named_as_the_cause_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # the fault set against us: «…, а не авиакомпания» (r13 transaero-hurghada); the order matters
    ("Виновата в задержке, скорее всего, неисправная техника, а не авиакомпания.",
     "Виноваты в задержке мы, а не техника: мы не проверили самолёт вовремя."),
    ("Причина сбоя — ошибка процессинга, а не банка.",
     "Причина сбоя — наша ошибка, а не атака."),
    ("Ответственность за перебои лежит на поставщике оборудования, а не на нас.",
     "Ответственность за перебои лежит на нас, а не на поставщике."),
    ("Причина задержки — не авиакомпания, а загруженность аэропорта.",
     "Причина задержки — не погода, а наша ошибка в расписании."),
])
def test_fault_put_on_something_else_instead_of_us_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # a party named by what it supplies us (r13 vk-durov-substation)
    ("Произошла авария на подстанции, которая питает наш дата-центр.",
     "Произошла авария на подстанции, которая питает микрорайон Северный."),
    ("Сбой вызвала авария у компании, которая снабжает нас электроэнергией.",
     "Произошла серьёзная авария в энергосистеме одного из наших дата-центров."),
    ("Случилась авария на линии, которая обеспечивает электричеством серверы банка.",
     "Случилась авария на линии, которая обеспечивает электричеством три улицы."),
])
def test_a_supplier_named_by_what_it_supplies_us_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # «связан с» a third party's problem (r13 mailru-third-party-leak)
    ("Опубликованные данные связаны с утечкой стороннего сервиса.",
     "Опубликованные данные связаны с утечкой из нашей старой базы."),
    ("Задержки доставки связаны с перегрузкой склада подрядчика.", "Сбой связан с нашим вчерашним обновлением."),
    ("Проблемы со входом связаны со сбоем на сторонней площадке.",
     "На теплосети образовалась утечка, бригада уже работает."),
])
def test_a_problem_tied_to_an_outside_party_is_blame(text: str, near_miss: str) -> None:
    assert _fires("blame", text) and not _fires("blame", near_miss)


@pytest.mark.parametrize("text", [
    # the party announces its own works (r13 rosseti-ruza-planned): no blame
    "Электросети «Россети» сообщают о плановых отключениях электроэнергии 27 февраля.",
    "Мосводоканал информирует жителей об отключении воды с 9:00 до 13:00.",
    "Теплосеть предупреждает о плановом отключении горячей воды на улице Мира.",
])
def test_a_utility_announcing_its_own_works_is_no_blame(text: str) -> None:
    assert not _fires("blame", text)
    # still blame when someone else names it as the cause
    assert _fires("blame", "Из-за аварии на сетях водоканала в домах нет воды.")


# --- speculation -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "near_miss"), [
    # a flat promise in the future tense, not an aim (r13 redwings-akron-apology)
    ("Мы исключим повторение подобных сбоев.", "Мы добавили проверки, чтобы исключить повторение сбоя."),
    ("Банк не допустит повторения такой ситуации.", "Разбираемся, как не допустить повторения."),
    ("Повторение подобных задержек будет исключено.", "Мы делаем всё, чтобы предотвратить повторение сбоя."),
])
def test_a_flat_promise_that_it_will_not_recur_is_speculation(text: str, near_miss: str) -> None:
    assert _fires("speculation", text) and not _fires("speculation", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # absolute safety nobody can check (r13 mailru-third-party-leak, r12 mincifry-kursk-ddos)
    ("Средства на счетах надёжно защищены.", "Угрозы для ваших денег нет: списаний без вашего согласия не было."),
    ("Данные клиентов надёжно защищены.", "Данные клиентов защищены шифрованием."),
    ("Ваши сбережения полностью защищены.", "Мы усилили защиту личного кабинета."),
    ("Ваши данные в полной безопасности.", "Все пассажиры в полной безопасности и размещены в гостинице."),
])
def test_absolute_safety_is_speculation(text: str, near_miss: str) -> None:
    assert _fires("speculation", text) and not _fires("speculation", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # how long it will last, as a fact (r14 motiv-no-compensation)
    ("Ограничения носят кратковременный характер.", "Утром был кратковременный перебой связи."),
    ("Отключение будет недолгим.", "Сбой носил кратковременный характер и уже устранён."),
    ("Перебои имеют непродолжительный характер.", "Перебои были непродолжительными."),
])
def test_a_duration_stated_as_fact_is_speculation(text: str, near_miss: str) -> None:
    assert _fires("speculation", text) and not _fires("speculation", near_miss)


@pytest.mark.parametrize(("text", "near_miss"), [
    # a modal verb with a restore (r14 aeroflot-samara-by-evening, chechnya-telecom-two-days)
    ("К вечеру ситуация с рейсами должна стабилизироваться.", "К вечеру ситуация с рейсами стабилизировалась."),
    ("Работа сайта должна нормализоваться к 18:00.", "Работа сайта нормализовалась к 18:00."),
    ("Восстановить связь удастся в течение суток.", "Связь удалось восстановить в течение суток."),
    ("Удастся восстановить подачу воды к утру.", "Подачу воды удалось восстановить к утру."),
    ("Починить линию должны к вечеру.", "Линию починили к вечеру."),
])
def test_a_restore_with_a_modal_verb_and_a_time_is_a_forecast(text: str, near_miss: str) -> None:
    assert _fires("speculation", text, "update") and not _fires("speculation", near_miss, "update")


@pytest.mark.parametrize(("text", "near_miss"), [
    # people get the utility back, an estimated time by name (r13 khabarovsk-vodokanal-22)
    ("Жители получат воду к 22:00.", "Жители получили воду в 22:00."),
    ("Ориентировочное время, когда дома получат свет, — 18:00.", "Следующее сообщение — в 18:00."),
    ("Примерный срок — 15:00, но возможно раньше.", "Сообщим о ходе работ в 15:00."),
])
def test_an_estimated_restore_time_is_a_forecast(text: str, near_miss: str) -> None:
    assert _fires("speculation", text, "update") and not _fires("speculation", near_miss, "update")


# --- alarm -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "near_miss"), [
    # «примем», «проверим» are «мы»-forms, not imperatives to the reader (r14 mts-ukraine-crimea-rights)
    ("Мы в срочном порядке примем все меры для восстановления связи.", "Срочно смените пароль."),
    ("Мы срочно проверим все платежи за ночь.", "Срочно позвоните в банк."),
    ("Мы осознаем, насколько важна связь, поэтому в срочном порядке принимаем меры.",
     "Немедленно обновите приложение."),
])
def test_our_own_urgency_in_we_forms_is_no_alarm(text: str, near_miss: str) -> None:
    assert not _fires("alarm", text) and _fires("alarm", near_miss)


# --- service status and what happened ----------------------------------------------------------

@pytest.mark.parametrize(("text", "stage"), [
    # delayed and postponed flights, their attribute, a restricted service (r13 uralairlines,
    # blagoveshchensk; r14 avianova, fc-rostov, khabarovsk, samara)
    ("Вылет в Сочи был отложен из-за технической неисправности.", "first_notice"),
    ("Рейс SU 100 задержан из-за позднего прибытия самолёта.", "first_notice"),
    ("Авиакомпания отложила вылет на утро из-за непогоды.", "first_notice"),
    ("Пассажирам задержанного рейса предложены напитки и горячее питание.", "update"),
    ("Сегодня с 10:00 до 17:00 в кассах стадиона будет проходить только обмен билетов.", "first_notice"),
    ("Мы устраняем повреждения на водоводе; жители получат воду после ремонта.", "update"),
    ("Из-за тумана расписание пришлось сдвинуть на два часа.", "update"),
])
def test_delays_and_limits_name_what_is_down(text: str, stage: str) -> None:
    assert not _fires("missing-service-status", text, stage)


def test_a_problem_with_nothing_named_still_lacks_a_status() -> None:
    # the pair of the test above: no flight, no utility, no schedule named
    assert _fires("missing-service-status", "Произошла техническая неисправность. Мы её устраняем.")
    assert not _fires("missing-service-status", "Произошла техническая неисправность. Рейс задержан.")


@pytest.mark.parametrize("text", [
    # a forced decision, a moved schedule (r14 aeroflot-samara-by-evening)
    "Посадка началась только утром, поэтому расписание пришлось сдвинуть.",
    "Поезда отправляются позже: график движения изменился.",
    "Нам пришлось сократить часы работы офисов.",
])
def test_a_forced_decision_or_a_moved_schedule_says_what_happened(text: str) -> None:
    assert not _fires("missing-what-happened", text, "update")
    assert _fires("missing-what-happened", "Приложение временно недоступно.", "update")


# --- next update -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "near_miss"), [
    # news already out names no next message (r13 aeroflot-su1783-birds)
    ("В связи с информацией в СМИ о задержке рейса сообщаем, что рейс за 15 марта отменён.",
     "Дополнительную информацию опубликуем 15 марта."),
    ("По информации пресс-службы, рейс за 1 сентября отменён.",
     "Информация о новых рейсах будет в 15:00."),
    ("В связи с обновлением приложения 15 марта с 02:00 до 04:00 переводы недоступны.",
     "Следующее обновление — в 15:00."),
])
def test_cited_news_is_no_next_update(text: str, near_miss: str) -> None:
    assert _fires("missing-next-update", text) and not _fires("missing-next-update", near_miss)


# --- the cooccurrence kind's ``ordered`` option ------------------------------------------------

def test_an_ordered_cooccurrence_needs_its_groups_in_order() -> None:
    from crisisplay.diagnostics.model import Severity
    from crisisplay.tone.base import CheckContext
    from crisisplay.tone.doc import Doc
    from crisisplay.tone.kinds.cooccurrence import CooccurrenceRule
    from crisisplay.tone.phrases import PhraseSet

    groups = {"fault": PhraseSet(["виноватый"], "ru"), "not_us": PhraseSet(["а не мы"], "ru")}
    common = {"id": "t.rule", "category": "blame", "severity": Severity.WARNING, "message": "{match}", "lang": "ru"}
    ordered = CooccurrenceRule(**common, groups=groups, scope="sentence", ordered=True)
    loose = CooccurrenceRule(**common, groups=groups, scope="sentence")
    ctx = CheckContext(stage="first_notice", channel="sms")
    for text, expected in (("Виновата техника, а не мы.", 1), ("А не мы ли виноваты?", 0)):
        doc = Doc(text, "ru")
        assert len(list(ordered.check(doc, ctx))) == expected
        assert len(list(loose.check(doc, ctx))) == 1
