"""One finding shape for every check, and the formatters that print lists of them."""

from __future__ import annotations

from crisisplay.diagnostics.model import (
    CATEGORIES,
    Diagnostic,
    Location,
    RuleInfo,
    Severity,
    max_severity,
)

__all__ = ["CATEGORIES", "Diagnostic", "Location", "RuleInfo", "Severity", "max_severity"]
