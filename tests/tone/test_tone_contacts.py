"""Phone numbers: the fast matcher finds what phonenumbers finds; each stretch of text is one contact."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any
from unittest import mock

import phonenumbers
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from phonenumbers.phonemetadata import PhoneMetadata

from crisisplay.tone import contacts
from crisisplay.tone.contacts import MIN_PHONE_CHARS, REGIONS, find_phones, phone_matcher

try:  # Python 3.11+
    from re import _parser as regex_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as regex_parser

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_NUMBER_TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
                 "voip", "pager", "uan", "voicemail")
_USED_REGIONS = sorted({region for regions in REGIONS.values() for region in regions} | {"US"})


def _shortest_match(pattern: str) -> int:
    return int(regex_parser.parse(pattern).getwidth()[0])


def _shortest(desc: Any) -> int | None:
    """The shortest national number a description accepts: its possible lengths, else its pattern."""
    if desc is None:
        return None
    if desc.possible_length:
        return min(desc.possible_length)
    return _shortest_match(desc.national_number_pattern) if desc.national_number_pattern else None


def _shortest_valid(metadata: Any) -> int:
    lengths = [_shortest(getattr(metadata, name)) for name in ("general_desc", *_NUMBER_TYPES)]
    return min(length for length in lengths if length is not None)


def _shortest_written(metadata: Any, shortest_valid: int) -> int:
    """Fewest national digits written for a valid number when ``metadata`` strips the national prefix.

    A prefix transform («1624\\1» for the Isle of Man) replaces the prefix the parse matched and
    keeps the rest: the number grows by at most the rule's literal digits, and what was written
    holds at least the shortest text the prefix pattern matches.
    """
    rule = metadata.national_prefix_transform_rule
    if not rule:
        return shortest_valid
    added = len(re.findall(r"\d", re.sub(r"\\\d", "", rule)))
    transformed = max(shortest_valid - added, _shortest_match(metadata.national_prefix_for_parsing or ""))
    return min(shortest_valid, transformed)


def _shortest_valid_for_code(code: int) -> int:
    """A number is valid for any region of its country code (+44: GB, GG, IM, JE)."""
    if code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        return _shortest_valid(PhoneMetadata.metadata_for_nongeo_region(code))
    return min(_shortest_valid(PhoneMetadata.metadata_for_region(region))
               for region in phonenumbers.region_codes_for_country_code(code))


def _shortest_written_with_country_code() -> int:
    """Fewest digits of a number written with its country code (after «+» or the exit code).

    The parse strips the national prefix with the metadata of the code's main region.
    """
    codes = set(phonenumbers.COUNTRY_CODE_TO_REGION_CODE) | set(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    return min(
        len(str(code)) + _shortest_written(
            PhoneMetadata.metadata_for_region_or_calling_code(code, phonenumbers.region_code_for_country_code(code)),
            _shortest_valid_for_code(code),
        )
        for code in codes
    )


def _shortest_written_nationally(region: str) -> int:
    """Fewest digits of a number written without a country code, read as ``region``'s."""
    metadata = PhoneMetadata.metadata_for_region(region)
    return _shortest_written(metadata, _shortest_valid_for_code(metadata.country_code))


#: Regions whose shortest national numbers (five digits: Australian, New Zealand and South
#: African short lines) lint does not read as phones, on purpose: a bare five-digit run in a
#: notice is a postcode, a count or a reference far more often (contacts.REGIONS).
_SHORTER_ON_PURPOSE = {"AU", "NZ", "ZA"}


def test_no_number_the_matcher_accepts_is_shorter_than_the_bound() -> None:
    with_country_code = _shortest_written_with_country_code()
    national = min(_shortest_written_nationally(region) for region in _USED_REGIONS
                   if region not in _SHORTER_ON_PURPOSE)
    assert min(with_country_code, national) >= MIN_PHONE_CHARS
    # the exceptions are exactly the regions below the bound: a new one is a decision, not an accident
    assert {region for region in _USED_REGIONS
            if _shortest_written_nationally(region) < MIN_PHONE_CHARS} == _SHORTER_ON_PURPOSE


def _found(matcher: phonenumbers.PhoneNumberMatcher) -> list[tuple[int, str, str]]:
    return [(hit.start, hit.raw_string, phonenumbers.format_number(hit.number, phonenumbers.PhoneNumberFormat.E164))
            for hit in matcher]


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts += [message["text"] for message in data.get("messages", [])]
        texts += [m["text"] for group in data.get("sets", []) or [] for m in group["messages"]]
    return texts


@pytest.mark.parametrize("region", _USED_REGIONS)
def test_fast_matcher_finds_what_phonenumbers_finds_in_the_corpora(region: str) -> None:
    texts = _corpus_texts()
    assert len(texts) > 100
    for text in texts:
        assert _found(phone_matcher(text, region)) == _found(phonenumbers.PhoneNumberMatcher(text, region)), text


_PIECES = st.one_of(
    st.text(alphabet="0123456789", min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "-", " - ", "(", ")", ".", ":", "/", "+", "x", " ext. ", "—", "，", "\n"]),
    st.sampled_from(["+7 800 555-35-35", "8 (800) 555-35-35", "+44 20 7946 0958", "020 7946 0958",
                     "(212) 555-0123", "+1 212 555 0123", "+43 1 2345", "+49 30 1234", "13:00", "2026-03-15 08",
                     "звоните", "call us", "page 12(3): 211-227 (2003)", "3/10/2011"]),
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=25), region=st.sampled_from(_USED_REGIONS),
       max_tries=st.integers(min_value=0, max_value=12))
def test_fast_matcher_finds_what_phonenumbers_finds_in_digit_soup(
    pieces: list[str], region: str, max_tries: int
) -> None:
    text = "".join(pieces)
    # A small ``max_tries`` shows that skipped candidates still count against the matcher's limit.
    fast = contacts._matcher_class()(text, region, max_tries=max_tries)
    stock = phonenumbers.PhoneNumberMatcher(text, region, max_tries=max_tries)
    assert _found(fast) == _found(stock)


def test_short_candidates_are_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from phonenumbers import phonenumbermatcher

    calls: list[str] = []
    parse = phonenumbermatcher.parse

    def counting_parse(number: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(number)
        return parse(number, *args, **kwargs)

    monkeypatch.setattr(phonenumbermatcher, "parse", counting_parse)
    text = "Откроемся в 13:00, через 2 часа; звоните 8 800 555-35-35"
    assert _found(phone_matcher(text, "RU")) == [(41, "8 800 555-35-35", "+78005553535")]
    assert calls == ["8 800 555-35-35"]
    calls.clear()
    _found(phonenumbers.PhoneNumberMatcher(text, "RU"))
    assert len(calls) > 1


@pytest.fixture(autouse=True)
def _no_phone_cache() -> Any:
    """These tests judge how numbers are found: never an answer another test left in lint's
    cache (tests/tone/test_tone_cache.py checks the cache)."""
    with mock.patch("crisisplay.tone.cache.cache_if_open", return_value=None):
        yield


def _phones(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(c.display, c.value) for c in find_phones(text, lang)]


def test_a_uk_and_a_us_number_in_one_text_are_both_found() -> None:
    text = "Call 020 7946 0958 in the UK or (212) 555-0123 in the US; abroad +49 30 1234567."
    assert _phones(text) == [("020 7946 0958", "+442079460958"), ("(212) 555-0123", "+12125550123"),
                             ("+49 30 1234567", "+49301234567")]
    assert _phones("Call (212) 555-0123, or 020 7946 0958 from the UK.") == [
        ("(212) 555-0123", "+12125550123"), ("020 7946 0958", "+442079460958")]


def test_a_number_both_regions_read_is_one_contact() -> None:
    # GB and US both accept an international number: one contact, not two at one place
    assert _phones("Call +44 20 7946 0958 or +1 212 555 0123.") == [
        ("+44 20 7946 0958", "+442079460958"), ("+1 212 555 0123", "+12125550123")]
    # GB reads «00 1-800…» as dialled from the UK, US reads «1-800-555-0199»: one stretch of
    # text, one contact (the first region's), where two overlapping contacts were reported
    assert _phones("Back at 13:00 1-800-555-0199") == [("00 1-800-555-0199", "+18005550199")]


def test_a_uk_number_does_not_hide_a_us_number_beside_it() -> None:
    # one candidate for the matcher: GB finds the UK number inside it, US the rest once the UK
    # number is set aside (its own reading of the whole candidate found nothing)
    assert _phones("8 (800) 555-35-35.020 7946 0958") == [("(800) 555-35-35", "+18005553535"),
                                                          ("020 7946 0958", "+442079460958")]


def test_a_blanked_number_is_not_read_as_an_extension() -> None:
    # "…0123 <spaces> ext. 12": the matcher's extension pattern spans any run of spaces, so the
    # UK number is set aside with line breaks, not spaces
    assert _phones("212-555-0123+44 20 7946 0958 ext. 12 ext. 34") == [
        ("212-555-0123", "+12125550123"), ("+44 20 7946 0958 ext. 12", "+442079460958")]


_SOUP = st.one_of(
    st.sampled_from(["+7 800 555-35-35", "8 (800) 555-35-35", "+44 20 7946 0958", "020 7946 0958",
                     "(212) 555-0123", "+1 212 555 0123", "0800 100 2030", "1-800-555-0199", "07700 900123",
                     "13:00", "2026-03-15 08", " ext. 12", "call ", "звоните ", "тел. 900 "]),
    st.sampled_from([" ", "  ", "-", " - ", "/", "(", ")", ".", ", ", " or ", "x", "\n", "1", "0", "44", "555"]),
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_SOUP, max_size=10), lang=st.sampled_from(["en", "ru", "de"]))
@example(pieces=["13:00", " ", "1-800-555-0199"], lang="en")
def test_phone_contacts_never_overlap_and_the_first_region_reads_first(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    found = find_phones(text, lang)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start, text
    assert all(c.display == text[c.start : c.end] for c in found)
    first_region = REGIONS.get(lang, ("US",))[0]
    spans = {(c.start, c.end) for c in found}
    assert {(hit.start, hit.end) for hit in phonenumbers.PhoneNumberMatcher(text, first_region)} <= spans


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_SOUP, max_size=10), lang=st.sampled_from(["en", "ru", "de"]))
@example(pieces=["020 7946 0958", " or ", "(212) 555-0123"], lang="en")
def test_a_region_is_left_out_only_when_it_could_find_nothing(pieces: list[str], lang: str) -> None:
    # the plain way: every region reads whatever the regions before it left
    text = "".join(pieces)
    with mock.patch.object(contacts, "_PHONE_RUN_RE", re.compile("")):
        plain = find_phones(text, lang)
    assert find_phones(text, lang) == plain


def test_the_second_region_reads_only_what_may_still_hold_a_number() -> None:
    read: list[str] = []
    matcher = contacts.phone_matcher

    def recording(text: str, region: str, *budget: int) -> Any:
        read.append(region)
        return matcher(text, region, *budget)

    with mock.patch.object(contacts, "phone_matcher", recording):
        assert _phones("Next update at 14:00; call 0800 123 4567 with questions.") == [
            ("0800 123 4567", "+448001234567")]
        assert read == ["GB"]  # nothing but «14:00» left: US is not asked
        read.clear()
        assert len(_phones("Call 020 7946 0958 in the UK or (212) 555-0123 in the US.")) == 2
        assert read == ["GB", "US"]



def test_the_regions_share_one_budget_of_failed_candidates() -> None:
    # Each region scans the text again: a run of candidates no region accepts ("+1+1+1…") cost the
    # matcher's bound once per region (nine in English, 2.4 s for 200 KB); now once per text.
    spent: list[tuple[int, Any]] = []
    matcher = contacts.phone_matcher

    def recording(text: str, region: str, budget: int = contacts.PHONE_TRIES) -> Any:
        found = matcher(text, region, budget)
        spent.append((budget, found))
        return found

    with mock.patch.object(contacts, "phone_matcher", recording):
        assert contacts._find_phones("+1" * 100_000, "en") == []
    assert sum(budget - found._max_tries for budget, found in spent) == contacts.PHONE_TRIES
    assert len(spent) < len(contacts.REGIONS["en"])  # the later regions were not asked
    # a text with numbers spends next to nothing, and every region that may still read one is asked
    spent.clear()
    with mock.patch.object(contacts, "phone_matcher", recording):
        assert len(_phones("Call 020 7946 0958 in the UK or (212) 555-0123 in the US.")) == 2
    assert sum(budget - found._max_tries for budget, found in spent) < 10

_URL_PIECES = st.one_of(
    st.text(alphabet="abwhtpsru.:/-@ WwHTPSRUруфРФ0123456789", max_size=10),
    st.sampled_from(["http://", "HTTPS://", "www.", "WWW.", ".ru", ".RU", ".рф", ".com", ".io", ".Info", "bank",
                     "банк", "ſ", "İ", "ı", "K", "/path", "e@mail.ru", " "]),
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_URL_PIECES, max_size=12))
def test_every_text_with_a_link_has_the_link_hint(pieces: list[str]) -> None:
    text = "".join(pieces)
    if contacts._URL_RE.search(text):
        assert contacts._URL_HINT_RE.search(text)


def test_links_in_the_corpora_are_found_behind_the_hint() -> None:
    texts = [text for text in _corpus_texts() if contacts._URL_RE.search(text)]
    assert texts
    for text in texts:
        assert contacts._URL_HINT_RE.search(text), text
    assert [c.value for c in contacts.find_urls("Подробности на www.Bank.ru/status и HTTPS://x.io.")] == [
        "bank.ru/status", "x.io"]


_SHORT_PIECES = st.sampled_from([*"0123456789 :*#-.", "900", "611", "*100#", "номер", "НОМЕРА", "тел.", "Тел",
                                 "телефону", "звоните", "Позвоните", "звонок", "на ", "по ", "call", "DIAL", "Phone",
                                 "text", "number", "tel.", "dİal", "dıal", "İ", "ı", "CALL", "Dial", "ſ", "в 13:00",
                                 "a", "б"])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_SHORT_PIECES, max_size=10), lang=st.sampled_from(["ru", "en", "de"]))
@example(pieces=["Звоните", " ", "900"], lang="ru")
@example(pieces=["dİal", " ", "611"], lang="en")
@example(pieces=["dıal", " ", "611"], lang="en")
@example(pieces=["611 ", "call", " ", "611"], lang="en")
def test_short_numbers_are_looked_for_wherever_they_can_be(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    pattern = contacts._SHORT_RE.get(lang, contacts._SHORT_RE["en"])
    assert [m.span(1) for m in contacts._short_numbers(text, lang)] == [m.span(1) for m in pattern.finditer(text)]


# Links: ``_url_matches`` starts each search late (after the last white space before the next
# hint); it must find exactly what ``_URL_RE.finditer`` finds.
_URL_PIECES = ["http://", "https://", "HTTPS://", "www.", "WWW.", ".ru", ".RU", ".рф", ".com", ".info", ".online",
               "bank", "банк", "status", "-", ".", "/", "/path?q=1", "@", "mail@x.ru", "://", "«", "»", "(", ")",
               "\"", "'", "[", "]", "<", ">", "ſ", "K", "İ", "ı", "ё", "1", "2.5", " ", "\n", "\t", "\u00a0",
               "\u2009", "\u2028", "\x1c", "\u3000", "x", "Ы", "ᲂ"]


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(_URL_PIECES), max_size=24).map("".join))
@example("Статус: status.bank.ru/x, а также www.bank.ru и https://bank.ru/a. См. т.е. x.ru")
def test_late_started_url_search_finds_what_finditer_finds(text: str) -> None:
    assert [m.span() for m in contacts._url_matches(text)] == [m.span() for m in contacts._URL_RE.finditer(text)]


def test_late_started_url_search_on_the_corpora() -> None:
    corpora = Path(__file__).resolve().parents[1] / "corpus"
    texts = []
    for path in sorted(corpora.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts += [m["text"] for m in data.get("messages", [])]
        texts += [x["text"] for s in data.get("sets", []) or [] for x in s["messages"]]
    assert len(texts) > 40
    for text in texts:
        assert [m.span() for m in contacts._url_matches(text)] == [m.span() for m in contacts._URL_RE.finditer(text)]


def test_a_link_holds_no_character_str_isspace_calls_white() -> None:
    """The late start walks back over characters that are not ``str.isspace``: the classes a link
    is made of leave out exactly the regex ``\\s``, which must be the same characters."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        assert bool(space.fullmatch(char)) == char.isspace(), hex(code)


def test_an_ipv4_address_is_no_phone_number() -> None:
    assert not [c for c in contacts.find_contacts("A server at 5.104.175.212 was hacked.", "en") if c.kind == "phone"]
    assert [c.value for c in contacts.find_contacts("Call us on 020 7946 0018.", "en")] == ["+442079460018"]


def test_a_short_number_after_and_is_another_item() -> None:
    text = "Аннулировано 172 работы за использование мобильных телефонов и 124 за использование шпаргалок."
    assert not contacts.find_contacts(text, "ru")
    assert [c.value for c in contacts.find_contacts("Звоните по телефону диспетчерской 930101.", "ru")] == ["930101"]
