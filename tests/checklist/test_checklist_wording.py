"""Reports and calendar exports speak the playbook's language; the catalogs stay in step."""

from __future__ import annotations

import shutil
import string
from datetime import timedelta
from pathlib import Path

import pytest
from babel import Locale
from checklist_helpers import DATA, assert_matches_golden, at, busy_morning

from crisisplay.checklist import api
from crisisplay.checklist.ics import export_ics
from crisisplay.checklist.report import LABEL_KEYS, render_report
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import build_status, describe_next_update
from crisisplay.checklist.wording import LANGUAGES, language_of, wording_for
from crisisplay.playbook.model import PRINCIPLES, PRIORITIES, SERVICE_STATUSES, STAGE_KINDS, TIERS

#: Catalog groups that name ids (mappings, not texts) and the ids each must cover.
TERM_GROUPS = {
    "priority": PRIORITIES,
    "kind": STAGE_KINDS,
    "tier": TIERS,
    "service_status": SERVICE_STATUSES,
    "principle": tuple(PRINCIPLES),
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _flat(entries: dict[str, object]) -> dict[str, set[str]]:
    """Every text of a catalog with its placeholders (plural forms merged, term maps skipped)."""
    out: dict[str, set[str]] = {}
    for key, value in entries.items():
        if isinstance(value, str):
            out[key] = _fields(value)
        elif key not in TERM_GROUPS:
            assert isinstance(value, dict)
            forms = [_fields(str(v)) for v in value.values()]
            assert all(f == forms[0] for f in forms), f"{key}: plural forms differ in placeholders"
            out[key] = forms[0]
    return out


def test_every_language_has_the_same_texts_and_placeholders() -> None:
    english = _flat(wording_for("en").entries)
    for language in LANGUAGES[1:]:
        other = _flat(wording_for(language).entries)
        assert other.keys() == english.keys(), f"{language}: {sorted(other.keys() ^ english.keys())}"
        for key, fields in english.items():
            assert other[key] == fields, f"{language}.{key}: placeholders {other[key]} != {fields}"
    assert set(LABEL_KEYS) <= english.keys()


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_texts_cover_the_languages_cldr_categories(language: str) -> None:
    tags = set(Locale.parse(language).plural_form.tags) | {"other"}
    plurals = {k: v for k, v in wording_for(language).entries.items() if isinstance(v, dict) and "other" in v}
    assert plurals, "no plural text to check"
    for key, forms in plurals.items():
        assert set(forms) == tags, f"{language}.{key}: forms {sorted(forms)}, CLDR wants {sorted(tags)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_terms_cover_every_id(language: str) -> None:
    words = wording_for(language)
    for group, ids in TERM_GROUPS.items():
        names = words.entries.get(group, {})
        assert isinstance(names, dict)
        for key in ids:
            assert words.principle(key) if group == "principle" else words.term(group, key)
        if language != "en" or group != "principle":  # English principles live in PRINCIPLES
            assert set(names) == set(ids), f"{language}.{group}: {sorted(set(names) ^ set(ids))}"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("ru", "ru"), ("ru_RU", "ru"), ("ru-RU", "ru"), ("en_GB", "en"), ("de", "en"), (None, "en")],
)
def test_language_of_a_playbook_locale(locale: str | None, expected: str) -> None:
    assert language_of(locale) == expected


@pytest.mark.parametrize(
    ("count", "form"), [(1, "пункта"), (2, "пунктов"), (5, "пунктов"), (11, "пунктов"), (21, "пункта"), (22, "пунктов")]
)
def test_russian_plural_follows_cldr(count: int, form: str) -> None:
    words = wording_for("ru")
    text = words.plural(
        "progress_summary", count, closed=0, total=count, percent="0 %", done=0, skipped=0, blocked=0, overdue=0
    )
    assert f"из {count} {form} " in text


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("en", 0, "0m"),
        ("en", 65, "1h 5m"),
        ("en", 60 * 24 * 2 + 180, "2d 3h"),
        ("ru", 65, "1 ч 5 мин"),
        ("ru", 45, "45 мин"),
        ("ru", 60 * 24 * 2 + 180, "2 д. 3 ч"),
    ],
)
def test_spans_use_cldr_units(language: str, minutes: int, expected: str) -> None:
    assert wording_for(language).span(timedelta(minutes=minutes)) == expected


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
    # The CLI keeps its compact English sentence for the same moment.
    assert describe_next_update(view).startswith("next update (every 2h after the last one")


def test_russian_calendar_export(store: Store, russian_playbook: Path) -> None:
    from icalendar import Calendar

    run_id = busy_morning(store, russian_playbook)
    state, _ = api.load(store, run_id)
    calendar = Calendar.from_ical(export_ics(build_status(state, at(180))))
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any(s.startswith("Срок обновления для клиентов (update)") for s in summaries)
    descriptions = "\n".join(str(e["DESCRIPTION"]) for e in events)
    assert "Приоритет: критический" in descriptions and "Зачем: " in descriptions
    assert "Priority" not in descriptions and "Why" not in descriptions
