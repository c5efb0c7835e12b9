"""CP108, CP109: what the render sandbox would refuse, seen before anything renders."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Location
from crisisplay.playbook.rules.registry import Finding, RuleContext, check
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


@check(RULE_SANDBOX)
def template_sandbox_refused(context: RuleContext) -> Iterator[Finding]:
    """CP108: sandbox refusals the static template analysis found (template_limits.static_findings)."""
    yield from _findings(context, RULE_SANDBOX)


@check(RULE_BUDGET)
def template_budget(context: RuleContext) -> Iterator[Finding]:
    """CP109: budget breaches the static template analysis found (template_limits.check_source, static_findings)."""
    yield from _findings(context, RULE_BUDGET)
