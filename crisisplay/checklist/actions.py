"""The rules of an action: what may be recorded, and what recording it also does.

:func:`decide` is pure: the store calls it inside the write transaction, so two managers
acting at once are judged one after the other against each other's committed changes.
A send or the close also completes the items that declare it (``completes_on``); the
event lists them, so the history says why an item became done.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from crisisplay.checklist import clock
from crisisplay.checklist.domain import (
    CLOSED_STATES,
    FUTURE_TOLERANCE,
    ITEM_ACTIONS,
    ItemState,
    NewEvent,
    RunState,
    owed_after_resolution,
)
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.timing import RESOLVED, event_stage
from crisisplay.suggest import did_you_mean


def decide(
    state: RunState,
    action: str,
    ref: str,
    *,
    at: datetime,
    actor: str,
    now: datetime,
    note: str = "",
    force: bool = False,
    owner: str = "",
    channels: Sequence[str] = (),
    facts: Mapping[str, str] | None = None,
) -> NewEvent:
    """Check one action against the current state and say what to record.

    Raises :class:`CrisisplayError` for anything a manager should hear about: an unknown
    item, an item already in that state, an open prerequisite without ``force``, a block
    without a reason, a time in the future.
    """
    if at > now + FUTURE_TOLERANCE:
        raise CrisisplayError(
            f"--at {clock.show(at, state.run.tz)} is in the future",
            hint="record things when they have happened",
        )
    if action == "sent":
        return _decide_sent(state, ref, at=at, actor=actor, note=note, channels=channels)
    if action == "close":
        return _decide_close(state, at=at, actor=actor, note=note, force=force)
    if action == "resume":
        return _decide_resume(state, at=at, actor=actor, note=note)
    if action == "facts":
        return _decide_facts(state, facts or {}, at=at, actor=actor, note=note)
    if action not in (*ITEM_ACTIONS, "assign"):
        raise CrisisplayError(f"unknown action {action!r}")
    item = state.find_item(ref)
    label = state.label(item.key)
    if action == "assign":
        if not owner.strip():
            raise CrisisplayError("say who owns the item now")
        return NewEvent("assign", item.key, at, actor, note, {"owner": owner.strip(), "previous": item.owner})
    target = ITEM_ACTIONS[action]
    if action == "block":
        if not note.strip():
            raise CrisisplayError(f"say why {label} is blocked", hint="--note 'waiting for the vendor'")
        if item.state in CLOSED_STATES:
            raise CrisisplayError(f"{label} is {item.state}; reopen it before blocking it")
    elif item.state == target:
        when = f" ({_who_when(item, state.run.tz)})" if item.changed_at else ""
        hint = "reopen it first" if action != "reopen" else ""
        raise CrisisplayError(f"{label} is already {target}{when}", hint=hint)
    data: dict[str, Any] = {"from": item.state}
    if action == "done" and item.item.completes_on and not force:
        raise _completed_by_event(state, label, item.item.completes_on)
    if action == "done":
        pending = state.open_prerequisites(item)
        if pending and not force:
            names = ", ".join(f"{state.label(k)} ({state.items[k].state})" for k in pending)
            raise CrisisplayError(
                f"{label} depends on items that are not done yet: {names}",
                hint="finish them first, or record it anyway with --force",
            )
        if pending:
            data["forced"] = pending
    return NewEvent(action, item.key, at, actor, note, data)


def _who_when(item: ItemState, tz: ZoneInfo) -> str:
    assert item.changed_at is not None
    by = f" by {item.changed_by}" if item.changed_by else ""
    return f"{clock.show(item.changed_at, tz)}{by}"


def _decide_sent(
    state: RunState, stage_id: str, *, at: datetime, actor: str, note: str, channels: Sequence[str]
) -> NewEvent:
    snapshot = state.run.snapshot
    stage = snapshot.stages.get(stage_id)
    if stage is None:
        raise CrisisplayError(
            f"unknown stage {stage_id!r} in playbook {snapshot.id}"
            + did_you_mean(stage_id, snapshot.stages, n=3, cutoff=0.5),
            hint=f"stages: {', '.join(snapshot.stages) or 'none'}",
        )
    known = set(snapshot.channels)
    for channel in channels:
        if known and channel not in known:
            raise CrisisplayError(
                f"unknown channel {channel!r}{did_you_mean(channel, known, n=3, cutoff=0.5)}",
                hint=f"channels of {snapshot.id}: {', '.join(snapshot.channels)}",
            )
    data: dict[str, Any] = {"kind": stage.kind, "channels": list(dict.fromkeys(channels))}
    data.update(_completion(state, f"sent {stage_id}"))
    return NewEvent("sent", stage_id, at, actor, note, data)


def _completion(state: RunState, ref: str) -> dict[str, Any]:
    """What recording ``ref`` completes: open items that declare it, and prerequisites still open."""
    keys = [k for k, i in state.items.items() if i.item.completes_on == ref and i.state != "done"]
    data: dict[str, Any] = {"completes": keys} if keys else {}
    forced = {k: pending for k in keys if (pending := state.open_prerequisites(state.items[k]))}
    if forced:
        data["forced_items"] = forced
    return data


def _completed_by_event(state: RunState, label: str, ref: str) -> CrisisplayError:
    stage = event_stage(ref)
    if stage is not None:
        return CrisisplayError(
            f"{label} is done when the {stage} message is recorded as sent",
            hint=f"crisisplay checklist sent {state.run.id} {stage} --channel …"
            " (or --force to tick it without that record)",
        )
    return CrisisplayError(
        f"{label} is done when the crisis is recorded as resolved",
        hint=f"crisisplay checklist close {state.run.id} (or --force to tick it now)",
    )


def open_critical(state: RunState, completing: Sequence[str] = ()) -> list[ItemState]:
    """Critical items still open that closing the crisis would leave behind.

    Items owed after the resolution (the resolution message, a review after it) are not
    counted: closing is what lets them start.
    """
    snapshot = state.run.snapshot
    return [
        i
        for k, i in state.items.items()
        if not i.is_closed
        and i.item.priority == "critical"
        and k not in completing
        and not owed_after_resolution(snapshot, i.item)
    ]


def _decide_close(state: RunState, *, at: datetime, actor: str, note: str, force: bool = False) -> NewEvent:
    tz = state.run.tz
    if state.closed_at is not None:
        raise CrisisplayError(
            f"run {state.run.id} was already closed at {clock.show(state.closed_at, tz)}"
            + (f" by {state.closed_by}" if state.closed_by else "")
        )
    if at <= state.run.t0:
        raise CrisisplayError(
            f"the resolution time {clock.show(at, tz)} is not after T0 {clock.show(state.run.t0, tz)}"
        )
    data = _completion(state, RESOLVED)
    left = open_critical(state, data.get("completes", ()))
    if left and not force:
        names = "; ".join(f"{state.label(i.key)} ({i.state})" for i in left)
        raise CrisisplayError(
            f"{len(left)} critical item(s) of run {state.run.id} are still open: {names}",
            hint="finish or skip them first, or close anyway with --force (the history keeps the list)",
        )
    if left:
        data["open_critical"] = [i.key for i in left]
    return NewEvent("close", "", at, actor, note, data)


def _decide_resume(state: RunState, *, at: datetime, actor: str, note: str) -> NewEvent:
    tz = state.run.tz
    if state.closed_at is None:
        raise CrisisplayError(f"run {state.run.id} is not closed; there is nothing to resume")
    if at <= state.closed_at:
        raise CrisisplayError(
            f"the crisis cannot come back at {clock.show(at, tz)}: it was resolved at {clock.show(state.closed_at, tz)}"
        )
    snapshot = state.run.snapshot
    # What the end of the crisis owed is owed again: the next close asks for it anew.
    reopens = [k for k, i in state.items.items() if i.state == "done" and owed_after_resolution(snapshot, i.item)]
    data: dict[str, Any] = {"resolved_at": clock.to_db(state.closed_at)}
    if reopens:
        data["reopens"] = reopens
    return NewEvent("resume", "", at, actor, note, data)


_FACT_NAME = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){0,2}$")
#: A fact is a line or a paragraph of a message, not a document.
MAX_FACT_LENGTH = 4000


def _decide_facts(state: RunState, facts: Mapping[str, str], *, at: datetime, actor: str, note: str) -> NewEvent:
    """Record the crisis's facts as typed (an empty value removes one); render checks their types."""
    changed: dict[str, str] = {}
    removed: list[str] = []
    for name, value in facts.items():
        if not _FACT_NAME.match(name):
            raise CrisisplayError(f"{name!r} is not a fact name", hint="names look like incident or services.payments")
        text = str(value).strip()
        if len(text) > MAX_FACT_LENGTH:
            raise CrisisplayError(f"the fact {name} is longer than {MAX_FACT_LENGTH} characters")
        if not text:
            if name in state.facts:
                removed.append(name)
        elif state.facts.get(name) != text:
            changed[name] = text
    if not changed and not removed:
        raise CrisisplayError("these facts are already recorded; nothing changed")
    data: dict[str, Any] = {"set": changed} if changed else {}
    if removed:
        data["unset"] = removed
    return NewEvent("facts", "", at, actor, note, data)
