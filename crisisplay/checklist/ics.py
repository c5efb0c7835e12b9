"""iCalendar export: deadlines and customer-update times, so reminders reach people.

Managers live in their calendars, not in a terminal. Each item deadline and each
planned customer update becomes an event with a reminder. UIDs are stable per run and
item (and per update slot), and ``SEQUENCE`` grows with the run's history, so importing a
fresh export moves the same events instead of duplicating them; items already done or
skipped are exported as cancelled, which removes them from calendars that honour it.
Times are written in UTC (``Z``): every calendar shows them in its user's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crisisplay.checklist.views import StatusView
from crisisplay.wording import wording_for

PRODID = "-//crisisplay//checklist//EN"
EVENT_LENGTH = timedelta(minutes=15)
REMINDER = timedelta(minutes=10)
DEFAULT_HORIZON = timedelta(hours=24)


def _event(
    uid: str,
    start: datetime,
    summary: str,
    description: str,
    *,
    stamp: datetime,
    sequence: int,
    cancelled: bool = False,
    categories: tuple[str, ...] = (),
) -> Any:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", EVENT_LENGTH)
    event.add("summary", summary)
    event.add("description", description)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if categories:
        event.add("categories", list(categories))
    if not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -REMINDER)
        alarm.add("description", summary)
        event.add_component(alarm)
    return event


def update_times(view: StatusView, horizon: timedelta) -> list[datetime]:
    """The next customer message, then the ones after it at the cadence until now + ``horizon``.

    The projection starts from the next due time (which itself follows what was really
    sent), so a re-export after each message keeps the calendar honest.
    """
    nu = view.next_update
    if nu.due is None:
        return []
    times = [nu.due]
    if nu.basis in ("first_notice", "resumed", "cadence") and nu.cadence:
        end = view.now + horizon
        while times[-1] + nu.cadence <= end:
            times.append(times[-1] + nu.cadence)
    return times


def export_ics(view: StatusView, *, horizon: timedelta = DEFAULT_HORIZON) -> bytes:
    """The run as an iCalendar file (bytes, CRLF lines as RFC 5545 requires), in the playbook's language."""
    from icalendar import Calendar

    state, run = view.state, view.state.run
    words = wording_for("checklist", run.snapshot.locale)
    domain = "crisisplay"
    sequence = state.last_seq
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{run.name} ({run.id})")
    cal.add("x-wr-timezone", run.snapshot.timezone)
    for item in state.items.values():
        if item.deadline is None:
            continue
        why = words.principle(item.item.principle)
        priority = words.term("priority", item.item.priority)
        lines = [item.item.text, words.text("ics_item", item=item.key), words.text("ics_priority", priority=priority)]
        if item.owner:
            lines.append(words.text("ics_owner", owner=item.owner))
        if why:
            lines.append(words.text("why", principle=why))
        lines.append(words.text("ics_run", run=run.id))
        cal.add_component(
            _event(
                f"{run.id}.{item.key}@{domain}",
                item.deadline,
                f"[{item.item.priority}] {item.item.text} ({state.label(item.key)})",
                "\n".join(lines),
                stamp=view.now,
                sequence=sequence,
                cancelled=item.is_closed,
                categories=(item.item.priority,),
            )
        )
    nu = view.next_update
    stage = nu.stage_id or words.text("ics_customer_update")
    for index, moment in enumerate(update_times(view, horizon)):
        if nu.basis == "first_notice" and index == 0:
            summary = words.text("ics_first_notice_due", stage=stage)
        elif nu.basis == "resumed" and index == 0:
            summary = words.text("ics_resumed_due", stage=stage)
        elif nu.basis == "resolution_due":
            summary = words.text("ics_resolution_due", stage=stage)
        else:
            summary = words.text("ics_update_due", stage=stage)
        description = f"{words.principle('stay_in_touch')}\n{words.text('ics_run', run=run.id)}"
        cal.add_component(
            _event(
                f"{run.id}.update.{index}@{domain}",
                moment,
                summary,
                description,
                stamp=view.now,
                sequence=sequence,
                categories=("customer-update",),
            )
        )
    data: bytes = cal.to_ical()
    return data
