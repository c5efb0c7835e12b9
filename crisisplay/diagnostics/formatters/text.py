"""Findings for people at a terminal: grouped by file, coloured by severity on a TTY."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crisisplay.diagnostics.formatters.common import (
    NO_FILE,
    clean,
    file_of,
    plural,
    severity_counts,
    sorted_diagnostics,
)
from crisisplay.diagnostics.model import Diagnostic, Location, Severity

_COLORS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}


def _style(text: str, **kwargs: Any) -> str:
    """``click.style``; click is imported only for colour (a plain ``crisisplay lint`` runs without it)."""
    import click

    return click.style(text, **kwargs)


def _indented(label: str, text: str, indent: str = "    ") -> list[str]:
    """A labelled block whose continuation lines line up under the first line's text."""
    lines = clean(text).splitlines() or [""]
    pad = indent + " " * len(label)
    return [indent + label + lines[0], *(pad + line for line in lines[1:])]


def _location_text(loc: Location | None) -> str:
    if loc is None or not loc.file:
        return NO_FILE
    return clean(str(loc))


def _summary_line(diagnostics: Sequence[Diagnostic], color: bool) -> str:
    if not diagnostics:
        return _style("no problems", fg="green") if color else "no problems"
    counts = severity_counts(diagnostics)
    parts = [
        plural(counts[sev], sev.label, f"{sev.label}s")
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[sev]
    ]
    text = f"{plural(len(diagnostics), 'problem', 'problems')} ({', '.join(parts)})"
    files = {f for f in map(file_of, diagnostics) if f is not None}
    if files:
        text += f" in {plural(len(files), 'file', 'files')}"
    if color:
        worst = max(counts)
        text = _style(text, fg=_COLORS[worst], bold=True)
    return text


def format_text(diagnostics: Sequence[Diagnostic], *, color: bool = False, summary: bool = True) -> str:
    """Human-readable report: ``file:line:col: severity [RULE] message (category)`` lines.

    The ``file:line:col`` prefix is what editors and terminals turn into links. Findings are
    grouped by file (a blank line between files); span, fix and related places follow on
    indented lines. Control characters from playbook text are shown escaped, never sent raw.
    """
    out: list[str] = []
    previous_file: str | None = None
    for index, diag in enumerate(sorted_diagnostics(diagnostics)):
        file = file_of(diag) or NO_FILE
        if index and file != previous_file:
            out.append("")
        previous_file = file
        where = _location_text(diag.location)
        severity = diag.severity.label
        rule = f"[{clean(diag.rule)}]"
        category = f"({clean(diag.category)})" if diag.category else ""
        if color:
            where = _style(where, bold=True)
            severity = _style(severity, fg=_COLORS[diag.severity], bold=True)
            category = _style(category, dim=True) if category else ""
        head, *rest = clean(diag.message).splitlines() or [""]
        line = f"{where}: {severity} {rule} {head}"
        out.append(f"{line} {category}" if category else line)
        out.extend("    " + extra for extra in rest)
        if diag.span:
            out.extend(_indented("| ", diag.span))
        if diag.fix:
            out.extend(_indented("fix: ", diag.fix))
        for related in diag.related:
            out.extend(_indented("see also: ", _location_text(related)))
    if summary:
        if out:
            out.append("")
        out.append(_summary_line(diagnostics, color))
    return "\n".join(out)
