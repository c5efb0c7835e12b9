"""Judgements fixed around round 45 of real published messages (``real-ru-r45-…``, ``real-en-r45-…``,
scored once blind, then read), as families of constructions in both languages: a permission
refused by the police, the responsibility put on the tenants, a failure placed «за пределами»
(blame), and excuses refused, full responsibility taken, customers cleared of a charge (no
blame); a switch-over that «займёт две минуты», a date abbreviated ("by Nov. 27"), an estimate
or an assumption, a cause given as probable (guesses and forecasts), and "a fair chance to"
(an opportunity, no guess); left without a signal, unable to go on, a match not allowed,
problems delivering a programme (service status) — and the near misses."""

from __future__ import annotations

from real_text import BLAME, SERVICE_STATUS, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "a permission refused, responsibility put on tenants, a failure outside": (BLAME, True, [
        "Полиция не согласовала проведение матча на стадионе «Торпедо», о чём уведомила нас вчера.",
        "При сходе наледи вся ответственность в полном объёме ляжет на нанимателей квартир.",
        "Мы отдаём сигнал в штатном режиме. Возможный технический сбой находится за пределами телецентра.",
    ], [
        "Полиция помогла провести матч на стадионе «Торпедо».",
        "Вся ответственность за сход наледи лежит на нас: мы не убрали сосульки вовремя.",
        "Мы отдаём сигнал в штатном режиме. Сбой находится на нашем передатчике.",
    ]),
    "a switch-over that will take minutes, about an hour": (SPECULATION, True, [
        "Переход на резервные установки займёт две минуты.",
        "Перезагрузка серверов займёт около часа.",
        "Ремонт займёт примерно сутки.",
    ], [
        "Я помогу прямо сейчас, это займёт несколько минут.",
        "Переход на резервные установки завершён.",
        "Ремонт начался около часа ночи.",
    ]),
    "a match not allowed, unable to go on, left without a signal": (SERVICE_STATUS, False, [
        "Полиция не согласовала проведение матча на стадионе «Торпедо».",
        "К сожалению, мы не в силах возобновить работу после этих нелёгких месяцев.",
        "Произошла авария на центральном оборудовании. Практически вся Москва осталась без сигнала.",
    ], [
        "Полиция уведомила нас о проведении матча на стадионе «Торпедо».",
        "Произошла авария на центральном оборудовании.",
    ]),
    "a permission refused, unable to go on, as what happened": (WHAT_HAPPENED, False, [
        "Полиция не согласовала проведение матча на стадионе «Торпедо».",
        "К сожалению, мы не в силах возобновить работу после этих нелёгких месяцев.",
    ], [
        "Полиция уведомила нас о проведении матча на стадионе «Торпедо».",
    ]),
}

EN: dict[str, Family] = {
    "excuses refused, responsibility taken": (BLAME, False, [
        "We take full responsibility and will not make excuses for bad weather or force majeure or coincidence.",
        "The blame is entirely on our side and we should have anticipated this.",
    ], [
        "Due to force majeure the event is cancelled. We are not to blame.",
    ]),
    "a date abbreviated, an estimate, an assumption, a probable cause": (SPECULATION, True, [
        "OKEx will therefore reopen unrestricted withdrawals on or before Nov. 27, 2020.",
        "We estimate that 10 to 15 per cent of sites may not have one grade of fuel or another.",
        "We can only assume that there must have been a small amount of rainfall.",
        "It is likely that the outage was caused by a faulty update.",
        "The outage was likely caused by a faulty update.",
    ], [
        "OKEx reopened unrestricted withdrawals on Nov. 27, 2020.",
        "10 to 15 per cent of sites do not have one grade of fuel or another.",
        "We want all customers to have a fair chance to refuel.",
        "The outage was caused by a faulty update.",
        "The conditions likely due to the passage of Tropical Storm Don will be severe.",
    ]),
    "problems delivering a programme": (SERVICE_STATUS, False, [
        "We do apologize, we are having problems delivering the Six O'Clock news.",
    ], [
        "We do apologize, we are having problems.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
