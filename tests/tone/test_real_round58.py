"""Judgements fixed around round 58 of real published messages (``real-ru-r58-…``, ``real-en-r58-…``,
scored once blind, then read), as families of constructions: a domain «заблокировали» by an unnamed
«they», a platform's API as the cause — blame; «есть гипотеза» and a plant's «выход на рабочий
режим состоится до 09:00» — speculation; "an outage at my VPS provider", "Outage on Facebook side"
and a supplier "disconnecting our power" say what happened; an electrical fault is no denial of
fault; "restored and the school will be open as usual" is a decision, not a forecast — and the
near misses."""

from __future__ import annotations

from real_text import BLAME, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "blocked by an unnamed they": (BLAME, True, [
        "Наш домен заблокировали, пока переехали на зеркало.",
        "Всё проще: забанили подсеть хостинга, подключил другой адрес.",
        "Люди нехорошие домен заблокировали. Сам сайт работает на запасном адресе.",
    ], [
        "Мы заблокировали аккаунт, с которого шла рассылка.",
        "Остатки на складах заблокированы к продаже до проверки.",
        "Ресурс был удалён из реестра заблокированных сайтов.",
    ]),
    "a platform's API as the cause": (BLAME, True, [
        "Проблема в API телеграмма, бот пока не отвечает.",
        "Сбой в API ВКонтакте, сообщения не доходят.",
    ], [
        "Проблема в нашем API, исправляем.",
        "Бот переписан под новый API, всё работает.",
    ]),
    "a guess by name": (SPECULATION, True, [
        "Есть гипотеза о блокировке доменной зоны некоторыми провайдерами.",
        "Наше предположение: сбой у провайдера.",
        "Подозреваем, что дело в обновлении.",
    ], [
        "Гипотеза не подтвердилась: причина в сбое диска, его заменили.",
        "Причина найдена: сбой диска, его заменили.",
    ]),
    "a plant back to its duty by a time": (SPECULATION, True, [
        "Выход на рабочий режим состоится до 09:00.",
        "Котельная выйдет на штатный режим к утру.",
    ], [
        "Водозабор вышел на рабочий режим в 09:00.",
        "Выход на рабочий режим мы сообщим отдельно.",
    ]),
}

EN: dict[str, Family] = {
    "what failed named after the outage": (WHAT_HAPPENED, False, [
        "There's an outage at my VPS provider. Updates will continue when the service is restored.",
        "Outage on Facebook side was affecting fetching data.",
        "Our energy supplier will be disconnecting our power between 9am and 1pm on Monday.",
    ], [
        "There's an outage on Tuesday. Updates will continue when the service is restored.",
        "We are aware of the outage. Updates will follow.",
    ]),
    "an electrical fault is no denial": (BLAME, False, [
        "This was due to an electrical fault that meant we had no water.",
        "The update confirmed that the fault had not been located and a generator was being sourced.",
    ], [
        "This was not our fault: the supplier cut the power.",
        "We are not responsible for the outage at the supplier.",
    ]),
    "restored, then open as usual": (SPECULATION, False, [
        "The school's power has now been restored and the school will be open as usual on Friday.",
        "The problem has now been rectified and we will be open at the normal time as of tomorrow.",
    ], [
        "The school will be open as usual on Friday.",
        "The generator should be installed later today.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
