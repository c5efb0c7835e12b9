"""The management report of a run: Markdown, HTML or JSON, all from one context.

:func:`report_context` turns a :class:`StatusView` into display-ready rows once, so the
Markdown and HTML versions cannot disagree; JSON is the status JSON with a format marker.
Output is deterministic for a fixed ``now`` (golden-file tested).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

from crisisplay.checklist.domain import ItemState
from crisisplay.checklist.phrases import Phrases, phrases_for
from crisisplay.checklist.views import StatusView, describe_next_update, status_dict
from crisisplay.errors import CrisisplayError
from crisisplay.markdown import table_cell

REPORT_FORMATS = ("md", "html", "json")
#: Headings and column names both report formats show, looked up once per report.
LABEL_KEYS = (
    "note", "summary", "progress", "customers", "tiers_caption", "communication", "messages_caption",
    "no_messages", "silences_intro", "frozen_heading", "frozen_intro", "frozen_caption", "blocked_heading",
    "col_priority", "col_total", "col_done", "col_skipped", "col_blocked", "col_open", "col_sent", "col_stage",
    "col_kind", "col_channels", "col_by", "col_item", "col_task", "col_owner", "col_deadline", "col_state",
    "col_last_change", "col_note", "col_why", "col_service", "col_tier", "col_status", "col_instead", "col_items",
    "waiting_heading",
)  # fmt: skip


def render_report(view: StatusView, fmt: str, *, phrases: Phrases | None = None) -> str:
    """The report in the playbook's language (English when it has no catalog)."""
    if fmt == "json":
        data = {"crisisplay_checklist_report": 1, **status_dict(view)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    context = report_context(view, phrases)
    if fmt == "md":
        return render_markdown(context)
    if fmt == "html":
        from crisisplay.checklist.report_html import render_html

        return render_html(context)
    raise CrisisplayError(f"unknown report format {fmt!r}", hint=f"use one of {', '.join(REPORT_FORMATS)}")


def _item_row(view: StatusView, item: ItemState, say: Phrases) -> dict[str, Any]:
    state = view.state
    when = ""
    if item.changed_at is not None and item.state != "open":
        when = say.time(item.changed_at)
        if item.changed_by:
            when = say.text("changed_by", time=when, who=item.changed_by)
        if item.deadline is not None and item.state == "done":
            late = item.changed_at - item.deadline
            timing = say.text("late_by", span=say.span(late)) if late.total_seconds() >= 60 else None
            when += f" ({timing or say.text('on_time')})"
    state_label = say.state(item)
    if view.is_overdue(item):
        state_label += ", " + say.text("state_overdue")
    if item.forced:
        state_label += ", " + say.text("state_forced")
    if item.deadline:
        deadline = say.time(item.deadline)
    elif item.waits_on:
        deadline = say.waits(item)
    else:
        deadline = "—"
    return {
        "id": state.label(item.key),
        "title": say.title(item),
        "text": item.item.text,
        "owner": say.owner(item.owner) or "—",
        "priority": say.words.term("priority", item.item.priority),
        "deadline": deadline,
        "state": "waiting" if item.waits_on and not item.is_closed else item.state,
        "state_label": state_label,
        "overdue": view.is_overdue(item),
        "when": when or "—",
        "note": item.note,
        "completes": say.completes(item) if not item.is_closed else "",
        "principle": say.words.principle(item.item.principle),
    }


def _facts(view: StatusView, say: Phrases) -> list[tuple[str, str]]:
    state, run, now = view.state, view.state.run, view.now
    snap = run.snapshot
    end = state.closed_at or now
    duration = say.span(end - run.t0)
    if snap.version:
        playbook = say.text("playbook_value_versioned", title=snap.title, id=snap.id, version=snap.version)
    else:
        playbook = say.text("playbook_value", title=snap.title, id=snap.id)
    return [
        (say.text("fact_run"), run.id),
        (say.text("fact_playbook"), playbook),
        (say.text("fact_checklists"), say.checklists()),
        (say.text("fact_t0"), say.time(run.t0)),
        (say.text("fact_resolved"), say.time(state.closed_at) if state.closed_at else say.text("not_yet")),
        (say.text("fact_duration"), duration if state.closed_at else say.text("duration_so_far", span=duration)),
        *[
            (
                say.text("fact_resumed"),
                say.text("resumed_value", resolved=say.time(resolved), back=say.time(back)),
            )
            for (_, resolved), (back, _) in pairwise(state.episodes)
            if resolved is not None
        ],
        (say.text("fact_report_time"), say.time(now)),
    ]


def report_context(view: StatusView, phrases: Phrases | None = None) -> dict[str, Any]:
    """Every string the Markdown and HTML reports show, computed once, in the playbook's language."""
    from crisisplay.checklist.textview import silence_sentence

    state, run, now = view.state, view.state.run, view.now
    snap = run.snapshot
    say = phrases or phrases_for(run)
    p = view.progress
    checklists = []
    for cid in run.checklist_ids:
        checklist = snap.checklists.get(cid)
        rows = [_item_row(view, i, say) for i in state.items.values() if i.checklist_id == cid]
        title = checklist.title if checklist else cid
        checklists.append(
            {"id": cid, "title": title, "heading": say.text("checklist_heading", title=title), "rows": rows}
        )
    summary = say.words.plural(
        "progress_summary",
        p.total,
        closed=p.closed,
        total=p.total,
        percent=say.words.percent(p.ratio),
        done=p.done,
        skipped=p.skipped,
        blocked=p.blocked,
        overdue=len(view.overdue),
    )
    return {
        "lang": say.language,
        "labels": {key: say.text(key) for key in LABEL_KEYS},
        "title": say.text("report_title", name=run.name),
        "facts": _facts(view, say),
        "changes": [
            say.text("playbook_changed", file=Path(path).name, change=say.text(f"change_{change}"))
            for path, change in view.playbook_changes
        ],
        "progress": {"closed": p.closed, "total": p.total, "percent": say.words.percent(p.ratio), "summary": summary},
        "tiers": [
            {
                "priority": say.words.term("priority", t.priority),
                "total": t.total,
                "done": t.done,
                "skipped": t.skipped,
                "blocked": t.blocked,
                "open": t.open,
            }
            for t in view.tiers
        ],
        "next_update": describe_next_update(view, say),
        "next_update_overdue": view.next_update.overdue(now) or view.next_update.basis == "resolution_due",
        "messages": [
            {
                "at": say.time(m.at),
                "stage": say.stage(m.stage_id),
                "kind": say.words.term("kind", m.kind),
                "channels": ", ".join(m.channels) or "—",
                "by": m.actor or "—",
            }
            for m in state.messages
        ],
        "silences": [silence_sentence(view, say, s) for s in view.silences],
        "checklists": checklists,
        "frozen": [
            {
                "name": f.service.name,
                "id": f.service.id,
                "tier": say.words.term("tier", f.service.tier),
                "status": say.words.term("service_status", f.service.status) if f.service.status else "—",
                "alternative": f.service.alternative or "—",
                "item_ids": ", ".join(state.label(k) for k in f.items) or "—",
            }
            for f in view.frozen
        ],
        "waiting": [f"{state.label(i.key)}: {say.title(i)} — {say.waits(i)}" for i in view.waiting_event],
        "blocked": [f"{state.label(i.key)}: {i.note}" for i in view.blocked]
        + [
            say.text("waits_for", item=state.label(i.key), items=say.words.join([state.label(k) for k in keys]))
            for i, keys in view.waiting
        ],
    }


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(table_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(ctx: dict[str, Any]) -> str:
    label = ctx["labels"]
    lines = [f"# {table_cell(ctx['title'])}", ""]
    lines += [f"- **{k}:** {table_cell(v)}" for k, v in ctx["facts"]]
    for change in ctx["changes"]:
        lines += ["", f"> **{label['note']}:** {table_cell(change)}."]
    prog = ctx["progress"]
    lines += ["", f"## {label['summary']}", "", f"- {label['progress']}: {prog['summary']}."]
    lines.append(f"- {label['customers']}: {ctx['next_update']}.")
    lines += [
        "",
        *_table(
            [label[k] for k in ("col_priority", "col_total", "col_done", "col_skipped", "col_blocked", "col_open")],
            [[t["priority"], t["total"], t["done"], t["skipped"], t["blocked"], t["open"]] for t in ctx["tiers"]],
        ),
    ]
    lines += ["", f"## {label['communication']}", ""]
    if ctx["messages"]:
        lines += _table(
            [label[k] for k in ("col_sent", "col_stage", "col_kind", "col_channels", "col_by")],
            [[m["at"], m["stage"], m["kind"], m["channels"], m["by"]] for m in ctx["messages"]],
        )
    else:
        lines.append(label["no_messages"])
    if ctx["silences"]:
        lines += ["", label["silences_intro"], ""] + [f"- {s}" for s in ctx["silences"]]
    item_columns = ("col_item", "col_task", "col_owner", "col_priority", "col_deadline", "col_state")
    for checklist in ctx["checklists"]:
        lines += ["", f"## {table_cell(checklist['heading'])}", ""]
        lines += _table(
            [label[k] for k in (*item_columns, "col_last_change", "col_note", "col_why")],
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
        lines += ["", f"## {label['frozen_heading']}", "", label["frozen_intro"], ""]
        lines += _table(
            [label[k] for k in ("col_service", "col_tier", "col_status", "col_instead", "col_items")],
            [
                [f"{f['name']} ({f['id']})", f["tier"], f["status"], f["alternative"], f["item_ids"]]
                for f in ctx["frozen"]
            ],
        )
    if ctx["waiting"]:
        lines += ["", f"## {label['waiting_heading']}", ""] + [f"- {table_cell(w)}" for w in ctx["waiting"]]
    if ctx["blocked"]:
        lines += ["", f"## {label['blocked_heading']}", ""] + [f"- {table_cell(b)}" for b in ctx["blocked"]]
    return "\n".join(lines) + "\n"
