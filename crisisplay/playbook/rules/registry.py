"""Validate's checks: each a function registered for the card it implements, and the runner.

A rule is declared by its card in the YAML file beside the module that checks it
(``stages.yaml`` beside ``stages.py``; the card shape: :mod:`crisisplay.rulebook.cards`). The
check is a function decorated with ``@check("CP131")`` that receives a :class:`RuleContext`
and yields ``(message, location)`` pairs; the finding's severity and category come from the
card. The loader's findings (CP001–CP013) have cards in ``loading.yaml`` and no function here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, RuleInfo
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


_CHECKS: dict[str, RuleFunc] = {}


def check(rule_id: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the check of the card ``rule_id``."""

    def decorate(func: RuleFunc) -> RuleFunc:
        if rule_id in _CHECKS:
            raise RuntimeError(f"two checks for rule {rule_id}")
        _CHECKS[rule_id] = func
        return func

    return decorate


def checks() -> dict[str, RuleFunc]:
    """Every registered check by rule id, in id order."""
    return {rule_id: _CHECKS[rule_id] for rule_id in sorted(_CHECKS)}


def all_rule_infos(lang: str = "en") -> list[RuleInfo]:
    """Every validate rule (loader and semantic), from the registry."""
    from crisisplay.rulebook.registry import infos

    return list(infos("validate", lang))


def check_playbook(context: RuleContext) -> list[Diagnostic]:
    """Run every registered check and return its findings, sorted by place."""
    from crisisplay.rulebook.registry import tool_card

    diagnostics: list[Diagnostic] = []
    for rule_id, func in checks().items():
        card = tool_card("validate", rule_id)
        for message, location in func(context):
            diagnostics.append(
                Diagnostic(rule_id, card.severity, card.category, message, location, source="validate")
            )
    return sorted(diagnostics, key=Diagnostic.sort_key)
