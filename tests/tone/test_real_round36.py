"""Judgements fixed after round 36 of real published messages (``real-ru-r36-…``, ``real-en-r36-…``,
scored once blind, then read), as families of constructions in both languages: a declared state
of emergency («чрезвычайное положение»); the supply lost at another company's substation («потеря
напряжения на подстанции сетевой организации»); the cause disowned in two words («Причина не
наша»); a guess as an aside («Может быть, за счёт…»); uninterrupted service promised; a service's
own verb negated («не обслуживаются»); who responds to a problem is not what it affects; a
directive or a company named by its legal form as the cause; "outwith our control"; a
never-again promise with any verb; an effect guessed ("may have led to"); our disruption
foretold for a stretch; restrictions in place, a service deprived, an event called off as the
service's state; an island's local number after "dial" — and the near misses: the engineers who
restore the supply, a caller's own emergency, a false rumour denied, "later than expected",
importance called critical, our own error to blame, a company's name before its legal form and
a press release's dateline in capitals, a past ability to contact us, the fire service among
those to call."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "a declared state of emergency": (ALARM, True, [
        "Пока не могу сказать, будут ли продлевать абонементы — ведь это внештатная ситуация, чрезвычайное положение.",
        "В регионе объявлено чрезвычайное положение.",
    ], [
        "Комиссия по чрезвычайным ситуациям провела заседание.",
    ]),
    "the supply lost at another company's substation": (BLAME, True, [
        "В связи с потерей напряжения на подстанции сетевой организации прекратила работу Южная котельная.",
        "Из-за пропадания питания у энергоснабжающей организации остановилась насосная станция.",
    ], [
        "Энергетики полностью восстановили электроснабжение нескольких населённых пунктов после "
        "отключения воздушной линии.",
        "Бригады энергетиков восстановили питание после отключения линии.",
    ]),
    "the cause disowned in two words": (BLAME, True, [
        "Что-то у электриков произошло. Причина не наша.",
    ], [
        "Причина наша: ошибка при обновлении.",
    ]),
    "a guess as an aside": (SPECULATION, True, [
        "В отдельных районах электричество появилось. Может быть, за счёт резервных источников.",
        "Может быть, из-за перегрузки сети.",
    ], [
        "Может быть, вам поможет перезагрузка роутера.",
    ]),
    "uninterrupted service promised": (SPECULATION, True, [
        "Доставку осуществляем собственными машинами, которые обеспечат бесперебойную доставку почты.",
        "Мы обеспечим бесперебойную работу сервиса.",
    ], [
        "Мы обеспечили резервное питание серверов.",
    ]),
    "a service's own verb negated": (SERVICE_STATUS, False, [
        "На данный момент карты платёжной системы «Мир» не обслуживаются в банкоматах и терминалах.",
    ], [
        "Причины выясняются.",
    ]),
    "who responds to a problem is not what it affects": (SERVICE_STATUS, True, [
        "Произошло аварийное отключение воздушной линии. Для ликвидации аварии задействованы все "
        "соответствующие службы.",
        "К месту аварии направлены бригады.",
    ], [
        "Авария на линии оставила без света три посёлка.",
    ]),
}

EN: dict[str, Family] = {
    "a directive or a company named by its legal form as the cause": (BLAME, True, [
        "Mobile money restrictions are still in place as per UCC directive.",
        "This was caused by additional power deficit arising from a technical fault at Ndola Energy Company Limited.",
    ], [
        "Based on an initial analysis, a mixture of human and process error were to blame.",
        "Please boil your water following the instructions below.",
    ]),
    "beyond our control, in Scots": (BLAME, True, [
        "We are heartbroken to announce that due to circumstances outwith our control, we have had "
        "to cancel the festival.",
    ], [
        "The festival is cancelled; we are sorry.",
    ]),
    "a never-again promise with any verb": (SPECULATION, True, [
        'Our vendor has provided written confirmation that our account "will not be suspended needlessly again".',
    ], [
        "We are working to stop this from happening again.",
    ]),
    "an effect guessed": (SPECULATION, True, [
        "It has experienced a system failure that may have led to loss of electricity supply to some "
        "parts of the country.",
    ], [
        "We apologise for any inconvenience this may have caused.",
    ]),
    "our disruption foretold for a stretch": (SPECULATION, True, [
        "Due to Tropical Cyclone Winston, Fiji Airways and Fiji Link flights will be affected over the next few days.",
    ], [
        "Unfortunately the aircraft part arrived later than expected leading to a series of rolling delays.",
        "Last week there were rumors that the 9-1-1 lines were down. That is a false rumor.",
    ]),
    "restrictions, deprivation and cancellation as the service's state": (SERVICE_STATUS, False, [
        "Mobile money restrictions are still in place. There is no defined timeline for full restoration.",
        "This is a clear act of vandalism that has deprived customers of service.",
        "This is a clear act of vandalism that has deprived more than 3,000 customers of service.",
        "We have had to make the very difficult decision to cancel the Midnight Sun Weekender Festival.",
        "Fiji Airways and Fiji Link flights will be affected over the next few days.",
    ], [
        "Our teams are looking into the cause.",
    ]),
    "a declared incident, havoc": (ALARM, True, [
        'A Council spokesman said: "This is a major incident and it is not possible to estimate when '
        'services will be restored."',
        "This is a deliberate act designed to wreak havoc on the delivery of service to our customers.",
    ], [
        "If you need to report an emergency, you are encouraged to text 911 and type your emergency "
        "in the message field.",
        "The caller will get someone on the line who is available to assist them with their emergency situation.",
        "The messages we got from you brought home how critical it is that we deliver maximum uptime.",
    ]),
    "a company's name and a dateline in capitals": (SHOUTING, False, [
        "ZESCO Limited wishes to inform its customers that it has experienced a system failure.",
        "LUSAKA, Thursday 27 June, 2024. The company wishes to apologize for the extended power rationing.",
    ], [
        "PLEASE NOTE: reduced service today.",
    ]),
    "the fire service among those to call is no event": (WHAT_HAPPENED, True, [
        "The 911 lines are not operational nationwide. If you need police, fire or emergency medical "
        "assistance in Minneapolis, please call 612-348-2345.",
    ], [
        "There was a fire and emergency crews attended.",
    ]),
    "an island's local number after dial, not a past ability": (CONTACT, False, [
        "In any case of emergency, the community can dial 54-22222 and press 1.",
        "Please call us on 54-22222.",
    ], [
        "People in the south end of the county with cell phones were still able to contact us.",
    ]),
}

#: Empathy is asked of a first notice, not of an update
EN_FIRST_NOTICE: dict[str, Family] = {
    "sorrow owned": (EMPATHY, False, [
        "We are heartbroken to announce that we have had to cancel the festival.",
    ], [
        "We have had to cancel the festival.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST_NOTICE, "en", stage="first_notice")
