"""Plain-text views for the terminal: status, the run list and the history.

They speak the playbook's language (``--lang`` picks another) through
:class:`~crisisplay.checklist.phrases.Phrases`, return strings (the CLI prints them) and
take ``color``/``bar`` flags instead of looking at the terminal themselves, so the same
text is what tests and pipes see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import click

from crisisplay.checklist.domain import Event, ItemState, RunState
from crisisplay.checklist.phrases import Phrases, phrases_for
from crisisplay.checklist.store import RunRow
from crisisplay.checklist.views import StatusView, describe_next_update

BAR_WIDTH = 24
STATE_MARKS = {"done": "x", "skipped": "-", "blocked": "!", "open": " "}


def progress_bar(closed: int, total: int, *, width: int = BAR_WIDTH) -> str:
    filled = round(width * closed / total) if total else width
    return "[" + "█" * filled + "░" * (width - filled) + "]"


def _styler(color: bool) -> Callable[..., str]:
    def paint(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    return paint


def _header(view: StatusView, say: Phrases, paint: Callable[..., str]) -> list[str]:
    state, run, now = view.state, view.state.run, view.now
    snap = run.snapshot
    checklists = say.checklists()
    if snap.version:
        playbook = say.text(
            "status_playbook_versioned", title=snap.title, id=snap.id, version=snap.version, checklists=checklists
        )
    else:
        playbook = say.text("status_playbook", title=snap.title, id=snap.id, checklists=checklists)
    lines = [
        paint(run.name, bold=True) + f"  ({run.id})",
        playbook,
        say.text("status_clock", t0=say.time(run.t0), now=say.time(now), span=say.span(now - run.t0)),
    ]
    for (_, resolved), (back, _) in pairwise(state.episodes):
        assert resolved is not None  # every episode but the last ended with a close
        lines.append(paint(say.text("status_came_back", resolved=say.time(resolved), back=say.time(back)), fg="yellow"))
    if state.closed_at:
        lines.append(paint(say.text("status_resolved", time=say.time(state.closed_at)), fg="green"))
    for path, change in view.playbook_changes:
        changed = say.text("playbook_changed", file=Path(path).name, change=say.text(f"change_{change}"))
        lines.append(paint(f"{say.text('note')}: {changed}", fg="yellow"))
    return lines


def _customers(view: StatusView, say: Phrases, paint: Callable[..., str]) -> list[str]:
    nu, now, run = view.next_update, view.now, view.state.run
    text = describe_next_update(view, say)
    late = nu.overdue(now) or nu.basis == "resolution_due"
    lines = [paint(f"{say.text('customers')}: ", bold=True) + (paint(text, fg="red", bold=True) if late else text)]
    lines.append("  " + say.text("why", principle=say.words.principle("stay_in_touch")))
    if nu.stage_id and nu.due is not None:
        lines.append("  " + say.text("status_record_send", run=run.id, stage=nu.stage_id))
    for silence in view.silences:
        lines.append(paint("  " + silence_sentence(view, say, silence), fg="yellow"))
    return lines


def silence_sentence(view: StatusView, say: Phrases, silence: Any) -> str:
    """A late first notice or a long gap, as one sentence (status, report and the room)."""
    first = {"first_notice": "first_notice_late", "resumed": "resumed_late"}
    key = first.get(silence.kind, "silence") + ("_ongoing" if silence.ongoing else "")
    return say.text(
        key,
        length=say.span(silence.length),
        start=say.time(silence.start),
        end=say.time(silence.end),
        limit=say.span(silence.limit),
    )


def render_status(
    view: StatusView,
    *,
    color: bool = False,
    bar: bool = False,
    show_all: bool = False,
    phrases: Phrases | None = None,
) -> str:
    """The manager's screen: progress, the next customer update, what is late, stuck or waiting."""
    paint = _styler(color)
    say = phrases or phrases_for(view.state.run)
    state = view.state
    lines = _header(view, say, paint)
    p = view.progress
    counts = say.words.plural(
        "status_progress", p.total, percent=say.words.percent(p.ratio), closed=p.closed, total=p.total,
        done=p.done, skipped=p.skipped, blocked=p.blocked,
    )  # fmt: skip
    lines += ["", f"{progress_bar(p.closed, p.total)} {counts}" if bar else counts]
    tiers = [f"{say.words.term('priority', t.priority)} {t.closed}/{t.total}" for t in view.tiers]
    lines.append("  " + " · ".join(tiers))
    lines += ["", *_customers(view, say, paint)]
    sections: list[tuple[str, Sequence[ItemState], str]] = [
        ("sec_overdue", view.overdue, "red"),
        ("sec_due_next", view.due_next, ""),
    ]
    for key, items, fg in sections:
        if items:
            lines += ["", paint(say.text(key, count=len(items)), bold=True, fg=fg or None)]
            lines += [line for item in items for line in _item_lines(view, item, say, paint)]
    if view.blocked:
        lines += ["", paint(say.text("sec_blocked", count=len(view.blocked)), bold=True, fg="yellow")]
        lines += [f"  {state.label(i.key)}: {i.note}{_by(i, say)}" for i in view.blocked]
    if view.waiting_event:
        lines += ["", paint(say.text("sec_waiting_event", count=len(view.waiting_event)), bold=True)]
        for item in view.waiting_event:
            owner = f" · {say.owner(item.owner)}" if item.owner else ""
            lines.append(f"  {state.label(item.key)}: {say.title(item)}{owner} · {say.waits(item)}")
    if view.waiting:
        lines += ["", paint(say.text("sec_waiting_prereq", count=len(view.waiting)), bold=True)]
        for item, keys in view.waiting:
            names = say.words.join([state.label(k) for k in keys])
            lines.append("  " + say.text("waits_for", item=state.label(item.key), items=names))
    if view.frozen:
        lines += ["", paint(say.text("sec_frozen"), bold=True, fg="cyan")]
        for frozen in view.frozen:
            parts = [say.text(f"frozen_reason_{frozen.reason}")]
            if frozen.service.alternative:
                parts.append(say.text("frozen_instead", alternative=frozen.service.alternative))
            if frozen.items:
                parts.append(say.text("frozen_items", items=", ".join(state.label(k) for k in frozen.items)))
            lines.append(f"  {frozen.service.name} ({frozen.service.id}): {'; '.join(parts)}")
    shown = {i.key for i in (*view.overdue, *view.due_next, *view.waiting_event)}
    rest = [i for i in view.open_items if i.key not in shown and i.state == "open"]
    if rest and show_all:
        lines += ["", paint(say.text("sec_other", count=len(rest)), bold=True)]
        lines += [line for item in rest for line in _item_lines(view, item, say, paint)]
    elif rest:
        lines += ["", say.plural("status_more", len(rest))]
    if show_all:
        closed = [i for i in state.items.values() if i.is_closed]
        if closed:
            lines += ["", paint(say.text("sec_closed", count=len(closed)), bold=True)]
            for item in closed:
                mark = STATE_MARKS[item.state]
                lines.append(f"  [{mark}] {state.label(item.key)}: {say.title(item)}{_by(item, say)}")
    return "\n".join(lines)


def _by(item: ItemState, say: Phrases) -> str:
    if item.changed_at is None:
        return ""
    return " (" + say.text("item_state_by", state=say.state(item), time=say.time(item.changed_at),
                           who=item.changed_by or "?") + ")"  # fmt: skip


def _item_lines(view: StatusView, item: ItemState, say: Phrases, paint: Callable[..., str]) -> list[str]:
    state, tz, now = view.state, view.state.run.tz, view.now
    parts = [f"  [{say.words.term('priority', item.item.priority)}] {state.label(item.key)}: {say.title(item)}"]
    if item.owner:
        parts.append(say.owner(item.owner))
    if item.deadline is not None:
        other_day = item.deadline.astimezone(tz).date() != now.astimezone(tz).date()
        when = say.time(item.deadline, date=other_day)
        parts.append(say.text("item_due", when=when, relative=say.relative(item.deadline, now)))
    head = " · ".join(parts)
    lines = [paint(head, fg="red") if view.is_overdue(item) else head]
    completes = say.completes(item)
    if completes:
        lines.append(f"      {completes}")
    why = say.words.principle(item.item.principle)
    if why:
        lines.append("      " + say.text("why", principle=why))
    return lines


def render_runs(
    rows: Sequence[RunRow], states: dict[str, RunState] | None = None, *, language: str | None = None
) -> str:
    """``checklist list``: newest first, one line each, in ``language`` (default: the newest run's)."""
    if not rows:
        from crisisplay.wording import wording_for

        return wording_for("checklist", language if language and language != "auto" else "en").text("list_empty")
    lines = []
    chosen = language if language and language != "auto" else rows[0].run.snapshot.locale
    for row in rows:
        run = row.run
        say = phrases_for(run, chosen)
        status = say.text("list_resolved", time=say.time(row.closed_at)) if row.closed_at else say.text("list_open")
        parts = [run.name, run.snapshot.id, f"T0 {say.time(run.t0)}", status]
        if states and run.id in states:
            items = states[run.id].items.values()
            parts.append(say.text("list_progress", closed=sum(1 for i in items if i.is_closed), total=len(items)))
        parts.append(say.plural("list_events", row.events))
        lines.append(f"{run.id}  " + " · ".join(parts))
    return "\n".join(lines)


def describe_event(state: RunState, event: Event, phrases: Phrases | None = None) -> str:
    """One history line's action, e.g. ``done notify (forced past open: prepare)``."""
    say = phrases or phrases_for(state.run)
    kind, data = event.kind, event.data

    def labels(keys: Sequence[str]) -> str:
        return ", ".join(state.label(k) if k in state.items else k for k in keys)

    if kind == "start":
        snap = state.run.snapshot
        titles = [snap.checklists[c].title if c in snap.checklists else c for c in data.get("checklists", ())]
        return say.text("ev_start", checklists=say.words.join(titles))
    if kind == "assign":
        label = state.label(event.target) if event.target in state.items else event.target
        return say.text("ev_assign", item=label, owner=say.owner(str(data.get("owner", ""))))
    if kind == "facts":
        names = [*data.get("set", {}), *(f"-{n}" for n in data.get("unset", ()))]
        return say.text("ev_facts", names=", ".join(names))
    if kind in ("close", "resume"):
        text = say.text(f"ev_{kind}")
    elif kind == "sent":
        channels = ", ".join(data.get("channels", ())) or say.text("ev_no_channel")
        text = say.text("ev_sent", stage=say.stage(event.target), channels=channels)
    else:
        label = state.label(event.target) if event.target in state.items else event.target
        text = say.text(f"ev_{kind}", item=label)
    extras = []
    if data.get("forced"):
        extras.append(say.text("ev_forced", items=labels(data["forced"])))
    if data.get("completes"):
        extras.append(say.text("ev_completes", items=labels(data["completes"])))
    if data.get("open_critical"):
        extras.append(say.text("open_critical_note", items=labels(data["open_critical"])))
    if data.get("reopens"):
        extras.append(say.text("ev_reopens", items=labels(data["reopens"])))
    return text + "".join(f"; {extra}" for extra in extras)


def render_log(state: RunState, events: Sequence[Event], *, phrases: Phrases | None = None) -> str:
    """``checklist log``: who did what, when (and when it was recorded, if later)."""
    say = phrases or phrases_for(state.run)
    lines = [say.plural("log_header", len(events), run=state.run.id, zone=state.run.snapshot.timezone)]
    for event in events:
        recorded = ""
        if abs(event.recorded_at - event.at).total_seconds() >= 60:
            recorded = f" [{say.text('log_recorded', time=say.time(event.recorded_at))}]"
        note = f" — {event.note}" if event.note else ""
        lines.append(
            f"#{event.seq:<5} {say.time(event.at)}  {event.actor or '?'}: "
            f"{describe_event(state, event, say)}{note}{recorded}"
        )
    return "\n".join(lines)


def log_dict(state: RunState, events: Sequence[Event]) -> dict[str, Any]:
    tz = state.run.tz
    return {
        "run": state.run.id,
        "events": [
            {
                "seq": e.seq,
                "at": e.at.astimezone(tz).isoformat(),
                "recorded_at": e.recorded_at.astimezone(tz).isoformat(),
                "kind": e.kind,
                "target": e.target,
                "by": e.actor,
                "note": e.note,
                "data": e.data,
            }
            for e in events
        ],
    }


def runs_dict(rows: Sequence[RunRow]) -> list[dict[str, Any]]:
    """``checklist list --format json``."""
    from crisisplay.checklist.domain import build_items

    return [
        {
            "id": r.run.id,
            "name": r.run.name,
            "playbook": r.run.snapshot.id,
            "t0": r.run.t0.astimezone(r.run.tz).isoformat(),
            "resolved_at": r.closed_at.astimezone(r.run.tz).isoformat() if r.closed_at else None,
            "items": len(build_items(r.run)),
            "events": r.events,
        }
        for r in rows
    ]


def describe_outcome(state: RunState, event: Event, now: datetime, *, phrases: Phrases | None = None) -> list[str]:
    """The confirmation after an action, plus what it changed for others."""
    say = phrases or phrases_for(state.run)
    what = describe_event(state, event, say)
    lines = [say.text("outcome", run=state.run.id, what=what, time=say.time(event.at), who=event.actor)]
    if event.kind in ("done", "sent", "close"):
        done = {event.target, *event.data.get("completes", ())}
        freed = [
            state.label(i.key)
            for i in state.items.values()
            if done & set(i.prerequisites) and not i.is_closed and not state.open_prerequisites(i)
        ]
        if freed:
            lines.append(say.text("outcome_unblocked", items=", ".join(freed)))
    if event.kind in ("sent", "close", "resume"):
        from crisisplay.checklist.views import build_status

        view = build_status(state, now, check_sources=False)
        lines.append(f"{say.text('customers')}: {describe_next_update(view, say)}")
    return lines
