"""Consistency by construction: mandatory facts in every template and every output."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from helpers_render import make_playbook

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.model import Playbook
from crisisplay.render.renderer import Renderer, render_stage

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")


def test_a_template_without_a_mandatory_fact_is_found_statically(tmp_path: Path) -> None:
    templates = {"sms": "{{ incident }}. {{ next_update_at }}",
                 "email": {"subject": "x", "body": "{% include 'contact' %} {{ next_update_at }}"}}
    playbook = make_playbook(tmp_path, templates, partials={"contact": "Звоните {{ hotline }}"})
    result = Renderer(playbook).render(None, None, at=AT)
    gaps = [d for d in result.all_diagnostics() if d.rule == "CP230"]
    assert len(gaps) == 1 and "'sms'" in gaps[0].message and "'hotline'" in gaps[0].message
    assert gaps[0].severity == Severity.WARNING  # the email gets it through the partial
    strict = Renderer(playbook).render(None, None, at=AT, strict=True)
    assert [d.severity for d in strict.all_diagnostics() if d.rule == "CP230"] == [Severity.ERROR]


def test_a_value_dropped_by_a_condition_is_found_after_rendering(tmp_path: Path) -> None:
    template = "{{ incident }}.{% if false %} {{ hotline }}{% endif %} {{ next_update_at }}"
    playbook = make_playbook(tmp_path, {"sms": template})
    result = Renderer(playbook).render(None, None, at=AT)
    gaps = [d for d in result.all_diagnostics() if d.rule == "CP231"]
    assert len(gaps) == 1 and "'hotline'" in gaps[0].message


def test_the_phone_in_any_format_and_the_time_in_any_form_count(tmp_path: Path) -> None:
    template = ("{{ incident }}. Ответим по номеру {{ hotline | phone('national') }}, "
                "новости {{ next_update_at | relative }}.")
    playbook = make_playbook(tmp_path, {"sms": template})
    result = Renderer(playbook).render(None, None, at=AT)
    assert result.messages[0].text.endswith("8 (800) 555-35-35, новости через 4 часа.")
    assert not [d for d in result.all_diagnostics() if d.rule in ("CP230", "CP231")]


def test_resolution_needs_no_next_update(bank_ru: Playbook, at_ru: datetime) -> None:
    result = render_stage(bank_ru, "resolved", at=at_ru)
    assert not [d for d in result.all_diagnostics() if "next_update_at" in d.message]


def test_every_channel_of_the_fixture_says_the_same_facts(bank_ru: Playbook, at_ru: datetime) -> None:
    result = render_stage(bank_ru, at=at_ru)
    assert result.ok, [d.message for d in result.all_diagnostics()]
    for message in result.messages:
        assert "14:00" in message.text, message.channel
        if message.channel not in ("push", "status_page"):
            assert "555-35-35" in message.text, message.channel


def test_render_stage_reuses_one_renderer_and_pickles(bank_ru: Playbook, at_ru: datetime) -> None:
    import pickle

    from crisisplay.render.renderer import renderer_for

    assert renderer_for(bank_ru) is renderer_for(bank_ru)
    renderer = renderer_for(bank_ru)
    clone = pickle.loads(pickle.dumps(renderer))
    first = renderer.render("update", None, ["sms"], at=at_ru)
    again = pickle.loads(pickle.dumps(clone.render("update", None, ["sms"], at=at_ru)))
    assert first.messages[0].text == again.messages[0].text
    assert "пострадали 1 200 клиентов" in first.messages[0].text


def test_shared_partials_work_without_optional_facts(tmp_path: Path) -> None:
    templates = {"sms": "{% include 'ru/what_happened.j2' %} {% include 'ru/next_update.j2' %} "
                        "{% include 'ru/how_to_reach_us.j2' %}",
                 "email": {"subject": "{{ incident }}", "body": "{% include 'ru/greeting.j2' %}\n\n"
                           "{% include 'ru/what_happened.j2' %}\n{% include 'ru/how_to_reach_us.j2' %}\n"
                           "{% include 'ru/next_update.j2' %}"}}
    playbook = make_playbook(tmp_path, templates)  # declares no website, chat_url or started_at
    result = Renderer(playbook).render(None, None, at=AT)
    assert result.ok, [d.message for d in result.all_diagnostics()]
    email = result.message("email")
    assert email is not None
    assert email.parts["body"] == ("Здравствуйте.\n\nНе работает приложение.\nМы на связи: +7 800 555-35-35.\n"
                                   "Следующее сообщение — 15 марта в 14:00 МСК.")
