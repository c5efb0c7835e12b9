"""The HTML checklist report in a real browser at 1280 and 390 px (Debian chromium, Playwright).

It must fit both widths without sideways scrolling (long ids and states wrap, the task
column stays readable), mark overdue rows without painting them brown, carry a CSP like
the preview's, and speak Russian times the way the preview does. Screenshots land in
``test-artifacts/``. A missing browser skips locally and fails when ``CI`` is set.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from checklist_helpers import PROJECT, T0, at

from crisisplay.checklist import api
from crisisplay.checklist.report import render_report
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import build_status

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"
# The browser is the shared session-wide ``browser`` fixture of tests/conftest.py (Debian
# chromium through Playwright; a missing browser skips locally and fails under CI). A second
# Playwright of this module's own failed whenever another browser test had run first in the
# same process ("Sync API inside the asyncio loop"), as pytest-xdist's workers do.


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Russian IT-outage run, three hours in: done, blocked, overdue, sent, waiting."""
    folder = tmp_path_factory.mktemp("report")
    with Store.open(folder / "db.sqlite3") as store:
        rid = api.start_run(store, "bundled:it-outage.ru", t0=T0, now=at(1), actor="duty").id
        api.act(store, rid, "done", "confirm_facts", actor="anna", now=at(8))
        api.act(store, rid, "done", "set_service_status", actor="oleg", now=at(14))
        api.act(store, rid, "done", "check_texts", actor="pr", now=at(19))
        api.act(store, rid, "sent", "first_notice", channels=["sms", "email", "push"], actor="anna", now=at(21))
        api.act(store, rid, "block", "brief_contact_center", actor="olga", note="ждём юристов", now=at(30))
        api.act(store, rid, "skip", "keep_voice_line", actor="olga", note="линия не перегружена", now=at(40))
        state, _ = api.load(store, rid)
    path = folder / "report.html"
    path.write_text(render_report(build_status(state, at(180)), "html"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1280, 390])
def test_report_fits_and_reads_well(browser: Any, report_file: Path, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_file.as_uri())
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        cut = page.evaluate(
            """() => [...document.querySelectorAll('main *')].filter(e => {
                 const r = e.getBoundingClientRect();
                 return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5
                   && !e.closest('.table-scroll');
               }).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
        )
        assert cut == []
        if width == 1280:
            task = page.locator("table.items td.task").first.bounding_box()
            assert task is not None and task["width"] >= 330  # was squeezed to ~110 px
            table = page.locator("table.items").first.bounding_box()
            assert table is not None and table["x"] + table["width"] <= width
        overdue = page.locator("tr.overdue").first
        assert overdue.count() == 1
        colours = overdue.evaluate(
            "r => ['td.task', 'td.state'].map(s => getComputedStyle(r.querySelector(s)).color)"
        )
        assert colours[0] == "rgb(31, 35, 40)" and colours[1] == "rgb(164, 14, 38)"  # only the state is red
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert csp is not None and "default-src 'none'" in csp
        text = page.locator("main").inner_text()
        assert re.search(r"\d{1,2} декабря|\d{1,2} марта", text) and "MSK" not in text
        for stage_id in ("first_notice", "update", "resolution", "follow_up"):  # item ids may contain them
            assert not re.search(rf"\b{stage_id}\b", text), stage_id
        assert "Руководитель клиентского опыта" in text and "cx_lead" not in text
        assert requests == [report_file.as_uri()]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"checklist-report-{width}.png"), full_page=True)
    finally:
        context.close()
