"""Judgements fixed after round 35 of real published messages (``real-ru-r35-…``, ``real-en-r35-…``,
scored once blind, then read), as families of constructions in both languages: a situation called
critical («ситуация критичная»); the utilities' word for an outage («технологическое нарушение»)
as what happened; money declared safe ("all funds are safe"); another body's decision as the
cause ("LOCAL AUTHORITIES canceled our event"); a carrier named ("a Rogers outage") — and the
near misses: works planned by their noun («планирует проведение работ»), whom a step protects."""

from __future__ import annotations

from real_text import ALARM, BLAME, SPECULATION, WHAT_HAPPENED, Family, family_tests

RU: dict[str, Family] = {
    "a situation called critical": (ALARM, True, [
        "Ситуация критичная, с представителями «Водоканала» объезжали территории.",
        "Критическая ситуация с водой в районе.",
    ], [
        "Ситуация не критическая, но требует серьёзного подхода.",
        "Это критически важно.",
    ]),
    "the utilities' word for an outage": (WHAT_HAPPENED, False, [
        "Около 17:00 произошло технологическое нарушение в работе контактной сети на перегоне.",
        "Произошло нарушение в работе сервиса.",
    ], [
        "Сервис временно недоступен.",
    ]),
    "works planned by their noun": (SPECULATION, False, [
        "Областной «Водоканал» сегодня планирует проведение работ по ликвидации утечки.",
    ], [
        "Завершение работ планируется к 18:00.",
    ]),
}

EN: dict[str, Family] = {
    "money declared safe": (SPECULATION, True, [
        "We will be pausing withdrawals shortly, as our team is investigating. All funds are safe.",
        "Your money remains completely secure.",
    ], [
        "Please keep your money safe from scammers.",
        "Funds are not yet available.",
    ]),
    "another body's decision, a carrier named": (BLAME, True, [
        "But LOCAL AUTHORITIES canceled our event as well.",
        "We are aware of a Rogers outage and are assessing the full impact on City services.",
    ], [
        "We have made the proactive decision to move some of our processes offline to protect our "
        "colleagues, partners, suppliers, and our business.",
        "Authorities confirmed the water is safe to drink.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
