"""``crisisplay validate``: schema and semantic checks with file:line:col findings."""

from __future__ import annotations

import sys

import click

from crisisplay.cli.common import (
    FORMAT_CHOICES,
    exit_code_for,
    fail_on_option,
    format_option,
    handle_errors,
    use_color,
)


def _render_knowledge() -> tuple[frozenset[str], frozenset[str]]:
    """Filters and globals the render engine provides (templates may use exactly these)."""
    from crisisplay.render.engine import known_filters, known_globals

    return frozenset(known_filters()), frozenset(known_globals())


@click.command(
    epilog=(
        "Examples:\n\n"
        "  crisisplay validate playbooks/\n\n"
        "  crisisplay validate my-playbook.yaml --format sarif > results.sarif\n\n"
        "  cat my-playbook.yaml | crisisplay validate -\n\n"
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or unreadable input."
    )
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@format_option(*FORMAT_CHOICES)
@fail_on_option()
@handle_errors
def validate(paths: tuple[str, ...], output_format: str, fail_on: str) -> None:
    """Check playbooks: schema, references, templates, timeline, services, checklists.

    PATHS are playbook files or folders (searched for *.yaml / *.yml); '-' reads stdin.
    """
    from crisisplay.diagnostics.formatters import render_diagnostics
    from crisisplay.playbook.reading import read_stream
    from crisisplay.playbook.rules import RULES
    from crisisplay.playbook.validate import validate_paths

    stdin_data = read_stream(sys.stdin.buffer) if "-" in paths else None
    filters, names = _render_knowledge()
    report = validate_paths(paths, stdin_data=stdin_data, known_filters=filters, extra_names=names)
    color = use_color() and output_format == "text"
    output = render_diagnostics(
        report.diagnostics,
        output_format,
        color=color,
        rules=RULES,
        extra={"files": report.files} if output_format == "json" else None,
    )
    if output_format == "text" and not report.diagnostics:
        output = f"{len(report.files)} file(s) checked, no problems"
    if output:
        click.echo(output)
    sys.exit(exit_code_for(report.diagnostics, fail_on))
