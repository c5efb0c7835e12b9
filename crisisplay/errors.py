"""The one exception type for problems a user can fix.

The CLI turns a :class:`CrisisplayError` into a message (with its location when it has
one) and exit code 2. Any other exception escaping the core is a bug.
"""

from __future__ import annotations

from crisisplay.diagnostics.model import Diagnostic, Location


class CrisisplayError(Exception):
    """A user-fixable problem: bad input, missing file, broken playbook, wrong option."""

    def __init__(self, message: str, location: Location | None = None, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location is not None else ""
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{prefix}{self.message}{suffix}"


class DiagnosticsError(CrisisplayError):
    """Several located problems reported at once (e.g. every bad value in a facts file)."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message, diagnostics[0].location if diagnostics else None)
        self.diagnostics = diagnostics
