"""--resume checks what was asked: any changed parameter is refused by name, the same one is a no-op."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from batch_helpers import AT, many_rows, outputs, write_csv
from click.testing import CliRunner

from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError

Change = Callable[[Path, dict[str, Any]], None]


def _edit_playbook(folder: Path, options: dict[str, Any]) -> None:
    path = folder / "playbooks" / "notice.ru.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["facts"]["company"]["default"] = "Другая компания"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def _edit_recipients(folder: Path, options: dict[str, Any]) -> None:
    path = Path(options["recipients"])
    path.write_bytes(path.read_bytes().replace(b"Name3,", b"Name33,", 1))


def _edit_facts(folder: Path, options: dict[str, Any]) -> None:
    Path(options["facts"]).write_text("incident: the site does not open\nnext_update_at: 2026-03-15T14:00\n", "utf-8")


CHANGES: list[tuple[str, Change, str]] = [
    ("stage", lambda f, o: o.update(stage="update"), "--stage differs"),
    ("at", lambda f, o: o.update(at=AT.replace(hour=12)), "--at differs"),
    ("channels", lambda f, o: o.update(channels=("sms",)), "--channel differs"),
    ("sets", lambda f, o: o.update(sets=("incident=everything is down",)), "--set differs"),
    ("allow_duplicates", lambda f, o: o.update(allow_duplicates=True), "--allow-duplicates differs"),
    ("encoding", lambda f, o: o.update(encoding="cp1251"), "--recipients-encoding differs"),
    ("playbook", _edit_playbook, r"the playbook \(PLAYBOOK, its locale versions and what they extend\) differs"),
    ("facts file", _edit_facts, r"the facts \(--facts\) differs"),
    ("recipients", _edit_recipients, "the recipients file differs"),
]


def _options(folder: Path) -> dict[str, Any]:
    facts = folder / "facts.yaml"
    if not facts.exists():
        facts.write_text("incident: the app does not open\nnext_update_at: 2026-03-15T14:00\n", "utf-8")
    recipients = folder / "r.csv"
    if not recipients.exists():
        write_csv(recipients, many_rows(40))
    return {"playbook": str(folder / "playbooks" / "notice"), "recipients": str(recipients),
            "out": str(folder / "out"), "at": AT, "facts": str(facts)}


@pytest.mark.parametrize(("name", "change", "message"), CHANGES, ids=[c[0] for c in CHANGES])
def test_resume_of_a_finished_run_refuses_each_changed_parameter(
        playbook: Path, name: str, change: Change, message: str) -> None:
    folder = playbook.parent.parent
    options = _options(folder)
    run_batch(BatchOptions(**options))
    before = outputs(Path(options["out"]))
    changed = dict(options, resume=True)
    change(folder, changed)
    with pytest.raises(CrisisplayError, match=message) as caught:
        run_batch(BatchOptions(**changed))
    assert "another --out" in caught.value.hint
    assert outputs(Path(options["out"])) == before  # nothing touched


@pytest.mark.parametrize(("name", "change", "message"), CHANGES[:7], ids=[c[0] for c in CHANGES[:7]])
def test_resume_of_an_interrupted_run_refuses_them_too(
        playbook: Path, name: str, change: Change, message: str) -> None:
    folder = playbook.parent.parent
    options = _options(folder)
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions(**options, chunk_size=5, commit_seconds=0), progress=_interrupt_after(2))
    changed = dict(options, resume=True)
    change(folder, changed)
    with pytest.raises(CrisisplayError, match=message):
        run_batch(BatchOptions(**changed))


def test_the_same_parameters_are_still_a_no_op(playbook: Path) -> None:
    folder = playbook.parent.parent
    options = _options(folder)
    first = run_batch(BatchOptions(**options))
    before = outputs(Path(options["out"]))
    again = run_batch(BatchOptions(**dict(options, resume=True)))
    assert again.already_complete and again.counters.to_dict() == first.counters.to_dict()
    assert again.rows_this_run == 0 and outputs(Path(options["out"])) == before
    # --at may be left out: the run's own time is used
    assert run_batch(BatchOptions(**dict(options, resume=True, at=None))).already_complete


def test_the_command_line_exits_2_naming_the_difference(playbook: Path) -> None:
    folder = playbook.parent.parent
    options = _options(folder)
    base = ["render", options["playbook"], "--recipients", options["recipients"], "--out", options["out"],
            "--facts", options["facts"], "--at", "2026-03-15T11:00:00+00:00", "--no-progress"]
    assert CliRunner().invoke(cli, base).exit_code == 0
    result = CliRunner().invoke(cli, [*base, "--resume", "--stage", "update"])
    assert result.exit_code == 2 and "--stage differs ('first_notice' then, 'update' now)" in result.output
    result = CliRunner().invoke(cli, [*base, "--resume"])
    assert result.exit_code == 0 and "already complete" in result.output


def test_duplicates_are_found_across_a_resume(playbook: Path, tmp_path: Path) -> None:
    """The seen set lives in memory: a resumed run reads back what was already sent."""
    rows = many_rows(30)
    rows += [list(rows[1]), list(rows[2])]  # ids sent before the interruption, again at the end
    recipients = write_csv(tmp_path / "r.csv", rows)
    clean = tmp_path / "clean"
    run_batch(BatchOptions(str(playbook), str(recipients), str(clean), at=AT))
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), at=AT, chunk_size=5, commit_seconds=0),
                  progress=_interrupt_after(3))
    run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True))
    assert outputs(out) == outputs(clean)
    reasons = [r["reason"] for r in outputs(out)["rejected.jsonl"] if r["line"] > 31]
    assert reasons == ["duplicate", "duplicate"]


def _interrupt_after(commits: int) -> Callable[[object], None]:
    seen: list[int] = []

    def progress(_: object) -> None:
        seen.append(1)
        if len(seen) >= commits:
            raise KeyboardInterrupt

    return progress
