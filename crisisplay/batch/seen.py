"""An exact set of 128-bit key hashes in fixed memory: who already got the message.

A mass send must not message the same person (id) or the same address on the same
channel twice, over millions of rows, without memory growing with the file. Keys are
held as two independent 64-bit hashes (a false match needs both to collide: about
2⁻¹²⁸ per pair) in three tiers:

1. a Bloom filter of fixed size (8 MiB): most keys are new, and "certainly not seen"
   costs a few vectorised bit tests per chunk;
2. a buffer of the most recent keys (numpy arrays, fixed size);
3. runs sorted by the first hash on disk, merged two at a time when they reach a similar size, so at most
   about log₂(keys / buffer) runs exist. Only keys the filter cannot rule out (real
   duplicates and rare false positives) are looked up there, by binary search on a
   memory map that is dropped after each lookup.

Hashes come from Python's ``hash`` (randomised per process), so the set is never stored
across processes: a resumed run rebuilds it from the output it already committed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

#: Probed on both sides of a process pool: equal only when the workers hash like the main
#: process (forked: same hash secret), so that hashes computed there can be used here.
PROBE = "crisisplay duplicate check \x00 probe"
RECORD = np.dtype([("h1", "<i8"), ("h2", "<i8"), ("line", "<i8")])
_BLOCK = 1 << 16  # records per read while merging runs
_FEW = 16  # positives checked against the buffer one by one (more: one sort)


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
class _Run:
    path: Path
    size: int


class SeenSet:
    """``lookup`` then ``add``, a chunk at a time; see the module docstring."""

    def __init__(self, directory: str | Path | None = None, *, bloom_bits: int = 1 << 26,
                 buffer_size: int = 1 << 16, hashes: int = 3) -> None:
        if bloom_bits & (bloom_bits - 1):
            raise ValueError("bloom_bits must be a power of two")
        self._owned = directory is None
        self.directory = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="crisisplay-seen-"))
        self._bits = np.zeros(bloom_bits // 8, np.uint8)
        self._mask = np.uint64(bloom_bits - 1)
        self._steps = np.arange(hashes, dtype=np.uint64)
        self._buffer = np.empty(buffer_size, RECORD)
        self._count = 0
        self._runs: list[_Run] = []
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
        self._search(filled[np.argsort(filled["h1"], kind="stable")], h1, h2, candidates, found)

    def _in_run(self, run: _Run, h1: Any, h2: Any, candidates: Any, found: Any) -> None:
        records = np.memmap(run.path, RECORD, mode="r", shape=(run.size,))
        try:
            self._search(records, h1, h2, candidates, found)
        finally:
            del records  # unmapped: looked-up pages do not stay in this process

    @staticmethod
    def _search(records: Any, h1: Any, h2: Any, candidates: Any, found: Any) -> None:
        """Binary search in ``records`` sorted by h1 (equal h1 are scanned for h2)."""
        keys = records["h1"]
        starts = np.searchsorted(keys, h1[candidates], side="left")
        for index, start in zip(candidates.tolist(), starts.tolist(), strict=True):
            position = start
            while position < len(records) and keys[position] == h1[index]:
                if records["h2"][position] == h2[index]:
                    found[index] = records["line"][position]
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
        while len(self._runs) >= 2 and self._runs[-2].size <= 2 * self._runs[-1].size:
            newer, older = self._runs.pop(), self._runs.pop()
            self._runs.append(self._merge(older, newer))

    def _new_path(self) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._serial += 1
        return self.directory / f"seen-{self._serial:06d}.run"

    def _write(self, records: np.ndarray[Any, Any]) -> _Run:
        path = self._new_path()
        records.tofile(path)
        return _Run(path, len(records))

    def _merge(self, first: _Run, second: _Run) -> _Run:
        """Merge two sorted runs block by block (memory: two blocks, whatever their size)."""
        path = self._new_path()
        with first.path.open("rb") as one, second.path.open("rb") as two, path.open("wb") as out:
            a = np.fromfile(one, RECORD, _BLOCK)
            b = np.fromfile(two, RECORD, _BLOCK)
            while len(a) and len(b):
                limit = min(a["h1"][-1], b["h1"][-1])
                cut_a = int(np.searchsorted(a["h1"], limit, side="right"))
                cut_b = int(np.searchsorted(b["h1"], limit, side="right"))
                merged = np.concatenate([a[:cut_a], b[:cut_b]])
                merged[np.argsort(merged["h1"], kind="stable")].tofile(out)
                a, b = a[cut_a:], b[cut_b:]
                if not len(a):
                    a = np.fromfile(one, RECORD, _BLOCK)
                if not len(b):
                    b = np.fromfile(two, RECORD, _BLOCK)
            for rest, handle in ((a, one), (b, two)):
                while len(rest):
                    rest.tofile(out)
                    rest = np.fromfile(handle, RECORD, _BLOCK)
        first.path.unlink()
        second.path.unlink()
        return _Run(path, first.size + second.size)

    def close(self) -> None:
        """Remove the runs (and the directory when this set made it)."""
        for run in self._runs:
            with contextlib.suppress(OSError):
                run.path.unlink()
        self._runs.clear()
        if self._owned:
            shutil.rmtree(self.directory, ignore_errors=True)
        elif self.directory.is_dir():
            with contextlib.suppress(OSError):
                os.rmdir(self.directory)
