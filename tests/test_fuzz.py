"""Fuzzing the CLI with hypothesis: loader, facts, templates and lint input exit 0, 1 or 2.

Exit 3 (an internal error) and any exception escaping the CLI are bugs. The inputs come
from ``tests/fuzzing.py`` (mutated playbooks, hostile fact values, templates from a small
Jinja grammar with hostile filters and literals, lint texts, JSON, HTML and bytes); the
decisions are a list of integers, so hypothesis shrinks a failure to a small case. The
whole file stays around a minute; ``tools/fuzz.py`` runs the same generators for hours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import load_bytes
from tests.fuzzing import TARGETS, Choices, mutate, run_case

#: Examples per target: about a minute for the four of them on a CI runner.
EXAMPLES = {"loader": 300, "facts": 250, "template": 300, "lint": 120}
DECISIONS = st.lists(st.integers(min_value=0, max_value=(1 << 30) - 1), min_size=0, max_size=120)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check(target: str, numbers: list[int], workdir: Path) -> None:
    outcome = run_case(target, Choices(numbers), workdir)
    assert outcome.code in (0, 1, 2), f"{target}: exit {outcome.code} for {outcome.args}\n{outcome.detail}"
    assert "internal error" not in outcome.detail and "Traceback" not in outcome.detail, outcome.detail


@pytest.mark.parametrize("target", TARGETS)
def test_cli_exits_0_1_or_2(target: str, workdir: Path) -> None:
    @settings(max_examples=EXAMPLES[target], deadline=None, database=None, derandomize=False,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(numbers=DECISIONS)
    def run(numbers: list[int]) -> None:
        _check(target, numbers, workdir)

    run()


@settings(max_examples=400, deadline=None, database=None)
@given(data=st.binary(max_size=4000))
def test_loader_on_arbitrary_bytes(data: bytes) -> None:
    """Any bytes at all: a document or a CrisisplayError, nothing else."""
    try:
        load_bytes(data, "fuzz.yaml")
    except CrisisplayError as exc:
        assert exc.message


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(alphabet=st.sampled_from(list(":-*&!|>'\"{}[]#%@`\t\n ,?~.0123456789abcxyzабв\u202e")),
                    max_size=300))
def test_loader_on_yaml_punctuation(text: str) -> None:
    try:
        load_bytes(text.encode("utf-8"), "fuzz.yaml")
    except CrisisplayError as exc:
        assert exc.message and exc.location is not None


def test_mutations_are_deterministic() -> None:
    seed = b"id: x\ntitle: y\n"
    assert mutate(seed, Choices([5, 3, 1, 7, 2, 9])) == mutate(seed, Choices([5, 3, 1, 7, 2, 9]))
