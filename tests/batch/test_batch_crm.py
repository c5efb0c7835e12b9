"""A CRM-like export end to end: every message to the right person on a channel they chose.

The export (``crm_export.generate``) mixes what real exports hold; each row knows what must
happen to it. The same export as UTF-8 with a byte-order mark and as Windows-1251, with one
and two worker processes, must give: every valid mobile its own E.164 number on the person's
channel, every other row in ``rejected.jsonl`` with the expected reason, greetings with
properly written names, and counts that add up to the rows read.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import AT, outputs
from click.testing import CliRunner
from crm_export import HEADER, Export, generate, playbook_yaml

from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError

ROWS = 700
SETS = ("incident=Не открывается приложение.", "next_update_at=2026-03-15T14:00")


@pytest.fixture(scope="module")
def crm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Export]:
    folder = tmp_path_factory.mktemp("crm")
    for locale in ("ru", "en"):
        (folder / f"crm.{locale}.yaml").write_text(playbook_yaml(locale), "utf-8")
    return folder / "crm", generate(ROWS)


def _write(folder: Path, export: Export, encoding: str) -> Path:
    path = folder / f"export-{encoding}.csv"
    data = export.text().encode("cp1251" if encoding == "cp1251" else "utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"") + data)
    return path


def _run(playbook: Path, recipients: Path, out: Path, **options: Any) -> dict[str, Any]:
    run_batch(BatchOptions(str(playbook), str(recipients), str(out), at=AT, sets=SETS, **options))
    return json.loads((out / "summary.json").read_text("utf-8"))


def _by_line(out: Path) -> dict[int, tuple[str, dict[str, Any]]]:
    found: dict[int, tuple[str, dict[str, Any]]] = {}
    for name, records in outputs(out).items():
        for record in records:
            assert record["line"] not in found, f"line {record['line']} written twice"
            found[record["line"]] = (name.removesuffix(".jsonl"), record)
    return found


@pytest.mark.parametrize(("encoding", "jobs"), [("utf-8-sig", 1), ("cp1251", 1), ("utf-8-sig", 2)])
def test_every_row_reaches_its_person_or_is_refused_with_the_reason(
        crm: tuple[Path, Export], tmp_path: Path, encoding: str, jobs: int) -> None:
    playbook, export = crm
    recipients = _write(tmp_path, export, encoding)
    out = tmp_path / "out"
    options: dict[str, Any] = {"jobs": jobs}
    if encoding == "cp1251":
        options["encoding"] = "cp1251"
    summary = _run(playbook, recipients, out, **options)
    written = _by_line(out)
    assert len(written) == ROWS  # every row in exactly one file
    reasons: Counter[str] = Counter()
    for index, (row, expected) in enumerate(zip(export.rows, export.expected, strict=True)):
        line = index + 2
        target, record = written[line]
        assert record["id"] == row[0]
        if expected.outcome == "sent":
            assert target in expected.channels, (row, record)
            assert record["channel"] == target and record["address"] == expected.address, (row, record)
            assert "fallback" not in record  # always the person's own choice here
            if expected.greeting:
                assert record["text"].splitlines()[0] == expected.greeting, (row, record["text"][:80])
        else:
            assert target == "rejected", (row, record)
            assert record["reason"] == expected.reason, (row, record)
            assert record["detail"]
            reasons[expected.reason] += 1
    assert summary["rows"] == ROWS
    assert summary["messages"] + summary["rejected"]["total"] == ROWS
    assert summary["rejected"]["by_reason"] == dict(sorted(reasons.items()))
    assert summary["duplicates"] == reasons["duplicate"] > 0
    assert summary["fallbacks"]["total"] == 0
    assert summary["phone_region"] == "RU"
    per_channel = Counter(target for target, _record in written.values() if target != "rejected")
    assert {name: data["messages"] for name, data in summary["channels"].items()} == dict(per_channel)


def test_the_export_covers_what_the_issue_asks_for(crm: tuple[Path, Export]) -> None:
    """A guard on the generator itself: the mix is as rich as real exports."""
    _playbook, export = crm
    outcomes = Counter(e.reason or "sent" for e in export.expected)
    for reason in ("sent", "duplicate", "number_type", "own_number", "no_valid_address", "unknown_channel",
                   "no_preference"):
        assert outcomes[reason] >= 5, outcomes
    phones = [row[HEADER.index("phone")] for row in export.rows]
    assert sum(phone.startswith("8 (") for phone in phones) > 10 and any(p.startswith("+44") for p in phones)
    choices = {row[HEADER.index("channels")] for row in export.rows}
    assert {"смс", "почта", '["sms", "email"]', "E-mail"} <= choices
    names = {row[HEADER.index("name")] for row in export.rows}
    assert {"МАРИЯ", "соколов дмитрий сергеевич"} <= names


def test_cp1251_and_utf8_give_the_same_messages(crm: tuple[Path, Export], tmp_path: Path) -> None:
    playbook, export = crm
    _run(playbook, _write(tmp_path, export, "utf-8-sig"), tmp_path / "a")
    _run(playbook, _write(tmp_path, export, "cp1251"), tmp_path / "b", encoding="cp1251")
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")


def test_a_windows_1251_export_read_as_utf8_is_one_clear_error(crm: tuple[Path, Export], tmp_path: Path) -> None:
    playbook, export = crm
    recipients = _write(tmp_path, export, "cp1251")
    with pytest.raises(CrisisplayError) as caught:
        _run(playbook, recipients, tmp_path / "out")
    assert "not UTF-8" in str(caught.value) and "--recipients-encoding cp1251" in caught.value.hint
    assert not (tmp_path / "out").exists()  # nothing written
    result = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients), "--out",
                                               str(tmp_path / "cli"), "--at", "2026-03-15T11:00", *_sets()])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_command_line_run_with_encoding_and_summary(crm: tuple[Path, Export], tmp_path: Path) -> None:
    playbook, export = crm
    recipients = _write(tmp_path, export, "cp1251")
    result = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients), "--out",
                                               str(tmp_path / "cli"), "--at", "2026-03-15T11:00",
                                               "--recipients-encoding", "cp1251", *_sets()])
    assert result.exit_code == 0, result.output
    assert "duplicate" in result.output and "number_type" in result.output and "own_number" in result.output


def _sets() -> list[str]:
    return [part for value in SETS for part in ("--set", value)]
