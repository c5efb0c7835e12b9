"""What ``crisisplay render --out`` writes for people's screens, opened in headless Chromium.

The e-mail's HTML part (as a mail client shows it) and ``website_banner.html`` (pasted
into a site's page) at 1280×900 and 390×844: they fit the screen, cut no text, keep
phones whole, reach WCAG AA contrast — the e-mail in dark mode too — make no request and
run nothing even when facts hold markup. The banner works in a windows-1251 page and
closes without JavaScript. Screenshots go to test-artifacts/ (see tests/browser_support.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import VIEWPORTS, open_page, page_problems, screenshot

pytestmark = pytest.mark.e2e

AT = "2026-03-15T11:00"
HOSTILE = {
    "company": '<script>alert("company")</script>',
    "incident": '"><img src=x onerror=alert(1)> & <b>bold</b> <a href="javascript:alert(2)">x</a>',
}
#: A site's page around the banner, as a web team would paste it: its own styles included.
HOST_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>site</title>
<style>html {{ font-size: 62.5%; }} body {{ margin: 0; font: 1.4rem Georgia, serif; color: #333; }}
p {{ margin: 2em 0; }} a {{ color: #c00; }}</style></head>
<body><header style="padding: 10px; background: #222; color: #fff">Site header</header>
{banner}<main style="padding: 0 10px"><p>Page content.</p></main></body></html>
"""


def _render(out: Path, playbook: str, *options: str) -> Path:
    exe = shutil.which("crisisplay")
    if exe is None:
        pytest.fail("the crisisplay executable is not installed (pip install -e . first)")
    args = [exe, "render", playbook, "--at", AT, "--out", str(out), "--example", *options]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return out


def _email_page(out: Path) -> Path:
    message = message_from_bytes((out / "email.eml").read_bytes(), policy=policy.default)
    html_part = next(part for part in message.walk() if part.get_content_type() == "text/html")
    page = out / "email.html"
    page.write_text(str(html_part.get_content()), encoding="utf-8")
    return page


def _banner_page(out: Path, lang: str, charset: str = "utf-8") -> Path:
    snippet = (out / "website_banner.html").read_bytes().decode("ascii")  # must be pure ASCII
    page = out / f"banner-{charset}.html"
    page.write_bytes(HOST_PAGE.format(lang=lang, charset=charset, banner=snippet).encode(charset))
    return page


@pytest.fixture(scope="module")
def outboxes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        "ru": _render(tmp_path_factory.mktemp("ru"), "bundled:it-outage.ru"),
        "en": _render(tmp_path_factory.mktemp("en"), "bundled:it-outage.en"),
        "resolved": _render(tmp_path_factory.mktemp("resolved"), "bundled:it-outage.ru", "--stage", "resolution"),
        "hostile": _render(tmp_path_factory.mktemp("hostile"), "bundled:it-outage.en", "--example",
                           *[item for name, value in HOSTILE.items() for item in ("--set", f"{name}={value}")]),
    }


@pytest.mark.parametrize("screen", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["ru", "en", "hostile"])
def test_email_html_fits_and_reads(browser: Any, outboxes: dict[str, Path], lang: str, screen: str) -> None:
    width, height = VIEWPORTS[screen]
    with open_page(browser, _email_page(outboxes[lang]), width, height) as opened:
        screenshot(opened.page, f"email-{lang}-{screen}")
        assert page_problems(opened) == []
        card = opened.page.locator("table.cp-card").bounding_box()
        assert card is not None and card["width"] <= 600  # the standard single column
        if screen == "desktop":
            assert card["width"] == 600 and abs(card["x"] * 2 + card["width"] - width) <= 2  # centred


def test_email_dark_mode(browser: Any, outboxes: dict[str, Path]) -> None:
    """Clients that follow the system's dark mode get dark colours that still read well."""
    with open_page(browser, _email_page(outboxes["ru"]), *VIEWPORTS["phone"], color_scheme="dark") as opened:
        screenshot(opened.page, "email-ru-dark")
        assert page_problems(opened) == []
        colours = opened.page.evaluate("""() => ['body', 'table.cp-card', 'td.cp-text', 'td.cp-text a']
            .map(sel => { const s = getComputedStyle(document.querySelector(sel));
                          return [s.backgroundColor, s.color]; })""")
        assert colours[0][0] == "rgb(13, 17, 23)" and colours[1][0] == "rgb(22, 27, 34)"
        assert colours[2][1] == "rgb(230, 237, 243)" and colours[3][1] == "rgb(88, 166, 255)"


def test_email_links_call_and_write(browser: Any, outboxes: dict[str, Path]) -> None:
    with open_page(browser, _email_page(outboxes["ru"])) as opened:
        links = opened.page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert "tel:+78005553535" in links and "mailto:help@example.ru" in links
    assert "https://status.example.ru" in links


@pytest.mark.parametrize("screen", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["ru", "en", "resolved", "hostile"])
def test_banner_in_a_site_page(browser: Any, outboxes: dict[str, Path], lang: str, screen: str) -> None:
    page_lang = "en" if lang in ("en", "hostile") else "ru"
    with open_page(browser, _banner_page(outboxes[lang], page_lang), *VIEWPORTS[screen]) as opened:
        screenshot(opened.page, f"banner-{lang}-{screen}", full_page=False)
        assert page_problems(opened) == []
        box = opened.page.locator(".crisisplay-banner__box")
        # the host's 62.5% root font, serif and paragraph margins do not leak in
        assert box.evaluate("el => getComputedStyle(el).fontSize") == "16px"
        assert box.evaluate("el => getComputedStyle(el.querySelector('p')).marginTop") == "0px"


def test_banner_reads_right_in_a_windows_1251_page(browser: Any, outboxes: dict[str, Path]) -> None:
    with open_page(browser, _banner_page(outboxes["ru"], "ru", "windows-1251")) as opened:
        text = opened.page.locator(".crisisplay-banner").inner_text()
        assert opened.page.evaluate("document.characterSet") == "windows-1251"
    assert "не открываются приложение «Пример Онлайн»" in text and "Следующее обновление — 15 марта" in text


def test_banner_closes_without_javascript(browser: Any, outboxes: dict[str, Path]) -> None:
    with open_page(browser, _banner_page(outboxes["ru"], "ru"), *VIEWPORTS["phone"],
                   java_script_enabled=False) as opened:
        box = opened.page.locator(".crisisplay-banner__box")
        close = opened.page.locator(".crisisplay-banner__close")
        size = close.bounding_box()
        assert size is not None and size["width"] >= 44 and size["height"] >= 44  # a finger-sized target
        assert opened.page.get_by_role("checkbox", name="Скрыть сообщение").count() == 1
        close.click()
        assert not box.is_visible()
        assert opened.page.locator("main").is_visible()


def test_hostile_facts_show_as_text(browser: Any, outboxes: dict[str, Path]) -> None:
    for page in (_email_page(outboxes["hostile"]), _banner_page(outboxes["hostile"], "en")):
        with open_page(browser, page) as opened:
            opened.page.wait_for_timeout(200)  # an onerror handler would have fired by now
            assert opened.dialogs == [] and opened.outside_requests == []
            body = opened.page.locator("body").inner_text()
            assert opened.page.evaluate("document.querySelectorAll('img, b, script').length") == 0
        assert '<img src=x onerror=alert(1)>' in body or HOSTILE["company"] in body
