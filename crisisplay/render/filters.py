"""Template filters for the domain, locale-aware through Babel (CLDR).

One :class:`Filters` object per (playbook, locale) holds the parsed Babel locale and the
company's zone, and caches formatted values: in a mass render the same next-update time
is formatted for every recipient, so it is formatted once. Values use ordinary spaces
(see :func:`crisisplay.render.locale.plain_spaces`).

:class:`SpokenFilters` is the voice channel's variant: the same text, wrapped in private
markers that the SSML builder turns into ``<say-as>`` so that a text-to-speech engine
reads numbers, dates, times and phone numbers correctly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from jinja2 import pass_context
from jinja2.exceptions import TemplateRuntimeError

from crisisplay.playbook.fact_types import PhoneText
from crisisplay.render import plural as plural_mod
from crisisplay.render.locale import babel_locale, plain_spaces, zone_label

#: Private-use characters delimit spoken markers: ``MARK_START kind MARK_SEP ssml
#: MARK_SEP display MARK_END``. Facts cannot smuggle them in (the context strips them).
MARK_START, MARK_SEP, MARK_END = "\ue000", "\ue001", "\ue002"
MARKER_RE = re.compile(f"{MARK_START}([^{MARK_SEP}]*){MARK_SEP}([^{MARK_SEP}]*){MARK_SEP}([^{MARK_END}]*){MARK_END}")
_STANDARD_FORMATS = ("short", "medium", "long", "full")
_SENTENCE_END = (".", "!", "?", "…", ":", ";")


def strip_markers(text: str) -> str:
    """Spoken markers replaced by their display text: the plain text of a voice message."""
    return MARKER_RE.sub(lambda m: m.group(3), text) if MARK_START in text else text


class Filters:
    """The filter table for one locale and zone (``table()`` gives name → callable)."""

    spoken = False

    def __init__(self, locale_name: str, zone: tzinfo, region: str = "US") -> None:
        self.locale_name = locale_name
        self.region = region
        self.locale = babel_locale(locale_name)
        self.zone = zone
        self._cache: dict[tuple[Any, ...], str] = {}
        self._twelve_hour = "a" in self.locale.time_formats["short"].pattern

    # -- helpers -------------------------------------------------------------------------
    def _aware(self, value: Any, name: str) -> datetime:
        if isinstance(value, datetime):
            return value.astimezone(self.zone) if value.tzinfo else value.replace(tzinfo=self.zone)
        if isinstance(value, str):
            try:
                return self._aware(datetime.fromisoformat(value), name)
            except ValueError:
                pass
        raise TemplateRuntimeError(f"filter {name!r} expects a date and time, got {_value_label(value)}")

    def _zone(self, moment: datetime) -> str:
        return zone_label(moment, self.locale_name, spoken=self.spoken)

    def _mark(self, kind: str, ssml: str, display: str) -> str:
        return display

    # -- dates and times -----------------------------------------------------------------
    def datetime(self, value: Any, format: str | None = None, zone: bool = True) -> str:
        """``15 марта в 14:00 МСК`` / ``March 15 at 2:00 PM Moscow time``."""
        from babel import dates

        moment = self._aware(value, "datetime")
        key = ("datetime", moment, format, zone)
        if key not in self._cache:
            if format in ("long", "full") or (format and format not in _STANDARD_FORMATS):
                text = plain_spaces(dates.format_datetime(moment, format, tzinfo=moment.tzinfo, locale=self.locale))
                self._cache[key] = text
                return text
            if format is None:
                day = self.date(moment)
                clock = self.time(moment, zone=False)
                # CLDR's "at time" pattern joins a day and a clock as a sentence needs them:
                # «15 марта в 13:00», "March 15 at 1:00 PM" (not «15 марта, 13:00»).
                pattern = str(self.locale.datetime_formats_relative.get("long")
                              or self.locale.datetime_formats["medium"]).replace("'", "")
                text = pattern.replace("{1}", day).replace("{0}", clock)
            else:
                text = plain_spaces(dates.format_datetime(moment, format, tzinfo=moment.tzinfo, locale=self.locale))
            if zone:
                text = f"{text} {self._zone(moment)}"
            self._cache[key] = text
        return self._cache[key]

    def date(self, value: Any, format: str | None = None) -> str:
        """``15 марта`` (a skeleton ``MMMMd``), or a CLDR width or pattern."""
        from babel import dates

        if isinstance(value, datetime):
            day: date = self._aware(value, "date").date()
        elif isinstance(value, date):
            day = value
        else:
            raise TemplateRuntimeError(f"filter 'date' expects a date, got {_value_label(value)}")
        key = ("date", day, format)
        if key not in self._cache:
            if format is None:
                text = dates.format_skeleton("MMMMd", day, locale=self.locale)
            elif format in _STANDARD_FORMATS:
                text = dates.format_date(day, format, locale=self.locale)
            else:
                text = dates.format_date(day, format, locale=self.locale)
            display = plain_spaces(text)
            ssml = f"{day.day:02d}.{day.month:02d}" if not self._twelve_hour else f"{day.month:02d}/{day.day:02d}"
            self._cache[key] = self._mark("date:" + ("md" if self._twelve_hour else "dm"), ssml, display)
        return self._cache[key]

    def time(self, value: Any, format: str = "short", zone: bool = True) -> str:
        """``14:00 МСК`` / ``2:00 PM Moscow time``; a bare ``time`` is in the company's zone."""
        from babel import dates

        if isinstance(value, datetime):
            moment = self._aware(value, "time")
        elif isinstance(value, time):
            moment = datetime.combine(date.today(), value, tzinfo=self.zone)
        else:
            raise TemplateRuntimeError(f"filter 'time' expects a time, got {_value_label(value)}")
        key = ("time", moment.timetz(), moment.utcoffset(), format, zone)
        if key not in self._cache:
            display = plain_spaces(dates.format_time(moment, format, tzinfo=moment.tzinfo, locale=self.locale))
            ssml = moment.strftime("%I:%M%p").lstrip("0").lower() if self._twelve_hour else moment.strftime("%H:%M")
            text = self._mark("time:" + ("hms12" if self._twelve_hour else "hms24"), ssml, display)
            if zone:
                text = f"{text} {self._zone(moment)}"
            self._cache[key] = text
        return self._cache[key]

    @pass_context
    def relative(self, context: Any, value: Any) -> str:
        """``через 2 часа`` / ``in 2 hours`` (from the render time ``now``)."""
        from babel import dates

        now = context.get("now")
        if isinstance(value, timedelta):
            delta = value
        else:
            moment = self._aware(value, "relative")
            if not isinstance(now, datetime):
                raise TemplateRuntimeError("filter 'relative' needs 'now' in the context")
            delta = moment - now
        return plain_spaces(
            dates.format_timedelta(delta, granularity="minute", add_direction=True, locale=self.locale)
        )

    def duration(self, value: Any) -> str:
        """``1 час 30 минут`` / ``1 hour, 30 minutes``: exact, in CLDR unit words."""
        from babel import lists, units

        if not isinstance(value, timedelta):
            raise TemplateRuntimeError(f"filter 'duration' expects a duration, got {_value_label(value)}")
        key = ("duration", value)
        if key not in self._cache:
            total = int(value.total_seconds() // 60)
            parts = []
            for unit, size in (("duration-day", 1440), ("duration-hour", 60), ("duration-minute", 1)):
                amount, total = divmod(total, size)
                if amount:
                    parts.append(plain_spaces(units.format_unit(amount, unit, length="long", locale=self.locale)))
            if not parts:
                parts.append(plain_spaces(units.format_unit(0, "duration-minute", length="long", locale=self.locale)))
            self._cache[key] = plain_spaces(lists.format_list(parts, style="unit", locale=self.locale))
        return self._cache[key]

    # -- numbers and words ---------------------------------------------------------------
    def number(self, value: Any, digits: int | None = None) -> str:
        """``12 345,5`` / ``12,345.5``; ``digits`` fixes the decimals."""
        from babel import numbers

        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TemplateRuntimeError(f"filter 'number' expects a number, got {_value_label(value)}")
        if digits is not None:
            pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
            text = numbers.format_decimal(value, format=pattern, locale=self.locale)
        else:
            text = numbers.format_decimal(value, locale=self.locale)
        return self._mark("cardinal", str(value), plain_spaces(text))

    def plural(self, value: Any, *forms: str, case: str | None = None, number: bool = True, **named: str) -> str:
        """``{{ n | plural('минута') }}`` → «5 минут»; ``plural(one='minute', other='minutes')``."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TemplateRuntimeError(f"filter 'plural' expects a number, got {_value_label(value)}")
        try:
            word = plural_mod.plural_word(self.locale, value, tuple(forms), dict(named), case)
        except plural_mod.PluralError as exc:
            raise TemplateRuntimeError(str(exc)) from None
        return f"{self.number(value)} {word}" if number else word

    def join_list(self, items: Any, style: str = "standard", attribute: str | None = None) -> str:
        """``платежи, переводы и вклады`` (CLDR list patterns; style 'or' gives «или»)."""
        from babel import lists

        if isinstance(items, str) or not isinstance(items, Iterable):
            raise TemplateRuntimeError(f"filter 'join_list' expects a list, got {_value_label(items)}")
        texts = [_item_text(item, attribute) for item in items]
        if not texts:
            return ""
        try:
            return plain_spaces(lists.format_list(texts, style=style, locale=self.locale))  # type: ignore[arg-type]
        except ValueError as exc:
            raise TemplateRuntimeError(f"join_list: {exc}") from None

    def phone(self, value: Any, format: str = "international") -> str:
        """A phone in ``international`` (+7 800 555-35-35), ``national`` or ``e164`` form."""
        import phonenumbers

        if not isinstance(value, str):
            raise TemplateRuntimeError(f"filter 'phone' expects a phone number, got {_value_label(value)}")
        formats = {
            "international": phonenumbers.PhoneNumberFormat.INTERNATIONAL,
            "national": phonenumbers.PhoneNumberFormat.NATIONAL,
            "e164": phonenumbers.PhoneNumberFormat.E164,
        }
        if format not in formats:
            raise TemplateRuntimeError(f"phone format {format!r} is not one of {', '.join(formats)}")
        key = ("phone", str(value), format)
        if key in self._cache:
            return self._cache[key]
        try:
            parsed = phonenumbers.parse(getattr(value, "e164", value), None if value.startswith("+") else self.region)
        except phonenumbers.NumberParseException:
            raise TemplateRuntimeError(f"{value!r} is not a phone number") from None
        text = phonenumbers.format_number(parsed, formats[format])
        self._cache[key] = self._mark("telephone", phonenumbers.format_number(parsed, formats["e164"]), text)
        return self._cache[key]

    def agree(self, subject: Any, phrase: str) -> str:
        """``{{ restored | agree('снова [работать]') }}`` → «снова работают» (two or more)."""
        from crisisplay.render.agreement import agree

        return agree(subject, phrase, self.locale_name)

    def upper_first(self, value: Any) -> str:
        """The first letter in capitals, the rest untouched («приложение «Пример»» → «Приложение «Пример»»)."""
        text = str(value)
        return text[:1].upper() + text[1:]

    def sentence(self, value: Any) -> str:
        """Capitalise the first letter and end with a full stop unless punctuation ends it."""
        text = str(value).strip()
        if not text:
            return text
        text = text[0].upper() + text[1:]
        return text if text.endswith(_SENTENCE_END) else text + "."

    def name(self, value: Any, form: str = "greeting") -> str:
        """A person's name as a greeting says it: «МАРИЯ» → «Мария», «соколов дмитрий сергеевич»
        → «Дмитрий Сергеевич» (ru) / «Дмитрий» (en); ``given``, ``surname``, ``full`` (see
        :mod:`crisisplay.render.names`). Empty for a surname alone or a company name."""
        from crisisplay.render.names import FORMS, name_form

        if not isinstance(value, str):
            raise TemplateRuntimeError(f"filter 'name' expects a name, got {_value_label(value)}")
        if form not in FORMS:
            raise TemplateRuntimeError(f"name form {form!r} is not one of {', '.join(FORMS)}")
        return name_form(value, form, self.locale_name.replace("-", "_").split("_")[0])

    # -- printing values -----------------------------------------------------------------
    def finalize(self, value: Any) -> Any:
        """How ``{{ value }}`` prints typed facts: never ``None``, never a Python repr."""
        if value.__class__ is str:  # most printed values: nothing to convert
            return value
        if value is None:
            raise TemplateRuntimeError(
                "a value printed here is empty (an optional fact without a value?); "
                "guard it with {% if fact %}…{% endif %}"
            )
        if isinstance(value, PhoneText):
            return self._mark("telephone", value.e164, str(value))
        if isinstance(value, datetime):
            return self.datetime(value)
        if isinstance(value, date):
            return self.date(value)
        if isinstance(value, time):
            return self.time(value)
        if isinstance(value, timedelta):
            return self.duration(value)
        if isinstance(value, float):
            return self.number(value)
        if isinstance(value, (list, tuple)):
            return self.join_list(value)
        return value

    def table(self) -> dict[str, Callable[..., Any]]:
        return {
            "datetime": self.datetime,
            "date": self.date,
            "time": self.time,
            "relative": self.relative,
            "duration": self.duration,
            "number": self.number,
            "plural": self.plural,
            "join_list": self.join_list,
            "phone": self.phone,
            "sentence": self.sentence,
            "agree": self.agree,
            "upper_first": self.upper_first,
            "name": self.name,
        }


class SpokenFilters(Filters):
    """Filters for text-to-speech: values carry ``<say-as>`` markers, zones are words."""

    spoken = True

    def _mark(self, kind: str, ssml: str, display: str) -> str:
        clean = display.replace(MARK_START, "").replace(MARK_SEP, "").replace(MARK_END, "")
        return f"{MARK_START}{kind}{MARK_SEP}{ssml}{MARK_SEP}{clean}{MARK_END}"


FILTER_NAMES = tuple(Filters.__dict__[name].__name__ for name in (
    "datetime", "date", "time", "relative", "duration", "number", "plural", "join_list", "phone", "sentence", "agree",
    "upper_first", "name",
))


def _item_text(item: Any, attribute: str | None) -> str:
    if attribute:
        item = item.get(attribute) if isinstance(item, dict) else getattr(item, attribute, item)
    elif hasattr(item, "name") and not isinstance(item, str):
        item = item.name
    return str(item)


def _value_label(value: Any) -> str:
    if value is None:
        return "nothing (an optional fact without a value?)"
    return f"{type(value).__name__} {value!r}"[:80]
