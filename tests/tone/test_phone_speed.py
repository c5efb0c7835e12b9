"""The fast phone matcher (crisisplay.tone.phone_matching) against phonenumbers' own matcher.

Each shortcut must leave the matches and the count of tries exactly as the stock matcher has
them; these tests fail if one of them changes what is found, or is no longer taken.
"""

from __future__ import annotations

import string
from typing import Any
from unittest import mock

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from phonenumbers import phonenumbermatcher

from crisisplay.tone import contacts
from crisisplay.tone.phone_matching import _BAD_ASCII_NEIGHBOURS, matcher_class

_REGIONS = ["GB", "US", "RU"]
_NUMBERS = ["0800 100 2030", "020 7946 0958", "+44 (0) 20 7946 0958", "44 20 7946 0958", "011 44 20 7946 0958",
            "00 44 20 7946 0958", "07700 900123", "(212) 555-0123", "212 555 0123", "1-800-555-0199",
            "1 (800) 555 0199", "+1 212 555 0123", "8 (800) 555-35-35", "+7 800 555-35-35", "8 495 123-45-67",
            "495 123 45 67", "+43 1 2345", "０８００ １００ ２０３０", "٠٨٠٠ ١٠٠ ٢٠٣٠", "212.555.0123",
            "0800 100 2030 x 12", "(212) 555-0123 ext. 45", "020 7946 0958 xx 12", "212 555 0123/4",
            "3/10/2011", "2026-03-15 08", "13:00", "page 12(3): 211-227 (2003)"]
_PIECES = st.one_of(
    st.sampled_from(_NUMBERS),
    st.text(alphabet="0123456789", min_size=1, max_size=11),
    st.sampled_from([" ", "  ", "-", " - ", "(", ")", "[", "]", "（", "［", "+", "＋", ".", ":", "/", "\\", "x",
                     "X", " ext ", "#", "%", "$", "€", "a", "Z", "é", "ж", "_", "\n", "\u00a0", "ー", "call ",
                     ":00 ", "tel:"]),
)


def _found(matcher: phonenumbers.PhoneNumberMatcher) -> list[tuple[int, str, str]]:
    return [(hit.start, hit.raw_string, phonenumbers.format_number(hit.number, phonenumbers.PhoneNumberFormat.E164))
            for hit in matcher]


def test_another_major_version_gets_the_stock_methods() -> None:
    """The overrides restate phonenumbers 9's private methods: another major version (whose
    methods nobody compared) keeps the stock ``_find`` and verification."""
    matcher_class.cache_clear()
    try:
        with mock.patch.object(phonenumbers, "__version__", "10.0.0"):
            other = matcher_class()
        assert other._find is phonenumbers.PhoneNumberMatcher._find
        assert _found(other("Call 0800 100 2030 now", "GB")) == _found(
            phonenumbers.PhoneNumberMatcher("Call 0800 100 2030 now", "GB"))
    finally:
        matcher_class.cache_clear()


def test_the_shortcuts_are_in_place() -> None:
    # another phonenumbers (renamed internals) would fall back to the stock methods silently
    fast = matcher_class()
    assert fast._find is not phonenumbers.PhoneNumberMatcher._find
    assert fast("0800 100 2030", "GB")._parse_and_verify("0800 100 2030", 0) is not None


@pytest.mark.parametrize("char", [chr(code) for code in range(128)])
def test_ascii_neighbours_are_judged_as_phonenumbers_judges_them(char: str) -> None:
    stock = phonenumbers.PhoneNumberMatcher
    bad = stock._is_invalid_punctuation_symbol(char) or stock._is_latin_letter(char)
    assert (char in _BAD_ASCII_NEIGHBOURS) == bool(bad)


@settings(max_examples=700, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=14), region=st.sampled_from(_REGIONS),
       max_tries=st.sampled_from([0, 1, 2, 3, 5, 8, 65535]))
@example(pieces=["call ", "0800 100 2030", "."], region="GB", max_tries=65535)
@example(pieces=["(", "a", "0800 100 2030"], region="GB", max_tries=65535)
@example(pieces=["12", " ", "34", ":00 ", "(212) 555-0123"], region="US", max_tries=2)
@example(pieces=["212 555 0123", "$"], region="US", max_tries=65535)
def test_fast_matcher_finds_and_counts_what_the_stock_matcher_does(
    pieces: list[str], region: str, max_tries: int
) -> None:
    text = "".join(pieces)
    fast = matcher_class()(text, region, max_tries=max_tries)
    stock = phonenumbers.PhoneNumberMatcher(text, region, max_tries=max_tries)
    assert _found(fast) == _found(stock)
    assert fast._max_tries == stock._max_tries  # the same candidates were tried


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=10), region=st.sampled_from(_REGIONS),
       leniency=st.sampled_from([phonenumbermatcher.Leniency.STRICT_GROUPING,
                                 phonenumbermatcher.Leniency.EXACT_GROUPING]))
def test_other_leniencies_keep_the_stock_verification(pieces: list[str], region: str, leniency: int) -> None:
    # (not POSSIBLE: it accepts numbers shorter than MIN_PHONE_CHARS; crisisplay asks for VALID)
    text = "".join(pieces)
    assert _found(matcher_class()(text, region, leniency=leniency)) == _found(
        phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency))


def test_a_written_national_prefix_answers_the_prefix_question() -> None:
    calls: list[Any] = []
    stock_check = phonenumbermatcher._is_national_prefix_present_if_required

    def counting(numobj: Any) -> Any:
        calls.append(numobj)
        return stock_check(numobj)

    with mock.patch.object(phonenumbermatcher, "_is_national_prefix_present_if_required", counting):
        assert _found(matcher_class()("Call 0800 100 2030 now", "GB")) == [(5, "0800 100 2030", "+448001002030")]
        assert calls == []  # «0…» is the prefix: the formatting rule is not looked for
        assert _found(matcher_class()("Call (212) 555-0123 now", "US")) == [(5, "(212) 555-0123", "+12125550123")]
        assert len(calls) == 1  # no «1»: the stock check decides


_CUES = st.sampled_from(["call", "Call", "CALL", "dial", "phone", "telephone", "Tel.", "tel.:", "text", "number",
                         "recall", "callback", " ", ": ", "  ", "611", "999", "*100#", "12", "4567", "-", "a",
                         "13:00", "\n", "ſ", "K"])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_CUES, max_size=12), lang=st.sampled_from(["en", "de"]))
@example(pieces=["telephone", " ", "611"], lang="en")
@example(pieces=["call", "call", " ", "611", "call", "999"], lang="en")
def test_short_numbers_are_tried_at_each_cue_as_finditer_finds_them(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    assert [m.span(1) for m in contacts._short_numbers(text, lang)] == [
        m.span(1) for m in contacts._SHORT_RE["en"].finditer(text)]


def test_ascii_letters_and_digits_are_what_the_bad_neighbours_are_built_from() -> None:
    assert set(string.ascii_letters) <= _BAD_ASCII_NEIGHBOURS
    assert not _BAD_ASCII_NEIGHBOURS & set(string.digits + " ()+-./")
