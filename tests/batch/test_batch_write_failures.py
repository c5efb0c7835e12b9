"""A mass render that cannot write: exit 2 with the cause, committed rows kept, resumable.

And a run whose parent process is SIGKILLed: its workers end with it, silently.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import AT, many_rows, outputs, write_csv
from click.testing import CliRunner

from crisisplay.batch import journal
from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError

ROWS = 600


def _options(playbook: Path, recipients: Path, out: Path, **changes: Any) -> BatchOptions:
    return BatchOptions(str(playbook), str(recipients), str(out), at=AT, chunk_size=50, commit_seconds=0, **changes)


@pytest.mark.parametrize(("code", "cause"), [(errno.ENOSPC, "the disk is full"), (errno.EIO, "I/O error")])
def test_full_disk_mid_run_then_resume_equals_a_clean_run(playbook: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, code: int,
                                                          cause: str) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(ROWS))
    clean = tmp_path / "clean"
    run_batch(_options(playbook, recipients, clean))
    out = tmp_path / "out"
    real_write = journal._write_all
    calls = {"n": 0}

    def write_all(fd: int, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 12:  # after a few commits, half a chunk reaches the disk, then ENOSPC
            os.write(fd, data[: len(data) // 2])
            raise OSError(code, os.strerror(code))
        real_write(fd, data)

    monkeypatch.setattr(journal, "_write_all", write_all)
    with pytest.raises(CrisisplayError) as info:
        run_batch(_options(playbook, recipients, out))
    message = str(info.value)
    assert cause in message and "--resume" in message and "kept" in message
    monkeypatch.undo()
    for path in out.glob("*.jsonl"):  # rolled back to the last commit: whole lines only
        assert path.read_bytes().endswith(b"\n") or path.stat().st_size == 0
    resumed = run_batch(_options(playbook, recipients, out, resume=True))
    assert resumed.complete
    assert outputs(out) == outputs(clean)
    ids = [line["id"] for lines in outputs(out).values() for line in lines if line["id"] is not None]
    assert len(ids) == len(set(ids)) == ROWS


def test_read_only_out_is_exit_2(playbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(20))

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / "out" / journal.JOURNAL_NAME))

    monkeypatch.setattr(journal.os, "open", refuse)
    result = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients),
                                      "--out", str(tmp_path / "out"), "--no-progress", "--example"])
    assert result.exit_code == 2, result.output
    assert "batch.journal" in result.output and "read-only" in result.output and "nothing was rendered" in result.output


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table from /proc")
def test_workers_die_with_their_parent_silently(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(40_000))
    code = ("import sys; from datetime import datetime; from crisisplay.batch.runner import BatchOptions, run_batch; "
            "run_batch(BatchOptions(sys.argv[1], sys.argv[2], sys.argv[3], jobs=2, chunk_size=200, "
            "at=datetime.fromisoformat('2026-03-15T11:00:00+00:00'), start_method='fork'))")
    log = tmp_path / "stderr.txt"
    with log.open("wb") as errors:
        parent = subprocess.Popen([sys.executable, "-c", code, str(playbook), str(recipients), str(tmp_path / "out")],
                                  stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = _children(parent.pid)
        if parent.poll() is not None:
            pytest.fail(f"the run ended before its workers started: {log.read_text()}")
        assert len(workers) >= 2, "no workers seen"
        time.sleep(0.5)  # let them be mid-chunk
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "a worker outlived its parent"
    time.sleep(0.3)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "BrokenPipeError" not in text, text
