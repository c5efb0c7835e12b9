"""Judgements fixed around round 57 of real published messages (``real-ru-r57-…``, ``real-en-r57-…``,
scored once blind, then read; most of it operators' replies in public issue trackers), as families
of constructions: the hoster acting "without warning", a block "from the providers' side" (not «с
нашей стороны»), "my hoster", "my webhoster messed up" — blame; a ceiling's panels that came down
and a mishap imagined with its fallback are no alarm; "likely to be a long one" is a guess — and
the near misses."""

from __future__ import annotations

from real_text import ALARM, BLAME, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "the hoster without warning, a block from the other side": (BLAME, True, [
        "Вчера ночью хостер без предупреждения грохнул сервер.",
        "Домен попал в список заблокированных ресурсов, так что блокировка со стороны провайдеров.",
    ], [
        "Сбой с нашей стороны устранён.",
        "Мы без предупреждения перезапустили сервер, простите.",
    ]),
}

EN: dict[str, Family] = {
    "my hoster, my webhoster": (BLAME, True, [
        "My hoster has solved its network problem. The IDE is working again.",
        "It looks like my webhoster messed up the server migration.",
    ], [
        "We have solved the network problem. The IDE is working again.",
    ]),
    "panels come down, a mishap imagined": (ALARM, False, [
        "The water pooled until the ceiling panels collapsed.",
        "Should anything go catastrophically wrong, the server will roll back to the current setup.",
    ], [
        "The network collapsed overnight and nothing works.",
    ]),
    "a length guessed": (SPECULATION, True, [
        "Power outage. It's likely to be a long one.",
    ], [
        "Power outage. It was a long one.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
