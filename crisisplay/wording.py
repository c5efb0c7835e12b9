"""Words of crisisplay's own output in the playbook's language: reports, calendar, preview.

A management report or a preview page for a Russian playbook is read by Russian-speaking
managers and reviewers (and a screen reader pronounces the page in its ``lang``), so
headings, states and sentences follow the playbook's ``locale``. The words live in YAML
catalogs, one per area and language (``crisisplay/data/wording/<area>.<language>.yaml``);
plural choices use CLDR's rules through Babel and durations CLDR's unit patterns, so no
grammar is written by hand here. Unknown languages fall back to English.

Lint's findings use the ``lint`` catalogs (the text's language, times in CLDR's short form);
validate and render diagnostics and the interactive CLI stay in English.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from crisisplay.errors import CrisisplayError

#: Languages with a catalog; the first is the fallback.
LANGUAGES = ("en", "ru")


class Wording(NamedTuple):
    """One language's catalog: ``text(key, **values)`` and the CLDR-backed helpers."""

    area: str
    language: str
    entries: dict[str, Any]

    def text(self, key: str, **values: object) -> str:
        entry = self.entries.get(key)
        if not isinstance(entry, str):
            raise KeyError(f"wording {self.area}.{self.language}: no text {key!r}")
        return entry.format(**values)

    def plural(self, key: str, count: float, **values: object) -> str:
        """The form of ``key`` that CLDR's plural rule picks for ``count`` in this language
        (a fraction takes its own form: «31,8 секунды»; also fills ``{count}``)."""
        forms = self.entries.get(key)
        if not isinstance(forms, dict):
            raise KeyError(f"wording {self.area}.{self.language}: no plural {key!r}")
        category = plural_rule(self.language)(count)
        form = forms.get(category, forms.get("other"))
        return str(form).format(**{"count": count, **values})

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
        from crisisplay.playbook.model import PRINCIPLES

        return PRINCIPLES.get(key, "")

    def span(self, delta: timedelta) -> str:
        """A duration rounded to minutes in CLDR's narrow units: ``1h 5m``, ``1 ч 5 мин``."""
        return _span(self.language, int(abs(delta).total_seconds() // 60))

    def relative(self, moment: datetime, current: datetime) -> str:
        """``in 40m`` / ``через 40 мин`` or ``15m ago`` / ``15 мин назад``."""
        delta = moment - current
        if abs(delta) < timedelta(minutes=1):
            return self.text("relative_now")
        key = "relative_future" if delta > timedelta(0) else "relative_past"
        return self.text(key, span=self.span(delta))

    def texts(self) -> dict[str, str]:
        """Every plain text entry (labels for a template), without plural or term maps."""
        return {key: value for key, value in self.entries.items() if isinstance(value, str)}

    def clock(self, minute: int) -> str:
        """A time of day (minutes after midnight) as CLDR writes it: ``1:00 PM``, ``13:00``."""
        return _time_of_day(self.language, minute)

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


def wording_for(area: str, locale: str | None) -> Wording:
    """The ``area`` catalog (``checklist``, ``preview``) for a playbook's ``locale``."""
    return _catalog(area, language_of(locale))


@functools.lru_cache(maxsize=16)
def _catalog(area: str, language: str) -> Wording:
    """Read once per process: reports, exports and pages reuse it."""
    name = f"{area}.{language}.yaml"
    try:
        # By path, not importlib.resources (slow to import, for every lint run): the package
        # is always installed as files (see ``tone.packs._bundled``).
        text = (Path(__file__).parent / "data" / "wording" / name).read_text(encoding="utf-8")
    except OSError as exc:  # a broken installation, not user input
        raise CrisisplayError(f"cannot read the bundled wording {name}: {exc}") from None
    entries = _from_lint_cache(name, text)
    if entries is None:
        entries = _parse_catalog(name, text)
        _to_lint_cache(name, text, entries)
    return Wording(area, language, entries)


def _parse_catalog(name: str, text: str) -> dict[str, Any]:
    import yaml

    try:
        entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise CrisisplayError(f"cannot read the bundled wording {name}: {exc}") from None
    if not isinstance(entries, dict):
        raise CrisisplayError(f"the bundled wording {name} is not a mapping")
    return entries


#: A lint run has lint's cache open when it words its findings: the parsed catalog is kept
#: there (keyed by its text) so that a warm run need not import PyYAML (a tenth of its start-up).
_CACHE_SPACE = "wording"


def _from_lint_cache(name: str, text: str) -> dict[str, Any] | None:
    from crisisplay.tone.cache import cache_if_open, content_key

    store = cache_if_open()
    value = store.get(_CACHE_SPACE, content_key(name, text)) if store is not None else None
    return value if isinstance(value, dict) else None


def _to_lint_cache(name: str, text: str, entries: dict[str, Any]) -> None:
    import json

    from crisisplay.tone.cache import cache_if_open, content_key

    store = cache_if_open()
    # only a catalog that JSON keeps as it is (YAML allows keys JSON has not: numbers, dates)
    if store is not None and json.loads(json.dumps(entries, default=str)) == entries:
        store.put_many(_CACHE_SPACE, {content_key(name, text): entries})


@functools.lru_cache(maxsize=1024)
def _span(language: str, minutes: int) -> str:
    """:meth:`Wording.span`, kept per (language, minutes): Babel's unit formatting is slow and
    a set of messages names the same few durations in every finding about them."""
    from babel.lists import format_list
    from babel.units import format_unit

    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [(days, "duration-day"), (hours, "duration-hour")]
    if not days:
        parts.append((mins, "duration-minute"))
    shown = [format_unit(value, unit, length="narrow", locale=language) for value, unit in parts if value] or [
        format_unit(0, "duration-minute", length="narrow", locale=language)
    ]
    return str(format_list(shown, style="unit-narrow", locale=language))


@functools.lru_cache(maxsize=256)
def _time_of_day(language: str, minute: int) -> str:
    """:meth:`Wording.clock`, kept per (language, minute) like :func:`_span`."""
    from datetime import time

    from babel.dates import format_time

    from crisisplay.render.locale import plain_spaces

    hours, minutes = divmod(minute % 1440, 60)
    return plain_spaces(format_time(time(hours, minutes), "short", locale=_babel_locale(language)))


@functools.lru_cache(maxsize=len(LANGUAGES))
def _babel_locale(language: str) -> Any:
    from babel import Locale

    return Locale.parse(language)


_PLURAL_TAGS = frozenset({"zero", "one", "two", "few", "many", "other"})


@functools.lru_cache(maxsize=16)
def plural_rule(language: str) -> Callable[[float], str]:
    """CLDR's plural rule for ``language`` (Babel): ``plural_rule("ru")(21) == "one"``.

    Importing Babel and loading a locale's CLDR data take longer than linting a message, and
    the CLI needs the category of a count or two («3 ошибки», "1 error"): Babel's answer for
    a whole number is kept in lint's cache (``cldr-plural-<language>``, whose fingerprint
    covers Babel's version), so a run that meets the same counts does not load Babel. Other
    numbers go to Babel directly. A cached value that is not a CLDR category is ignored.
    """
    answers: dict[int, str] = {}
    space = f"cldr-plural-{language}"

    def category(count: float) -> str:
        if not isinstance(count, int) or isinstance(count, bool):
            return str(_babel_locale(language).plural_form(count))
        if count not in answers:
            from crisisplay.tone.cache import open_cache

            store = open_cache()
            cached = store.get(space, str(count)) if store is not None else None
            if cached in _PLURAL_TAGS:
                answers[count] = cached
            else:
                answers[count] = str(_babel_locale(language).plural_form(count))
                if store is not None:
                    store.put_many(space, {str(count): answers[count]})
        return answers[count]

    return category
