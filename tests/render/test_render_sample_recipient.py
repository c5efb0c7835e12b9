"""`render --recipient`: preview a personalised template for one sample person.

The sample must see exactly what a mass render shows the same row, so the last test
renders one person both ways and compares the texts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli

PERSONAL = (
    "Hello {{ recipient.name }} ({{ recipient.account }}, {{ recipient.address }}). "
    "{% for s in recipient.services %}{{ s.name }}: {{ s.status_label }}. {% endfor %}"
    "{{ incident }}. Call {{ hotline }}."
)
AT = "2026-03-15T11:00"
PERSON = {"id": "7", "name": "Anna", "channels": "sms", "phone": "07911 123456", "services": "payments",
          "account": "A-1"}


@pytest.fixture
def personal(good_playbook: dict[str, Any], write_yaml: Callable[..., Path]) -> Path:
    good_playbook["stages"]["first_notice"]["templates"]["sms"] = PERSONAL
    return write_yaml(good_playbook)


def _sms(runner: CliRunner, playbook: Path, *options: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["render", str(playbook), "-c", "sms", "--at", AT, "--format", "json", *options])
    if result.exit_code == 2:
        return result.exit_code, "", result.output
    data = json.loads(result.stdout)
    message = data["messages"][0]
    return result.exit_code, message["text"], json.dumps(data["diagnostics"], ensure_ascii=False)


def _recipient_options(person: dict[str, str]) -> list[str]:
    return [option for key, value in person.items() for option in ("--recipient", f"{key}={value}")]


def test_without_a_sample_the_error_says_where_recipient_comes_from(runner: CliRunner, personal: Path) -> None:
    code, _, findings = _sms(runner, personal)
    assert code == 1
    assert "exists only when rendering per recipient" in findings and "--recipient name=Anna" in findings
    assert "declares no such fact" not in findings


def test_sample_fills_fields_address_and_service_views(runner: CliRunner, personal: Path) -> None:
    code, text, findings = _sms(runner, personal, *_recipient_options(PERSON))
    assert code == 0, findings
    assert text.startswith("Hello Anna (A-1, +447911123456). Payments: working with interruptions. ")


def test_a_missing_field_names_the_option_to_add(runner: CliRunner, personal: Path) -> None:
    code, _, findings = _sms(runner, personal, "--recipient", "name=Anna")
    assert code == 1
    assert "the sample recipient has no field 'account'" in findings and "--recipient account=" in findings


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("services=nope", "'nope' not in playbook 'good'"),
        ("name", "--recipient expects field=value"),
        ("=Anna", "--recipient expects field=value"),
        ("phone=12", "--recipient phone: phone number '12' is not valid"),
    ],
)
def test_bad_samples_are_input_errors(runner: CliRunner, personal: Path, option: str, message: str) -> None:
    code, _, output = _sms(runner, personal, "--recipient", option)
    assert code == 2 and message in output and "Traceback" not in output


def test_sample_and_mass_render_cannot_be_combined(runner: CliRunner, personal: Path, tmp_path: Path) -> None:
    rows = tmp_path / "r.csv"
    rows.write_text("id,phone\n1,+447911123456\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        ["render", str(personal), "--recipients", str(rows), "--out", str(tmp_path / "o"), "--recipient", "name=A"],
    )
    assert result.exit_code == 2 and "--recipient" in result.output


def test_sample_matches_what_the_mass_render_sends(runner: CliRunner, personal: Path, tmp_path: Path) -> None:
    rows = tmp_path / "r.csv"
    rows.write_text(",".join(PERSON) + "\n" + ",".join(PERSON.values()) + "\n", encoding="utf-8")
    out = tmp_path / "outbox"
    batch = runner.invoke(cli, ["render", str(personal), "--recipients", str(rows), "--out", str(out), "--at", AT,
                                "--example"])
    assert batch.exit_code == 0, batch.output
    sent = [json.loads(line) for line in (out / "sms.jsonl").read_text("utf-8").splitlines()]
    _, sample_text, _ = _sms(runner, personal, *_recipient_options(PERSON))
    assert [row["text"] for row in sent] == [sample_text]
