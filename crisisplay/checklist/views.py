"""What a run looks like at one moment: progress, deadlines, cadence, frozen services.

Status, the management report and the calendar export all read a :class:`StatusView`,
so a deadline or an "overdue" never means one thing on screen and another on paper.
Computed for an explicit ``now``: tests pin it, and a report can be re-made "as of" a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crisisplay.checklist.cadence import NextUpdate, Silence, all_silences, current_next_update
from crisisplay.checklist.domain import ItemState, RunState
from crisisplay.checklist.phrases import Phrases, phrases_for, short_title
from crisisplay.checklist.snapshot import source_changes
from crisisplay.playbook.model import PRINCIPLES, PRIORITIES, Service

DUE_NEXT = 5


@dataclass(frozen=True)
class Progress:
    """Counts for one priority tier (or ``all``)."""

    priority: str
    total: int = 0
    done: int = 0
    skipped: int = 0
    blocked: int = 0

    @property
    def closed(self) -> int:
        return self.done + self.skipped

    @property
    def open(self) -> int:
        return self.total - self.closed

    @property
    def ratio(self) -> float:
        return self.closed / self.total if self.total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "priority": self.priority,
            "total": self.total,
            "done": self.done,
            "skipped": self.skipped,
            "blocked": self.blocked,
            "open": self.open,
        }


@dataclass(frozen=True)
class FrozenService:
    """A service deliberately frozen or deferrable, and the items that touch it."""

    service: Service
    reason: str
    items: tuple[str, ...]


@dataclass
class StatusView:
    state: RunState
    now: datetime
    progress: Progress
    tiers: list[Progress]
    overdue: list[ItemState]
    due_next: list[ItemState]
    blocked: list[ItemState]
    waiting: list[tuple[ItemState, list[str]]]
    open_items: list[ItemState]
    frozen: list[FrozenService]
    next_update: NextUpdate
    silences: list[Silence]
    playbook_changes: list[tuple[str, str]] = field(default_factory=list)
    #: Open items whose deadline counts from an event that has not happened yet: never overdue.
    waiting_event: list[ItemState] = field(default_factory=list)

    def is_overdue(self, item: ItemState) -> bool:
        return not item.is_closed and item.deadline is not None and item.deadline < self.now

    def to_dict(self) -> dict[str, Any]:
        return status_dict(self)


def build_status(state: RunState, now: datetime, *, check_sources: bool = True) -> StatusView:
    """Everything status shows, computed once for ``now``."""
    items = list(state.items.values())
    tiers = [_progress(p, [i for i in items if i.item.priority == p]) for p in PRIORITIES]
    open_items = [i for i in items if not i.is_closed]
    overdue = sorted((i for i in open_items if i.deadline is not None and i.deadline < now), key=_by_deadline)
    upcoming = sorted(
        (i for i in open_items if i.state == "open" and i.deadline is not None and i.deadline >= now),
        key=_by_deadline,
    )
    waiting = [
        (i, pending) for i in open_items if i.state == "open" and (pending := state.open_prerequisites(i))
    ]
    snapshot = state.run.snapshot
    return StatusView(
        state=state,
        now=now,
        progress=_progress("all", items),
        tiers=[t for t in tiers if t.total],
        overdue=overdue,
        due_next=upcoming[:DUE_NEXT],
        blocked=[i for i in open_items if i.state == "blocked"],
        waiting=waiting,
        open_items=open_items,
        frozen=frozen_services(state),
        next_update=current_next_update(state),
        silences=all_silences(state, now),
        playbook_changes=source_changes(snapshot) if check_sources else [],
        waiting_event=[i for i in open_items if i.waits_on],
    )


def _by_deadline(item: ItemState) -> tuple[datetime, int]:
    assert item.deadline is not None
    rank = PRIORITIES.index(item.item.priority) if item.item.priority in PRIORITIES else len(PRIORITIES)
    return item.deadline, rank


def _progress(priority: str, items: list[ItemState]) -> Progress:
    return Progress(
        priority=priority,
        total=len(items),
        done=sum(1 for i in items if i.state == "done"),
        skipped=sum(1 for i in items if i.state == "skipped"),
        blocked=sum(1 for i in items if i.state == "blocked"),
    )


def frozen_services(state: RunState) -> list[FrozenService]:
    """Services frozen on purpose: listed so nobody mistakes them for forgotten ones."""
    result = []
    for service in state.run.snapshot.services:
        if service.status == "frozen":
            reason = "frozen"
        elif service.tier == "deferrable":
            reason = "deferrable"
        else:
            continue
        keys = tuple(k for k, i in state.items.items() if service.id in i.item.services)
        result.append(FrozenService(service, reason, keys))
    return result


def item_dict(view: StatusView, item: ItemState) -> dict[str, Any]:
    tz = view.state.run.tz
    state = view.state
    return {
        "key": item.key,
        "id": state.label(item.key),
        "checklist": item.checklist_id,
        "title": short_title(item.item),
        "text": item.item.text,
        "owner": item.owner,
        "owner_name": state.run.snapshot.role_name(item.owner) if item.owner else "",
        "priority": item.item.priority,
        "principle": item.item.principle,
        "principle_text": PRINCIPLES.get(item.item.principle, ""),
        "deadline": _iso(item.deadline, tz),
        "state": item.state,
        "overdue": view.is_overdue(item),
        "changed_at": _iso(item.changed_at, tz),
        "changed_by": item.changed_by,
        "note": item.note,
        "depends_on": [state.label(k) for k in item.prerequisites],
        "waiting_for": [state.label(k) for k in state.open_prerequisites(item)],
        "forced": [state.label(k) for k in item.forced if k in state.items],
        "services": list(item.item.services),
        "completes_on": item.item.completes_on or None,
        "completed_by_event": item.completed_by or None,
        "due_after": item.item.due_after or None,
        "waits_on": item.waits_on or None,
    }


def _iso(moment: datetime | None, tz: Any) -> str | None:
    return moment.astimezone(tz).isoformat() if moment is not None else None


def status_dict(view: StatusView) -> dict[str, Any]:
    """The JSON shape of status (also the body of the JSON report)."""
    state, run, tz = view.state, view.state.run, view.state.run.tz
    nu = view.next_update
    return {
        "run": {
            "id": run.id,
            "name": run.name,
            "playbook": {
                "id": run.snapshot.id,
                "title": run.snapshot.title,
                "version": run.snapshot.version,
            },
            "checklists": list(run.checklist_ids),
            "timezone": run.snapshot.timezone,
            "t0": _iso(run.t0, tz),
            "resolved_at": _iso(state.closed_at, tz),
            "episodes": [{"start": _iso(start, tz), "end": _iso(end, tz)} for start, end in state.episodes],
            "state": "closed" if state.closed_at else "open",
            "events": state.events,
        },
        "now": _iso(view.now, tz),
        "playbook_changed": [{"path": p, "change": c} for p, c in view.playbook_changes],
        "progress": view.progress.to_dict(),
        "tiers": [t.to_dict() for t in view.tiers],
        "next_update": {
            "due": _iso(nu.due, tz),
            "stage": nu.stage_id,
            "basis": nu.basis,
            "overdue": nu.overdue(view.now),
            "cadence_minutes": int(nu.cadence.total_seconds() // 60) if nu.cadence else None,
            "last_sent": _iso(nu.last_sent.at, tz) if nu.last_sent else None,
            "principle": PRINCIPLES["stay_in_touch"],
        },
        "overdue": [state.label(i.key) for i in view.overdue],
        "due_next": [state.label(i.key) for i in view.due_next],
        "blocked": [{"id": state.label(i.key), "reason": i.note} for i in view.blocked],
        "waiting": [
            {"id": state.label(i.key), "waiting_for": [state.label(k) for k in keys]} for i, keys in view.waiting
        ],
        "waiting_event": [
            {
                "id": state.label(i.key),
                "event": i.waits_on,
                "after_minutes": int(i.item.due.total_seconds() // 60) if i.item.due else 0,
            }
            for i in view.waiting_event
        ],
        "frozen_services": [
            {
                "id": f.service.id,
                "name": f.service.name,
                "tier": f.service.tier,
                "status": f.service.status,
                "reason": f.reason,
                "alternative": f.service.alternative,
                "items": [state.label(k) for k in f.items],
            }
            for f in view.frozen
        ],
        "messages": [
            {
                "at": _iso(m.at, tz),
                "stage": m.stage_id,
                "kind": m.kind,
                "channels": list(m.channels),
                "by": m.actor,
            }
            for m in state.messages
        ],
        "silences": [
            {
                "kind": s.kind,
                "start": _iso(s.start, tz),
                "end": _iso(s.end, tz),
                "minutes": int(s.length.total_seconds() // 60),
                "limit_minutes": int(s.limit.total_seconds() // 60),
                "ongoing": s.ongoing,
            }
            for s in view.silences
        ],
        "items": [item_dict(view, i) for i in state.items.values()],
    }


def describe_next_update(view: StatusView, phrases: Phrases | None = None) -> str:
    """One sentence on the next customer message, in the phrases' language (default: the playbook's)."""
    say = phrases or phrases_for(view.state.run)
    nu, now = view.next_update, view.now
    if nu.due is None:
        return say.text("next_resolved")
    if nu.basis == "resolution_due":
        return say.text("next_resolution_due")
    when = f"{say.time(nu.due)} ({say.relative(nu.due, now)})"
    if nu.basis == "first_notice":
        what = say.text("next_first_notice")
    elif nu.basis == "resumed":
        what = say.text("next_resumed")
    else:
        assert nu.last_sent is not None and nu.cadence is not None
        what = say.text("next_update", cadence=say.span(nu.cadence), last=say.time(nu.last_sent.at))
    sentence = say.text("next_due", what=what, when=when)
    return say.text("next_overdue", text=sentence) if nu.overdue(now) else sentence
