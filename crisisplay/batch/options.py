"""What a batch run is asked to do (:class:`BatchOptions`), checked before anything is read,
and what it reports while it runs (:class:`BatchProgress`, to a callback: the core never prints).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisisplay.batch.address import PERSONAL_CHANNELS
from crisisplay.errors import CrisisplayError

ON_ERROR = ("skip", "stop")


@dataclass(frozen=True)
class BatchOptions:
    """Everything ``crisisplay render --recipients`` takes, as a library call."""

    playbook: str
    recipients: str
    out: str
    stage: str | None = None
    jobs: int = 1
    resume: bool = False
    sms_price: float | None = None
    on_error: str = "skip"
    at: datetime | None = None
    facts: str | None = None
    sets: tuple[str, ...] = ()
    example: bool = False
    chunk_size: int = 1000
    commit_seconds: float = 1.0
    input_format: str | None = None
    start_method: str | None = None
    #: ``--channel``: send only on these personal channels (None: every one the stage has)
    channels: tuple[str, ...] | None = None
    #: ``--allow-duplicates``: send to a repeated id or address again
    allow_duplicates: bool = False
    #: ``--recipients-encoding``: how the recipients file is encoded
    encoding: str = "utf-8"
    #: the company's home region for phone numbers, overriding the playbooks' ``phone_region``
    phone_region: str | None = None


@dataclass(frozen=True)
class BatchProgress:
    """Reported after each commit; bytes give the fraction done (rows are not known ahead)."""

    rows: int
    bytes_done: int
    bytes_total: int
    elapsed: float
    messages: int
    rejected: int


ProgressCallback = Callable[[BatchProgress], None]


def check_options(options: BatchOptions) -> None:
    """The options alone make sense (before any file is opened)."""
    if options.jobs < 1:
        raise CrisisplayError("--jobs must be at least 1")
    if options.on_error not in ON_ERROR:
        raise CrisisplayError(f"--on-error must be one of {', '.join(ON_ERROR)}")
    if options.sms_price is not None and options.sms_price < 0:
        raise CrisisplayError("--sms-price cannot be negative")
    if options.chunk_size < 1:
        raise CrisisplayError("the chunk size must be at least 1")
    if options.at is not None and options.at.tzinfo is None:
        raise CrisisplayError("the render time must carry a time zone")
    if options.channels is not None:
        unknown = [name for name in options.channels if name not in PERSONAL_CHANNELS]
        if unknown or not options.channels:
            raise CrisisplayError(
                f"--channel {', '.join(unknown) or '(none)'}: a mass send reaches people one by one on "
                f"{', '.join(PERSONAL_CHANNELS)}",
                hint="broadcast channels (status page, banner, X, the contact centre) render without --recipients")


def check_channels(options: BatchOptions, loaded: list[Any]) -> None:
    """Every stage needs a personal channel; every --channel must be in some locale version's stage."""
    for loc in loaded:
        if not loc.order and options.channels is None:
            raise CrisisplayError(
                f"stage {loc.stage_id!r} of {loc.path} has no channel that reaches one person "
                f"({', '.join(PERSONAL_CHANNELS)}); a mass send needs at least one")
    if options.channels is not None:
        used = {name for loc in loaded for name in loc.order}
        missing = [name for name in options.channels if name not in used]
        if missing:
            raise CrisisplayError(f"--channel {', '.join(missing)}: stage {loaded[0].stage_id!r} has no such message "
                                  f"(it reaches people on {', '.join(sorted(used)) or 'no personal channel'})")
