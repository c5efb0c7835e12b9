"""iCalendar export: deadlines and customer-update times, so reminders reach people.

Managers live in their calendars, not in a terminal. Each item deadline and each
planned customer update becomes an event with a reminder. UIDs are stable per run and
item (and per update slot), and ``SEQUENCE`` grows with the run's history, so importing a
fresh export moves the same events instead of duplicating them. A done item stays as
"Done: …" without a reminder (``CANCELLED`` would say it never happened); a skipped one
is cancelled. Summaries are the items' short titles; the full task is the description.
Times are written in UTC (``Z``): every calendar shows them in its user's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crisisplay.checklist.domain import ItemState
from crisisplay.checklist.phrases import Phrases, phrases_for
from crisisplay.checklist.views import StatusView

PRODID = "-//crisisplay//checklist//EN"
EVENT_LENGTH = timedelta(minutes=15)
REMINDER = timedelta(minutes=10)
DEFAULT_HORIZON = timedelta(hours=24)


#: RFC 5545 PRIORITY (1 highest, 9 lowest) for each checklist priority.
ICS_PRIORITY = {"critical": 1, "high": 3, "normal": 5, "low": 9}


def _event(
    uid: str,
    start: datetime,
    summary: str,
    description: str,
    *,
    stamp: datetime,
    sequence: int,
    status: str = "CONFIRMED",
    remind: bool = True,
    priority: int = 0,
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
    event.add("status", status)
    if priority:
        event.add("priority", priority)
    if categories:
        event.add("categories", list(categories))
    if remind:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -REMINDER)
        alarm.add("description", summary)
        event.add_component(alarm)
    else:
        event.add("transp", "TRANSPARENT")  # nothing left to do: the slot is not busy
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


def _item_event(view: StatusView, item: ItemState, say: Phrases, sequence: int) -> Any:
    run = view.state.run
    assert item.deadline is not None
    priority = say.words.term("priority", item.item.priority)
    lines = [item.item.text, say.text("ics_item", item=view.state.label(item.key)),
             say.text("ics_priority", priority=priority)]  # fmt: skip
    if item.owner:
        lines.append(say.text("ics_owner", owner=say.owner(item.owner)))
    if say.completes(item):
        lines.append(say.completes(item))
    why = say.words.principle(item.item.principle)
    if why:
        lines.append(say.text("why", principle=why))
    lines.append(say.text("ics_run", run=run.id))
    title = say.title(item)
    # Done stays on the calendar as done (CANCELLED would say it never happened); skipped was called off.
    status = "CANCELLED" if item.state == "skipped" else "CONFIRMED"
    return _event(
        f"{run.id}.{item.key}@crisisplay",
        item.deadline,
        say.text("ics_done", title=title) if item.state == "done" else title,
        "\n".join(lines),
        stamp=view.now,
        sequence=sequence,
        status=status,
        remind=not item.is_closed,
        priority=ICS_PRIORITY.get(item.item.priority, 0),
        categories=(say.text("ics_category"), priority),
    )


def export_ics(view: StatusView, *, horizon: timedelta = DEFAULT_HORIZON, phrases: Phrases | None = None) -> bytes:
    """The run as an iCalendar file (bytes, CRLF lines as RFC 5545 requires), in the playbook's language."""
    from icalendar import Calendar

    state, run = view.state, view.state.run
    say = phrases or phrases_for(run)
    sequence = state.last_seq
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{run.name} ({run.id})")
    cal.add("x-wr-timezone", run.snapshot.timezone)
    for item in state.items.values():
        if item.deadline is not None:  # an item waiting for an event has no date yet
            cal.add_component(_item_event(view, item, say, sequence))
    nu = view.next_update
    for index, moment in enumerate(update_times(view, horizon)):
        if nu.basis == "first_notice" and index == 0:
            summary = say.text("ics_first_notice_due")
        elif nu.basis == "resumed" and index == 0:
            summary = say.text("ics_resumed_due")
        elif nu.basis == "resolution_due":
            summary = say.text("ics_resolution_due")
        else:
            summary = say.text("ics_update_due")
        description = f"{say.words.principle('stay_in_touch')}\n{say.text('ics_run', run=run.id)}"
        cal.add_component(
            _event(
                f"{run.id}.update.{index}@crisisplay",
                moment,
                summary,
                description,
                stamp=view.now,
                sequence=sequence,
                priority=1,
                categories=(say.text("ics_category"),),
            )
        )
    data: bytes = cal.to_ical()
    return data
