"""Semantic rules for playbooks (``CP1xx``), one module per family.

Each rule is a function decorated with :func:`rule`; its docstring is its documentation
(the first line is the summary ``crisisplay rules`` shows). A rule receives a
:class:`RuleContext` and yields ``(message, location)`` pairs.
"""

from __future__ import annotations

from crisisplay.playbook.rules.registry import RuleContext, all_rule_infos, check_playbook, rule

# Importing the families registers their rules.
from crisisplay.playbook.rules import (  # noqa: F401  isort: skip
    checklists,
    facts,
    guards,
    locale,
    paths,
    sandbox,
    services,
    stages,
    templates,
)

#: Every playbook rule (loader, schema, extends and semantic), for ``crisisplay rules``.
RULES = tuple(all_rule_infos())

__all__ = ["RULES", "RuleContext", "all_rule_infos", "check_playbook", "rule"]
