"""Checklists: unique ids, dependencies that exist and do not loop, events and owners that exist."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.playbook.model import ChecklistItem
from crisisplay.playbook.rules.registry import Finding, RuleContext, check
from crisisplay.playbook.timing import event_stage, format_duration
from crisisplay.suggest import did_you_mean


def _items(context: RuleContext) -> list[ChecklistItem]:
    return [item for checklist in context.playbook.checklists.values() for item in checklist.items]


@check("CP140")
def duplicate_item_id(context: RuleContext) -> Iterator[Finding]:
    """CP140: item ids across every checklist."""
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


@check("CP141")
def unknown_dependency(context: RuleContext) -> Iterator[Finding]:
    """CP141: ``depends_on`` ids against the items."""
    ids = [item.id for item in _items(context)]
    for item in _items(context):
        for dep in item.depends_on:
            if dep not in ids:
                hint = did_you_mean(dep, ids)
                yield f"item {item.id!r} depends on unknown item {dep!r}{hint}", item.location


@check("CP142")
def dependency_cycle(context: RuleContext) -> Iterator[Finding]:
    """CP142: depth-first search of ``depends_on``; each cycle reported once."""
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


@check("CP143")
def unknown_item_service(context: RuleContext) -> Iterator[Finding]:
    """CP143: item ``services`` against the declared services."""
    services = [service.id for service in context.playbook.services]
    for item in _items(context):
        for service in item.services:
            if service not in services:
                hint = did_you_mean(service, services)
                yield f"item {item.id!r} refers to unknown service {service!r}{hint}", item.location


@check("CP144")
def dependency_due_later(context: RuleContext) -> Iterator[Finding]:
    """CP144: due times of an item and its dependencies, when counted from the same event."""
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


@check("CP145")
def unknown_event_stage(context: RuleContext) -> Iterator[Finding]:
    """CP145: stages named by ``completes_on`` and ``due: … after sent STAGE``."""
    stages = list(context.playbook.stages)
    for item in _items(context):
        for key, ref in (("completes_on", item.completes_on), ("due", item.due_after)):
            stage = event_stage(ref)
            if stage is not None and stage not in stages:
                hint = did_you_mean(stage, stages)
                yield f"item {item.id!r}: {key} names unknown stage {stage!r}{hint}", item.location


@check("CP146")
def owner_not_a_role(context: RuleContext) -> Iterator[Finding]:
    """CP146: item owners against ``roles``, when roles are declared."""
    roles = list(context.playbook.roles)
    if not roles:
        return
    for item in _items(context):
        if item.owner and item.owner not in roles:
            yield f"item {item.id!r}: owner {item.owner!r} is not a declared role{did_you_mean(item.owner, roles)}", (
                item.location
            )
