"""Consistency by construction: every channel carries every mandatory fact.

Two checks, both per stage and channel, for the facts ``mandatory_facts`` names
(playbook, channel or stage level):

* before rendering, on the template AST (``jinja2.meta``), following ``include``,
  ``import`` and ``from … import`` of the playbook's partials and template files: a
  template that never mentions the fact cannot carry it;
* after rendering, in the message's visible text: the fact's *value* must be there, in
  any of the forms the filters produce (a phone in any format, a time as ``14:00`` or
  ``2:00 PM`` or «через 2 часа», a date as «15 марта»).

Gaps are warnings (CP230, CP231); ``strict`` makes them errors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.playbook.fact_types import PhoneText
from crisisplay.playbook.model import Playbook, Stage
from crisisplay.playbook.rules.templates import channel_template_names, optional_for_stage
from crisisplay.render import rules
from crisisplay.render.engine import Engine
from crisisplay.render.filters import Filters
from crisisplay.render.locale import plain_spaces
from crisisplay.render.result import Message


def referenced_names(engine: Engine, stage: Stage, channel: str) -> set[str] | None:
    """Names the channel's templates (and what they include) read; None if undecidable.

    The analysis is validate's own (``crisisplay.playbook.rules.templates``), so render and
    validate never disagree about which facts a template mentions.
    """
    return channel_template_names(engine.playbook, stage, channel, engine.analysis_cache)


def _severity(strict: bool) -> Severity:
    return Severity.ERROR if strict else Severity.WARNING


def static_gaps(engine: Engine, stage: Stage, channels: list[str], strict: bool) -> dict[str, dict[str, Diagnostic]]:
    """Per channel and fact: mandatory facts its templates never mention."""
    playbook = engine.playbook
    found: dict[str, dict[str, Diagnostic]] = {}
    for channel in channels:
        names = referenced_names(engine, stage, channel)
        if names is None or "facts" in names:
            continue
        for fact in playbook.mandatory_facts_for(channel, stage):
            if fact not in playbook.facts or fact in names or optional_for_stage(fact, stage.kind, playbook):
                continue
            found.setdefault(channel, {})[fact] = Diagnostic(
                rules.FACT_NOT_IN_TEMPLATE, _severity(strict), "coverage",
                f"stage {stage.id!r}, channel {channel!r}: the template never mentions mandatory fact {fact!r}",
                stage.templates[channel].location, source="render",
                fix=f"add {{{{ {fact} }}}} or include the partial that phrases it",
            )
    return found


_NON_DIGITS = re.compile(r"\D+")


def searchable_form(text: str) -> str:
    """Compare texts case-blind, with NFKC forms, 'ё' as 'е' and any run of spaces as one."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return folded.replace("\n", " ").replace("\t", " ")


def digits_of(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def value_forms(value: Any, filters: Filters, now: datetime) -> list[str] | None:
    """The written forms a value may take in a message; None when it cannot be checked."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        forms = [filters.time(value, zone=False), value.strftime("%H:%M"), f"{value.hour}:{value.minute:02d}"]
        forms.append(_relative(filters, value, now))
        return forms
    if isinstance(value, date):
        return [filters.date(value), value.strftime("%d.%m"), value.isoformat()]
    if isinstance(value, time):
        return [filters.time(value, zone=False), value.strftime("%H:%M")]
    if isinstance(value, timedelta):
        return [filters.duration(value)]
    if isinstance(value, (int, float)):
        return [filters.number(value), str(value)]
    if isinstance(value, list):
        return None  # each item is checked on its own below
    return [str(value)]


_RELATIVE: dict[tuple[str, timedelta], str] = {}


def _relative(filters: Filters, value: datetime, now: datetime) -> str:
    from babel import dates

    key = (filters.locale_name, value - now)
    text = _RELATIVE.get(key)
    if text is None:
        text = plain_spaces(
            dates.format_timedelta(value - now, granularity="minute", add_direction=True, locale=filters.locale)
        )
        if len(_RELATIVE) < 4096:
            _RELATIVE[key] = text
    return text


class _Needle:
    """A fact value prepared once per render: its written forms, raw and normalised.

    Most messages contain a form verbatim ("14:00", "+7 800 555-35-35"): a plain substring
    test decides them; only otherwise is the message normalised (case, NFKC, spaces) or
    reduced to its digits (a phone written another way).
    """

    def __init__(self, value: Any, filters: Filters, now: datetime) -> None:
        self.digits = value.national_digits if isinstance(value, PhoneText) else None
        self.items = [_Needle(item, filters, now) for item in value] if isinstance(value, list) else None
        if isinstance(value, PhoneText):
            forms: list[str] | None = [str(value), value.national, value.e164]
        elif self.items is not None:
            forms = None
        else:
            forms = value_forms(value, filters, now)
        self.raw = [form for form in forms if form] if forms else []
        self.forms = [searchable_form(form) for form in self.raw] if forms and self.digits is None else None

    def found_in(self, text: str, lazy: _Haystack) -> bool | None:
        if any(form in text for form in self.raw):
            return True
        if self.digits is not None:
            return self.digits in lazy.digits
        if self.items is not None:
            return all(item.found_in(text, lazy) is not False for item in self.items)
        if self.forms is None:
            return None
        return any(form in lazy.normalised for form in self.forms)


class _Haystack:
    """A message's normalised text and digits, computed only when a check needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._normalised: str | None = None
        self._digits: str | None = None

    @property
    def normalised(self) -> str:
        if self._normalised is None:
            self._normalised = searchable_form(self.text)
        return self._normalised

    @property
    def digits(self) -> str:
        if self._digits is None:
            self._digits = digits_of(self.text)
        return self._digits


_NEEDLES: dict[tuple[str, str, Any, datetime], _Needle] = {}


def _needle(fact: str, value: Any, filters: Filters, now: datetime) -> _Needle:
    """Needles repeat across a mass render (one next-update time for every recipient)."""
    try:
        key = (filters.locale_name, fact, value if not isinstance(value, list) else tuple(value), now)
        needle = _NEEDLES.get(key)
    except TypeError:  # an unhashable value
        return _Needle(value, filters, now)
    if needle is None:
        needle = _Needle(value, filters, now)
        if len(_NEEDLES) > 4096:
            _NEEDLES.clear()
        _NEEDLES[key] = needle
    return needle


def appears(value: Any, text: str, filters: Filters, now: datetime) -> bool | None:
    """Whether ``value`` shows in ``text``; None when the type cannot be checked."""
    return _Needle(value, filters, now).found_in(text, _Haystack(text))


def output_gaps(playbook: Playbook, stage: Stage, messages: list[Message], facts: dict[str, Any],
                filters: Filters, now: datetime, strict: bool,
                skip: dict[str, dict[str, Diagnostic]]) -> list[Diagnostic]:
    """Mandatory facts whose value is missing from a rendered message."""
    found = []
    needles: dict[str, _Needle] = {}
    for message in messages:
        mandatory = playbook.mandatory_facts_for(message.channel, stage)
        if not mandatory:
            continue
        if not message.ok:
            continue
        already = skip.get(message.channel, {})
        lazy = _Haystack(message.text)
        for fact in mandatory:
            if fact in already or fact not in facts or optional_for_stage(fact, stage.kind, playbook):
                continue
            needle = needles.get(fact)
            if needle is None:
                needle = needles[fact] = _needle(fact, facts[fact], filters, now)
            if needle.found_in(message.text, lazy) is False:
                template = stage.templates.get(message.channel)
                found.append(Diagnostic(
                    rules.FACT_NOT_IN_OUTPUT, _severity(strict), "inconsistency",
                    f"stage {stage.id!r}, channel {message.channel!r}: the rendered message does not show "
                    f"mandatory fact {fact!r} ({_short(facts[fact], filters)})",
                    template.location if template else None, source="render",
                    fix="check conditions and filters around it in the template",
                ))
    return found


def _short(value: Any, filters: Filters) -> str:
    if isinstance(value, datetime):
        return filters.datetime(value)
    return str(value)[:60]
