"""What type a phone number is (mobile, fixed line, toll-free …): libphonenumber's rules, compiled once.

``phonenumbers.number_type`` re-reads its metadata for every number; here each calling
code's regions are compiled to one regular expression per number length on first use
(:func:`load_regions`), and :func:`classify` answers with two ``fullmatch`` calls.
:mod:`crisisplay.batch.phones` uses it on its fast paths; ``tests/batch/test_batch_phones.py``
checks the answers equal phonenumbers' own on random input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: libphonenumber's special number types, in the order ``_number_type_helper`` tries them.
_SPECIAL = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail")


@dataclass(frozen=True)
class _TypeDesc:
    name: str
    pattern: str  # national_number_pattern
    lengths: frozenset[int]  # possible_length (empty: any)


class Region:
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


#: Compiled rules per country calling code (None: not a calling code), shared per process.
REGIONS_BY_CODE: dict[int, tuple[Region, ...] | None] = {}
#: Per calling code: any of its regions' national prefixes (the slow path decides those).
NATIONAL_PREFIXES: dict[int, re.Pattern[str]] = {}


def load_regions(country_code: int) -> tuple[Region, ...] | None:
    """The regions sharing ``country_code``, compiled on first use (``REGIONS_BY_CODE`` after)."""
    if country_code in REGIONS_BY_CODE:
        return REGIONS_BY_CODE[country_code]
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    names = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    regions: tuple[Region, ...] | None = None
    patterns: list[str] = []
    if names:
        compiled = []
        for name in names:
            metadata: Any = PhoneMetadata.metadata_for_region_or_calling_code(country_code, name)
            if metadata is not None:
                compiled.append(Region(metadata, name))
                if metadata.national_prefix_for_parsing:
                    patterns.append(metadata.national_prefix_for_parsing)
        regions = tuple(compiled)
    REGIONS_BY_CODE[country_code] = regions
    if patterns:  # one match instead of one per region sharing the code
        NATIONAL_PREFIXES[country_code] = re.compile("|".join(f"(?:{source})" for source in patterns))
    return regions


def region_for(nsn: str, regions: tuple[Region, ...]) -> Region | None:
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
    regions = REGIONS_BY_CODE.get(country_code) or load_regions(country_code)
    if not regions:
        return None
    found = region_for(nsn, regions)
    return found.kind(nsn) if found is not None else None
