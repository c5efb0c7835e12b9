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

#: libphonenumber's special number types, in the order ``_number_type_helper`` tries them.
_SPECIAL = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail")
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


def _pattern(desc: Any, *, lengths: bool = True) -> str | None:
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


def _compile(source: str | None) -> re.Pattern[str] | None:
    return re.compile(source) if source else None


@dataclass(frozen=True)
class _TypeDesc:
    name: str
    pattern: str  # national_number_pattern
    lengths: frozenset[int]  # possible_length (empty: any)


class _Region:
    """One region's type rules (libphonenumber's ``_number_type_helper``), compiled once.

    libphonenumber requires the general descriptor, then tries the special types, fixed
    line and mobile in that order, each with its possible lengths. Length lookaheads in
    a regex cost more than the patterns, so the lengths are applied once per length
    instead: for each number length, one regex alternates (with a named group each) the
    types that allow it, in libphonenumber's order (``re`` takes the first alternative
    that matches). A number costs two ``fullmatch`` calls: general, then types. A
    fixed-line match also asks ``mobile``: libphonenumber calls a number both accept
    "fixed line or mobile".
    """

    def __init__(self, metadata: Any, code: str) -> None:
        self.code = code
        self.country_code = int(metadata.country_code)
        lead = metadata.leading_digits
        self.leading_digits = re.compile(lead) if lead is not None else None
        self.same_pattern = bool(metadata.same_mobile_and_fixed_line_pattern)
        names = (*_SPECIAL, "fixed_line") if self.same_pattern else (*_SPECIAL, "fixed_line", "mobile")
        self._descs = tuple(desc for desc in (_desc(name, getattr(metadata, name)) for name in names) if desc)
        general = _desc("general", metadata.general_desc)
        self._general = re.compile(general.pattern) if general else None
        self._general_lengths = general.lengths if general else frozenset()
        mobile = _desc("mobile", metadata.mobile)
        self._mobile = re.compile(mobile.pattern) if mobile else None
        self._mobile_lengths = mobile.lengths if mobile else frozenset()
        self._by_length: dict[int, re.Pattern[str] | None] = {}

    def _types(self, size: int) -> re.Pattern[str] | None:
        if size not in self._by_length:
            alternatives = [f"(?P<{d.name}>{d.pattern})" for d in self._descs if not d.lengths or size in d.lengths]
            self._by_length[size] = re.compile("|".join(alternatives)) if alternatives else None
        return self._by_length[size]

    def kind(self, nsn: str) -> str | None:
        """The number's type, or None when it is not a valid number of this region."""
        size = len(nsn)
        if (self._general is None or (self._general_lengths and size not in self._general_lengths)
                or self._general.fullmatch(nsn) is None):
            return None
        types = self._by_length.get(size) or self._types(size)
        match = types.fullmatch(nsn) if types is not None else None
        if match is None:
            return None
        kind = match.lastgroup
        if kind == "fixed_line" and (self.same_pattern or (
                self._mobile is not None and (not self._mobile_lengths or size in self._mobile_lengths)
                and self._mobile.fullmatch(nsn))):
            return "fixed_line_or_mobile"
        return kind


def _desc(name: str, raw: Any) -> _TypeDesc | None:
    if raw is None or not raw.national_number_pattern:
        return None
    return _TypeDesc(name, f"(?:{raw.national_number_pattern})", frozenset(raw.possible_length or ()))


def _region(metadata: Any, code: str) -> _Region:
    return _Region(metadata, code)


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
    patterns: list[str] = []
    if names:
        compiled = []
        for name in names:
            metadata: Any = PhoneMetadata.metadata_for_region_or_calling_code(country_code, name)
            if metadata is not None:
                compiled.append(_region(metadata, name))
                if metadata.national_prefix_for_parsing:
                    patterns.append(metadata.national_prefix_for_parsing)
        regions = tuple(compiled)
    _CODES[country_code] = regions
    if patterns:  # one match instead of one per region sharing the code
        _PREFIXES[country_code] = re.compile("|".join(f"(?:{source})" for source in patterns))
    return regions


def _region_for(nsn: str, regions: tuple[_Region, ...]) -> _Region | None:
    """libphonenumber's ``_region_code_for_number_from_list``."""
    if len(regions) == 1:
        return regions[0]
    for region in regions:
        if region.leading_digits is not None:
            if region.leading_digits.match(nsn):
                return region
        elif region.kind(nsn) is not None:
            return region
    return None


def classify(country_code: int, nsn: str) -> str | None:
    """The type of ``+<country_code><nsn>``, or None when it is not a valid number."""
    regions = _CODES.get(country_code) or _regions(country_code)
    if not regions:
        return None
    found = _region_for(nsn, regions)
    return found.kind(nsn) if found is not None else None


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
            general=_compile(_pattern(general, lengths=False)),
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
        regions = _CODES.get(int(digits[:size]), ()) or _regions(int(digits[:size]))
        if regions is not None:
            break
    else:
        return False
    nsn = digits[size:]
    if not regions or nsn[0] == "0" or not _MIN_NSN <= len(nsn) <= _MAX_NSN:
        return None
    prefixes = _PREFIXES.get(regions[0].country_code)
    if prefixes is not None and prefixes.match(nsn):
        return None  # libphonenumber might strip a national prefix here: let it decide
    found = _region_for(nsn, regions)
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
    regions = _CODES.get(home.country_code) or _regions(home.country_code)
    if not regions:
        return None
    found = _region_for(nsn, regions)
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
