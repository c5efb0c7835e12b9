"""Judgements fixed after round 40 of real published messages (``real-ru-r40-…``, ``real-en-r40-…``,
scored once blind, then read), as families of constructions in both languages: delays «вне воли»
of the organiser; another company that answers for the refund («отвечает ООО «…»»); the
customers' own act as the cause («вызвано тем, что пользователи платили вручную»); a change
defended by the rules; hearsay («по некоторым данным»); a payout promised «в обязательном
порядке»; an outcome promised for everyone («все ЕГЭ сдадут»); trains running as what works; a
vehicle that took the line down; silence put on advisers; experts we brought in are no party at
fault; "at the earliest" as "as soon as possible"; a story told in order ("an hour later we
received …"); a medical emergency as the reader's case; a helpline by its number ("contact NHS
111"); the impact acknowledged; a business that ceased operations; demand past what was planned;
ambulances diverted; a service usable "once again" at the resolution — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    SERVICE_STATUS,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "outside our will": (BLAME, True, [
        "Все задержки с возвратами происходят вне воли и действий представителей организатора.",
    ], [
        "Мы ускоряем возвраты и сообщим о них отдельно.",
    ]),
    "another company answers for it": (BLAME, True, [
        "За возврат денежных средств отвечает ООО «Радарио».",
        "ООО «Радарио» отвечает за возврат денег.",
    ], [
        "За возврат отвечает наш отдел заботы о клиентах.",
    ]),
    "the customers' own act as the cause": (BLAME, True, [
        "Скопление автомобилей было вызвано тем, что пользователи платили вручную.",
        "Очередь была вызвана тем, что многие покупатели пришли одновременно.",
    ], [
        "Задержка вызвана тем, что у клиентов не проходили платежи.",
    ]),
    "a change defended by the rules": (BLAME, True, [
        "Изменение типа воздушного судна или времени вылета допускается правилами перевозок.",
    ], [
        "Возврат билета предусмотрен правилами перевозок.",
    ]),
    "hearsay": (SPECULATION, True, [
        "Кроме того, по некоторым данным, на трассе произошло ДТП.",
        "По непроверенной информации, сбой затронул весь город.",
    ], [
        "По данным диспетчерской службы, на трассе произошло ДТП.",
    ]),
    "a payout promised without fail": (SPECULATION, True, [
        "Вы в обязательном порядке получите денежные средства.",
    ], [
        "В обязательном порядке возьмите с собой паспорт.",
    ]),
    "an outcome promised for everyone": (SPECULATION, True, [
        "Не переживайте, все ЕГЭ сдадут.",
        "Все успеют на свои рейсы.",
    ], [
        "Все, кто не успел, смогут сдать экзамен в резервный день.",
    ]),
    "trains running as what works": (SERVICE_STATUS, False, [
        "На казанском направлении движение электропоездов осуществляется в обе стороны. Принимаем меры "
        "для сокращения опозданий.",
    ], [
        "На казанском направлении принимаем меры для сокращения опозданий.",
    ]),
}

EN: dict[str, Family] = {
    "experts we brought in are no party at fault": (BLAME, False, [
        "Third party experts that have helped other health care providers respond to similar issues have "
        "been engaged.",
    ], [
        "Our third party provider caused the outage this morning.",
    ]),
    "a vehicle that took the line down": (BLAME, True, [
        "Customers may see an interruption due to a fiber cut caused by an accident, when a waste removal "
        "truck took down hydro lines and our fiber.",
    ], [
        "Customers may see an interruption due to a fiber cut this morning; our crews are repairing it.",
    ]),
    "silence put on advisers": (BLAME, True, [
        "Professional advisors instructed us not to inform anyone.",
    ], [
        "Our advisors helped us plan the closure.",
    ]),
    "'at the earliest' as 'as soon as possible'": (SPECULATION, False, [
        "We are coordinating with PTA to resolve the problem at the earliest.",
    ], [
        "We expect to restore service on Thursday at the earliest.",
    ]),
    "a story told in order": (SPECULATION, False, [
        "About an hour later we received a reply stating that their decision is final and the services "
        "will not be reinstated.",
    ], [
        "The services will be reinstated in about an hour.",
    ]),
    "a medical emergency as the reader's case": (ALARM, False, [
        "Please support our staff by only dialling 999 if you face a medical emergency.",
    ], [
        "Please support our staff: this is an emergency.",
    ]),
    "a helpline by its number": (CONTACT, False, [
        "We would, as always, recommend that you contact NHS 111 or seek advice from your GP.",
        "Please support our staff by only dialling 999 if you face a medical emergency.",
    ], [
        "We would, as always, recommend that you seek advice from your GP.",
    ]),
    "a business that ceased operations": (SERVICE_STATUS, False, [
        "With regret we advise that the gymnasium has ceased operations.",
    ], [
        "With regret we advise you of changes at the gymnasium.",
    ]),
    "demand past what was planned": (WHAT_HAPPENED, False, [
        "We've basically skyrocketed right past our highest number of expected players for the entire day.",
        "We had far more players than we expected this morning.",
    ], [
        "We are switching off matchmaking for a short while.",
    ]),
    "ambulances diverted": (WHAT_HAPPENED, False, [
        "From Saturday evening ambulances have been diverted away from Royal Sussex County Hospital.",
    ], [
        "From Saturday evening please go to Royal Sussex County Hospital.",
    ]),
}

EN_FIRST_NOTICE: dict[str, Family] = {
    "the impact acknowledged": (EMPATHY, False, [
        "We fully appreciate that this situation may have a significant impact on our patients.",
        "The support and co-operation of everyone involved is hugely appreciated.",
    ], [
        "This situation may have a significant impact on our patients.",
    ]),
}

EN_RESOLUTION: dict[str, Family] = {
    "back in use 'once again' as what happened": (WHAT_HAPPENED, False, [
        "Players should once again be able to access the Xbox Network.",
        "We are grateful to once again accept emergency room patients by ambulance.",
    ], [
        "The site is once again down.",
    ]),
    "back in use 'once again' as what works": (SERVICE_STATUS, False, [
        "Players should once again be able to access the Xbox Network.",
    ], [
        "Players should check the news.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST_NOTICE, "en", stage="first_notice")
test_en_resolution_variants, test_en_resolution_near_misses = family_tests(EN_RESOLUTION, "en", stage="resolution")
