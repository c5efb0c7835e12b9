"""Shared browser-test support: Debian's Chromium through Playwright, and page checks.

Every HTML the project writes (preview, checklist report, e-mail HTML part, website banner)
is opened from a ``file://`` URL in headless Chromium and checked the same way:

* the page fits its screen: ``document.documentElement.scrollWidth <= innerWidth``;
* no text is cut by its box (an ``overflow: hidden`` ancestor or the left edge);
* no line starts with a comma or a closing quote, no phone number is split over two lines;
* text reaches WCAG AA contrast (4.5:1) against the background it is drawn on;
* no network request: everything but the page's own ``file://`` URL is aborted and recorded;
* nothing from facts runs: no ``<script>``, no ``on*`` handler, no ``javascript:`` URL, no dialog.

The browser is Debian's ``chromium`` (``apt-get install chromium``) driven by the
``playwright`` Python package through ``executable_path``; Playwright's own browser
download (``playwright install``) is never used. Without Chromium or Playwright the browser
tests are skipped on a developer's machine and FAIL when the ``CI`` variable is set, so CI
cannot pass green without running them.

Use from any test package::

    from tests.browser_support import VIEWPORTS, open_page, page_problems, screenshot

    def test_my_page(browser, tmp_path):          # ``browser`` comes from tests/conftest.py
        with open_page(browser, path, *VIEWPORTS["phone"]) as opened:
            assert page_problems(opened) == []
            screenshot(opened.page, "my-page-phone")
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Screenshots and PDFs (git-ignored); CRISISPLAY_TEST_ARTIFACTS moves them (a CI upload dir).
ARTIFACTS = Path(os.environ.get("CRISISPLAY_TEST_ARTIFACTS") or ROOT / "test-artifacts")
#: The two screens every page is checked at (CSS pixels): a laptop and a common phone.
VIEWPORTS: dict[str, tuple[int, int]] = {"desktop": (1280, 900), "phone": (390, 844)}
#: Flags for a sandbox without a GPU, a setuid sandbox or a network. Playwright gives every
#: launch a new empty profile directory itself (it refuses ``--user-data-dir`` in ``args``).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci() -> bool:
    """True when the ``CI`` variable says so (``CI=true``, as CI services and .ci/run set)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_path() -> str | None:
    """Debian's chromium (what .ci/run installs), or None when this machine has none."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where the browser tests must run."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set: the browser tests must run, not skip)", pytrace=False)
    pytest.skip(reason)


def launch_chromium(playwright: Any) -> Any:
    path = chromium_path()
    if path is None:
        unavailable("Chromium is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


@dataclass
class Opened:
    """A page opened from a file:// URL, with every request and dialog recorded."""

    context: Any
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def outside_requests(self) -> list[str]:
        """Requests for anything but the page itself (all aborted; any is a failure)."""
        return [url for url in self.requests if url != self.url] + [u for u in self.blocked if u not in self.requests]


@contextmanager
def open_page(browser: Any, path: Path, width: int = 1280, height: int = 900, **context: Any) -> Iterator[Opened]:
    """Open ``path`` at ``width``×``height``; only the page's own file may load."""
    options: dict[str, Any] = {"viewport": {"width": width, "height": height}}
    if width < 600:
        options.update(device_scale_factor=2, is_mobile=True, has_touch=True)
    options.update(context)
    ctx = browser.new_context(**options)
    url = path.resolve().as_uri()
    opened = Opened(ctx, None, url)

    def route(request_route: Any) -> None:
        if request_route.request.url == url:
            request_route.continue_()
        else:
            opened.blocked.append(request_route.request.url)
            request_route.abort()

    def dialog(box: Any) -> None:
        opened.dialogs.append(box.message)
        box.dismiss()

    ctx.set_default_timeout(10_000)  # a missing element fails in seconds, not half a minute
    try:
        ctx.route("**/*", route)
        opened.page = ctx.new_page()
        opened.page.on("request", lambda request: opened.requests.append(request.url))
        opened.page.on("dialog", dialog)
        opened.page.goto(url, wait_until="load")
        opened.page.wait_for_timeout(100)  # an onerror handler or a late request gets its chance
        yield opened
    finally:
        ctx.close()


#: Text in any element must reach 4.5:1 against the background it is drawn on (WCAG AA).
#: Colours of translucent backgrounds are blended over what lies beneath them.
CONTRAST_JS = """
() => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
      : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) { layers.push(c.slice(0, 3)); break; }
      if (c.length === 4 && c[3] > 0) layers.push(c);
    }
    let colour = layers.length && layers[layers.length - 1].length === 3 ? layers.pop() : [255, 255, 255];
    while (layers.length) {
      const [r, g, b, a] = layers.pop();
      colour = [r * a + colour[0] * (1 - a), g * a + colour[1] * (1 - a), b * a + colour[2] * (1 - a)];
    }
    return colour;
  };
  const bad = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || el.closest('.vh')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') continue;
    const a = lum(parse(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const sample = el.textContent.trim().slice(0, 30);
    if (ratio < 4.5) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} ("${sample}")`);
  }
  return bad;
}
"""

#: Text that a clipping ancestor (``overflow: hidden``/``clip``) cuts, or that starts left of
#: the page. Scroll containers (``auto``/``scroll``) do not cut: their content scrolls. An
#: element marked ``data-clips`` imitates a medium that truncates (an inbox line) and is
#: allowed to; visually hidden text (``.vh``, clip rect) is for screen readers.
CUT_TEXT_JS = """
() => {
  const cut = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || el.closest('.vh, [data-clips], style, script, title')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    for (const r of rects) {
      let problem = r.left < -0.5 ? 'starts left of the page' : '';
      for (let box = el; box && !problem; box = box.parentElement) {
        const s = getComputedStyle(box);
        const clips = v => v === 'hidden' || v === 'clip';
        if (!clips(s.overflowX) && !clips(s.overflowY)) continue;
        if (s.display === 'none' || box.getClientRects().length === 0) break;
        const b = box.getBoundingClientRect();
        const pad = 1.5;
        const outside = (clips(s.overflowX) && (r.left < b.left - pad || r.right > b.right + pad))
          || (clips(s.overflowY) && (r.top < b.top - pad || r.bottom > b.bottom + pad));
        if (outside) problem = `cut by <${box.tagName.toLowerCase()} class="${box.className}">`;
      }
      if (problem) { cut.push(`"${node.textContent.trim().slice(0, 40)}": ${problem}`); break; }
    }
  }
  return cut;
}
"""

#: Typography a wrap can break: punctuation that starts a line («, 0 примечаний»), and a phone
#: number split over two lines («555-35-» / «35»).
BROKEN_LINES_JS = r"""
() => {
  const found = [];
  const closing = ',.;:!?)]»…';
  const phone = new RegExp('(?:\\+\\d{1,3}[\\s\\u00a0]?)?\\(?\\d{3}\\)?[\\s\\u00a0]?\\d{3}[\\s\\u00a0-]\\d{2}'
                           + '[\\s\\u00a0-]\\d{2}|\\+\\d{1,3}(?:[\\s\\u00a0]\\d{2,4}){2,4}', 'g');
  const rectOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter(r => r.width > 0);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let previous = null;  // [node, index] of the last visible character before this one
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('.vh, style, script, title, [data-clips]') || !el.getClientRects().length) continue;
    const text = node.textContent;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      if (closing.includes(text[i]) && previous) {
        const here = rectOf(node, i, i + 1)[0], before = rectOf(previous[0], previous[1], previous[1] + 1).pop();
        if (here && before && here.top >= before.bottom - 2) {
          found.push(`line starts with "${text[i]}": "${text.slice(Math.max(0, i - 20), i + 20).trim()}"`);
        }
      }
      previous = [node, i];
    }
    for (const match of text.matchAll(phone)) {
      const tops = new Set(rectOf(node, match.index, match.index + match[0].length).map(r => Math.round(r.top)));
      if (tops.size > 1) found.push(`phone split over lines: "${match[0]}"`);
    }
  }
  return found;
}
"""

#: Anything that could run: script elements, inline handlers, javascript: URLs, frames.
ACTIVE_CONTENT_JS = """
() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`<${tag} ${attr.name}>`);
      if (/^\\s*javascript:/i.test(attr.value)) found.push(`<${tag} ${attr.name}=javascript:>`);
    }
  }
  return found;
}
"""

#: The document's width, and the outermost elements that reach past the screen (``screen`` px).
WIDTH_JS = """
(screen) => {
  const doc = document.documentElement;
  const wide = [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > screen + 0.5 && !el.closest('.vh'))
    .filter(el => el.parentElement === document.body || el.parentElement.getBoundingClientRect().right <= screen + 0.5)
    .filter(el => { for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o !== 'visible') return false; } return true; })
    .map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> ends at `
               + Math.round(el.getBoundingClientRect().right));
  return {scrollWidth: doc.scrollWidth, innerWidth: innerWidth, wide: wide.slice(0, 8)};
}
"""


def page_problems(opened: Opened, *, contrast: bool = True) -> list[str]:
    """Everything a page at its viewport must not show: overflow, cut text, low contrast,
    network requests, active content, dialogs. An empty list is a pass."""
    page = opened.page
    problems: list[str] = []
    width = page.evaluate(WIDTH_JS, page.viewport_size["width"])
    # A phone browser widens its layout viewport (innerWidth) to a page that is too wide or
    # lacks <meta name=viewport>: compare with the screen's own width as well.
    screen = min(width["innerWidth"], page.viewport_size["width"])
    if width["scrollWidth"] > screen:
        problems.append(f"page is {width['scrollWidth']} px wide on a {screen} px screen: " + "; ".join(width["wide"]))
    problems += [f"cut text: {item}" for item in page.evaluate(CUT_TEXT_JS)]
    problems += [f"broken line: {item}" for item in page.evaluate(BROKEN_LINES_JS)]
    if contrast:
        problems += [f"contrast below 4.5:1: {item}" for item in page.evaluate(CONTRAST_JS)]
    problems += [f"network request: {url}" for url in opened.outside_requests]
    problems += [f"active content: {item}" for item in page.evaluate(ACTIVE_CONTENT_JS)]
    problems += [f"dialog opened: {message}" for message in opened.dialogs]
    return problems


def artifact(name: str) -> Path:
    """Where a test artifact called ``name`` goes (the folder is made when missing)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / re.sub(r"[^A-Za-z0-9._-]+", "-", name)


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG as a test artifact (``test-artifacts/<name>.png``) and return its path."""
    path = artifact(f"{name}.png")
    page.screenshot(path=str(path), full_page=full_page)
    return path
