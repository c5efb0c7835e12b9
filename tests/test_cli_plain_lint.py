"""``crisisplay lint PATHS`` with no option runs without click (crisisplay.cli.main.main): the
same output, errors and exit codes as the click command with its defaults spelt out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crisisplay.cli.main import _plain_lint


def _run(args: list[str], cwd: Path, **env: str) -> tuple[str, str, int]:
    done = subprocess.run([sys.executable, "-m", "crisisplay", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "CRISISPLAY_CACHE_DIR": str(cwd / "cache"), **env}, timeout=120)
    return done.stdout, done.stderr, done.returncode


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plain")
    (folder / "sms.txt").write_text("ПАНИКА!!! Всё пропало. Мы не знаем, что делать.\n", encoding="utf-8")
    (folder / "ansi.txt").write_text("Hello \x1b[31mRED\x1b[0m PANIC!!! Everything is lost!!!\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe bad")
    (folder / "notice.eml").write_bytes(
        "Subject: Сбой оплаты\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        "ПАНИКА!!! Платежи не проходят.\n".encode()
    )
    (folder / "empty").mkdir()
    return folder


@pytest.mark.parametrize("paths", [["sms.txt"], ["ansi.txt"], ["bad.txt"], ["missing.txt"], ["empty"],
                                   ["sms.txt", "notice.eml"]])
@pytest.mark.parametrize("encoding", ["", "ascii"])
def test_a_plain_lint_answers_as_the_click_command(inputs: Path, paths: list[str], encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding} if encoding else {}
    plain = _run(["lint", *paths], inputs, **env)
    spelt_out = _run(["lint", "--fail-on", "error", "--format", "text", *paths], inputs, **env)
    assert plain == spelt_out


def test_a_plain_lint_imports_no_click_and_pauses_the_collector(inputs: Path) -> None:
    code = ("import sys\nfrom crisisplay.cli.main import main\n"
            "try:\n    main(['lint', 'sms.txt'])\nexcept SystemExit as exc:\n"
            "    import gc\n"
            "    print(exc.code, 'click' in sys.modules, gc.isenabled(), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=inputs, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "CRISISPLAY_CACHE_DIR": "off"})
    assert "[CP" in done.stdout
    assert done.stderr.strip().endswith("0 False False")  # nor the cyclic collector (lint_run.run_plain)


def test_only_plain_paths_skip_click(tmp_path: Path) -> None:
    assert _plain_lint(["lint", str(tmp_path), "x.txt"])
    assert not _plain_lint(["lint"])  # stdin: click's usage message on a terminal
    assert not _plain_lint(["lint", "-"])
    assert not _plain_lint(["lint", "x.txt", "--format", "json"])
    assert not _plain_lint(["render", "x.yaml"])
    assert not _plain_lint(["lint", "a\x00b"])  # click's own error


def test_the_plain_defaults_are_the_commands_own() -> None:
    """A default changed on the click command must change the plain run too."""
    from crisisplay.cli.lint import lint
    from crisisplay.cli.lint_run import PLAIN_DEFAULTS

    with lint.make_context("lint", ["sms.txt"]) as context:  # parsed as click parses it, defaults filled
        own = {name: value for name, value in context.params.items() if name != "paths"}
    assert own == PLAIN_DEFAULTS
