"""Address checks: E.164 through the PhoneCheck wrapper (types: test_batch_phones.py); e-mail and messenger ids."""

from __future__ import annotations

import phonenumbers
import pytest

from crisisplay.batch.address import PhoneCheck, check_email, check_telegram, check_token, check_vk


def _reference(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@pytest.mark.parametrize("text, region, expected", [
    ("+79161234567", "RU", "+79161234567"),
    ("+7 (916) 123-45-67", "GB", "+79161234567"),
    ("8 916 123 45 67", "RU", "+79161234567"),
    ("07400 123456", "GB", "+447400123456"),
    ("+447911386618", "GB", None),        # not an allocated UK (or Guernsey) mobile range
    ("+447911123456", "GB", "+447911123456"),  # Guernsey: +44 shared by several regions
    ("+1 212 555 0100", "RU", "+12125550100"),
    ("+390612345678", "IT", "+390612345678"),   # Italian leading zero: the slow path
    ("12345", "RU", None),
    ("+999123456789", "RU", None),         # no such country code
    ("call me", "RU", None),
])
def test_known_numbers(text: str, region: str, expected: str | None) -> None:
    assert PhoneCheck(region).e164(text) == expected
    assert _reference(text, region) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ivan.Petrov@Example.COM", "Ivan.Petrov@example.com"),
    (" anna+news@mail.example.org ", "anna+news@mail.example.org"),
    ("имя@почта.рф", "имя@почта.рф"),
    ("a..b@example.com", None),
    (".a@example.com", None),
    ("user@example", None),
    ("user@@example.com", None),
    ("user name@example.com", None),
    ("user@-example.com", None),
    ("", None),
])
def test_email_syntax(text: str, expected: str | None) -> None:
    assert check_email(text) == expected


def test_messenger_ids_and_tokens() -> None:
    assert check_telegram("123456789") == "123456789"
    assert check_telegram("@example_user") == "@example_user"
    assert check_telegram("no spaces allowed") is None
    assert check_vk("id12345") == "id12345"
    assert check_vk("?") is None
    assert check_token("a" * 64) == "a" * 64
    assert check_token("two words") is None
