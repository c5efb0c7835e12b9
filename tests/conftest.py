"""Shared fixtures: a known-good playbook to mutate, a temp writer, the CLI runner, the browser."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# Property tests judge answers, not speed (benchmarks/ measure that): with the suite on every
# core of a busy machine, a per-example deadline or the "too slow" health check failed tests
# whose answers were right.
settings.register_profile("crisisplay", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("crisisplay")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

GOOD_PLAYBOOK: dict[str, Any] = {
    "crisisplay": 1,
    "id": "good",
    "title": "Good playbook",
    "locale": "en",
    "timezone": "Europe/London",
    "policy": {"first_notice_within": "30m", "max_update_gap": "3h"},
    "facts": {
        "incident": {"type": "text", "required": True, "example": "the mobile app does not open"},
        "next_update_at": {"type": "datetime", "required": True, "example": "2026-03-15T14:00"},
        "hotline": {"type": "phone", "required": True, "default": "+44 20 7946 0000"},
        "cause": {"type": "text", "example": "a faulty update"},
        "resolved_at": {"type": "datetime", "not_before": ["now"], "example": "2026-03-15T16:00"},
    },
    "services": {
        "payments": {
            "name": "Payments",
            "tier": "vital",
            "status": "degraded",
            "alternative": "pay by card on the website",
        },
        "redesign": {"name": "Website redesign", "tier": "deferrable", "status": "frozen"},
    },
    "channels": {"sms": {"max_segments": 2}, "email": {}, "voice": {}},
    "mandatory_facts": ["hotline"],
    "stages": {
        "first_notice": {
            "kind": "first_notice",
            "due": "20m",
            "templates": {
                "sms": "{{ incident }}. Next update at {{ next_update_at }}. Call {{ hotline }}.",
                "email": {
                    "subject": "About {{ incident }}",
                    "body": "{{ incident }}.\nNext update: {{ next_update_at }}.\nCall {{ hotline }}.",
                },
                "voice": "{{ incident }}. Next update at {{ next_update_at }}. Call {{ hotline }}.",
            },
        },
        "update": {
            "kind": "update",
            "every": "2h",
            "templates": {
                "sms": "Update: {{ incident }}. Next at {{ next_update_at }}. {{ hotline }}"
            },
        },
        "resolved": {"kind": "resolution", "templates": {"sms": "Fixed. Thank you. {{ hotline }}"}},
    },
    "checklists": {
        "first_hour": {
            "title": "First hour",
            "items": [
                {
                    "id": "notify",
                    "text": "Send the first notice",
                    "owner": "cx_lead",
                    "due": "20m",
                    "priority": "critical",
                    "principle": "proactivity",
                },
                {
                    "id": "freeze",
                    "text": "Freeze the redesign",
                    "owner": "product",
                    "due": "1h",
                    "depends_on": ["notify"],
                    "services": ["redesign"],
                    "principle": "vital_first",
                },
            ],
        }
    },
}


@pytest.fixture
def good_playbook() -> dict[str, Any]:
    return copy.deepcopy(GOOD_PLAYBOOK)


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    def write(data: Any, name: str = "playbook.yaml") -> Path:
        path = tmp_path / name
        text = (
            data
            if isinstance(data, str)
            else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        )
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright (see tests/browser_support.py).

    Skipped without Chromium or the playwright package, except under ``CI``, where that fails.
    """
    from tests.browser_support import launch_chromium, unavailable

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        _BROWSER_RUNS["version"] = launched.version
        yield launched
        launched.close()


#: Outcomes of the browser tests, for the closing summary ("did they really run?").
_BROWSER_RUNS: dict[str, Any] = {"version": "", "outcomes": []}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Any:
    """A browser test's report carries the Chromium version: under pytest-xdist the browser
    runs in a worker, and only the reports reach the process that prints the summary."""
    report = yield
    if _BROWSER_RUNS["version"] and "browser" in item.keywords:
        report.user_properties.append(("chromium", _BROWSER_RUNS["version"]))
    return report


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "browser" in report.keywords and (report.when == "call" or report.outcome != "passed"):
        _BROWSER_RUNS["outcomes"].append(report.outcome)
    for name, value in report.user_properties:
        if name == "chromium":
            _BROWSER_RUNS["version"] = value


def pytest_terminal_summary(terminalreporter: Any) -> None:
    outcomes: list[str] = _BROWSER_RUNS["outcomes"]
    if outcomes:
        counts = ", ".join(f"{outcomes.count(o)} {o}" for o in ("passed", "failed", "skipped") if o in outcomes)
        where = f"headless Chromium {_BROWSER_RUNS['version']}" if _BROWSER_RUNS["version"] else "no browser"
        terminalreporter.write_line(f"browser tests ({where}): {counts}")


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """pyproject.toml's ``--numprocesses``/``--dist`` still parse without pytest-xdist.

    With pytest-xdist not installed, or switched off (``pytest -p no:xdist``), the two options
    are accepted and ignored: the suite runs in this one process, as ``pytest -n 0`` does.
    """
    if pluginmanager.has_plugin("xdist") or pluginmanager.has_plugin("xdist.plugin"):
        return
    ignored = "ignored: pytest-xdist is not installed or is switched off (-p no:xdist)"
    group = parser.getgroup("xdist", "pytest-xdist's options, without pytest-xdist: one process")
    group.addoption("--numprocesses", dest="numprocesses", default=None, help=ignored)
    group.addoption("--dist", dest="dist", default="no", help=ignored)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that opens the browser carries the ``browser`` mark (``-m "not browser"``)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
