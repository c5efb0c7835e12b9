"""Plain-text views for the terminal: status, the run list and the history.

They return strings (the CLI prints them) and take ``color``/``bar`` flags instead of
looking at the terminal themselves, so the same text is what tests and pipes see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any

import click

from crisisplay.checklist import clock
from crisisplay.checklist.domain import Event, ItemState, RunState
from crisisplay.checklist.store import RunRow
from crisisplay.checklist.views import StatusView, describe_next_update
from crisisplay.playbook.model import PRINCIPLES

BAR_WIDTH = 24
STATE_MARKS = {"done": "x", "skipped": "-", "blocked": "!", "open": " "}


def progress_bar(closed: int, total: int, *, width: int = BAR_WIDTH) -> str:
    filled = round(width * closed / total) if total else width
    return "[" + "█" * filled + "░" * (width - filled) + "]"


def _styler(color: bool) -> Callable[..., str]:
    def paint(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    return paint


def render_status(view: StatusView, *, color: bool = False, bar: bool = False, show_all: bool = False) -> str:
    """The manager's screen: progress, the next customer update, what is late or stuck."""
    paint = _styler(color)
    state, run, tz, now = view.state, view.state.run, view.state.run.tz, view.now
    lines = [
        paint(f"{run.name}", bold=True) + f"  ({run.id})",
        f"playbook {run.snapshot.title} ({run.snapshot.id}"
        + (f" v{run.snapshot.version}" if run.snapshot.version else "")
        + f"), checklists: {', '.join(run.checklist_ids)}",
        f"T0 {clock.show(run.t0, tz)} · now {clock.show(now, tz)} · {clock.span(now - run.t0)} into the crisis",
    ]
    if state.closed_at:
        lines.append(paint(f"resolved {clock.show(state.closed_at, tz)}", fg="green"))
    for (_, resolved), (back, _) in pairwise(state.episodes):
        assert resolved is not None  # every episode but the last ended with a close
        lines.append(
            paint(f"resolved {clock.show(resolved, tz)}, came back {clock.show(back, tz)} (resumed)", fg="yellow")
        )
    for path, change in view.playbook_changes:
        lines.append(
            paint(
                f"note: the playbook file {path} is {change} since this run started; "
                "the run keeps showing the version it started from",
                fg="yellow",
            )
        )
    p = view.progress
    counts = f"{p.closed}/{p.total} closed ({p.done} done, {p.skipped} skipped), {p.blocked} blocked"
    percent = f"{round(100 * p.ratio)}%"
    lines.append("")
    lines.append(f"{progress_bar(p.closed, p.total)} {percent}  {counts}" if bar else f"progress: {percent}, {counts}")
    lines.append("  " + " · ".join(f"{t.priority} {t.closed}/{t.total}" for t in view.tiers))
    lines.append("")
    nu_text = describe_next_update(view)
    overdue_update = view.next_update.overdue(now)
    lines.append(paint("customers: ", bold=True) + (paint(nu_text, fg="red", bold=True) if overdue_update else nu_text))
    lines.append(f"  why: {PRINCIPLES['stay_in_touch']}")
    for silence in view.silences:
        late = {"first_notice": "first notice late", "resumed": "notice after resuming late"}
        what = late.get(silence.kind, "silence")
        ongoing = " and counting" if silence.ongoing else ""
        lines.append(
            paint(
                f"  {what}: {clock.span(silence.length)}{ongoing} (limit {clock.span(silence.limit)})",
                fg="yellow",
            )
        )
    sections: list[tuple[str, Sequence[ItemState], str]] = [
        (f"Overdue ({len(view.overdue)})", view.overdue, "red"),
        (f"Due next ({len(view.due_next)})", view.due_next, ""),
    ]
    for title, items, fg in sections:
        if items:
            lines += ["", paint(title, bold=True, fg=fg or None)]
            lines += [line for item in items for line in _item_lines(view, item, paint)]
    if view.blocked:
        lines += ["", paint(f"Blocked ({len(view.blocked)})", bold=True, fg="yellow")]
        for item in view.blocked:
            lines.append(f"  {state.label(item.key)}: {item.note}" + _by(item, tz))
    if view.waiting:
        lines += ["", paint(f"Waiting for prerequisites ({len(view.waiting)})", bold=True)]
        for item, keys in view.waiting:
            names = ", ".join(state.label(k) for k in keys)
            lines.append(f"  {state.label(item.key)}: waits for {names}")
    if view.frozen:
        lines += ["", paint("Frozen on purpose (not forgotten)", bold=True, fg="cyan")]
        for frozen in view.frozen:
            service = frozen.service
            about = "status frozen" if frozen.reason == "frozen" else "deferrable tier"
            alt = f"; instead: {service.alternative}" if service.alternative else ""
            names = ", ".join(state.label(k) for k in frozen.items)
            touched = f"; items: {names}" if names else ""
            lines.append(f"  {service.name} ({service.id}): {about}{alt}{touched}")
    shown = {i.key for i in (*view.overdue, *view.due_next)}
    rest = [i for i in view.open_items if i.key not in shown and i.state == "open"]
    if rest and show_all:
        lines += ["", paint(f"Other open items ({len(rest)})", bold=True)]
        lines += [line for item in rest for line in _item_lines(view, item, paint)]
    elif rest:
        lines += ["", f"{len(rest)} more open item(s); --all lists them"]
    if show_all:
        closed = [i for i in state.items.values() if i.is_closed]
        if closed:
            lines += ["", paint(f"Closed ({len(closed)})", bold=True)]
            for item in closed:
                lines.append(f"  [{STATE_MARKS[item.state]}] {state.label(item.key)}: {item.item.text}" + _by(item, tz))
    return "\n".join(lines)


def _by(item: ItemState, tz: Any) -> str:
    if item.changed_at is None:
        return ""
    who = f" by {item.changed_by}" if item.changed_by else ""
    return f" ({item.state} {clock.show(item.changed_at, tz)}{who})"


def _item_lines(view: StatusView, item: ItemState, paint: Callable[..., str]) -> list[str]:
    state, tz, now = view.state, view.state.run.tz, view.now
    due = ""
    if item.deadline is not None:
        other_day = item.deadline.astimezone(tz).date() != now.astimezone(tz).date()
        due = f" · due {clock.show(item.deadline, tz, date=other_day)}"
        due += f" ({clock.relative(item.deadline, now)})"
    owner = f" · {item.owner}" if item.owner else ""
    head = f"  [{item.item.priority}] {state.label(item.key)}: {item.item.text}{owner}{due}"
    lines = [paint(head, fg="red") if view.is_overdue(item) else head]
    why = PRINCIPLES.get(item.item.principle)
    if why:
        lines.append(f"      why: {why}")
    return lines


def render_runs(rows: Sequence[RunRow], states: dict[str, RunState] | None = None) -> str:
    """``checklist list``: newest first, one line each."""
    if not rows:
        return "no checklist runs yet"
    lines = []
    for row in rows:
        run, tz = row.run, row.run.tz
        status = f"resolved {clock.show(row.closed_at, tz)}" if row.closed_at else "open"
        progress = ""
        if states and run.id in states:
            items = states[run.id].items.values()
            progress = f" · {sum(1 for i in items if i.is_closed)}/{len(items)} closed"
        lines.append(
            f"{run.id}  {run.name} · {run.snapshot.id} · T0 {clock.show(run.t0, tz)}"
            f" · {status}{progress}"
            f" · {row.events} event(s)"
        )
    return "\n".join(lines)


def describe_event(state: RunState, event: Event) -> str:
    """One history line's action, e.g. ``done notify (forced past: prepare)``."""
    kind = event.kind
    if kind == "start":
        return f"started ({', '.join(event.data.get('checklists', ()))})"
    if kind == "close":
        return "closed: crisis resolved"
    if kind == "resume":
        return "resumed: the crisis came back"
    if kind == "sent":
        channels = ", ".join(event.data.get("channels", ())) or "no channel named"
        return f"sent {event.target} ({channels})"
    label = state.label(event.target) if event.target in state.items else event.target
    if kind == "assign":
        return f"assigned {label} to {event.data.get('owner', '')}"
    forced = event.data.get("forced")
    names = ", ".join(state.label(k) if k in state.items else k for k in forced or ())
    extra = f" (forced past open: {names})" if forced else ""
    return f"{kind} {label}{extra}"


def render_log(state: RunState, events: Sequence[Event]) -> str:
    """``checklist log``: who did what, when (and when it was recorded, if later)."""
    tz = state.run.tz
    zone_name = state.run.snapshot.timezone
    lines = [f"history of {state.run.id} ({len(events)} event(s), times in {zone_name})"]
    for event in events:
        recorded = ""
        if abs(event.recorded_at - event.at).total_seconds() >= 60:
            recorded = f" [recorded {clock.show(event.recorded_at, tz)}]"
        note = f" — {event.note}" if event.note else ""
        lines.append(
            f"#{event.seq:<5} {clock.show(event.at, tz)}  {event.actor or '?'}: "
            f"{describe_event(state, event)}{note}{recorded}"
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


def describe_outcome(state: RunState, event: Event, now: datetime) -> list[str]:
    """The confirmation after an action, plus what it changed for others."""
    lines = [f"{state.run.id}: {describe_event(state, event)} at {clock.show(event.at, state.run.tz)} by {event.actor}"]
    if event.kind == "done":
        freed = [
            state.label(i.key)
            for i in state.items.values()
            if event.target in i.prerequisites and not i.is_closed and not state.open_prerequisites(i)
        ]
        if freed:
            lines.append(f"now unblocked: {', '.join(freed)}")
    if event.kind in ("sent", "close", "resume"):
        from crisisplay.checklist.views import build_status

        view = build_status(state, now, check_sources=False)
        lines.append(f"customers: {describe_next_update(view)}")
    return lines
