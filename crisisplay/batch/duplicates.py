"""Duplicates: a person (id) or an address on a channel gets the message once per run.

CRM exports repeat rows (a customer with two contracts, a merged export). The workers
render every row; the main process, which writes in input order, checks each sent
message against everything sent before it (:class:`~crisisplay.batch.seen.SeenSet`) and
turns a repeat into a ``duplicate`` rejection that names the line that was sent. Only
sent messages count: when the first row of an id is rejected (a landline for SMS), a
later row of the same id with a mobile is sent.

``--allow-duplicates`` switches this off. A resumed run first reads back what the
committed output already sent.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from crisisplay.batch.seen import PROBE, SeenSet, key_hashes
from crisisplay.batch.worker import REJECTED, ChunkResult

_SENT_LINE = re.compile(rb'\{"id": ("(?:[^"\\]|\\.)*"), "line": (\d+), "locale": "(?:[^"\\]|\\.)*", '
                        rb'"channel": "([a-z]+)", "address": ("(?:[^"\\]|\\.)*")')


class Duplicates:
    """The duplicate check of one run."""

    def __init__(self, directory: Path | None = None) -> None:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)  # what a killed run left behind
        self.seen = SeenSet(directory)

    def close(self) -> None:
        self.seen.close()

    def rebuild(self, paths: Iterable[Path], sizes: dict[str, int]) -> int:
        """Read back the committed messages (their ``id``, ``line``, ``channel``, ``address``)."""
        count = 0
        for path in paths:
            limit = sizes.get(path.name, 0)
            if not limit or not path.exists():
                continue
            batch: list[tuple[str, str, str]] = []
            lines: list[int] = []
            with path.open("rb") as handle:
                for raw in handle.read(limit).splitlines():
                    match = _SENT_LINE.match(raw)
                    if match is None:
                        continue
                    rid, line, channel, address = match.groups()
                    batch.append((json.loads(rid), channel.decode(), json.loads(address)))
                    lines.append(int(line))
                    if len(batch) >= 4096:
                        self._add_known(batch, lines)
                        count += len(batch)
                        batch, lines = [], []
            self._add_known(batch, lines)
            count += len(batch)
        return count

    def _add_known(self, batch: list[tuple[str, str, str]], lines: list[int]) -> None:
        if not batch:
            return
        first, second = key_hashes(batch)
        numbers = np.repeat(np.asarray(lines, np.int64), 2)
        found = self.seen.lookup(first, second)
        new = found < 0
        # a key repeated inside the batch (one address for two ids) is added once
        _unique, where = np.unique(first[new], return_index=True)
        keep = np.flatnonzero(new)[np.sort(where)]
        self.seen.add(first[keep], second[keep], numbers[keep])

    def check(self, result: ChunkResult) -> ChunkResult:
        """The chunk with repeats turned into ``duplicate`` rejections.

        Only rows with a key seen before, or a key that occurs twice in the chunk, need the
        row-by-row decision (a repeat registers nothing, so it cannot block a later row);
        every other row is new and is added in one go.
        """
        if not result.sent:
            return result
        if result.hashes is not None and result.probe == hash(PROBE):
            first, second = result.hashes  # hashed by the worker, with this process's hash secret
        else:
            first, second = key_hashes((rid, channel, address) for _i, _line, rid, channel, address, _w in result.sent)
        found = self.seen.lookup(first, second)
        numbers = np.repeat(np.fromiter((entry[1] for entry in result.sent), np.int64, len(result.sent)), 2)
        _unique, inverse, counts = np.unique(first, return_inverse=True, return_counts=True)
        involved = (found >= 0) | (counts[inverse] > 1)
        rows = np.flatnonzero(involved[0::2] | involved[1::2])
        if not rows.size:
            self.seen.add(first, second, numbers)  # the usual chunk: nothing sent twice
            return result
        plain = np.ones(len(result.sent), bool)
        plain[rows] = False
        keys = np.flatnonzero(np.repeat(plain, 2))
        self.seen.add(first[keys], second[keys], numbers[keys])
        local: dict[tuple[int, int], int] = {}
        repeats: dict[int, str] = {}
        keep: list[int] = []
        for position in rows.tolist():
            _index, _line, rid, channel, address, _w = result.sent[position]
            prior = []
            for key in (2 * position, 2 * position + 1):
                earlier = int(found[key]) if found[key] >= 0 else local.get((int(first[key]), int(second[key])))
                prior.append(earlier)
            if prior[0] is not None:
                repeats[position] = f"id {rid!r} already got this message (line {prior[0]})"
            elif prior[1] is not None:
                repeats[position] = f"{channel} {address} already gets this message (line {prior[1]})"
            else:
                for key in (2 * position, 2 * position + 1):
                    local[(int(first[key]), int(second[key]))] = int(numbers[key])
                    keep.append(key)
        kept = np.asarray(keep, np.int64)
        self.seen.add(first[kept], second[kept], numbers[kept])
        return _without(result, repeats) if repeats else result


def _without(result: ChunkResult, repeats: dict[int, str]) -> ChunkResult:
    """Move the repeated messages of a chunk to ``rejected`` (in input order), fixing the counts."""
    touched = {result.sent[position][3] for position in repeats} | {REJECTED}
    per_target = {target: data.splitlines() for target, data in result.outputs.items() if target in touched}
    taken: dict[str, int] = {}
    removed: dict[str, set[int]] = {}
    new_rejections: list[tuple[int, bytes]] = []
    counters = result.counters
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    for position, (index, line_number, rid, channel, _address, warnings) in enumerate(result.sent):
        slot = taken.get(channel, 0)
        taken[channel] = slot + 1
        if position not in repeats:
            continue
        removed.setdefault(channel, set()).add(slot)
        record = json.loads(per_target[channel][slot])
        counters.unsend(channel, record["locale"], record.get("segments") if channel == "sms" else None,
                        record.get("encoding") if channel == "sms" else None, record.get("fallback"), warnings)
        counters.reject("duplicate")
        line = dumps({"line": line_number, "id": rid, "reason": "duplicate", "detail": repeats[position],
                      "channel": channel})
        new_rejections.append((index, line.encode("utf-8")))
    outputs = {target: data for target, data in result.outputs.items() if target not in touched}
    for target, rows in per_target.items():
        if target == REJECTED:
            continue
        kept = [row for slot, row in enumerate(rows) if slot not in removed.get(target, set())]
        if kept:
            outputs[target] = b"\n".join(kept) + b"\n"
    rejected = list(zip(result.rejected_rows, per_target.get(REJECTED, []), strict=True)) + new_rejections
    rejected.sort(key=lambda pair: pair[0])
    if rejected:
        outputs[REJECTED] = b"\n".join(row for _i, row in rejected) + b"\n"
    sent = [entry for position, entry in enumerate(result.sent) if position not in repeats]
    return ChunkResult(outputs, counters, sent, [index for index, _row in rejected])
