"""`crisisplay lint` through CliRunner: every output format, exit codes, stdin, --fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "playbooks"
BAD = "ВНИМАНИЕ!!! Из-за сбоя у партнёра не работают платежи. Будем держать вас в курсе.\n"
GOOD = (
    "Из-за сбоя на сервере с 10:00 не работают переводы в приложении, карты работают. Извините.\n"
    "Следующее сообщение в 14:00. Телефон 8 800 100-20-30.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "sms.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "email.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_codes(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files / "sms.txt"), "--stage", "first_notice", "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    assert f"{files / 'sms.txt'}:1:1: warning [CP302]" in result.output
    assert "(shouting)" in result.output and "расплывчатое обещание" in result.output
    clean = runner.invoke(cli, ["lint", str(files / "email.txt"), "--stage", "first_notice"])
    assert clean.exit_code == 0 and clean.output == "1 сообщение проверено, замечаний нет\n"  # the text's language
    default = runner.invoke(cli, ["lint", str(files / "sms.txt"), "--stage", "first_notice"])
    assert default.exit_code == 0  # --fail-on error by default: these are warnings
    lenient = runner.invoke(cli, ["lint", str(files / "sms.txt"), "--fail-on", "never"])
    assert lenient.exit_code == 0


def test_fail_on_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("Произошёл сбой. Извините. Следующее сообщение в 12:00. Тел. 8 800 100-20-30", encoding="utf-8")
    assert runner.invoke(cli, ["lint", str(path), "--stage", "update"]).exit_code == 0
    assert runner.invoke(cli, ["lint", str(path), "--stage", "update", "--fail-on", "warning"]).exit_code == 1


def test_json_output_exposes_categories(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files), "--stage", "first_notice", "--format", "json"])
    data = json.loads(result.output)
    categories = {d["category"] for d in data["diagnostics"]}
    assert {"shouting", "blame", "missing-next-update", "inconsistency"} <= categories
    assert {m["channel"] for m in data["messages"]} == {"sms", "email"}
    blame = next(d for d in data["diagnostics"] if d["category"] == "blame")
    assert blame["location"]["line"] == 1 and blame["span"]


def test_sarif_output(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files / "sms.txt"), "--format", "sarif"])
    sarif = json.loads(result.output)
    run = sarif["runs"][0]
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {res["ruleId"] for res in run["results"]} <= rule_ids
    assert any(res["ruleId"] == "CP302" for res in run["results"])


def test_github_output(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files / "sms.txt"), "--format", "github"])
    assert any(line.startswith("::warning file=") and "CP302" in line for line in result.output.splitlines())


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lint", "-", "--lang", "en", "--stage", "internal"], input="Total disaster!!!")
    assert result.exit_code == 0 and "<stdin>:1:1" in result.output and "en.alarm" in result.output


def test_playbook_and_stage_id(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files / "email.txt"), "--playbook", str(DATA / "outage.ru.yaml"),
                                 "--stage", "update", "--format", "json"])
    assert result.exit_code == 0, result.output
    bad_stage = runner.invoke(cli, ["lint", str(files / "email.txt"), "--stage", "middle"])
    assert bad_stage.exit_code == 2 and "unknown stage 'middle'" in bad_stage.output


def test_missing_file_and_bad_pack(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(cli, ["lint", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    (tmp_path / "pack.yaml").write_text("pack: x\nlanguage: ru\nrules: [{id: x}]\n", encoding="utf-8")
    (tmp_path / "m.txt").write_text("Сбой", encoding="utf-8")
    bad = runner.invoke(cli, ["lint", str(tmp_path / "m.txt"), "--pack", str(tmp_path / "pack.yaml")])
    assert bad.exit_code == 2 and "pack.yaml:3" in bad.output and "'kind' is required" in bad.output


def test_extra_pack_and_disable(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(
        "pack: acme\nlanguage: ru\ndisable: [CP302]\nrules:\n"
        "  - {id: acme.word, kind: existence, category: alarm, message: 'нельзя {match}', tokens: [сбой]}\n",
        encoding="utf-8",
    )
    (tmp_path / "m.txt").write_text("СБОЙ", encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(tmp_path / "m.txt"), "--pack", str(tmp_path / "pack.yaml"),
                                 "--stage", "internal", "--disable", "ru.alarm"])
    assert "acme.word" in result.output and "CP302" not in result.output


def test_fix_rewrites_text_files_and_prints_the_diff(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notice.md"
    path.write_text("В настоящее время **данного** раздела нет.\n", encoding="utf-8")
    preview = runner.invoke(cli, ["lint", str(path), "--diff", "--stage", "internal"])
    assert "+Сейчас **этого** раздела нет." in preview.output
    assert path.read_text("utf-8").startswith("В настоящее время")
    fixed = runner.invoke(cli, ["lint", str(path), "--fix", "--stage", "internal"])
    assert fixed.exit_code == 0, fixed.output
    assert path.read_text("utf-8") == "Сейчас **этого** раздела нет.\n"
    assert "-В настоящее время" in fixed.output and "ru.bureaucratese" not in fixed.output


def test_fix_never_rewrites_bundles(runner: CliRunner, tmp_path: Path) -> None:
    bundle = {"crisisplay_bundle": 1, "stage": {"kind": "internal"}, "playbook": {"locale": "ru"},
              "messages": [{"channel": "sms", "text": "В настоящее время сбой"}]}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    before = path.read_text("utf-8")
    result = runner.invoke(cli, ["lint", str(path), "--fix"])
    assert path.read_text("utf-8") == before
    assert "not written" in result.output and "+Сейчас сбой" in result.output


def test_no_consistency(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(cli, ["lint", str(files), "--no-consistency", "--format", "json"])
    assert not [d for d in json.loads(result.output)["diagnostics"] if d["rule"].startswith("CP32")]


def test_rules_command_lists_tone_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules"])
    assert "CP313" in result.output and "ru.blame" in result.output
