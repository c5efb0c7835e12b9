"""The management report of a run: Markdown, HTML or JSON, all from one context.

:func:`report_context` turns a :class:`StatusView` into display-ready rows once, so the
Markdown and HTML versions cannot disagree; JSON is the status JSON with a format marker.
Output is deterministic for a fixed ``now`` (golden-file tested).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crisisplay.checklist import clock
from crisisplay.checklist.domain import ItemState
from crisisplay.checklist.views import StatusView, describe_next_update, status_dict
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import PRINCIPLES

REPORT_FORMATS = ("md", "html", "json")
STATE_LABELS = {"done": "done", "skipped": "skipped", "blocked": "blocked", "open": "open"}


def render_report(view: StatusView, fmt: str) -> str:
    if fmt == "json":
        data = {"crisisplay_checklist_report": 1, **status_dict(view)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    context = report_context(view)
    if fmt == "md":
        return render_markdown(context)
    if fmt == "html":
        from crisisplay.checklist.report_html import render_html

        return render_html(context)
    raise CrisisplayError(f"unknown report format {fmt!r}", hint=f"use one of {', '.join(REPORT_FORMATS)}")


def _item_row(view: StatusView, item: ItemState) -> dict[str, Any]:
    state, tz = view.state, view.state.run.tz
    when = ""
    if item.changed_at is not None and item.state != "open":
        when = clock.show(item.changed_at, tz) + (f" by {item.changed_by}" if item.changed_by else "")
        if item.deadline is not None and item.state == "done":
            late = item.changed_at - item.deadline
            when += f" ({clock.span(late)} late)" if late.total_seconds() >= 60 else " (on time)"
    state_label = STATE_LABELS.get(item.state, item.state)
    if view.is_overdue(item):
        state_label += ", overdue"
    if item.forced:
        state_label += ", forced"
    return {
        "id": state.label(item.key),
        "text": item.item.text,
        "owner": item.owner or "—",
        "priority": item.item.priority,
        "deadline": clock.show(item.deadline, tz) if item.deadline else "—",
        "state": item.state,
        "state_label": state_label,
        "overdue": view.is_overdue(item),
        "when": when or "—",
        "note": item.note,
        "principle": PRINCIPLES.get(item.item.principle, ""),
    }


def report_context(view: StatusView) -> dict[str, Any]:
    """Every string the Markdown and HTML reports show, computed once."""
    state, run, tz, now = view.state, view.state.run, view.state.run.tz, view.now
    snap = run.snapshot
    end = state.closed_at or now
    p = view.progress
    checklists = []
    for cid in run.checklist_ids:
        checklist = snap.checklists.get(cid)
        rows = [_item_row(view, i) for i in state.items.values() if i.checklist_id == cid]
        checklists.append({"id": cid, "title": checklist.title if checklist else cid, "rows": rows})
    return {
        "lang": snap.locale or "en",
        "title": f"Checklist report: {run.name}",
        "facts": [
            ("Run", run.id),
            (
                "Playbook",
                f"{snap.title} ({snap.id}" + (f", version {snap.version}" if snap.version else "") + ")",
            ),
            ("Checklists", ", ".join(run.checklist_ids)),
            ("T0 (crisis start)", clock.show(run.t0, tz)),
            ("Resolved", clock.show(state.closed_at, tz) if state.closed_at else "not yet"),
            ("Duration", clock.span(end - run.t0) + ("" if state.closed_at else " so far")),
            ("Report time", clock.show(now, tz)),
        ],
        "changes": [
            f"the playbook file {Path(path).name} is {change} since this run started; "
            "this report shows the version the run started from"
            for path, change in view.playbook_changes
        ],
        "progress": {
            "closed": p.closed,
            "total": p.total,
            "percent": round(100 * p.ratio),
            "summary": f"{p.closed} of {p.total} items closed ({round(100 * p.ratio)}%): "
            f"{p.done} done, {p.skipped} skipped, {p.blocked} blocked, {len(view.overdue)} overdue",
        },
        "tiers": [
            {
                "priority": t.priority,
                "total": t.total,
                "done": t.done,
                "skipped": t.skipped,
                "blocked": t.blocked,
                "open": t.open,
            }
            for t in view.tiers
        ],
        "next_update": describe_next_update(view),
        "next_update_overdue": view.next_update.overdue(now),
        "messages": [
            {
                "at": clock.show(m.at, tz),
                "stage": m.stage_id,
                "kind": m.kind,
                "channels": ", ".join(m.channels) or "—",
                "by": m.actor or "—",
            }
            for m in state.messages
        ],
        "silences": [
            ("First notice late" if s.kind == "first_notice" else "Silence")
            + f": {clock.span(s.length)}{' and counting' if s.ongoing else ''},"
            f" from {clock.show(s.start, tz)} to {clock.show(s.end, tz)}"
            f" (limit {clock.span(s.limit)})"
            for s in view.silences
        ],
        "checklists": checklists,
        "frozen": [
            {
                "name": f.service.name,
                "id": f.service.id,
                "tier": f.service.tier,
                "status": f.service.status or "—",
                "alternative": f.service.alternative or "—",
                "item_ids": ", ".join(state.label(k) for k in f.items) or "—",
            }
            for f in view.frozen
        ],
        "blocked": [f"{state.label(i.key)}: {i.note}" for i in view.blocked]
        + [f"{state.label(i.key)}: waits for {', '.join(state.label(k) for k in keys)}" for i, keys in view.waiting],
    }


_MD_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "\\<", ">": "\\>", "\r": " ", "\n": " "})


def _cell(value: object) -> str:
    """Text typed by people, made inert for Markdown: no table breaks, no raw HTML."""
    return str(value).translate(_MD_ESCAPES)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(ctx: dict[str, Any]) -> str:
    lines = [f"# {_cell(ctx['title'])}", ""]
    lines += [f"- **{k}:** {_cell(v)}" for k, v in ctx["facts"]]
    for change in ctx["changes"]:
        lines += ["", f"> **Note:** {change}."]
    prog = ctx["progress"]
    lines += ["", "## Summary", "", f"- Progress: {prog['summary']}."]
    lines.append(f"- Customers: {ctx['next_update']}.")
    lines += [
        "",
        *_table(
            ["Priority", "Total", "Done", "Skipped", "Blocked", "Open"],
            [[t["priority"], t["total"], t["done"], t["skipped"], t["blocked"], t["open"]] for t in ctx["tiers"]],
        ),
    ]
    lines += ["", "## Customer communication", ""]
    if ctx["messages"]:
        lines += _table(
            ["Sent", "Stage", "Kind", "Channels", "By"],
            [[m["at"], m["stage"], m["kind"], m["channels"], m["by"]] for m in ctx["messages"]],
        )
    else:
        lines.append("No message recorded as sent yet.")
    if ctx["silences"]:
        lines += ["", "Longer silences than the playbook allows:", ""] + [f"- {s}" for s in ctx["silences"]]
    for checklist in ctx["checklists"]:
        lines += ["", f"## Checklist: {_cell(checklist['title'])} ({checklist['id']})", ""]
        lines += _table(
            ["Item", "Task", "Owner", "Priority", "Deadline", "State", "Last change", "Note", "Why"],
            [
                [
                    r["id"],
                    r["text"],
                    r["owner"],
                    r["priority"],
                    r["deadline"],
                    r["state_label"],
                    r["when"],
                    r["note"] or "—",
                    r["principle"] or "—",
                ]
                for r in checklist["rows"]
            ],
        )
    if ctx["frozen"]:
        lines += ["", "## Frozen on purpose", "", "Deliberately paused, not forgotten.", ""]
        lines += _table(
            ["Service", "Tier", "Status", "Instead", "Items"],
            [
                [f"{f['name']} ({f['id']})", f["tier"], f["status"], f["alternative"], f["item_ids"]]
                for f in ctx["frozen"]
            ],
        )
    if ctx["blocked"]:
        lines += ["", "## Blocked and waiting", ""] + [f"- {_cell(b)}" for b in ctx["blocked"]]
    return "\n".join(lines) + "\n"
