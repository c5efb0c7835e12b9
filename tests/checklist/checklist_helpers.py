"""Shared constants for the checklist tests (a plain module: conftest is not importable)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE / "data"
GOLDEN = HERE / "golden"
REPO_PLAYBOOKS = HERE.parent / "data" / "playbooks"
PROJECT = HERE.parent.parent
#: 09:00 in London is 09:00 UTC in early March (GMT), which keeps expectations readable.
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    """T0 plus ``minutes``: the fixed clock every test reasons in."""
    return T0 + timedelta(minutes=minutes)


def busy_morning(store: object, playbook: Path) -> str:
    """A run with a bit of everything, as of T0+3h: the report golden files show it."""
    from crisisplay.checklist import api
    from crisisplay.checklist.store import Store

    assert isinstance(store, Store)
    run = api.start_run(store, playbook, t0=T0, now=at(2), actor="duty")
    rid = run.id
    api.act(store, rid, "done", "assess", actor="anna", note="IT: card processing only", now=at(12))
    # The send completes first_hour.notify (completes_on: sent first_notice): one truth, one record.
    api.act(store, rid, "sent", "first_notice", channels=["sms", "email"], actor="cx", now=at(25))
    api.act(store, rid, "block", "scripts", actor="olga", note="waiting for <legal> | sign-off", now=at(40))
    api.act(store, rid, "done", "freeze", actor="product", now=at(90))
    api.act(store, rid, "skip", "staff", actor="hr", note="no staff impact", now=at(100))
    api.act(store, rid, "assign", "survey", owner="olga", actor="duty", now=at(110))
    api.act(store, rid, "sent", "update", channels=["sms"], actor="cx", at=at(140), now=at(141))
    return rid


def assert_matches_golden(text: str, name: str) -> None:
    """Compare with ``golden/NAME``; ``CRISISPLAY_UPDATE_GOLDEN=1`` rewrites it for review."""
    import os

    golden = GOLDEN / name
    if os.environ.get("CRISISPLAY_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"report changed; if intended, rerun with CRISISPLAY_UPDATE_GOLDEN=1 and review {golden}"
    )
