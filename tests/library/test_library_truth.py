"""Issue 12: on any facts, every bundled channel is sendable and states only the facts.

A property test over every bundled playbook × language × customer stage: random service
statuses and a random subset of the optional facts. Every channel must render sendable (or
the stage must name the fact it needs), and reading the rendered texts back with lint's own
extraction (:mod:`crisisplay.tone.claims`) must give, for every service and every time,
exactly the input state: no channel may claim a state the facts do not give.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from library_helpers import CUSTOMER_KINDS, all_playbook_paths, example_moment

from crisisplay.errors import DiagnosticsError
from crisisplay.factcheck import truth_for_result
from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import SERVICE_STATUSES, Playbook
from crisisplay.render.renderer import Renderer
from crisisplay.tone.claims import GROUP, check_claims, describe_contradiction, find_service_claims

PATHS = all_playbook_paths()
CASES = [
    (path, stage_id)
    for path in PATHS
    for stage_id, stage in load_playbook(path).stages.items()
    if stage.kind in CUSTOMER_KINDS
]
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}:{s}" for p, s in CASES]
#: Examples per playbook × stage (TRUTH_EXAMPLES=200 for a longer local search).
EXAMPLES = int(os.environ.get("TRUTH_EXAMPLES", "6"))
#: Channels whose template lists every public service (what works and what does not).
LISTING = ("email", "telegram", "vk", "status_page")
_PLAYBOOKS: dict[Path, Playbook] = {}


def _playbook(path: Path) -> Playbook:
    if path not in _PLAYBOOKS:
        _PLAYBOOKS[path] = load_playbook(path)
    return _PLAYBOOKS[path]


@st.composite
def scenario(draw: Any, playbook: Playbook) -> dict[str, Any]:
    """Required facts (their examples), a random subset of the optional ones, random statuses."""
    facts: dict[str, Any] = {}
    for name, spec in playbook.facts.items():
        if spec.example is None:
            continue
        if spec.required or draw(st.booleans()):
            facts[name] = spec.example
    facts["services"] = {
        service.id: draw(st.sampled_from(SERVICE_STATUSES)) for service in playbook.services
    }
    return facts


@pytest.mark.parametrize(("path", "stage_id"), CASES, ids=IDS)
def test_any_facts_render_sendable_and_true(path: Path, stage_id: str) -> None:
    playbook = _playbook(path)
    renderer = Renderer(playbook)
    at = example_moment(playbook)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(scenario(playbook))
    def check(facts: dict[str, Any]) -> None:
        try:
            result = renderer.render(stage_id, facts, at=at)
        except DiagnosticsError as exc:
            # the only acceptable refusal: the stage names the fact it needs
            assert all(d.rule == "CP250" for d in exc.diagnostics), [d.message for d in exc.diagnostics]
            return
        problems = [f"{m.channel}: {d.rule} {d.message}" for m in result.messages for d in m.diagnostics
                    if d.severity.value >= 3]
        assert problems == [], problems
        truth = truth_for_result(result)
        for message in result.messages:
            wrong = [describe_contradiction(c, truth) for c in check_claims(message.text, truth)]
            assert wrong == [], f"{message.channel}: {wrong}\n{message.text}"
        expected = {sid: status for sid, _name, status, _p in result.services}
        public = {service.id for service in playbook.services
                  if not (service.tier == "deferrable" and expected[service.id] == "frozen")}
        for channel in LISTING:
            message = result.message(channel)
            if message is None or result.stage_kind not in ("first_notice", "update"):
                continue
            claims = find_service_claims(message.text, truth.lang, truth.services)
            said = {c.subject: GROUP[str(c.value)] for c in claims}
            assert set(said) >= public, f"{channel} leaves out {sorted(public - set(said))}"
            assert all(said[sid] == GROUP[expected[sid]] for sid in said), (said, expected)

    check()


def test_the_example_timeline_is_sane() -> None:
    """The render time used above sits before the examples' next update (no CP253 noise)."""
    for path in PATHS:
        playbook = _playbook(path)
        moment = example_moment(playbook)
        assert moment.utcoffset() is not None and moment.utcoffset() < timedelta(hours=14)
