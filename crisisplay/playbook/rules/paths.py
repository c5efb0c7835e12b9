"""CP013: every path a playbook names stays inside its folder tree or the bundled library."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Location
from crisisplay.playbook.paths import RULE_PATH_REFUSED
from crisisplay.playbook.rules.registry import Finding, RuleContext, check
from crisisplay.playbook.rules.templates import all_templates, analyse


@check(RULE_PATH_REFUSED)
def path_outside_playbook(context: RuleContext) -> Iterator[Finding]:
    """CP013: includes the template analysis found refused (extends and file: are reported while loading)."""
    cache = context.cache.setdefault("templates", {})
    seen: set[tuple[str, Location]] = set()
    for template in all_templates(context):
        for message, location in analyse(context.playbook, template, cache).refused_includes:
            if (message, location) not in seen:
                seen.add((message, location))
                yield f"include refused: {message}", location
