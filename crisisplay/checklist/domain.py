"""A run's state is a replay of its events.

Keeping only events (never an updatable "current state" row) means the history cannot
disagree with what status shows, and the audit trail is complete by construction. The
rules of an action live in :mod:`crisisplay.checklist.actions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from crisisplay.checklist import clock
from crisisplay.checklist.snapshot import PlaybookSnapshot
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import ChecklistItem
from crisisplay.playbook.timing import RESOLVED, event_stage
from crisisplay.suggest import did_you_mean

ITEM_ACTIONS: dict[str, str] = {
    "done": "done",
    "skip": "skipped",
    "block": "blocked",
    "reopen": "open",
}
EVENT_KINDS = ("start", *ITEM_ACTIONS, "assign", "sent", "close", "resume", "facts")
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
    #: The seq of the event (a send, the close) that completed the item; 0 when done by hand.
    completed_by: int = 0
    #: The event the deadline counts from while it has not happened ("" once the clock runs).
    waits_on: str = ""

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
    #: The crisis's facts as recorded (``facts`` events), raw as typed: the room renders from them.
    facts: dict[str, Any] = field(default_factory=dict)
    #: The seq of the last ``facts`` event (0: none yet; messages then show the playbook's examples).
    facts_seq: int = 0

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
            f"unknown item {ref!r} in run {self.run.id}{did_you_mean(ref, candidates, n=3, cutoff=0.5)}",
            hint=f"'crisisplay checklist status {self.run.id} --all' lists every item",
        )

    def open_prerequisites(self, state: ItemState) -> list[str]:
        return [key for key in state.prerequisites if not self.items[key].is_closed]



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
    _apply_events(result, events)
    return result


def advance(state: RunState, events: Sequence[Event]) -> RunState:
    """``state`` with later ``events`` folded in, leaving ``state`` itself untouched.

    Equal to replaying the whole history; a long-running reader (the crisis room) keeps
    the last state and folds only what was appended since, instead of re-reading it all.
    """
    result = replace(
        state,
        items={key: replace(item) for key, item in state.items.items()},
        messages=list(state.messages),
        episodes=list(state.episodes),
        facts=dict(state.facts),
    )
    for item in result.items.values():  # deadlines after an event are derived, not stored
        item.deadline = result.run.t0 + item.item.due if item.item.due is not None else None
    _apply_events(result, events)
    return result


def _apply_events(result: RunState, events: Iterable[Event]) -> None:
    run, items = result.run, result.items
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
                target.completed_by = 0
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
            _complete(items, event)
        elif kind == "close":
            result.closed_at = event.at
            result.closed_by = event.actor
            result.episodes[-1] = (result.episodes[-1][0], event.at)
            _complete(items, event)
        elif kind == "resume":
            result.closed_at, result.closed_by = None, ""
            result.episodes.append((event.at, None))
            for key in event.data.get("reopens", ()):
                target = items.get(key)
                if target is not None:
                    target.state, target.forced, target.completed_by = "open", (), 0
                    target.changed_at, target.changed_by, target.note = event.at, event.actor, event.note
        elif kind == "facts":
            result.facts.update(event.data.get("set", {}))
            for name in event.data.get("unset", ()):
                result.facts.pop(name, None)
            result.facts_seq = event.seq
    result.messages.sort(key=lambda m: (m.at, m.seq))
    _event_deadlines(result)


def _complete(items: dict[str, ItemState], event: Event) -> None:
    """Items an event completes (listed in its data when it was recorded): done, by whoever recorded it."""
    forced = event.data.get("forced_items", {})
    for key in event.data.get("completes", ()):
        target = items.get(key)
        if target is None:
            continue
        target.state, target.completed_by = "done", event.seq
        target.forced = tuple(forced.get(key, ()))
        target.changed_at, target.changed_by, target.note = event.at, event.actor, ""


def anchor_time(state: RunState, ref: str) -> datetime | None:
    """When the event ``ref`` happened, or None while it has not.

    The resolution and its message belong to the current episode: after a ``resume`` they
    are owed again. Any other stage counts from its first send.
    """
    if ref == RESOLVED:
        return state.closed_at
    stage_id = event_stage(ref)
    since = state.episodes[-1][0] if is_resolution_ref(state.run.snapshot, ref) else None
    return next(
        (m.at for m in state.messages if m.stage_id == stage_id and (since is None or m.at >= since)),
        None,
    )


def is_resolution_ref(snapshot: PlaybookSnapshot, ref: str) -> bool:
    """``resolved``, or the send of a resolution-kind stage: what a crisis owes at its end."""
    if ref == RESOLVED:
        return True
    stage = snapshot.stages.get(event_stage(ref) or "")
    return stage is not None and stage.kind == "resolution"


def owed_after_resolution(snapshot: PlaybookSnapshot, item: ChecklistItem) -> bool:
    """An item that can only happen once the crisis is resolved (its due or its completing event)."""
    return any(is_resolution_ref(snapshot, ref) for ref in (item.due_after, item.completes_on) if ref)


def _event_deadlines(state: RunState) -> None:
    for target in state.items.values():
        ref = target.item.due_after
        if not ref or target.item.due is None:
            continue
        moment = anchor_time(state, ref)
        target.deadline = moment + target.item.due if moment is not None else None
        target.waits_on = "" if moment is not None else ref
