"""Issue 12: lint reads the claims of rendered (and hand-written) messages back and checks them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.playbook.bundled import bundled_names
from crisisplay.tone.api import MessageText, lint_messages
from crisisplay.tone.claims import ServiceTruth, Truth, check_claims, find_service_claims, find_time_claims

ROOT = Path(__file__).resolve().parents[2]
IT_RU = ROOT / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml"
MSK = ZoneInfo("Europe/Moscow")
RU = (
    ServiceTruth("connection", "связь и домашний интернет", "unavailable"),
    ServiceTruth("payments", "оплата связи", "degraded"),
    ServiceTruth("app", "приложение и личный кабинет", "available"),
    ServiceTruth("login", "вход в личный кабинет", "degraded", (("degraded", "работает с дополнительной проверкой"),)),
)
EN = (
    ServiceTruth("payments", "paying your bill", "unavailable"),
    ServiceTruth("app", "the app and My Account", "available"),
)


def _said(text: str, lang: str = "ru", services: tuple[ServiceTruth, ...] = RU) -> list[tuple[str, object]]:
    return [(c.subject, c.value) for c in find_service_claims(text, lang, services)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Что работает:\n— связь и домашний интернет: работают как обычно.\n— оплата связи: временно недоступна.",
     [("connection", "available"), ("payments", "unavailable")]),
    ("Связь и домашний интернет временно недоступны. Оплата связи работает с перебоями.",
     [("connection", "unavailable"), ("payments", "degraded")]),
    ("Здравствуйте. Связь работает как обычно.", [("connection", "available")]),  # a part of a coordinated name
    ("Домашний интернет не работает.", [("connection", "unavailable")]),
    ("Снова работают: оплата связи, приложение и личный кабинет. Пока не всё: связь и домашний интернет "
     "временно недоступны.", [("payments", "available"), ("app", "available"), ("connection", "unavailable")]),
    ("Все наши услуги работают как обычно.",
     [("connection", "available"), ("payments", "available"), ("app", "available"), ("login", "available")]),
    ("— вход в личный кабинет: работает с дополнительной проверкой.", [("login", "degraded")]),
    ("| оплата связи | временно недоступна |", [("payments", "unavailable")]),
    ("Работают не как обычно: оплата связи, связь и домашний интернет.",
     [("payments", "affected"), ("connection", "affected")]),
    ("Оплату связи можно внести в банке.", []),  # no status stated
    ("Связь не работает? Звоните 8 800 555-35-35.", []),  # a question states nothing
])
def test_service_claims_in_every_form_the_renderer_writes(text: str, expected: list[tuple[str, object]]) -> None:
    assert _said(text) == expected


def test_english_forms() -> None:
    text = "- Paying your bill: temporarily unavailable.\nThe app and My Account: working as usual."
    assert _said(text, "en", EN) == [("payments", "unavailable"), ("app", "available")]
    assert _said("Working again: the app and My Account. Not everything yet: paying your bill (temporarily "
                 "unavailable).", "en", EN) == [("app", "available"), ("payments", "unavailable")]


def test_contradictions_with_the_facts() -> None:
    truth = Truth("ru", RU)
    found = check_claims("Связь работает как обычно. Оплата связи работает с перебоями.", truth)
    assert [(c.claim.subject, c.expected, c.rule) for c in found] == [("connection", "unavailable", "CP327")]
    # the user's own words (a fact's text) are theirs, not a template's claim
    own = Truth("ru", RU, fact_texts=("Связь работает как обычно.",))
    assert check_claims("Связь работает как обычно.", own) == []


def test_times_must_be_the_facts_own() -> None:
    start = datetime(2026, 3, 15, 10, 40, tzinfo=MSK)
    truth = Truth("ru", (), moments=(start, start + timedelta(hours=2, minutes=20)))
    assert check_claims("Следующее сообщение — 15 марта в 13:00 МСК.", truth) == []
    wrong = check_claims("Следующее сообщение — 15 марта в 14:00 МСК.", truth)
    assert [c.rule for c in wrong] == ["CP328"]
    assert [c.rule for c in check_claims("Сбой длился 3 часа.", truth)] == ["CP328"]
    assert check_claims("Сбой длился 2 часа 20 минут.", truth) == []
    assert check_claims("Ответ придёт в течение двух рабочих дней.", truth) == []  # policy, not the incident


def test_adjacent_duration_parts_are_one_duration() -> None:
    claims = find_time_claims("Сбой длился 4 часа 40 минут.", "ru")
    assert [(c.subject, c.value) for c in claims] == [("duration", 280)]


def test_lint_compares_channels_status_lists_without_facts() -> None:
    """CP321 reads the tool's own list format («— name: status») when a playbook names the services."""
    from crisisplay.playbook.build import load_playbook

    playbook = load_playbook(IT_RU)
    found = lint_messages([
        MessageText("email", "— оплата связи: временно недоступна.", "email.txt"),
        MessageText("telegram", "— оплата связи: работает как обычно.", "telegram.txt"),
    ], locale="ru", stage_kind="update", playbook=playbook)
    assert [d.rule for d in found if d.rule == "CP321"] == ["CP321", "CP321"]


def test_lint_on_an_outbox_checks_claims_against_the_bundle(tmp_path: Path) -> None:
    """The bug of issue 12: a voice text claiming «Связь работает как обычно» while the facts say it does not."""
    out = tmp_path / "outbox"
    runner = CliRunner()
    rendered = runner.invoke(cli, ["render", str(IT_RU), "--at", "2026-03-15T11:00", "--example", "--out", str(out),
                                   "--set", "services.connection=unavailable", "--fail-on", "never"])
    assert rendered.exit_code == 0, rendered.output
    bundle = json.loads((out / "bundle.json").read_text("utf-8"))
    assert {"id": "connection", "name": "связь и домашний интернет", "status": "unavailable"} in bundle["services"]
    clean = runner.invoke(cli, ["lint", str(out)])
    assert "CP327" not in clean.output, clean.output
    (out / "voice_by_hand.txt").write_text("Здравствуйте, это компания «Пример». Связь работает как обычно.",
                                           encoding="utf-8")
    dirty = runner.invoke(cli, ["lint", str(out)])
    assert dirty.exit_code == 1 and "CP327" in dirty.output and "voice_by_hand" in dirty.output


def test_an_outbox_rendered_on_another_day_lints_clean(tmp_path: Path) -> None:
    """The status page's «Обновлено: 6 декабря в 14:41» is the render's moment, kept in the bundle:
    an outbox rendered on any day (not only within the facts' times) reads back without CP328."""
    out = tmp_path / "outbox"
    runner = CliRunner()
    rendered = runner.invoke(cli, ["render", str(IT_RU), "--at", "2026-12-06T14:41", "--example", "--out", str(out),
                                   "--fail-on", "never"])
    assert rendered.exit_code == 0, rendered.output
    assert "6 декабря в 14:41" in (out / "status_page.md").read_text("utf-8")
    linted = runner.invoke(cli, ["lint", str(out)])
    assert "CP328" not in linted.output, linted.output
    assert linted.exit_code == 0, linted.output
    # a time that is neither a fact nor the render's moment is still a claim to check
    page = out / "status_page.md"
    page.write_text(page.read_text("utf-8").replace("Следующее обновление — 15 марта в 13:00",
                                                    "Всё заработает 15 марта в 16:45"), encoding="utf-8")
    assert "CP328" in runner.invoke(cli, ["lint", str(out)]).output


def test_render_lint_reads_its_own_messages_back() -> None:
    result = CliRunner().invoke(cli, [
        "render", str(IT_RU), "--at", "2026-03-15T11:00", "--example", "--lint", "--format", "json",
        "--set", "services.connection=unavailable", "--set", "services.payments=available",
    ])
    data = json.loads(result.output)
    assert not [d for d in data["diagnostics"] if d["rule"] in ("CP327", "CP328")]


@pytest.mark.parametrize("name", [n for n in bundled_names() if not n.startswith("base.")])  # bases: extended, not sent
def test_every_bundled_outbox_reads_back_without_warnings(tmp_path: Path, name: str) -> None:
    """Render then lint, as a CX lead does on the day of a crisis (not on the examples' day): the
    tool's own messages raise no warning or error about themselves."""
    out = tmp_path / "outbox"
    runner = CliRunner()
    rendered = runner.invoke(cli, ["render", f"bundled:{name}", "--example", "--at", "2026-11-02T09:05",
                                   "--out", str(out), "--fail-on", "never"])
    assert rendered.exit_code == 0, rendered.output
    linted = runner.invoke(cli, ["lint", str(out), "--format", "json", "--fail-on", "warning"])
    serious = [(d["rule"], d["message"]) for d in json.loads(linted.output)["diagnostics"]
               if d["severity"] in ("error", "warning")]
    assert serious == [] and linted.exit_code == 0
