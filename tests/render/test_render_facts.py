"""Facts are checked before anything renders, every problem at once, at its line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.playbook.fact_input import coerce_facts, load_facts_file, parse_set_options
from crisisplay.playbook.fact_types import PhoneText, check_value
from crisisplay.playbook.model import FactSpec, Playbook
from crisisplay.render.fact_set import gather_facts, typed_facts

MSK = ZoneInfo("Europe/Moscow")


def test_examples_render_when_no_facts_are_given(bank_ru: Playbook) -> None:
    facts = typed_facts(bank_ru, None)
    assert facts["next_update_at"] == datetime(2026, 3, 15, 14, 0, tzinfo=MSK)
    assert isinstance(facts["hotline"], PhoneText) and facts["hotline"] == "+7 800 555-35-35"
    assert facts["hotline"].e164 == "+78005553535" and facts["affected_customers"] == 1200
    assert facts["company"] == "Банк «Пример»"  # a default


def test_every_problem_is_reported_at_its_line(bank_ru: Playbook, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "incident: сбой\n"
        "next_update_at: завтра\n"
        "hotline: '12'\n"
        "severity: huge\n"
        "next_updte: 1\n"
        "website: bank.example\n"
        "affected_customers: много\n"
        "services:\n"
        "  payments: broken\n"
        "  cards: unavailable\n",
        encoding="utf-8",
    )
    with pytest.raises(DiagnosticsError) as caught:
        gather_facts(bank_ru, path)
    found = {(d.rule, d.location.line if d.location else 0) for d in caught.value.diagnostics}
    assert found == {("CP201", 2), ("CP201", 3), ("CP201", 4), ("CP203", 5), ("CP201", 6), ("CP201", 7),
                     ("CP204", 9), ("CP204", 10)}
    unknown = next(d for d in caught.value.diagnostics if d.rule == "CP203")
    assert "did you mean 'next_update_at'?" in unknown.message
    assert all(d.location and d.location.file == str(path) for d in caught.value.diagnostics)


def test_a_missing_required_fact_is_reported(bank_ru: Playbook) -> None:
    with pytest.raises(DiagnosticsError) as caught:
        gather_facts(bank_ru, None, ["incident=сбой"])
    missing = {d.message.split("'")[1] for d in caught.value.diagnostics if d.rule == "CP202"}
    assert missing == {"next_update_at", "hotline"}  # examples do not fill gaps in real facts


def test_example_flag_starts_from_the_examples(bank_ru: Playbook) -> None:
    facts = gather_facts(bank_ru, None, ["incident=сбой", "services.payments=unavailable"], example=True)
    assert facts["incident"] == "сбой" and facts["services"] == {"payments": {"status": "unavailable"}}


def test_set_overrides_the_file_and_is_located(bank_ru: Playbook, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"incident": "сбой", "next_update_at": "2026-03-15T16:00", "hotline": "88005553535"}',
                    encoding="utf-8")
    now = datetime(2026, 3, 15, 10, 0, tzinfo=MSK)
    facts = gather_facts(bank_ru, path, ["next_update_at=15:30"], now=now)
    assert facts["next_update_at"] == datetime(2026, 3, 15, 15, 30, tzinfo=MSK)
    with pytest.raises(DiagnosticsError) as caught:
        gather_facts(bank_ru, path, ["affected_customers=x"])
    assert str(caught.value.diagnostics[0].location) == "--set affected_customers"


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("integer", "42", 42),
        ("number", "2,5", 2.5),
        ("boolean", "да", True),
        ("boolean", "no", False),
        ("date", "2026-03-15", date(2026, 3, 15)),
        ("time", "9:05", time(9, 5)),
        ("duration", "1h30m", timedelta(minutes=90)),
        ("list", "платежи, переводы", ["платежи", "переводы"]),
        ("url", "https://bank.example/x", "https://bank.example/x"),
        ("email", "help@bank.example", "help@bank.example"),
        ("datetime", "2026-03-15T11:00:00+00:00", datetime(2026, 3, 15, 14, 0, tzinfo=MSK)),
    ],
)
def test_values_are_typed(bank_ru: Playbook, kind: str, raw: object, expected: object) -> None:
    spec = FactSpec("x", kind)
    bank = Playbook(id="t", title="t", locale="ru", timezone="Europe/Moscow", facts={"x": spec})
    values, problems = coerce_facts(bank, {"x": raw})
    assert problems == [] and values["x"] == expected


def test_check_value_for_validate(bank_ru: Playbook) -> None:
    assert check_value(FactSpec("n", "integer"), "x", bank_ru) == "'x' is not a whole number"
    assert check_value(FactSpec("d", "datetime"), "2026-03-15T14:00", bank_ru) is None
    assert check_value(FactSpec("e", "enum", values=("a", "b")), "c", bank_ru) is not None


def test_set_options_parse() -> None:
    parsed = parse_set_options(["a=1", "b=x=y", "services.pay=frozen", "services.pay.alternative=cash"])
    assert parsed == {"a": "1", "b": "x=y", "services": {"pay": {"status": "frozen", "alternative": "cash"}}}
    with pytest.raises(CrisisplayError, match="key=value"):
        parse_set_options(["nothing"])


def test_facts_file_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(CrisisplayError, match="mapping"):
        load_facts_file(path)
