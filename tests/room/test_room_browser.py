"""The crisis room in a real browser: two managers, live updates, phone and laptop widths.

Headless Debian chromium through Playwright, against a real ``crisisplay serve`` on a
loopback port. Screenshots land in ``test-artifacts/`` (look at them).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from room_helpers import ARTIFACTS, Server, running_room

pytestmark = pytest.mark.browser

ITEM = "first_hour.confirm_facts"


def _signed_in(browser: Any, server: Server, name: str, *, javascript: bool = True, width: int = 1280) -> Any:
    """A browser context of its own (own cookies) signed in through an invitation link."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    page.goto(server.invite(name, "editor"))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{server.url}/")
    return page


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with running_room(tmp_path_factory.mktemp("browser-room")) as running:
        yield running


def test_a_change_by_one_manager_reaches_the_other_live_and_on_reload_without_js(browser: Any, server: Server) -> None:
    anna = _signed_in(browser, server, "Anna")
    boris = _signed_in(browser, server, "Boris")
    plain = _signed_in(browser, server, "Vera (no JS)", javascript=False)
    run_url = f"{server.url}/runs/{server.run_id}"
    for page in (anna, boris, plain):
        page.goto(run_url)
    boris.wait_for_selector(".live-flag:not([hidden])")
    assert plain.locator(".live-flag").is_hidden()  # no script, no live flag
    audit = boris.locator("ol.audit").first
    assert "confirm_facts" not in audit.inner_text()

    anna.locator(f'[id="item-{ITEM}"] form[action$="/done"] button').click()
    anna.wait_for_url(f"{run_url}#seq-*")
    changed_at = time.monotonic()
    boris.wait_for_function(
        "() => document.querySelector('ol.audit').innerText.includes('выполнено: confirm_facts')", timeout=2000
    )
    assert time.monotonic() - changed_at < 2.0
    assert "Anna" in audit.inner_text()

    assert "confirm_facts" not in plain.locator("ol.audit").first.inner_text()  # no script: the page stays as it was
    plain.reload()
    assert "выполнено: confirm_facts" in plain.locator("ol.audit").first.inner_text()
    # The one without JavaScript can act too: plain forms, answered with a redirect.
    plain.locator('[id="item-first_hour.keep_voice_line"] form[action$="/take"] button').click()
    plain.wait_for_url(f"{run_url}#seq-*")
    assert "keep_voice_line передан: Vera (no JS)" in plain.locator("ol.audit").first.inner_text()
    boris.wait_for_function(
        "() => document.querySelector('ol.audit').innerText.includes('keep_voice_line передан')", timeout=2000
    )
    ARTIFACTS.mkdir(exist_ok=True)
    boris.screenshot(path=str(ARTIFACTS / "room-live-boris.png"))
    for page in (anna, boris, plain):
        assert all(url.startswith(server.url) for url in page.requests), page.requests  # nothing from the network
        page.context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_run_page_fits_the_screen(browser: Any, server: Server, width: int) -> None:
    page = _signed_in(browser, server, f"Galina {width}", width=width)
    page.goto(f"{server.url}/runs/{server.run_id}")
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")  # every section, as someone would open them
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(e => {
             const r = e.getBoundingClientRect();
             return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5;
           }).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert overflow == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    clock = page.locator("section.clock").bounding_box()
    assert clock is not None and clock["width"] >= min(width, 1152) * 0.8
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"room-run-{width}.png"))
    page.screenshot(path=str(ARTIFACTS / f"room-run-{width}-full.png"), full_page=True)
    page.context.close()


def test_the_sign_in_page_for_strangers(browser: Any, server: Server, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server.url}/runs/{server.run_id}")
    assert page.url.startswith(f"{server.url}/login")
    assert page.locator("input[name=token]").is_visible()
    page.fill("input[name=token]", "not-a-real-code")
    page.click("main form button[type=submit]")
    assert "не действует" in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "room-sign-in-390.png"))
    context.close()
