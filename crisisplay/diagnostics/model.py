"""The Diagnostic shape shared by validate, render and lint.

Checks produce :class:`Diagnostic` values; formatters (text, json, sarif, github) turn
lists of them into output. Nothing here prints.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` and ``>=`` comparisons mean "at least as bad"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (allowed: {allowed})") from None


#: The fixed category vocabulary. Stable names: JSON/SARIF output exposes them.
CATEGORIES: dict[str, str] = {
    # playbook structure and meaning
    "syntax": "the file is not well-formed YAML/JSON or breaks an input limit",
    "schema": "a key or value does not fit the playbook format",
    "reference": "something refers to a name that does not exist (fact, stage, item, parent)",
    "template": "a message template does not compile or uses unknown names",
    "proactivity": "customers would hear from us too late or with long silences",
    "coverage": "a channel or stage leaves out a fact customers need",
    "services": "service priorities, statuses or alternatives are incomplete",
    "checklist": "checklist items are duplicated, unreachable or cyclic",
    "locale": "language data (plural rules, dates) is missing for a locale",
    "channel-limit": "a message does not fit the channel's real limits",
    "encoding": "a character changes the channel encoding or cost",
    "example": "a message is made from the playbook's example facts, not real ones",
    "time": "a time in the facts is impossible or breaks the update cadence",
    # tone lint
    "alarm": "panic or alarm words",
    "blame": "shifting blame onto customers, partners or circumstances",
    "speculation": "unverified forecasts or promises that cannot be kept",
    "shouting": "capitals and exclamation marks",
    "address": "inconsistent form of address (ты/вы, «Вы» capitalisation)",
    "bureaucratese": "officialese and jargon the customer does not need",
    "readability": "sentences too long or too hard to read",
    "missing-what-happened": "the message does not say what happened",
    "missing-service-status": "the message does not say what works and what does not",
    "missing-contact": "the message does not say how to reach us",
    "missing-next-update": "the message does not commit to a time for the next update",
    "missing-empathy": "the message shows no empathy",
    "inconsistency": "two channels disagree on a fact or in tone",
}


# The value classes here are named tuples rather than frozen dataclasses: every command builds
# them, and a frozen dataclass costs about 4 M instructions to create at import (Python
# generates its methods from source), a named tuple a seventh of that. Location orders as the
# tuple of its fields, as ``order=True`` did.
class Location(NamedTuple):
    """A place in a file. Lines and columns are 1-based; 0 means "unknown"."""

    file: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line or self.line,
            "end_column": self.end_column or self.column,
        }


class Diagnostic(NamedTuple):
    """One finding: what rule, how bad, where, why, and optionally how to fix it."""

    rule: str
    severity: Severity
    category: str
    message: str
    location: Location | None = None
    span: str = ""
    fix: str = ""
    related: tuple[Location, ...] = ()
    source: str = ""  # which tool produced it: validate, render, lint

    @classmethod
    def error(cls, rule: str, category: str, message: str, location: Location | None = None, *,
              fix: str = "", source: str = "") -> Diagnostic:
        """An error-level finding: what loading, extends and fact checks report."""
        return cls(rule, Severity.ERROR, category, message, location, fix=fix, source=source)

    def with_location(self, location: Location | None) -> Diagnostic:
        return self._replace(location=location)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        if loc is None:
            return ("", 0, 0, self.rule)
        return (loc.file, loc.line, loc.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.label,
            "category": self.category,
            "message": self.message,
            "location": self.location.to_dict() if self.location else None,
        }
        if self.span:
            data["span"] = self.span
        if self.fix:
            data["fix"] = self.fix
        if self.related:
            data["related"] = [loc.to_dict() for loc in self.related]
        if self.source:
            data["source"] = self.source
        return data


class RuleInfo(NamedTuple):
    """What ``crisisplay rules`` lists and SARIF describes: a rule's stable identity."""

    id: str
    name: str
    severity: Severity
    category: str
    summary: str
    doc: str = ""
    tool: str = "validate"


def unique(diagnostics: Iterable[Diagnostic], *, by_location: bool = True) -> list[Diagnostic]:
    """The first of each (rule, message[, location]), in order: one finding said once."""
    seen: set[tuple[str, str, Location | None]] = set()
    result = []
    for diag in diagnostics:
        key = (diag.rule, diag.message, diag.location if by_location else None)
        if key not in seen:
            seen.add(key)
            result.append(diag)
    return result


def max_severity(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    worst: Severity | None = None
    for diag in diagnostics:
        if worst is None or diag.severity > worst:
            worst = diag.severity
    return worst
