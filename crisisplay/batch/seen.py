"""An exact set of 128-bit key hashes in fixed memory: who already got the message.

A mass send must not message the same person (id) or the same address on the same
channel twice, over millions of rows, without memory growing with the file. Keys are
held as two independent 64-bit hashes (a false match needs both to collide: about
2⁻¹²⁸ per pair) in three tiers:

1. a Bloom filter of fixed size (8 MiB): most keys are new, and "certainly not seen"
   costs a few vectorised bit tests per chunk;
2. a buffer of the most recent keys (numpy arrays, fixed size);
3. runs sorted by the first hash on disk, merged two at a time when they reach the same
   size (a binary counter: each key is rewritten about log₂(keys / buffer) times, and at
   most that many runs exist). Only keys the filter cannot rule out (real
   duplicates and rare false positives) are looked up there, by binary search on a
   few blocks read through small in-memory fences (every 512th key).

Hashes come from Python's ``hash`` (randomised per process), so the set is never stored
across processes: a resumed run rebuilds it from the output it already committed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

#: Probed on both sides of a process pool: equal only when the workers hash like the main
#: process (forked: same hash secret), so that hashes computed there can be used here.
PROBE = "crisisplay duplicate check \x00 probe"
RECORD = np.dtype([("h1", "<i8"), ("h2", "<i8"), ("line", "<i8")])
_COLUMNS = ("h1", "h2", "line")
_FENCE = 512  # keys per block of a run's h1 column that a lookup reads (4 KiB)
_BLOCK = 1 << 14  # records per read while merging runs (bounds the merge's memory: a few hundred KB)
_FEW = 16  # positives checked against the buffer one by one (more: one sort)


def _read_column(handle: Any, start: int, count: int) -> np.ndarray[Any, Any]:
    """``count`` int64 from position ``start`` of a column file (fewer at its end)."""
    return np.frombuffer(os.pread(handle.fileno(), 8 * count, 8 * start), np.int64)


def key_hashes(rows: Iterable[tuple[str, str, str]]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Two independent 64-bit hashes per key, two keys per (id, channel, address) row:
    the id, then the channel with the address (case-folded: one mailbox, one key)."""
    keys: list[str] = []
    add = keys.append
    for rid, channel, address in rows:
        add("\x00" + rid)
        add(channel + "\x00" + address.casefold())
    first = np.fromiter(map(hash, keys), np.int64, len(keys))
    second = np.fromiter(map(hash, [key + "\x01" for key in keys]), np.int64, len(keys))
    return first, second


@dataclass
class _SortedRun:
    """A sorted run on disk: one file per column (h1, h2, line), so h1 can be searched in place."""

    path: Path
    size: int
    #: every _FENCE-th h1 (in memory: 1/_FENCE of the run, to find the block to read)
    fences: np.ndarray[Any, Any] = field(default_factory=lambda: np.empty(0, np.int64))

    def column(self, name: str) -> Path:
        return self.path.with_name(f"{self.path.name}.{name}")

    def remove(self) -> None:
        for name in _COLUMNS:
            with contextlib.suppress(OSError):
                self.column(name).unlink()


class SeenSet:
    """``lookup`` then ``add``, a chunk at a time; see the module docstring."""

    def __init__(self, directory: str | Path | None = None, *, bloom_bits: int = 1 << 26,
                 buffer_size: int = 1 << 16, hashes: int = 3) -> None:
        if bloom_bits & (bloom_bits - 1):
            raise ValueError("bloom_bits must be a power of two")
        self._owned = directory is None
        self.directory = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="crisisplay-seen-"))
        # allocated and touched now: the memory of a run is fixed from its first row on
        self._bits = np.ones(bloom_bits // 8, np.uint8)
        self._bits.fill(0)
        self._mask = np.uint64(bloom_bits - 1)
        self._steps = np.arange(hashes, dtype=np.uint64)
        self._buffer = np.ones(buffer_size, RECORD)
        self._count = 0
        self._runs: list[_SortedRun] = []
        self._serial = 0
        self.size = 0

    # -- the Bloom filter --------------------------------------------------------------
    def _positions(self, h1: np.ndarray[Any, Any], h2: np.ndarray[Any, Any]) -> tuple[Any, Any]:
        with np.errstate(over="ignore"):
            pos = (h1.astype(np.uint64)[:, None] + self._steps * h2.astype(np.uint64)[:, None]) & self._mask
        return pos >> np.uint64(3), (np.uint8(1) << (pos & np.uint64(7)).astype(np.uint8))

    def _maybe(self, h1: np.ndarray[Any, Any], h2: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        byte, bit = self._positions(h1, h2)
        return np.asarray(((self._bits[byte] & bit) != 0).all(axis=1))

    # -- lookups -----------------------------------------------------------------------
    def lookup(self, h1: np.ndarray[Any, Any], h2: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """For each key, the ``line`` it was added with, or -1 when it was never added."""
        found = np.full(len(h1), -1, np.int64)
        if not len(h1) or not self.size:
            return found
        candidates = np.flatnonzero(self._maybe(h1, h2))
        if candidates.size:
            self._in_buffer(h1, h2, candidates, found)
            rest = candidates[found[candidates] < 0]
            for run in self._runs:
                if not rest.size:
                    break
                self._in_run(run, h1, h2, rest, found)
                rest = rest[found[rest] < 0]
        return found

    def _in_buffer(self, h1: Any, h2: Any, candidates: Any, found: Any) -> None:
        if not self._count:
            return
        filled = self._buffer[: self._count]
        if candidates.size <= _FEW:
            for index in candidates:
                hits = np.flatnonzero((filled["h1"] == h1[index]) & (filled["h2"] == h2[index]))
                if hits.size:
                    found[index] = filled["line"][hits[0]]
            return
        ordered = filled[np.argsort(filled["h1"], kind="stable")]
        self._search([ordered[name] for name in _COLUMNS], h1, h2, candidates, found)

    def _in_run(self, run: _SortedRun, h1: Any, h2: Any, candidates: Any, found: Any) -> None:
        """Look keys up in a run on disk: the in-memory fences say which block of the h1
        column to read, and only that block (two, for a key on a boundary) is read."""
        blocks = np.maximum(np.searchsorted(run.fences, h1[candidates], side="left") - 1, 0)
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(run.column(name).open("rb", buffering=0)) for name in _COLUMNS]
            for index, block in zip(candidates.tolist(), blocks.tolist(), strict=True):
                start = block * _FENCE
                keys = _read_column(files[0], start, 2 * _FENCE)
                position = int(np.searchsorted(keys, h1[index], side="left"))
                while position < len(keys) and keys[position] == h1[index]:
                    where = start + position
                    if _read_column(files[1], where, 1)[0] == h2[index]:
                        found[index] = _read_column(files[2], where, 1)[0]
                        break
                    position += 1
                    if position == len(keys):  # equal first hashes across blocks: read on
                        start, position = start + position, 0
                        keys = _read_column(files[0], start, 2 * _FENCE)

    @staticmethod
    def _search(columns: Any, h1: Any, h2: Any, candidates: Any, found: Any) -> None:
        """Binary search in (h1, h2, line) columns sorted by h1 (equal h1 are scanned for h2).

        ``h1`` is a contiguous column, so ``searchsorted`` reads the few pages it probes
        instead of copying the column.
        """
        keys, seconds, lines = columns
        starts = np.searchsorted(keys, h1[candidates], side="left")
        size = len(keys)
        for index, start in zip(candidates.tolist(), starts.tolist(), strict=True):
            position = start
            while position < size and keys[position] == h1[index]:
                if seconds[position] == h2[index]:
                    found[index] = lines[position]
                    break
                position += 1

    # -- adding ------------------------------------------------------------------------
    def add(self, h1: np.ndarray[Any, Any], h2: np.ndarray[Any, Any], lines: np.ndarray[Any, Any]) -> None:
        """Add keys known to be new (the caller looked them up first)."""
        if not len(h1):
            return
        byte, bit = self._positions(h1, h2)
        byte, bit = byte.ravel(), bit.ravel()
        order = np.argsort(byte, kind="stable")
        byte, bit = byte[order], bit[order]
        starts = np.flatnonzero(np.concatenate(([True], byte[1:] != byte[:-1])))
        self._bits[byte[starts]] |= np.bitwise_or.reduceat(bit, starts)  # bits sharing a byte, together
        start = 0
        while start < len(h1):
            room = len(self._buffer) - self._count
            take = min(room, len(h1) - start)
            target = self._buffer[self._count: self._count + take]
            target["h1"], target["h2"], target["line"] = (h1[start:start + take], h2[start:start + take],
                                                          lines[start:start + take])
            self._count += take
            start += take
            if self._count == len(self._buffer):
                self._flush()
        self.size += len(h1)

    def _flush(self) -> None:
        filled = self._buffer[: self._count]
        self._runs.append(self._write(filled[np.argsort(filled["h1"], kind="stable")]))
        self._count = 0
        while len(self._runs) >= 2 and self._runs[-2].size <= self._runs[-1].size:  # a binary counter
            newer, older = self._runs.pop(), self._runs.pop()
            self._runs.append(self._merge(older, newer))

    def _new_run(self) -> _SortedRun:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._serial += 1
        return _SortedRun(self.directory / f"seen-{self._serial:06d}", 0)

    def _write(self, records: np.ndarray[Any, Any]) -> _SortedRun:
        run = self._new_run()
        for name in _COLUMNS:
            np.ascontiguousarray(records[name]).tofile(run.column(name))
        run.size = len(records)
        run.fences = records["h1"][::_FENCE].copy()
        return run

    def _merge(self, first: _SortedRun, second: _SortedRun) -> _SortedRun:
        """Merge two sorted runs block by block (memory: two blocks, whatever their size)."""
        run = self._new_run()
        with contextlib.ExitStack() as stack:
            ins = [[stack.enter_context(r.column(name).open("rb")) for name in _COLUMNS] for r in (first, second)]
            outs = [stack.enter_context(run.column(name).open("wb")) for name in _COLUMNS]

            def block(files: list[Any]) -> list[np.ndarray[Any, Any]]:
                return [np.fromfile(handle, np.int64, _BLOCK) for handle in files]

            fences: list[np.ndarray[Any, Any]] = []

            def fence(keys: np.ndarray[Any, Any], written: int) -> int:
                """Keep every _FENCE-th first hash of the output (by its global position)."""
                first_fence = -written % _FENCE
                fences.append(keys[first_fence::_FENCE].copy())
                return written + len(keys)

            written = 0

            a, b = block(ins[0]), block(ins[1])
            while len(a[0]) and len(b[0]):
                limit = min(a[0][-1], b[0][-1])
                cut_a = int(np.searchsorted(a[0], limit, side="right"))
                cut_b = int(np.searchsorted(b[0], limit, side="right"))
                order = np.argsort(np.concatenate([a[0][:cut_a], b[0][:cut_b]]), kind="stable")
                for column in range(len(_COLUMNS)):
                    merged = np.concatenate([a[column][:cut_a], b[column][:cut_b]])[order]
                    merged.tofile(outs[column])
                    if column == 0:
                        written = fence(merged, written)
                a, b = [c[cut_a:] for c in a], [c[cut_b:] for c in b]
                if not len(a[0]):
                    a = block(ins[0])
                if not len(b[0]):
                    b = block(ins[1])
            for rest, files in ((a, ins[0]), (b, ins[1])):
                while len(rest[0]):
                    for column in range(len(_COLUMNS)):
                        rest[column].tofile(outs[column])
                    written = fence(rest[0], written)
                    rest = block(files)
        run.size = first.size + second.size
        run.fences = np.concatenate(fences) if fences else np.empty(0, np.int64)
        first.remove()
        second.remove()
        return run

    def close(self) -> None:
        """Remove the runs (and the directory when this set made it)."""
        for run in self._runs:
            run.remove()
        self._runs.clear()
        if self._owned:
            shutil.rmtree(self.directory, ignore_errors=True)
        elif self.directory.is_dir():
            with contextlib.suppress(OSError):
                os.rmdir(self.directory)
