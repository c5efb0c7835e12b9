"""Cell parsers for survey and customer exports: numbers, dates, yes/no, scales.

Every parser returns ``None`` for text it does not accept (the caller records the bad cell
with its CSV line); none of them raises on arbitrary input.

Numbers (``parse_number``) accept what spreadsheets write in Russian and English locales:

* a decimal point or a decimal comma: ``4.5``, ``4,5``;
* thousands grouped by a space, a no-break space or a narrow no-break space:
  ``1 550``, ``1 550,50``;
* both separators when the last one is the decimal mark and the other groups thousands:
  ``1,550.50`` (English) and ``1.550,50`` (German/Russian).

A single comma is always a decimal comma (``1,550`` is 1.55, as a Russian spreadsheet
means it). ``nan``, ``inf``, exponents and currency signs are rejected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

_SPACES = " \u00a0\u202f\u2009"
_SIGN = r"[+\-\u2212]?"

# Plain: 12, 12.5, 12,5, .5, ,5
_PLAIN = re.compile(rf"^{_SIGN}(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
# Space-grouped thousands, optional decimal part with either mark: 1 550 / 1 550,50
_SPACED = re.compile(rf"^{_SIGN}\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?$")
# Comma thousands with a decimal point: 1,550.50 / 1,550,000.5
_EN = re.compile(rf"^{_SIGN}\d{{1,3}}(?:,\d{{3}})+\.\d+$")
# Point thousands with a decimal comma: 1.550,50
_EU = re.compile(rf"^{_SIGN}\d{{1,3}}(?:\.\d{{3}})+,\d+$")


def parse_number(text: str) -> float | None:
    """The number written in ``text``, or ``None`` when it is not a plain number."""

    s = text.strip(_SPACES + "\t")
    if not s or len(s) > 64:
        return None
    s = s.replace("\u2212", "-")
    if _PLAIN.match(s):
        return float(s.replace(",", "."))
    if _SPACED.match(s):
        for ch in _SPACES:
            s = s.replace(ch, "")
        return float(s.replace(",", "."))
    if _EN.match(s):
        return float(s.replace(",", ""))
    if _EU.match(s):
        return float(s.replace(".", "").replace(",", "."))
    return None


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def parse_timestamp(text: str) -> datetime | None:
    """ISO 8601 (``2024-03-01``, ``2024-03-01T10:30``, with ``Z`` or an offset) or
    ``dd.mm.yyyy`` with an optional ``hh:mm[:ss]``. A bare date means 00:00."""

    s = text.strip()
    if not s:
        return None
    m = _DMY.match(s)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mm, ss = (int(g) if g else 0 for g in m.group(4, 5, 6))
        try:
            return datetime(year, month, day, hh, mm, ss)
        except ValueError:
            return None
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    try:
        if len(s) == 10:
            return datetime.combine(date.fromisoformat(s), time())
        return datetime.fromisoformat(s)
    except ValueError:
        return None


_TRUE = frozenset({"1", "yes", "y", "true", "t", "да", "д", "+", "active", "активен"})
_FALSE = frozenset({"0", "no", "n", "false", "f", "нет", "н", "-", "inactive", "неактивен"})


def parse_bool(text: str) -> bool | None:
    """``1/0``, ``yes/no``, ``true/false``, ``да/нет`` (any case); ``None`` otherwise."""

    s = text.strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    return None


_SCALE = re.compile(r"^\s*(\d{1,3})\s*(?:-|–|\.\.)\s*(\d{1,3})\s*$")


def parse_scale(text: str) -> tuple[int, int] | None:
    """``"1-5"``, ``"0–5"`` or ``"1..7"`` as ``(low, high)``; ``None`` unless low < high."""

    m = _SCALE.match(text)
    if not m:
        return None
    low, high = int(m.group(1)), int(m.group(2))
    return (low, high) if low < high else None
