"""The page in a real browser: headless Debian Chromium through Playwright.

Every preview (English test page, bundled Russian playbook, an update with ``--diff``,
hostile facts) is opened at 1280×900 and 390×844 and must fit the screen, cut no text,
keep phones and punctuation whole, reach WCAG AA contrast, make no request and run
nothing (:func:`tests.browser_support.page_problems`). Screenshots go to test-artifacts/.
Skipped without Chromium locally, failing under ``CI`` (see tests/browser_support.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crisisplay.preview.api import PreviewResult
from tests.browser_support import VIEWPORTS, artifact, open_page, page_problems, screenshot

PAGES = ("test_page", "outage_ru", "outage_update_page", "hostile_page")


def _write(tmp_path: Path, result: PreviewResult, name: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(result.html, encoding="utf-8")
    return path


@pytest.mark.parametrize("screen", list(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_every_preview_fits_and_reads(browser: Any, tmp_path: Path, request: pytest.FixtureRequest,
                                      name: str, screen: str) -> None:
    result: PreviewResult = request.getfixturevalue(name)
    with open_page(browser, _write(tmp_path, result, name), *VIEWPORTS[screen]) as opened:
        screenshot(opened.page, f"preview-{name}-{screen}")
        assert page_problems(opened) == []


def test_cards_and_findings_visible_offline(browser: Any, tmp_path: Path, test_page: PreviewResult) -> None:
    with open_page(browser, _write(tmp_path, test_page, "preview"), offline=True) as opened:
        page = opened.page
        for message in test_page.bundle.messages:
            card = page.locator(f"#channel-{message.channel}")
            assert card.is_visible(), message.channel
            assert card.locator("h2").is_visible()
        numbers = [f.number for c in test_page.page.cards for f in c.findings]
        numbers += [f.number for f in test_page.page.general_findings]
        assert numbers
        for number in numbers:
            assert page.locator(f"#f-{number}").is_visible(), number
        marks = page.locator("mark.finding")
        assert marks.count() > 0
        for index in range(marks.count()):
            assert marks.nth(index).is_visible()
        assert page.locator("table.fact-table").is_visible()
        assert page.evaluate("document.scripts.length") == 0
        assert opened.outside_requests == []


def test_figures_tables_fit_their_card_on_a_phone(browser: Any, tmp_path: Path, outage_ru: PreviewResult) -> None:
    """The Russian figures tables fit 390 px outright (their scroll region is a fallback)."""
    with open_page(browser, _write(tmp_path, outage_ru, "ru"), *VIEWPORTS["phone"]) as opened:
        overflowing = opened.page.evaluate("""() => [...document.querySelectorAll('table.figures')]
            .filter(table => { const box = table.closest('.table-scroll');
                return !box || table.getBoundingClientRect().right > box.getBoundingClientRect().right + 1; })
            .map(table => table.closest('article').id)""")
        assert overflowing == []
        assert opened.page.locator("table.figures").count() == sum(1 for card in outage_ru.page.cards if card.figures)


def test_each_network_looks_like_itself(browser: Any, tmp_path: Path, outage_ru: PreviewResult) -> None:
    """Telegram, WhatsApp, VK and X differ in wallpaper, bubble and avatar, in their own colours."""
    with open_page(browser, _write(tmp_path, outage_ru, "ru")) as opened:
        looks = opened.page.evaluate("""() => Object.fromEntries(['telegram', 'whatsapp', 'vk', 'x'].map(c => {
            const post = document.querySelector(`#channel-${c} .post`);
            const style = el => getComputedStyle(post.querySelector(el));
            return [c, [getComputedStyle(post).backgroundColor, style('.post-head').backgroundColor,
                        style('.post-body').backgroundColor, style('.avatar').backgroundColor]];
        }))""")
        for channel in looks:
            opened.page.locator(f"#channel-{channel} .medium").screenshot(path=str(artifact(f"post-{channel}.png")))
    assert len({tuple(look) for look in looks.values()}) == 4, looks
    assert looks["whatsapp"][1] == "rgb(0, 128, 105)"  # WhatsApp's green bar
    assert looks["whatsapp"][0] == "rgb(239, 234, 226)"  # on the beige chat wallpaper
    assert looks["vk"][0] == "rgb(237, 238, 240)"  # VK's grey feed around a white card
    assert looks["x"][3] == "rgb(15, 20, 25)"  # X's black


def test_banner_is_the_published_snippet_and_closes_without_javascript(
    browser: Any, tmp_path: Path, outage_ru: PreviewResult
) -> None:
    from crisisplay.render.channels.website_banner import BANNER_CSS

    path = _write(tmp_path, outage_ru, "ru")
    with open_page(browser, path, *VIEWPORTS["phone"], java_script_enabled=False) as opened:
        page = opened.page
        box = page.locator("#channel-website_banner .crisisplay-banner__box")
        assert page.locator("#channel-website_banner style").inner_text() == BANNER_CSS
        assert box.is_visible() and box.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 248, 197)"
        assert box.locator("a[href='tel:+78005553535']").is_visible()
        page.locator("#channel-website_banner .crisisplay-banner__close").click()
        assert not box.is_visible()


def test_phone_and_print_layouts(browser: Any, tmp_path: Path, outage_update_page: PreviewResult) -> None:
    with open_page(browser, _write(tmp_path, outage_update_page, "phone"), *VIEWPORTS["phone"]) as opened:
        page = opened.page
        box = page.locator("#channel-sms").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.locator("#diff ins").first.is_visible()
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        assert page.locator("#channel-sms").is_visible()
        page.pdf(path=str(artifact("preview-print.pdf")))
        assert opened.outside_requests == []


def test_hostile_facts_run_nothing(browser: Any, tmp_path: Path, hostile_page: PreviewResult) -> None:
    with open_page(browser, _write(tmp_path, hostile_page, "hostile")) as opened:
        page = opened.page
        page.wait_for_timeout(200)  # give an onerror handler its chance to fire
        assert opened.dialogs == []
        assert page.evaluate("document.querySelectorAll('script, img, iframe, svg').length") == 0
        sms = page.locator("#channel-sms .bubble").inner_text()
        assert '<script>alert("company")</script>' in sms
        assert opened.outside_requests == []
