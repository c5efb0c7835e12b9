"""Validate's rules (``CP0xx`` loading, ``CP1xx`` meaning), one module per family.

Each rule is declared by a card in the YAML file beside its module (``stages.yaml`` beside
``stages.py``; ``loading.yaml`` for the loader's findings) and checked by a function
registered with ``@check("CP131")`` (:mod:`crisisplay.playbook.rules.registry`).
"""

from __future__ import annotations

from typing import Any

from crisisplay.playbook.rules.registry import RuleContext, all_rule_infos, check, check_playbook

# Importing the families registers their checks.
from crisisplay.playbook.rules import (  # noqa: F401  isort: skip
    checklists,
    fact_declarations,
    guards,
    locale,
    paths,
    sandbox,
    services,
    stages,
    templates,
)

__all__ = ["RULES", "RuleContext", "all_rule_infos", "check", "check_playbook"]


def __getattr__(name: str) -> Any:
    """``RULES``: every validate rule (loader and semantic) for SARIF and ``crisisplay rules``."""
    if name == "RULES":
        return tuple(all_rule_infos())
    raise AttributeError(name)
