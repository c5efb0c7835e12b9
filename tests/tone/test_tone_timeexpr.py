"""Each prefilter of a time pattern holds wherever its pattern matches: skipping never hides a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crisisplay.tone import timeexpr, timescan

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _needs_hold(text: str, lang: str) -> list[str]:
    """Patterns of ``lang`` that match ``text`` although their prefilter says they cannot."""
    needs = timescan.NEEDS[lang](text, text.casefold(), timescan.DIGIT_RE.search(text))
    return [
        pattern.pattern
        for (pattern, _handler), needed in zip(timeexpr._PATTERNS[lang], needs, strict=True)
        if pattern.search(text) and not needed
    ]


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts += [message["text"] for message in data.get("messages", [])]
    return texts


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_prefilter_holds_on_the_corpora(lang: str) -> None:
    texts = _corpus_texts()
    assert len(texts) > 100
    for text in texts:
        assert _needs_hold(text, lang) == [], text


_LEADS = ["", "", "в ", "к ", "до ", "с ", "через ", "в течение ", "в ближайшие ", "каждые ", "Каждое ", "раз в ",
          "ежечасно ", "не позднее чем через ", "in ", "within ", "in the next ", "every ", "by ", "on ", "at ",
          "this ", "later ", "by the end of ", "once ", "twice ", "next "]
_NUMBERS = ["", "", "5", "12", "0", "31", "2026-03-15", "15.03.2026", "5.3.26", "13:00", "9.30", "15.03", "два",
            "полтора", "a couple of", "half an", "an", "three", "forty-five"]
_TAILS = ["", "часа", "ч", "Ч.", "час", "минут", "мин.", "сутки", "дней", "день", "неделю", "полчаса", "получаса",
          "полтора часа", "утра", "дня", "вечера", "ночи", "утро", "вечер", "марта", "МАЯ", "мск", "сегодня",
          "завтра", "среду", "полдень", "конца дня", "hours", "HRS", "h", "min", "days", "week", "pm", "A.M.", "p m",
          "May", "March", "Sept", "of December", "th of Jan", "today", "tonight", "morning", "noon", "midnight",
          "Monday", "day", "a day", "an hour", "daily", "hourly", "ſ", "K"]
_CHUNKS = st.builds(
    "".join,
    st.tuples(st.sampled_from(_LEADS), st.sampled_from(_NUMBERS), st.sampled_from(["", " ", "  ", "-", ", ", "."]),
              st.sampled_from(_TAILS), st.sampled_from(["", " ", ". ", ", ", "\n", "5"])),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_CHUNKS, min_size=1, max_size=4).map("".join), st.sampled_from(["ru", "en"]))
@example("every hour", "en")
@example("через полчасами", "ru")
@example("раз в полчасами", "ru")
@example("в 5 ночи", "ru")
@example("5 pm", "en")
def test_every_prefilter_holds_where_its_pattern_matches(text: str, lang: str) -> None:
    assert _needs_hold(text, lang) == []


def test_case_folding_keeps_the_letters_the_patterns_ignore_the_case_of() -> None:
    """Words are looked for in case-folded text while the patterns match with ``re.I``.

    That is sound where every character ``re.I`` matches with a letter case-folds to that
    letter: all Cyrillic letters and Latin letters but «i». Turkish «İ» and «ı» match «i» and
    fold otherwise, so "TONİGHT" passes the pattern but not the word check (an old corner
    case, left as it is: the findings must stay those of the unfiltered scan everywhere else).
    """
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghjklmnopqrstuvwxyz"
    any_letter = re.compile(f"[{letters}]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.fullmatch(char):
            matched = [ch for ch in letters if re.fullmatch(ch, char, re.I)]
            assert all(char.casefold() == ch for ch in matched), (char, matched)


def _flat_twins(lang: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(pattern, the same pattern with its number words as one flat alternation, longest first)."""
    table, grouped = (timeexpr._NUM_RU, timeexpr._NUMS_RU) if lang == "ru" else (timeexpr._NUM_EN, timeexpr._NUMS_EN)
    flat = "|".join(sorted(table, key=len, reverse=True))
    twins = []
    for pattern, _handler in timeexpr._PATTERNS[lang]:
        if grouped in pattern.pattern:
            compiled = re.compile(pattern.pattern, pattern.flags)
            twins.append((compiled, re.compile(pattern.pattern.replace(grouped, flat), compiled.flags)))
    assert len(twins) == 3  # relative times, cadences, durations
    return twins


def _same_matches(text: str, lang: str) -> None:
    for grouped, flat in _flat_twins(lang):
        assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == [
            (m.span(), m.groupdict()) for m in flat.finditer(text)], text


_NUMBER_WORDS = st.sampled_from([*"0123456789 .,-", "a ", "an ", "a couple of ", "a few ", "forty-five ", "forty ",
                                 "half an ", "half a ", "two ", "twenty ", "twelve ", "один ", "одну ", "два ", "двух ",
                                 "двадцать ", "двенадцати ", "полтора ", "полутора ", "пять ", "пятнадцати ",
                                 "Три ", "ЧЕТЫРЁХ ", "семь ", "сорока ", "восьми ", "шести "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_NUMBER_WORDS, st.sampled_from(_TAILS), st.sampled_from(_LEADS)), max_size=8).map("".join),
       st.sampled_from(["ru", "en"]))
def test_number_words_grouped_by_first_letter_match_as_the_flat_list(text: str, lang: str) -> None:
    _same_matches(text, lang)


def test_number_words_grouped_by_first_letter_match_as_the_flat_list_on_the_corpora() -> None:
    for text in _corpus_texts():
        for lang in ("ru", "en"):
            _same_matches(text, lang)


_PLAIN_CLOCKS = {
    timeexpr._DOTTED: rf"(?<![\d.,:])(?P<h>[0-3]?\d)(?P<sep>[:.])(?P<m>[0-5]\d)(?![\d]|[.:]\d){timeexpr._CLOCK_SUFFIX}",
    timeexpr._COLON_24H: rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?P<sep>:)(?P<m>[0-5]\d)(?!\d){timeexpr._CLOCK_SUFFIX}",
}


def _same_clocks(text: str) -> None:
    for fast, plain in _PLAIN_CLOCKS.items():
        fast_re, plain_re = re.compile(fast, re.I), re.compile(plain, re.I)
        assert [(m.span(), m.groupdict()) for m in fast_re.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain_re.finditer(text)], text


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789:.,; -", "24", "19", "23:59", "09.30", "1:5", "12.03.", "a", "ч ",
                                 " мск", " утра", "дня"]), max_size=12).map("".join))
def test_digit_led_clocks_match_as_the_plain_patterns(text: str) -> None:
    _same_clocks(text)


def test_digit_led_clocks_match_as_the_plain_patterns_on_the_corpora() -> None:
    for text in _corpus_texts():
        _same_clocks(text)


def _plain_since(text: str, start: int, match_text: str) -> bool:
    return bool(timeexpr._SINCE_RE.search(text[max(0, start - 14) : start])) or bool(
        timeexpr._STARTS_WITH_SINCE.match(match_text))


def test_since_last_letter_is_each_cue_letter_case_blind() -> None:
    """``_SINCE_LAST`` holds a character exactly when one of the cues' last letters matches it under
    re.I (Cyrillic has case variants beyond upper and lower: «ᲂ» is an «о», «ᲃ» an «с»), and
    exactly when the class it replaces, ``[соуemngt]`` with re.I, does: every code point."""
    letters = [re.compile(letter, re.I) for letter in "соуemngt"]
    replaced = re.compile("[соуemngt]", re.I)
    for code in range(0x110000):
        char = chr(code)
        held = char in timeexpr._SINCE_LAST
        assert held == bool(replaced.fullmatch(char)), hex(code)
        if code < 0x20000:
            assert held == any(p.fullmatch(char) for p in letters), hex(code)


@given(st.text(alphabet="сСоОsinceSINCEfromFROMмеждуbetweenstartingat \n\t\u00a0ᲃᲂ1:0", max_size=40))
@example("С 10:00 и со 2 марта, начиная с 9:00 since 3 PM, from 10:00, between 1 and 2 hours")
@settings(max_examples=300, deadline=None)
def test_since_agrees_with_the_plain_search(prefix: str) -> None:
    for lang in ("ru", "en"):
        text = prefix + " 10:00 " + prefix + " 2 часа 3 hours"
        for pattern, _handler in timeexpr._PATTERNS[lang]:
            for match in pattern.finditer(text):
                assert timeexpr._since(text, match.start(), match) == _plain_since(
                    text, match.start(), match.group(0)), text


def test_since_agrees_on_the_corpus() -> None:
    for text in _corpus_texts():
        for lang in ("ru", "en"):
            for pattern, _handler in timeexpr._PATTERNS[lang]:
                for match in pattern.finditer(text):
                    assert timeexpr._since(text, match.start(), match) == _plain_since(
                        text, match.start(), match.group(0)), text


def test_lowering_keeps_what_the_case_blind_patterns_see() -> None:
    """A text without a ``_NOT_LOWERABLE`` letter keeps its length, its offsets and the classes the
    patterns ask (\\w, \\s, \\d) when lower-cased, and every character ``re.I`` matches as an ASCII
    letter lowers to that letter: the twins, case-sensitive on the lower-cased text, see what
    the patterns see."""
    classes = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")]
    latin = re.compile("[a-z]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if char in timeexpr._NOT_LOWERABLE:
            continue
        lower = char.lower()
        assert len(lower) == 1, hex(code)
        assert [bool(c.fullmatch(char)) for c in classes] == [bool(c.fullmatch(lower)) for c in classes], hex(code)
        if latin.fullmatch(char):
            assert "a" <= lower <= "z" and re.fullmatch(lower, char, re.I), hex(code)


def _twins_agree(text: str) -> None:
    for lang, twins in timeexpr._LOWERED_TWINS.items():
        for index, twin in twins.items():
            pattern = timeexpr._PATTERNS[lang][index][0]
            plain = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in pattern.finditer(text)]
            assert plain == [(m.span(), m.groupdict()) for m in twin.finditer(text.lower())], text


def test_lowered_twins_match_their_patterns_on_the_corpus() -> None:
    for text in _corpus_texts():
        if not any(letter in text for letter in timeexpr._NOT_LOWERABLE):
            _twins_agree(text)


@given(st.text(alphabet=" \t\n-.,:5 12.5In WITHIN The next a couple of Few An one TWO forty-five half a"
                        "HALF AN mins minute Hours HR h H days Week KK_xy3 every EVERY Every", max_size=60))
@example("In 2 hours, within 30 MINUTES, in the next few days, in an hour, within forty-five mins, 3-day, 4h")
@example("Main 2h, twin 5 min, x2 hours, 1.5.2 hours, a2 hours, _3 hours, HALF AN HOUR, sein 3 days")
@example("every 2 hours, Every day, EVERY  few WEEKS, severy hour, every\nhour, every-hour")
@settings(max_examples=400, deadline=None)
def test_lowered_twins_match_their_patterns(text: str) -> None:
    _twins_agree(text)


_CORE_LED_PIECES = st.sampled_from([*"0123456789 .,-:/\n\u00a0аx_apmAPM", "2026-03-15", "15.03.26", "1.3.2026",
                                    "15 марта", "3  МАЯ", "31 декабря 2026", "мая", "2026", "12-", ".5", "10:30",
                                    "9.45", " pm", "a.m.", "P M", "24:00", "1:5", ":07", "-03-15"])


@settings(max_examples=800, deadline=None)
@given(text=st.lists(_CORE_LED_PIECES, max_size=20).map("".join))
@example("x2026-03-15 и 1.03.26, 015.03.2026, 3 мая 2026; а15 марта")
@example("at 10:30 pm, 9.45AM, 11 p m, x1pm, 123:45, 1:23:45, :30 and 2026-03-15T10:00")
def test_core_led_search_finds_what_finditer_finds(text: str) -> None:
    """Each core-led pattern, searched from its first core after the first digit (as
    :func:`~crisisplay.tone.timeexpr.scan_times` does), finds what ``finditer`` finds."""
    digit = timescan.DIGIT_RE.search(text)
    for lang, entries in timescan.CORE_LED.items():
        for index, (core, lead) in entries.items():
            pattern = timeexpr._PATTERNS[lang][index][0]
            found = core.search(text, digit.start()) if digit else None
            late = [m.span() for m in timescan.core_led(pattern, core, lead, text, found)]
            assert late == [m.span() for m in pattern.finditer(text)], (lang, index)


def test_core_led_needs_are_their_first_core() -> None:
    """A core-led pattern's prefilter value is the core match :func:`timescan.core_led` starts from."""
    text = "2026-03-15 at 10:30 pm, 15.03.26, 3 мая"
    for lang, entries in timescan.CORE_LED.items():
        needs = timescan.NEEDS[lang](text, text.casefold(), timescan.DIGIT_RE.search(text))
        for index, (core, _lead) in entries.items():
            found = needs[index]
            assert isinstance(found, re.Match) and found.span() == core.search(text).span(), (lang, index)


@pytest.mark.parametrize(("text", "shown"), [
    ("Завершить ремонт планируется к 15-00 сегодняшнего дня.", ["15:00"]),
    ("Работы ведутся с 9-00 17 сентября.", ["09:00"]),
    ("Воды не будет с 10-30 до 12-00.", ["10:30", "12:00"]),
])
def test_russian_hyphen_clocks_are_clock_times(text: str, shown: list[str]) -> None:
    clocks = [t for t in timeexpr.find_times(text, "ru") if t.kind == "clock"]
    assert [t.display for t in clocks] == shown
    assert timeexpr.scan_times(text, "ru", prefilter=True) == timeexpr.scan_times(text, "ru", prefilter=False)


@pytest.mark.parametrize("text", [
    "Занятия в 9-10 классах отменены.", "Выпадет 10-20 мм осадков.", "Счёт 15-00 в пользу хозяев.",
])
def test_a_hyphen_between_numbers_is_not_always_a_clock(text: str) -> None:
    assert not [t for t in timeexpr.find_times(text, "ru") if t.kind == "clock"]


@pytest.mark.parametrize(("text", "minutes"), [
    ("Ремонт займёт около часа.", 60), ("Перезагрузка займёт час.", 60), ("Работы займут примерно сутки.", 1440),
    ("Это займёт полчаса.", 30), ("Ремонт продлится около недели.", 10080),
])
def test_one_unit_without_its_number_is_a_duration(text: str, minutes: int) -> None:
    found = [m for m in timeexpr.find_times(text, "ru") if m.kind == "duration"]
    assert [m.value for m in found] == [minutes], text


@pytest.mark.parametrize("text", ["Авария случилась около часа ночи.", "Около дня рождения города.",
                                  "Около 15 часов отключат воду."])
def test_a_clock_time_or_a_day_is_no_unit_duration(text: str) -> None:
    assert not [m for m in timeexpr.find_times(text, "ru") if m.kind == "duration" and m.value in (60, 1440)], text
