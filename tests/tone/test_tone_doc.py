"""A message's per-token lists are built in bulk for speed (``map`` over the token tuples,
plain-dict caches); they must equal the plain per-token definitions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisisplay.tone import morph
from crisisplay.tone.doc import Doc
from crisisplay.tone.phrases import Match, PhraseSet
from crisisplay.tone.text import NUMBER, PUNCT, WORD, Token, is_barrier_text, is_soft_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ODD = ("U.S. e.g. 3.5 ... «» (a) "
       "Ⓐ ⓐ ’ ' ‘ «ёлка» Ёлка — we’re We're 100 % 13:00 II Ⅻ. Второе: «из-за» сбоя; 3,5 часа.\n"
       "- пункт\n\nWe'll call you at 5 p.m. Sorry!")


def _texts(lang: str) -> list[str]:
    texts = [m["text"] for path in sorted(CORPUS.rglob(f"{lang}.yaml"))
             for m in yaml.safe_load(path.read_text("utf-8"))["messages"]]
    return [*texts[:40], ODD, "", "  \n "]


def _positions(items: list[tuple[int, frozenset[str]]]) -> list[tuple[str, list[int]]]:
    positions: dict[str, list[int]] = {}
    for index, keys in items:
        for key in keys:
            positions.setdefault(key, []).append(index)
    return list(positions.items())


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_per_token_lists_equal_their_plain_definitions(lang: str) -> None:
    for text in _texts(lang):
        doc, fresh = Doc(text, lang), Doc(text, lang)
        tokens = doc.tokens
        assert all(type(t) is Token for t in tokens)
        assert tokens == [Token(t.text, t.start, t.end, t.kind, t.sentence) for t in tokens]
        assert doc.lowers == [morph.normalise(t.text) for t in tokens]
        plain_keys = [frozenset({t.text}) if t.kind == PUNCT else morph.word_keys(t.text, lang) for t in tokens]
        assert [fresh.keys(i) for i in range(len(tokens))] == plain_keys  # one by one, then all
        assert fresh.all_keys() == plain_keys == doc.all_keys()
        # in text order: the head index hands out phrases in this order
        assert list(doc.key_positions.items()) == _positions(list(enumerate(plain_keys)))
        assert list(doc.surface_positions.items()) == _positions(
            [(i, frozenset({lower})) for i, lower in enumerate(doc.lowers)])
        assert doc.key_set == frozenset(k for keys in plain_keys for k in keys)
        assert doc.surface_set == frozenset(doc.lowers)
        assert doc.word_indices == [i for i, t in enumerate(tokens) if t.kind == WORD]
        assert doc.word_count == sum(1 for t in tokens if t.kind in (WORD, NUMBER))
        assert doc.walk[0] == [t.sentence for t in tokens]
        assert doc.soft == [t.kind == PUNCT and is_soft_text(t.text) for t in tokens]
        assert doc.barrier == [t.kind == PUNCT and is_barrier_text(t.text) for t in tokens]
        assert doc.walk[5] == [t.kind in (WORD, NUMBER) for t in tokens]  # what ``*`` takes
        for number, sent in enumerate(doc.sentences):
            assert doc.sentence_words(number) == tuple(
                i for i in range(sent.first, sent.last) if tokens[i].kind in (WORD, NUMBER))


def test_a_word_never_seen_is_normalised_and_keyed() -> None:
    word = "Zyxwvutsrqpё’s"  # not in any cache yet
    doc = Doc(f"{word} {word.upper()}", "en")
    assert doc.lowers == [morph.normalise(word), morph.normalise(word.upper())]
    assert doc.all_keys() == [morph.word_keys(word, "en"), morph.word_keys(word.upper(), "en")]


def test_memoised_properties_are_computed_once_and_kept_per_message() -> None:
    doc, other = Doc("We are sorry. We know.", "en"), Doc("Sorry!", "en")
    first = doc.key_positions
    assert doc.key_positions is first  # the instance attribute answers
    assert other.key_positions is not first and list(other.key_positions) == ["sorri", "!"]
    assert Doc.__dict__["key_positions"].__get__(None, Doc) is Doc.__dict__["key_positions"]


def test_matches_are_match_named_tuples() -> None:
    doc = Doc("We apologise for the delay.", "en")
    (match,) = PhraseSet(["apologise for"], "en").find(doc)
    assert type(match) is Match and (match.first, match.last) == (1, 2) and match.phrase.source == "apologise for"


@pytest.mark.parametrize(("text", "lang", "by_form"), [
    ("Outage: the outages, an OUTAGE. Outages end; we outage.", "en", True),
    ("Сбой, сбоя нет; сбои. Вине вина и вино.", "ru", True),
    ("It’s the service's 'outage' ’ and ‘outages’.", "en", False),  # «’» is not «'»'s key
])
def test_key_positions_by_form_equal_token_by_token(text: str, lang: str, by_form: bool) -> None:
    """``key_positions`` is built one step per lower-case form (keys are a function of it),
    token by token when punctuation's own keys are not its form's: both equal the plain list,
    in text order, with the tokens of two forms of one key merged."""
    from crisisplay.tone import doc as doc_module

    doc = Doc(text, lang)
    plain = _positions(list(enumerate(doc.all_keys())))
    assert doc_module._ODD_TEXTS.isdisjoint(t.text for t in doc.tokens) is by_form
    assert list(doc.key_positions.items()) == plain
    # two forms share a key: their tokens are merged
    assert any(len({doc.lowers[i] for i in positions}) > 1 for _key, positions in plain)
