"""Judgements fixed around round 44 of real published messages (``real-ru-r44-…``, ``real-en-r44-…``,
scored once blind, then read), and the probes before it, as families of constructions in both
languages: a ban, a supply or a service that will not be there («света не будет», «паромы ходить
не будут», «забор анализов осуществляться не будет»), fewer buses, a ground stop, trains late, an
exam postponed or shifted, a portal live, a decision to close, tours annulled, classes in person
(service status); a party that missed its part, trouble placed with another, another's obligations
unmet, an authority's crisis headquarters (blame), and the fault owned or a party cleared (no
blame); a shortage and a surge of demand, a security incident, «мы закрываем» (what happened),
an event denied (none); a drill, a surge «беспрецедентная ситуация», services at risk of an
outage, incidents in general (no alarm); a company's name in capitals after what it is (no shout);
a short number after «и» (no contact); a transport link («авиационное сообщение») is no message;
«увы», "I know that your shock…" (empathy) — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    NEXT_UPDATE,
    SERVICE_STATUS,
    SHOUTING,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "none of a supply or a service to come, a ban": (SERVICE_STATUS, False, [
        "Из-за ремонта теплотрассы света не будет до вечера. Приносим извинения.",
        "Из-за ремонта горячей воды в домах не будет. Приносим извинения.",
        "Из-за непогоды завтра паромы не будут ходить. Приносим извинения.",
        "Из-за непогоды паромы ходить не будут. Приносим извинения.",
        "В лабораториях будут проводиться технические работы, и забор анализов осуществляться не будет.",
        "Из-за карантина посещения пациентов запрещены.",
        "Принято решение о закрытии музея для публики.",
        "Туроператоры аннулируют туры с вылетами в июле.",
        "Из-за ремонта занятия будут проводиться в очном режиме.",
    ], [
        "Мы обнаружили сбой и устраняем его. Сбоев больше не будет.",
        "С большой вероятностью крупные мероприятия этого года будут запрещены.",
        "Вероятно, это может быть связано с нарушениями со стороны сотрудников.",
    ]),
    "a party that missed its part, a problem disowned": (BLAME, True, [
        "Курьерская служба сорвала сроки доставки, поэтому заказы задерживаются.",
        "Поставщик не успел привезти товар, поэтому магазин закрыт.",
        "Это не наша проблема: оборудование принадлежит городу.",
        "Оперативный штаб принял решение о прекращении авиасообщения, туроператор приостановил продажи туров.",
    ], [
        "Мы не успели подготовить сервис к нагрузке, провайдер здесь ни при чём.",
        "Мы направили уведомление в АО «Мосэнерго» и ждём ответа.",
        "Туроператор вынужден приостановить продажи туров.",
    ]),
    "a shortage, a surge of demand, our closing": (WHAT_HAPPENED, False, [
        "Мы наблюдаем дефицит реагентов, поэтому ставим на паузу продажи теста.",
        "Из-за взрывного роста спроса мы ставим на паузу продажи теста.",
        "Мы закрываем гору, потому что ветер больше 15 метров в секунду.",
    ], [
        "Мы ставим на паузу продажи теста.",
    ]),
    "an event denied": (WHAT_HAPPENED, True, [
        "Серьёзных сбоев также не зафиксировано, экзамены прошли в штатном режиме.",
    ], [
        "Зафиксированы серьёзные сбои, экзамены прошли с задержкой.",
    ]),
    "a drill, a situation without precedent": (ALARM, False, [
        "Это была учебная тревога. Всё хорошо.",
        "Это беспрецедентная ситуация, поэтому мы закупаем оборудование.",
    ], [
        "Это была тревога.",
        "Это беспрецедентная атака на наши серверы.",
    ]),
    "a name in capitals after what it is": (SHOUTING, False, [
        "Туроператор ИНТУРИСТ вынужден приостановить продажи.",
    ], [
        "Магазин ЗАКРЫТ до понедельника.",
    ]),
    "a number after «и» is another item": (CONTACT, True, [
        "Аннулировано 172 работы за использование мобильных телефонов и 124 за использование шпаргалок.",
    ], [
        "Вопросы можно задать по телефону диспетчерской 930101.",
    ]),
    "a transport link is no message": (NEXT_UPDATE, True, [
        "В связи с прекращением авиационного сообщения с Турцией до 01.06.2021 продажи туров приостановлены.",
    ], [
        "Следующее сообщение опубликуем 01.06.2021.",
    ]),
}

EN: dict[str, Family] = {
    "fewer, grounded, late, postponed, shifted, live": (SERVICE_STATUS, False, [
        "Because of the strike, there will be fewer buses on most routes today.",
        "A ground stop is in place for all regional flights because of a radar fault.",
        "Following a power cut, trains are running up to 30 minutes late.",
        "All examinations scheduled for Monday have been postponed for two weeks due to system problems.",
        "Consequently, the examinations are hereby shifted by one week.",
        "The emergency maintenance of the portal has concluded and the portal is live.",
        "Router orders placed between March 10 and 14 will arrive later than promised.",
    ], [
        "Because of the strike, we are reviewing the timetable.",
        "Late last night a fault was found at the depot.",
    ]),
    "a party that missed its part, trouble placed with another": (BLAME, True, [
        "Our courier partner missed its delivery slots, so some orders are late.",
        "Unfortunately the issue lies with the bank, not with us.",
        "Our supplier let us down badly this week, and deliveries are delayed.",
        "1. The NSFAF has not met its financial obligations to students it sponsored as required.",
    ], [
        "Unfortunately the issue lies with our own billing software.",
        "All delivery companies are experiencing exceptionally high volumes.",
        "We wanted to assure customers that they will not be liable for fraudulent charges.",
        "If you had online assessment deadlines during this time, please make allowances.",
    ]),
    "a security incident": (WHAT_HAPPENED, False, [
        "We recently became aware of a data security issue involving customer payment card data at certain stores.",
    ], [
        "We recently became aware of customer payment card data at certain stores.",
    ]),
    "risk of an outage, incidents in general, a massive outage": (ALARM, False, [
        "During the work all central ICT services are at risk of an outage.",
        "The review group is considering lessons for the management of critical incidents.",
        "Everything possible is being done to restore this massive outage.",
    ], [
        "Your savings are at risk.",
        "The trust has declared a critical incident.",
    ]),
    "a name after what it is, after 'The' in a list": (SHOUTING, False, [
        "According to preliminary data, our host company FILANKO had power failures.",
        "Reasons:\n1. The NSFAF has not met its obligations.\n2. Equally, NSFAF-sponsored students are affected.",
    ], [
        "Our partner IS NOT responding.",
    ]),
    "a party that can help, as theirs": (CONTACT, False, [
        "We encourage customers to contact their card issuers if they see a charge they do not recognize.",
    ], [
        "We encourage our customers to review their card statements.",
    ]),
}

#: empathy is asked of a first notice only
RU_FIRST: dict[str, Family] = {
    "regret as an interjection": (EMPATHY, False, [
        "Увы, новости у нас не самые радостные: фестиваль в этом году проводиться не будет.",
    ], [
        "Новости у нас такие: фестиваль в этом году проводиться не будет.",
    ]),
}

EN_FIRST: dict[str, Family] = {
    "the reader's feeling shared": (EMPATHY, False, [
        "Naturally I know that your shock is as big as mine if you have placed an order recently.",
    ], [
        "Naturally the shop is offline if you have placed an order recently.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_ru_first_variants, test_ru_first_near_misses = family_tests(RU_FIRST, "ru", "first_notice")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST, "en", "first_notice")
