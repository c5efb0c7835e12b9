"""A run's state is a replay of its events; an action is checked against that state.

Keeping only events (never an updatable "current state" row) means the history cannot
disagree with what status shows, and the audit trail is complete by construction. The
rules of an action live in :func:`decide`, which is pure: the store calls it inside the
write transaction, so two managers acting at once are judged against each other's
committed changes, one after the other.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from crisisplay.checklist import clock
from crisisplay.checklist.snapshot import PlaybookSnapshot
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import ChecklistItem

ITEM_ACTIONS: dict[str, str] = {
    "done": "done",
    "skip": "skipped",
    "block": "blocked",
    "reopen": "open",
}
EVENT_KINDS = ("start", *ITEM_ACTIONS, "assign", "sent", "close", "resume")
CLOSED_STATES = ("done", "skipped")
#: Stage kinds that are not a message to customers, so they do not reset the cadence.
INTERNAL_KINDS = ("internal",)
#: How far in the future an ``--at`` may be (clock skew between laptops), no more.
FUTURE_TOLERANCE = timedelta(minutes=2)


class Event(NamedTuple):
    """One line of the append-only history (a tuple: status builds thousands of them)."""

    seq: int
    at: datetime
    recorded_at: datetime
    kind: str
    target: str
    actor: str
    note: str
    data: dict[str, Any]


@dataclass(frozen=True)
class NewEvent:
    """What :func:`decide` asks the store to append."""

    kind: str
    target: str
    at: datetime
    actor: str
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Run:
    """A crisis being worked through: when it started and from which playbook."""

    id: str
    name: str
    playbook_path: str
    checklist_ids: tuple[str, ...]
    t0: datetime
    created_at: datetime
    created_by: str
    snapshot: PlaybookSnapshot

    @property
    def tz(self) -> ZoneInfo:
        return clock.zone_or_utc(self.snapshot.timezone)


@dataclass
class ItemState:
    """One checklist item as it stands after replaying the history."""

    key: str
    checklist_id: str
    item: ChecklistItem
    deadline: datetime | None
    prerequisites: tuple[str, ...]
    state: str = "open"
    owner: str = ""
    changed_at: datetime | None = None
    changed_by: str = ""
    note: str = ""
    forced: tuple[str, ...] = ()

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES


@dataclass(frozen=True)
class SentMessage:
    """A customer (or internal) message that really went out."""

    seq: int
    at: datetime
    stage_id: str
    kind: str
    channels: tuple[str, ...]
    actor: str
    note: str = ""


@dataclass
class RunState:
    """Everything status, reports and the calendar export need about a run."""

    run: Run
    items: dict[str, ItemState]
    messages: list[SentMessage] = field(default_factory=list)
    closed_at: datetime | None = None
    closed_by: str = ""
    events: int = 0
    last_seq: int = 0
    #: (start, end) of each episode: T0 to the first close, then each ``resume`` to the next
    #: close. A crisis that flares up again is one run with two episodes, not two runs.
    episodes: list[tuple[datetime, datetime | None]] = field(default_factory=list)

    def label(self, key: str) -> str:
        """The bare item id when it is unique in the run (what people type), else the key."""
        bare = key.split(".", 1)[1]
        clashes = sum(1 for other in self.items.values() if other.item.id == bare)
        return bare if clashes == 1 else key

    def find_item(self, ref: str) -> ItemState:
        """An item by ``checklist.item`` or bare id; unknown ids list near matches."""
        ref = ref.strip()
        if ref in self.items:
            return self.items[ref]
        matches = [state for state in self.items.values() if state.item.id == ref]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            keys = ", ".join(m.key for m in matches)
            raise CrisisplayError(f"item {ref!r} is in several checklists of run {self.run.id}: {keys}")
        candidates = [*self.items, *(s.item.id for s in self.items.values())]
        raise CrisisplayError(
            f"unknown item {ref!r} in run {self.run.id}{did_you_mean(ref, candidates)}",
            hint=f"'crisisplay checklist status {self.run.id} --all' lists every item",
        )

    def open_prerequisites(self, state: ItemState) -> list[str]:
        return [key for key in state.prerequisites if not self.items[key].is_closed]


def did_you_mean(ref: str, candidates: Iterable[str]) -> str:
    """``; did you mean: a, b?`` or nothing: the tail of an unknown-id message."""
    near = difflib.get_close_matches(ref, sorted(set(candidates)), n=3, cutoff=0.5)
    return f"; did you mean: {', '.join(near)}?" if near else ""


def build_items(run: Run) -> dict[str, ItemState]:
    """The run's items in playbook order, deadlines from T0, prerequisites as keys.

    A ``depends_on`` id resolves in the item's own checklist first, then anywhere in the
    run; a prerequisite from a checklist the run left out does not block (nobody could
    ever tick it).
    """
    snapshot = run.snapshot
    items: dict[str, ItemState] = {}
    for cid in run.checklist_ids:
        checklist = snapshot.checklists.get(cid)
        for item in checklist.items if checklist else ():
            items[f"{cid}.{item.id}"] = ItemState(
                key=f"{cid}.{item.id}",
                checklist_id=cid,
                item=item,
                deadline=run.t0 + item.due if item.due is not None else None,
                prerequisites=(),
                owner=item.owner,
            )
    for state in items.values():
        keys = []
        for dep in state.item.depends_on:
            own = f"{state.checklist_id}.{dep}"
            if own in items:
                keys.append(own)
                continue
            elsewhere = [key for key, other in items.items() if other.item.id == dep]
            if len(elsewhere) == 1:
                keys.append(elsewhere[0])
        state.prerequisites = tuple(k for k in keys if k != state.key)
    return items


def replay(run: Run, events: Iterable[Event]) -> RunState:
    """Fold the history, oldest first, into the run's current state."""
    result = RunState(run=run, items=build_items(run), episodes=[(run.t0, None)])
    items = result.items
    for event in events:
        result.events += 1
        result.last_seq = event.seq
        kind = event.kind
        if kind in ITEM_ACTIONS or kind == "assign":
            target = items.get(event.target)
            if target is None:
                continue
            if kind == "assign":
                target.owner = str(event.data.get("owner", target.owner))
            else:
                target.state = ITEM_ACTIONS[kind]
                target.forced = tuple(event.data.get("forced", ())) if kind == "done" else ()
            target.changed_at = event.at
            target.changed_by = event.actor
            target.note = event.note
        elif kind == "sent":
            stage = run.snapshot.stages.get(event.target)
            result.messages.append(
                SentMessage(
                    seq=event.seq,
                    at=event.at,
                    stage_id=event.target,
                    kind=stage.kind if stage else str(event.data.get("kind", "custom")),
                    channels=tuple(event.data.get("channels", ())),
                    actor=event.actor,
                    note=event.note,
                )
            )
        elif kind == "close":
            result.closed_at = event.at
            result.closed_by = event.actor
            result.episodes[-1] = (result.episodes[-1][0], event.at)
        elif kind == "resume":
            result.closed_at, result.closed_by = None, ""
            result.episodes.append((event.at, None))
    result.messages.sort(key=lambda m: (m.at, m.seq))
    return result


def decide(
    state: RunState,
    action: str,
    ref: str,
    *,
    at: datetime,
    actor: str,
    now: datetime,
    note: str = "",
    force: bool = False,
    owner: str = "",
    channels: Sequence[str] = (),
) -> NewEvent:
    """Check one action against the current state and say what to record.

    Raises :class:`CrisisplayError` for anything a manager should hear about: an unknown
    item, an item already in that state, an open prerequisite without ``force``, a block
    without a reason, a time in the future.
    """
    if at > now + FUTURE_TOLERANCE:
        raise CrisisplayError(
            f"--at {clock.show(at, state.run.tz)} is in the future",
            hint="record things when they have happened",
        )
    if action == "sent":
        return _decide_sent(state, ref, at=at, actor=actor, note=note, channels=channels)
    if action == "close":
        return _decide_close(state, at=at, actor=actor, note=note)
    if action == "resume":
        return _decide_resume(state, at=at, actor=actor, note=note)
    if action not in (*ITEM_ACTIONS, "assign"):
        raise CrisisplayError(f"unknown action {action!r}")
    item = state.find_item(ref)
    label = state.label(item.key)
    if action == "assign":
        if not owner.strip():
            raise CrisisplayError("say who owns the item now")
        return NewEvent("assign", item.key, at, actor, note, {"owner": owner.strip(), "previous": item.owner})
    target = ITEM_ACTIONS[action]
    if action == "block":
        if not note.strip():
            raise CrisisplayError(f"say why {label} is blocked", hint="--note 'waiting for the vendor'")
        if item.state in CLOSED_STATES:
            raise CrisisplayError(f"{label} is {item.state}; reopen it before blocking it")
    elif item.state == target:
        when = f" ({_who_when(item, state.run.tz)})" if item.changed_at else ""
        hint = "reopen it first" if action != "reopen" else ""
        raise CrisisplayError(f"{label} is already {target}{when}", hint=hint)
    data: dict[str, Any] = {"from": item.state}
    if action == "done":
        pending = state.open_prerequisites(item)
        if pending and not force:
            names = ", ".join(f"{state.label(k)} ({state.items[k].state})" for k in pending)
            raise CrisisplayError(
                f"{label} depends on items that are not done yet: {names}",
                hint="finish them first, or record it anyway with --force",
            )
        if pending:
            data["forced"] = pending
    return NewEvent(action, item.key, at, actor, note, data)


def _who_when(item: ItemState, tz: ZoneInfo) -> str:
    assert item.changed_at is not None
    by = f" by {item.changed_by}" if item.changed_by else ""
    return f"{clock.show(item.changed_at, tz)}{by}"


def _decide_sent(
    state: RunState, stage_id: str, *, at: datetime, actor: str, note: str, channels: Sequence[str]
) -> NewEvent:
    snapshot = state.run.snapshot
    stage = snapshot.stages.get(stage_id)
    if stage is None:
        raise CrisisplayError(
            f"unknown stage {stage_id!r} in playbook {snapshot.id}" + did_you_mean(stage_id, snapshot.stages),
            hint=f"stages: {', '.join(snapshot.stages) or 'none'}",
        )
    known = set(snapshot.channels)
    for channel in channels:
        if known and channel not in known:
            raise CrisisplayError(
                f"unknown channel {channel!r}{did_you_mean(channel, known)}",
                hint=f"channels of {snapshot.id}: {', '.join(snapshot.channels)}",
            )
    data = {"kind": stage.kind, "channels": list(dict.fromkeys(channels))}
    return NewEvent("sent", stage_id, at, actor, note, data)


def _decide_close(state: RunState, *, at: datetime, actor: str, note: str) -> NewEvent:
    tz = state.run.tz
    if state.closed_at is not None:
        raise CrisisplayError(
            f"run {state.run.id} was already closed at {clock.show(state.closed_at, tz)}"
            + (f" by {state.closed_by}" if state.closed_by else "")
        )
    if at <= state.run.t0:
        raise CrisisplayError(
            f"the resolution time {clock.show(at, tz)} is not after T0 {clock.show(state.run.t0, tz)}"
        )
    return NewEvent("close", "", at, actor, note, {})


def _decide_resume(state: RunState, *, at: datetime, actor: str, note: str) -> NewEvent:
    tz = state.run.tz
    if state.closed_at is None:
        raise CrisisplayError(f"run {state.run.id} is not closed; there is nothing to resume")
    if at <= state.closed_at:
        raise CrisisplayError(
            f"the crisis cannot come back at {clock.show(at, tz)}: it was resolved at {clock.show(state.closed_at, tz)}"
        )
    return NewEvent("resume", "", at, actor, note, {"resolved_at": clock.to_db(state.closed_at)})
