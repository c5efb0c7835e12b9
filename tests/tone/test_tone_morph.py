"""Morphology: one lemma key for every case and number; stems for English; lazy loading."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from crisisplay.tone import morph
from crisisplay.tone.inflection import inflect_like


@pytest.mark.parametrize("form", ["паника", "паники", "панике", "панику", "паникой", "паник", "паникам"])
def test_every_case_and_number_shares_the_lemma(form: str) -> None:
    assert morph.entry_key("паника", "ru") in morph.word_keys(form, "ru")


@pytest.mark.parametrize("form", ["Катастрофа", "КАТАСТРОФЫ", "катастрофами"])
def test_case_of_letters_does_not_matter(form: str) -> None:
    assert "катастрофа" in morph.word_keys(form, "ru")


def test_yo_and_ye_are_one_letter() -> None:
    assert morph.word_keys("всё", "ru") & morph.word_keys("все", "ru")
    assert morph.entry_key("партнёр", "ru") in morph.word_keys("партнера", "ru")


def test_ambiguous_forms_keep_every_reading() -> None:
    keys = morph.word_keys("вине", "ru")
    assert {"вина", "вино"} <= keys


@pytest.mark.parametrize(
    ("entry", "form"),
    [("guarantee", "guaranteed"), ("guarantee", "guarantees"), ("panic", "panicking"),
     ("apologize", "apologise"), ("lose", "lost"), ("catastrophe", "catastrophic")],
)
def test_english_stems(entry: str, form: str) -> None:
    assert morph.entry_key(entry, "en") in morph.word_keys(form, "en")


def test_contractions_keep_their_negation() -> None:
    assert morph.word_keys("isn't", "en") != morph.word_keys("is", "en")


def test_tag_share() -> None:
    assert morph.tag_share("позвони", frozenset({"impr", "sing"}), "ru") == 1.0
    assert morph.tag_share("работаем", frozenset({"3per"}), "ru") == 0.0
    assert morph.tag_share("works", frozenset({"3per"}), "en") == 0.0
    assert morph.tag_share("works", frozenset(), "en") == 1.0


@pytest.mark.parametrize(
    ("replacement", "original", "expected"),
    [("этот", "данного", "этого"), ("этот", "данной", "этой"), ("проводить", "осуществляем", "проводим"),
     ("работать", "функционировали", "работали"), ("работать", "функционировать", "работать")],
)
def test_inflect_like(replacement: str, original: str, expected: str) -> None:
    assert inflect_like(replacement, original) == expected


def test_inflect_like_refuses_when_unsure() -> None:
    # nominative or accusative: the replacement's two forms differ, so no automatic fix
    assert inflect_like("работа", "работоспособность") is None
    assert inflect_like("два слова", "данного") is None
    assert inflect_like("этот", "data") is None


def test_dictionary_words_and_abbreviations() -> None:
    assert morph.is_dictionary_word("ВНИМАНИЕ")
    assert not morph.is_dictionary_word("ВТБ")
    assert not morph.is_dictionary_word("SMS")


def test_lookups_are_cached() -> None:
    morph.word_keys("сбоя", "ru")
    before = morph.word_keys.cache_info().hits
    morph.word_keys("сбоя", "ru")
    assert morph.word_keys.cache_info().hits == before + 1
    assert morph.ru_analyzer() is morph.ru_analyzer()


def test_help_does_not_import_morphology() -> None:
    code = (
        "import sys; from crisisplay.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('pymorphy3', 'razdel', 'phonenumbers')]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_normalise_all_fills_only_the_new_words_and_keeps_their_places() -> None:
    """``normalise_all`` looks up the known words at once and normalises only the new ones (a
    speed-up): the result must be ``normalise`` of every word, in order, however they mix."""
    morph.normalise("Сбоя")
    words = ["Сбоя", "ЁЖИК’s", "Сбоя", "we’re", "", "Сбоя", "NEW-ÉCOLE", "ёЖ"]
    for start in range(len(words)):
        for word in set(words) - {"Сбоя"}:  # new again; «Сбоя» stays known
            morph._NORMALISED.pop(word, None)
        mixed = words[start:] + words[:start]
        expected = [word.translate(morph._APOSTROPHES).lower() for word in mixed]
        assert morph.normalise_all(mixed) == expected
        assert morph.normalise_all(mixed) == expected  # a second time, all known
    assert morph.normalise_all([]) == []


def test_unknown_indexes_are_the_nones_in_order_even_when_filled_in_meanwhile() -> None:
    from crisisplay.tone.wordstore import unknown_indexes

    found: list[str | None] = ["a", None, "b", None, None, "c"]
    seen = []
    for index in unknown_indexes(found):
        seen.append(index)
        found[index] = "x"  # filled as it goes, as doc.py and normalise_all do
    assert seen == [1, 3, 4]
    assert list(unknown_indexes(["a", "b"])) == []
    assert list(unknown_indexes([None])) == [0]


def test_unranked_readings_answer_as_the_ranked_ones() -> None:
    """Without lint's cache, lemmas, grammemes and whole-or-nothing shares come from readings
    pymorphy3 has not ranked: the same answers as from the ranked analysis."""
    script = (
        "from crisisplay.tone import morph\n"
        "words = ['вине', 'позвоните', 'данных', 'стали', 'восстановим', 'печь', 'сбой', 'кого', 'ура', 'нет']\n"
        "tags = [frozenset(t) for t in ({'NOUN'}, {'VERB', '2per'}, {'impr'}, {'-NOUN'}, {'PREP'}, {'ADJF'})]\n"
        "got = [(morph.word_keys(w, 'ru'), morph.word_is_known(w), [morph.has_reading(w, t) for t in tags],\n"
        "        [morph.tag_share(w, t, 'ru') for t in tags]) for w in words]\n"
        "unranked = len(morph._UNRANKED)\n"
        "def share(parses, t):\n"
        "    wanted = frozenset(x for x in t if not x.startswith('-'))\n"
        "    unwanted = frozenset(x[1:] for x in t if x.startswith('-'))\n"
        "    total = sum(p[2] for p in parses) or 1.0\n"
        "    return sum(p[2] for p in parses if wanted <= p[1] and not unwanted & p[1]) / total\n"
        "want = [(frozenset({w} | {p[0] for p in morph.ru_parses(w)}),\n"
        "         morph._RU.get(w)[0], [any(t <= p[1] for p in morph.ru_parses(w)) for t in tags],\n"
        "         [share(morph.ru_parses(w), t) for t in tags]) for w in words]\n"
        "print(got == want, unranked > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "CRISISPLAY_CACHE_DIR": "off"})
    assert done.stdout.split() == ["True", "True"], done.stdout + done.stderr
