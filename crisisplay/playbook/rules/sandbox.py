"""CP108, CP109: what the render sandbox would refuse, seen before anything renders."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Location, Severity
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule
from crisisplay.playbook.rules.templates import all_templates, analyse
from crisisplay.playbook.template_limits import RULE_BUDGET, RULE_SANDBOX


def _findings(context: RuleContext, rule_id: str) -> Iterator[Finding]:
    cache = context.cache.setdefault("templates", {})
    seen: set[tuple[str, Location]] = set()
    for template in all_templates(context):
        for found_rule, message, location in analyse(context.playbook, template, cache).budget:
            if found_rule == rule_id and (message, location) not in seen:
                seen.add((message, location))
                yield message, location


@rule(RULE_SANDBOX, "template-sandbox-refused", Severity.ERROR, "template")
def template_sandbox_refused(context: RuleContext) -> Iterator[Finding]:
    """A template reaches for something the render sandbox always refuses (``__class__``).

    Attribute and item names starting with ``_`` lead to Python internals
    (``stage.__class__.__init__.__globals__``); the sandbox refuses them at render time,
    so the playbook is reported here instead of failing in the first hour of a crisis.
    """
    yield from _findings(context, RULE_SANDBOX)


@rule(RULE_BUDGET, "template-budget", Severity.ERROR, "template")
def template_budget(context: RuleContext) -> Iterator[Finding]:
    """A template breaks a sandbox budget that is visible without rendering it.

    The template's size (100,000 characters), tags (2,000) and nesting (16 blocks, 24
    brackets); constant widths, paddings and precisions over 1,000 (``center``,
    ``indent``, ``format``, ``'{:>N}'.format``, ``round``, ``tojson``); ``*`` repetitions
    over 10,000 items; exponents over 64; ``range()`` over 1,000 items; loops over
    constant ranges whose product passes 100,000 steps. Render enforces the same budgets
    (CP219) and those it cannot see statically; see docs/templates.md.
    """
    yield from _findings(context, RULE_BUDGET)
