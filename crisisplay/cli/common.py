"""Helpers every command shares: error-to-exit-code mapping, colour, output, and the shared
options (``--at``, ``--format``, ``--fail-on``, ``--db``), each defined once here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from crisisplay.checklist.db_file import DB_ENV
from crisisplay.cli import output
from crisisplay.errors import CrisisplayError
from crisisplay.moments import TIME_FORMS

if TYPE_CHECKING:
    from crisisplay.moments import Moment

F = TypeVar("F", bound=Callable[..., Any])

# Shared with the commands that run without click (crisisplay.cli.output); every command
# imports them from here.
EXIT_FINDINGS = output.EXIT_FINDINGS
EXIT_OK = output.EXIT_OK
EXIT_USAGE = output.EXIT_USAGE
echo = output.echo
exit_code_for = output.exit_code_for
handle_errors = output.handle_errors
report_error = output.report_error
style = output.style
use_color = output.use_color

#: The diagnostics formats of validate and lint.
FORMAT_CHOICES = ("text", "json", "sarif", "github")


# -- options every command spells the same way -------------------------------------------
# One definition each: one parser, one help text, one error message (click's "Invalid
# value for '--x'", exit 2). Heavy modules load only when a value is actually parsed.

SEVERITY_CHOICES = ("info", "warning", "error", "never")


def read_time(ctx: click.Context, param: click.Parameter, value: str | None) -> Moment | None:
    """The parser of ``--at`` and ``--t0``: the text read once (:func:`crisisplay.moments.parse_moment`)
    into a Moment that the command places in its playbook's or run's zone."""
    if value is None:
        return None
    from crisisplay.moments import parse_moment

    try:
        return parse_moment(value)
    except CrisisplayError as exc:
        raise click.BadParameter(f"{exc.message}; use {exc.hint}", ctx, param) from None


def at_option(meaning: str) -> Callable[[F], F]:
    """``--at TIME``; ``meaning`` says what the time is for, e.g. "Render time (default: now)"."""
    return click.option("--at", "at", callback=read_time, metavar="TIME", help=f"{meaning}. {TIME_FORMS}.")


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``, the first of ``choices`` by default."""
    return click.option("--format", "output_format", type=click.Choice(choices), default=choices[0],
                        show_default=True, help="Output format.")


def fail_on_option(default: str = "error") -> Callable[[F], F]:
    """``--fail-on``: the least severe finding that makes the exit code 1."""
    return click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=default, show_default=True,
                        help="Exit 1 when a finding is at least this severe.")


def db_option(func: F) -> F:
    """``--db``: the checklist database (the crisis room keeps its members there too)."""
    return click.option("--db", type=click.Path(dir_okay=False), envvar=DB_ENV, metavar="FILE",
                        help=f"The checklist database (default: ${DB_ENV}, else the per-user data directory).")(func)


def given(ctx: click.Context, name: str) -> bool:
    """Whether the user gave option ``name`` (a default value is not a choice)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)
