"""Judgements fixed around round 61 of real published messages (``real-ru-r61-…``, ``real-en-r61-…``,
scored once blind, then read): a regime of heightened readiness declared and a situation «особо
сложная» raise alarm (crews on standby do not); a payment that failed or could not go through names
what is down; a delay's length is a forecast; a party's lines hung without leave, and "our
provider's infrastructure", put the fault on it; "should be back online now" is a guess — and the
near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SERVICE_STATUS, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "readiness declared, a situation called exceptionally hard": (ALARM, True, [
        "Режим повышенной готовности установлен на всей территории района.",
        "Особо сложная ситуация — в Биробиджанском районе: пять лесных пожаров.",
    ], [
        "Энергетики работают в режиме повышенной готовности, бригады на местах.",
        "Ситуация в районе под контролем, пожары потушены.",
    ]),
    "a payment that failed": (SERVICE_STATUS, False, [
        "Оплата не прошла. К сожалению, произошла ошибка при обработке вашего платежа.",
        "В процессе оплаты возникла ошибка. Не удалось продолжить оформление заказа.",
    ], [
        "Произошла ошибка, приносим извинения.",
        "Некоторые ошибки устраняются в текущем режиме.",
    ]),
    "a delay's length as fact": (SPECULATION, True, [
        "Обновление задерживается на несколько дней из-за технических сложностей.",
    ], [
        "Обновление задержалось на несколько дней из-за технических сложностей.",
        "Сегодня ресторан не будет работать в связи с техническими неполадками.",
    ]),
    "a party's lines hung without leave": (BLAME, True, [
        "Некоторые провайдеры размещают линии связи без технической документации, и линии рвутся.",
    ], [
        "Мы размещаем линии связи по технической документации.",
    ]),
}

EN: dict[str, Family] = {
    "a restore hoped to have held": (SPECULATION, True, [
        "The service should be back online now. I will close this issue.",
        "All connectivity issues should now be resolved.",
        "We should be back up.",
    ], [
        "The service is back online now. I will close this issue.",
        "You should now be able to log in.",
    ]),
    "the provider's own infrastructure": (BLAME, True, [
        "Our provider's infrastructure is down. I will try to reach them.",
    ], [
        "Our infrastructure is down. We are restoring it.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
