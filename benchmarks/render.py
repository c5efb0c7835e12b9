"""Benchmark: the render engine against bare Jinja2 on the same compiled templates.

Renders every channel of a playbook's stage N times through ``Renderer.render`` and,
in the same run, renders the same template sources with stock Jinja2 (a plain
``SandboxedEnvironment`` with the same filters and context: no crisisplay budgets, no
memoised partials, no facts check, no channel output, no consistency checks). Prints
messages per second for both and the engine's overhead; ``--max-overhead`` makes the
script exit 1 when the overhead is above that percentage (30 by default).

    python benchmarks/render.py                      # the bundled it-outage playbook
    python benchmarks/render.py tests/render/data/bank.ru.yaml -n 500
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml"
FALLBACK = ROOT / "tests" / "render" / "data" / "bank.ru.yaml"


class _RawJinja:
    """The baseline: stock Jinja2 (``SandboxedEnvironment``, no crisisplay budgets or
    memoised partials) over the same template sources, filters and context."""

    def __init__(self, renderer: Any) -> None:
        from jinja2 import StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from crisisplay.render.engine import IncludeKeepsNewline

        engine = renderer.engine
        self.engine = engine
        self.envs: dict[str, Any] = {}
        for kind in ("text", "html", "spoken"):
            filters = engine.filters(kind)
            env = SandboxedEnvironment(loader=engine.loader, undefined=StrictUndefined, autoescape=kind == "html",
                                       trim_blocks=True, lstrip_blocks=True, finalize=filters.finalize,
                                       auto_reload=False, cache_size=-1, extensions=[IncludeKeepsNewline])
            env.filters.update(filters.table())
            env.globals.update(engine.environment(kind).globals)
            self.envs[kind] = env
        self.templates: dict[tuple[str, str], Any] = {}

    def template(self, kind: str, name: str) -> Any:
        key = (kind, name)
        if key not in self.templates:
            self.templates[key] = self.envs[kind].get_template(name)
        return self.templates[key]


def _bare(renderer: Any, stage: Any, facts: dict[str, Any], names: list[str], now: datetime,
          raw: _RawJinja | None = None) -> int:
    """Render each part with stock Jinja2 and nothing else (no facts check, no channel
    output, no consistency checks); returns messages."""
    from crisisplay.render.channels import get_channel
    from crisisplay.render.context import ChannelView, base_context
    from crisisplay.render.engine import stage_template_name

    source = raw if raw is not None else renderer.engine
    context = base_context(renderer.playbook, stage, facts, now, renderer.locale)
    for name in names:
        channel = get_channel(name)
        html = channel.html_parts(renderer.playbook.channels.get(name))
        ctx = context.for_channel(ChannelView(name, channel.title, channel.short, channel.markup))
        for part in stage.templates[name].parts:
            kind = "spoken" if channel.spoken else ("html" if channel.aliases.get(part, part) in html else "text")
            source.template(kind, stage_template_name(stage.id, name, part)).render(ctx)
    return len(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("playbook", nargs="?", default=str(DEFAULT if DEFAULT.is_file() else FALLBACK))
    parser.add_argument("-n", "--iterations", type=int, default=300)
    parser.add_argument("--stage", default=None)
    parser.add_argument("--max-overhead", type=float, default=30.0, help="fail above this overhead (percent)")
    parser.add_argument("--distinct", action="store_true",
                        help="make every render's text differ (no two recipients alike): the worst case")
    args = parser.parse_args(argv)

    from crisisplay.playbook.build import load_playbook
    from crisisplay.render.fact_set import typed_facts
    from crisisplay.render.renderer import Renderer
    from crisisplay.render.stages import find_stage

    playbook = load_playbook(args.playbook)
    renderer = Renderer(playbook)
    stage = find_stage(playbook, args.stage)
    now = datetime.now(renderer.engine.zone).replace(second=0, microsecond=0)
    facts = typed_facts(playbook, None, now=now)
    names = renderer.channels_for(stage)
    renderer.render(stage, facts, names, at=now, checked=True)  # warm up: compile, load Babel data
    raw = _RawJinja(renderer)
    _bare(renderer, stage, facts, names, now, raw)
    text_fact = next((name for name, spec in playbook.facts.items()
                      if spec.type in ("string", "text") and isinstance(facts.get(name), str)), None)
    counter = iter(range(10**9))

    def facts_for_render() -> dict[str, Any]:
        if not args.distinct or text_fact is None:
            return facts
        return {**facts, text_fact: f"{facts[text_fact]} {next(counter)}"}

    # Interleaved small batches timed in process CPU time, and the median of the per-batch
    # ratios: other processes on a busy machine then hardly move the result.
    batches, size = 15, max(1, args.iterations // 15)
    bare_times: list[float] = []
    engine_times: list[float] = []
    own_times: list[float] = []
    for _batch in range(batches):
        start = time.process_time()
        for _ in range(size):
            _bare(renderer, stage, facts_for_render(), names, now, raw)
        bare_times.append(time.process_time() - start)
        start = time.process_time()
        for _ in range(size):
            _bare(renderer, stage, facts_for_render(), names, now)
        own_times.append(time.process_time() - start)
        start = time.process_time()
        for _ in range(size):
            renderer.render(stage, facts_for_render(), names, at=now, checked=True)
        engine_times.append(time.process_time() - start)

    ratios = sorted(e / b for e, b in zip(engine_times, bare_times, strict=True) if b > 0)
    own = sorted(e / b for e, b in zip(engine_times, own_times, strict=True) if b > 0)
    messages = batches * size * len(names)
    bare_rate, engine_rate = messages / sum(bare_times), messages / sum(engine_times)
    overhead = (ratios[len(ratios) // 2] - 1) * 100
    print(f"playbook {playbook.id}, stage {stage.id}, {len(names)} channels ({', '.join(names)}), "
          f"{args.iterations} renders, " + ("every text distinct" if args.distinct else "the same facts (broadcast)"))
    print(f"raw Jinja2  : {bare_rate:10.0f} messages/s  (stock SandboxedEnvironment, same templates, filters, context)")
    print(f"engine      : {engine_rate:10.0f} messages/s")
    print(f"  (for information: the engine's own templates alone, memoised partials included, "
          f"{messages / sum(own_times):.0f} messages/s; the engine's checks and channel outputs add "
          f"{(own[len(own) // 2] - 1) * 100:.1f} % to them)")
    print(f"overhead    : {overhead:10.1f} % (median of {batches} interleaved batches; limit "
          f"{args.max_overhead:.0f} %)")
    return 0 if overhead <= args.max_overhead else 1


if __name__ == "__main__":
    sys.exit(main())
