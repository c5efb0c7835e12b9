"""Crash-safe output: append-only files, committed offsets, and the journal that records them.

A mass mailing that dies at row 600,000 must neither send row 1 twice nor skip row
600,001 when it continues. So output is organised as commits:

1. each chunk's lines are appended to each output file with one ``write`` per file (a
   process killed mid-way leaves whole chunks, never half a line);
2. at most every ``commit_seconds`` (one second by default) and at the end, the
   files are fsync'd: an fsync per chunk and file would cost a tenth of the run;
3. one JSON line is appended to the journal and fsync'd: the input position after the
   last chunk, every output file's size, the running counters, and a hash of the
   input bytes just before that position.

On ``--resume`` each output is truncated to its size in the last complete journal
line (dropping whatever a killed run wrote after its last commit), the input is
checked to be the same file up to that point, and reading continues from the
recorded byte offset. A final line with ``"complete": true`` marks a finished run,
which is never resumed again. An append-only journal costs one small fsync per
chunk, where rewriting a state file atomically costs a rename and a directory fsync.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisplay.batch.input_lines import Position
from crisisplay.batch.summary import Counters
from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.fsutil import sync_dir

JOURNAL_NAME = "batch.journal"
JOURNAL_VERSION = 2
WINDOW = 4096
REJECTED_FILE = "rejected.jsonl"
SUMMARY_FILE = "summary.json"
_sync = getattr(os, "fdatasync", os.fsync)


def output_name(target: str) -> str:
    """``sms`` → ``sms.jsonl``; ``rejected`` → ``rejected.jsonl``."""
    return f"{target}.jsonl"


def file_hash(path: Path) -> str:
    """SHA-256 of a whole file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_window_hash(path: Path, offset: int) -> str:
    """Hash of the input bytes just before ``offset``: proves the input is unchanged there."""
    with path.open("rb") as handle:
        start = max(0, offset - WINDOW)
        handle.seek(start)
        return hashlib.sha256(handle.read(offset - start)).hexdigest()


@dataclass
class Commit:
    """One durable point of a run."""

    seq: int
    position: Position
    outputs: dict[str, int]
    counters: Counters
    window: str = ""
    complete: bool = False
    #: the final commit: a hash of the whole recipients file the run finished with
    recipients_sha256: str = ""

    def to_json(self) -> str:
        data = {
            "seq": self.seq, "offset": self.position.offset, "line": self.position.line,
            "outputs": self.outputs, "window": self.window, "complete": self.complete,
            "counters": self.counters.to_dict(),
        }
        if self.recipients_sha256:
            data["recipients_sha256"] = self.recipients_sha256
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commit:
        return cls(int(data["seq"]), Position(int(data["offset"]), int(data["line"])),
                   {str(k): int(v) for k, v in data["outputs"].items()}, Counters.from_dict(data["counters"]),
                   str(data.get("window", "")), bool(data.get("complete", False)),
                   str(data.get("recipients_sha256", "")))


@dataclass
class JournalState:
    """What a journal says: the run's settings and its last complete commit."""

    header: dict[str, Any]
    last: Commit | None
    valid_bytes: int


class Journal:
    """The append-only journal of one output directory."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def create(cls, out_dir: Path, header: dict[str, Any]) -> Journal:
        path = out_dir / JOURNAL_NAME
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        journal = cls(path, fd)
        journal._append(json.dumps({"crisisplay_batch_journal": JOURNAL_VERSION, **header},
                                   ensure_ascii=False, sort_keys=True))
        sync_dir(out_dir)
        return journal

    @classmethod
    def reopen(cls, out_dir: Path, state: JournalState) -> Journal:
        """Continue a journal, dropping a torn last line a killed run may have left."""
        path = out_dir / JOURNAL_NAME
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        os.ftruncate(fd, state.valid_bytes)
        return cls(path, fd)

    @staticmethod
    def read(out_dir: Path) -> JournalState:
        path = out_dir / JOURNAL_NAME
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CrisisplayError(f"cannot read the batch journal: {exc.strerror}", Location(str(path))) from None
        header: dict[str, Any] | None = None
        last: Commit | None = None
        valid = 0
        for raw in data.splitlines(keepends=True):
            if not raw.endswith(b"\n"):
                break  # torn by a kill: not committed
            try:
                entry = json.loads(raw)
                if header is None:
                    version = entry.get("crisisplay_batch_journal")
                    if isinstance(version, int) and version < JOURNAL_VERSION:
                        raise CrisisplayError(
                            "the run in this folder was started by an older crisisplay, whose journal does not "
                            "record everything a resume now checks", Location(str(path)),
                            hint="finish it with that version, or start over in a new --out")
                    if version != JOURNAL_VERSION:
                        raise ValueError("not a crisisplay batch journal of a known version")
                    header = entry
                else:
                    last = Commit.from_dict(entry)
            except (ValueError, KeyError, TypeError):
                break
            valid += len(raw)
        if header is None:
            raise CrisisplayError("the batch journal is empty or damaged; start over in a new --out",
                                  Location(str(path)))
        return JournalState(header, last, valid)

    def _append(self, line: str) -> None:
        _write_all(self._fd, (line + "\n").encode("utf-8"))
        _sync(self._fd)

    def commit(self, commit: Commit) -> None:
        self._append(commit.to_json())

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)


@dataclass
class Outputs:
    """The append-only output files of a run and their sizes."""

    out_dir: Path
    sizes: dict[str, int] = field(default_factory=dict)
    _fds: dict[str, int] = field(default_factory=dict)
    _dirty: set[str] = field(default_factory=set)

    def write(self, chunks: dict[str, bytes]) -> None:
        """Append each file's bytes with one write (durable only after :meth:`sync`)."""
        for target, data in chunks.items():
            name = output_name(target)
            fd = self._fds.get(name)
            if fd is None:
                fd = self._fds[name] = os.open(self.out_dir / name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
                if name not in self.sizes:
                    sync_dir(self.out_dir)
            _write_all(fd, data)
            self.sizes[name] = self.sizes.get(name, 0) + len(data)
            self._dirty.add(name)

    def sync(self) -> None:
        """fsync every file written since the last sync."""
        for name in sorted(self._dirty):
            _sync(self._fds[name])
        self._dirty.clear()

    def close(self) -> None:
        for fd in self._fds.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()
        self._dirty.clear()

    def rollback(self, committed: dict[str, int], known: tuple[str, ...]) -> None:
        """Cut every output back to its committed size; remove files created since."""
        self.close()
        for name in known:
            path = self.out_dir / name
            size = path.stat().st_size if path.exists() else None
            if name in committed:
                if (size or 0) < committed[name]:
                    raise CrisisplayError(
                        f"{name} holds {size or 0} bytes but {committed[name]} were committed; it was "
                        "changed after the run stopped, so the run cannot be resumed safely",
                        Location(str(path)))
                if size is not None and size != committed[name]:
                    os.truncate(path, committed[name])
            elif size is not None:
                path.unlink()
        self.sizes = dict(committed)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
