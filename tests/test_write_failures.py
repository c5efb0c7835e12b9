"""Write failures (ENOSPC, EACCES, EROFS): exit 2, the path and the cause, nothing half-written.

Each failure is injected where the operating system would raise it (a full disk fails the
fsync or the write, a read-only folder the rename or the create). When this process may
mount a small tmpfs (root in a container), the same runs happen on a real 64 KiB file
system too.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError
from crisisplay.fsutil import write_text_atomic
from crisisplay.render import bundle

ROOT = Path(__file__).resolve().parent.parent
PLAYBOOK = str(ROOT / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml")
CAUSES = {errno.ENOSPC: "the disk is full", errno.EACCES: "permission denied", errno.EROFS: "read-only"}


def _render_out(out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["render", PLAYBOOK, "--example", "--at", "2026-03-15T10:00", "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _failing(after: int, code: int, real: Callable[..., Any], *, once: bool = False) -> Callable[..., Any]:
    """``real``, until its ``after``-th call raises OSError(code) (that call only, with ``once``)."""
    calls = {"n": 0}

    def fail(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == after or (calls["n"] > after and not once):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return fail


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- render --out: the whole outbox or nothing ------------------------------------------
@pytest.mark.parametrize("code", sorted(CAUSES))
def test_full_disk_mid_outbox_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    monkeypatch.setattr(bundle.os, "fsync", _failing(4, code, os.fsync))
    status, output = _render_out(tmp_path / "outbox")
    assert status == 2, output
    assert "outbox" in output and CAUSES[code] in output and "internal error" not in output
    assert not (tmp_path / "outbox").exists()
    assert _leftovers(tmp_path) == []


def test_failed_rewrite_keeps_the_previous_outbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "outbox"
    assert _render_out(out)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) > 10 and "bundle.json" in before
    monkeypatch.setattr(bundle.os, "fsync", _failing(6, errno.ENOSPC, os.fsync))
    status, output = _render_out(out)
    assert status == 2 and "the disk is full" in output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_failed_swap_puts_the_previous_outbox_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "outbox"
    assert _render_out(out)[0] == 0
    before = sorted(p.name for p in out.iterdir())
    # the old outbox moves aside, the new one cannot move in: the old one comes back
    monkeypatch.setattr(bundle.os, "rename", _failing(2, errno.EROFS, os.rename, once=True))
    status, output = _render_out(out)
    assert status == 2 and "read-only" in output
    assert sorted(p.name for p in out.iterdir()) == before


def test_rewrite_replaces_the_whole_outbox(tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    assert _render_out(out)[0] == 0
    (out / "sms.txt").write_text("edited by hand", encoding="utf-8")
    assert _render_out(out)[0] == 0
    assert (out / "sms.txt").read_text(encoding="utf-8") != "edited by hand"
    assert _leftovers(tmp_path) == []


def test_out_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "work"
    out.mkdir()
    (out / "notes.docx").write_bytes(b"mine")
    status, output = _render_out(out)
    assert status == 2 and "notes.docx" in output and "did not write" in output
    assert [p.name for p in out.iterdir()] == ["notes.docx"]


def test_read_only_parent_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(bundle.tempfile, "mkdtemp", refuse)
    status, output = _render_out(tmp_path / "outbox")
    assert status == 2 and "permission denied" in output and "outbox" in output


# -- single files: checklist report -o, lint --fix, new ---------------------------------
@pytest.mark.parametrize("code", sorted(CAUSES))
def test_atomic_file_write_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      code: int) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _failing(1, code, os.fsync))
    with pytest.raises(CrisisplayError) as info:
        write_text_atomic(target, "new report")
    assert str(target) in info.value.message and CAUSES[code] in info.value.message
    assert target.read_text(encoding="utf-8") == "old report"
    assert _leftovers(tmp_path) == []


def test_checklist_report_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "db.sqlite3")
    runner = CliRunner()
    started = runner.invoke(cli, ["checklist", "start", PLAYBOOK, "--name", "r", "--db", db])
    assert started.exit_code == 0, started.output
    monkeypatch.setattr(os, "fsync", _failing(1, errno.ENOSPC, os.fsync))
    result = runner.invoke(cli, ["checklist", "report", "r", "-o", str(tmp_path / "report.md"), "--db", db])
    assert result.exit_code == 2 and "the disk is full" in result.output and "report.md" in result.output
    assert not (tmp_path / "report.md").exists()


# -- a real small file system, when this process may mount one ----------------------------
@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                              capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("cannot run mount here")
    if done.returncode != 0:
        pytest.skip("this process may not mount a tmpfs (needs root in a container)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, timeout=10)


def test_real_full_disk_under_render_out(tiny_fs: Path) -> None:
    status, output = _render_out(tiny_fs / "outbox")
    assert status == 2 and "the disk is full" in output
    assert list(tiny_fs.iterdir()) == []


def test_real_read_only_file_system(tiny_fs: Path, tmp_path: Path) -> None:
    (tiny_fs / "outbox").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True, timeout=10)
    status, output = _render_out(tiny_fs / "outbox")
    assert status == 2 and "read-only" in output
    rows = tmp_path / "r.csv"
    rows.write_text("id,phone,channels\n1,+79161234567,sms\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", PLAYBOOK, "--recipients", str(rows), "--out",
                                      str(tiny_fs / "outbox"), "--at", "2026-03-15T10:00", "--example"])
    assert result.exit_code == 2 and "read-only" in result.output and "batch.journal" in result.output


def test_outbox_bundle_lists_every_file(tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    assert _render_out(out)[0] == 0
    data = json.loads((out / "bundle.json").read_text(encoding="utf-8"))
    listed = {m["file"] for m in data["messages"]} | {"bundle.json"}
    assert listed == {p.name for p in out.iterdir()}


def test_full_stdout_is_exit_2() -> None:
    """``crisisplay render … > /dev/full``: the disk is full, said once, exit 2."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "crisisplay.cli.main", "render", PLAYBOOK, "--example",
                               "--at", "2026-03-15T10:00"], stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 2, done.stderr
    assert b"cannot write the output: the disk is full" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["lint", "notice.txt"], ["lint", "--format", "json", "notice.txt"],
                                  ["validate", PLAYBOOK]])
def test_closed_stdout_is_exit_2(tmp_path: Path, args: list[str]) -> None:
    """``crisisplay lint notice.txt >&-``: started with stdout closed, Python has no sys.stdout;
    the findings went nowhere, said once, exit 2, no traceback (the plain lint and click's path)."""
    (tmp_path / "notice.txt").write_text("Всё пропало!!!\n", encoding="utf-8")
    command = " ".join(f"'{part}'" for part in [sys.executable, "-m", "crisisplay", *args])
    done = subprocess.run(["sh", "-c", f"exec {command} >&-"], cwd=tmp_path, capture_output=True, timeout=120,
                          env={**os.environ, "CRISISPLAY_CACHE_DIR": "off"})
    assert done.returncode == 2, done.stderr
    assert b"cannot write the output: standard output is closed" in done.stderr
    assert b"Traceback" not in done.stderr
