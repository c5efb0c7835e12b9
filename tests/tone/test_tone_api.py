"""The lint API contract: lint_messages with MessageText, playbook tone profiles, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.build import load_playbook
from crisisplay.tone.api import MessageText, check_messages, lint_messages
from crisisplay.tone.text import PositionMap

LintOne = Callable[..., list[Diagnostic]]


def categories(found: list[Diagnostic]) -> set[str]:
    return {d.category for d in found}

DATA = Path(__file__).resolve().parent.parent / "data" / "playbooks"


def test_contract_signature_and_locations() -> None:
    message = MessageText("sms", "Всё хорошо.\nПАНИКА в офисе", "out/sms.txt", line=5)
    found = lint_messages([message], locale="ru", stage_kind="first_notice")
    alarm = next(d for d in found if d.category == "alarm")
    assert alarm.location is not None
    assert (alarm.location.file, alarm.location.line, alarm.location.column) == ("out/sms.txt", 6, 1)
    assert (alarm.location.end_line, alarm.location.end_column) == (6, 7)
    assert alarm.span == "ПАНИКА" and alarm.source == "lint" and alarm.rule == "ru.alarm"
    assert "тревожно" in alarm.message  # a Russian text gets Russian findings


def test_positions_map_into_the_file() -> None:
    raw = '{"text": "\\u00abПАНИКА\\u00bb"}'
    offsets = [10, 16, 17, 18, 19, 20, 21, 22, 28]
    message = MessageText("x", "«ПАНИКА»", "b.json", positions=PositionMap(raw, offsets=offsets))
    alarm = next(d for d in lint_messages([message], locale="ru", stage_kind="internal") if d.category == "alarm")
    assert alarm.location is not None and alarm.location.column == 17


def test_locale_variants_and_unknown_locale(lint_one: LintOne) -> None:
    assert lint_messages([MessageText("t", "Паника", "t")], locale="ru-RU", stage_kind="internal")
    with pytest.raises(CrisisplayError, match="no tone rules"):
        lint_messages([MessageText("t", "Panik", "t")], locale="de", stage_kind=None)


def test_language_detected_per_message() -> None:
    reports = check_messages(
        [MessageText("a", "Паника!", "a"), MessageText("b", "Panic!", "b")], locale=None, stage_kind="internal"
    )
    assert [r.lang for r in reports] == ["ru", "en"]


def test_disable_rules(lint_one: LintOne) -> None:
    found = lint_one("ПАНИКА", stage="internal", disable=["ru.alarm", "CP302"])
    assert "alarm" not in categories(found) and "shouting" not in categories(found)


def _playbook(write_yaml: Callable[..., Path], good_playbook: dict[str, Any], tone: dict[str, Any]) -> Path:
    good_playbook["tone"] = tone
    return write_yaml(good_playbook)


def test_playbook_tone_profile(write_yaml: Callable[..., Path], good_playbook: dict[str, Any]) -> None:
    path = _playbook(write_yaml, good_playbook, {
        "forbidden": ["issue"], "preferred": {"problem": "difficulty"}, "formal_address": True,
        "max_exclamations": 0, "max_sentence_words": 5, "required": ["contact"],
        "rules": [{"id": "acme.voucher", "kind": "required", "category": "missing-empathy",
                   "message": "offer the voucher", "tokens": ["voucher"], "stages": ["resolution"]}],
    })
    playbook = load_playbook(path)
    text = "There is an issue with one problem in the app today, sorry!"
    found = lint_messages([MessageText("sms", text, "s")], locale=None, stage_kind="resolution", playbook=playbook)
    rules = {d.rule for d in found}
    assert {"CP340", "CP341", "CP301", "CP305", "CP312", "acme.voucher"} <= rules
    assert "CP310" not in rules  # tone.required narrows the elements to contact
    preferred = next(d for d in found if d.rule == "CP341")
    assert preferred.fix == "difficulty"
    forbidden = next(d for d in found if d.rule == "CP340")
    assert forbidden.category in ("bureaucratese", "alarm", "missing-what-happened", "blame")


def test_playbook_formal_address_rules_out_ty() -> None:
    playbook = load_playbook(DATA / "outage.ru.yaml")
    found = lint_messages([MessageText("sms", "Напиши нам в чат", "s")], locale=None, stage_kind="internal",
                          playbook=playbook)
    assert any(d.rule == "CP303" and d.severity == Severity.WARNING for d in found)
    assert any(d.rule == "CP340" for d in lint_messages(
        [MessageText("sms", "Это катастрофа", "s")], locale=None, stage_kind="internal", playbook=playbook))


def test_bad_playbook_rule_is_located(write_yaml: Callable[..., Path], good_playbook: dict[str, Any]) -> None:
    path = _playbook(write_yaml, good_playbook, {"rules": [{"id": "x", "kind": "existence", "category": "nope",
                                                            "message": "m", "tokens": ["a"]}]})
    playbook = load_playbook(path)
    with pytest.raises(CrisisplayError) as info:
        lint_messages([MessageText("t", "a", "t")], locale="en", stage_kind=None, playbook=playbook)
    assert info.value.location is not None and info.value.location.file == str(path)
