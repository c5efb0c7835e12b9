"""Render's rules (CP2xx): the Python names of their ids; the cards are in ``rules.yaml`` here.

Each rule is declared by its card in ``crisisplay/render/rules.yaml`` (severity, category,
summary and rationale in English and Russian, a failing and a passing example; the shape:
:mod:`crisisplay.rulebook.cards`). Render code names a rule by the constants below and takes
its severity and category from :data:`RULES_BY_ID` (or
:func:`crisisplay.rulebook.registry.diagnostic`). Importing this module reads nothing;
``RULES`` and ``RULES_BY_ID`` read the cards on first use.
"""

from __future__ import annotations

import functools
from typing import Any

FACT_INVALID = "CP201"
FACT_MISSING = "CP202"
FACT_UNKNOWN = "CP203"
SERVICE_OVERRIDE = "CP204"
TEMPLATE_ERROR = "CP210"
TEMPLATE_UNSAFE = "CP211"
UNDEFINED_NAME = "CP212"
CHANNEL_UNKNOWN = "CP213"
PART_MISSING = "CP214"
LOCALE_FALLBACK = "CP215"
TEMPLATE_BUDGET = "CP219"
LIMIT_EXCEEDED = "CP220"
LIMIT_ADVISED = "CP221"
ENCODING_SWITCH = "CP222"
MIXED_SCRIPT = "CP223"
MARKUP_INVALID = "CP224"
FACT_NOT_IN_TEMPLATE = "CP230"
FACT_NOT_IN_OUTPUT = "CP231"
STAGE_FACT_MISSING = "CP250"
FACT_WITHOUT_VALUE = "CP251"
EXAMPLE_FACT = "CP252"
NEXT_UPDATE_PAST = "CP253"
END_BEFORE_START = "CP254"
NEXT_UPDATE_BEYOND_CADENCE = "CP255"


@functools.cache
def _rules_by_id() -> dict[str, Any]:
    from crisisplay.rulebook.registry import infos

    return {rule.id: rule for rule in infos("render")}


def __getattr__(name: str) -> Any:
    """``RULES`` (every render rule as a ``RuleInfo``) and ``RULES_BY_ID``, from the registry."""
    if name == "RULES":
        return tuple(_rules_by_id().values())
    if name == "RULES_BY_ID":
        return _rules_by_id()
    raise AttributeError(name)
