"""What the room's pages show, computed from the checklist core: no rule of its own.

Overdue, due next, waiting, what a send completes, the customer clock: all come from
:func:`crisisplay.checklist.views.build_status` and are worded by
:class:`~crisisplay.checklist.phrases.Phrases`, exactly like the terminal and the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crisisplay.checklist.cadence import first_notice_within
from crisisplay.checklist.domain import Event, ItemState
from crisisplay.checklist.phrases import Phrases
from crisisplay.checklist.store import RunRow
from crisisplay.checklist.textview import describe_event, silence_sentence
from crisisplay.checklist.views import StatusView, describe_next_update
from crisisplay.playbook.timing import event_stage
from crisisplay.wording import Wording


@dataclass
class ItemCard:
    """One item with everything its card shows and which buttons make sense."""

    key: str
    label: str
    title: str
    text: str
    owner: str
    mine: bool
    priority: str
    priority_id: str
    state: str
    state_label: str
    when: str
    overdue: bool
    completes: str
    send_stage: str
    send_stage_title: str
    principle: str
    note: str
    changed: str
    waits: str = ""
    waiting_for: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


def item_card(view: StatusView, item: ItemState, say: Phrases, me: str) -> ItemCard:
    state, now = view.state, view.now
    if item.deadline is not None:
        when = say.text("item_due", when=say.time(item.deadline), relative=say.relative(item.deadline, now))
    elif item.waits_on:
        when = say.waits(item)
    else:
        when = ""
    ref = item.item.completes_on
    stage = event_stage(ref) or "" if ref else ""
    actions = []
    if not item.is_closed:
        if item.owner != me:
            actions.append("take")
        if stage:
            actions.append("send")  # the send completes it: one record, not two
        elif not ref:
            actions.append("done")  # (an item the close completes is finished by closing)
        actions += ["skip"] + (["block"] if item.state != "blocked" else [])
    if item.state != "open":
        actions.append("reopen")
    changed = ""
    if item.changed_at is not None and item.state != "open":
        changed = say.text("item_state_by", state=say.state(item), time=say.time(item.changed_at),
                           who=item.changed_by or "?")  # fmt: skip
    return ItemCard(
        key=item.key,
        label=state.label(item.key),
        title=say.title(item),
        text=item.item.text,
        owner=say.owner(item.owner),
        mine=bool(me) and item.owner == me,
        priority=say.words.term("priority", item.item.priority),
        priority_id=item.item.priority,
        state=item.state if not (item.waits_on and not item.is_closed) else "waiting",
        state_label=say.state(item) + (", " + say.text("state_overdue") if view.is_overdue(item) else ""),
        when=when,
        overdue=view.is_overdue(item),
        completes=say.completes(item) if not item.is_closed else "",
        send_stage=stage,
        send_stage_title=say.stage(stage) if stage else "",
        principle=say.words.principle(item.item.principle),
        note=item.note,
        changed=changed,
        waiting_for=[state.label(k) for k in state.open_prerequisites(item)],
        waits=say.text("waits_for", item=state.label(item.key), items=say.words.join(
            [state.label(k) for k in state.open_prerequisites(item)])) if state.open_prerequisites(item) else "",
        actions=actions,
    )


def clock_context(view: StatusView, say: Phrases, words: Wording) -> dict[str, Any]:
    """The customer clock: next message due, the first-notice limit, silences, the last message."""
    state, run, now = view.state, view.state.run, view.now
    nu = view.next_update
    start = state.episodes[-1][0]
    limit = start + first_notice_within(run.snapshot)
    customer = [m for m in state.messages if m.kind != "internal"]
    first = next((m for m in customer if m.at >= start), None)
    if first is not None:
        first_notice = words.text("clock_first_notice_met", time=say.time(first.at))
    else:
        first_notice = words.text("clock_first_notice_open", time=say.time(limit), relative=say.relative(limit, now))
    last = customer[-1] if customer else None
    return {
        "next": describe_next_update(view, say),
        "late": nu.overdue(now) or nu.basis == "resolution_due",
        "due_at": nu.due.isoformat() if nu.due else "",
        "stage": nu.stage_id or "",
        "first_notice": first_notice,
        "first_notice_late": first is None and limit < now,
        "silences": [silence_sentence(view, say, s) for s in view.silences],
        "last": f"{say.stage(last.stage_id)} — {say.time(last.at)}" if last else "",
    }


def run_context(view: StatusView, say: Phrases, words: Wording, me: str) -> dict[str, Any]:
    """Every section of the run page."""
    state = view.state
    snap = state.run.snapshot

    def cards(items: list[ItemState]) -> list[ItemCard]:
        return [item_card(view, i, say, me) for i in items]

    shown = {i.key for i in (*view.overdue, *view.due_next, *view.waiting_event, *view.blocked)}
    rest = [i for i in view.open_items if i.key not in shown]
    closed = [i for i in state.items.values() if i.is_closed]
    p = view.progress
    return {
        "run": state.run,
        "resolved": say.text("status_resolved", time=say.time(state.closed_at)) if state.closed_at else "",
        "t0": say.time(state.run.t0),
        "progress": say.words.plural(
            "status_progress",
            p.total,
            percent=say.words.percent(p.ratio),
            closed=p.closed,
            total=p.total,
            done=p.done,
            skipped=p.skipped,
            blocked=p.blocked,
        ),
        "ratio": p.ratio,
        "clock": clock_context(view, say, words),
        "sections": [
            ("overdue", say.text("sec_overdue", count=len(view.overdue)), cards(view.overdue)),
            ("due-next", say.text("sec_due_next", count=len(view.due_next)), cards(view.due_next)),
            ("blocked", say.text("sec_blocked", count=len(view.blocked)), cards(view.blocked)),
            ("waiting", say.text("sec_waiting_event", count=len(view.waiting_event)), cards(view.waiting_event)),
        ],
        "rest": cards(rest),
        "closed": cards(closed),
        "frozen_title": say.text("sec_frozen"),
        "frozen": [
            {
                "name": f.service.name,
                "reason": say.text(f"frozen_reason_{f.reason}"),
                "alternative": f.service.alternative,
                "items": ", ".join(state.label(k) for k in f.items),
            }
            for f in view.frozen
        ],
        "stages": [(sid, say.stage(sid)) for sid in snap.stages],
        "channels": list(snap.channels),
        "changes": view.playbook_changes,
    }


def audit_rows(state: Any, events: list[Event], say: Phrases) -> list[dict[str, str]]:
    return [
        {
            "seq": str(e.seq),
            "at": say.time(e.at),
            "who": e.actor or "?",
            "what": describe_event(state, e, say),
            "note": e.note,
        }
        for e in events
    ]


def runs_context(rows: list[RunRow], words: Wording, phrases: dict[str, Phrases], now: datetime) -> dict[str, Any]:
    def row(r: RunRow) -> dict[str, Any]:
        say = phrases[r.run.id]
        return {
            "id": r.run.id,
            "name": r.run.name,
            "playbook": r.run.snapshot.title,
            "t0": say.time(r.run.t0),
            "state": say.text("list_resolved", time=say.time(r.closed_at)) if r.closed_at else say.text("list_open"),
        }

    return {
        "open": [row(r) for r in rows if r.closed_at is None],
        "resolved": [row(r) for r in rows if r.closed_at is not None][:20],
    }
