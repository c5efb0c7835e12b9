"""The operations the CLI (and any other caller) performs on checklist runs.

Each write is exactly one store transaction: lock, read the run's history, let
:func:`crisisplay.checklist.actions.decide` judge the action, append the event, commit.
Nothing is acknowledged before the commit returns.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisplay.checklist import clock
from crisisplay.checklist.actions import decide
from crisisplay.checklist.domain import (
    FUTURE_TOLERANCE,
    Event,
    NewEvent,
    Run,
    RunState,
    advance,
    replay,
)
from crisisplay.checklist.snapshot import take_snapshot
from crisisplay.checklist.store import RunRow, Store
from crisisplay.checklist.views import StatusView, build_status
from crisisplay.errors import CrisisplayError
from crisisplay.moments import Moment
from crisisplay.suggest import did_you_mean

USER_ENV = "CRISISPLAY_USER"
#: A time argument: a datetime, text such as ``09:40`` or ``-20m``, or a Moment an option read.
When = datetime | str | Moment | None


def default_actor() -> str:
    """Who is acting: ``CRISISPLAY_USER``, else the login name."""
    env = os.environ.get(USER_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _when(value: When, run_tz_name: str, now: datetime) -> datetime:
    if value is None:
        return now
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=clock.zone(run_tz_name)).astimezone(now.tzinfo)
        return value
    return clock.parse_time(value, clock.zone_or_utc(run_tz_name), now, past=True)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.strip().lower()).strip("-_")


def start_run(
    store: Store,
    playbook_path: str | Path,
    *,
    checklists: Sequence[str] = (),
    t0: When = None,
    name: str = "",
    actor: str | None = None,
    now: datetime | None = None,
) -> Run:
    """Open a run of ``checklists`` (all when empty) from the playbook; T0 defaults to now."""
    from crisisplay.playbook.build import load_playbook

    current = now or clock.now()
    playbook = load_playbook(playbook_path)
    if not playbook.checklists:
        raise CrisisplayError(f"playbook {playbook.id} has no checklists to run")
    chosen = list(dict.fromkeys(checklists)) or list(playbook.checklists)
    for cid in chosen:
        if cid not in playbook.checklists:
            raise CrisisplayError(
                f"playbook {playbook.id} has no checklist {cid!r}"
                + did_you_mean(cid, playbook.checklists, n=3, cutoff=0.5),
                hint=f"checklists: {', '.join(playbook.checklists)}",
            )
    clock.zone(playbook.timezone)
    start = _when(t0, playbook.timezone, current)
    if start > current + FUTURE_TOLERANCE:
        raise CrisisplayError("T0 is in the future", hint="T0 is when the crisis started")
    snapshot = take_snapshot(playbook)
    local_t0 = start.astimezone(clock.zone(playbook.timezone))
    base = _slug(name) or f"{_slug(playbook.id) or 'run'}-{local_t0:%Y%m%d-%H%M}"
    who = actor or default_actor()
    draft = Run(
        id=base,
        name=name.strip() or playbook.title,
        playbook_path=str(playbook_path),
        checklist_ids=tuple(chosen),
        t0=start,
        created_at=current,
        created_by=who,
        snapshot=snapshot,
    )
    opening = NewEvent("start", "", start, who, "", {"checklists": chosen, "playbook": str(playbook_path)})
    with store.transaction(write=True) as conn:
        return store.insert_run(conn, draft, opening)


@dataclass(frozen=True)
class Outcome:
    """What a recorded action did: the event as stored and the run right after it."""

    event: Event
    state: RunState


def act(
    store: Store,
    run_ref: str,
    action: str,
    target: str = "",
    *,
    at: When = None,
    actor: str | None = None,
    note: str = "",
    force: bool = False,
    owner: str = "",
    channels: Sequence[str] = (),
    facts: Mapping[str, str] | None = None,
    now: datetime | None = None,
    known: RunState | None = None,
) -> Outcome:
    """Record ``action`` (done, skip, block, reopen, assign, sent, close, resume, facts) in one transaction.

    ``known`` is a state of this run the caller already holds (the crisis room keeps one):
    when nothing was appended since it (checked inside the write transaction), it is used
    instead of replaying the history; otherwise the history is replayed as usual.
    """
    current = now or clock.now()
    who = actor or default_actor()
    with store.transaction(write=True) as conn:
        if known is not None and run_ref == known.run.id and store.last_seq(conn, known.run.id) == known.last_seq:
            run, before = known.run, known
        else:
            run = store.find_run(conn, run_ref)
            before = replay(run, store.events(conn, run.id))
        moment = _when(at, run.snapshot.timezone, current)
        new = decide(
            before,
            action,
            target,
            at=moment,
            actor=who,
            now=current,
            note=note.strip(),
            force=force,
            owner=owner,
            channels=channels,
            facts=facts,
        )
        seq = store.append(conn, run.id, new, current)
    event = Event(seq, new.at, current, new.kind, new.target, new.actor, new.note, dict(new.data))
    return Outcome(event, advance(before, [event]))


def load(store: Store, run_ref: str | None) -> tuple[RunState, list[Event]]:
    """A run's state and full history, read in one consistent snapshot."""
    with store.transaction() as conn:
        run = store.find_run(conn, run_ref)
        events = list(store.events(conn, run.id))
    return replay(run, events), events


def status(store: Store, run_ref: str | None, *, now: datetime | None = None) -> StatusView:
    state, _ = load(store, run_ref)
    return build_status(state, now or clock.now())


def list_runs(store: Store) -> list[RunRow]:
    with store.transaction() as conn:
        return store.runs(conn)
