"""Management reports against golden files, HTML safety, and the .ics read back."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from checklist_helpers import assert_matches_golden, at, busy_morning

from crisisplay.checklist import api
from crisisplay.checklist.ics import export_ics
from crisisplay.checklist.report import render_report
from crisisplay.checklist.report_style import REPORT_CSS
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import StatusView, build_status


def _view(store: Store, crisis_playbook: Path, minutes: float = 180) -> StatusView:
    run_id = busy_morning(store, crisis_playbook)
    state, _ = api.load(store, run_id)
    return build_status(state, at(minutes))


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_matches_golden_file(store: Store, crisis_playbook: Path, fmt: str) -> None:
    text = render_report(_view(store, crisis_playbook), fmt)
    assert_matches_golden(text, f"busy_morning.{fmt}")


def test_json_report_carries_the_facts_a_dashboard_needs(store: Store, crisis_playbook: Path) -> None:
    data = json.loads(render_report(_view(store, crisis_playbook), "json"))
    assert data["crisisplay_checklist_report"] == 1
    assert data["next_update"]["due"] == "2026-03-10T13:20:00+00:00"
    assert data["overdue"] == ["scripts"]
    assert data["blocked"] == [{"id": "scripts", "reason": "waiting for <legal> | sign-off"}]
    assert data["progress"] == {"priority": "all", "total": 8, "done": 3, "skipped": 1, "blocked": 1, "open": 4}
    assert data["waiting_event"] == [{"id": "resolution", "event": "resolved", "after_minutes": 30}]
    notify = next(i for i in data["items"] if i["id"] == "first_hour.notify")
    assert notify["state"] == "done" and notify["completed_by_event"] and notify["changed_by"] == "cx"
    assert {f["id"] for f in data["frozen_services"]} == {"redesign", "loyalty"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained_escaped_and_accessible(store: Store, crisis_playbook: Path) -> None:
    html = render_report(_view(store, crisis_playbook), "html")
    parser = _Collector()
    parser.feed(html)
    assert "legal" not in parser.tags  # a note's "<legal>" stayed text
    assert "waiting for <legal> | sign-off" in "".join(parser.text)
    assert "&lt;legal&gt;" in html
    assert not {"script", "link", "img", "iframe"} & set(parser.tags)
    assert ("lang", "en") in parser.attrs
    for landmark in ("main", "header", "section", "caption", "th", "progress"):
        assert landmark in parser.tags
    assert ("scope", "col") in parser.attrs and ("scope", "row") in parser.attrs
    assert REPORT_CSS.strip()[:40] in html  # the one stylesheet, inline


def test_markdown_cells_cannot_break_the_table(store: Store, crisis_playbook: Path) -> None:
    md = render_report(_view(store, crisis_playbook), "md")
    row = next(line for line in md.splitlines() if line.startswith("| scripts |"))
    assert "one script \\| one set of answers" in row
    assert "waiting for \\<legal\\> \\| sign-off" in row  # inert: no raw HTML in Markdown
    cells = re.split(r"(?<!\\)\|", row)[1:-1]  # escaped pipes are not separators
    assert len(cells) == 9


def test_report_says_when_the_playbook_changed(store: Store, crisis_playbook: Path) -> None:
    run_id = busy_morning(store, crisis_playbook)
    crisis_playbook.unlink()
    view = build_status(api.load(store, run_id)[0], at(180))
    assert "the playbook file crisis.en.yaml is missing since this run started" in render_report(view, "md")


def test_ics_export_parses_back_with_deadlines_updates_and_reminders(store: Store, crisis_playbook: Path) -> None:
    from icalendar import Calendar

    view = _view(store, crisis_playbook)
    calendar = Calendar.from_ical(export_ics(view, horizon=timedelta(hours=6)))
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    run_id = view.state.run.id
    deadline_uids = {f"{run_id}.{key}@crisisplay" for key, i in view.state.items.items() if i.deadline}
    assert deadline_uids <= set(events)
    scripts = events[f"{run_id}.first_hour.scripts@crisisplay"]
    assert scripts.decoded("dtstart") == at(45)
    assert str(scripts["status"]) == "CONFIRMED"
    assert str(scripts["summary"]) == "Brief the agents"  # the short title; the task is the description
    assert "Brief agents: one script | one set of answers" in str(scripts["description"])
    assert int(scripts["priority"]) == 3
    assert scripts.walk("VALARM")[0].decoded("trigger") == timedelta(minutes=-10)
    assessed = events[f"{run_id}.first_hour.assess@crisisplay"]
    assert str(assessed["status"]) == "CONFIRMED"  # done is not "cancelled": it happened
    assert str(assessed["summary"]) == "Done: Confirm the scope with IT" and not assessed.walk("VALARM")
    assert str(events[f"{run_id}.day_one.staff@crisisplay"]["status"]) == "CANCELLED"  # skipped: called off
    assert f"{run_id}.day_one.resolution@crisisplay" not in events  # waits for the close: no date yet
    updates = sorted(e.decoded("dtstart") for uid, e in events.items() if ".update." in uid)
    assert updates == [at(260), at(380), at(500)]  # 13:20, then every 2h within 6h of now (12:00)
    assert str(calendar["x-wr-timezone"]) == "Europe/London"


def test_ics_of_a_new_run_starts_with_the_first_notice(store: Store, crisis_playbook: Path) -> None:
    from icalendar import Calendar

    run = api.start_run(store, crisis_playbook, t0=at(0), now=at(1))
    view = build_status(api.load(store, run.id)[0], at(1))
    calendar = Calendar.from_ical(export_ics(view, horizon=timedelta(hours=1)))
    updates = [e for e in calendar.walk("VEVENT") if ".update." in str(e["uid"])]
    assert str(updates[0]["summary"]) == "First customer notice due"
    assert updates[0].decoded("dtstart") == at(30)
