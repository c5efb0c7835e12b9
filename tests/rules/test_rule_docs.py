"""docs/rules.md is the registry's reference, and ``crisisplay rules`` shows every rule in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.rulebook.document import reference

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(("name", "lang"), [("rules.md", "en"), ("rules.ru.md", "ru")])
def test_the_committed_reference_is_up_to_date(name: str, lang: str) -> None:
    flag = "" if lang == "en" else f" --lang {lang}"
    assert (DOCS / name).read_text(encoding="utf-8") == reference(lang), (
        f"docs/{name} is out of date: run `crisisplay rules --format md{flag} > docs/{name}`"
    )


def test_doc_shows_the_rule_with_its_examples_in_the_language_asked_for() -> None:
    runner = CliRunner()
    russian = runner.invoke(cli, ["rules", "--doc", "CP311", "--lang", "ru"])
    assert russian.exit_code == 0, russian.output
    out = russian.output
    assert out.startswith("CP311 service-status")
    assert "В сообщении не сказано, что работает, а что нет." in out
    assert "контакт-центр" in out  # the rationale
    assert "Нарушает:" in out and "Не нарушает:" in out
    assert "Утром у нас отказал сервер" in out and "Card payments" not in out  # the Russian examples only
    english = runner.invoke(cli, ["rules", "--doc", "cp131"])
    assert english.exit_code == 0
    assert "Fails:" in english.output and "first_notice: {due: 45m}" in english.output


def test_an_unknown_rule_is_a_usage_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(cli, ["rules", "--doc", "CP1311"])
    assert result.exit_code == 2
    assert "unknown rule 'CP1311'; did you mean" in result.output and "'CP131'" in result.output
    other = CliRunner().invoke(cli, ["rules", "--doc", "ru.alarn", "--lang", "ru"])
    assert other.exit_code == 2 and "did you mean 'ru.alarm'" in other.output


def test_json_lists_every_rule_with_its_examples() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json", "--lang", "ru"])
    data = json.loads(result.output)
    by_id = {rule["id"]: rule for rule in data}
    assert {"CP001", "CP213", "CP304", "ru.alarm"} <= by_id.keys()
    assert by_id["CP213"]["tool"] == "render" and by_id["CP213"]["fail"] and by_id["CP213"]["pass"]
    assert by_id["CP304"]["summary"] == "В одном тексте и «Вы», и «вы»."
