"""The README's quick start and the CX lead's worked example really work."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisplay.cli.common import use_color
from crisisplay.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_main_job_command_runs() -> None:
    line = next(
        line for line in README.splitlines() if line.startswith('pip install -e ".[test]" && crisisplay render')
    )
    args = shlex.split(line.split("&&", 1)[1])[1:]
    assert (ROOT / args[1]).is_file()
    result = CliRunner().invoke(cli, [args[0], str(ROOT / args[1])])
    assert result.exit_code == 0, result.output
    assert "sms" in result.output and "UCS-2" in result.output


def test_ci_runs_exactly_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = next(line for line in README.splitlines() if line.startswith("pip install -e"))
    assert install in ci
    assert re.search(r"^pytest$", ci, re.M) and re.search(r"^pytest$", README, re.M)


def test_cx_lead_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = README.split("cat > facts.yaml <<'YAML'\n", 1)[1].split("\nYAML\n", 1)[0]
    (tmp_path / "facts.yaml").write_text(facts + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "playbooks").symlink_to(ROOT / "playbooks")
    commands = [
        line
        for line in README.splitlines()
        if line.startswith("crisisplay render playbooks/it-outage/it-outage.ru.yaml --facts")
    ]
    assert len(commands) == 2
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
    assert (tmp_path / "outbox" / "bundle.json").is_file()
    assert (tmp_path / "outbox" / "email.eml").is_file()


def test_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Tty()) is False
