"""Locale-aware filters: CLDR dates, plural categories with pymorphy3, lists, phones."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from jinja2.exceptions import TemplateRuntimeError

from crisisplay.playbook.fact_types import PhoneText
from crisisplay.render.filters import Filters, SpokenFilters, strip_markers

MSK = ZoneInfo("Europe/Moscow")
LON = ZoneInfo("Europe/London")
RU = Filters("ru", MSK, "RU")
EN = Filters("en", LON, "GB")


def test_datetime_in_both_locales_shows_the_zone() -> None:
    assert RU.datetime(datetime(2026, 3, 15, 14, 0, tzinfo=MSK)) == "15 марта в 14:00 МСК"
    assert EN.datetime(datetime(2026, 3, 15, 14, 0, tzinfo=LON)) == "March 15 at 2:00 PM London time"
    assert RU.time(datetime(2026, 3, 15, 14, 0, tzinfo=MSK), zone=False) == "14:00"
    assert EN.date(date(2026, 3, 15)) == "March 15"
    assert RU.date(date(2026, 3, 15), "long") == "15 марта 2026 г."


def test_values_use_plain_spaces() -> None:
    text = EN.time(datetime(2026, 3, 15, 14, 0, tzinfo=LON))
    assert "\u202f" not in text and "\u00a0" not in RU.number(1234567)
    assert RU.number(1234567.5) == "1 234 567,5" and EN.number(2.5, digits=2) == "2.50"


def test_zone_of_another_russian_city_counts_from_moscow() -> None:
    ekb = Filters("ru", ZoneInfo("Asia/Yekaterinburg"), "RU")
    assert ekb.time(datetime(2026, 3, 15, 14, 0, tzinfo=ZoneInfo("Asia/Yekaterinburg"))) == "14:00 МСК+2"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 минута"), (2, "2 минуты"), (5, "5 минут"), (11, "11 минут"), (21, "21 минута"),
     (22, "22 минуты"), (1.5, "1,5 минуты"), (1000, "1 000 минут")],
)
def test_russian_plural_by_cldr_category(n: float, expected: str) -> None:
    assert RU.plural(n, "минута") == expected


def test_russian_plural_keeps_the_case_of_the_given_word() -> None:
    assert [RU.plural(n, "минуту") for n in (1, 2, 5)] == ["1 минуту", "2 минуты", "5 минут"]
    assert [RU.plural(n, "рабочий день") for n in (1, 3, 7)] == ["1 рабочий день", "3 рабочих дня", "7 рабочих дней"]
    assert RU.plural(5, "минута", number=False) == "минут"


def test_explicit_forms_work_for_any_locale() -> None:
    assert [EN.plural(n, one="minute", other="minutes") for n in (1, 2, 0)] == ["1 minute", "2 minutes", "0 minutes"]
    assert [EN.plural(n, "hour", "hours") for n in (1, 3)] == ["1 hour", "3 hours"]
    assert RU.plural(3, "день", "дня", "дней", "дня") == "3 дня"
    with pytest.raises(TemplateRuntimeError, match="can inflect Russian words only"):
        EN.plural(2, "minute")
    with pytest.raises(TemplateRuntimeError, match="needs 2"):
        EN.plural(2, "a", "b", "c")


def test_join_list_uses_cldr_patterns() -> None:
    assert RU.join_list(["платежи", "переводы", "вклады"]) == "платежи, переводы и вклады"
    assert EN.join_list(["payments", "transfers", "savings"]) == "payments, transfers, and savings"
    assert RU.join_list(["SMS", "e-mail"], style="or") == "SMS или e-mail"
    assert RU.join_list([]) == ""


def test_relative_and_duration() -> None:
    class Context(dict):  # type: ignore[type-arg]
        pass

    now = datetime(2026, 3, 15, 12, 0, tzinfo=MSK)
    later = datetime(2026, 3, 15, 14, 0, tzinfo=MSK)
    assert RU.relative.__func__(RU, Context(now=now), later) == "через 2 часа"  # type: ignore[attr-defined]
    assert EN.relative.__func__(EN, Context(now=now), later) == "in 2 hours"  # type: ignore[attr-defined]
    assert RU.duration(timedelta(minutes=90)) == "1 час 30 минут"
    assert EN.duration(timedelta(hours=2)) == "2 hours"


def test_phone_formats() -> None:
    assert RU.phone("8 800 555-35-35", "international") == "+7 800 555-35-35"
    assert RU.phone("+78005553535", "national") == "8 (800) 555-35-35"
    assert RU.phone("+7 800 555-35-35", "e164") == "+78005553535"
    with pytest.raises(TemplateRuntimeError):
        RU.phone("+7 800 555-35-35", "morse")


def test_finalize_formats_typed_values_and_refuses_none() -> None:
    assert RU.finalize(datetime(2026, 3, 15, 14, 0, tzinfo=MSK)) == "15 марта в 14:00 МСК"
    assert RU.finalize(time(9, 5)) == "09:05 МСК"
    assert RU.finalize(["а", "б"]) == "а и б"
    assert RU.finalize(timedelta(hours=1)) == "1 час"
    with pytest.raises(TemplateRuntimeError, match="guard it"):
        RU.finalize(None)


def test_spoken_filters_mark_values_for_ssml() -> None:
    spoken = SpokenFilters("ru", MSK, "RU")
    text = spoken.datetime(datetime(2026, 3, 15, 14, 0, tzinfo=MSK))
    assert strip_markers(text) == "15 марта в 14:00 по московскому времени"
    phone = spoken.finalize(PhoneText("+7 800 555-35-35", "+78005553535"))
    assert strip_markers(phone) == "+7 800 555-35-35" and phone != "+7 800 555-35-35"


def test_wrong_types_are_template_errors() -> None:
    with pytest.raises(TemplateRuntimeError, match="expects a date and time"):
        RU.datetime("завтра")
    with pytest.raises(TemplateRuntimeError, match="expects a number"):
        RU.plural("пять", "минута")
