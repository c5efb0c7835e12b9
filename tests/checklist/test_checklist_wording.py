"""Reports and calendar exports speak the playbook's language (catalog checks: tests/test_wording.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from checklist_helpers import DATA, assert_matches_golden, at, busy_morning

from crisisplay.checklist import api
from crisisplay.checklist.ics import export_ics
from crisisplay.checklist.phrases import phrases_for
from crisisplay.checklist.report import render_report
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import build_status, describe_next_update
from crisisplay.playbook.model import PRINCIPLES, PRIORITIES, SERVICE_STATUSES, STAGE_KINDS, TIERS
from crisisplay.wording import LANGUAGES, wording_for

#: Catalog groups that name ids (mappings, not texts) and the ids each must cover.
TERM_GROUPS = {
    "priority": PRIORITIES,
    "kind": STAGE_KINDS,
    "tier": TIERS,
    "service_status": SERVICE_STATUSES,
    "principle": tuple(PRINCIPLES),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_terms_cover_every_id(language: str) -> None:
    words = wording_for("checklist", language)
    for group, ids in TERM_GROUPS.items():
        names = words.entries.get(group, {})
        assert isinstance(names, dict)
        for key in ids:
            assert words.principle(key) if group == "principle" else words.term(group, key)
        if language != "en" or group != "principle":  # English principles live in PRINCIPLES
            assert set(names) == set(ids), f"{language}.{group}: {sorted(set(names) ^ set(ids))}"


@pytest.fixture
def russian_playbook(playbook_dir: Path) -> Path:
    shutil.copy(DATA / "crisis.ru.yaml", playbook_dir)
    return playbook_dir / "crisis.ru.yaml"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_russian_report_matches_golden_file(store: Store, russian_playbook: Path, fmt: str) -> None:
    run_id = busy_morning(store, russian_playbook)
    state, _ = api.load(store, run_id)
    text = render_report(build_status(state, at(180)), fmt)
    assert_matches_golden(text, f"busy_morning.ru.{fmt}")


def test_russian_report_has_no_english_words_of_its_own(store: Store, russian_playbook: Path) -> None:
    run_id = busy_morning(store, russian_playbook)
    state, _ = api.load(store, run_id)
    view = build_status(state, at(180))
    text = render_report(view, "md")
    for english in ("Summary", "Progress", "Customers", "Checklist", "Owner", "done", "overdue", "next update", "Why"):
        assert english not in text, f"{english!r} left untranslated"
    assert "Сводка" in text and "просрочено" in text and "следующее обновление" in text
    for stage_id in ("first_notice", "[update]", "resolved"):  # stages are named, never by id
        assert stage_id not in text, stage_id
    assert "10 марта, 12:00 МСК" in text and "MSK" not in text  # times as the preview writes them
    assert "Руководитель клиентского опыта" in text and "cx_lead" not in text  # roles by name
    # English stays one option away (``--lang en``) for the same moment.
    english = describe_next_update(view, phrases_for(view.state.run, "en"))
    assert english.startswith("next update (every 2h after the last one, March 10, 2:20 PM")


def test_russian_calendar_export(store: Store, russian_playbook: Path) -> None:
    from icalendar import Calendar

    run_id = busy_morning(store, russian_playbook)
    state, _ = api.load(store, run_id)
    calendar = Calendar.from_ical(export_ics(build_status(state, at(180))))
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Срок обновления для клиентов" in summaries
    assert "Выполнено: Уточнить масштаб сбоя у ИТ" in summaries and "Инструктаж операторов" in summaries
    assert not any("[" in s or "critical" in s or len(s) > 70 for s in summaries), summaries
    descriptions = "\n".join(str(e["DESCRIPTION"]) for e in events)
    assert "Приоритет: критический" in descriptions and "Зачем: " in descriptions
    assert "Ответственный: Руководитель контакт-центра" in descriptions
    assert "Priority" not in descriptions and "Why" not in descriptions
    assert {str(c) for e in events for c in e["CATEGORIES"].cats} >= {"Антикризисный чек-лист", "критический"}
