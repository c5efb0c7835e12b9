"""Optional facts a template prints without testing them first (rule CP160).

An optional fact (not ``required``, no ``default``) may have no value in a real crisis:
the cause is unknown, there is no progress yet, nothing was promised. A template that
prints it anyway cannot be sent then. This module finds, on the Jinja2 AST and
following includes, every place an optional fact is *used* — printed, iterated,
computed with, passed through a filter — outside a guard that tests it:

* ``{% if cause %}…{% endif %}`` (also ``cause is defined``, ``fact('cause')``, ``and``
  combinations; ``{% if not cause %}…{% else %}`` guards the ``else``);
* ``{{ cause if cause else '…' }}``;
* ``{{ cause | default('…') }}``;
* ``{% for item in improvements %}…{% else %}…{% endfor %}`` (the ``else`` says what to
  say when there is nothing to list).

The same analysis serves ``validate`` (CP160, on every stage template) and ``render``
(CP251, for the facts that have no value in this render), so both agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.playbook.model import Playbook, Stage, Template
from crisisplay.playbook.rules.registry import Finding, RuleContext, check
from crisisplay.suggest import did_you_mean

MAX_DEPTH = 10
#: Filters whose argument may be missing: they supply the text themselves.
_DEFAULT_FILTERS = frozenset({"default", "d"})
#: Tests that ask whether a value exists rather than use it.
_EXISTENCE_TESTS = frozenset({"defined", "undefined", "none"})


@dataclass(frozen=True)
class Use:
    """One unguarded use of a fact: which fact, and where (YAML or template-file line)."""

    fact: str
    location: Location
    how: str  # "printed", "listed", "used"


def optional_facts(playbook: Playbook, stage: Stage | None = None) -> frozenset[str]:
    """Facts that may have no value in a render of ``stage``.

    A stage that lists a fact in its ``mandatory_facts`` makes it required for that stage
    (render refuses to go on without it), so templates of that stage may print it.
    """
    needed = set(stage.mandatory_facts) if stage is not None else set()
    return frozenset(
        name for name, spec in playbook.facts.items()
        if not spec.required and spec.default is None and name not in needed
    )


def unguarded_uses(
    playbook: Playbook, template: Template, names: frozenset[str], cache: dict[str, Any] | None = None
) -> tuple[Use, ...]:
    """Every use of one of ``names`` in ``template`` (includes followed) outside a guard."""
    if not names:
        return ()
    cache = cache if cache is not None else {}
    key = f"guards|{template.location}|{hash(template.source)}|{','.join(sorted(names))}"
    if key not in cache:
        walker = _Walker(playbook, names)
        walker.template(template, frozenset(), depth=0, seen=frozenset())
        cache[key] = tuple(dict.fromkeys(walker.uses))
    return cache[key]  # type: ignore[no-any-return]


class _Walker:
    def __init__(self, playbook: Playbook, names: frozenset[str]) -> None:
        self.playbook = playbook
        self.names = names
        self.uses: list[Use] = []
        self._template: Template | None = None

    # -- templates and includes -------------------------------------------------------
    def template(self, template: Template, guarded: frozenset[str], depth: int, seen: frozenset[str]) -> None:
        from jinja2 import TemplateSyntaxError

        from crisisplay.playbook.rules.templates import _environment, _parse
        from crisisplay.playbook.template_limits import check_source

        if check_source(template.source, _environment()) is not None:
            return  # over a size or nesting limit: CP109 reports it, and parsing would cost too much
        try:
            tree = _parse(template.source)
        except (TemplateSyntaxError, RecursionError):
            return  # CP100 reports it
        outer = self._template
        self._template = template
        self._seen, self._depth = seen, depth
        self.nodes(tree.body, guarded)
        self._template = outer

    def include(self, node: Any, guarded: frozenset[str]) -> None:
        from jinja2 import nodes

        from crisisplay.playbook.paths import PathRefused
        from crisisplay.playbook.rules.templates import _find_partial

        target = node.template
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            return
        name = target.value
        if name in self._seen or self._depth >= MAX_DEPTH:
            return
        try:
            partial = _find_partial(self.playbook, name)
        except PathRefused:
            return  # CP013 reports it
        if partial is None:
            return
        current, seen, depth = self._template, self._seen, self._depth
        self.template(partial, guarded, depth + 1, seen | {name})
        self._template, self._seen, self._depth = current, seen, depth

    # -- statements -------------------------------------------------------------------
    def nodes(self, body: list[Any], guarded: frozenset[str]) -> None:
        for node in body:
            self.node(node, guarded)

    def node(self, node: Any, guarded: frozenset[str]) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.If):
            self.branches(node, guarded)
        elif isinstance(node, nodes.For):
            self.loop(node, guarded)
        elif isinstance(node, nodes.Include):
            self.include(node, guarded)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, guarded, "printed")
        elif isinstance(node, nodes.Expr):
            self.expr(node, guarded, "used")
        else:
            for child in node.iter_child_nodes():
                self.node(child, guarded) if isinstance(child, nodes.Stmt) else self.expr(child, guarded, "used")

    def branches(self, node: Any, guarded: frozenset[str]) -> None:
        negative = guarded
        for branch in [node, *node.elif_]:
            positive, otherwise = _guards(branch.test)
            self.nodes(branch.body, negative | positive)
            negative = negative | otherwise
        self.nodes(node.else_, negative)

    def loop(self, node: Any, guarded: frozenset[str]) -> None:
        from jinja2 import nodes

        iterated = node.iter
        if isinstance(iterated, nodes.Name) and iterated.name in self.names and node.else_:
            inner = guarded | {iterated.name}
        else:
            self.expr(iterated, guarded, "listed")
            inner = guarded | (_guards(iterated)[0] if isinstance(iterated, nodes.Name) else frozenset())
        self.nodes(node.body, inner)
        self.nodes(node.else_, guarded)

    # -- expressions ------------------------------------------------------------------
    def expr(self, node: Any, guarded: frozenset[str], how: str) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name in self.names and node.name not in guarded:
                self.record(node.name, node.lineno, how)
            return
        if isinstance(node, nodes.Test) and node.name in _EXISTENCE_TESTS:
            return
        if isinstance(node, nodes.Filter) and node.name in _DEFAULT_FILTERS:
            for arg in node.args:
                self.expr(arg, guarded, how)
            return
        if isinstance(node, nodes.CondExpr):
            positive, negative = _guards(node.test)
            self.expr(node.expr1, guarded | positive, how)
            if node.expr2 is not None:
                self.expr(node.expr2, guarded | negative, how)
            return
        fact = _fact_call(node)
        if fact is not None:
            if fact in self.names and fact not in guarded and how == "printed":
                self.record(fact, node.lineno, how)
            return
        for child in node.iter_child_nodes():
            self.expr(child, guarded, how)

    def record(self, fact: str, line: int, how: str) -> None:
        assert self._template is not None
        self.uses.append(Use(fact, _column(self._template.yaml_location(line), fact), how))


def _column(location: Location, fact: str) -> Location:
    """Point at the fact's name on its line (Jinja2 nodes know lines, not columns)."""
    import linecache
    import re

    if not location.line or not location.file or location.file.startswith(("<", "-")):
        return location
    match = re.search(rf"\b{re.escape(fact)}\b", linecache.getline(location.file, location.line))
    return Location(location.file, location.line, match.start() + 1) if match else location


def _fact_call(node: Any) -> str | None:
    """``fact('cause')`` → ``'cause'``."""
    from jinja2 import nodes

    if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "fact"
            and len(node.args) == 1 and isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, str)):
        return node.args[0].value
    return None


def _guards(test: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Names known to have a value when ``test`` is true, and when it is false."""
    from jinja2 import nodes

    if isinstance(test, nodes.Name):
        return frozenset({test.name}), frozenset()
    fact = _fact_call(test)
    if fact is not None:
        return frozenset({fact}), frozenset()
    if isinstance(test, nodes.Filter) and test.name == "length" and test.node is not None:
        return _guards(test.node)
    if isinstance(test, nodes.Test) and isinstance(test.node, nodes.Name):
        if test.name == "defined":
            return frozenset({test.node.name}), frozenset()
        if test.name in ("undefined", "none"):
            return frozenset(), frozenset({test.node.name})
    if isinstance(test, nodes.Not):
        positive, negative = _guards(test.node)
        return negative, positive
    if isinstance(test, nodes.And):
        left, _ = _guards(test.left)
        right, _ = _guards(test.right)
        return left | right, frozenset()
    if isinstance(test, nodes.Or):
        _, left = _guards(test.left)
        _, right = _guards(test.right)
        return _guards(test.left)[0] & _guards(test.right)[0], left | right
    return frozenset(), frozenset()


def stage_uses(
    playbook: Playbook, stage: Stage, channel: str, cache: dict[str, Any] | None = None
) -> tuple[Use, ...]:
    """Unguarded uses of optional facts in one channel's templates of one stage."""
    names = optional_facts(playbook, stage)
    found: list[Use] = []
    for template in stage.templates[channel].parts.values():
        found.extend(unguarded_uses(playbook, template, names, cache))
    return tuple(dict.fromkeys(found))


def describe_use(use: Use) -> str:
    return {"printed": "prints", "listed": "lists the items of"}.get(use.how, "uses")


@check("CP160")
def optional_fact_unguarded(context: RuleContext) -> Iterator[Finding]:
    """CP160: unguarded uses of optional facts in every stage template (this module's analysis)."""
    playbook = context.playbook
    cache = context.cache.setdefault("guards", {})
    reported: set[tuple[str, Location]] = set()
    for stage in playbook.stages.values():
        for channel in stage.templates:
            for use in stage_uses(playbook, stage, channel, cache):
                if (use.fact, use.location) in reported:
                    continue
                reported.add((use.fact, use.location))
                yield (
                    f"stage {stage.id!r}, channel {channel!r} {describe_use(use)} optional fact {use.fact!r} "
                    f"without testing it; guard it with {{% if {use.fact} %}}…{{% endif %}} or list it in "
                    f"the stage's mandatory_facts",
                    use.location,
                )


_TIMELINE_TYPES = ("datetime", "date")


@check("CP161")
def timeline_reference(context: RuleContext) -> Iterator[Finding]:
    """CP161: ``not_before`` names: declared date or date-time facts, or ``now``."""
    facts = context.playbook.facts
    for name, spec in facts.items():
        if not spec.not_before:
            continue
        where = context.playbook.locate(("facts", name, "not_before"))
        if spec.type not in _TIMELINE_TYPES:
            yield f"fact {name!r} is a {spec.type}; not_before applies to dates and date-times", where
            continue
        for other in spec.not_before:
            if other == "now" or (other in facts and facts[other].type in _TIMELINE_TYPES):
                continue
            if other in facts:
                yield f"fact {name!r}: not_before names {other!r}, a {facts[other].type}, not a date", where
                continue
            hint = did_you_mean(other, facts) or " (a declared date or date-time fact, or 'now')"
            yield f"fact {name!r}: not_before names {other!r}, which is not a declared fact{hint}", where
