"""How the page writes numbers, counts and phones, and how it draws the banner and posts.

The browser checks that lines never start with a comma, that phones never split and that
the figures tables fit a phone are in test_preview_browser.py; these pin the markup.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from preview_helpers import BUNDLE, PLAYBOOK_RU, parse_html

from crisisplay.preview.api import PreviewResult, preview_bundle
from crisisplay.preview.bundle import bundle_from_dict
from crisisplay.preview.labels import counted, number_for
from crisisplay.preview.page import keep_phones_together


def _page(**figures: Any) -> PreviewResult:
    data: dict[str, Any] = copy.deepcopy(BUNDLE)
    data["messages"][0]["figures"].update(figures)
    data["messages"].append({
        "channel": "voice", "stage": "first_notice", "locale": "ru", "parts": {"body": "Здравствуйте."},
        "text": "Здравствуйте.", "file": "voice.ssml", "figures": {"seconds": 31.8, "words": 2},
        "limits": {"max_seconds": 90}, "ok": True,
    })
    return preview_bundle(bundle_from_dict(data, "bundle.json"))


@pytest.mark.parametrize(("locale", "key", "value", "expected"), [
    ("ru", "n_segments", 3, "3\u00a0части"),
    ("ru", "n_segments", 5, "5\u00a0частей"),
    ("ru", "n_segments", 21, "21\u00a0часть"),
    ("ru", "n_characters", 173, "173\u00a0знака"),
    ("ru", "n_characters", 1352, "1\u00a0352\u00a0знака"),
    ("ru", "n_seconds_speech", 31.8, "31,8\u00a0секунды речи"),
    ("ru", "n_seconds_speech", 31.0, "31\u00a0секунда речи"),
    ("en", "n_segments", 1, "1\u00a0segment"),
    ("en", "n_characters", 1352, "1,352\u00a0characters"),
    ("en", "n_seconds_speech", 31.8, "31.8\u00a0seconds of speech"),
])
def test_counts_take_cldr_plural_forms_and_the_languages_numbers(locale: str, key: str, value: float,
                                                                  expected: str) -> None:
    assert counted(locale, key, value) == expected


def test_numbers_in_the_languages_own_form() -> None:
    assert number_for("ru")(104448) == "104\u00a0448" and number_for("ru")(31.84) == "31,8"
    assert number_for("en")(104448) == "104,448" and number_for("xx")(2.5) == "2.5"


def test_sms_and_voice_counters_on_the_russian_page() -> None:
    result = _page(segments=3, characters=173)
    root, _ = parse_html(result.html)
    sms = root.find("article", id="channel-sms").find("p", class_="counter").text
    assert sms == "3\u00a0части · кодировка UCS-2 · 173\u00a0знака"
    voice = root.find("article", id="channel-voice").find("p", class_="voice-meta").text
    assert voice.endswith("≈\u00a031,8\u00a0секунды речи")
    figures = root.find("article", id="channel-voice").find("table", class_="figures")
    assert "31,8 из 90" in figures.text.replace("\u00a0", " ")
    assert figures.parent is not None and "table-scroll" in (figures.parent.attrs.get("class") or "")


def test_phones_are_kept_on_one_line() -> None:
    marked = str(keep_phones_together("Тел. +7 800 555-35-35, или 8 (800) 555-35-36.", lang="ru"))
    assert marked == ('Тел. <span class="nowrap">+7 800 555-35-35</span>, или '
                      '<span class="nowrap">8 (800) 555-35-36</span>.')
    assert str(keep_phones_together("<b>15 марта</b>", lang="ru")) == "&lt;b&gt;15 марта&lt;/b&gt;"
    html = _page().html
    assert '<span class="nowrap">+7 800 555-35-35</span>' in html


def test_the_summary_keeps_each_comma_with_its_count() -> None:
    html = _page().html
    detail = re.search(r'<span class="stat-detail">(.*?)</span></li>', html, re.S)
    assert detail is not None
    assert re.findall(r'<span class="nowrap">[^<]*</span>', detail.group(1)) == [
        '<span class="nowrap">1&nbsp;ошибка,</span>', '<span class="nowrap">0&nbsp;предупреждений,</span>',
        '<span class="nowrap">0&nbsp;примечаний</span>',
    ]


def test_each_network_has_its_own_drawing(outage_ru: PreviewResult) -> None:
    root, _ = parse_html(outage_ru.html)
    for channel in ("telegram", "whatsapp", "vk", "x"):
        post = root.find("article", id=f"channel-{channel}").find("div", class_="post")
        assert f"post-{channel}" in (post.attrs.get("class") or "").split()
    assert "сегодня в 11:00" in root.find("article", id="channel-vk").find("span", class_="post-meta").text
    assert root.find("article", id="channel-whatsapp").find("p", class_="post-time").text == "11:00"
    from crisisplay.preview.style import PREVIEW_CSS

    for channel in ("telegram", "whatsapp", "vk", "x"):
        assert f".post-{channel} .avatar" in PREVIEW_CSS


def test_the_banner_is_drawn_by_the_channels_own_code(outage_ru: PreviewResult, tmp_path: Any) -> None:
    """Same function, same stylesheet, same structure as website_banner.html."""
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.playbook.values import parse_datetime
    from crisisplay.render.bundle import write_bundle
    from crisisplay.render.renderer import Renderer

    playbook = load_playbook(PLAYBOOK_RU)
    at = parse_datetime("2026-03-15T11:00", playbook_zone(playbook))
    write_bundle(Renderer(playbook).render("first_notice", None, at=at), tmp_path)
    published = (tmp_path / "website_banner.html").read_text("ascii")

    def skeleton(markup: str) -> list[str]:
        found = []
        for tag, attrs in re.findall(r"<(/?(?:div|style|input|label|p|a)\b)([^>]*)>", markup):
            cls = re.search(r'class="([^"]*)"', attrs)
            found.append(f"{tag}.{cls.group(1) if cls else ''}")
        return [item for item in found if not item.startswith(("p.", "/p.", "a.", "/a."))]

    start = outage_ru.html.index('<div class="crisisplay-banner ')
    drawn = outage_ru.html[start:outage_ru.html.index('<div class="site-ghost"', start)]
    assert skeleton(drawn) == skeleton(published[published.index("<div"):])
    assert "div.crisisplay-banner__box" in skeleton(drawn) and "input.crisisplay-banner__toggle" in skeleton(drawn)
