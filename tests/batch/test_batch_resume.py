"""Interrupted runs: SIGKILL, SIGTERM, a torn journal; --resume gives exactly a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from batch_helpers import AT, many_rows, outputs, write_csv
from click.testing import CliRunner

from crisisplay.batch.journal import JOURNAL_NAME
from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.cli.main import cli

AT_TEXT = "2026-03-15T11:00:00+00:00"
ROWS = 4000


def _spawn_cli(playbook: Path, recipients: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "crisisplay", "render", str(playbook), "--recipients", str(recipients),
         "--out", str(out), "--at", AT_TEXT, "--no-progress", "--example"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _spawn_library(playbook: Path, recipients: Path, out: Path) -> subprocess.Popen[bytes]:
    """The same run with small chunks, each committed: many points to be killed at."""
    code = ("import sys; from datetime import datetime; from crisisplay.batch.runner import BatchOptions, run_batch; "
            "run_batch(BatchOptions(sys.argv[1], sys.argv[2], sys.argv[3], "
            "at=datetime.fromisoformat(sys.argv[4]), chunk_size=100, commit_seconds=0, example=True))")
    return subprocess.Popen([sys.executable, "-c", code, str(playbook), str(recipients), str(out), AT_TEXT],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _commits(out: Path) -> list[dict[str, object]]:
    path = out / JOURNAL_NAME
    if not path.exists():
        return []
    lines = path.read_bytes().split(b"\n")[1:]
    return [json.loads(line) for line in lines if line.strip().endswith(b"}")]


def _kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool], sig: int) -> None:
    deadline = time.monotonic() + 60
    while not ready():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the run never committed"
        time.sleep(0.002)
    process.send_signal(sig)
    process.wait(timeout=60)


@pytest.fixture
def clean_run(playbook: Path, tmp_path: Path) -> tuple[Path, Path]:
    recipients = write_csv(tmp_path / "r.csv", many_rows(ROWS))
    clean = tmp_path / "clean"
    run_batch(BatchOptions(str(playbook), str(recipients), str(clean), at=AT, example=True))
    return recipients, clean


def test_sigkill_mid_run_then_resume_equals_a_clean_run(playbook: Path, tmp_path: Path,
                                                         clean_run: tuple[Path, Path]) -> None:
    recipients, clean = clean_run
    out = tmp_path / "out"
    process = _spawn_library(playbook, recipients, out)
    _kill_when(process, lambda: len(_commits(out)) >= 3, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    assert not any(commit["complete"] for commit in _commits(out)), "finished before the kill"
    for path in out.glob("*.jsonl"):  # whatever was written holds whole lines only
        assert path.read_bytes().endswith(b"\n") or path.stat().st_size == 0
    result = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients), "--out",
                                      str(out), "--resume", "--example"])
    assert result.exit_code == 0, result.output
    resumed, expected = outputs(out), outputs(clean)
    assert resumed == expected
    ids = [line["id"] for lines in resumed.values() for line in lines if line["id"] is not None]
    assert len(ids) == len(set(ids)) == ROWS
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary == json.loads((clean / "summary.json").read_text("utf-8")) | {
        "recipients": summary["recipients"]}
    again = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients), "--out",
                                     str(out), "--resume", "--example"])
    assert again.exit_code == 0 and "already complete" in again.output
    assert outputs(out) == expected


def test_sigterm_keeps_only_committed_lines(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(ROWS))
    out = tmp_path / "out"
    process = _spawn_cli(playbook, recipients, out)
    _kill_when(process, lambda: any(out.glob("*.jsonl")), signal.SIGTERM)
    stderr = process.stderr.read().decode() if process.stderr else ""
    commits = _commits(out)
    if commits and commits[-1]["complete"]:
        pytest.skip("the run finished before SIGTERM arrived")
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    sizes = commits[-1]["outputs"] if commits else {}
    assert isinstance(sizes, dict)
    assert {p.name: p.stat().st_size for p in out.glob("*.jsonl")} == sizes


def test_torn_tail_is_cut_on_resume(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(60))
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_batch(BatchOptions(str(playbook), str(recipients), str(clean), at=AT, chunk_size=7))
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), at=AT, chunk_size=7, commit_seconds=0),
                  progress=_stop_after(3))
    # what a crash between write and commit leaves: lines past the commit, a torn journal line
    with (out / "sms.jsonl").open("ab") as handle:
        handle.write(b'{"id": "uncommitted", "text": "hal')
    with (out / JOURNAL_NAME).open("ab") as handle:
        handle.write(b'{"seq": 99, "offset": 12')
    (out / "voice.jsonl").write_bytes(b'{"id": "stray"}\n')
    run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True, chunk_size=7))
    assert outputs(out) == outputs(clean)


def test_a_shortened_output_cannot_be_resumed(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(30))
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), at=AT, chunk_size=5, commit_seconds=0),
                  progress=_stop_after(2))
    os.truncate(out / "sms.jsonl", 10)
    from crisisplay.errors import CrisisplayError

    with pytest.raises(CrisisplayError, match="cannot be resumed"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True))


def _stop_after(commits: int):  # type: ignore[no-untyped-def]
    count = [0]

    def progress(_: object) -> None:
        count[0] += 1
        if count[0] >= commits:
            raise KeyboardInterrupt

    return progress
