"""The wording catalogs (reports, calendar, preview): in step across languages, CLDR plurals."""

from __future__ import annotations

import string
from datetime import timedelta

import pytest
from babel import Locale

from crisisplay.checklist.report import LABEL_KEYS
from crisisplay.playbook.model import PRINCIPLES, PRIORITIES, SERVICE_STATUSES, STAGE_KINDS, TIERS
from crisisplay.preview.labels import labels_for, plural_for
from crisisplay.wording import LANGUAGES, language_of, wording_for

AREAS = ("checklist", "preview", "lint", "room", "metrics", "rules")
#: Groups that map ids to names (not texts); tests/checklist checks they cover every id.
TERM_GROUPS = {"priority": PRIORITIES, "kind": STAGE_KINDS, "tier": TIERS, "service_status": SERVICE_STATUSES,
               "principle": tuple(PRINCIPLES)}  # fmt: skip


def _lint_term_groups() -> dict[str, set[str]]:
    """The lint catalog's name groups and the ids each must name (every rule, stage, status …)."""
    from crisisplay.tone import claims, timeexpr
    from crisisplay.tone.kinds import KINDS
    from crisisplay.tone.packs import LANGUAGES as PACK_LANGUAGES
    from crisisplay.tone.packs import bundled_pack

    packs = [bundled_pack(language) for language in PACK_LANGUAGES]
    return {
        "kind": set(KINDS),
        "service": {service for pack in packs for service in pack.services},
        "state": {"available", "unavailable", "degraded"},
        "claim_status": set(claims.STATUSES) | {"affected"},
        "stage": set(STAGE_KINDS),
        "day": set(timeexpr._WEEKDAYS.values()) | set(timeexpr._DAYS.values()) | {"end of day"},
        "about": {"UPDATE", "RESTORE", "START", "UNTIL", "clock", "date", "day", "relative", "cadence", "duration",
                  "amount", "percent"},
        "address": {"formal", "informal", "capital", "lower"},
    }


LINT_TERM_GROUPS = _lint_term_groups()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _flat(entries: dict[str, object]) -> dict[str, set[str]]:
    """Every text of a catalog with its placeholders (plural forms merged, term maps skipped)."""
    out: dict[str, set[str]] = {}
    for key, value in entries.items():
        if isinstance(value, str):
            out[key] = _fields(value)
        elif key not in TERM_GROUPS and key not in LINT_TERM_GROUPS:
            assert isinstance(value, dict)
            forms = [_fields(str(v)) for v in value.values()]
            assert all(f == forms[0] for f in forms), f"{key}: plural forms differ in placeholders"
            out[key] = forms[0]
    return out


@pytest.mark.parametrize("area", AREAS)
def test_every_language_has_the_same_texts_and_placeholders(area: str) -> None:
    english = _flat(wording_for(area, "en").entries)
    assert english, f"{area}: empty catalog"
    for language in LANGUAGES[1:]:
        other = _flat(wording_for(area, language).entries)
        assert other.keys() == english.keys(), f"{area}.{language}: {sorted(other.keys() ^ english.keys())}"
        for key, fields in english.items():
            assert other[key] == fields, f"{area}.{language}.{key}: placeholders {other[key]} != {fields}"


def test_the_report_asks_only_for_labels_that_exist() -> None:
    assert set(LABEL_KEYS) <= wording_for("checklist", "en").entries.keys()


@pytest.mark.parametrize("area", [area for area in AREAS if area != "rules"])  # the rule reference counts nothing
@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_texts_cover_the_languages_cldr_categories(area: str, language: str) -> None:
    tags = set(Locale.parse(language).plural_form.tags) | {"other"}
    entries = wording_for(area, language).entries
    plurals = {k: v for k, v in entries.items() if isinstance(v, dict) and "other" in v}
    assert plurals, f"{area}: no plural text to check"
    for key, forms in plurals.items():
        assert set(forms) == tags, f"{area}.{language}.{key}: forms {sorted(forms)}, CLDR wants {sorted(tags)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bundled_rules_plural_messages_cover_the_languages_cldr_categories(language: str) -> None:
    from crisisplay.tone.packs import bundled_pack, core_pack

    tags = set(Locale.parse(language).plural_form.tags) | {"other"}
    checked = 0
    for spec in (*core_pack().rules, *bundled_pack(language).rules):
        forms = spec.message.get(language, spec.message.get("*"))
        if isinstance(forms, dict):
            assert set(forms) == tags, f"{spec.id}.{language}: forms {sorted(forms)}, CLDR wants {sorted(tags)}"
            checked += 1
    assert checked >= 2  # CP301 and CP305 count things


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("ru", "ru"), ("ru_RU", "ru"), ("ru-RU", "ru"), ("en_GB", "en"), ("de", "en"), (None, "en")],
)
def test_language_of_a_playbook_locale(locale: str | None, expected: str) -> None:
    assert language_of(locale) == expected


@pytest.mark.parametrize(
    ("count", "form"), [(1, "пункта"), (2, "пунктов"), (5, "пунктов"), (11, "пунктов"), (21, "пункта"), (22, "пунктов")]
)
def test_russian_report_plural_follows_cldr(count: int, form: str) -> None:
    words = wording_for("checklist", "ru")
    text = words.plural(
        "progress_summary", count, closed=0, total=count, percent="0 %", done=0, skipped=0, blocked=0, overdue=0
    )
    assert f"из {count} {form} " in text


@pytest.mark.parametrize(
    ("language", "count", "form"),
    [
        ("ru", 0, "ошибок"),
        ("ru", 1, "ошибка"),
        ("ru", 3, "ошибки"),
        ("ru", 5, "ошибок"),
        ("ru", 11, "ошибок"),
        ("ru", 21, "ошибка"),
        ("ru", 24, "ошибки"),
        ("en", 0, "errors"),
        ("en", 1, "error"),
        ("en", 2, "errors"),
    ],
)
def test_preview_counts_take_the_cldr_form(language: str, count: int, form: str) -> None:
    assert plural_for(language)("n_errors", count) == form


def test_preview_labels_fall_back_to_english_for_other_languages() -> None:
    assert labels_for("de")["summary"] == "Summary" and labels_for("ru_RU")["summary"] == "Сводка"


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
    assert wording_for("checklist", language).span(timedelta(minutes=minutes)) == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("group", sorted(LINT_TERM_GROUPS))
def test_lint_names_cover_every_id(group: str, language: str) -> None:
    names = wording_for("lint", language).entries[group]
    missing = sorted(set(names) ^ LINT_TERM_GROUPS[group])
    assert not missing, f"lint.{language}.{group}: {missing}"
    assert all(isinstance(v, str) and v.strip() for v in names.values())


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 восклицательный знак"), (2, "2 восклицательных знака"), (5, "5 восклицательных знаков"),
     (21, "21 восклицательный знак"), (24, "24 восклицательных знака"), (111, "111 восклицательных знаков")],
)
def test_lint_counts_take_the_cldr_form(count: int, expected: str) -> None:
    from crisisplay.tone.engine import build_ruleset

    rule = next(r for r in build_ruleset("ru").rules if r.id == "CP301")
    assert rule.text(count=count, max=1).startswith(expected + " (разрешено: 1)")
