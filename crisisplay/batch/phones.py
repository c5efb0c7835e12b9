"""Phone numbers of a mass send: E.164 and the number's type, as libphonenumber says.

A message must reach the person's own phone and nothing else: an SMS to a landline is
lost, a robocall to the company's own toll-free line or to a premium-rate number costs
money and reaches nobody. So every number is parsed in the *company's* home region
(``phone_region``, never the recipient's language), and its type (mobile, fixed line,
toll-free, premium rate …) decides which channels may use it.

The rules are libphonenumber's own (``phonenumbers``), but ``parse`` plus
``is_valid_number`` plus ``number_type`` cost about 80 µs per number, more than
rendering an SMS. Two fast paths apply the same metadata with patterns compiled once:

* E.164 (``+79161234567``): split the country code, pick the region among those sharing
  it, classify the national number;
* digits only in the home region's national form (``8 912 170-81-25``, ``9121708125``,
  ``07400 123456``): strip the national prefix exactly as ``phonenumbers.parse`` does.

Anything else (an international dialling prefix, the country code without ``+``, a
national prefix rule with carrier codes, letters, extensions, a leading zero that Italy
keeps) goes through ``phonenumbers.parse``. ``tests/batch/test_batch_phones.py`` checks
both paths agree with phonenumbers on random input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from crisisplay.batch.phone_types import (
    NATIONAL_PREFIXES,
    REGIONS_BY_CODE,
    classify,
    load_regions,
    region_for,
)

_SEPARATORS = str.maketrans("", "", " -().\u00a0\u2010\u2011\u2012\u2013\u2014/")
_MIN_NSN, _MAX_NSN = 2, 17

#: What each type is called in a rejection.
KIND_LABELS = {
    "mobile": "a mobile number",
    "fixed_line": "a landline number",
    "fixed_line_or_mobile": "a landline or mobile number",
    "toll_free": "a toll-free number",
    "premium_rate": "a premium-rate number",
    "shared_cost": "a shared-cost number",
    "voip": "a VoIP number",
    "personal_number": "a personal (forwarding) number",
    "pager": "a pager number",
    "uan": "a company (UAN) number",
    "voicemail": "a voicemail access number",
}
#: The types a channel setting ``number_types`` names, and the libphonenumber types each admits.
ACCEPTS = {
    "mobile": frozenset({"mobile", "fixed_line_or_mobile"}),
    "fixed_line": frozenset({"fixed_line", "fixed_line_or_mobile"}),
    "voip": frozenset({"voip"}),
}


def _descriptor_pattern(desc: Any, *, lengths: bool = True) -> str | None:
    """One descriptor as a regex: its pattern, guarded by its possible lengths.

    ``_is_number_matching_desc`` checks ``possible_length`` and then fully matches
    ``national_number_pattern``; the lookahead does the first.
    """
    if desc is None or not desc.national_number_pattern:
        return None
    pattern = f"(?:{desc.national_number_pattern})"
    sizes = sorted(set(desc.possible_length or ())) if lengths else []
    if sizes:
        pattern = "(?=(?:" + "|".join(rf"\d{{{n}}}" for n in sizes) + ")$)" + pattern
    return pattern


def _compiled(source: str | None) -> re.Pattern[str] | None:
    return re.compile(source) if source else None


@dataclass(frozen=True)
class _Home:
    """What ``phonenumbers.parse`` needs of the default region for a national number.

    ``usable`` is False when the region's national prefix has a transform rule or
    capturing groups (carrier codes): those numbers take the slow path.
    """

    code: str
    main_region: str  # the first region of the calling code (``region_code_for_country_code``)
    country_code: int
    cc_text: str
    idd: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    usable: bool
    general: re.Pattern[str] | None  # national_number_pattern alone (``_match_national_number``)
    lengths: tuple[int, ...]
    local_lengths: tuple[int, ...]

    def viable(self, number: str) -> bool:
        return self.general is not None and self.general.fullmatch(number) is not None

    def length(self, number: str) -> str:
        """``_test_number_length`` for an unknown type: possible, local, short, long, invalid."""
        size = len(number)
        if size in self.local_lengths:
            return "local"
        if not self.lengths or size < self.lengths[0]:
            return "short" if self.lengths else "invalid"
        if size > self.lengths[-1]:
            return "long"
        return "possible" if size in self.lengths else "invalid"

    def strip_prefix(self, number: str) -> str:
        """``_maybe_strip_national_prefix_carrier_code`` without transform rules."""
        if not number or self.prefix is None:
            return number
        match = self.prefix.match(number)
        if match is None:
            return number
        rest = number[match.end():]
        if self.viable(number) and not self.viable(rest):
            return number
        return rest


_HOMES: dict[str, _Home | None] = {}


def _home(code: str) -> _Home | None:
    if code in _HOMES:
        return _HOMES[code]
    from phonenumbers import PhoneMetadata, region_code_for_country_code

    metadata: Any = PhoneMetadata.metadata_for_region(code, None)
    home = None
    if metadata is not None:
        prefix = metadata.national_prefix_for_parsing
        compiled = re.compile(prefix) if prefix else None
        usable = not metadata.national_prefix_transform_rule and (compiled is None or compiled.groups == 0)
        general = metadata.general_desc
        home = _Home(
            code=code, main_region=str(region_code_for_country_code(metadata.country_code)),
            country_code=int(metadata.country_code), cc_text=str(metadata.country_code),
            idd=re.compile(metadata.international_prefix) if metadata.international_prefix else None,
            prefix=compiled, usable=usable,
            general=_compiled(_descriptor_pattern(general, lengths=False)),
            lengths=tuple(sorted(general.possible_length or ())),
            local_lengths=tuple(sorted(general.possible_length_local_only or ())),
        )
    _HOMES[code] = home
    return home


class Phone(NamedTuple):
    """A valid number: E.164 text and its libphonenumber type (``mobile``, ``toll_free`` …)."""

    e164: str
    kind: str


class PhoneCheck:
    """``check(text)``: the number in E.164 with its type, or None when it is not valid.

    ``default_region`` reads numbers written without a country code; ``check`` may be
    given another one for a row whose ``country`` column says so.
    """

    def __init__(self, default_region: str) -> None:
        self.default_region = default_region

    def e164(self, text: str, region: str | None = None) -> str | None:
        found = self.check(text, region)
        return found.e164 if found is not None else None

    def check(self, text: str, region: str | None = None) -> Phone | None:
        region = region or self.default_region
        compact = text if text[:1] == "+" and text.isascii() and text[1:].isdigit() else (
            text.strip().translate(_SEPARATORS))
        if compact.isascii():
            fast: Phone | bool | None = None
            if compact[:1] == "+" and compact[1:].isdigit():
                fast = _fast_international(compact[1:])
            elif compact.isdigit():
                fast = _fast_national(compact, region)
            if fast is not None:
                return fast if isinstance(fast, Phone) else None
        return _slow(text, region)


def _fast_international(digits: str) -> Phone | bool | None:
    """False invalid, None undecided (use the slow path), else the number."""
    if not digits or digits[0] == "0":
        return None
    regions = None
    for size in (1, 2, 3):
        if len(digits) <= size:
            return False
        regions = REGIONS_BY_CODE.get(int(digits[:size]), ()) or load_regions(int(digits[:size]))
        if regions is not None:
            break
    else:
        return False
    nsn = digits[size:]
    if not regions or nsn[0] == "0" or not _MIN_NSN <= len(nsn) <= _MAX_NSN:
        return None
    prefixes = NATIONAL_PREFIXES.get(regions[0].country_code)
    if prefixes is not None and prefixes.match(nsn):
        return None  # libphonenumber might strip a national prefix here: let it decide
    found = region_for(nsn, regions)
    kind = found.kind(nsn) if found is not None else None
    return Phone("+" + digits, kind) if kind is not None else False


def _fast_national(digits: str, region: str) -> Phone | bool | None:
    """A digits-only number in ``region``'s national form, as ``phonenumbers.parse`` reads it."""
    home = _HOMES.get(region) or _home(region)
    if home is None or not home.usable or len(digits) < 3:
        return None
    if home.idd is not None and home.idd.match(digits):
        return None  # an international dialling prefix (810, 00): the slow path
    national = digits
    if digits.startswith(home.cc_text):
        # The country code without '+' (79121708125): taken as one when the whole number
        # does not fit the region's pattern but the rest does, or the whole is too long.
        rest = home.strip_prefix(digits[len(home.cc_text):])
        if (not home.viable(digits) and home.viable(rest)) or home.length(digits) == "long":
            if home.code != home.main_region:
                return None  # parsed with another region's rules (KZ under +7 is RU's)
            national = rest
    if len(national) < _MIN_NSN:
        return False
    stripped = home.strip_prefix(national)
    nsn = stripped if home.length(stripped) in ("possible", "long") else national
    if not _MIN_NSN <= len(nsn) <= _MAX_NSN:
        return False
    if nsn[0] == "0":
        return None  # a leading zero that some regions keep (Italy): the slow path
    regions = REGIONS_BY_CODE.get(home.country_code) or load_regions(home.country_code)
    if not regions:
        return None
    found = region_for(nsn, regions)
    kind = found.kind(nsn) if found is not None else None
    return Phone(f"+{home.cc_text}{nsn}", kind) if kind is not None else False


def _slow(text: str, region: str) -> Phone | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    nsn = phonenumbers.national_significant_number(number)
    kind = classify(int(number.country_code), nsn) if number.country_code else None
    if kind is None:
        return None
    return Phone(str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)), kind)


def known_region(code: str) -> bool:
    import phonenumbers

    return code in phonenumbers.SUPPORTED_REGIONS
