"""``crisisplay render`` end to end through click's runner."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers_render import RENDER_DATA

from crisisplay.cli.main import cli

BANK_RU = str(RENDER_DATA / "bank.ru.yaml")
BANK_EN = str(RENDER_DATA / "bank.en.yaml")
ROOT = Path(__file__).resolve().parents[2]
OUTAGE = str(ROOT / "tests" / "data" / "playbooks" / "outage.ru.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["render", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_renders_the_examples_out_of_the_box() -> None:
    code, out, _err = run(OUTAGE, "--at", "2026-03-15T10:00")
    assert code == 0
    assert "── sms · 2/3 segment(s) UCS-2 (67/part) · 117 characters ──" in out
    assert "EXAMPLE — not for sending" in out
    assert "Следующее сообщение — 15 марта в 14:00 МСК" in out
    assert "Subject: Банк «Пример»: не открывается мобильное приложение" in out


def test_out_writes_native_files_and_bundle(tmp_path: Path) -> None:
    code, out, _ = run(BANK_RU, "--out", str(tmp_path / "outbox"), "--at", "10:00", "--example")
    assert code == 0 and "wrote" in out
    outbox = tmp_path / "outbox"
    names = sorted(p.name for p in outbox.iterdir())
    assert names == sorted(["bundle.json", "sms.txt", "push.json", "email.eml", "telegram.json", "whatsapp.json",
                            "vk.txt", "x.txt", "website_banner.html", "status_page.md", "contact_center.md",
                            "voice.ssml"])
    bundle = json.loads((outbox / "bundle.json").read_text("utf-8"))
    assert bundle["crisisplay_bundle"] == 1
    assert bundle["playbook"] == {"id": "render-bank", "title": "Сбой мобильного приложения", "locale": "ru",
                                  "path": BANK_RU}
    assert bundle["stage"] == {"id": "first_notice", "kind": "first_notice"}
    assert bundle["facts"]["next_update_at"].startswith("2026-03-15T14:00:00+03:00")
    sms = next(m for m in bundle["messages"] if m["channel"] == "sms")
    assert set(sms) == {"channel", "stage", "locale", "parts", "text", "file", "figures", "limits", "ok"}
    assert bundle["example_facts"] and "next_update_at" in bundle["example_facts"]
    assert {s["id"] for s in bundle["services"]} >= {"payments"}
    assert sms["figures"]["encoding"] == "UCS-2" and sms["limits"]["max_segments"] == 4 and sms["ok"] is True
    assert (outbox / "sms.txt").read_text("utf-8") == sms["text"] + "\n"
    parsed = message_from_bytes((outbox / "email.eml").read_bytes(), policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert not list(outbox.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_json_and_markdown_formats() -> None:
    code, out, _ = run(BANK_EN, "--format", "json", "--channel", "sms,x", "--at", "2026-03-15T10:00")
    assert code == 0
    data = json.loads(out)
    assert [m["channel"] for m in data["messages"]] == ["sms", "x"]
    assert data["messages"][1]["figures"]["weighted_length"] < 280
    code, out, _ = run(BANK_EN, "--format", "md", "-c", "sms", "--at", "2026-03-15T10:00")
    assert code == 0 and out.startswith("# Mobile app outage: first_notice") and "## SMS (`sms`)" in out


def test_bad_facts_exit_2_with_every_problem(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("incident: x\nnext_update_at: soon\nhotline: '1'\n", encoding="utf-8")
    code, out, err = run(BANK_RU, "--facts", str(facts))
    assert code == 2 and out == ""
    assert f"{facts}:2:17" in err and f"{facts}:3:10" in err and "nothing was rendered" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stage", "nope"], "no stage 'nope'"),
        (["--channel", "fax"], "no template for channel(s) fax"),
        (["--at", "someday"], "Invalid value for '--at': cannot read time 'someday'"),
        (["--set", "oops"], "--set expects key=value"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, _out, err = run(BANK_RU, *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_out_and_format_are_exclusive(tmp_path: Path) -> None:
    code, _out, err = run(BANK_RU, "--out", str(tmp_path), "--format", "json")
    assert code == 2 and "either --out" in err


def test_stage_by_kind_and_set_values() -> None:
    code, out, _ = run(BANK_EN, "--stage", "resolution", "-c", "sms", "--at", "2026-03-15T10:00")
    assert code == 0 and "the app works again" in out
    code, out, _ = run(BANK_EN, "-c", "sms", "--example", "--set", "next_update_at=16:30", "--at", "2026-03-15T10:00")
    assert code == 0 and "4:30 PM" in out


def test_locale_switches_to_the_sibling_playbook() -> None:
    code, out, _ = run(BANK_RU, "--locale", "en", "-c", "sms", "--at", "2026-03-15T10:00")
    assert code == 0 and "Mobile app outage (render-bank-en)" in out


def test_strict_turns_gaps_into_failures(tmp_path: Path) -> None:
    code, _out, err = run(BANK_RU, "--strict", "--at", "10:00")
    assert code == 0, err  # the fixture carries every mandatory fact
    code, _out, err = run(OUTAGE, "--stage", "update", "--strict", "--fail-on", "warning")
    assert code in (0, 1) and "Traceback" not in err


def test_lint_runs_the_tone_checker() -> None:
    pytest.importorskip("crisisplay.tone.api")
    code, out, _err = run(BANK_RU, "--lint", "--format", "json", "--fail-on", "never", "--at", "10:00")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["diagnostics"], list)
    assert all(d["rule"].startswith("CP") or d.get("source") for d in data["diagnostics"])
