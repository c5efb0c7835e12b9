"""Every bundled tone rule as a ``RuleInfo`` in a language, for SARIF and ``crisisplay rules``.

The rules are the bundled packs' cards (``crisisplay/tone/packs/core.yaml``, ``ru.yaml``,
``en.yaml``; :mod:`crisisplay.rulebook.registry`), each with its summary and rationale in
English and Russian. Building the list reads the packs (YAML, or lint's cache) but loads no
morphology.
"""

from __future__ import annotations

import functools
from typing import Any

from crisisplay.diagnostics.model import RuleInfo

TOOL = "lint"


@functools.cache
def rules_for(lang: str) -> tuple[RuleInfo, ...]:
    """Every lint rule described in ``lang`` (``ru`` or ``en``; others get English)."""
    from crisisplay.rulebook.registry import infos
    from crisisplay.wording import language_of

    return infos(TOOL, language_of(lang))


def __getattr__(name: str) -> Any:
    """``RULES``: the lint rules in English."""
    if name == "RULES":
        return rules_for("en")
    raise AttributeError(name)
