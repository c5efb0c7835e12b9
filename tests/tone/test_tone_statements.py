"""Fact extraction and normalisation: times, dates, durations, money, contacts, services."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.tone.contacts import find_contacts, normalise_url
from crisisplay.tone.doc import Doc
from crisisplay.tone.engine import build_ruleset
from crisisplay.tone.statements import Fact, extract_facts, same_topic, same_value
from crisisplay.tone.timeexpr import find_times


def _facts(text: str, lang: str = "ru") -> list[Fact]:
    return extract_facts(Doc(text, lang), build_ruleset(lang).lexicon)


def _one(text: str, lang: str, kind: str) -> Fact:
    return next(f for f in _facts(text, lang) if f.kind == kind)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Откроемся в 15:00", "ru"), ("Откроемся в 15.00", "ru"), ("Откроемся в 3 часа дня", "ru"),
     ("Откроемся к 15 часам", "ru"), ("We reopen at 3 PM", "en"), ("We reopen at 3:00 p.m.", "en"),
     ("We reopen at 15:00", "en"), ("We reopen at 3:00", "en"), ("We reopen at 15.00hrs", "en"),
     ("We reopen at 1500hrs", "en"), ("We reopen by 15.00 hrs", "en")],
)
def test_clock_times_compare_equal(text: str, lang: str) -> None:
    reference = _one("Откроемся в 15:00", "ru", "clock")
    assert same_value(_one(text, lang, "clock"), reference)


def test_dates_and_dotted_times() -> None:
    kinds = [(t.kind, t.display) for t in find_times("до 15.03, в 15.00, 10.30, 15 марта, 2026-03-15", "ru")]
    assert kinds == [("date", "15.03"), ("clock", "15:00"), ("clock", "10:30"), ("date", "15.03"), ("date", "15.03")]
    assert [t.display for t in find_times("on March 15th and 15 March 2026", "en")] == ["15.03", "15.03"]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "minutes"),
    [("через 2 часа", "ru", "relative", 120), ("через полчаса", "ru", "relative", 30),
     ("в течение часа", "ru", "relative", 60), ("каждые 3 часа", "ru", "cadence", 180),
     ("ежечасно", "ru", "cadence", 60), ("полтора часа", "ru", "duration", 90),
     ("in two hours", "en", "relative", 120), ("within the hour", "en", "relative", 60),
     ("every 30 minutes", "en", "cadence", 30), ("hourly", "en", "cadence", 60),
     ("for 45 minutes", "en", "duration", 45), ("for 1.5 hrs", "en", "duration", 90),
     ("it took 12 hrs", "en", "duration", 720)],  # not a time of day: one-digit decimals, no minutes
)
def test_relative_times_cadences_durations(text: str, lang: str, kind: str, minutes: int) -> None:
    (mention,) = find_times(text, lang)
    assert (mention.kind, mention.value) == (kind, minutes)


def test_since_is_marked() -> None:
    assert [t.since for t in find_times("С 10:00 не работает, откроем в 15:00", "ru")] == [True, False]


def test_money_and_percentages() -> None:
    facts = _facts("Вернём 5 тыс. рублей или 5000 ₽, а также 10 %.")
    amounts = [f.value for f in facts if f.kind == "amount"]
    assert amounts == [(5000.0, "RUB"), (5000.0, "RUB")]
    assert [f.value for f in facts if f.kind == "percent"] == [10.0]
    assert [f.value for f in _facts("We refund $1,200 or 50 USD", "en") if f.kind == "amount"] == [
        (1200.0, "USD"), (50.0, "USD")]


def test_contacts_normalised() -> None:
    values = {c.value for c in find_contacts("8 800 555-35-35, +7 (800) 555 35 35, https://www.Bank.ru/Status/", "ru")}
    assert values == {"+78005553535", "bank.ru/Status"}
    assert normalise_url("http://www.example.com/") == "example.com"


def test_service_statuses() -> None:
    facts = _facts("Платежи и переводы не работают, а вклады работают.")
    states = {(f.subject, f.value) for f in facts if f.kind == "service"}
    assert states == {("payments", "unavailable"), ("transfers", "unavailable"), ("deposits", "available")}
    facts = _facts("Card payments are down. The app works.", "en")
    english = {(f.subject, f.value) for f in facts if f.kind == "service"}
    assert english == {("payments", "unavailable"), ("app", "available")}


def test_topics_separate_the_next_update_from_a_reopening() -> None:
    update = _one("Следующее сообщение в 16:00.", "ru", "clock")
    reopen = _one("Офис откроется в 15:00.", "ru", "clock")
    other_reopen = _one("Офис откроют в 16:00.", "ru", "clock")
    assert not same_topic(update, reopen)
    assert same_topic(reopen, other_reopen)


@given(st.integers(0, 23), st.integers(0, 59))
def test_any_clock_time_round_trips(hour: int, minute: int) -> None:
    (mention,) = find_times(f"в {hour:02d}:{minute:02d}", "ru")
    assert hour * 60 + minute in mention.value  # type: ignore[operator]


def test_amount_and_percent_markers_hold_every_case_variant() -> None:
    """A marker is looked for in case-folded text; ``re.I`` must not match anything that folds otherwise."""
    from crisisplay.tone import amounts

    letters = {ch for marker in amounts._AMOUNT_MARKERS + amounts._PERCENT_MARKERS for ch in marker}
    any_letter = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.fullmatch(char):
            matched = [ch for ch in letters if re.fullmatch(re.escape(ch), char, re.I)]
            assert all(char.casefold() == ch for ch in matched), (char, matched)


_MONEY_WORDS = ["руб.", "РУБ", "р.", "Р.", "долл", "USD", "Eur", "евро", "ЕВРО", "dollars", "Pounds", "фунтов",
                "процентов", "ПРОЦЕНТ", "per cent", "PERCENT", "тыс.", "млн", "thousand", "%", "$", "€", "£", "₽",
                "ſ", "K", "за", ""]
_MONEY_PIECES = st.builds(
    "".join,
    st.tuples(st.sampled_from(["", "1", "5", "25", "1 000", "2,5", "10.5", "$", "€"]),
              st.sampled_from(["", " ", "\u00a0"]), st.sampled_from(_MONEY_WORDS),
              st.text(alphabet="0123456789 ,.%kKmM", max_size=3)),
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_MONEY_PIECES, max_size=10))
def test_every_amount_or_percentage_has_its_marker(pieces: list[str]) -> None:
    from crisisplay.tone import amounts

    text = "".join(pieces)
    folded = text.casefold()
    amount_marked = amounts._marked(folded, amounts._AMOUNT_MARKERS)
    percent_marked = amounts._marked(folded, amounts._PERCENT_MARKERS)
    if any(pattern.search(text) for pattern in amounts._AMOUNT_RES):
        assert amount_marked
    if amounts._PERCENT_RE.search(text):
        assert percent_marked


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from([*"аб ab1.,:;—-\n«»!?'", "13:00", "8 800 555-35-35", "www.x.ru"]),
                    max_size=20).map("".join),
       lang=st.sampled_from(["ru", "en"]), bounds=st.tuples(st.integers(0, 45), st.integers(0, 45)))
def test_tokens_in_a_span_are_the_tokens_that_overlap_it(text: str, lang: str, bounds: tuple[int, int]) -> None:
    """What a fact's topic is looked for around: the tokens its characters overlap."""
    doc = Doc(text, lang)
    start, end = min(bounds), max(bounds)
    span = doc.tokens_within(start, end)
    within = [] if span is None else list(range(span[0], span[1] + 1))
    assert within == [i for i, t in enumerate(doc.tokens) if t.start < end and start < t.end]


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [("**Расследуем** · Обновлено: 6 декабря в 14:41 МСК\n\nСледующее обновление — 15 марта в 13:00.", "ru",
      ["15.03", "13:00"]),
     ("Последнее обновление: 12:00. Платежи не работают с 10:00.", "ru", ["10:00"]),
     ("Актуально на 12:30\nДанные обновлены в 12:00, следующее обновление в 13:00.", "ru", ["12:00", "13:00"]),
     ("**Investigating** · Updated: December 6 at 11:42 AM London time\n\nNext update at 1 PM.", "en", ["13:00"]),
     ("Last updated 11:42. Posted at 11:40. We will send an updated notice at 3 PM.", "en", ["15:00"])],
    ids=["ru-status-page", "ru-last-update", "ru-as-of", "en-status-page", "en-inside-a-sentence"],
)
def test_a_message_dating_itself_states_no_fact(text: str, lang: str, kept: list[str]) -> None:
    """«Обновлено: …» / "Updated: …" opening a line is when the text was written: every channel has its
    own, so it is not compared; the same words inside a sentence are not a date line."""
    assert [f.display for f in _facts(text, lang) if f.kind in ("clock", "date")] == kept


_CLAUSE_TEXT = st.lists(st.sampled_from([*"аб ab1.,:;—-\n«»!?'", " но ", " but ", " а ", "13:00", "в", " to "]),
                        max_size=24).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_CLAUSE_TEXT, bounds=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_a_clause_span_is_cut_at_the_punctuation_either_side(text: str, bounds: tuple[int, int]) -> None:
    """The bisected clause of a time (next update) is the one the plain character search finds."""
    from crisisplay.tone.update_cues import _clause_span

    start, end = min(min(bounds), len(text)), min(max(bounds), len(text))
    left = max(text.rfind(ch, 0, start) for ch in ",;:.!?\n") + 1
    right = min([i for i in (text.find(ch, end) for ch in ",;:.!?\n") if i >= 0], default=len(text))
    assert _clause_span(text, start, end) == (left, right)


@settings(max_examples=200, deadline=None)
@given(text=_CLAUSE_TEXT, lang=st.sampled_from(["ru", "en"]), picks=st.tuples(st.integers(0, 40), st.integers(0, 3)))
def test_a_facts_clause_stops_where_the_plain_token_walk_stops(text: str, lang: str, picks: tuple[int, int]) -> None:
    """The per-message clause breaks give the clause a walk testing each token gives."""
    from crisisplay.tone import topics as s
    from crisisplay.tone.text import PUNCT

    doc = Doc(text, lang)
    if not doc.tokens:
        return
    first = picks[0] % len(doc.tokens)
    last = min(first + picks[1], doc.sentences[doc.tokens[first].sentence].last - 1)

    def breaks(i: int) -> bool:
        token = doc.tokens[i]
        if token.kind == PUNCT:
            return any(ch in token.text for ch in ";:—")
        return doc.lower(i) in {"а", "но", "однако", "but", "while", "whereas", "however"}

    assert s.message_clause_breaks(doc) == [breaks(i) for i in range(len(doc.tokens))]
    lo, hi = s.clause_of(doc, s.message_clause_breaks(doc), first, last)
    assert lo <= first and last <= hi


def test_a_mention_inside_a_longer_mention_of_another_service_is_dropped() -> None:
    """«оплата связи» is one service, not also «связь»; the same span in two lists stays twice."""
    from crisisplay.tone.phrases import Match, Phrase
    from crisisplay.tone.statements import _outermost

    phrase = Phrase("x", ())
    found = [("mobile", Match(3, 4, phrase)), ("comms", Match(4, 4, phrase)), ("card", Match(3, 4, phrase)),
             ("comms", Match(8, 8, phrase)), ("mobile", Match(7, 9, phrase))]
    plain = [(name, m) for name, m in found
             if not any(other != name and o.first <= m.first and m.last <= o.last
                        and (o.last - o.first) > (m.last - m.first) for other, o in found)]
    assert _outermost(found) == plain == [found[0], found[2], found[4]]


@settings(max_examples=150, deadline=None)
@given(text=_CLAUSE_TEXT, lang=st.sampled_from(["ru", "en"]), bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_a_clause_is_cut_into_segments_at_its_commas(text: str, lang: str, bounds: tuple[int, int]) -> None:
    """The bisected commas cut a clause where a walk over its tokens does."""
    from crisisplay.tone.statements import _segments

    doc = Doc(text, lang)
    lo, hi = min(bounds), min(max(bounds), len(doc.tokens) - 1)
    plain: list[tuple[int, int]] = []
    start = lo
    for index in range(lo, hi + 1):
        if doc.tokens[index].text == ",":
            if index > start:
                plain.append((start, index - 1))
            start = index + 1
    if start <= hi:
        plain.append((start, hi))
    assert _segments(doc, lo, hi) == plain


@pytest.mark.parametrize(
    ("text", "lang", "minutes", "shown"),
    [("Офис откроется в 15:00 или в 16:00.", "ru", {900, 960}, "15:00 or 16:00"),
     ("Офис откроется в 15:00 либо 16:00.", "ru", {900, 960}, "15:00 or 16:00"),
     ("We reopen at 3 PM or 4 PM.", "en", {900, 960}, "15:00 or 16:00")],
)
def test_alternative_clock_times_are_one_fact(text: str, lang: str, minutes: set[int], shown: str) -> None:
    (fact,) = [f for f in _facts(text, lang) if f.kind == "clock"]
    assert (fact.value, fact.display) == (frozenset(minutes), shown)
    assert "RESTORE" in fact.cues  # the topic of the first time («откроется») holds for both
    assert text[fact.start : fact.end].rstrip(".").endswith("16:00" if lang == "ru" else "4 PM")


def test_times_in_a_list_are_not_alternatives() -> None:
    """Two times joined by «и», a comma or a sentence stay two facts."""
    assert len([f for f in _facts("Откроемся в 15:00, новости в 13:00.") if f.kind == "clock"]) == 2
    assert len([f for f in _facts("Откроемся в 15:00 и в 16:00.") if f.kind == "clock"]) == 2
