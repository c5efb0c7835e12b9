"""Issue 12: messages true to the facts — optional facts, examples, time sanity, wording."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers_render import make_playbook

from crisisplay.cli.main import cli
from crisisplay.errors import DiagnosticsError
from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.rules.guards import optional_facts, unguarded_uses
from crisisplay.playbook.validate import validate_one
from crisisplay.render.agreement import agreement_form, status_phrase
from crisisplay.render.renderer import Renderer

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")
ROOT = Path(__file__).resolve().parents[2]
IT_RU = ROOT / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml"
FACTS = {"incident": "не работает приложение", "next_update_at": "2026-03-15T12:00", "hotline": "+7 800 555-35-35"}


def _rules(playbook_path: str) -> list[str]:
    return [d.rule for d in validate_one(playbook_path)]


# -- optional facts are a static property (CP160 in validate, CP251 in render) -------------

@pytest.mark.parametrize("template", [
    "{{ incident }} {{ note }} {{ hotline }} {{ next_update_at }}",
    "{{ incident }} {{ note | upper }} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% for n in note %}{{ n }}{% endfor %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }} {{ 'x' ~ note }} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% if hotline %}{{ note }}{% endif %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% if not note %}{{ note }}{% endif %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }} {{ fact('note') }} {{ hotline }} {{ next_update_at }}",
])
def test_unguarded_optional_fact_is_an_error_in_validate(tmp_path: Path, template: str) -> None:
    playbook = make_playbook(tmp_path, {"sms": template})
    assert "CP160" in _rules(playbook.path)


@pytest.mark.parametrize("template", [
    "{{ incident }}{% if note %} {{ note }}{% endif %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }} {{ note | default('') }} {{ hotline }} {{ next_update_at }}",
    "{{ incident }} {{ note if note else 'нет' }} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% for n in note %}{{ n }}{% else %}—{% endfor %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% if note is defined and hotline %}{{ note }}{% endif %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% if not note %}нет{% else %}{{ note }}{% endif %} {{ hotline }} {{ next_update_at }}",
    "{{ incident }}{% if fact('note') %}{{ fact('note') }}{% endif %} {{ hotline }} {{ next_update_at }}",
])
def test_guarded_optional_fact_passes(tmp_path: Path, template: str) -> None:
    playbook = make_playbook(tmp_path, {"sms": template})
    assert "CP160" not in _rules(playbook.path)
    result = Renderer(playbook).render(None, FACTS, at=AT)
    assert result.messages[0].ok, result.all_diagnostics()


def test_a_partial_is_followed_and_the_location_points_at_the_fact(tmp_path: Path) -> None:
    playbook = make_playbook(
        tmp_path, {"sms": "{{ incident }} {% include 'tail' %} {{ hotline }} {{ next_update_at }}"},
        partials={"tail": "Итак:\nпричина — {{ note }}."},
    )
    uses = unguarded_uses(playbook, playbook.stages["first_notice"].templates["sms"].parts["body"],
                          optional_facts(playbook))
    assert [u.fact for u in uses] == ["note"]
    line = Path(playbook.path).read_text("utf-8").splitlines()[uses[0].location.line - 1]
    assert line[uses[0].location.column - 1:].startswith("note")
    guarded = make_playbook(
        tmp_path,
        {"sms": "{{ incident }} {% if note %}{% include 'tail' %}{% endif %} {{ hotline }} {{ next_update_at }}"},
        partials={"tail": "причина — {{ note }}."},
    )
    assert "CP160" not in _rules(guarded.path)


def test_render_names_the_fact_and_the_line_and_sends_nothing_from_that_channel(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"sms": "{{ incident }}.\n{{ note }}\n{{ hotline }} {{ next_update_at }}",
                                        "email": {"subject": "{{ incident }}", "body": "{{ incident }} {{ hotline }} "
                                                  "{{ next_update_at }}"}})
    result = Renderer(playbook).render(None, FACTS, at=AT)
    sms = result.message("sms")
    assert sms is not None and not sms.ok and sms.text == ""
    found = [d for d in sms.diagnostics if d.rule == "CP251"]
    assert found and "fact 'note' has no value" in found[0].message
    lines = Path(playbook.path).read_text("utf-8").splitlines()
    assert "{{ note }}" in lines[found[0].location.line - 1]
    email = result.message("email")
    assert email is not None and email.ok


def test_no_python_exception_text_reaches_the_user(tmp_path: Path) -> None:
    """A failure static analysis cannot see (a dynamic include) still speaks the author's language."""
    playbook = make_playbook(
        tmp_path, {"sms": "{{ incident }} {% include ('ta' ~ 'il') %} {{ hotline }} {{ next_update_at }}"},
        partials={"tail": "{% for x in note %}{{ x }}{% endfor %}{{ (next_update_at - incident) }}"},
    )
    diags = Renderer(playbook).render(None, FACTS, at=AT).messages[0].diagnostics
    text = " ".join(d.message for d in diags)
    assert diags and "TypeError" not in text and "NoneType" not in text and "object" not in text


def test_stage_mandatory_fact_is_asked_for_by_name_and_meaning() -> None:
    playbook = load_playbook(IT_RU)
    with pytest.raises(DiagnosticsError) as caught:
        Renderer(playbook).render("resolution", {**_it_facts()}, at=AT)
    messages = [d.message for d in caught.value.diagnostics]
    assert messages == ["stage 'resolution' needs fact 'resolved_at' (Когда сервис снова заработал "
                        "(для сообщения о восстановлении))"]
    assert caught.value.diagnostics[0].rule == "CP250"


def _it_facts(**extra: Any) -> dict[str, Any]:
    return {
        "incident": "Не открываются приложение и личный кабинет.",
        "incident_short": "не открываются приложение и личный кабинет",
        "status_short": "Связь работает.",
        "started_at": "2026-03-15T09:40",
        "next_update_at": "2026-03-15T11:30",
        **extra,
    }


@pytest.mark.parametrize("stage", ["first_notice", "update", "resolution", "follow_up"])
def test_required_facts_alone_make_every_bundled_channel_sendable(stage: str) -> None:
    facts = _it_facts(resolved_at="2026-03-15T09:55") if stage in ("resolution", "follow_up") else _it_facts()
    result = Renderer(load_playbook(IT_RU)).render(stage, facts, at=AT)
    assert all(m.ok for m in result.messages), [d.message for d in result.all_diagnostics()]
    assert not result.is_example
    assert not any(d.rule.startswith("CP25") for d in result.all_diagnostics())


# -- examples never pass for facts (CP252) -------------------------------------------------

def test_examples_are_marked_and_warned_one_per_fact_used() -> None:
    playbook = load_playbook(IT_RU)
    result = Renderer(playbook).render("first_notice", None, at=AT)
    assert result.is_example and "cause" in result.example_facts
    assert "improvements" not in result.example_facts  # not used by the first notice
    warned = sorted(d.message.split("'")[1] for d in result.diagnostics if d.rule == "CP252")
    assert warned == sorted(result.example_facts)
    assert json.loads(json.dumps(result.to_bundle()))["example_facts"] == list(result.example_facts)


def test_render_cli_marks_examples_and_refuses_to_write_them(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["render", str(IT_RU), "--at", "2026-03-15T11:00", "--channel", "sms"])
    assert shown.exit_code == 0 and "EXAMPLE — not for sending" in shown.output
    refused = runner.invoke(cli, ["render", str(IT_RU), "--at", "2026-03-15T11:00", "--out", str(tmp_path / "o")])
    assert refused.exit_code == 2 and "--example" in refused.output and "incident" in refused.output
    assert not (tmp_path / "o").exists()
    written = runner.invoke(cli, ["render", str(IT_RU), "--at", "2026-03-15T11:00", "--out", str(tmp_path / "o"),
                                  "--example"])
    assert written.exit_code == 0, written.output
    assert json.loads((tmp_path / "o" / "bundle.json").read_text("utf-8"))["example_facts"]


def test_facts_given_means_examples_do_not_fill_gaps(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("\n".join(f"{k}: \"{v}\"" for k, v in _it_facts().items()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(IT_RU), "--facts", str(facts), "--at", "2026-03-15T10:00",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["example_facts"] == [] and data["facts"]["cause"] is None
    text = " ".join(m["text"] for m in data["messages"])
    assert "обновление системы входа" not in text and "20 марта" not in text  # the example cause and grace


# -- time sanity (CP253, CP254, CP255) -----------------------------------------------------

def test_next_update_in_the_past_is_refused() -> None:
    result = Renderer(load_playbook(IT_RU)).render("first_notice", _it_facts(next_update_at="2026-03-15T09:00"),
                                                   at=AT)
    found = [d for d in result.diagnostics if d.rule == "CP253"]
    assert found and not result.ok and "already past" in found[0].message


def test_an_end_before_its_start_is_refused() -> None:
    result = Renderer(load_playbook(IT_RU)).render(
        "resolution", _it_facts(resolved_at="2026-03-15T09:00"), at=AT)
    found = [d for d in result.diagnostics if d.rule == "CP254"]
    assert found and not result.ok and "earlier than started_at" in found[0].message


def test_a_next_update_beyond_the_cadence_is_a_warning() -> None:
    result = Renderer(load_playbook(IT_RU)).render("update", _it_facts(next_update_at="2026-03-15T15:00"), at=AT)
    found = [d for d in result.diagnostics if d.rule == "CP255"]
    assert found and result.ok and "every 2h" in found[0].message


def test_relative_times_in_facts() -> None:
    result = Renderer(load_playbook(IT_RU)).render(
        "first_notice", _it_facts(started_at="-20m", next_update_at="+2h"), at=datetime.fromisoformat(
            "2026-03-15T10:43+03:00"))
    assert result.facts["next_update_at"].strftime("%H:%M") == "12:40"
    assert result.facts["started_at"].strftime("%H:%M") == "10:20"
    assert result.ok


# -- wording ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "form", "unavailable"), [
    ("оплата связи", "femn", "временно недоступна"),
    ("приложение и личный кабинет", "plur", "временно недоступны"),
    ("связь и домашний интернет", "plur", "временно недоступны"),
    ("чат поддержки в Telegram", "masc", "временно недоступен"),
    ("начисление бонусов", "neut", "временно недоступно"),
    ("сроки доставки", "plur", "временно недоступны"),
    ("СМС-уведомления", "plur", "временно недоступны"),
    ("отделения, банкоматы и кассы", "plur", "временно недоступны"),
])
def test_status_phrases_agree_with_the_service_name(name: str, form: str, unavailable: str) -> None:
    assert agreement_form(name) == form
    assert status_phrase(name, "unavailable", "ru") == unavailable
    works = "работают как обычно" if form == "plur" else "работает как обычно"
    assert status_phrase(name, "available", "ru") == works


def test_a_playbook_may_word_a_status_its_own_way(tmp_path: Path) -> None:
    playbook = make_playbook(
        tmp_path, {"sms": "{% for s in services %}{{ s.name }}: {{ s.status_label }}. {% endfor %}{{ incident }} "
                          "{{ hotline }} {{ next_update_at }}"},
        services={"cards": {"name": "оплата картой", "tier": "vital", "status": "degraded", "alternative": "наличными",
                            "phrases": {"degraded": "только в отделениях"}}},
    )
    text = Renderer(playbook).render(None, FACTS, at=AT).messages[0].text
    assert "оплата картой: только в отделениях." in text


def test_bundled_status_lists_agree_in_russian() -> None:
    result = Renderer(load_playbook(IT_RU)).render(
        "first_notice", {**_it_facts(), "services": {"connection": "unavailable"}}, at=AT)
    email = result.message("email")
    assert email is not None
    assert "— связь и домашний интернет: временно недоступны." in email.text
    assert "— оплата связи: работает с перебоями." in email.text
    assert "— приложение и личный кабинет: временно недоступны." in email.text
    voice = result.message("voice")
    assert voice is not None and "Связь и домашний интернет временно недоступны." in voice.text
    assert "работает как обычно" not in voice.text.split("Связь и домашний интернет")[1].split(".")[0]


def test_dates_and_times_read_as_a_sentence_needs_them() -> None:
    result = Renderer(load_playbook(IT_RU)).render("first_notice", _it_facts(), at=AT)
    sms = result.message("sms")
    assert sms is not None and "15 марта в 11:30 МСК" in sms.text


def test_a_line_ending_in_an_inline_block_keeps_its_line_break(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"sms": "{{ incident }}{% if note %} {{ note }}{% endif %}\n"
                                               "Звоните {{ hotline }}. {{ next_update_at }}"})
    text = Renderer(playbook).render(None, FACTS, at=AT).messages[0].text
    assert text.startswith("не работает приложение\nЗвоните")
