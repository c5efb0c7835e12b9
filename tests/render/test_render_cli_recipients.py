"""`crisisplay render --recipients` hands over to mass rendering through the same command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from crisisplay.cli.main import cli

PLAYBOOK = Path(__file__).resolve().parents[2] / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml"


def test_render_with_recipients_writes_gateway_files(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text(
        "id,name,locale,channels,phone,email\n"
        "1,Анна,ru,sms,+7 916 123-45-67,\n"
        "2,John,en,email,,john@example.com\n"
        "3,Без адреса,ru,sms,12,\n",
        encoding="utf-8",
    )
    out = tmp_path / "outbox"
    result = CliRunner().invoke(
        cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--out", str(out), "--at", "2026-03-15T11:00",
             "--example"]
    )
    assert result.exit_code == 0, result.output
    sms = [json.loads(line) for line in (out / "sms.jsonl").read_text("utf-8").splitlines()]
    assert [row["id"] for row in sms] == ["1"] and sms[0]["address"] == "+79161234567"
    assert sms[0]["encoding"] == "UCS-2"
    email = [json.loads(line) for line in (out / "email.jsonl").read_text("utf-8").splitlines()]
    assert [row["id"] for row in email] == ["2"]
    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text("utf-8").splitlines()]
    assert [(row["id"], row["reason"]) for row in rejected] == [("3", "no_valid_address")]


def test_recipients_without_out_is_a_usage_error(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,phone\n1,+79161234567\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--example"])
    assert result.exit_code == 2 and "--out" in result.output


def test_options_that_batch_cannot_honour_are_refused(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,phone\n1,+79161234567\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--out", str(tmp_path / "o"), "--lint"]
    )
    assert result.exit_code == 2 and "--lint" in result.output


def test_bundled_email_greets_by_name_and_plainly_without_one(tmp_path: Path) -> None:
    """The shared greeting partial: a name when the row has one, never a rejection without."""
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,name,channels,email\n1,Анна,почта,anna@example.com\n2,,email,boris@example.com\n",
                          encoding="utf-8")
    out = tmp_path / "outbox"
    result = CliRunner().invoke(
        cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--out", str(out), "--at", "2026-03-15T11:00",
             "--example"]
    )
    assert result.exit_code == 0, result.output
    email = {row["id"]: row["text"] for row in map(json.loads, (out / "email.jsonl").read_text("utf-8").splitlines())}
    assert email["1"].startswith("Здравствуйте, Анна.\n")
    assert email["2"].startswith("Здравствуйте.\n")
    assert not (out / "rejected.jsonl").exists() or not (out / "rejected.jsonl").read_text("utf-8").strip()


def test_a_mass_send_never_goes_out_with_example_facts(tmp_path: Path) -> None:
    """Issue 12: without --facts/--set the examples would reach every recipient: refused (exit 2)."""
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,phone\n1,+79161234567\n", encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--out", str(out)])
    assert result.exit_code == 2
    assert "needs your facts" in result.output and "--example" in result.output
    assert not out.exists()


def test_a_mass_send_with_some_facts_does_not_fill_the_rest_from_examples(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,phone\n1,+79161234567\n", encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(
        cli, ["render", str(PLAYBOOK), "--recipients", str(recipients), "--out", str(out),
              "--set", "next_update_at=2026-03-15T14:00", "--at", "2026-03-15T11:00"])
    # the required incident is missing and is not taken from the example
    assert result.exit_code == 2, result.output
    assert "incident" in result.output
