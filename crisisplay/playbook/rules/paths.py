"""CP013: every path a playbook names stays inside its folder tree or the bundled library."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Location, Severity
from crisisplay.playbook.paths import RULE_PATH_REFUSED
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule
from crisisplay.playbook.rules.templates import all_templates, analyse


@rule(RULE_PATH_REFUSED, "path-outside-playbook", Severity.ERROR, "reference")
def path_outside_playbook(context: RuleContext) -> Iterator[Finding]:
    """A path the playbook names leaves its folder tree and the bundled library, or is not a file.

    ``extends``, ``{file: …}`` and ``{% include %}`` may only read files inside the folder
    of the playbook you named (and below it), the bundled library, or a folder listed in
    ``CRISISPLAY_ROOT``; symbolic links are followed before the check. Absolute paths,
    ``..`` that climbs out, hidden files (``.env``), FIFOs and devices are refused, so a
    playbook written by someone else cannot print ``/proc/self/environ`` or a key file
    into a customer message. ``extends`` and ``file:`` are reported while loading; this
    rule reports includes found in the templates.
    """
    cache = context.cache.setdefault("templates", {})
    seen: set[tuple[str, Location]] = set()
    for template in all_templates(context):
        for message, location in analyse(context.playbook, template, cache).refused_includes:
            if (message, location) not in seen:
                seen.add((message, location))
                yield f"include refused: {message}", location
