"""Property tests: whatever bytes arrive, only CrisisplayError (or findings) come out."""

from __future__ import annotations

import contextlib

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import load_bytes, parse_text
from crisisplay.playbook.validate import validate_one
from tests.conftest import GOOD_PLAYBOOK

GOOD_TEXT = yaml.safe_dump(GOOD_PLAYBOOK, allow_unicode=True, sort_keys=False)
YAML_ALPHABET = st.sampled_from(
    list(":-[]{}!&*#|>'\"%@`,?\n\t ") + list("abcxyzйцу0129") + ["  ", "\n  ", "---", "<<"]
)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_ALPHABET, max_size=60).map("".join))
def test_random_yaml_only_raises_project_error(text: str) -> None:
    with contextlib.suppress(CrisisplayError):
        parse_text(text, "fuzz.yaml")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_only_raise_project_error(raw: bytes) -> None:
    with contextlib.suppress(CrisisplayError):
        load_bytes(raw, "fuzz.yaml")


@settings(max_examples=100, deadline=None)
@given(trees)
def test_round_trip_of_plain_data(tree: object) -> None:
    """Data dumped by PyYAML loads back equal (strings that look like dates stay strings)."""
    text = yaml.safe_dump({"root": tree}, allow_unicode=True)
    try:
        loaded = parse_text(text, "t.yaml").data
    except CrisisplayError:
        return
    expected = yaml.safe_load(text)
    assert _normalise(loaded) == _normalise(expected)


def _normalise(value: object) -> object:
    import datetime

    if isinstance(value, dict):
        return {str(k): _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "date"
    if isinstance(value, str):
        return value
    return value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_playbooks_give_findings_not_crashes(data: st.DataObject) -> None:
    """Cut, duplicate or corrupt lines of a good playbook: validate reports, never crashes."""
    lines = GOOD_TEXT.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "garble", "retype"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "garble":
            lines[index] = lines[index] + data.draw(
                st.sampled_from([" [", ": :", " {{", "{% if", " !!int x", "\t"])
            )
        else:
            lines[index] = (
                lines[index].split(":")[0]
                + ": "
                + data.draw(st.sampled_from(["[]", "{}", "12", "null", "-1", "'x'"]))
            )
        if not lines:
            lines = ["x"]
    text = "\n".join(lines) + "\n"
    findings = validate_one("mutant.yaml", data=text.encode())
    for finding in findings:
        assert finding.rule.startswith("CP")
        assert finding.location is not None
