"""When customers must next hear from us, and where they waited too long.

Computed from what really went out (``checklist sent``), per episode: T0 to the first
close, then each ``resume`` to the next close. A crisis that comes back is told to
customers as fast as a first notice, and silence while it was resolved is not silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from crisisplay.checklist.domain import INTERNAL_KINDS, RunState, SentMessage
from crisisplay.checklist.snapshot import PlaybookSnapshot


@dataclass(frozen=True)
class NextUpdate:
    """When customers must next hear from us, and why then."""

    due: datetime | None
    stage_id: str | None
    basis: str  # first_notice | resumed | cadence | resolution_due | finished
    cadence: timedelta | None
    last_sent: SentMessage | None = None

    def overdue(self, now: datetime) -> bool:
        return self.due is not None and self.due < now


@dataclass(frozen=True)
class Silence:
    """A stretch without customer messages longer than the playbook allows."""

    start: datetime
    end: datetime
    limit: timedelta
    kind: str  # first_notice | resumed (first message after a resume) | gap
    ongoing: bool = False

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def cadence(snapshot: PlaybookSnapshot) -> timedelta:
    """The promised update interval: the fastest ``update`` stage, never over the policy gap."""
    everies = [s.every for s in snapshot.stages.values() if s.kind == "update" and s.every]
    limit = snapshot.policy.max_update_gap
    return min([*everies, limit])


def first_notice_within(snapshot: PlaybookSnapshot) -> timedelta:
    """The first notice's stage ``due``, but never later than the policy allows."""
    stage = _first_stage(snapshot, "first_notice")
    limit = snapshot.policy.first_notice_within
    return min(stage.due, limit) if stage is not None and stage.due is not None else limit


def _first_stage(snapshot: PlaybookSnapshot, kind: str) -> Any:
    return next((s for s in snapshot.stages.values() if s.kind == kind), None)


def _customer(messages: list[SentMessage]) -> list[SentMessage]:
    return [m for m in messages if m.kind not in INTERNAL_KINDS]


def episode_messages(state: RunState, index: int) -> list[SentMessage]:
    """Messages of one episode: from its start (the first: from any time) to the next start."""
    episodes = state.episodes
    start = episodes[index][0] if index else None
    following = episodes[index + 1][0] if index + 1 < len(episodes) else None
    return [m for m in state.messages if (start is None or m.at >= start) and (following is None or m.at < following)]


def current_next_update(state: RunState) -> NextUpdate:
    index = len(state.episodes) - 1
    start, end = state.episodes[index]
    messages = episode_messages(state, index)
    return next_update_due(state.run.snapshot, start, messages, end, resumed=index > 0)


def all_silences(state: RunState, now: datetime) -> list[Silence]:
    found: list[Silence] = []
    for index, (start, end) in enumerate(state.episodes):
        first_kind = "resumed" if index else "first_notice"
        messages = episode_messages(state, index)
        found += silences(state.run.snapshot, start, messages, end, now, first_kind=first_kind)
    return found


def next_update_due(
    snapshot: PlaybookSnapshot,
    t0: datetime,
    messages: list[SentMessage],
    closed_at: datetime | None,
    *,
    resumed: bool = False,
) -> NextUpdate:
    """The next customer message due: first notice, next update, or the resolution notice.

    Based on what was really sent (``checklist sent``), not on the plan: the last
    customer message restarts the clock, so a late update moves the next one too. For a
    resumed run, ``t0`` is the resume time and ``messages`` those sent since: customers
    who were told "resolved" must hear that it is back as fast as a first notice.
    """
    sent = _customer(messages)
    every = cadence(snapshot)
    last = sent[-1] if sent else None
    if any(m.kind == "resolution" for m in sent):
        return NextUpdate(None, None, "finished", None, last)
    if closed_at is not None:
        stage = _first_stage(snapshot, "resolution")
        return NextUpdate(closed_at, stage.id if stage else None, "resolution_due", None, last)
    if last is None:
        due = t0 + first_notice_within(snapshot)
        if resumed:  # customers already know the story: an update says it is back
            stage = _first_stage(snapshot, "update") or _first_stage(snapshot, "first_notice")
            return NextUpdate(due, stage.id if stage else None, "resumed", every)
        stage = _first_stage(snapshot, "first_notice")
        return NextUpdate(due, stage.id if stage else None, "first_notice", every)
    stage = _first_stage(snapshot, "update")
    return NextUpdate(last.at + every, stage.id if stage else None, "cadence", every, last)


def silences(
    snapshot: PlaybookSnapshot,
    t0: datetime,
    messages: list[SentMessage],
    closed_at: datetime | None,
    now: datetime,
    *,
    first_kind: str = "first_notice",
) -> list[Silence]:
    """Late first notice and gaps longer than ``policy.max_update_gap``, ongoing ones too.

    For one episode: ``t0`` is its start and ``closed_at`` its end; ``first_kind`` names
    a late first message (``resumed`` after a resume).
    """
    sent = _customer(messages)
    found = []
    first_limit = first_notice_within(snapshot)
    first_at = sent[0].at if sent else None
    end = first_at or closed_at or now
    if end - t0 > first_limit:
        found.append(Silence(t0, end, first_limit, first_kind, ongoing=first_at is None and closed_at is None))
    gap = snapshot.policy.max_update_gap
    for before, after in pairwise(sent):
        if after.at - before.at > gap:
            found.append(Silence(before.at, after.at, gap, "gap"))
    if sent and closed_at is None and not any(m.kind == "resolution" for m in sent) and now - sent[-1].at > gap:
        found.append(Silence(sent[-1].at, now, gap, "gap", ongoing=True))
    return found
