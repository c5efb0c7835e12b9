"""Judgements fixed around round 60 of real published messages (``real-ru-r60-…``, scored once
blind, then read; mostly operators' replies in public issue trackers and district heads' notices),
as families of constructions: someone else's «грубое нарушение» of the protection rules and rivals
the site «мешает» put the outage on others; «Возможно, будет …» and «Поднимется как-нибудь» are
guesses — and the near misses."""

from __future__ import annotations

from real_text import BLAME, SPECULATION, Family, family_tests

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

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
