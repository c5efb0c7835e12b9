"""Patterns rewritten to compile cheaply match exactly what the plain form they replace matches.

A character class that mixes Latin-1 and other characters in more than two runs compiles to a
64K-entry bitmap (about a million instructions on every start); the rewritten forms split such
classes. Each is compared with its plain form over text drawn from the characters that matter
to it and over the message corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crisisplay.tone import amounts, claims, engine

_CORPORA = Path(__file__).resolve().parents[1] / "corpus"

_PLAIN = {
    "amount": (amounts._AMOUNT_RES[0],
               re.compile(rf"(?P<cur>[$€£₽])\s*{amounts._NUM}{amounts._MULT_RE}", re.I)),
    "sentence start": (claims._SENTENCE_START,
                       re.compile(r"(?:^|(?<=[.!?…:])\s+|\n)[ \t]*(?:[—–\-•*|][ \t]*)?")),
    "sentence end": (claims._SENTENCE_END, re.compile(r"[.!?…](?:\s|$)|\n")),
    "bullet line": (engine._BULLET_LINE, re.compile(r"\s*(?:[-*•–—]|\d+[.)])\s")),
}
_AMOUNT_MARKER_RE = re.compile("|".join(map(re.escape, amounts._AMOUNT_MARKERS)))
_PERCENT_MARKER_RE = re.compile("|".join(map(re.escape, amounts._PERCENT_MARKERS)))

#: The characters of the classes split, their case and look-alike variants, and what surrounds them.
_ALPHABET = "$€£₽¢¥.!?…:;—–-•*|‐ \t\n\u00a0\u2009ab ая1 23,0тысkmKМЛНbnſ%процентcent"
_PIECES = ["1 000", "2,5", "10.5", "тыс.", "млн", "млрд", "thousand", "bn", "руб.", "долл", "евро", "фунт",
           "usd", "EUR", "gbp", "dollar", "pound", "%", "процент", "per cent", "— ", "• ", "1) ", "2. ", "...",
           "?!", "…\n", "\n- ", "\n\t* "]
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=_ALPHABET, max_size=4)),
                  max_size=16).map("".join)


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[object]:
    for match in pattern.finditer(text):
        yield match.span(), match.groupdict()
    for start in range(len(text) + 1):  # .match at every position: how _BULLET_LINE is used
        found = pattern.match(text, start)
        yield start, found and found.span()


def _same(text: str) -> None:
    for name, (cheap, plain) in _PLAIN.items():
        assert list(_matches(cheap, text)) == list(_matches(plain, text)), (name, text)
    folded = text.casefold()
    assert amounts._marked(folded, amounts._AMOUNT_MARKERS) == bool(_AMOUNT_MARKER_RE.search(folded))
    assert amounts._marked(folded, amounts._PERCENT_MARKERS) == bool(_PERCENT_MARKER_RE.search(folded))


@settings(max_examples=600, deadline=None)
@given(text=_TEXTS)
@example("Списали $1 000 тыс. и €2,5 млн, £3 bn, ₽ 40. Итого: 5 %… — Ок!\n• пункт\n1) ещё")
def test_rewritten_patterns_match_what_the_plain_ones_match(text: str) -> None:
    _same(text)


@cache
def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(_CORPORA.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts += [m["text"] for m in data.get("messages", [])]
        texts += [x["text"] for s in data.get("sets", []) or [] for x in s["messages"]]
    return texts


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_rewritten_patterns_match_the_plain_ones_on_the_corpora(lang: str) -> None:
    texts = [t for t in _corpus_texts() if bool(re.search("[а-яё]", t, re.I)) == (lang == "ru")]
    assert len(texts) > 20
    for text in texts:
        _same(text)


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_every_character_matches_alone_as_in_the_plain_pattern(name: str) -> None:
    """One character (and one after a digit, for the amount), every code point of the BMP."""
    cheap, plain = _PLAIN[name]
    for code in range(0x10000):
        for text in (chr(code), chr(code) + "1", chr(code) + " x", "x" + chr(code) + " "):
            assert list(_matches(cheap, text)) == list(_matches(plain, text)), (name, hex(code))


@cache  # the pack is parsed once, not per example
def _shouting_marks_pattern(lang: str) -> re.Pattern[str]:
    pack = yaml.safe_load((Path(engine.__file__).parent / "packs" / f"{lang}.yaml").read_text("utf-8"))
    (rule,) = [r for r in pack["rules"] if r["id"] == f"{lang}.shouting-marks"]
    (source,) = rule["patterns"]
    return re.compile(source, re.I)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="!?  a\n.", max_size=24))
@example(text="! ?")
@example(text="?!!")
@example(text="??")
def test_shouting_marks_match_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(r"[!?]*!\s*[!?]+", re.I)
    for lang in ("ru", "en"):
        assert [m.span() for m in _shouting_marks_pattern(lang).finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
