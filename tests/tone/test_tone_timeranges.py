"""Ranges and alternatives of times: «через 2–3 часа», «в 15–16 часов», "in 2-3 hours", "3-4 PM"."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.diagnostics.model import Diagnostic
from crisisplay.tone.api import MessageText, lint_messages
from crisisplay.tone.timeexpr import Between, find_times, same_denotation, scan_times


def _one(text: str, lang: str) -> tuple[str, object, str]:
    (mention,) = find_times(text, lang)
    return mention.kind, mention.value, text[mention.start : mention.end]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value", "said"),
    [("Следующее сообщение — через 2–3 часа.", "ru", "relative", Between(120, 180), "через 2–3 часа"),
     ("Ответим в течение двух-трёх дней.", "ru", "relative", Between(2880, 4320), "в течение двух-трёх дней"),
     ("Обновляем каждые 2-3 часа.", "ru", "cadence", Between(120, 180), "каждые 2-3 часа"),
     ("Работы займут 3-4 часа.", "ru", "duration", Between(180, 240), "3-4 часа"),
     ("через 1,5–2 часа", "ru", "relative", Between(90, 120), "через 1,5–2 часа"),
     ("через 2 или 3 часа", "ru", "relative", Between(120, 180), "через 2 или 3 часа"),
     ("Next update in 2-3 hours.", "en", "relative", Between(120, 180), "in 2-3 hours"),
     ("Next update within 2 to 3 hours.", "en", "relative", Between(120, 180), "within 2 to 3 hours"),
     ("We post every 1-2 hours.", "en", "cadence", Between(60, 120), "every 1-2 hours"),
     ("It may take 10-15 days.", "en", "duration", Between(14400, 21600), "10-15 days")],
)
def test_ranges_of_relative_times_cadences_and_durations(text: str, lang: str, kind: str, value: object,
                                                         said: str) -> None:
    assert _one(text, lang) == (kind, value, said)


@pytest.mark.parametrize(
    ("text", "lang", "minutes", "display"),
    [("Откроемся в 15–16 часов.", "ru", set(range(900, 961)), "15:00–16:00"),
     ("Откроемся в 15 или 16 часов.", "ru", {900, 960}, "15:00 or 16:00"),
     ("We reopen 3-4 PM.", "en", set(range(900, 961)), "15:00–16:00"),
     ("We reopen at 3 or 4 PM.", "en", {900, 960}, "15:00 or 16:00"),
     ("Next update between 3 and 4 PM.", "en", set(range(900, 961)), "15:00–16:00"),
     ("between 10 and 11 am", "en", set(range(600, 661)), "10:00–11:00")],
)
def test_ranges_and_alternatives_of_hours_of_the_day(text: str, lang: str, minutes: set[int], display: str) -> None:
    (mention,) = find_times(text, lang)
    assert (mention.kind, mention.value, mention.display) == ("clock", frozenset(minutes), display)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Звоните 8 800 100-20-30 часов", "ru"),  # digits of a phone number are no range
     ("с 10:00 до 15 часов", "ru"),  # a start and an end, each its own mention
     ("Работы займут 3 часа.", "ru"), ("It takes up to 3 hours.", "en"),
     ("Branches open at 2 and 3 PM.", "en"), ("Payments and 4 PM", "en")],  # "and" joins a range only after "between"
)
def test_what_is_no_range_stays_as_it_was(text: str, lang: str) -> None:
    assert find_times(text, lang) == scan_times(text, lang, prefilter=True)


@pytest.mark.parametrize(
    ("text", "times"),
    [("Офис работает с 9 до 18 часов.", [("09:00", True, "9"), ("18:00", False, "до 18 часов")]),
     ("с 3 до 5 часов дня", [("15:00", True, "3"), ("17:00", False, "до 5 часов дня")]),
     ("с 10:00 до 18 часов", [("10:00", True, "10:00"), ("18:00", False, "до 18 часов")]),
     ("С 20 до 8 часов утра офис закрыт", [("20:00", True, "20"), ("08:00", False, "до 8 часов утра")]),  # overnight
     ("с 10 до 8 часов", [("10:00", True, "10"), ("08:00 or 20:00", False, "до 8 часов")]),  # 10:00 to 20:00
     ("с 10 до 8 часов утра", [("08:00", False, "до 8 часов утра")])],  # a start after its end: no window
)
def test_the_bare_start_of_a_russian_window_is_a_start(text: str, times: list[tuple[str, bool, str]]) -> None:
    assert [(m.display, m.since, text[m.start : m.end]) for m in find_times(text, "ru")] == times


def test_a_range_agrees_with_a_value_inside_it() -> None:
    assert same_denotation("relative", Between(120, 180), "relative", 180)
    assert same_denotation("relative", 120, "relative", Between(90, 120))
    assert same_denotation("relative", Between(60, 120), "relative", Between(120, 180))
    assert not same_denotation("relative", Between(120, 180), "relative", 60)
    assert not same_denotation("date", (3, 15), "date", (3, 16))  # a date's tuple is no range


def _lint(*texts: tuple[str, str], lang: str) -> list[Diagnostic]:
    return lint_messages([MessageText(channel, text, f"{channel}.txt") for channel, text in texts],
                         locale=lang, stage_kind="first_notice")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Из-за сбоя на сервере не работают платежи. Извините за неудобства. Следующее сообщение пришлём через "
      "2–3 часа. Телефон 8 800 100-20-30.", "ru"),
     ("Due to a server failure, payments are down. We are sorry. Next update in 2-3 hours. Call 0800 123 4567.",
      "en")],
)
def test_a_next_update_given_as_a_range_is_a_next_update(text: str, lang: str) -> None:
    assert [d.rule for d in _lint(("sms", text), lang=lang) if d.rule == "CP313"] == []


def test_channels_compare_ranges_by_overlap() -> None:
    base = "Из-за сбоя на сервере не работают платежи. Извините. Телефон 8 800 100-20-30. Следующее сообщение — "
    ranged, inside, outside = base + "через 2–3 часа.", base + "через 3 часа.", base + "через 5 часов."
    differs = ("CP320", "CP322")  # times, numbers
    assert [d for d in _lint(("sms", ranged), ("email", inside), lang="ru") if d.rule in differs] == []
    (found,) = [d for d in _lint(("sms", ranged), ("email", outside), lang="ru") if d.rule in differs]
    assert "через 2–3 ч" in found.message  # the range in the reader's language, the unit once


_PIECES = st.sampled_from([*"0123456789 -–,.:", " или ", " or ", " to ", "через ", "в ", "каждые ", "in ", "every ",
                           "с ", "до ", "утра", "дня",
                           "часа", "часов", "дня", "минут", "hours", "days", "PM", "два", "три", "two", "three"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.sampled_from(["ru", "en"]))
def test_widened_mentions_stay_in_order_and_apart(text: str, lang: str) -> None:
    found = find_times(text, lang)
    plain = scan_times(text, lang, prefilter=True)
    for before, after in pairwise(found):
        assert before.end <= after.start
    # every mention is still there, maybe widened to the left; the only new ones are the bare
    # starts of Russian windows («с 9» of «с 9 до 18 часов»)
    kept = [m for m in found if any(m.end == p.end for p in plain)]
    for wide, narrow in zip(kept, plain, strict=True):
        assert wide.start <= narrow.start and wide.end == narrow.end
    for extra in (m for m in found if m not in kept):
        assert lang == "ru" and extra.since and extra.kind == "clock" and text[extra.start : extra.end].isdigit()
