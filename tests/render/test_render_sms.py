"""SMS counting: GSM-7 vs UCS-2, segments, extension characters, surrogate pairs."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.playbook.model import Playbook
from crisisplay.render.gsm import count_sms, stray_characters
from crisisplay.render.renderer import Renderer

BASIC = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCZÄÖÑÜ§¿abcxyzäöñüà\n"
EXTENSION = "^{}\\[~]|€\f"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ"
EMOJI = "😀👍🚀🙂"  # outside the BMP: surrogate pairs in UCS-2


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # extension characters count twice
        ("€" * 81, "GSM-7", 162, 2),
        ("я" * 70, "UCS-2", 70, 1),
        ("я" * 71, "UCS-2", 71, 2),
        ("я" * 134, "UCS-2", 134, 2),
        ("я" * 135, "UCS-2", 135, 3),
        ("😀" * 35, "UCS-2", 70, 1),  # an emoji is two UCS-2 units
        ("😀" * 36, "UCS-2", 72, 2),
    ],
)
def test_count_sms_boundaries(text: str, encoding: str, units: int, segments: int) -> None:
    counted = count_sms(text)
    assert (counted.encoding, counted.units, counted.segments) == (encoding, units, segments)


def test_an_escape_is_never_split_between_parts() -> None:
    # 152 plain septets then '€' (2 septets): 154 > 153, so '€' starts part two.
    text = "a" * 152 + "€" + "a" * 10
    assert count_sms(text).segments == 2
    assert count_sms("a" * 152 + "€" * 77).segments == 3  # 152 | 76 escapes (152) | 1 escape


def test_a_surrogate_pair_is_never_split() -> None:
    # 134 units fit two 67-unit parts only if a pair could be cut at the boundary.
    assert count_sms("я" * 66 + "😀" * 34).units == 134
    assert count_sms("я" * 66 + "😀" * 34).segments == 3
    assert count_sms("я" * 67 + "😀" * 33 + "я").segments == 2


def reference_segments(text: str) -> tuple[str, int]:
    """An independent computation: encode to wire units, then cut into parts."""
    gsm_basic = set(BASIC) | set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\r")
    from crisisplay.render.gsm import GSM_BASIC

    gsm_basic |= set(GSM_BASIC)
    if all(c in gsm_basic or c in EXTENSION for c in text):
        septets: list[int] = []
        for c in text:
            if c in EXTENSION:
                septets += [0x1B, ord(c)]
            else:
                septets.append(ord(c))
        if len(septets) <= 160:
            return "GSM-7", 1 if septets else 0
        parts, i = 0, 0
        while i < len(septets):
            end = min(i + 153, len(septets))
            if septets[end - 1] == 0x1B and end < len(septets):  # do not end on an ESC
                end -= 1
            parts += 1
            i = end
        return "GSM-7", parts
    raw = text.encode("utf-16-be")
    code_units = [raw[i:i + 2] for i in range(0, len(raw), 2)]
    if len(code_units) <= 70:
        return "UCS-2", 1
    parts, i = 0, 0
    while i < len(code_units):
        end = min(i + 67, len(code_units))
        if 0xD8 <= code_units[end - 1][0] <= 0xDB and end < len(code_units):  # high surrogate
            end -= 1
        parts += 1
        i = end
    return "UCS-2", parts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([BASIC, BASIC, EXTENSION, CYRILLIC, EMOJI]).flatmap(st.sampled_from),
                min_size=0, max_size=400).map("".join))
def test_segments_match_an_independent_reference(text: str) -> None:
    counted = count_sms(text)
    assert (counted.encoding, counted.segments) == reference_segments(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(BASIC + EXTENSION)), max_size=500))
def test_pure_gsm_text_is_always_gsm(text: str) -> None:
    counted = count_sms(text)
    assert counted.encoding == "GSM-7"
    assert counted.units == len(text) + sum(1 for c in text if c in EXTENSION)


def test_stray_characters_are_named_with_a_replacement() -> None:
    strays = stray_characters("It’s back — thanks")
    assert [(s.index, s.replacement) for s in strays] == [(2, "'"), (10, "-")]
    assert strays[0].name == "RIGHT SINGLE QUOTATION MARK"


def _sms(playbook: Playbook, at: datetime, **facts: str) -> tuple[str, list[str], dict[str, object]]:
    values = {**playbook.example_facts(), **facts}
    result = Renderer(playbook).render("first_notice", values, ["sms"], at=at)
    message = result.messages[0]
    return message.text, [f"{d.rule}:{d.message}" for d in result.all_diagnostics()], message.figures


def test_a_curly_quote_that_switches_encoding_is_reported(bank_en: Playbook, at_en: datetime) -> None:
    _text, found, figures = _sms(bank_en, at_en, incident="our app doesn’t open for some customers today")
    assert figures["encoding"] == "UCS-2"
    switch = [f for f in found if f.startswith("CP222")]
    assert switch, found
    assert "RIGHT SINGLE QUOTATION MARK" in switch[0] and "character" in switch[0] and "use \"'\"" in switch[0]


def test_russian_sms_is_ucs2_without_a_switch_warning(bank_ru: Playbook, at_ru: datetime) -> None:
    _text, found, figures = _sms(bank_ru, at_ru)
    assert figures["encoding"] == "UCS-2" and figures["per_segment"] == 67
    assert not [f for f in found if f.startswith("CP222")]


def test_max_segments_from_the_playbook_is_an_error(bank_en: Playbook, at_en: datetime) -> None:
    _text, found, figures = _sms(bank_en, at_en, incident="our mobile app does not open " * 10)
    assert figures["segments"] > 2
    errors = [f for f in found if f.startswith("CP220")]
    assert errors and "max_segments of 2" in errors[0]


def test_latin_lookalike_in_a_cyrillic_word_is_reported(bank_ru: Playbook, at_ru: datetime) -> None:
    _text, found, _ = _sms(bank_ru, at_ru, incident="Cбой приложения")  # Latin C
    mixed = [f for f in found if f.startswith("CP223")]
    assert mixed and "LATIN CAPITAL LETTER C" in mixed[0] and "character" in mixed[0]
