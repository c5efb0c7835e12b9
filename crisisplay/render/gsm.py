"""SMS length: GSM 03.38 (3GPP TS 23.038) 7-bit alphabet versus UCS-2, and segments.

* A message is GSM-7 when every character is in the default alphabet or its extension
  table; extension characters (``^ { } \\ [ ~ ] | €`` and form feed) are sent as ESC + code
  and count twice. One segment holds 160 septets; a concatenated message puts a 6-octet
  header in each part, leaving 153.
* Otherwise it is UCS-2 (UTF-16 on the wire): 70 units in one segment, 67 per part when
  concatenated; characters outside the BMP (most emoji) take a surrogate pair, two units.
* A part never ends in the middle of an escape sequence or of a surrogate pair: the
  character moves whole to the next part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67
#: 3GPP TS 23.040 concatenation numbers parts in one octet.
MAX_PARTS = 255

#: Common characters that switch a Latin SMS to UCS-2, and what GSM-7 has instead.
GSM_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2116": "No.",
    "\u00b7": ".", "\u2022": "-", "\t": " ",
}


def is_gsm(char: str) -> bool:
    return char in GSM_BASIC or char in GSM_EXTENSION


def gsm_units(char: str) -> int:
    return 2 if char in GSM_EXTENSION else 1


def ucs2_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


@dataclass(frozen=True)
class SmsCount:
    """The figures of one SMS text."""

    encoding: str  # "GSM-7" or "UCS-2"
    characters: int
    units: int  # septets for GSM-7, 16-bit code units for UCS-2
    segments: int
    per_segment: int

    def as_figures(self) -> dict[str, int | str]:
        return {
            "characters": self.characters,
            "encoding": self.encoding,
            "units": self.units,
            "segments": self.segments,
            "per_segment": self.per_segment,
        }


def _fill_segments(text: str, single: int, part: int, measure: Callable[[str], int]) -> tuple[int, int]:
    """Total units and segments, filling each part greedily with whole characters."""
    if measure is gsm_units:
        sizes = [2 if char in GSM_EXTENSION else 1 for char in text]
    elif measure is ucs2_units:
        sizes = [2 if char > "\uffff" else 1 for char in text]
    else:
        sizes = [measure(char) for char in text]
    total = sum(sizes)
    if total == 0:
        return 0, 0
    if total <= single:
        return total, 1
    segments, filled = 1, 0
    for size in sizes:
        if filled + size > part:  # never split an escape sequence or a surrogate pair
            segments += 1
            filled = 0
        filled += size
    return total, segments


GSM_ALL = GSM_BASIC | GSM_EXTENSION
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def count_sms(text: str) -> SmsCount:
    """Encoding, units and segments of ``text`` as an SMS.

    The common cases (no extension characters, no surrogate pairs) are plain
    arithmetic; only texts with double-width characters walk the greedy split.
    """
    if GSM_ALL.issuperset(text):
        extension = sum(text.count(char) for char in GSM_EXTENSION) if not GSM_BASIC.issuperset(text) else 0
        if extension:
            units, segments = _fill_segments(text, GSM_SINGLE, GSM_PART, gsm_units)
        else:
            units, segments = len(text), _simple_segments(len(text), GSM_SINGLE, GSM_PART)
        per = GSM_SINGLE if segments <= 1 else GSM_PART
        return SmsCount("GSM-7", len(text), units, segments, per)
    if _ASTRAL.search(text):
        units, segments = _fill_segments(text, UCS2_SINGLE, UCS2_PART, ucs2_units)
    else:
        units, segments = len(text), _simple_segments(len(text), UCS2_SINGLE, UCS2_PART)
    per = UCS2_SINGLE if segments <= 1 else UCS2_PART
    return SmsCount("UCS-2", len(text), units, segments, per)


def _simple_segments(units: int, single: int, part: int) -> int:
    if units == 0:
        return 0
    return 1 if units <= single else -(-units // part)


@dataclass(frozen=True)
class StrayCharacter:
    index: int
    char: str
    replacement: str

    @property
    def name(self) -> str:
        if len(self.char) == 1:
            return unicodedata.name(self.char, f"U+{ord(self.char):04X}")
        return "character"


def stray_characters(text: str) -> list[StrayCharacter]:
    """Characters outside GSM-7, each with a GSM-7 replacement ('' means drop it)."""
    return [
        StrayCharacter(index, char, GSM_REPLACEMENTS.get(char, ""))
        for index, char in enumerate(text)
        if not is_gsm(char)
    ]


def gsm_alternative(text: str) -> str:
    """The text with every non-GSM character replaced (or dropped): what it could cost."""
    return "".join(char if is_gsm(char) else GSM_REPLACEMENTS.get(char, "") for char in text)
