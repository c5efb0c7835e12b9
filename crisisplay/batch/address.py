"""Recipient addresses: phone numbers to E.164, e-mail syntax, messenger ids.

A gateway upload with a malformed address fails late, per message, and costs money;
so addresses are checked while choosing the channel, and a recipient whose addresses
are all unusable is rejected with the reason instead of being sent to nowhere.

Phones follow ``phonenumbers`` (libphonenumber's metadata) exactly, but its ``parse``
plus ``is_valid_number`` costs about 60 µs per number, more than rendering an SMS.
CRM exports meant for gateways mostly hold E.164 already (``+79161234567``), so
:class:`PhoneCheck` has a fast path for that form: it splits the country code and
runs libphonenumber's own validity rules (the same descriptors, in the same order)
with patterns compiled once. Anything else (national forms, a ``+`` number that starts
with a national prefix or a leading zero, extensions, letters) goes through
``phonenumbers.parse``. ``tests/batch/test_batch_address.py`` checks both paths agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The descriptors libphonenumber tries (``_number_type_helper``), in its order.
_TYPE_DESCS = (
    "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
)
_SEPARATORS = str.maketrans("", "", " -().\u00a0\u2010\u2011\u2012\u2013\t/")
_EMAIL_RE = re.compile(
    r"(?P<local>[^\s@\"(),:;<>\[\]\\]{1,64})@"
    r"(?P<domain>(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{2,59}))"
)
_TELEGRAM_RE = re.compile(r"-?\d{1,20}|@?[A-Za-z][A-Za-z0-9_]{4,31}")
_DIGITS_RE = re.compile(r"\d{1,20}")
_VK_RE = re.compile(r"\d{1,20}|id\d{1,20}|[A-Za-z][A-Za-z0-9_.]{2,31}")
MAX_TOKEN = 4096


def _desc_source(raw: Any) -> str | None:
    """One libphonenumber descriptor as a regex: its pattern, guarded by its lengths.

    ``_is_number_matching_desc`` checks ``possible_length`` and then fully matches
    ``national_number_pattern``; the lookahead does the first, so one ``fullmatch`` of
    the alternation of several descriptors answers "does any of them match".
    """
    if raw is None or not raw.national_number_pattern:
        return None
    pattern = f"(?:{raw.national_number_pattern})"
    lengths = sorted(set(raw.possible_length or ()))
    if lengths:
        pattern = "(?=(?:" + "|".join(rf"\d{{{n}}}" for n in lengths) + ")$)" + pattern
    return pattern


@dataclass(frozen=True)
class _Region:
    """One region's validity rules, compiled once.

    ``general`` is the region's general descriptor, ``kinds`` the alternation of every
    number-type descriptor libphonenumber's ``_number_type_helper`` may accept: valid
    means both match (which type matched does not matter here).
    """

    code: str
    country_code: int
    leading_digits: re.Pattern[str] | None
    general: re.Pattern[str] | None
    kinds: re.Pattern[str] | None
    prefix_for_parsing: re.Pattern[str] | None

    def valid(self, nsn: str) -> bool:
        """libphonenumber's ``_number_type_helper(nsn) != UNKNOWN``."""
        return (self.general is not None and self.kinds is not None
                and self.general.fullmatch(nsn) is not None and self.kinds.fullmatch(nsn) is not None)


def _region(metadata: Any, code: str) -> _Region:
    lead = metadata.leading_digits
    prefix = metadata.national_prefix_for_parsing
    # With the same mobile and fixed-line pattern libphonenumber never tries "mobile".
    names = ("fixed_line", *_TYPE_DESCS) if metadata.same_mobile_and_fixed_line_pattern else (
        "mobile", "fixed_line", *_TYPE_DESCS)
    kinds = [source for source in (_desc_source(getattr(metadata, name)) for name in names) if source]
    general = _desc_source(metadata.general_desc)
    return _Region(
        code=code,
        country_code=int(metadata.country_code),
        leading_digits=re.compile(lead) if lead is not None else None,
        general=re.compile(general) if general else None,
        kinds=re.compile("|".join(kinds)) if kinds else None,
        prefix_for_parsing=re.compile(prefix) if prefix else None,
    )


#: Compiled rules per country calling code (None: not a calling code), shared per process.
_CODES: dict[int, tuple[_Region, ...] | None] = {}
#: Per calling code: any of its regions' national prefixes (the slow path decides those).
_PREFIXES: dict[int, re.Pattern[str]] = {}


def _regions(country_code: int) -> tuple[_Region, ...] | None:
    if country_code in _CODES:
        return _CODES[country_code]
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    names = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    regions: tuple[_Region, ...] | None = None
    if names:
        compiled = []
        for name in names:
            metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, name)
            if metadata is not None:
                compiled.append(_region(metadata, name))
        regions = tuple(compiled)
    _CODES[country_code] = regions
    sources = [r.prefix_for_parsing.pattern for r in regions or () if r.prefix_for_parsing is not None]
    if sources:  # one match instead of one per region sharing the code
        _PREFIXES[country_code] = re.compile("|".join(f"(?:{source})" for source in sources))
    return regions


class PhoneCheck:
    """``e164(text)``: the number in E.164, or None when it is not a valid number."""

    def __init__(self, default_region: str) -> None:
        self.default_region = default_region

    def e164(self, text: str) -> str | None:
        compact = text if text[:1] == "+" and text.isascii() and text[1:].isdigit() else (
            text.strip().translate(_SEPARATORS))
        if compact[:1] == "+" and compact.isascii() and compact[1:].isdigit():
            fast = self._fast(compact[1:])
            if fast is not None:
                return fast or None
        return self._slow(text)

    @staticmethod
    def _fast(digits: str) -> str | None:
        """'' invalid, None undecided (use the slow path), else the E.164 text."""
        if not digits or digits[0] == "0":
            return None
        regions = None
        for size in (1, 2, 3):
            if len(digits) <= size:
                return ""
            regions = _CODES.get(int(digits[:size]), ()) or _regions(int(digits[:size]))
            if regions is not None:
                break
        else:
            return ""
        nsn = digits[size:]
        if not regions or nsn[0] == "0" or not 2 <= len(nsn) <= 17:
            return None
        prefixes = _PREFIXES.get(regions[0].country_code)
        if prefixes is not None and prefixes.match(nsn):
            return None  # libphonenumber might strip a national prefix here: let it decide
        found = regions[0] if len(regions) == 1 else _region_for(nsn, regions)
        if found is None:
            return ""
        return "+" + digits if found.valid(nsn) else ""

    def _slow(self, text: str) -> str | None:
        import phonenumbers

        try:
            number = phonenumbers.parse(text, self.default_region)
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number):
            return None
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _region_for(nsn: str, regions: tuple[_Region, ...]) -> _Region | None:
    """libphonenumber's ``_region_code_for_number_from_list``."""
    for region in regions:
        if region.leading_digits is not None:
            if region.leading_digits.match(nsn):
                return region
        elif region.valid(nsn):
            return region
    return None


def check_email(text: str) -> str | None:
    """The address with its domain in lower case, or None when it is not an address."""
    value = text.strip()
    match = _EMAIL_RE.fullmatch(value)
    if match is None or len(value) > 254:
        return None
    local = match.group("local")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    return f"{local}@{match.group('domain').lower()}"


def check_telegram(text: str) -> str | None:
    """A numeric chat id or a @username."""
    value = text.strip()
    return value if _TELEGRAM_RE.fullmatch(value) else None


def check_vk(text: str) -> str | None:
    value = text.strip()
    return value if _VK_RE.fullmatch(value) else None


def check_token(text: str) -> str | None:
    """A push token: opaque, but one word and of sane length."""
    value = text.strip()
    return value if value and len(value) <= MAX_TOKEN and not any(c.isspace() for c in value) else None


#: Which recipient field holds each personal channel's address, and how it is checked.
#: Broadcast channels (x, website_banner, status_page, contact_center) reach no one person.
ADDRESS_FIELDS: dict[str, tuple[str, ...]] = {
    "sms": ("phone",),
    "voice": ("phone",),
    "whatsapp": ("whatsapp", "phone"),
    "email": ("email",),
    "telegram": ("telegram",),
    "vk": ("vk",),
    "push": ("push",),
}
PERSONAL_CHANNELS = tuple(ADDRESS_FIELDS)
ADDRESS_NAMES = {"phone": "phone number", "whatsapp": "WhatsApp number", "email": "e-mail address",
                 "telegram": "Telegram chat id", "vk": "VK id", "push": "push token"}


def checker_for(field: str, phones: PhoneCheck) -> Callable[[str], str | None]:
    if field in ("phone", "whatsapp"):
        return phones.e164
    return {"email": check_email, "telegram": check_telegram, "vk": check_vk}.get(field, check_token)


def is_digits(text: str) -> bool:
    return bool(_DIGITS_RE.fullmatch(text))
