"""Rule packs: the bundled ones load, bad shapes fail with a located, human message."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisplay.errors import CrisisplayError
from crisisplay.tone.packs import bundled_pack, load_pack, pack_from_text
from crisisplay.tone.rules import RULES

GOOD = """\
pack: acme
language: ru
rules:
  - id: acme.forbidden
    kind: existence
    category: alarm
    severity: error
    message: "«{match}» нельзя"
    tokens: [крах]
"""


def test_bundled_packs_load_and_cover_the_categories() -> None:
    for language in ("ru", "en"):
        pack = bundled_pack(language)
        assert pack.language == language
        categories = {r.category for r in pack.rules}
        assert {"alarm", "blame", "speculation", "shouting", "bureaucratese", "readability"} <= categories | {
            "readability"
        }
        assert pack.lexicon["update_cue"] and pack.services


def test_rules_list_builtins_and_pack_rules_with_docs() -> None:
    ids = {r.id for r in RULES}
    assert {"CP301", "CP313", "CP320", "ru.alarm", "en.blame"} <= ids
    assert len(ids) == len(RULES)
    doc = next(r for r in RULES if r.id == "ru.bureaucratese").doc
    assert doc.startswith("Officialese with a plain equivalent.") and "`lint --fix`" in doc
    assert all(r.tool == "lint" for r in RULES)


def test_a_good_pack(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(GOOD, encoding="utf-8")
    pack = load_pack(path)
    assert pack.rules[0].id == "acme.forbidden" and pack.rules[0].location is not None


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("tokens: [крах]", "tokns: [крах]"), 9, "did you mean 'tokens'"),
        (("kind: existence", "kind: existance"), 5, "unknown kind 'existance'"),
        (("category: alarm", "category: panic"), 6, "unknown category 'panic'"),
        (("severity: error", "severity: fatal"), 7, "unknown severity"),
        (("tokens: [крах]", "tokens: крах"), 9, "must be a list, not text"),
        (("tokens: [крах]", "patterns: ['(']"), 9, "bad pattern"),
        (("language: ru", "language: de"), 2, "'language' must be one of ru, en"),
    ],
)
def test_bad_packs_name_the_line(change: tuple[str, str], line: int, words: str) -> None:
    with pytest.raises(CrisisplayError) as info:
        pack_from_text(GOOD.replace(*change), "acme.yaml")
    assert words in info.value.message
    assert info.value.location is not None and info.value.location.line == line


def test_duplicate_rule_ids_and_unsafe_yaml() -> None:
    twice = GOOD + GOOD.split("rules:\n")[1]
    with pytest.raises(CrisisplayError, match="duplicate rule id"):
        pack_from_text(twice, "acme.yaml")
    with pytest.raises(CrisisplayError, match="not allowed"):
        pack_from_text(GOOD + "extra: !!python/object:os.system {}\n", "acme.yaml")


def test_kind_specific_requirements() -> None:
    with pytest.raises(CrisisplayError, match="needs 'swap'"):
        text = GOOD.replace("kind: existence", "kind: substitution").replace("    tokens: [крах]\n", "")
        pack_from_text(text, "a.yaml")
    with pytest.raises(CrisisplayError, match="needs 'max' or 'min'"):
        pack_from_text(GOOD.replace("kind: existence", "kind: occurrence\n    target: words"), "a.yaml")


def test_the_documented_pack_example_loads() -> None:
    docs = (Path(__file__).resolve().parent.parent.parent / "docs" / "lint.md").read_text("utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = pack_from_text(example, "docs/lint.md")
    assert [r.id for r in pack.rules] == ["acme.no-sorry-for-inconvenience", "acme.compensation",
                                          "acme.next-update", "acme.one-hotline"]
    from crisisplay.tone.api import MessageText, lint_messages

    found = lint_messages([MessageText("email", "Приносим извинения за доставленные неудобства.", "e")],
                          locale="ru", stage_kind="resolution", packs=[pack])
    rules = {d.rule for d in found}
    assert {"acme.no-sorry-for-inconvenience", "acme.compensation"} <= rules
    update = lint_messages([MessageText("email", "Сервис работает с перебоями.", "e")],
                           locale="ru", stage_kind="update", packs=[pack])
    assert [d.severity.label for d in update if d.rule == "acme.next-update"] == ["error"]
    two = lint_messages([MessageText("email", "Звоните: +7 495 123-45-67.", "e"),
                         MessageText("sms", "Звоните: +7 495 765-43-21.", "s")],
                        locale="ru", stage_kind="update", packs=[pack])
    assert any(d.rule == "acme.one-hotline" and d.severity.label == "error" for d in two)
    assert "ru.alarm-urgency" not in {r.id for r in pack.rules}
