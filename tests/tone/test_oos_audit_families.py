"""Judgements fixed after an out-of-sample audit of the rules (each blind round 18–31 linted by
the rules that had not seen it; docs/lint.md, "Round 32"), as families of constructions, in both
languages: an accident or a panic denied is no alarm («серьёзной аварии не произошло», «просим не
поддаваться панике»), while an accident given as the cause of what does not work still is («из-за
аварии не будет воды»); the reader's case as a condition ("unless it is urgent, please do not
call") is no urgency; people at work today are no restore time ("we continue to work today to fix
the problems" — what ``--fix`` made of "in order to fix")."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
SPECULATION = "speculation"

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
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
