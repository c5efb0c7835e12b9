"""The rule registry: decorator, context, and the runner."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, RuleInfo, Severity
from crisisplay.playbook.model import Playbook

Finding = tuple[str, "Location | None"]
RuleFunc = Callable[["RuleContext"], Iterable[Finding]]


@dataclass
class RuleContext:
    """What a rule may look at: the playbook, plus optional knowledge from other layers."""

    playbook: Playbook
    known_filters: frozenset[str] | None = None
    extra_names: frozenset[str] = frozenset()
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def is_abstract(self) -> bool:
        return bool(self.playbook.raw.get("abstract", False))


@dataclass(frozen=True)
class RegisteredRule:
    info: RuleInfo
    func: RuleFunc


_REGISTRY: dict[str, RegisteredRule] = {}


def rule(
    rule_id: str, name: str, severity: Severity, category: str
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule; its docstring becomes its documentation."""

    def decorate(func: RuleFunc) -> RuleFunc:
        doc = inspect.cleandoc(func.__doc__ or "")
        summary = doc.splitlines()[0] if doc else name
        if rule_id in _REGISTRY:
            raise RuntimeError(f"duplicate rule id {rule_id}")
        info = RuleInfo(rule_id, name, severity, category, summary, doc, tool="validate")
        _REGISTRY[rule_id] = RegisteredRule(info, func)
        return func

    return decorate


def registered() -> list[RegisteredRule]:
    return [_REGISTRY[key] for key in sorted(_REGISTRY)]


#: Rules found before the model exists (loader, schema, extends) documented here too.
BUILTIN_INFOS = (
    RuleInfo(
        "CP001",
        "syntax",
        Severity.ERROR,
        "syntax",
        "The file cannot be read as YAML or breaks an input limit.",
        "Not UTF-8, empty, tabs in indentation, duplicate keys, custom tags, too large, "
        "too deep, or aliases that expand too far. PyYAML would keep the last of two "
        "duplicate keys silently; crisisplay refuses the file instead.",
    ),
    RuleInfo(
        "CP002",
        "schema",
        Severity.ERROR,
        "schema",
        "A key or value does not fit the playbook format (see `crisisplay schema`).",
        "Unknown keys come with the closest allowed key; wrong values with the allowed ones.",
    ),
    RuleInfo(
        "CP010",
        "extends-missing",
        Severity.ERROR,
        "reference",
        "The parent named by 'extends' does not exist.",
        "The chain of files is shown.",
    ),
    RuleInfo(
        "CP011",
        "extends-cycle",
        Severity.ERROR,
        "reference",
        "'extends' forms a cycle or a chain that is too long.",
        "The chain of files is shown.",
    ),
    RuleInfo(
        "CP012",
        "template-file",
        Severity.ERROR,
        "reference",
        "A template named by 'file:' cannot be found or read.",
        "Template files are looked up beside the playbook, then in the bundled templates.",
    ),
)


def all_rule_infos() -> list[RuleInfo]:
    return [*BUILTIN_INFOS, *(r.info for r in registered())]


def check_playbook(context: RuleContext) -> list[Diagnostic]:
    """Run every registered rule and return its findings, sorted by place."""
    diagnostics: list[Diagnostic] = []
    for registered_rule in registered():
        info = registered_rule.info
        for message, location in _run(registered_rule, context):
            diagnostics.append(
                Diagnostic(
                    info.id, info.severity, info.category, message, location, source="validate"
                )
            )
    return sorted(diagnostics, key=Diagnostic.sort_key)


def _run(registered_rule: RegisteredRule, context: RuleContext) -> Iterator[Finding]:
    yield from registered_rule.func(context)
