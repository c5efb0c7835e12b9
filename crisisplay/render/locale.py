"""Locale data for rendering: Babel ``Locale`` objects and time-zone labels, cached.

Parsing a Babel locale loads CLDR data from disk; a mass render must not pay that per
message, so everything here is built once per locale (``functools.lru_cache``).
"""

from __future__ import annotations

import functools
from datetime import datetime, tzinfo
from typing import Any

from crisisplay.errors import CrisisplayError

#: CLDR puts no-break and narrow no-break spaces into times ("2:00 PM") and numbers
#: ("12 345"). They are invisible in a message but force an SMS into UCS-2 and break
#: plain-text search, so rendered values use ordinary spaces.
_SPACE_TABLE = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def plain_spaces(text: str) -> str:
    return text.translate(_SPACE_TABLE)


@functools.lru_cache(maxsize=32)
def babel_locale(name: str) -> Any:
    """The Babel ``Locale`` for ``ru``, ``en``, ``en_GB``, ``pt-BR``…; user error if unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise CrisisplayError(f"unknown locale {name!r} (Babel/CLDR has no data for it)") from None


def language(locale_name: str) -> str:
    return locale_name.replace("-", "_").split("_")[0].lower()


@functools.lru_cache(maxsize=64)
def _zone_territory(zone_name: str) -> str:
    from babel.core import get_global

    return str(get_global("zone_territories").get(zone_name, ""))


def zone_name(zone: tzinfo) -> str:
    return str(getattr(zone, "key", "") or zone.tzname(None) or "UTC")


def _offset_hours(moment: datetime) -> float:
    offset = moment.utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else 0.0


def _signed(hours: float) -> str:
    whole = int(hours)
    if hours == whole:
        return f"{whole:+d}"
    minutes = round(abs(hours - whole) * 60)
    return f"{whole:+d}:{minutes:02d}"


_LABELS: dict[tuple[str, float, str, bool], str] = {}


def _zone_label_uncached(moment: datetime, zone_key: str, offset: float, locale_name: str, spoken: bool) -> str:
    from babel import dates

    lang = language(locale_name)
    territory = _zone_territory(zone_key)
    if lang == "ru" and territory == "RU":
        # The Russian convention counts every zone from Moscow: МСК, МСК+2.
        delta = offset - 3
        if spoken:
            return "по московскому времени" if delta == 0 else f"по времени Москвы {_signed(delta)} ч"
        return "МСК" if delta == 0 else f"МСК{_signed(delta)}"
    if zone_key in ("UTC", "Etc/UTC", "GMT", "Etc/GMT"):
        return "UTC"
    locale = babel_locale(locale_name)
    short = dates.get_timezone_name(moment, "short", locale=locale, uncommon=False)
    if short and not short.startswith(("+", "-", "GMT", "UTC")) and not spoken:
        return plain_spaces(str(short))
    if lang == "en":
        city = dates.get_timezone_location(_zoneinfo(zone_key), locale=locale, return_city=True)
        if city:
            return f"{city} time"
    return f"UTC{_signed(offset)}"


def _zoneinfo(key: str) -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(key)


def zone_label(moment: datetime, locale_name: str, *, spoken: bool = False) -> str:
    """How a message names the company's time zone next to a time: ``МСК``, ``Moscow time``.

    Russian customers read zones relative to Moscow (``МСК+2``), which CLDR does not
    provide; elsewhere a commonly used CLDR abbreviation (``EST``), else the city
    (``Moscow time``), else the UTC offset. ``spoken`` gives words for text-to-speech.
    """
    zone = moment.tzinfo
    if zone is None:
        return ""
    key = (zone_name(zone), _offset_hours(moment), locale_name, spoken)
    label = _LABELS.get(key)
    if label is None:
        label = _LABELS[key] = _zone_label_uncached(moment, *key)
    return label
