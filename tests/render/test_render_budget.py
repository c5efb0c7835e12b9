"""Sandbox budgets: every hostile template ends fast with CP219 (or a refusal), located.

Each case of ``hostile_templates.CASES`` ran for minutes or took gigabytes before issue 14
(three nested ``range(1000)`` loops, ``'x'|center(10**9)``, a string doubled sixty times…).
Now each renders to a located finding within the CPU and memory the budget allows, the
templates at the edge of the budgets still render, and ``validate`` reports what it can
see statically.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import pytest
from helpers_render import make_playbook
from hostile_templates import ALLOWED, CASES, STATIC

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.validate import validate_one
from crisisplay.render.budget import BudgetExceeded, Meter, OutputBuffer, weight
from crisisplay.render.engine import known_filters, known_globals
from crisisplay.render.renderer import Renderer
from crisisplay.render.sandbox import BudgetedSandbox

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")
REFUSALS = ("CP210", "CP211", "CP219")


def _render(tmp_path: Path, body: str) -> tuple[list[str], object]:
    (tmp_path / "body.j2").write_text(body, encoding="utf-8")
    playbook = make_playbook(tmp_path, {"sms": {"file": "body.j2"}})
    message = Renderer(playbook).render(None, None, at=AT).messages[0]
    return [d.rule for d in message.diagnostics if d.severity == Severity.ERROR], message


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_template_ends_fast_with_a_located_finding(tmp_path: Path, name: str) -> None:
    tracemalloc.start()
    started = time.process_time()
    try:
        errors, message = _render(tmp_path, CASES[name])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    cpu = time.process_time() - started
    assert errors and errors[0] in REFUSALS, (name, errors)
    assert not message.ok  # type: ignore[attr-defined]
    assert all(d.location is not None for d in message.diagnostics), name  # type: ignore[attr-defined]
    assert cpu < 4.0, f"{name}: {cpu:.2f} s of CPU (budget 0.5 s, tracing included)"
    assert peak < 256 * 1024 * 1024, f"{name}: {peak / 2**20:.0f} MB traced"


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_templates_at_the_edge_of_the_budgets_still_render(tmp_path: Path, name: str) -> None:
    errors, message = _render(tmp_path, ALLOWED[name] + " {{ hotline }} {{ next_update_at }}")
    assert errors == [], (name, message.diagnostics)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(STATIC))
def test_validate_sees_it_statically(tmp_path: Path, name: str) -> None:
    (tmp_path / "body.j2").write_text(CASES[name], encoding="utf-8")
    playbook = make_playbook(tmp_path, {"sms": {"file": "body.j2"}})
    started = time.monotonic()
    found = validate_one(playbook.path, known_filters=known_filters(), extra_names=known_globals())
    assert STATIC[name] in {d.rule for d in found}, (name, [d.message for d in found])
    assert time.monotonic() - started < 10


def test_budget_finding_names_the_budget_and_the_line(tmp_path: Path) -> None:
    body = "Hello\n{{ hotline }} {{ next_update_at }}\n{{ 'x'|center(5000) }}\n"
    errors, message = _render(tmp_path, body)
    finding = message.diagnostics[0]  # type: ignore[attr-defined]
    assert errors == ["CP219"]
    assert "center: width 5,000 is over the limit of 1,000" in finding.message
    assert finding.location.line == 3 and finding.location.file.endswith("body.j2")
    assert "docs/templates.md" in finding.fix


# -- the pieces --------------------------------------------------------------------------
def _env() -> BudgetedSandbox:
    return BudgetedSandbox(trim_blocks=True)


def test_steps_are_counted_across_nested_loops() -> None:
    env = _env()
    assert env.from_string("{% for a in range(99) %}{% for b in range(1000) %}{% endfor %}{% endfor %}ok").render()
    with pytest.raises(BudgetExceeded, match="100,000 loop iterations"):
        env.from_string("{% for a in range(101) %}{% for b in range(1000) %}{% endfor %}{% endfor %}").render()


def test_constant_lists_are_charged_too() -> None:
    """A loop over a literal list is not folded away at compile time: it is charged when it runs."""
    items = ", ".join(["1"] * 1000)
    with pytest.raises(BudgetExceeded):
        _env().from_string(f"{{% for a in [{items}] %}}{{% for b in [{items}] %}}{{% endfor %}}{{% endfor %}}").render()


def test_each_render_has_its_own_meter() -> None:
    template = _env().from_string("{% for a in range(100) %}{% for b in range(900) %}{% endfor %}{% endfor %}ok")
    for _ in range(5):  # 90,000 steps each: the budget is per render, not per process
        assert template.render() == "ok"


def test_includes_share_their_callers_budget() -> None:
    from jinja2 import DictLoader

    env = BudgetedSandbox(loader=DictLoader({"loop.j2": "{% for b in range(1000) %}{% endfor %}"}))
    with pytest.raises(BudgetExceeded):
        env.from_string("{% for a in range(200) %}{% include 'loop.j2' %}{% endfor %}").render()


def test_in_place_changes_are_refused() -> None:
    from jinja2.exceptions import SecurityError

    for source in ("{% set l = [] %}{{ l.append(1) }}", "{% set d = {} %}{{ d.update({'a': 1}) }}"):
        with pytest.raises(SecurityError, match="in place"):
            _env().from_string(source).render()
    assert _env().from_string("{{ [3, 1, 2]|sort|join(',') }}").render() == "1,2,3"


def test_weight_counts_nested_and_shared_values_without_walking_them_twice() -> None:
    leaf = ["x" * 10] * 10
    tree = [leaf] * 10
    assert weight(leaf) == 1 + 100
    assert weight(tree) == 1 + 10 * 101
    deep: list[object] = [1]
    for _ in range(40):
        deep = [deep, deep]  # 2**40 leaves when printed
    started = time.process_time()
    assert weight(deep) > 1_000_000
    assert time.process_time() - started < 0.5


def test_output_buffer_counts_what_it_holds() -> None:
    buffer = OutputBuffer()
    buffer.extend(["a" * 500_000, "b" * 400_000])
    with pytest.raises(BudgetExceeded, match="block"):
        buffer.append("c" * 200_000)


def test_meter_stops_on_cpu_time() -> None:
    meter = Meter()
    meter.clock()  # starts the clock
    meter.deadline = time.process_time() - 1
    with pytest.raises(BudgetExceeded, match="CPU"):
        meter.clock()


def test_budget_errors_in_batch_folding_do_not_escape(tmp_path: Path) -> None:
    """A template that is constant for every recipient is folded once: the budget holds there too."""
    from crisisplay.batch.fold import specialise

    env = _env()
    env.loader = None
    (tmp_path / "x").mkdir()
    template_name = "t"
    from jinja2 import DictLoader

    env.loader = DictLoader({template_name: "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}"
                                            "{% endfor %}{{ recipient.name }}"})
    started = time.process_time()
    specialise(env, template_name, {})
    assert time.process_time() - started < 2
