"""What a new user types first: a mistyped command, a playbook path from another folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli


@pytest.mark.parametrize(("typed", "suggested"), [
    ("rendr", "(Did you mean 'render'?)"),
    ("Lint", "(Did you mean 'lint'?)"),
    ("prevew", "(Did you mean 'preview'?)"),
])
def test_a_mistyped_command_is_suggested(typed: str, suggested: str) -> None:
    result = CliRunner().invoke(cli, [typed])
    assert result.exit_code == 2
    assert f"No such command '{typed}'. {suggested}" in result.output


def test_an_unrelated_word_gets_no_suggestion() -> None:
    result = CliRunner().invoke(cli, ["zzz"])
    assert result.exit_code == 2 and "No such command 'zzz'." in result.output
    assert "Did you mean" not in result.output


@pytest.mark.parametrize("command", [["render"], ["preview"], ["checklist", "start"]])
def test_a_missing_playbook_is_no_such_file_with_the_bundled_name(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # «another directory»: the repository's playbooks/ is not here
    monkeypatch.setenv("CRISISPLAY_DB", str(tmp_path / "runs.sqlite3"))
    result = CliRunner().invoke(cli, [*command, "playbooks/it-outage/it-outage.ru.yaml"])
    assert result.exit_code == 2, result.output
    assert "playbooks/it-outage/it-outage.ru.yaml: no such file" in result.output
    assert "bundled:it-outage.ru" in result.output
    assert "error(s)" not in result.output and "crisisplay validate" not in result.output


def test_a_missing_scenario_lists_its_bundled_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "it-outage.yaml"])
    assert result.exit_code == 2
    assert "no such file (bundled versions: bundled:it-outage.en, bundled:it-outage.ru)" in result.output
    unknown = CliRunner().invoke(cli, ["render", "nothing.yaml"])
    assert unknown.exit_code == 2 and unknown.output.strip() == "error: nothing.yaml: no such file"


def test_a_folder_is_not_a_playbook(tmp_path: Path) -> None:
    (tmp_path / "a.ru.yaml").write_text("x: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory; name one playbook file (a.ru.yaml)" in result.output
