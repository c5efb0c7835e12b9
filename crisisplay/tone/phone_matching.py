"""phonenumbers' ``PhoneNumberMatcher`` without the work that cannot change what it finds.

``matcher_class()`` is the stock matcher with four shortcuts, each keeping its matches and its
count of ``max_tries`` exactly (tests/tone/test_phone_speed.py compares it with the stock
matcher):

- a candidate too short to be a number is rejected without a parse (``MIN_PHONE_CHARS``);
- the next candidate is looked for only where one can start (a digit or a lead character);
- leniency VALID is verified with the national-prefix check first (see
  ``national_prefix_present_if_required``) and without the pure-Python digit loops for ASCII;
- a neighbour character of ASCII is judged without phonenumbers' Unicode tables.

The second and third restate private parts of phonenumbers 9 (``_find``, ``_parse_and_verify``):
they are used only with a phonenumbers whose major version is :data:`CHECKED_MAJOR` (the one
their source was read from and the tests compare with), and only when every name they rely on
is there. Any other version gets the stock methods, which costs speed, never a match.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import phonenumbers

#: No number the matcher accepts is written with fewer letters and digits than this (letters
#: count: the parser maps them to digits). The shortest are a 2-digit country code and 4 national
#: digits (+43, +49, +98); the national numbers of RU, GB and US, written without a country
#: code, are longer (10, 7, 7 digits). A candidate below it is only ever parsed to be rejected,
#: and the matcher sees many of them: every time and count («13:00», «2 часа»).
#: tests/tone/test_tone_contacts.py recomputes the bound from phonenumbers' metadata.
MIN_PHONE_CHARS = 6
#: The phonenumbers major version whose ``_find`` and ``_parse_and_verify`` the overrides restate.
CHECKED_MAJOR = "9"

_NOT_ASCII_DIGITS = re.compile(r"[^0-9]+")
#: Of ASCII, the characters phonenumbers counts as Latin letters (``_is_latin_letter``) or as
#: punctuation a number cannot touch (``_is_invalid_punctuation_symbol``: «%» and currency signs).
_BAD_ASCII_NEIGHBOURS = frozenset("%$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_VERIFY_NAMES = ("_MATCHING_BRACKETS", "_PUB_PAGES", "_LEAD_PATTERN", "_contains_only_valid_x_chars",
                 "_is_national_prefix_present_if_required", "_maybe_strip_national_prefix_carrier_code",
                 "region_code_for_country_code", "normalize_digits_only", "is_valid_number", "parse", "fullmatch",
                 "Leniency", "CountryCodeSource", "PhoneMetadata", "PhoneNumberMatch", "NumberParseException")


@cache
def matcher_class() -> type[phonenumbers.PhoneNumberMatcher]:
    import phonenumbers
    from phonenumbers import phonenumbermatcher

    stock: Any = phonenumbermatcher  # its helpers are not in phonenumbers' type stubs
    # Parsing a number compiles the metadata's regular expressions by string on every call
    # (``re.compile`` goes through the re module's cache each time, and its cache is shared with
    # every other pattern the process uses); phonenumbers keeps them itself once asked (9.0.x+;
    # older versions have no switch). The patterns come from fixed metadata: bounded.
    enable = getattr(phonenumbers, "enable_pattern_cache", None)
    if enable is not None:
        enable()
    checked = str(getattr(phonenumbers, "__version__", "")).split(".")[0] == CHECKED_MAJOR
    verify_here = checked and all(hasattr(stock, name) for name in _VERIFY_NAMES)

    def digits(number: str) -> str:
        """``normalize_digits_only(number)``: its loop looks each character up in ``unicodedata``."""
        return _NOT_ASCII_DIGITS.sub("", number) if number.isascii() else str(stock.normalize_digits_only(number))

    def national_prefix_present_if_required(numobj: phonenumbers.PhoneNumber) -> bool:
        """The stock ``_is_national_prefix_present_if_required``, its last question asked first.

        The stock check finds the formatting rule of the number (a regex per format of the
        region) and, when the rule wants a national prefix, answers whether the written number
        holds one; in every other case it answers yes. So when the written number holds one the
        answer is yes whatever the rule: most numbers written without a country code do
        («0800…», «8 800…»).
        """
        if numobj.country_code_source != stock.CountryCodeSource.FROM_DEFAULT_COUNTRY:
            return True
        metadata = stock.PhoneMetadata.metadata_for_region(stock.region_code_for_country_code(numobj.country_code))
        raw = numobj.raw_input
        if metadata is not None and raw is not None and stock._maybe_strip_national_prefix_carrier_code(
                digits(raw), metadata)[2]:
            return True
        return bool(stock._is_national_prefix_present_if_required(numobj))

    class ShortCandidateSkippingMatcher(phonenumbers.PhoneNumberMatcher):
        def _extract_match(self, candidate: str, offset: int) -> phonenumbers.PhoneNumberMatch | None:
            # Most candidates are a short run of digits alone («13», «40», «2»): the whole is not
            # parsed (below) and no inner-match pattern can split it (each needs a separator), so
            # the stock matcher would reject it without counting a try beyond the caller's.
            if len(candidate) < MIN_PHONE_CHARS and candidate.isdigit():
                return None
            return super()._extract_match(candidate, offset)

        def _parse_and_verify(self, candidate: str, offset: int) -> phonenumbers.PhoneNumberMatch | None:
            if sum(map(str.isalnum, candidate)) < MIN_PHONE_CHARS:
                return None
            if not verify_here or self.leniency != stock.Leniency.VALID:
                return super()._parse_and_verify(candidate, offset)
            found: phonenumbers.PhoneNumberMatch | None = self._parse_and_verify_valid(candidate, offset)
            return found

        def _bad_neighbour(self, char: str) -> bool:
            if char.isascii():
                return char in _BAD_ASCII_NEIGHBOURS
            return bool(self._is_invalid_punctuation_symbol(char) or self._is_latin_letter(char))

        def _parse_and_verify_valid(self, candidate: str, offset: int) -> Any:
            # The stock ``_parse_and_verify`` (phonenumbers 9.0) for leniency VALID, with the
            # shortcuts above; each name is looked up in its module as the stock method does.
            try:
                if not stock.fullmatch(stock._MATCHING_BRACKETS, candidate) or stock._PUB_PAGES.search(candidate):
                    return None
                text = self.text
                if offset > 0 and not stock._LEAD_PATTERN.match(candidate) and self._bad_neighbour(text[offset - 1]):
                    return None
                last = offset + len(candidate)
                if last < len(text) and self._bad_neighbour(text[last]):
                    return None
                numobj = stock.parse(candidate, self.preferred_region, keep_raw_input=True)
                if (stock.is_valid_number(numobj)
                        # its loop acts on an «x» or «X» only
                        and (("x" not in candidate and "X" not in candidate)
                             or stock._contains_only_valid_x_chars(numobj, candidate))
                        and national_prefix_present_if_required(numobj)):
                    numobj.country_code_source = stock.CountryCodeSource.UNSPECIFIED
                    numobj.raw_input = None
                    numobj.preferred_domestic_carrier_code = None
                    return stock.PhoneNumberMatch(offset, candidate, numobj)
            except stock.NumberParseException:
                pass
            return None

    pattern: re.Pattern[str] | None = getattr(stock, "_PATTERN", None)
    second_number: re.Pattern[str] | None = getattr(stock, "_SECOND_NUMBER_START_PATTERN", None)
    lead_chars = getattr(stock, "_LEAD_CLASS_CHARS", None)
    if not checked or pattern is None or second_number is None or lead_chars is None:
        return ShortCandidateSkippingMatcher  # another phonenumbers: its own ``_find``
    # Every candidate ``pattern`` matches opens with a digit or a lead character («(», «+»...):
    # it has no anchors or look-behinds, so its match at such a position is the one its search
    # finds there. Searched with ``pattern`` itself, the regex engine tries every position of
    # the text (the pattern opens with an optional group: no first character to skip to).
    start_re = re.compile(rf"[\d{lead_chars}]")
    candidate_re: re.Pattern[str] = pattern
    second_number_re: re.Pattern[str] = second_number

    class CandidateSkippingMatcher(ShortCandidateSkippingMatcher):
        def _find(self, index: int) -> phonenumbers.PhoneNumberMatch | None:
            # The stock ``_find`` (phonenumbers 9.0) with its ``pattern.search(text, index)`` tried
            # only at ``start_re``, and short digit runs rejected before the calls that would
            # reject them (``_trim_after_first_match`` leaves digits alone, then ``_extract_match``).
            text = self.text
            while self._max_tries > 0 and (at := start_re.search(text, index)) is not None:
                start = at.start()
                if (match := candidate_re.match(text, start)) is None:
                    index = start + 1
                    continue
                candidate = text[start : match.end()]
                if not (len(candidate) < MIN_PHONE_CHARS and candidate.isdigit()):
                    candidate = self._trim_after_first_match(second_number_re, candidate)
                    if len(candidate) >= self._min_candidate_length:
                        found = self._extract_match(candidate, start)
                        if found is not None:
                            return found
                        self._max_tries -= 1
                elif len(candidate) >= self._min_candidate_length:
                    self._max_tries -= 1
                index = start + len(candidate)
            return None

    return CandidateSkippingMatcher
