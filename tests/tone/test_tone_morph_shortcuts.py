"""The two shortcuts crisisplay.tone.morph takes through pymorphy3 (to skip ranking a rule word's
readings, and a second dictionary walk for "is this word known") give pymorphy3's own answers.
They read the analyzer's units, which pymorphy3 does not promise to keep: a release that changes
them must fail here, not change lint's judgements silently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisisplay.tone import morph

PACK = Path(morph.__file__).resolve().parent / "packs" / "ru.yaml"
#: Every Cyrillic word the Russian pack's entries are written with (the words whose keys the
#: shortcut computes), and words of messages: known, unknown, hyphenated, with prefixes.
RULE_WORDS = sorted(set(re.findall(r"(?<![=\w])[а-яё][а-яё-]*[а-яё]", PACK.read_text("utf-8").lower())))
MESSAGE_WORDS = ["восстановим", "кибератакой", "DDoS-атака", "перезапустили", "энергоблока", "гыгымбр",
                 "сверхбыстрый", "по-прежнему", "псевдоотключение", "Водоканала", "обесточенными"]


def test_the_dictionary_unit_is_found() -> None:
    assert morph._dictionary_unit() is not None, "pymorphy3's units changed: the shortcuts are off"


@pytest.mark.parametrize("chunk", range(8))
def test_a_rule_words_key_without_ranking_is_its_best_readings_lemma(chunk: int) -> None:
    analyzer = morph.ru_analyzer()
    words = RULE_WORDS[chunk::8]
    assert len(RULE_WORDS) > 1000
    for word in words:
        lemma = morph._first_lemma(word)
        if lemma is not None:
            assert lemma == analyzer.parse(word)[0].normal_form, word


@pytest.mark.parametrize("word", MESSAGE_WORDS + RULE_WORDS[::50])
def test_known_from_the_parse_is_what_pymorphy3_says(word: str) -> None:
    known, _parses = morph._analyse(word)
    assert known == bool(morph.ru_analyzer().word_is_known(word)), word
