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

import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from crisisplay.batch.choice import Choice, Numbers
from crisisplay.batch.input_lines import Position
from crisisplay.batch.lines import record_encoder
from crisisplay.batch.locales import LocaleSet
from crisisplay.batch.phones import PhoneCheck
from crisisplay.batch.prepared import LocaleRender, Rendered, build_locale
from crisisplay.batch.reader import BadRow, Item, Row
from crisisplay.batch.recipient import RecipientView, from_values
from crisisplay.batch.summary import Counters
from crisisplay.errors import CrisisplayError

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
    example: bool = False  # --example: facts not given come from the playbook's examples
    #: ``--channel``: the personal channels this run may send on (None: all of the stage's)
    channels: tuple[str, ...] | None = None
    #: the home region for phone numbers, overriding the playbooks' ``phone_region``
    phone_region: str | None = None
    #: the CSV delimiter, for rows the reader passes on as one unsplit line
    delimiter: str = ","
    #: hash the duplicate check's keys here (pool workers: work taken off the main process)
    hash_keys: bool = False


class RowOutcome(NamedTuple):
    """One row's result: the file it goes to (a channel or ``rejected``) and the record."""

    target: str
    record: dict[str, Any]
    locale: str = ""
    segments: int | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    fallback: str | None = None


#: A sent row as the duplicate check sees it: (index in the chunk, input line, id, channel, address, warnings).
Sent = tuple[int, int, str, str, str, tuple[str, ...]]


@dataclass
class ChunkResult:
    """A chunk's output, ready to append: bytes per file, and the chunk's counters.

    ``sent`` and ``rejected_rows`` (the chunk index of each line in ``rejected``) let the
    main process turn a message into a ``duplicate`` rejection without re-rendering.
    """

    outputs: dict[str, bytes] = field(default_factory=dict)
    counters: Counters = field(default_factory=Counters)
    sent: list[Sent] = field(default_factory=list)
    rejected_rows: list[int] = field(default_factory=list)
    #: the duplicate check's key hashes of ``sent``, when a worker computed them (and its probe)
    hashes: tuple[Any, Any] | None = None
    probe: int = 0


def run_region(locales: list[LocaleRender], override: str | None = None) -> str:
    """The one home region for the whole run: recipients' numbers never depend on their language.

    Every locale version must agree (their ``phone_region``, or the country of their
    time zone when they do not set one); otherwise the run is refused before it starts.
    """
    from crisisplay.batch.phones import known_region
    from crisisplay.playbook.fact_types import phone_region

    if override:
        if not known_region(override):
            raise CrisisplayError(f"phone region {override!r} is not a country with a numbering plan")
        return override
    regions = {loc.path: phone_region(loc.playbook) for loc in locales}
    if len(set(regions.values())) > 1:
        said = ", ".join(
            f"{path.name}: {region}"
            + ("" if loc.playbook.phone_region else f" (from its time zone {loc.playbook.timezone})")
            for (path, region), loc in zip(regions.items(), locales, strict=True))
        raise CrisisplayError(
            f"the playbook's locale versions read phone numbers in different countries ({said}); a customer's "
            "number must not depend on their language",
            hint="set the company's home country in every version (or their shared base): phone_region: RU")
    return next(iter(regions.values()))


class WorkerState:
    """Per-process render state: every locale version, and the run's phone rules."""

    def __init__(self, spec: JobSpec) -> None:
        self.spec = spec
        self._locales: dict[Path, LocaleRender] = {}
        self._picks: dict[str, tuple[Path, bool]] = {}
        self._for_locale: dict[str, tuple[LocaleRender, bool]] = {}
        self.numbers: Numbers | None = None

    def for_locale(self, locale: str) -> tuple[LocaleRender, bool]:
        """The prepared version for a recipient's locale, and whether it is theirs (memoised)."""
        found = self._for_locale.get(locale)
        if found is None:
            path, own = self.pick(locale)
            found = (self.locale(path), own)
            if len(self._for_locale) < 1024:
                self._for_locale[locale] = found
        return found

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
        if found is None or found.chooser is None:
            found = self.preload()[self.spec.playbooks.paths().index(path)]
        return found

    def preload(self) -> list[LocaleRender]:
        """Build every locale version now: problems surface before any output is written."""
        spec = self.spec
        for path in spec.playbooks.paths():
            if path not in self._locales:
                self._locales[path] = build_locale(path, spec.stage, spec.at, spec.facts, spec.sets,
                                                   fold=spec.fold, example=spec.example, channels=spec.channels)
        loaded = [self._locales[path] for path in spec.playbooks.paths()]
        if self.numbers is None:
            own: dict[str, str] = {}
            for loc in loaded:
                for e164, name in loc.own_numbers().items():
                    own.setdefault(e164, name)
            self.numbers = Numbers(PhoneCheck(run_region(loaded, spec.phone_region)), own)
            from crisisplay.batch.choice import Chooser

            for loc in loaded:
                loc.chooser = Chooser(loc.order, loc.policies(), self.numbers, loc.unavailable)
        return loaded


def _reject(row_line: int, rec_id: str | None, reason: str, detail: str, **extra: Any) -> RowOutcome:
    record: dict[str, Any] = {"line": row_line, "id": rec_id, "reason": reason, "detail": detail}
    record.update(extra)
    return RowOutcome(REJECTED, record)


def render_item(state: WorkerState, item: Item) -> RowOutcome:
    """The pure per-recipient function: a row (or a bad row) to its outcome."""
    if isinstance(item, BadRow):
        return _reject(item.line, None, item.reason, item.detail, raw=item.raw)
    values = item.values
    rec = from_values(item.line, values.split(state.spec.delimiter) if isinstance(values, str) else values,
                      state.spec.keys)
    if not rec.id:
        return _reject(rec.line, None, "missing_field", "the row has no id")
    loc, own = state.for_locale(rec.locale)
    warnings = () if own or not rec.locale else (f"locale {rec.locale!r} has no playbook version; "
                                                 f"rendered in {loc.locale}",)
    unknown = [sid for sid in rec.services if sid not in loc.services] if rec.services else None
    if unknown:
        return _reject(rec.line, rec.id, "unknown_service",
                       f"service(s) {', '.join(map(repr, unknown))} not in playbook {loc.playbook_id!r} "
                       f"(it has {', '.join(loc.services)})")
    assert loc.chooser is not None
    chosen = loc.chooser.choose(rec)
    if not isinstance(chosen, Choice):
        return _reject(rec.line, rec.id, chosen[0], chosen[1])
    channel, address, fallback = chosen
    render = loc.channel(channel)
    values = rec.fields  # the row is not used after this: its fields become the template's view
    values.update(id=rec.id, channels=rec.channels, channel=channel, address=address,
                  services=loc.services_of(rec.services))
    result = render.render(RecipientView(values))
    if not isinstance(result, Rendered):
        reason, detail = result
        return _reject(rec.line, rec.id, reason, detail, channel=channel)
    record: dict[str, Any] = {"id": rec.id, "line": rec.line, "locale": loc.locale,
                              "channel": channel, "address": address}
    if fallback is not None:
        record["fallback"] = fallback
    record.update(result.record)
    return RowOutcome(channel, record, loc.locale, result.segments, result.encoding,
                   warnings + result.warnings if warnings else result.warnings, fallback)


def render_chunk_with(state: WorkerState, items: Iterable[Item]) -> ChunkResult:
    """Render rows in order; lines are grouped per output file, counters summed."""
    buffers: dict[str, list[str]] = {}
    counters = Counters()
    sent: list[Sent] = []
    rejected_rows: list[int] = []
    dumps = record_encoder()
    # tallied per distinct (channel, locale, segments, encoding) and added up once per chunk
    tally: dict[tuple[str, str, int | None, str | None], int] = {}
    index = -1
    for index, item in enumerate(items):
        target, record, locale, segments, encoding, warnings, fallback = render_item(state, item)
        buffers.setdefault(target, []).append(dumps(record))
        if target == REJECTED:
            counters.reject(record["reason"])
            rejected_rows.append(index)
        else:
            key = (target, locale, segments, encoding)
            tally[key] = tally.get(key, 0) + 1
            if fallback is not None:
                counters.fell_back(fallback)
            sent.append((index, record["line"], record["id"], target, record["address"], warnings))
        for label in warnings:
            counters.warn(label)
    counters.rows += index + 1
    for (target, locale, segments, encoding), count in tally.items():
        counters.message(target, locale, segments, encoding, count)
    outputs = {target: ("\n".join(lines) + "\n").encode("utf-8") for target, lines in buffers.items()}
    result = ChunkResult(outputs, counters, sent, rejected_rows)
    if state.spec.hash_keys and sent:
        from crisisplay.batch.seen import PROBE, key_hashes

        result.hashes = key_hashes((rid, channel, address) for _i, _line, rid, channel, address, _w in sent)
        result.probe = hash(PROBE)
    return result


# -- process pool glue -------------------------------------------------------------------
_STATE: WorkerState | None = None
#: the parent's state while it starts a pool: what a forked worker inherits (None when spawned)
_PARENT_STATE: WorkerState | None = None
_NOWHERE = Position(0, 0)


def share_with_forked_workers(state: WorkerState | None) -> None:
    """Offer ``state`` to the workers forked while it is set (None withdraws it): a forked
    worker then starts with the parent's loaded playbooks instead of loading them again."""
    global _PARENT_STATE
    _PARENT_STATE = state


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
    inherited = _PARENT_STATE  # a forked worker starts with the parent's loaded playbooks
    _STATE = inherited if inherited is not None and inherited.spec == spec else WorkerState(spec)
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
