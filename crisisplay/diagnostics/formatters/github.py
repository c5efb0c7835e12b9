"""GitHub Actions workflow commands: findings as annotations on the pull request."""

from __future__ import annotations

from collections.abc import Sequence

from crisisplay.diagnostics.formatters.common import display_path, sarif_region, sorted_diagnostics, to_posix
from crisisplay.diagnostics.model import Diagnostic, Severity

_GITHUB_COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def _escape_data(text: str) -> str:
    """Workflow-command message escaping; without it a newline could start a new command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Property values also escape ``:`` and ``,``, which delimit the command's properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic], *, base_dir: str | None = None) -> str:
    """GitHub Actions workflow commands (``::error file=…::message``) that annotate the diff.

    Paths must be relative to the repository root for annotations to land on the file, so
    pass ``base_dir`` when the CLI was given paths from elsewhere. Info maps to ``notice``;
    a fix suggestion becomes a second line of the annotation.
    """
    lines: list[str] = []
    for diag in sorted_diagnostics(diagnostics):
        props: list[tuple[str, str]] = []
        loc = diag.location
        if loc is not None and loc.file:
            props.append(("file", to_posix(display_path(loc.file, base_dir))))
            region = sarif_region(loc)
            if region is not None:
                for key, name in (
                    ("startLine", "line"),
                    ("startColumn", "col"),
                    ("endLine", "endLine"),
                    ("endColumn", "endColumn"),
                ):
                    if key in region:
                        props.append((name, str(region[key])))
        props.append(("title", diag.rule))
        message = diag.message + (f"\nfix: {diag.fix}" if diag.fix else "")
        prop_text = ",".join(f"{name}={_escape_property(value)}" for name, value in props)
        command = _GITHUB_COMMANDS[diag.severity]
        lines.append(f"::{command} {prop_text}::{_escape_data(message)}")
    return "\n".join(lines)
