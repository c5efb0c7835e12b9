"""The batch half of ``crisisplay render`` (``--recipients``): options, progress bar, summary.

``crisisplay render`` adds :func:`batch_options` and hands over to :func:`run_recipients`
when ``--recipients`` is given, so a mass send and a single render share one command and
one set of playbook/stage/facts options. The engine
(:func:`crisisplay.batch.runner.run_batch`) reports progress through a callback and never
prints; the bar, the ``kill`` handling and the printed summary are here. Importing this
module costs only click: the engine is imported when a batch actually runs, so
``crisisplay render --help`` stays fast.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from crisisplay.errors import CrisisplayError

if TYPE_CHECKING:  # the runner pulls in Jinja2 and Babel: only when a batch really runs
    from crisisplay.batch.options import BatchProgress
    from crisisplay.batch.summary import BatchSummary
    from crisisplay.moments import Moment

F = TypeVar("F", bound=Callable[..., Any])
BAR_WIDTH = 24
REFRESH_SECONDS = 0.2


def batch_options(f: F) -> F:
    """Add ``--recipients``, ``--jobs``, ``--resume``, ``--sms-price``, ``--on-error``,
    ``--allow-duplicates``, ``--recipients-encoding`` and ``--progress``."""
    options = (
        click.option("--recipients", type=click.Path(exists=True, dir_okay=False),
                     help="CSV or JSONL of recipients: render one personalised message per row into "
                          "--out (one JSONL file per channel). See docs/batch.md."),
        click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                     help="With --recipients: render in N processes (output order is kept)."),
        click.option("--resume", is_flag=True,
                     help="With --recipients: continue the interrupted run in --out, without duplicates."),
        click.option("--sms-price", type=click.FloatRange(min=0),
                     help="With --recipients: price of one SMS segment, for the cost estimate."),
        click.option("--on-error", type=click.Choice(["skip", "stop"]), default="skip", show_default=True,
                     help="With --recipients: skip unreadable rows (listed in rejected.jsonl) or stop."),
        click.option("--allow-duplicates", is_flag=True,
                     help="With --recipients: send again to a repeated id, or to an address already sent to "
                          "on the same channel (default: once, the repeats listed as duplicates)."),
        click.option("--recipients-encoding", "recipients_encoding", default="utf-8", show_default=True,
                     metavar="ENCODING", help="With --recipients: the file's encoding, e.g. cp1251 for an old "
                                              "Windows export."),
        click.option("--progress/--no-progress", default=None,
                     help="With --recipients: a progress bar on stderr (default: when stderr is a terminal)."),
    )
    for option in reversed(options):
        f = option(f)
    return f


def batch_at(at: Moment | None, playbook_path: str) -> datetime | None:
    """``--at`` for a run: placed in the zone of the playbook (its fallback locale version)."""
    if at is None or (at.stamp is not None and at.stamp.tzinfo is not None):
        return None if at is None else at.stamp  # an explicit offset needs no playbook
    from crisisplay.batch.locales import discover
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone

    return at.resolve(playbook_zone(load_playbook(discover(playbook_path).fallback)))


class ProgressBar:
    """A one-line bar on a terminal: percent of bytes, rows, rows/s and ETA."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.shown = False

    def __call__(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if now - self.last < REFRESH_SECONDS and progress.bytes_done < progress.bytes_total:
            return
        self.last = now
        total = max(progress.bytes_total, 1)
        fraction = min(progress.bytes_done / total, 1.0)
        rate = progress.rows / progress.elapsed if progress.elapsed > 0 else 0.0
        eta = "--:--"
        if 0 < fraction < 1 and progress.elapsed > 0:
            eta = _hours_minutes_seconds(progress.elapsed * (1 - fraction) / fraction)
        filled = int(BAR_WIDTH * fraction)
        line = (f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%}  {progress.rows:,} rows  "
                f"{rate:,.0f} rows/s  ETA {eta}  rejected {progress.rejected:,}")
        self.stream.write(line)
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _hours_minutes_seconds(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """``kill`` stops the run like Ctrl-C: committed output kept, the rest rolled back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_recipients(
    playbook_path: str,
    recipients: str,
    *,
    out: str | None,
    stage: str | None = None,
    jobs: int = 1,
    resume: bool = False,
    sms_price: float | None = None,
    on_error: str = "skip",
    at: Moment | None = None,
    progress: bool | None = None,
    facts: str | None = None,
    sets: Sequence[str] = (),
    channels: Sequence[str] | None = None,
    allow_duplicates: bool = False,
    encoding: str = "utf-8",
    example: bool = False,
) -> BatchSummary:
    """Everything ``crisisplay render PLAYBOOK --recipients FILE …`` does; prints the summary.

    ``progress`` None draws the bar only when stderr is a terminal.
    """
    from crisisplay.batch.options import BatchOptions
    from crisisplay.batch.runner import run_batch

    if not out:
        raise CrisisplayError("--recipients needs --out DIR: the gateway files are written there")
    options = BatchOptions(
        playbook=playbook_path, recipients=recipients, out=out, stage=stage, jobs=jobs, resume=resume,
        sms_price=sms_price, on_error=on_error, at=batch_at(at, playbook_path), facts=facts, sets=tuple(sets),
        channels=tuple(channels) if channels else None, allow_duplicates=allow_duplicates, encoding=encoding,
        example=example,
    )
    show = sys.stderr.isatty() if progress is None else progress
    bar = ProgressBar(sys.stderr) if show else None
    try:
        with _sigterm_as_interrupt():
            summary = run_batch(options, bar)
    except KeyboardInterrupt:
        if bar is not None:
            bar.finish()
        click.echo(f"stopped; committed rows are kept in {out}. Continue with the same command and --resume.",
                   err=True)
        raise
    if bar is not None:
        bar.finish()
    if summary.already_complete:
        click.echo(f"The run in {out} is already complete (same playbook, stage, facts, time and recipients); "
                   "nothing was rendered again.")
    click.echo(summary.table())
    rate = f", {summary.rate:,.0f} rows/s" if summary.rows_this_run else ""
    click.echo(f"written to {out} ({summary.counters.rows:,} rows{rate}); summary.json has the figures.")
    return summary
