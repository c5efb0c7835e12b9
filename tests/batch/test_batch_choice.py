"""Channel choice, locale versions and every rejection reason, one row at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batch_helpers import AT, HEADER, write_playbooks

from crisisplay.batch.input_lines import Position
from crisisplay.batch.locales import discover
from crisisplay.batch.reader import BadRow, Row
from crisisplay.batch.recipient import column_keys
from crisisplay.batch.worker import JobSpec, RowOutcome, WorkerState, render_item
from crisisplay.errors import CrisisplayError


@pytest.fixture
def state(playbook: Path) -> WorkerState:
    spec = JobSpec(discover(playbook.with_name("notice")), None, AT, column_keys(HEADER))
    result = WorkerState(spec)
    result.preload()
    return result


def _row(**values: str) -> Row:
    return Row(7, [values.get(name, "") for name in HEADER], Position(0, 0))


def _render(state: WorkerState, **values: str) -> RowOutcome:
    values.setdefault("id", "c1")
    values.setdefault("name", "Ann")
    return render_item(state, _row(**values))


def test_first_preferred_channel_with_a_valid_address(state: WorkerState) -> None:
    out = _render(state, channels="email;sms", phone="+447400123456", email="a@example.com", account="1")
    assert (out.target, out.record["address"]) == ("email", "a@example.com")
    out = _render(state, channels="email;sms", phone="+447400123456", email="broken@", account="1")
    assert (out.target, out.record["address"]) == ("sms", "+447400123456")


def test_phone_is_normalised_to_e164(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="07400 123456")
    assert out.record["address"] == "+447400123456"
    assert out.record["encoding"] == "GSM-7" and out.record["segments"] == 1


def test_without_preference_the_playbook_order_decides(state: WorkerState) -> None:
    # channel_order is push, sms, email: no push token, so SMS
    out = _render(state, phone="+447400123456", email="a@example.com")
    assert out.target == "sms"
    out = _render(state, push="tok-123", phone="+447400123456")
    assert out.target == "push" and out.record["title"] == "Example"


def test_unknown_channel_is_refused_and_a_channel_not_sent_falls_back(state: WorkerState) -> None:
    out = _render(state, channels="carrier-pigeon;telegram", email="a@example.com", account="7")
    assert (out.target, out.record["reason"]) == ("rejected", "unknown_channel")  # never a silent guess
    assert "'carrier-pigeon'" in out.record["detail"]
    out = _render(state, channels="telegram", email="a@example.com", account="7")
    # telegram is not in the stage; e-mail may be used without a choice in this playbook, and says so
    assert (out.target, out.record["fallback"]) == ("email", "channel_unavailable")


def test_no_valid_address(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="12345", email="nobody@nowhere")
    assert out.target == "rejected"
    assert out.record["reason"] == "no_valid_address"
    assert "sms: phone number '12345' is not a valid number (read as GB)" in out.record["detail"]
    assert "email: e-mail address 'nobody@nowhere' is not valid" in out.record["detail"]
    assert "push: no push token" in out.record["detail"]


def test_missing_id_and_missing_template_field(state: WorkerState) -> None:
    out = _render(state, id="", phone="+447400123456")
    assert (out.record["reason"], out.record["detail"]) == ("missing_field", "the row has no id")
    out = _render(state, channels="email", email="a@example.com")  # the e-mail uses recipient.account
    assert out.record["reason"] == "missing_field"
    assert "recipient.account" in out.record["detail"]


def test_empty_name_uses_the_template_default(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="+447400123456", name="  ")
    assert out.record["text"].startswith("Example: customer, ")


def test_unknown_service(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="+447400123456", services="payments;loans")
    assert out.record["reason"] == "unknown_service" and "'loans'" in out.record["detail"]


def test_services_that_concern_the_recipient(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="+447400123456", services="app;payments", name="Ann")
    # vital first, whatever order the row lists them in
    assert "Payments and Mobile app: working with interruptions, temporarily unavailable." in out.record["text"]


def test_over_the_channel_limit(state: WorkerState) -> None:
    out = _render(state, channels="sms", phone="+447400123456", name="N" * 300)
    assert out.record["reason"] == "over_limit"
    assert "max_segments of 2" in out.record["detail"]


def test_locale_version_per_recipient(state: WorkerState) -> None:
    ru = _render(state, locale="ru-RU", channels="sms", phone="+79161234567", name="Анна")
    assert ru.locale == "ru" and ru.record["text"].startswith("Example: Анна, приложение не открывается")
    assert ru.record["encoding"] == "UCS-2"
    other = _render(state, locale="de", channels="sms", phone="+447400123456")
    assert other.locale == "en" and other.warnings == ("locale 'de' has no playbook version; rendered in en",)


def test_bad_rows_become_rejections(state: WorkerState) -> None:
    out = render_item(state, BadRow(9, "bad_encoding", "line 9 is not UTF-8", "x", Position(0, 0)))
    assert out.record == {"line": 9, "id": None, "reason": "bad_encoding", "detail": "line 9 is not UTF-8",
                          "raw": "x"}


def test_jsonl_rows_may_carry_lists_and_numbers(state: WorkerState) -> None:
    values: dict[str, Any] = {"id": 42, "channels": ["email"], "email": "a@example.com", "account": 1007,
                              "services": ["payments"], "Name": "Zoe"}
    out = render_item(state, Row(3, values, Position(0, 0)))
    assert out.target == "email" and out.record["id"] == "42"
    assert out.record["text"].startswith("Hello Zoe,") and "Account 1007." in out.record["text"]


def test_discover_locale_versions(tmp_path: Path) -> None:
    english = write_playbooks(tmp_path / "pb")
    found = discover(english)
    assert found.fallback == english
    assert dict(found.versions) == {"en": english, "ru": english.with_name("notice.ru.yaml")}
    base = discover(tmp_path / "pb" / "notice")
    assert base.fallback == english
    only_ru = write_playbooks(tmp_path / "ru", ("ru",))
    assert discover(tmp_path / "ru" / "notice").fallback == only_ru
    with pytest.raises(CrisisplayError, match="not found"):
        discover(tmp_path / "pb" / "missing")
