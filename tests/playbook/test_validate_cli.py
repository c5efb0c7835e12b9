"""`crisisplay validate`, `schema` and `rules` through click's CliRunner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from crisisplay.cli.main import cli

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "playbooks"


def test_clean_fixture_exit_0(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def _broken(good_playbook: dict[str, Any], write_yaml: Callable[..., Path]) -> Path:
    good_playbook["stages"]["update"]["every"] = "9h"
    good_playbook["servces"] = {}
    return write_yaml(good_playbook)


def test_findings_exit_1_with_locations(
    runner: CliRunner, good_playbook: dict[str, Any], write_yaml: Callable[..., Path]
) -> None:
    path = _broken(good_playbook, write_yaml)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert (
        first.startswith(f"{path}:")
        and "error [CP002]" in first
        and "did you mean 'services'" in first
    )


def test_fail_on_threshold(
    runner: CliRunner, good_playbook: dict[str, Any], write_yaml: Callable[..., Path]
) -> None:
    del good_playbook["facts"]["incident"]["example"]  # CP112 is a warning
    path = write_yaml(good_playbook)
    assert runner.invoke(cli, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--fail-on", "warning", str(path)]).exit_code == 1


def test_json_and_sarif_and_github(
    runner: CliRunner, good_playbook: dict[str, Any], write_yaml: Callable[..., Path]
) -> None:
    path = _broken(good_playbook, write_yaml)
    data = json.loads(runner.invoke(cli, ["validate", "--format", "json", str(path)]).output)
    assert {d["rule"] for d in data["diagnostics"]} >= {"CP002"}
    assert data["files"] == [str(path)]
    sarif = json.loads(runner.invoke(cli, ["validate", "--format", "sarif", str(path)]).output)
    assert sarif["version"] == "2.1.0"
    assert any(r["id"] == "CP131" for r in sarif["runs"][0]["tool"]["driver"]["rules"])
    github = runner.invoke(cli, ["validate", "--format", "github", str(path)]).output
    assert github.startswith("::error file=")


def test_stdin(
    runner: CliRunner, good_playbook: dict[str, Any], write_yaml: Callable[..., Path]
) -> None:
    text = write_yaml(good_playbook).read_text()
    result = runner.invoke(cli, ["validate", "-"], input=text)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["validate", "-"], input="id: a\nid: b\n")
    assert (
        result.exit_code == 1
        and "<stdin>:2:1" in result.output
        and "duplicate key" in result.output
    )


def test_unreadable_input_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_syntax_error_is_a_finding(runner: CliRunner, write_yaml: Callable[..., Path]) -> None:
    path = write_yaml("id: x\ntitle: [unclosed\n")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and "[CP001]" in result.output and "Traceback" not in result.output


def test_directory_recursion_skips_hidden(
    runner: CliRunner, tmp_path: Path, good_playbook: dict[str, Any]
) -> None:
    import yaml

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "b" / "p.yml").write_text(yaml.safe_dump(good_playbook))
    (tmp_path / ".hidden" / "bad.yaml").write_text("id: [\n")
    (tmp_path / "notes.txt").write_text("not yaml")
    data = json.loads(runner.invoke(cli, ["validate", "--format", "json", str(tmp_path)]).output)
    assert data["files"] == [str(tmp_path / "a" / "b" / "p.yml")]


def test_schema_command_prints_valid_schema(runner: CliRunner) -> None:
    from jsonschema import Draft202012Validator

    result = runner.invoke(cli, ["schema"])
    schema = json.loads(result.output)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_rules_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules"])
    assert result.exit_code == 0
    assert "CP131" in result.output and "CP002" in result.output
    doc = runner.invoke(cli, ["rules", "--doc", "cp131"])
    assert "proactivity" in doc.output
    assert runner.invoke(cli, ["rules", "--doc", "CP9999"]).exit_code == 2


def test_help_has_examples_everywhere(runner: CliRunner) -> None:
    from crisisplay.cli.main import COMMANDS, LazyGroup

    group = cli
    assert isinstance(group, LazyGroup)
    for name in group.list_commands(None):  # type: ignore[arg-type]
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Example" in result.output, name
    assert set(group.list_commands(None)) <= set(COMMANDS)  # type: ignore[arg-type]


def test_version(runner: CliRunner) -> None:
    from crisisplay import __version__

    assert __version__ in runner.invoke(cli, ["--version"]).output
