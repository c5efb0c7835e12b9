"""The browser tests' own rule: skipped on a developer's machine, a failure under CI."""

from __future__ import annotations

import pytest

from tests import browser_support


@pytest.mark.parametrize(("value", "expected"), [
    ("", False), ("0", False), ("false", False), ("no", False), ("true", True), ("1", True), ("yes", True),
])
def test_ci_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("CI", value)
    assert browser_support.in_ci() is expected


def test_a_missing_browser_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        browser_support.unavailable("Chromium is not installed")


def test_a_missing_browser_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run, not skip"):
        browser_support.unavailable("Chromium is not installed")


def test_launch_without_chromium_follows_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser_support, "chromium_path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        browser_support.launch_chromium(object())


def test_chromium_is_launched_headless_offline_and_never_downloaded() -> None:
    args = browser_support.CHROMIUM_ARGS
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        assert flag in args
    launched: dict[str, object] = {}

    class Chromium:
        def launch(self, **options: object) -> str:
            launched.update(options)
            return "browser"

    class Playwright:
        chromium = Chromium()

    if browser_support.chromium_path() is None:
        pytest.skip("no Chromium on this machine")  # the CI rule above covers that case
    assert browser_support.launch_chromium(Playwright()) == "browser"
    assert launched["executable_path"] == browser_support.chromium_path() and launched["args"] == args
