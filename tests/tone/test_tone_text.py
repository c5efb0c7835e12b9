"""Tokens with offsets, Russian-aware sentences, line:col mapping, language detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisplay.tone.text import PositionMap, analyse_tokens, detect_language, raw_tokens, split_sentences

#: Pieces that razdel's rules treat differently by what stands around them: dashes, «_»,
#: numbers with «.» «,» «:» «/», repeated signs, smileys, "yahoo!", letters of other scripts.
_PIECES = ["сбоя", "Сбой", "из", "за", "abc", "yahoo", "Yahoo", "9", "13", "00", ":", ",", ".", "-", "—",
           "_", "!", "?", "/", "\\", "…", "«", "»", "(", ")", "%", "ж", "x", "Δ", "ё", ":)", "*", "@", "'"]


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_russian_abbreviations_and_initials_do_not_split() -> None:
    text = "Офис на ул. Ленина, д. 5 закрыт до 15.00. А. С. Пушкин «сказал»: «всё пропало». Т. е. ждём."
    sentences = _sentences(text)
    assert sentences[0] == "Офис на ул. Ленина, д. 5 закрыт до 15.00."
    assert sentences[1].startswith("А. С. Пушкин")


def test_lines_without_full_stops_are_sentences() -> None:
    text = "Здравствуйте\nНе работает приложение\n- переводы работают\n- карты работают"
    assert len(_sentences(text)) == 4


def test_wrapped_lines_join() -> None:
    text = "Сегодня утром не работали переводы\nв приложении банка. Извините."
    assert _sentences(text)[0] == "Сегодня утром не работали переводы\nв приложении банка."


def test_tokens_keep_offsets() -> None:
    text = "«Из-за» сбоя — интернет-банк.\nCall 0800"
    tokens = analyse_tokens(text, "ru")[0]
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert "из-за" in [t.text.lower() for t in tokens] and "интернет-банк" in [t.text for t in tokens]


def test_english_contractions_stay_whole() -> None:
    tokens, _ = analyse_tokens("We're sorry: payments can't go through.", "en")
    assert [t.text for t in tokens][:2] == ["We're", "sorry"]
    assert "can't" in [t.text for t in tokens]


def test_english_numbers_with_thousands_separators_stay_whole() -> None:
    """"3,000 customers" is one number, as "3.5" is; a list of digits is not ("1,2,3")."""
    text = "It deprived 3,000 customers, 1,200,500 homes; items 1,2,3 and 10,0000."
    words = [w for w, _s, _e in raw_tokens(text, "en")]
    assert words[2:4] == ["3,000", "customers"]
    assert "1,200,500" in words
    assert words[words.index("items") + 1 : words.index("and")] == ["1", ",", "2", ",", "3"]
    assert words[-4:-1] == ["10", ",", "0000"]


def test_position_map_lines_and_columns() -> None:
    positions = PositionMap("ab\ncd\nef", line=10, column=5)
    assert positions(0) == (10, 5)
    assert positions(4) == (11, 2)
    assert positions(7) == (12, 2)


def test_position_map_with_offsets() -> None:
    raw = '{"text": "a\\nb"}'
    positions = PositionMap(raw, offsets=[10, 11, 13, 14])
    assert positions(2) == (1, 14)


@given(st.text(alphabet="аб вг\n.!?«»", max_size=60))
def test_tokens_always_slice_the_text(text: str) -> None:
    tokens, sentences = analyse_tokens(text, "ru")
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(s.first <= s.last for s in sentences)


def _razdel(text: str) -> list[tuple[str, int, int]]:
    from razdel import tokenize

    return [(t.text, t.start, t.stop) for t in tokenize(text)]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", "", " ", "\n", "\xa0"])), max_size=14))
def test_russian_tokens_are_razdels_own(pieces: list[tuple[str, str]]) -> None:
    """Plain words skip razdel's rules (a speed-up): the tokens must stay exactly razdel's."""
    text = "".join(piece + space for piece, space in pieces)
    assert raw_tokens(text, "ru") == _razdel(text)


@given(st.lists(st.text(alphabet="сбояSYahoo1209.,-‑_/\\!?…«»()%Δ:;*'\"", min_size=1, max_size=6), max_size=8))
def test_chunks_of_a_word_and_signs_are_razdels_own(chunks: list[str]) -> None:
    """A chunk whose atoms razdel keeps apart skips its rules (a speed-up): the tokens must stay
    exactly razdel's, whatever signs stand inside or around the words."""
    text = " ".join(chunks)
    assert raw_tokens(text, "ru") == _razdel(text)


def test_russian_tokens_of_the_corpus_are_razdels_own() -> None:
    import yaml

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(corpus.rglob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8"))["messages"]:
            assert raw_tokens(entry["text"], "ru") == _razdel(entry["text"]), entry["text"][:60]


def _razdel_sentences(text: str) -> list[tuple[int, int]]:
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(text)]


#: What razdel's sentence rules look at: abbreviations, initials, bullets, quotes, brackets,
#: smileys, dashes, lower-case starts, and short texts before a delimiter (``list_item``).
_SENTENCE_PIECES = ["Сбой", "сбой", "т", "е", "ул", "д", "А", "С", "I", "IV", "1", "8", "а", "б", "ж", "yahoo",
                    ".", ".", "!", "?", "…", ";", "«", "»", '"', "(", ")", ":)", "—", "-", "2)", "8.1", "г", "тыс",
                    ":", "=", ";-(", "=))", ":-", "))", "’", "”", "]", "}",
                    # longer than razdel's ten-character window, digits after letters, «_»
                    "Восстановление", "восстановление", "ab12", "x_y", "12", "ок", "Ок", "т.е", "ст"]


# a delimiter is only worth asking about before a space (an unusual one too: no-break, thin)
@given(st.lists(st.tuples(st.sampled_from(_SENTENCE_PIECES),
                          st.sampled_from(["", " ", " ", "  ", "\n", "\u00a0", "\u2009", "\u200b"])),
                max_size=24))
def test_sentences_are_razdels_own(pieces: list[tuple[str, str]]) -> None:
    """Verdicts are kept per context (a speed-up): the sentences must stay exactly razdel's."""
    from crisisplay.tone.razdel_fast import sentenize as _sentenize

    text = "".join(piece + space for piece, space in pieces)
    assert _sentenize(text) == _razdel_sentences(text)
    assert _sentenize(text) == _razdel_sentences(text)  # a second time, from the kept verdicts


@given(st.text(alphabet="ab.?!…;:=-()\"„'»”’]} \n\u00a0", max_size=40))
def test_delimiters_before_a_space_are_razdels_own(text: str) -> None:
    """The delimiter pattern (a faster spelling of razdel's) finds razdel's delimiters that have
    a space after them, and no other."""
    from razdel.segmenters.sentenize import sentenize

    from crisisplay.tone.razdel_fast import _DELIMITER_RE, _NOT_DELIMITERS

    razdels = [(m.span(), m[1]) for m in sentenize.split.re.finditer(text) if text[m.end() : m.end() + 1].isspace()]
    ours = [(m.span(), m[1]) for m in _DELIMITER_RE.finditer(text) if m[1] not in _NOT_DELIMITERS]
    assert ours == razdels


def test_sentence_verdicts_kept_by_the_tokens_either_side_are_razdels() -> None:
    """A verdict is kept by the words either side of the delimiter when nothing else counts
    (a speed-up): the same two words with an abbreviation, initials, a list marker, a long
    word cut by razdel's window or a smiley near them must still get razdel's verdict."""
    from crisisplay.tone.razdel_fast import sentenize as _sentenize

    tails = ["Сбой", "т. е. сбой", "А. С. Сбой", "1) сбой", "ок :) сбой", "Восстановление сбой", "сбой 12 сбой",
             "и т. д", "см. рис", "ул. Сбой", "Мы в 15:00 сбой", "Иванов И", "стр", "ст"]
    heads = ["Мы", "мы", "12", "«Мы»", "— мы", "Восстановление", ":) мы", "_мы"]
    for tail in tails:
        for head in heads:
            for delimiter in (".", "!", "?", "…", ")", "»", ";"):
                text = f"{tail}{delimiter} {head} работаем"
                assert _sentenize(text) == _razdel_sentences(text), text


def test_sentence_verdicts_kept_by_the_shape_of_the_words_either_side_are_razdels() -> None:
    """Words that no razdel list has are kept by their shape only (a speed-up): a listed word
    after the delimiter («с», «т») keeps its case, a lower-case start joins, a capital does not."""
    from crisisplay.tone.razdel_fast import sentenize as _sentenize

    texts = ["Сбой в Михайловское.\nс 13.00 до вечера", "Сбой до 17 ноября.\nС 14 по 16 ноября",
             "Сбой до вечера. с утра", "Сбой до вечера. С утра", "Сбой до вечера. Сбой", "Мы работаем. т. е. сбой",
             "Восстановили ст. Мы работаем", "Восстановили ул. Сбой", "Восстановили 12. мы", "Восстановили 12. Мы",
             "Восстановили Ок. Т. е. сбой", "Восстановили ОК. Мы", "Восстановили вс. Мы"]
    for text in texts + texts[::-1]:
        assert _sentenize(text) == _razdel_sentences(text), text


def test_sentence_verdicts_depend_on_a_short_text_before_them() -> None:
    """The same ten characters around «.», after a short list marker («А 1 1…») or not."""
    from crisisplay.tone.razdel_fast import sentenize as _sentenize

    for text in ("Сбой. Сбой 1 1 1 1 1. Сбой", "Сбой. А 1 1 1 1 1 1. Сбой", "Сбой. Сбой 1 1 1 1 1. Сбой"):
        assert _sentenize(text) == _razdel_sentences(text), text


def test_sentences_of_the_corpus_are_razdels_own() -> None:
    import yaml

    from crisisplay.tone.razdel_fast import sentenize as _sentenize

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(corpus.rglob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8"))["messages"]:
            assert _sentenize(entry["text"]) == _razdel_sentences(entry["text"]), entry["text"][:60]


@given(st.text(alphabet="ab'’.-, \n!?«»\"", max_size=60))
def test_english_tokens_are_those_of_each_sentence(text: str) -> None:
    """Tokens are found within the text, sentence by sentence, without slicing it."""
    tokens, sentences = analyse_tokens(text, "en")
    expected = [(word, sent.start + s, sent.start + e, number) for number, sent in enumerate(sentences)
                for word, s, e in raw_tokens(text[sent.start : sent.end], "en")]
    assert [(t.text, t.start, t.end, t.sentence) for t in tokens] == expected


def test_detect_language() -> None:
    assert detect_language("Сбой в приложении, SMS не приходят") == "ru"
    assert detect_language("The app is down since 10:00") == "en"
    assert detect_language("12:00") == "en"


def test_only_sentences_of_a_normal_length_are_kept_between_messages() -> None:
    from crisisplay.tone import text as text_module

    short = "Платежи проходят как обычно, а переводы задерживаются до вечера"
    words = text_module.MAX_KEPT_SENTENCE // 5
    long = "Слово " + " ".join(["слово"] * words)
    tokens, sentences = analyse_tokens(f"{short}. {long}.", "ru")
    assert len(sentences) == 2
    assert ("ru", short + ".") in text_module._SENTENCE_TOKENS
    assert not any(len(sentence) > text_module.MAX_KEPT_SENTENCE for _lang, sentence in text_module._SENTENCE_TOKENS)
    assert [t.text for t in tokens].count("слово") == words


@pytest.mark.parametrize(("text", "sentences"), [
    ("We saw the fault on Nov. 27. It is fixed.", ["We saw the fault on Nov. 27.", "It is fixed."]),
    ("We will reopen by Nov. 27, 2020. Thanks.", ["We will reopen by Nov. 27, 2020.", "Thanks."]),
    ("Reopen on or before Sept. 3rd at 10am.", ["Reopen on or before Sept. 3rd at 10am."]),
    # a line of its own stays one: the month's sentence is not joined across a block
    ("Updated Nov.\n\n27 customers are affected.", ["Updated Nov.", "27 customers are affected."]),
])
def test_an_english_month_abbreviated_does_not_end_its_sentence(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences
