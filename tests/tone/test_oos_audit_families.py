"""Judgements fixed after an out-of-sample audit of the rules (each blind round 18–31 linted by
the rules that had not seen it; docs/lint.md, "Round 32"), as families of constructions, in both
languages: an accident or a panic denied is no alarm («серьёзной аварии не произошло», «просим не
поддаваться панике»), while an accident given as the cause of what does not work still is («из-за
аварии не будет воды»); the reader's case as a condition ("unless it is urgent, please do not
call") is no urgency; people at work today are no restore time ("we continue to work today to fix
the problems" — what ``--fix`` made of "in order to fix"); the contacts real notices give (local
numbers after a cue, «26-66-71»; numbers and domains of other English-speaking countries; "give us a
call", "contact your airline"); service status from an alternative laid on or a supply steady
again, and the water as customers see it; demand or pressure on a service as what happened."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
SPECULATION = "speculation"
CONTACT = "missing-contact"
STATUS = "missing-service-status"
WHAT = "missing-what-happened"

RU: dict[str, Family] = {
    "an accident or a panic denied": (ALARM, False, [
        "Серьёзной аварии не произошло, угрозы для жителей нет.",
        "Аварии не было, отключение плановое.",
        "Никакой аварии не случилось: подачу воды прекратили для промывки сетей.",
        "Просим не поддаваться панике: запасов воды достаточно.",
        "Паники нет, магазины работают.",
        "В связи с чем чрезвычайная ситуация не прогнозируется.",
        "Это внеплановые, но штатные работы, которые к ЧС никак не относятся.",
    ], [
        "Из-за аварии не будет воды до вечера.",
        "В результате аварии не работает водопровод.",
        "В связи с аварией не работает лифт.",
        "Из-за серьёзной аварии на подстанции не работают светофоры.",
        "После аварии угрозы для жителей нет.",
        "На сети произошла авария, ведутся работы.",
    ]),
    "a local number after its cue": (CONTACT, False, [
        "Справки по телефону диспетчерской 930101 добавочный 2.",
        "Телефоны для справок: 26-66-71, 25-95-70.",
        "Вопросы можно задать по телефонам диспетчерской службы ОАО «НКС»: 26-66-71, 25-95-70.",
        "Телефоны для справок:\n062-342-69-51\n062-303-11-00",
        "Звоните в ЕДДС по номеру 112.",
    ], [
        "Номер рейса 1234 задержан.",
        "Телефонная линия не работает с 1200 абонентами.",
        "Телефоны не работали в 2016-2017 годах.",
    ]),
    "an alternative laid on or a supply steady again": (STATUS, False, [
        "Произошёл порыв. Воду раздают в бутилированном виде.",
        "Сломался поезд. Организован компенсационный автобус.",
        "Сломался поезд. Пущены дополнительные автобусы.",
        "Произошёл сбой. Сейчас водоснабжение стабильное.",
        "Произошёл сбой. Подача воды стабилизирована.",
        "Произошёл сбой. Давление в сети стабилизировалось.",
    ], [
        "Произошёл сбой. Подачу воды стабилизируют завтра.",
        "Произошёл сбой, ситуация стабильная.",
    ]),
    "demand as the cause": (WHAT, False, [
        "Наблюдается повышенный спрос, возможны задержки с доставкой.",
        "Из-за ажиотажного спроса возможны задержки с доставкой.",
    ], [
        "Возможны задержки с доставкой.",
    ]),
}

EN: dict[str, Family] = {
    "the reader's case as a condition": (ALARM, False, [
        "Unless it is urgent, please do not call the helpline today.",
        "Unless your condition is urgent, please wait for a call back.",
        "If it is urgent, call 111.",
    ], [
        "This is urgent. If we run out of water we will close.",
        "You need to call us urgently.",
    ]),
    "people at work today": (SPECULATION, False, [
        "Our IT team continue to work today to fix the problems.",
        "We will work today to fix it.",
        "Engineers will work tonight to restore the remaining lines.",
    ], [
        "We will fix it today.",
        "We hope to fix it today.",
        "Engineers will restore power by 6 pm today.",
    ]),
    "a number or an address of the English-speaking world": (CONTACT, False, [
        "Faults can be reported to Irish Water on 1850 278 278.",
        "Call 132090 to report a fault.",
        "Please call us on 044 501 3160.",
        "Book your seat at expressway.ie.",
        "Updates are on www.example.co.nz.",
    ], [
        "Book your seat at the station.",
        "Ticket 20231245 was cancelled.",
    ]),
    "the ways people say call us": (CONTACT, False, [
        "Customers who have not paid, please telephone us so we can take payment.",
        "Please give us a call if you need help.",
        "Please contact the number on your appointment letter.",
        "Please speak with staff at the terminal for more information.",
        "Please contact your airline for more information.",
    ], [
        "Some customers cannot use our app.",
        "We will post news on our Twitter feed.",
        "The fault has been reported to the provider's service desk.",
    ]),
    "an alternative, a steady supply, the water as customers see it": (STATUS, False, [
        "A rail broke. Change trains at Bridgeport; a shuttle train is running.",
        "A rail broke. We have put on extra buses.",
        "A pipe burst. The water supply is stable now.",
        "A water main burst this morning. Residents may see brown water.",
    ], [
        "A pipe burst this morning.",
        "A pipe burst. Engineers are on site.",
    ]),
    "pressure on a service as the cause": (WHAT, False, [
        "Our emergency department is under extreme pressure today, so please use other services.",
        "Due to significant pressure on our services, waits are longer.",
    ], [
        "Waits are longer today.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
