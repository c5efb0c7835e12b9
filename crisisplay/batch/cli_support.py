"""The command-line face of the batch: options, the progress bar, the printed summary.

``crisisplay render`` belongs to the render command; it adds :func:`batch_options`
and hands over to :func:`run_from_cli` when ``--recipients`` is given, so the two
modes share one command and one set of playbook/stage/facts options. The standalone
:mod:`crisisplay.batch.command` uses the same two functions. Importing this module
costs only click: the engine is imported when a batch actually runs, so
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
    from crisisplay.batch.runner import Progress
    from crisisplay.batch.summary import BatchSummary

F = TypeVar("F", bound=Callable[..., Any])
BAR_WIDTH = 24
REFRESH_SECONDS = 0.2


def batch_options(f: F) -> F:
    """Add ``--recipients``, ``--jobs``, ``--resume``, ``--sms-price``, ``--on-error``,
    ``--allow-duplicates`` and ``--recipients-encoding``."""
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
    )
    for option in reversed(options):
        f = option(f)
    return f


def parse_at(value: str | datetime | None, playbook_path: str) -> datetime | None:
    """``--at``: ISO date-time or ``HH:MM`` today; without a zone, the playbook's zone."""
    if value is None or (isinstance(value, datetime) and value.tzinfo is not None):
        return value
    from crisisplay.batch.locales import discover
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.facts import parse_datetime, playbook_zone

    zone = playbook_zone(load_playbook(discover(playbook_path).fallback))
    parsed = parse_datetime(value, zone)
    if parsed is None:
        raise CrisisplayError(f"--at {value!r} is not a date and time", hint="e.g. 2026-03-15T14:00 or 14:00")
    return parsed


class ProgressBar:
    """A one-line bar on a terminal: percent of bytes, rows, rows/s and ETA."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.shown = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self.last < REFRESH_SECONDS and progress.bytes_done < progress.bytes_total:
            return
        self.last = now
        total = max(progress.bytes_total, 1)
        fraction = min(progress.bytes_done / total, 1.0)
        rate = progress.rows / progress.elapsed if progress.elapsed > 0 else 0.0
        eta = "--:--"
        if 0 < fraction < 1 and progress.elapsed > 0:
            eta = _clock(progress.elapsed * (1 - fraction) / fraction)
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


def _clock(seconds: float) -> str:
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


def run_from_cli(
    playbook_path: str,
    recipients: str,
    stage: str | None,
    out: str | None,
    jobs: int,
    resume: bool,
    sms_price: float | None,
    on_error: str,
    at: str | datetime | None,
    progress: bool,
    *,
    facts: str | None = None,
    sets: Sequence[str] = (),
    channels: Sequence[str] | None = None,
    allow_duplicates: bool = False,
    encoding: str = "utf-8",
    example: bool = False,
) -> BatchSummary:
    """Everything ``crisisplay render PLAYBOOK --recipients FILE …`` does; prints the summary."""
    from crisisplay.batch.runner import BatchOptions, run_batch

    if not out:
        raise CrisisplayError("--recipients needs --out DIR: the gateway files are written there")
    options = BatchOptions(
        playbook=playbook_path, recipients=recipients, out=out, stage=stage, jobs=jobs, resume=resume,
        sms_price=sms_price, on_error=on_error, at=parse_at(at, playbook_path), facts=facts, sets=tuple(sets),
        channels=tuple(channels) if channels else None, allow_duplicates=allow_duplicates, encoding=encoding,
        example=example,
    )
    bar = ProgressBar(sys.stderr) if progress else None
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
