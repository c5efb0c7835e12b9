"""The ``country`` column: which country's rules read a row's phone numbers.

By default a number without a country code is read in the company's home region
(``phone_region``). A CRM that knows a customer lives elsewhere says so per row: an ISO
3166 code (``KZ``, ``by``) or the country's name in Russian or English (``Казахстан``,
``Belarus``), as CLDR (Babel) writes it.
"""

from __future__ import annotations

import functools


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split()).strip(" .")


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Country names in ru and en (CLDR) → ISO code, for the regions phonenumbers knows."""
    import phonenumbers
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("en", "ru"):
        for code, name in Locale.parse(language).territories.items():
            if code in phonenumbers.SUPPORTED_REGIONS:
                names.setdefault(_key(name), code)
    return names


@functools.lru_cache(maxsize=1024)
def country_region(text: str) -> str | None:
    """``"kz"``, ``"Казахстан"`` → ``"KZ"``; None when it names no country with a numbering plan."""
    import phonenumbers

    value = text.strip()
    if len(value) == 2 and value.isascii() and value.upper() in phonenumbers.SUPPORTED_REGIONS:
        return value.upper()
    return _names().get(_key(value))
