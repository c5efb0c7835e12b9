"""The bundled library's shape: base voice, scenarios in ru and en, stages, services, checklists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from library_helpers import (
    CHANNEL_NAMES,
    CUSTOMER_KINDS,
    LOCALES,
    REQUIRED_PARTS,
    all_playbook_paths,
    base_path,
    scenario_names,
    scenario_path,
)

from crisisplay.playbook.build import load_playbook, resolve
from crisisplay.playbook.model import Playbook
from crisisplay.playbook.rules.templates import analyse

PATHS = all_playbook_paths()
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}" for p in PATHS]
CONTACT_FACTS = ("company", "hotline", "website", "app_name", "support_email", "chat_url", "assisted_line")
DATETIME_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
DATE_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Checklist coverage every scenario needs: customers, services, team, managers, conflicts.
NEEDED_PRINCIPLES = {
    "proactivity",
    "stay_in_touch",
    "one_voice",
    "transparency",
    "digital_first",
    "vital_first",
    "team_updates",
    "remote_norms",
    "manager_prep",
    "conflict_handling",
    "measurement",
    "prepared_scenarios",
}


@pytest.fixture(scope="module", params=PATHS, ids=IDS)
def playbook(request: pytest.FixtureRequest) -> Playbook:
    return load_playbook(request.param)


def test_the_library_has_five_scenarios_in_both_languages() -> None:
    names = scenario_names()
    assert len(names) >= 5
    assert {"pandemic", "it-outage", "delivery-delay", "contact-center-overload", "data-incident"} <= set(names)
    for name in names:
        for locale in LOCALES:
            assert scenario_path(name, locale).is_file(), f"{name} has no {locale} version"


@pytest.mark.parametrize("locale", LOCALES)
def test_base_holds_the_company_voice(locale: str) -> None:
    raw = yaml.safe_load(base_path(locale).read_text("utf-8"))
    assert raw["abstract"] is True
    assert raw["locale"] == locale
    base = load_playbook(base_path(locale))
    for name in CONTACT_FACTS:
        assert base.facts[name].default, f"contact fact {name} needs a default"
    assert set(base.channels) == set(CHANNEL_NAMES), "the base lists the whole channel catalogue"
    assert base.channels["sms"].limits["max_segments"] >= 1
    assert base.channel_order[0] == "contact_center", "a live person first"
    assert base.channel_order[-2:] == ("vk", "x"), "social media last"
    assert set(base.channel_order) == set(CHANNEL_NAMES)
    assert base.channels["voice"].enabled, "a voice channel stays open for those who cannot use digital ones"
    assert base.tone.formal_address is True
    assert base.tone.forbidden, "alarm words are listed"
    assert {"empathy", "next_update"} <= set(base.tone.required)
    assert {"company", "hotline", "next_update_at"} <= set(base.mandatory_facts)
    assert base.policy.first_notice_within.total_seconds() <= 3600
    assert {"status", "status_affected"} <= set(base.partials)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_scenario_extends_the_base_and_resolves_cleanly(path: Path) -> None:
    raw = yaml.safe_load(path.read_text("utf-8"))
    locale = raw["locale"]
    assert path.name.endswith(f".{locale}.yaml")
    assert raw["extends"] == f"../base/base.{locale}.yaml"
    resolution = resolve(path)
    assert resolution.diagnostics == [], [str(d) for d in resolution.diagnostics]
    assert resolution.playbook is not None
    assert len(resolution.playbook.chain) == 2


def test_every_customer_stage_covers_every_channel(playbook: Playbook) -> None:
    kinds = [stage.kind for stage in playbook.stages.values()]
    for kind in CUSTOMER_KINDS:
        assert kind in kinds, f"no {kind} stage"
    for stage in playbook.stages.values():
        if stage.kind not in CUSTOMER_KINDS:
            continue
        assert set(stage.templates) == set(CHANNEL_NAMES), f"{stage.id}: channels differ from the catalogue"
        for channel, parts in REQUIRED_PARTS.items():
            assert parts <= set(stage.templates[channel].parts), f"{stage.id}/{channel} lacks {parts}"


def test_timeline_follows_the_policy(playbook: Playbook) -> None:
    first = [s for s in playbook.stages.values() if s.kind == "first_notice"]
    updates = [s for s in playbook.stages.values() if s.kind == "update"]
    assert first and first[0].due is not None and first[0].due <= playbook.policy.first_notice_within
    assert updates and updates[0].every is not None and updates[0].every <= playbook.policy.max_update_gap


def test_facts_carry_realistic_examples(playbook: Playbook) -> None:
    for name, spec in playbook.facts.items():
        assert spec.has_example, f"fact {name} has no example or default"
        value = spec.example if spec.example is not None else spec.default
        if spec.type == "datetime":
            assert DATETIME_EXAMPLE.match(str(value)), f"{name}: {value!r} is not like 2026-03-15T14:00"
        if spec.type == "date":
            assert DATE_EXAMPLE.match(str(value)), f"{name}: {value!r} is not like 2026-03-15"
        if spec.type == "list":
            assert isinstance(value, list) and value
    for name in ("incident", "next_update_at", "resolved_at", "improvements", "status_short"):
        assert name in playbook.facts, f"scenario fact {name} is missing"


def test_services_are_prioritised_with_something_frozen(playbook: Playbook) -> None:
    tiers = [s.tier for s in playbook.services]
    assert "vital" in tiers and "important" in tiers
    assert any(s.status == "frozen" and s.tier == "deferrable" for s in playbook.services)
    for service in playbook.services:
        assert service.status, f"service {service.id} has no status"
        if service.status in ("degraded", "unavailable", "moved_online"):
            assert service.alternative, f"service {service.id} ({service.status}) offers no alternative"


def test_checklists_cover_the_first_hour_day_and_recovery(playbook: Playbook) -> None:
    assert {"first_hour", "first_day", "recovery"} <= set(playbook.checklists)
    items = [item for checklist in playbook.checklists.values() for item in checklist.items]
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    for item in items:
        assert item.owner and item.due is not None and item.priority and item.principle, item.id
        assert set(item.depends_on) <= set(ids)
    first_hour = playbook.checklists["first_hour"].items
    assert all(item.due is not None and item.due.total_seconds() <= 3600 for item in first_hour)
    assert any(item.depends_on for item in items), "natural dependencies are stated"
    principles = {item.principle for item in items}
    assert principles >= NEEDED_PRINCIPLES, f"missing {NEEDED_PRINCIPLES - principles}"
    assert sum(item.principle == "conflict_handling" for item in items) >= 2
    frozen = {s.id for s in playbook.services if s.status == "frozen"}
    assert any(set(item.services) & frozen for item in items), "a checklist item deals with the frozen service"


def test_follow_up_asks_for_feedback_and_reports_changes(playbook: Playbook) -> None:
    (follow_up,) = [s for s in playbook.stages.values() if s.kind == "follow_up"]
    email = follow_up.templates["email"].parts["body"].source
    assert "feedback_url" in email and "improvements" in email
    for channel in ("telegram", "whatsapp", "vk", "status_page", "sms", "x", "website_banner"):
        source = " ".join(t.source for t in follow_up.templates[channel].parts.values())
        assert "feedback_url" in source, f"follow-up {channel} does not ask for feedback"


def _shape(playbook: Playbook) -> dict[str, object]:
    """Everything that must match between the ru and en versions of a scenario."""
    return {
        "id": playbook.id,
        "timezone_set": bool(playbook.timezone),
        "policy": (playbook.policy.first_notice_within, playbook.policy.max_update_gap),
        "facts": {name: (spec.type, spec.required) for name, spec in playbook.facts.items()},
        "services": [(s.id, s.tier, s.status, bool(s.alternative)) for s in playbook.services],
        "channels": sorted(playbook.channels),
        "channel_order": playbook.channel_order,
        "stages": {
            sid: (
                stage.kind,
                stage.due,
                stage.every,
                stage.mandatory_facts,
                {ch: sorted(t.parts) for ch, t in stage.templates.items()},
            )
            for sid, stage in playbook.stages.items()
        },
        "checklists": {
            cid: [
                (item.id, item.owner, item.due, item.priority, item.principle, item.depends_on, item.services)
                for item in checklist.items
            ]
            for cid, checklist in playbook.checklists.items()
        },
        "partials": sorted(playbook.partials),
    }


@pytest.mark.parametrize("name", scenario_names())
def test_ru_and_en_have_the_same_structure(name: str) -> None:
    ru = load_playbook(scenario_path(name, "ru"))
    en = load_playbook(scenario_path(name, "en"))
    assert ru.locale == "ru" and en.locale == "en"
    assert _shape(ru) == _shape(en)
    for template_ru, template_en in zip(
        (t for s in ru.stages.values() for c in s.templates.values() for t in c.parts.values()),
        (t for s in en.stages.values() for c in s.templates.values() for t in c.parts.values()),
        strict=True,
    ):
        names_ru = analyse(ru, template_ru).names
        names_en = analyse(en, template_en).names
        assert names_ru == names_en, f"{template_ru.location}: facts differ from {template_en.location}"


def test_base_ru_and_en_have_the_same_structure() -> None:
    ru = load_playbook(base_path("ru"))
    en = load_playbook(base_path("en"))
    assert set(ru.facts) == set(en.facts)
    assert ru.channel_order == en.channel_order
    assert {n: c.limits for n, c in ru.channels.items()} == {n: c.limits for n, c in en.channels.items()}
    assert ru.mandatory_facts == en.mandatory_facts
    assert set(ru.partials) == set(en.partials)
