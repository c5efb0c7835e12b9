"""Judgements fixed around round 53 of real published messages (``real-ru-r53-…``, ``real-en-r53-…``,
scored once blind, then read) and the English train misses read with it, as families of
constructions: a call to evacuate is alarm, a building emptied is not; the customers' debts as the
reason, "entirely dependent on" another party, "no legal duties" (blame), our own debts owned; a
site blocked, a break taken, what is down said by its symptom ("unreachable", "no access to", "a
break in this programme", connection issues, work done by hand, bottled water laid on) are service
status, a party's own connection issues are not ours; a reconstruction is what happened; what an
investigation found and a risk that "had" none are no guesses or promises; a domain in capitals
("GOV.UK") and a payment network's name ("EFTPOS") are no shout — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    SERVICE_STATUS,
    SHOUTING,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "a call to evacuate": (ALARM, True, [
        "Еще раз призываю эвакуироваться в более безопасные районы области.",
        "Жители! Сделайте выбор в пользу эвакуации.",
        "Подготовьтесь к возможной эвакуации.",
    ], [
        "Посетителей торгового центра эвакуировали, сейчас центр закрыт.",
        "В данный момент эвакуация.",
    ]),
    "the customers' debts as the reason": (BLAME, True, [
        "В связи с большой задолженностью абонентов отопление не подаётся.",
        "Если заводоуправление так и не рассчитается с долгами, морозы приведут к разморозке системы.",
    ], [
        "Самолёт не заправляют в Норильске из-за долгов компании.",
        "Из-за долгов мы закрываем три магазина.",
        "Погасить задолженность можно в приложении.",
    ]),
    "a site blocked, a break taken": (SERVICE_STATUS, False, [
        "Роскомнадзор заблокировал сайт.",
        "Нашему изданию всего полтора месяца, а нас уже успели заблокировать в России.",
        "Наш кинотеатр уходит на небольшие каникулы.",
    ], [
        "Мы обсуждаем каникулы с коллегами.",
    ]),
    "a reconstruction": (WHAT_HAPPENED, False, [
        "Наш кинотеатр закрыт, чтобы провести реконструкцию.",
    ], [
        "Наш кинотеатр проводит конкурс для зрителей.",
    ]),
}

EN: dict[str, Family] = {
    "dependent on another party, a duty denied": (BLAME, True, [
        "We are entirely dependent on Eskom informing us of their generation capacity.",
        "The District Council has no legal duties to deal with flooding incidents.",
    ], [
        "Our customers are entirely able to use the app.",
        "The council has legal powers to close the road.",
    ]),
    "what is down said by its symptom": (SERVICE_STATUS, False, [
        "Stencila Hub is unreachable.",
        "Team is aware of the connection issues and are working on it.",
        "Our centres are experiencing Internet connectivity issues.",
        "The reservoir has now been shut-off completely.",
        "The ABF is processing passengers manually.",
        "There will be no student access to campus.",
        "We are providing bottled water till 9pm.",
        "We are sorry for the break in this programme.",
    ], [
        "Our API provider is having connection issues. We are investigating!",
        "There is no need to access your account.",
    ]),
    "what an investigation found, a risk that was none": (SPECULATION, False, [
        "Upon investigation, it appeared that an updated mail process created this issue.",
        "Any client with an automatic payment set had no risk at all.",
    ], [
        "It appeared that the server was down.",
        "There is no risk to your data.",
    ]),
    "a domain, a payment network": (SHOUTING, False, [
        "Sign up for the latest flood warnings here: Check for flooding in England - GOV.UK.",
        "There is currently an issue affecting EFTPOS and Osko transactions.",
    ], [
        "There is currently an issue affecting ALL transactions. Do NOT retry.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
