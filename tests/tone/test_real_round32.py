"""Judgements fixed after round 32 of real published messages (``real-ru-r32-…``, ``real-en-r32-…``,
scored once blind, then read), as families of constructions in both languages: stock excuses in
other words («из-за объективных причин», «предупредить … не могло», "not feasible to be
anticipated", "we do not have control over", "we did everything by the book"); works that are the
contractor's by warranty or by their kind ("contractor-related works"); a police order; a request
for understanding that is no empathy («просим отнестись с пониманием»); forecasts said as a
situation that will persist, a hope for the outcome, a prognosis; a
serious crisis as alarm — and the near misses: a failure owned («мы не смогли вовремя
предупредить»), a collapse denied, a council that issues a notice or thanks residents, a
condition on what the reader did."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
BLAME = "blame"
SPECULATION = "speculation"
EMPATHY = "missing-empathy"

RU: dict[str, Family] = {
    "a stock excuse in other words": (BLAME, True, [
        "И пусть из-за объективных причин фестиваль был перенесён, мы уверены, что всё получится.",
        "Ввиду объективных обстоятельств концерт переносится.",
        "Отключение внеплановое. Предупредить о нём заранее потребителей компания не могла.",
        "Предвидеть такую нагрузку мы не могли.",
    ], [
        "Мы не смогли вовремя предупредить вас, и это наша ошибка.",
        "Отключение внеплановое, поэтому мы не предупредили заранее. Приносим извинения.",
    ]),
    "works that are the contractor's by warranty": (BLAME, True, [
        "Работы проводит подрядная организация, так как данный объект находится на гарантийном сроке.",
        "Ремонт выполняет подрядная организация по гарантийным обязательствам.",
    ], [
        "Ремонт выполняют наши специалисты, работы идут круглосуточно.",
    ]),
    "a police order": (BLAME, True, [
        "Представители УМВД выдали устное предписание о невозможности проведения фестиваля.",
    ], [
        "Вчера мы провели встречу с представителями УМВД, фестиваль пройдёт по плану.",
    ]),
}

RU_FIRST_NOTICE: dict[str, Family] = {  # empathy is asked of a first notice, not of an update
    "a request for understanding is no empathy": (EMPATHY, True, [
        "Электроэнергию восстановят в течение часа. Просим отнестись с пониманием к проводимым работам.",
        "Работы продлятся до вечера. Жителей просят с пониманием отнестись к ситуации.",
    ], [
        "Работы продлятся до вечера. Спасибо за понимание.",
        "Работы продлятся до вечера. Рассчитываем на ваше понимание.",
        "Работы продлятся до вечера. Благодарим за ваше понимание и терпение.",
    ]),
}

EN: dict[str, Family] = {
    "a stock excuse in other words": (BLAME, True, [
        "A multitude of challenges had an impact on our operations in a way that was not feasible to be anticipated.",
        "These failures could not have been foreseen.",
        "We do not have control over the Johannesburg hub.",
        "We feel confident we did everything by the book.",
        "The disruption was caused by the rupture of a pipeline due to contractor-related works.",
    ], [
        "Power restoration must be done following all industry safety protocols to protect our line workers.",
        "We have taken control of the situation and the pipeline is repaired.",
    ]),
    "a forecast said otherwise": (SPECULATION, True, [
        "This situation is going to persist till the next few days.",
        "After then, we are hoping that normalcy will be restored.",
        "Our prognosis for Thursday is that stage 2 load shedding will be implemented.",
    ], [
        "University exams should not be impacted by the current loss of resilience.",
        "We hope you have a good weekend.",
    ]),
    "a serious crisis": (ALARM, True, [
        "In these last few days we have had a serious operational crisis.",
        "We are in a major crisis.",
    ], [
        "No one fell from the lift. The lift did not collapse.",
        "There is no need to panic; supplies are being restored.",
    ]),
    "a council that warns or thanks is no party to blame": (BLAME, False, [
        "Irish Water and Offaly County Council issued a Boil Water Notice following a mechanical failure at the plant.",
        "Council appreciates the inconvenience that this unplanned disruption caused.",
        "You should not be affected by the scam if you did not click the link.",
    ], [
        "The outage was caused by the council's contractor, who cut the cable.",
        "The payment failed because you did not enter the code.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_ru_first_variants, test_ru_first_near_misses = family_tests(RU_FIRST_NOTICE, "ru", "first_notice")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
