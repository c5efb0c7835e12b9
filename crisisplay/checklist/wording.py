"""The words of shared checklist artefacts (reports, calendar events) in the playbook's language.

A management report for a Russian playbook goes to Russian-speaking managers, so its
headings, states and sentences follow the playbook's ``locale``. The words live in YAML
catalogs beside the bundled playbooks (``crisisplay/data/wording``), one per language;
plural choices use CLDR's rules through Babel and durations CLDR's unit patterns, so no
grammar is written by hand here. Unknown languages fall back to English.

The interactive ``checklist status`` output stays in English like the rest of the CLI.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import PRINCIPLES

#: Languages with a catalog; the first is the fallback.
LANGUAGES = ("en", "ru")
_PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@dataclass(frozen=True)
class Wording:
    """One language's catalog: ``text(key, **values)`` and the CLDR-backed helpers."""

    language: str
    entries: dict[str, Any]

    def text(self, key: str, **values: object) -> str:
        entry = self.entries.get(key)
        if not isinstance(entry, str):
            raise KeyError(f"wording {self.language}: no text {key!r}")
        return entry.format(**values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of ``key`` that CLDR's plural rule picks for ``count`` in this language."""
        forms = self.entries.get(key)
        if not isinstance(forms, dict):
            raise KeyError(f"wording {self.language}: no plural {key!r}")
        category = _babel_locale(self.language).plural_form(count)
        form = forms.get(category, forms.get("other"))
        return str(form).format(**values)

    def term(self, group: str, key: str) -> str:
        """A translated name (priority, stage kind); the id itself when there is none."""
        names = self.entries.get(group)
        return str(names.get(key, key)) if isinstance(names, dict) else key

    def principle(self, key: str | None) -> str:
        if not key:
            return ""
        names = self.entries.get("principle")
        if isinstance(names, dict) and key in names:
            return str(names[key])
        return PRINCIPLES.get(key, "")

    def span(self, delta: timedelta) -> str:
        """A duration rounded to minutes in CLDR's narrow units: ``1h 5m``, ``1 ч 5 мин``."""
        from babel.lists import format_list
        from babel.units import format_unit

        minutes = int(abs(delta).total_seconds() // 60)
        days, rest = divmod(minutes, 1440)
        hours, mins = divmod(rest, 60)
        parts = [(days, "duration-day"), (hours, "duration-hour")]
        if not days:
            parts.append((mins, "duration-minute"))
        shown = [format_unit(value, unit, length="narrow", locale=self.language) for value, unit in parts if value] or [
            format_unit(0, "duration-minute", length="narrow", locale=self.language)
        ]
        return str(format_list(shown, style="unit-narrow", locale=self.language))

    def relative(self, moment: datetime, current: datetime) -> str:
        """``in 40m`` / ``через 40 мин`` or ``15m ago`` / ``15 мин назад``."""
        delta = moment - current
        if abs(delta) < timedelta(minutes=1):
            return self.text("relative_now")
        key = "relative_future" if delta > timedelta(0) else "relative_past"
        return self.text(key, span=self.span(delta))

    def percent(self, ratio: float) -> str:
        from babel.numbers import format_percent

        return str(format_percent(ratio, locale=self.language))

    def join(self, items: list[str]) -> str:
        from babel.lists import format_list

        return str(format_list(items, locale=self.language)) if items else ""


def language_of(locale: str | None) -> str:
    """``ru_RU`` → ``ru``; anything without a catalog → English."""
    language = (locale or "").replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else LANGUAGES[0]


def wording_for(locale: str | None) -> Wording:
    """The catalog for a playbook's ``locale``."""
    return _catalog(language_of(locale))


@functools.lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> Wording:
    """Read once per process: reports and exports reuse it."""
    import yaml

    name = f"checklist.{language}.yaml"
    try:
        folder = resources.files("crisisplay").joinpath("data").joinpath("wording")
        text = folder.joinpath(name).read_text(encoding="utf-8")
        entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:  # a broken installation, not user input
        raise CrisisplayError(f"cannot read the bundled wording {name}: {exc}") from None
    if not isinstance(entries, dict):
        raise CrisisplayError(f"the bundled wording {name} is not a mapping")
    return Wording(language, entries)


@functools.lru_cache(maxsize=len(LANGUAGES))
def _babel_locale(language: str) -> Any:
    from babel import Locale

    return Locale.parse(language)
