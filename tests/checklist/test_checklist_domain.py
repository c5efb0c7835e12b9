"""Deadlines, overdue items, dependencies and cadence, all on a fixed clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from checklist_helpers import T0, at

from crisisplay.checklist import api
from crisisplay.checklist.domain import Run
from crisisplay.checklist.store import Store
from crisisplay.checklist.views import build_status
from crisisplay.errors import CrisisplayError


def _start(store: Store, playbook: Path, **kwargs: object) -> Run:
    return api.start_run(store, playbook, t0=T0, now=at(1), actor="lead", **kwargs)  # type: ignore[arg-type]


def _status(store: Store, run: Run, minutes: float):  # type: ignore[no-untyped-def]
    state, _ = api.load(store, run.id)
    return build_status(state, at(minutes))


def test_deadlines_count_from_t0(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    state, _ = api.load(store, run.id)
    assert run.id == "test-crisis-20260310-0900"
    assert state.items["first_hour.assess"].deadline == at(15)
    assert state.items["day_one.notify"].deadline == at(8 * 60)
    assert state.items["day_one.survey"].deadline is None
    assert list(state.items) == [
        "first_hour.assess",
        "first_hour.notify",
        "first_hour.scripts",
        "first_hour.freeze",
        "day_one.staff",
        "day_one.notify",
        "day_one.survey",
        "day_one.resolution",
    ]
    # Counted from the close, which has not happened: no deadline yet, and waiting, not overdue.
    assert state.items["day_one.resolution"].deadline is None
    assert state.items["day_one.resolution"].waits_on == "resolved"


def test_overdue_and_due_next_move_with_the_clock(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    early = _status(store, run, 10)
    assert early.overdue == []
    assert [i.key for i in early.due_next][:2] == ["first_hour.assess", "first_hour.notify"]
    late = _status(store, run, 50)
    assert [i.key for i in late.overdue] == ["first_hour.assess", "first_hour.notify", "first_hour.scripts"]
    assert [i.key for i in late.due_next] == ["first_hour.freeze", "day_one.staff", "day_one.notify"]
    api.act(store, run.id, "done", "assess", now=at(51))
    assert [i.key for i in _status(store, run, 52).overdue] == ["first_hour.notify", "first_hour.scripts"]


def test_progress_per_priority_tier(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    api.act(store, run.id, "done", "assess", now=at(5))
    api.act(store, run.id, "skip", "survey", note="no survey tool", now=at(6))
    view = _status(store, run, 10)
    assert (view.progress.total, view.progress.done, view.progress.skipped) == (8, 1, 1)
    tiers = {t.priority: (t.closed, t.total) for t in view.tiers}
    assert tiers == {"critical": (1, 2), "high": (0, 3), "normal": (0, 2), "low": (1, 1)}


def test_dependency_blocks_done_unless_forced_and_force_is_recorded(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    with pytest.raises(CrisisplayError, match=r"depends on .*assess \(open\)") as err:
        api.act(store, run.id, "done", "scripts", now=at(5))
    assert "--force" in err.value.hint
    outcome = api.act(store, run.id, "done", "scripts", force=True, note="IT confirmed by phone", now=at(6))
    assert outcome.event.data["forced"] == ["first_hour.assess"]
    assert outcome.state.items["first_hour.scripts"].forced == ("first_hour.assess",)
    _, events = api.load(store, run.id)
    assert events[-1].data == {"from": "open", "forced": ["first_hour.assess"]}
    assert events[-1].note == "IT confirmed by phone"


def test_skipped_prerequisite_counts_as_settled_and_cross_checklist_dependencies(
    store: Store, crisis_playbook: Path
) -> None:
    run = _start(store, crisis_playbook)
    view = _status(store, run, 1)
    waiting = {i.key: keys for i, keys in view.waiting}
    assert waiting["day_one.survey"] == ["first_hour.scripts"]  # resolved across checklists
    assert waiting["day_one.notify"] == ["day_one.staff"]  # own checklist wins over first_hour.notify
    api.act(store, run.id, "skip", "staff", note="no staff impact", now=at(2))
    api.act(store, run.id, "done", "day_one.notify", now=at(3))


def test_run_of_one_checklist_ignores_prerequisites_outside_it(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook, checklists=["day_one"])
    state, _ = api.load(store, run.id)
    assert list(state.items) == ["day_one.staff", "day_one.notify", "day_one.survey", "day_one.resolution"]
    assert state.items["day_one.survey"].prerequisites == ()
    api.act(store, run.id, "done", "survey", now=at(2))


def test_state_transitions_and_their_refusals(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    with pytest.raises(CrisisplayError, match="say why assess is blocked"):
        api.act(store, run.id, "block", "assess", now=at(2))
    api.act(store, run.id, "block", "assess", note="IT on a bridge call", now=at(3))
    view = _status(store, run, 4)
    assert [(i.key, i.note) for i in view.blocked] == [("first_hour.assess", "IT on a bridge call")]
    api.act(store, run.id, "done", "assess", actor="anna", now=at(5))
    with pytest.raises(CrisisplayError, match=r"assess is already done \(2026-03-10 09:05 GMT by anna\)"):
        api.act(store, run.id, "done", "assess", now=at(6))
    with pytest.raises(CrisisplayError, match="reopen it before blocking"):
        api.act(store, run.id, "block", "assess", note="x", now=at(6))
    api.act(store, run.id, "reopen", "assess", note="scope grew", now=at(7))
    with pytest.raises(CrisisplayError, match="already open"):
        api.act(store, run.id, "reopen", "assess", now=at(8))
    outcome = api.act(store, run.id, "assign", "assess", owner="maria", now=at(9))
    assert outcome.state.items["first_hour.assess"].owner == "maria"
    assert outcome.state.items["first_hour.assess"].state == "open"


def test_unknown_and_ambiguous_items_name_the_candidates(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    with pytest.raises(CrisisplayError, match=r"several checklists.*first_hour.notify, day_one.notify"):
        api.act(store, run.id, "done", "notify", now=at(2))
    with pytest.raises(CrisisplayError, match=r"unknown item 'asess'.*did you mean 'assess'"):
        api.act(store, run.id, "done", "asess", now=at(2))
    with pytest.raises(CrisisplayError, match=r"unknown stage 'updte'.*did you mean 'update'"):
        api.act(store, run.id, "sent", "updte", now=at(2))
    with pytest.raises(CrisisplayError, match=r"unknown channel 'smss'.*did you mean 'sms'"):
        api.act(store, run.id, "sent", "update", channels=["smss"], now=at(2))


def test_times_in_the_future_and_close_before_t0_are_refused(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    with pytest.raises(CrisisplayError, match="in the future"):
        api.act(store, run.id, "done", "assess", at=at(30), now=at(10))
    with pytest.raises(CrisisplayError, match="not after T0"):
        api.act(store, run.id, "close", force=True, at=at(-5), now=at(10))
    api.act(store, run.id, "close", force=True, at="09:40", now=at(50))
    with pytest.raises(CrisisplayError, match="already closed at 2026-03-10 09:40 GMT"):
        api.act(store, run.id, "close", force=True, now=at(51))


def test_first_notice_due_from_stage_but_never_after_policy(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    nu = _status(store, run, 10).next_update
    assert (nu.due, nu.stage_id, nu.basis) == (at(30), "first_notice", "first_notice")
    text = crisis_playbook.read_text().replace("    due: 30m\n  update:", "    due: 90m\n  update:")
    crisis_playbook.write_text(text)
    later = api.start_run(store, crisis_playbook, t0=T0, now=at(1))
    assert _status(store, later, 10).next_update.due == at(45)  # policy.first_notice_within


def test_cadence_counts_from_the_last_message_really_sent(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    assert _status(store, run, 40).next_update.overdue(at(40))
    api.act(store, run.id, "sent", "first_notice", channels=["sms"], at=at(35), now=at(40))
    nu = _status(store, run, 40).next_update
    assert (nu.due, nu.stage_id, nu.basis, nu.cadence) == (at(155), "update", "cadence", timedelta(hours=2))
    api.act(store, run.id, "sent", "staff_brief", now=at(60))  # internal: does not reset the clock
    assert _status(store, run, 61).next_update.due == at(155)
    api.act(store, run.id, "sent", "update", at=at(170), now=at(171))  # late update moves the next one
    view = _status(store, run, 171)
    assert view.next_update.due == at(290)
    assert not view.next_update.overdue(at(171))
    assert [(s.kind, s.length) for s in view.silences] == [("first_notice", timedelta(minutes=35))]


def test_cadence_never_exceeds_policy_gap_and_long_silences_are_reported(store: Store, crisis_playbook: Path) -> None:
    text = crisis_playbook.read_text().replace("every: 2h", "every: 5h")
    crisis_playbook.write_text(text)
    run = _start(store, crisis_playbook)
    api.act(store, run.id, "sent", "first_notice", at=at(50), now=at(50))
    view = _status(store, run, 300)
    assert view.next_update.cadence == timedelta(hours=3)
    assert view.next_update.due == at(230)
    kinds = [(s.kind, s.ongoing, s.length) for s in view.silences]
    assert kinds == [("first_notice", False, timedelta(minutes=50)), ("gap", True, timedelta(minutes=250))]


def test_after_close_the_resolution_message_is_due_then_nothing(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    api.act(store, run.id, "sent", "first_notice", at=at(20), now=at(20))
    api.act(store, run.id, "close", force=True, at=at(100), now=at(101))
    nu = _status(store, run, 101).next_update
    assert (nu.due, nu.stage_id, nu.basis) == (at(100), "resolved", "resolution_due")
    api.act(store, run.id, "sent", "resolved", channels=["sms", "email"], now=at(110))
    nu = _status(store, run, 111).next_update
    assert (nu.due, nu.basis) == (None, "finished")


def test_frozen_and_deferrable_services_are_listed_with_their_items(store: Store, crisis_playbook: Path) -> None:
    run = _start(store, crisis_playbook)
    frozen = _status(store, run, 1).frozen
    assert [(f.service.id, f.reason, f.items) for f in frozen] == [
        ("redesign", "frozen", ("first_hour.freeze",)),
        ("loyalty", "deferrable", ("first_hour.freeze",)),
    ]


def test_unknown_checklist_and_future_t0(store: Store, crisis_playbook: Path) -> None:
    with pytest.raises(CrisisplayError, match=r"no checklist 'first_hours'.*did you mean 'first_hour'"):
        api.start_run(store, crisis_playbook, checklists=["first_hours"], now=at(1))
    with pytest.raises(CrisisplayError, match="T0 is in the future"):
        api.start_run(store, crisis_playbook, t0=at(60), now=at(1))


def test_naive_times_are_read_in_the_playbook_zone(store: Store, playbook_dir: Path) -> None:
    run = api.start_run(store, playbook_dir / "outage.ru.yaml", t0="2026-03-10 12:00", now=at(120))
    assert run.t0 == T0  # 12:00 Moscow is 09:00 UTC
    assert run.id == "test-outage-20260310-1200"
    state, _ = api.load(store, run.id)
    assert state.items["first_hour.notify"].deadline == at(20)


def test_deadlines_are_absolute_across_a_daylight_saving_change(store: Store, crisis_playbook: Path) -> None:
    from datetime import datetime, timezone

    from crisisplay.checklist import clock

    t0 = datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc)  # 00:30 GMT; clocks jump at 01:00 UTC
    run = api.start_run(store, crisis_playbook, t0=t0, now=t0 + timedelta(minutes=1))
    state, _ = api.load(store, run.id)
    freeze = state.items["first_hour.freeze"]
    assert freeze.deadline == t0 + timedelta(hours=1)
    assert clock.show(freeze.deadline, run.tz) == "2026-03-29 02:30 BST"
