"""Checklists: unique ids, dependencies that exist and do not loop, events and owners that exist."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.model import ChecklistItem
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule
from crisisplay.playbook.timing import event_stage, format_duration
from crisisplay.suggest import did_you_mean


def _items(context: RuleContext) -> list[ChecklistItem]:
    return [item for checklist in context.playbook.checklists.values() for item in checklist.items]


@rule("CP140", "duplicate-item-id", Severity.ERROR, "checklist")
def duplicate_item_id(context: RuleContext) -> Iterator[Finding]:
    """Two checklist items share an id (ids are unique across all checklists of a playbook).

    Runs record progress by item id; a duplicate would tick two tasks at once.
    """
    first: dict[str, ChecklistItem] = {}
    for item in _items(context):
        if item.id in first:
            other = first[item.id].location
            yield (
                f"checklist item id {item.id!r} is already used (line {other.line if other else '?'})",
                item.location,
            )
        else:
            first[item.id] = item


@rule("CP141", "unknown-dependency", Severity.ERROR, "checklist")
def unknown_dependency(context: RuleContext) -> Iterator[Finding]:
    """An item's ``depends_on`` names an item that does not exist."""
    ids = [item.id for item in _items(context)]
    for item in _items(context):
        for dep in item.depends_on:
            if dep not in ids:
                hint = did_you_mean(dep, ids)
                yield f"item {item.id!r} depends on unknown item {dep!r}{hint}", item.location


@rule("CP142", "dependency-cycle", Severity.ERROR, "checklist")
def dependency_cycle(context: RuleContext) -> Iterator[Finding]:
    """Checklist dependencies form a cycle: none of its items could ever be done."""
    items = {item.id: item for item in _items(context)}
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    reported: set[frozenset[str]] = set()

    def visit(node: str, stack: list[str]) -> Iterator[Finding]:
        state[node] = 1
        stack.append(node)
        for dep in items[node].depends_on:
            if dep not in items:
                continue
            if state.get(dep) == 1:
                cycle = [*stack[stack.index(dep) :], dep]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    yield f"dependency cycle: {' -> '.join(cycle)}", items[dep].location
            elif state.get(dep) is None:
                yield from visit(dep, stack)
        stack.pop()
        state[node] = 2

    for item_id in items:
        if item_id not in state:
            yield from visit(item_id, [])


@rule("CP143", "unknown-item-service", Severity.ERROR, "reference")
def unknown_item_service(context: RuleContext) -> Iterator[Finding]:
    """A checklist item refers to a service the playbook does not declare."""
    services = [service.id for service in context.playbook.services]
    for item in _items(context):
        for service in item.services:
            if service not in services:
                hint = did_you_mean(service, services)
                yield f"item {item.id!r} refers to unknown service {service!r}{hint}", item.location


@rule("CP144", "dependency-due-later", Severity.WARNING, "checklist")
def dependency_due_later(context: RuleContext) -> Iterator[Finding]:
    """An item is due before an item it depends on: its deadline cannot be met."""
    items = {item.id: item for item in _items(context)}
    for item in items.values():
        for dep_id in item.depends_on:
            dep = items.get(dep_id)
            if dep is None or dep.due is None or item.due is None or dep.due_after != item.due_after:
                continue  # deadlines counted from different events cannot be compared
            if dep.due > item.due:
                anchor = f"{item.due_after} + " if item.due_after else "T0+"
                yield (
                    f"item {item.id!r} is due at {anchor}{format_duration(item.due)} but depends on "
                    f"{dep.id!r}, due at {anchor}{format_duration(dep.due)}",
                    item.location,
                )


@rule("CP145", "unknown-event-stage", Severity.ERROR, "reference")
def unknown_event_stage(context: RuleContext) -> Iterator[Finding]:
    """An item's ``completes_on`` or ``due: … after sent STAGE`` names a stage the playbook lacks.

    Recording that stage's message is what completes the item or starts its clock; with an
    unknown stage the item would wait forever.
    """
    stages = list(context.playbook.stages)
    for item in _items(context):
        for key, ref in (("completes_on", item.completes_on), ("due", item.due_after)):
            stage = event_stage(ref)
            if stage is not None and stage not in stages:
                hint = did_you_mean(stage, stages)
                yield f"item {item.id!r}: {key} names unknown stage {stage!r}{hint}", item.location


@rule("CP146", "owner-not-a-role", Severity.WARNING, "checklist")
def owner_not_a_role(context: RuleContext) -> Iterator[Finding]:
    """An item's ``owner`` is not one of the playbook's ``roles`` (checked when roles are declared).

    Reports, calendars and the crisis room show a role's display name; an owner outside
    ``roles`` is shown as its bare id, usually a typo.
    """
    roles = list(context.playbook.roles)
    if not roles:
        return
    for item in _items(context):
        if item.owner and item.owner not in roles:
            yield f"item {item.id!r}: owner {item.owner!r} is not a declared role{did_you_mean(item.owner, roles)}", (
                item.location
            )
