"""Judgements fixed around round 60 of real published messages (``real-ru-r60-…``, ``real-en-r60-…``,
scored once blind, then read; operators' replies in public issue trackers, district heads' and
councils' notices), as families of constructions: someone else's «грубое нарушение» of the
protection rules and rivals the site «мешает» put the outage on others; «Возможно, будет …» and
«Поднимется как-нибудь» are guesses. Not reported: a council telling what it "was unable to" do,
"due to" as scheduled, the readers' travel plans, another branch's opening hours, effort to catch
up, "terrible weather", "absolutely everything" erased — and the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "a breach called gross, rivals who gain": (BLAME, True, [
        "Проведение земляных работ без согласования — грубое нарушение Правил охраны газораспределительных сетей.",
        "Сайт подвергается хакерским атакам, так как сильно мешает конкурентам.",
    ], [
        "Проведение земляных работ без разрешения опасно: под землёй газовые сети.",
        "Сайт подвергается хакерским атакам, мы усилили защиту.",
    ]),
    "a guess about what will come": (SPECULATION, True, [
        "Возможно, будет включена система оповещения.",
        "Инета пока нет на хосте, профилактика. Поднимется как-нибудь.",
    ], [
        "Будет включена система оповещения.",
        "Инета пока нет на хосте, профилактика. Сообщим, когда поднимется.",
    ]),
}

EN: dict[str, Family] = {
    "the council's own account, a schedule": (BLAME, False, [
        "On Wednesday Perth & Kinross Council was unable to collect waste bins due to the ice.",
        "The Council will let residents know the day before we are due to empty their brown bin.",
    ], [
        "The council failed to grit the road, so our van could not reach you.",
    ]),
    "plans, hours and effort are no forecast": (SPECULATION, False, [
        "We advise those planning to travel this weekend to check the status of their flight.",
        "Your nearest library will have extended opening hours from 9am on Tuesday.",
        "We couldn't fulfil the round on Friday but will be working to catch it up ASAP.",
        "Accounts, scores and replays, absolutely everything, were erased.",
    ], [
        "We plan to have the flights running again this weekend.",
        "The library will be open again from 9am on Tuesday.",
    ]),
    "bad weather ahead": (ALARM, False, [
        "We should have terrible weather during the coming week.",
    ], [
        "The storm has caused terrible damage across the town.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
