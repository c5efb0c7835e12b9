"""Phone numbers: both fast paths agree with phonenumbers on the number and its type."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.batch.phones import PhoneCheck

_TYPES = {value: name.lower() for name, value in vars(phonenumbers.PhoneNumberType).items()
          if name.isupper() and isinstance(value, int)}


def _reference(text: str, region: str) -> tuple[str, str] | None:
    """What libphonenumber itself says: E.164 and the type name, or None when not valid."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return str(e164), _TYPES[phonenumbers.number_type(number)]


def _ours(text: str, region: str) -> tuple[str, str] | None:
    found = PhoneCheck(region).check(text)
    return (found.e164, found.kind) if found is not None else None


@pytest.mark.parametrize(("text", "region", "expected"), [
    ("89121708125", "RU", ("+79121708125", "mobile")),            # trunk prefix 8
    ("8 (912) 170-81-25", "RU", ("+79121708125", "mobile")),
    ("9121708125", "RU", ("+79121708125", "mobile")),             # no prefix at all
    ("79121708125", "RU", ("+79121708125", "mobile")),            # country code without '+'
    ("9122048701", "GB", ("+449122048701", "premium_rate")),      # what a UK reading made of a Russian mobile
    ("9122048701", "RU", ("+79122048701", "mobile")),
    ("8 (495) 123-45-67", "RU", ("+74951234567", "fixed_line")),
    ("8 800 555-35-35", "RU", ("+78005553535", "toll_free")),
    ("8 809 123-45-67", "RU", ("+78091234567", "premium_rate")),
    ("+7 701 123 4567", "RU", ("+77011234567", "mobile")),        # Kazakhstan shares +7
    ("8 029 123-45-67", "BY", ("+375291234567", "mobile")),       # Belarus' trunk prefix 8 0
    ("07400 123456", "GB", ("+447400123456", "mobile")),
    ("+1 212 555 0100", "RU", ("+12125550100", "fixed_line_or_mobile")),
    ("+390612345678", "IT", ("+390612345678", "fixed_line")),     # Italian leading zero: the slow path
    ("8 10 44 20 7946 0000", "RU", ("+442079460000", "fixed_line")),  # 810, Russia's international prefix
    ("12345", "RU", None),
    ("+999123456789", "RU", None),
    ("call me", "RU", None),
])
def test_known_numbers(text: str, region: str, expected: tuple[str, str] | None) -> None:
    assert _ours(text, region) == expected
    assert _reference(text, region) == expected


_CODES = ["1", "7", "20", "33", "39", "44", "49", "86", "91", "375", "380", "971", "998", "800", "882"]
_REGIONS = ["RU", "KZ", "BY", "UA", "GB", "US", "DE", "IT", "FR", "BR", "AR", "CN", "IN", "UZ"]


@settings(max_examples=400, deadline=None)
@given(code=st.sampled_from(_CODES), digits=st.text(alphabet="0123456789", min_size=1, max_size=14))
def test_e164_fast_path_agrees_with_phonenumbers(code: str, digits: str) -> None:
    text = f"+{code}{digits}"
    assert _ours(text, "RU") == _reference(text, "RU")


@settings(max_examples=600, deadline=None)
@given(prefix=st.sampled_from(["", "8", "7", "0", "80", "1", "810", "00", "89", "79", "375"]),
       digits=st.text(alphabet="0123456789", min_size=3, max_size=12),
       region=st.sampled_from(_REGIONS))
def test_national_fast_path_agrees_with_phonenumbers(prefix: str, digits: str, region: str) -> None:
    text = prefix + digits
    assert _ours(text, region) == _reference(text, region)


@settings(max_examples=300, deadline=None)
@given(region=st.sampled_from(_REGIONS), kind=st.sampled_from(sorted(_TYPES)),
       style=st.sampled_from(["national", "international", "e164"]), last=st.integers(0, 9))
def test_example_numbers_of_every_type_and_style(region: str, kind: int, style: str, last: int) -> None:
    example = phonenumbers.example_number_for_type(region, kind)
    if example is None:
        return
    form = {"national": phonenumbers.PhoneNumberFormat.NATIONAL, "e164": phonenumbers.PhoneNumberFormat.E164,
            "international": phonenumbers.PhoneNumberFormat.INTERNATIONAL}[style]
    text = phonenumbers.format_number(example, form)
    text = text[:-1] + str(last)  # a neighbour: valid or not, both paths must say the same
    assert _ours(text, region) == _reference(text, region)
