"""The per-recipient render: a row in, one gateway line (or one rejection) out.

Everything that is the same for every recipient (loaded playbooks per locale, typed
facts, compiled templates, the base template context, phone metadata) is built once
per process in a :class:`WorkerState`, from a small picklable :class:`JobSpec`. The
function applied to each row, :func:`render_item`, only reads that state, so it is
pure: the same row always gives the same bytes. That is what lets ``--jobs N`` fan
chunks out to a process pool (:func:`init_worker` + :func:`render_chunk`), lets
``--resume`` re-render a cut chunk identically, and maps onto partitions of Dask or
Spark (:func:`render_rows`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.batch.address import ADDRESS_FIELDS, ADDRESS_NAMES, checker_for
from crisisplay.batch.locales import LocaleSet
from crisisplay.batch.prepared import LocaleRender, build_locale
from crisisplay.batch.reader import BadRow, Item, Position, Row
from crisisplay.batch.recipient import Recipient, RecipientView, from_values
from crisisplay.batch.summary import Counters

REJECTED = "rejected"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True)
class JobSpec:
    """What a worker needs to rebuild the render state: paths and options, no objects."""

    playbooks: LocaleSet
    stage: str | None
    at: datetime
    keys: tuple[str, ...] = ()
    facts: LocaleSet | None = None
    sets: tuple[str, ...] = ()
    fold: bool = True


@dataclass
class Outcome:
    """One row's result: the file it goes to (a channel or ``rejected``) and the record."""

    target: str
    record: dict[str, Any]
    locale: str = ""
    segments: int | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class ChunkResult:
    """A chunk's output, ready to append: bytes per file, and the chunk's counters."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    counters: Counters = field(default_factory=Counters)


class WorkerState:
    """Per-process render state; locale versions are built on first use."""

    def __init__(self, spec: JobSpec) -> None:
        self.spec = spec
        self._locales: dict[Path, LocaleRender] = {}
        self._picks: dict[str, tuple[Path, bool]] = {}

    def pick(self, locale: str) -> tuple[Path, bool]:
        """The playbook version for a recipient's locale (memoised: few distinct values)."""
        found = self._picks.get(locale)
        if found is None:
            found = self.spec.playbooks.pick(locale)
            if len(self._picks) < 1024:
                self._picks[locale] = found
        return found

    def locale(self, path: Path) -> LocaleRender:
        found = self._locales.get(path)
        if found is None:
            facts = self.spec.facts
            found = build_locale(path, self.spec.stage, self.spec.at, facts, self.spec.sets, fold=self.spec.fold)
            self._locales[path] = found
        return found

    def preload(self) -> list[LocaleRender]:
        """Build every locale version now: problems surface before any output is written."""
        return [self.locale(path) for path in self.spec.playbooks.paths()]


def _reject(row_line: int, rec_id: str | None, reason: str, detail: str, **extra: Any) -> Outcome:
    record: dict[str, Any] = {"line": row_line, "id": rec_id, "reason": reason, "detail": detail}
    record.update(extra)
    return Outcome(REJECTED, record)


def choose_channel(rec: Recipient, loc: LocaleRender) -> tuple[str, str] | str:
    """(channel, normalised address), or why no candidate works.

    Candidates: the recipient's preferred channels in order, then the stage's channels
    in the playbook's order; a candidate needs a template in the stage and a valid address.
    """
    invalid: dict[tuple[str, str], list[str]] = {}
    missing: list[str] = []
    checked: dict[tuple[str, str], str | None] = {}
    seen: set[str] = set()
    for name in (*rec.channels, *loc.order):
        if name not in loc.available or name in seen:
            continue
        seen.add(name)
        for field_name in ADDRESS_FIELDS[name]:
            raw = rec.address(field_name)
            if not raw:
                continue
            key = (field_name, raw)
            if key not in checked:
                checked[key] = checker_for(field_name, loc.phones)(raw)
            normalised = checked[key]
            if normalised:
                return name, normalised
            invalid.setdefault(key, []).append(name)
            break
        else:
            missing.append(name)
    problems = [f"{ADDRESS_NAMES[field_name]} {raw!r} is not valid ({', '.join(names)})"
                for (field_name, raw), names in invalid.items()]
    if missing:
        problems.append(f"no address for {', '.join(missing)}")
    return "; ".join(problems)


def render_item(state: WorkerState, item: Item) -> Outcome:
    """The pure per-recipient function: a row (or a bad row) to its outcome."""
    if isinstance(item, BadRow):
        return _reject(item.line, None, item.reason, item.detail, raw=item.raw)
    rec = from_values(item.line, item.values, state.spec.keys)
    if not rec.id:
        return _reject(rec.line, None, "missing_field", "the row has no id")
    path, own = state.pick(rec.locale)
    loc = state.locale(path)
    warnings = () if own or not rec.locale else (f"locale {rec.locale!r} has no playbook version; "
                                                 f"rendered in {loc.locale}",)
    unknown = [sid for sid in rec.services if sid not in loc.services]
    if unknown:
        return _reject(rec.line, rec.id, "unknown_service",
                       f"service(s) {', '.join(map(repr, unknown))} not in playbook {loc.playbook_id!r} "
                       f"(it has {', '.join(loc.services)})")
    chosen = choose_channel(rec, loc)
    if isinstance(chosen, str):
        return _reject(rec.line, rec.id, "no_valid_address", chosen)
    channel, address = chosen
    render = loc.channel(channel)
    values = dict(rec.fields)
    values.update(id=rec.id, channels=rec.channels, channel=channel, address=address,
                  services=tuple(view for view in loc.service_views if view.id in rec.services)
                  if rec.services else ())
    result = render.render(RecipientView(values))
    if isinstance(result, tuple):
        reason, detail = result
        return _reject(rec.line, rec.id, reason, detail, channel=channel)
    record: dict[str, Any] = {"id": rec.id, "line": rec.line, "locale": loc.locale,
                              "channel": channel, "address": address}
    record.update(result.record)
    return Outcome(channel, record, loc.locale, result.segments, result.encoding,
                   warnings + result.warnings)


def render_chunk_with(state: WorkerState, items: Iterable[Item]) -> ChunkResult:
    """Render rows in order; lines are grouped per output file, counters summed."""
    buffers: dict[str, list[str]] = {}
    counters = Counters()
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    for item in items:
        counters.rows += 1
        outcome = render_item(state, item)
        buffers.setdefault(outcome.target, []).append(dumps(outcome.record))
        if outcome.target == REJECTED:
            counters.reject(outcome.record["reason"])
        else:
            counters.message(outcome.target, outcome.locale, outcome.segments, outcome.encoding)
        for label in outcome.warnings:
            counters.warn(label)
    outputs = {target: ("\n".join(lines) + "\n").encode("utf-8") for target, lines in buffers.items()}
    return ChunkResult(outputs, counters)


# -- process pool glue -------------------------------------------------------------------
_STATE: WorkerState | None = None
_NOWHERE = Position(0, 0)


def init_worker(spec: JobSpec) -> None:
    """Pool initializer: build the render state once per worker process.

    Ctrl-C is left to the parent, which stops the pool and keeps only committed output;
    SIGTERM (how the pool stops its workers) ends a worker quietly, whatever handler a
    forked worker inherited from the command line.
    """
    global _STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()
    _STATE = WorkerState(spec)
    _STATE.preload()


def die_with_parent() -> None:
    """End this worker at once, silently, when the process that started it dies.

    A SIGKILLed or crashed parent must not leave workers rendering on, or printing
    ``BrokenPipeError`` tracebacks when they hand back a chunk. On Linux the kernel sends
    SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a daemon thread watches the parent's pid.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request took effect
                    os._exit(0)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="crisisplay-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


Packed = tuple[Any, ...]


def pack(items: list[Item]) -> list[Packed]:
    """Rows as plain tuples for the trip to a worker: pickling dataclasses costs 8× more."""
    return [(item.line, item.values) if isinstance(item, Row) else (item.line, item.reason, item.detail, item.raw)
            for item in items]


def unpack(packed: Packed) -> Item:
    if len(packed) == 2:
        return Row(packed[0], packed[1], _NOWHERE)
    return BadRow(packed[0], packed[1], packed[2], packed[3], _NOWHERE)


def render_chunk(packed: list[Packed]) -> ChunkResult:
    """Pool task: one packed chunk, rendered with this process's state."""
    if _STATE is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker used before init_worker")
    return render_chunk_with(_STATE, map(unpack, packed))


_PARTITION_STATES: dict[JobSpec, WorkerState] = {}


def render_rows(spec: JobSpec, rows: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(target file, record) per row: the partition function for Dask or Spark.

    ``bag.map_partitions(lambda rows: list(render_rows(spec, rows)))`` or
    ``rdd.mapPartitions(lambda rows: render_rows(spec, rows))``: the state is built once
    per process and reused by every partition it runs.
    """
    state = _PARTITION_STATES.get(spec)
    if state is None:
        state = _PARTITION_STATES[spec] = WorkerState(spec)
    for index, values in enumerate(rows, start=1):
        line = int(values.get("line", index)) if isinstance(values.get("line"), int) else index
        outcome = render_item(state, Row(line, dict(values), _NOWHERE))
        yield outcome.target, outcome.record
