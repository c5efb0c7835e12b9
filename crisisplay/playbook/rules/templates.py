"""Template rules: every template compiles and uses only names the render context has.

Templates are parsed (never executed) with Jinja2; names come from its AST through
``jinja2.meta``, not from regexes, and included partials are followed so that a fact
phrased once in a partial counts for every channel that includes it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import RESERVED_NAMES, Playbook, Stage, Template
from crisisplay.playbook.paths import PathRefused, find_template_file, read_template
from crisisplay.playbook.reading import MAX_FILE_BYTES
from crisisplay.playbook.rules.registry import Finding, RuleContext, check
from crisisplay.playbook.template_limits import RULE_BUDGET, check_source, static_findings
from crisisplay.suggest import did_you_mean

#: Names Jinja2 itself provides to every template.
JINJA_GLOBALS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none"})
MAX_INCLUDE_DEPTH = 10


@dataclass
class TemplateInfo:
    """What one template (with the partials it includes) refers to."""

    names: set[str] = field(default_factory=set)
    filters: set[tuple[str, Location]] = field(default_factory=set)
    error: tuple[str, Location] | None = None
    dynamic_include: bool = False
    missing_includes: list[tuple[str, Location]] = field(default_factory=list)
    refused_includes: list[tuple[str, Location]] = field(default_factory=list)
    #: (rule, message, location) of sandbox and budget problems seen statically (CP108, CP109)
    budget: list[tuple[str, str, Location]] = field(default_factory=list)


class _AnyName(dict):  # type: ignore[type-arg]
    """Accepts every filter/test name: analysis must not depend on which filters exist.

    ``jinja2.meta`` runs the code generator, which refuses unknown filters; whether a
    filter exists is rule CP102's question, asked with the render engine's own list.
    """

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(key, _placeholder)


def _placeholder(*args: Any, **kwargs: Any) -> None:
    """Stands in for filters the analysis environment does not know; never called."""


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2.sandbox import SandboxedEnvironment

    class _NoFolding(SandboxedEnvironment):
        # jinja2.meta runs the code generator, whose optimiser folds constants at compile
        # time: "{{ 9 ** 99999999 }}" in a hostile playbook would hang the analysis.
        # Intercepted operators are never folded.
        intercepted_binops = frozenset({"**", "*", "//", "/", "%", "+", "-"})
        intercepted_unops = frozenset({"+", "-"})

    env = _NoFolding(trim_blocks=True, lstrip_blocks=True, autoescape=False)
    # Placeholders only: constant folding must never run a real filter here
    # ('%01000000000d'|format(1) took 16 s and 2.9 GB in validate).
    env.filters = _AnyName()
    env.tests = _AnyName()
    return env


def _parse(source: str) -> Any:
    return _environment().parse(source)


def _find_partial(playbook: Playbook, name: str) -> Template | None:
    if name in playbook.partials:
        return playbook.partials[name]
    try:  # confined like render's loader: links resolved, no '..', no FIFOs
        found = find_template_file(name, playbook.template_dirs)
        if found is None:
            return None
        text = read_template(found, MAX_FILE_BYTES, name)
    except PathRefused:
        raise
    except CrisisplayError:
        return None
    return Template(text, Location(str(found), 1, 1), 1, path=str(found))


def analyse(playbook: Playbook, template: Template, cache: dict[str, Any] | None = None) -> TemplateInfo:
    """Names, filters and problems of ``template``, following includes of partials."""
    cache = cache if cache is not None else {}
    key = f"{template.location}|{hash(template.source)}"
    if key in cache:
        return cache[key]  # type: ignore[no-any-return]
    info = TemplateInfo()
    _collect(playbook, template, info, depth=0, seen=set())
    cache[key] = info
    return info


def _collect(playbook: Playbook, template: Template, info: TemplateInfo, depth: int, seen: set[str]) -> None:
    from jinja2 import TemplateSyntaxError, meta, nodes

    problem = check_source(template.source, _environment())
    if problem is not None:  # too big or too deep to parse safely: a budget finding, not a crash
        info.budget.append((RULE_BUDGET, problem.message, template.yaml_location(problem.line)))
        return
    try:
        ast = _parse(template.source)
        names = meta.find_undeclared_variables(ast)  # runs the code generator: it can refuse too
    except TemplateSyntaxError as exc:
        if info.error is None:
            info.error = (exc.message or "syntax error", template.yaml_location(exc.lineno))
        return
    except (RecursionError, MemoryError, SyntaxError):  # Python's limits, in the parser or compile()
        info.budget.append((RULE_BUDGET, "the template is nested too deeply to compile; simplify it",
                            template.yaml_location(1)))
        return
    info.names |= names
    info.budget.extend((f.rule, f.message, template.yaml_location(f.line)) for f in static_findings(ast))
    for node in ast.find_all(nodes.Filter):
        info.filters.add((node.name, template.yaml_location(node.lineno)))
    for node in ast.find_all(nodes.Test):
        info.filters.add(("test:" + node.name, template.yaml_location(node.lineno)))
    if depth >= MAX_INCLUDE_DEPTH:
        return
    for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport)):
        target = node.template
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            info.dynamic_include = True  # cannot follow statically
            continue
        name = target.value
        if name in seen:
            continue
        try:
            partial = _find_partial(playbook, name)
        except PathRefused as exc:
            info.refused_includes.append((exc.message, template.yaml_location(node.lineno)))
            continue
        if partial is None:
            if not getattr(node, "ignore_missing", False):
                info.missing_includes.append((name, template.yaml_location(node.lineno)))
            continue
        # Only includes share the caller's context; imported macros get their values as args.
        if isinstance(node, nodes.Include):
            _collect(playbook, partial, info, depth + 1, seen | {name})
        else:
            sub = TemplateInfo()
            _collect(playbook, partial, sub, depth + 1, seen | {name})
            if sub.error and info.error is None:
                info.error = sub.error
            info.missing_includes.extend(sub.missing_includes)
            info.refused_includes.extend(sub.refused_includes)
            info.budget.extend(sub.budget)
            info.filters |= sub.filters


def iter_templates(playbook: Playbook) -> Iterator[tuple[str, str, str, Template]]:
    """(stage id, channel, part, template) for every stage template of the playbook."""
    for stage in playbook.stages.values():
        for channel, channel_template in stage.templates.items():
            for part, template in channel_template.parts.items():
                yield stage.id, channel, part, template


def known_names(context: RuleContext) -> set[str]:
    return set(context.playbook.facts) | set(RESERVED_NAMES) | set(JINJA_GLOBALS) | set(context.extra_names)


def all_templates(context: RuleContext) -> Iterator[Template]:
    for _stage, _channel, _part, template in iter_templates(context.playbook):
        yield template
    yield from context.playbook.partials.values()


@check("CP100")
def template_syntax(context: RuleContext) -> Iterator[Finding]:
    """CP100: templates and partials that do not parse, and includes of partials that are not found."""
    cache = context.cache.setdefault("templates", {})
    seen: set[tuple[str, Location]] = set()
    for template in all_templates(context):
        info = analyse(context.playbook, template, cache)
        if info.error is not None and info.error not in seen:
            seen.add(info.error)
            yield f"template does not compile: {info.error[0]}", info.error[1]
        for name, location in info.missing_includes:
            if (name, location) not in seen:
                seen.add((name, location))
                yield (
                    f"included template {name!r} not found (not a partial, not in the template folders)",
                    location,
                )


@check("CP101")
def unknown_variable(context: RuleContext) -> Iterator[Finding]:
    """CP101: names in a template's AST (jinja2.meta) that are not facts, context names or Jinja2 globals."""
    cache = context.cache.setdefault("templates", {})
    allowed = known_names(context)
    for template in all_templates(context):
        info = analyse(context.playbook, template, cache)
        for name in sorted(info.names - allowed):
            hint = did_you_mean(name, context.playbook.facts) or "; declare it under 'facts'"
            yield f"template uses {name!r}, which is not a declared fact{hint}", template.location


@check("CP102")
def unknown_filter(context: RuleContext) -> Iterator[Finding]:
    """CP102: filters in a template's AST that the render engine's list lacks (only when validate knows it)."""
    if context.known_filters is None:
        return
    cache = context.cache.setdefault("templates", {})
    reported: set[tuple[str, Location]] = set()
    for template in all_templates(context):
        for name, location in sorted(analyse(context.playbook, template, cache).filters):
            if name.startswith("test:"):
                continue
            if name not in context.known_filters and (name, location) not in reported:
                reported.add((name, location))
                yield f"unknown filter {name!r}", location


@check("CP103")
def mandatory_fact_missing(context: RuleContext) -> Iterator[Finding]:
    """CP103: each stage's channel templates (includes followed) against the channel's mandatory facts."""
    playbook = context.playbook
    cache = context.cache.setdefault("templates", {})
    for stage in playbook.stages.values():
        if stage.kind == "internal":
            continue
        for channel, channel_template in stage.templates.items():
            names: set[str] = set()
            for template in channel_template.parts.values():
                names |= analyse(playbook, template, cache).names
            if "facts" in names:
                continue  # templates that read the whole facts mapping: cannot tell statically
            for fact in playbook.mandatory_facts_for(channel, stage):
                if fact in playbook.facts and fact not in names and not optional_for_stage(fact, stage.kind, playbook):
                    yield (
                        f"stage {stage.id!r}, channel {channel!r} does not mention mandatory fact {fact!r}",
                        channel_template.location,
                    )


def optional_for_stage(fact: str, kind: str, playbook: Playbook) -> bool:
    """A resolution or follow-up needs no next-update time."""
    if kind not in ("resolution", "follow_up"):
        return False
    spec = playbook.facts.get(fact)
    return "next_update" in fact or (spec is not None and spec.type in ("datetime", "time") and "next" in fact)


def channel_template_names(
    playbook: Playbook, stage: Stage, channel: str, cache: dict[str, Any] | None = None
) -> set[str] | None:
    """Names a stage's channel templates read (includes followed); None when undecidable.

    Shared by validate (CP103) and render's pre-render coverage check, so both agree.
    """
    names: set[str] = set()
    for template in stage.templates[channel].parts.values():
        info = analyse(playbook, template, cache)
        if info.dynamic_include:
            return None
        names |= info.names
    return names
