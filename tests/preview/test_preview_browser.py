"""The page in a real browser: headless Chromium (Debian's ``chromium``) through Playwright.

Run with ``pytest -m browser tests/preview``; skipped when Chromium is not installed
(``apt-get install chromium``; never ``playwright install``). Screenshots land in
``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from preview_helpers import ARTIFACTS, CHROMIUM_ARGS, chromium_path

from crisisplay.preview.api import PreviewResult

pytestmark = pytest.mark.browser

CHROMIUM = chromium_path()
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

#: Text in any element must reach 4.5:1 against the background it is drawn on (WCAG AA).
CONTRAST_JS = """
() => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
      : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (let node = el; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const bad = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || el.closest('.vh')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const a = lum(parse(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return bad;
}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file:// URL, with every request and dialog recorded."""

    def __init__(self, browser: Any, path: Path, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


def _write(tmp_path: Path, result: PreviewResult, name: str) -> Path:
    path = tmp_path / name
    path.write_text(result.html, encoding="utf-8")
    return path


def test_cards_and_findings_visible_offline(browser: Any, tmp_path: Path, test_page: PreviewResult) -> None:
    opened = Opened(browser, _write(tmp_path, test_page, "preview.html"),
                    viewport={"width": 1280, "height": 900}, offline=True)
    page = opened.page
    try:
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
        assert page.evaluate(CONTRAST_JS) == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "preview-desktop.png"), full_page=True)
        assert opened.requests == [opened.url]
        assert opened.blocked == []
    finally:
        opened.close()


def test_phone_and_print_layouts(browser: Any, tmp_path: Path, outage_update_page: PreviewResult) -> None:
    opened = Opened(browser, _write(tmp_path, outage_update_page, "phone.html"),
                    viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = opened.page
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("#channel-sms").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.locator("#diff ins").first.is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "preview-phone.png"), full_page=False)
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        assert page.locator("#channel-sms").is_visible()
        page.pdf(path=str(ARTIFACTS / "preview-print.pdf"))
        assert opened.requests == [opened.url]
    finally:
        opened.close()


def test_hostile_facts_run_nothing(browser: Any, tmp_path: Path, hostile_page: PreviewResult) -> None:
    opened = Opened(browser, _write(tmp_path, hostile_page, "hostile.html"))
    page = opened.page
    try:
        page.wait_for_timeout(200)  # give an onerror handler its chance to fire
        assert opened.dialogs == []
        assert page.evaluate("document.querySelectorAll('script, img, iframe, svg').length") == 0
        sms = page.locator("#channel-sms .bubble").inner_text()
        assert '<script>alert("company")</script>' in sms
        assert opened.requests == [opened.url] and opened.blocked == []
        page.screenshot(path=str(ARTIFACTS / "preview-hostile.png"))
    finally:
        opened.close()
