"""Phrase entries: lemmas, wildcards, alternatives, exact forms, grammemes, gaps, barriers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crisisplay.tone.doc import Doc
from crisisplay.tone.phrases import Element, Phrase, PhraseError, PhraseSet, _phrase_from_json, compile_phrase


def _found(entries: list[str], text: str, lang: str = "ru", gap: int = 0) -> list[str]:
    doc = Doc(text, lang)
    return [text[slice(*m.offsets(doc))] for m in PhraseSet(entries, lang, gap=gap).find(doc)]


def test_multiword_expressions_match_across_inflection() -> None:
    assert _found(["по вине поставщика"], "Сбой произошёл по вине поставщиков.") == ["по вине поставщиков"]
    assert _found(["перекладывать|переложить ответственность"], "Они переложили ответственность.") == [
        "переложили ответственность"
    ]


def test_gap_allows_words_between() -> None:
    text = "Мы не хотим перекладывать всю ответственность."
    assert _found(["перекладывать ответственность"], text) == []
    assert _found(["перекладывать ответственность"], text, gap=1) == ["перекладывать всю ответственность"]


def test_wildcard_and_exact_surface() -> None:
    assert _found(["по вина *"], "по вине банка") == ["по вине банка"]
    assert _found(["=срочно"], "Срочно! Это срочный вопрос") == ["Срочно"]


def test_grammeme_constraint() -> None:
    entries = ["работать:3per"]
    assert _found(entries, "Платежи работают.") == ["работают"]
    assert _found(entries, "Мы работаем над этим.") == []
    assert _found(["*:VERB,impr,sing,excl"], "Позвони нам или позвоните нам") == ["Позвони"]


def test_numbers_and_signs_match_literally() -> None:
    assert _found(["100 %"], "Гарантия 100% и ещё 100 %") == ["100%", "100 %"]


def test_phrases_do_not_cross_commas_or_sentences() -> None:
    assert _found(["из-за партнёр"], "Из-за сбоя, партнёр ни при чём.", gap=2) == []
    assert _found(["сбой партнёр"], "Сбой. Партнёр ни при чём.", gap=2) == []


def test_quotes_are_transparent() -> None:
    assert _found(["конец света"], "Это не «конец» света") == ["конец» света"]


def test_overlapping_matches_keep_the_longest() -> None:
    assert _found(["100 %", "на 100 %"], "на 100 % надёжно") == ["на 100 %"]


def test_english_phrases() -> None:
    assert _found(["guarantee"], "We guaranteed it", lang="en") == ["guaranteed"]
    assert _found(["not our fault"], "This is not our fault.", lang="en") == ["not our fault"]


@pytest.mark.parametrize("entry", ["", "   ", "a||"])
def test_bad_entries(entry: str) -> None:
    with pytest.raises(PhraseError):
        compile_phrase(entry if entry != "a||" else "||", "ru")


@pytest.mark.parametrize("entry", ["все|=всех оператор", "guarantee|=guaranteed", "мы сама|=сами"])
def test_an_exact_form_inside_an_alternative_is_refused(entry: str) -> None:
    # "все|=всех" would look for a word spelt "=всех" and silently never match
    with pytest.raises(PhraseError, match="must start the whole position"):
        compile_phrase(entry, "ru")


@pytest.mark.parametrize(
    "entry", ["не быть:futr|повториться", "быть:nosuchtag", "работать:3PER", "заблокировать:VERB,past|plur"]
)
def test_an_unknown_grammeme_is_refused(entry: str) -> None:
    # a tag no reading has matches nothing: «быть:futr|повториться» read "futr|повториться" as
    # one tag and the whole phrase was silently dead
    with pytest.raises(PhraseError, match="unknown grammeme"):
        compile_phrase(entry, "ru")


def test_known_grammemes_and_their_exclusions_compile() -> None:
    assert _found(["быть:futr", "сбой:-plur"], "Связь будет. Сбой устранён.", lang="ru") == ["будет", "Сбой"]


def test_exact_forms_for_the_whole_position_still_compile() -> None:
    assert _found(["=всех =операторов"], "Сбой у всех операторов", lang="ru") == ["всех операторов"]
    assert _found(["мы =сами|=сама"], "Мы сама виноваты", lang="ru") == ["Мы сама"]


def test_doc_fixture(doc: Callable[[str, str], Doc]) -> None:
    assert doc("Сбой", "ru").word_count == 1


def test_lists_searched_through_one_index_find_what_they_find_alone() -> None:
    """The rule set's head index (one pass for every list, phrases whose later words the
    message lacks left out) must find exactly what each list finds on its own."""
    from pathlib import Path

    import yaml

    from crisisplay.tone.phrase_search import HeadIndex

    lists = {
        "ru": [(["по вине *", "из-за сбой у партнёр", "=срочно", "сбой"], 0),
               (["перекладывать|переложить ответственность", "восстановить:futr работа"], 2),
               (["*:VERB,impr,sing,excl", "в течение час", "приносить извинение",
                 "сбой у партнёр|поставщик"], 0)],
        "en": [(["we will", "we are sorry", "due to * provider", "=URGENT"], 0),
               (["keep you posted", "at this point in time", "guarantee", "we =were|was|are"], 1)],
    }
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for lang, specs in lists.items():
        index = HeadIndex()
        indexed = [PhraseSet(entries, lang, gap=gap, index=index) for entries, gap in specs]
        alone = [PhraseSet(entries, lang, gap=gap) for entries, gap in specs]
        texts = [m["text"] for path in sorted(corpus.rglob(f"{lang}.yaml"))
                 for m in yaml.safe_load(path.read_text("utf-8"))["messages"]]
        found = 0
        for text in texts:
            doc, other = Doc(text, lang), Doc(text, lang)
            for with_index, without in zip(indexed, alone, strict=True):
                matches = with_index.find(doc)
                assert matches == without.find(other), text[:60]
                # in the list's own order at every start: of two phrases matching the same
                # words, the first listed wins
                own = without._starts(other)
                for position, entries in with_index._starts(doc).items():
                    rest = iter(own[position])
                    assert all(entry in rest for entry in entries), (text[:60], position)
                found += len(matches)
        assert found > 20  # the lists do match something in the corpus


def test_phrases_compare_and_hash_by_value() -> None:
    """A phrase read back from lint's cache is the compiled one: equal, same hash, one dict key
    (lists are deduplicated by value; Element and Phrase are not frozen, only hashable)."""
    compiled = compile_phrase("по вине *", "ru")
    stored = [[sorted(e.keys) if e.keys is not None else None, sorted(e.surface) if e.surface is not None else None,
               sorted(e.tags)] for e in compiled.elements]
    again = _phrase_from_json("по вине *", stored)
    assert again == compiled and hash(again) == hash(compiled) and again is not compiled
    assert len(dict.fromkeys([compiled, again, Phrase("x", (Element(),))])) == 2
    assert hash(Element(tags=frozenset({"VERB"}))) == hash(Element(tags=frozenset({"VERB"})))


@pytest.mark.parametrize("value", [
    [["по"], None, ""], ["по", None, []], [["по"], None], [[1], None, []], [None, None, "VERB"], [{"a": 1}, None, []],
    [[["по"]], None, []],
])
def test_a_cached_element_of_the_wrong_shape_is_refused_even_after_a_good_one(value: object) -> None:
    """Elements read from the cache are shared by their content; a value that is not
    ``[list|null, list|null, list]`` of text is still refused (the phrase is compiled again)."""
    assert _phrase_from_json("по", [[["по"], None, []]]) is not None
    assert _phrase_from_json("по", [value]) is None


def test_equal_cached_elements_are_one_object() -> None:
    first = _phrase_from_json("по вине", [[["по"], None, []], [["вина"], None, []]])
    second = _phrase_from_json("по", [[["по"], None, []]])
    assert first is not None and second is not None
    assert first.elements[0] is second.elements[0] and first.elements[0].tags == frozenset()



def test_overlapping_matches_keep_the_longest_then_the_first_found() -> None:
    """Matches are ordered by first token, the longest first there, ties in the order found
    (two stable sorts stand for one sort by ``(first, -length)``): the kept ones must be those.
    Heads found by key are found before heads found by form."""
    text = "We will post the next update, we will post it"
    entries = ["we will", "we will post", "will post the next", "we =will", "post", "=we"]
    found = PhraseSet(entries, "en").find(Doc(text, "en"))
    assert [(m.first, m.last, m.phrase.source) for m in found] == [(0, 2, "we will post"), (7, 9, "we will post")]
    tied = PhraseSet(["=we =will", "we will", "=we"], "en").find(Doc(text, "en"))
    assert [(m.first, m.last, m.phrase.source) for m in tied] == [(0, 1, "we will"), (7, 8, "we will")]
    within = PhraseSet(["post", "will post", "we will", "the next update"], "en").find(Doc(text, "en"), 1, 9)
    assert [(m.first, m.last, m.phrase.source) for m in within] == [(1, 2, "will post"), (3, 5, "the next update"),
                                                                    (7, 8, "we will")]
