"""Run a batch: stream rows in chunks, render them (in-process or in a pool), commit.

The main process reads and parses the file, the workers render, the main process
appends and commits, in input order (``Pool.imap``). At most ``2 × jobs`` chunks are
in flight, so memory does not grow with the file even when the reader is faster than
the workers. ``jobs == 1`` renders in-process: no pickling, and the figure to compare
with bare Jinja2.

Nothing here prints: progress goes to an optional callback, problems the user can fix
raise :class:`~crisisplay.errors.CrisisplayError`.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from crisisplay.batch import journal as jn
from crisisplay.batch import params
from crisisplay.batch.address import PERSONAL_CHANNELS
from crisisplay.batch.duplicates import Duplicates
from crisisplay.batch.input_lines import Position
from crisisplay.batch.locales import LocaleSet, discover
from crisisplay.batch.options import BatchOptions, BatchProgress, ProgressCallback, check_channels, check_options
from crisisplay.batch.reader import BadRow, Item, RecipientReader
from crisisplay.batch.recipient import column_keys
from crisisplay.batch.summary import BatchSummary, Counters
from crisisplay.batch.worker import (
    ChunkResult,
    JobSpec,
    Packed,
    WorkerState,
    init_worker,
    pack,
    render_chunk,
    render_chunk_with,
    share_with_forked_workers,
)
from crisisplay.errors import CrisisplayError
from crisisplay.fsutil import write_text_atomic

#: Scratch space of the duplicate check inside --out (removed when the run ends).
SEEN_DIR = ".duplicate-check"
KNOWN_OUTPUTS = tuple(jn.output_name(name) for name in (*PERSONAL_CHANNELS, "rejected"))
#: The library API: ``run_batch(BatchOptions(...), progress)`` (docs/batch.md).
__all__ = ["BatchOptions", "BatchProgress", "ProgressCallback", "run_batch"]


class _Stop:
    """Holds the bad row that stopped a ``--on-error stop`` run."""

    row: BadRow | None = None


def _chunks(items: Iterator[Item], size: int, stop_on_bad: bool, stop: _Stop) -> Iterator[tuple[list[Item], Position]]:
    chunk: list[Item] = []
    end: Position | None = None
    for item in items:
        if stop_on_bad and isinstance(item, BadRow):
            stop.row = item
            break
        chunk.append(item)
        end = item.end
        if len(chunk) >= size:
            yield chunk, end
            chunk = []
    if chunk and end is not None:
        yield chunk, end


class _BatchRun:
    """One invocation: fresh start or resume of the run in ``options.out``."""

    def __init__(self, options: BatchOptions, progress: ProgressCallback | None) -> None:
        self.options = options
        self.progress = progress
        self.out_dir = Path(options.out)
        self.input = Path(options.recipients)
        self.started = time.monotonic()
        self.counters = Counters()
        self.rows_this_run = 0
        self.seq = 0
        self.size = 0
        self.position = Position(0, 1)
        self.committed: dict[str, int] = {}
        self.last_commit = time.monotonic()
        self.duplicates: Duplicates | None = None
        self.region = ""

    # -- setup -----------------------------------------------------------------------
    def check_resumable(self, saved: jn.JournalState, fresh: dict[str, Any]) -> None:
        finished = saved.last is not None and saved.last.complete
        found = params.differences(saved.header, fresh, finished=finished,
                                   finished_hash=saved.last.recipients_sha256 if saved.last is not None else "")
        if found:
            raise CrisisplayError(
                f"cannot resume the run in {self.out_dir}: " + "; ".join(found),
                hint="resume with exactly the same command; to send something else, choose another --out")

    # -- the loop --------------------------------------------------------------------
    def accept(self, journal: jn.Journal, outputs: jn.Outputs, result: ChunkResult, end: Position) -> None:
        """Append a rendered chunk; commit when ``commit_seconds`` have passed since the last one."""
        if self.duplicates is not None:
            result = self.duplicates.check(result)
        outputs.write(result.outputs)
        self.counters.merge(result.counters)
        self.rows_this_run += result.counters.rows
        self.position = end
        if time.monotonic() - self.last_commit >= self.options.commit_seconds:
            self.commit(journal, outputs)
        if self.progress is not None:
            self.progress(BatchProgress(self.counters.rows, end.offset, self.size, time.monotonic() - self.started,
                                   sum(sum(v.values()) for v in self.counters.messages.values()),
                                   sum(self.counters.rejected.values())))

    def commit(self, journal: jn.Journal, outputs: jn.Outputs) -> None:
        """Make everything appended so far durable, then record it in the journal."""
        outputs.sync()
        self.seq += 1
        window = jn.input_window_hash(self.input, self.position.offset)
        journal.commit(jn.Commit(self.seq, self.position, dict(outputs.sizes), self.counters, window))
        self.committed = dict(outputs.sizes)
        self.last_commit = time.monotonic()

    def render_all(self, chunks: Iterator[tuple[list[Item], Position]], state: WorkerState, spec: JobSpec,
                   journal: jn.Journal, outputs: jn.Outputs) -> None:
        if self.options.jobs == 1:
            for items, end in chunks:
                self.accept(journal, outputs, render_chunk_with(state, items), end)
            return
        context = multiprocessing.get_context(self.options.start_method)
        window = threading.BoundedSemaphore(2 * self.options.jobs)
        ends: collections.deque[Position] = collections.deque()
        closing = threading.Event()

        def feed() -> Iterator[list[Packed]]:
            for items, end in chunks:
                while not window.acquire(timeout=0.1):
                    if closing.is_set():
                        return
                if closing.is_set():
                    return
                ends.append(end)
                yield pack(items)

        share_with_forked_workers(state)
        try:
            pool = context.Pool(self.options.jobs, initializer=init_worker, initargs=(spec,))
        finally:
            share_with_forked_workers(None)
        try:
            for result in pool.imap(render_chunk, feed()):
                window.release()
                self.accept(journal, outputs, result, ends.popleft())
            pool.close()
        finally:
            closing.set()
            pool.terminate()
            pool.join()

    def run(self) -> BatchSummary:
        options = self.options
        check_options(options)
        journal_path = self.out_dir / jn.JOURNAL_NAME
        saved: jn.JournalState | None = None
        if options.resume:
            if not journal_path.exists():
                raise CrisisplayError(f"nothing to resume: {self.out_dir} holds no batch run",
                                      hint="run without --resume to start one")
            saved = jn.Journal.read(self.out_dir)
        elif journal_path.exists():
            raise CrisisplayError(f"{self.out_dir} already holds a batch run",
                                  hint="add --resume to continue it, or choose another --out")
        else:
            clash = [name for name in (*KNOWN_OUTPUTS, jn.SUMMARY_FILE) if (self.out_dir / name).exists()]
            if clash:
                raise CrisisplayError(f"{self.out_dir} already has {', '.join(clash)}; choose an empty --out")
        at = options.at
        if saved is not None and at is None:
            at = datetime.fromisoformat(saved.header["at"])  # the run's own render time
        at = at or datetime.now(timezone.utc)
        playbooks = discover(options.playbook)
        facts: LocaleSet | None = None
        if options.facts:
            facts = discover(options.facts, (".yaml", ".yml", ".json"), what="facts file")
        with RecipientReader(self.input, options.input_format, options.encoding) as reader:
            self.size = reader.size
            keys = column_keys(reader.header)
            if reader.format == "csv" and "id" not in keys:
                raise CrisisplayError(f"{self.input}: the header has no 'id' column "
                                      f"(columns: {', '.join(reader.header)})")
            pooled = options.jobs > 1
            reader.keep_lines = pooled
            spec = JobSpec(playbooks, options.stage, at, keys, facts, options.sets,
                           channels=options.channels, phone_region=options.phone_region, example=options.example,
                           delimiter=reader.delimiter, hash_keys=pooled and not options.allow_duplicates)
            state = WorkerState(spec)
            loaded = _preload(state, options.playbook)
            check_channels(options, loaded)
            if reader.format == "csv" and "channels" not in keys and not any(
                    loc.chooser is not None and loc.chooser.fallback_order for loc in loaded):
                raise CrisisplayError(
                    f"{self.input} has no 'channels' column, and the playbook lets no channel reach people "
                    "who did not choose it: nobody would get a message",
                    hint="add a channels column (sms, почта, …) or set fallback: true on the channels you may "
                         "use without a choice (docs/batch.md)")
            assert state.numbers is not None
            self.region = state.numbers.region
            header = params.run_header(
                self.input, reader, loaded, spec.at, playbook=options.playbook, facts=facts,
                facts_path=options.facts, sets=options.sets, channels=options.channels,
                allow_duplicates=options.allow_duplicates, phone_region=self.region,
                on_error=options.on_error, sms_price=options.sms_price, example=options.example)
            if saved is not None:
                self.check_resumable(saved, header)
                if saved.last is not None and saved.last.complete:
                    return self.finished(saved)
            self.out_dir.mkdir(parents=True, exist_ok=True)
            outputs = jn.Outputs(self.out_dir)
            if saved is not None:
                start = self.resume_point(saved, reader)
                outputs.rollback(saved.last.outputs if saved.last else {}, KNOWN_OUTPUTS)
                journal = jn.Journal.reopen(self.out_dir, saved)
                if saved.last is not None:
                    self.counters = Counters.from_dict(saved.last.counters.to_dict())
                    self.seq = saved.last.seq
            else:
                start = reader.data_start
                journal = jn.Journal.create(self.out_dir, header)
            if not options.allow_duplicates:
                self.duplicates = Duplicates(self.out_dir / SEEN_DIR)
                self.duplicates.rebuild([self.out_dir / jn.output_name(name) for name in PERSONAL_CHANNELS],
                                        outputs.sizes)
            self.committed = dict(outputs.sizes)
            self.position = start
            stop = _Stop()
            try:
                chunks = _chunks(reader.items(start), options.chunk_size, options.on_error == "stop", stop)
                self.render_all(chunks, state, spec, journal, outputs)
                if outputs.sizes != self.committed or self.seq == 0:
                    self.commit(journal, outputs)
            except BaseException:
                journal.close()
                with contextlib.suppress(OSError):  # e.g. a read-only file system: --resume cuts them
                    outputs.rollback(self.durable_sizes(), KNOWN_OUTPUTS)
                raise
            finally:
                if self.duplicates is not None:
                    self.duplicates.close()
            outputs.close()
            if stop.row is not None:
                journal.close()
                row = stop.row
                raise CrisisplayError(
                    f"{self.input}:{row.line}: {row.detail} ({row.reason}); stopped by --on-error stop after "
                    f"{self.counters.rows:,} row(s)", hint="fix the line and run again with --resume")
            summary = self.summary(complete=True, resumed=saved is not None,
                                   header=saved.header if saved is not None else header)
            write_text_atomic(self.out_dir / jn.SUMMARY_FILE, _json(summary.to_dict()))
            self.seq += 1
            journal.commit(jn.Commit(self.seq, self.position, self.committed, self.counters, "", True,
                                     header["recipients_sha256"]))
            journal.close()
            return summary

    def durable_sizes(self) -> dict[str, int]:
        """The output sizes of the last commit *on disk*.

        An interrupt can land after the journal line is written but before this process
        notes it; the journal, not memory, says what is committed.
        """
        try:
            last = jn.Journal.read(self.out_dir).last
        except CrisisplayError:
            return self.committed
        return last.outputs if last is not None else {}

    def resume_point(self, saved: jn.JournalState, reader: RecipientReader) -> Position:
        last = saved.last
        if last is None:
            return reader.data_start
        if reader.size < last.position.offset or jn.input_window_hash(self.input, last.position.offset) != last.window:
            raise CrisisplayError(
                f"cannot resume: {self.input} is not the file the run read up to byte {last.position.offset:,}",
                hint="lines before the stop must stay as they were; only later lines may be fixed")
        return last.position

    def summary(self, *, complete: bool, resumed: bool, header: dict[str, Any],
                already: bool = False) -> BatchSummary:
        price = self.options.sms_price if self.options.sms_price is not None else header.get("sms_price")
        return BatchSummary(
            out_dir=str(self.out_dir), playbook=str(header.get("playbook")), stage=str(header.get("stage")),
            recipients=str(header.get("recipients")), counters=self.counters,
            files={channel: jn.output_name(channel) for channel in self.counters.messages},
            sms_price=price, complete=complete, resumed=resumed, already_complete=already,
            render_time=str(header.get("at", "")), elapsed_seconds=time.monotonic() - self.started,
            rows_this_run=self.rows_this_run, phone_region=str(header.get("phone_region") or self.region),
        )

    def finished(self, saved: jn.JournalState) -> BatchSummary:
        assert saved.last is not None
        self.counters = saved.last.counters
        return self.summary(complete=True, resumed=True, header=saved.header, already=True)


def _preload(state: WorkerState, playbook: str) -> list[Any]:
    """Build every locale version; a template that cannot compile stops the run here (exit 2)."""
    from jinja2.exceptions import TemplateSyntaxError

    try:
        loaded = state.preload()
        for locale in loaded:  # compile every channel now: not in the middle of the run
            for name in locale.order:
                locale.check_channel(name)
        return loaded
    except TemplateSyntaxError as exc:
        where = f" ({exc.filename or exc.name}, template line {exc.lineno})" if exc.lineno else ""
        raise CrisisplayError(f"a template does not compile: {exc.message}{where}; nothing was rendered",
                              hint=f"crisisplay validate {playbook} shows it at its line") from None


def _json(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run_batch(options: BatchOptions, progress: ProgressCallback | None = None) -> BatchSummary:
    """Render ``options.recipients`` into ``options.out`` (see :class:`BatchOptions`)."""
    try:
        return _BatchRun(options, progress).run()
    except OSError as exc:  # a full disk, a read-only --out: say where and what, and how to go on
        raise _write_failure(exc, Path(options.out)) from None


def _write_failure(exc: OSError, out_dir: Path) -> CrisisplayError:
    """What a failed write means for the run: committed rows are safe, --resume continues."""
    from crisisplay.fsutil import write_error

    where = os.fsdecode(exc.filename) if isinstance(exc.filename, (str, bytes, os.PathLike)) else str(out_dir)
    message = write_error(exc, where).message.replace("; nothing was written", "")
    if (out_dir / jn.JOURNAL_NAME).exists():
        return CrisisplayError(f"{message}; every row up to the last commit is kept",
                               hint="fix the cause, then run the same command with --resume")
    return CrisisplayError(f"{message}; nothing was rendered", hint="fix the cause and run the command again")
