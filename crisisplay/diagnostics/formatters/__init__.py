"""Turn lists of :class:`Diagnostic` into text, JSON, SARIF or GitHub workflow commands.

``validate``, ``render`` and ``lint`` share these so that every command reports findings the
same way. Each formatter returns a string without a trailing newline and never prints: the
CLI decides where output goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from crisisplay.diagnostics.formatters.github import format_github
from crisisplay.diagnostics.formatters.json_output import format_json
from crisisplay.diagnostics.formatters.sarif import FINGERPRINT_KEY, INFORMATION_URI, SARIF_SCHEMA_URI, format_sarif
from crisisplay.diagnostics.formatters.text import format_text
from crisisplay.diagnostics.model import Diagnostic, RuleInfo

__all__ = [
    "FINGERPRINT_KEY",
    "FORMATTERS",
    "INFORMATION_URI",
    "SARIF_SCHEMA_URI",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "render_diagnostics",
]


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}


def render_diagnostics(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    color: bool = False,
    rules: Sequence[RuleInfo] = (),
    base_dir: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """One call for the CLI: passes each formatter only the options it understands."""
    if fmt == "text":
        return format_text(diagnostics, color=color)
    if fmt == "json":
        return format_json(diagnostics, extra=extra)
    if fmt == "sarif":
        return format_sarif(diagnostics, rules=rules, base_dir=base_dir)
    if fmt == "github":
        return format_github(diagnostics, base_dir=base_dir)
    raise ValueError(f"unknown output format {fmt!r} (allowed: {', '.join(FORMATTERS)})")
