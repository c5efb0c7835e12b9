"""Helpers every command shares: error-to-exit-code mapping, colour, output, formats."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_CHOICES = ("text", "json", "sarif", "github")


def use_color(stream: Any = None) -> bool:
    """Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def style(text: str, *, color: bool, **kwargs: Any) -> str:
    return click.style(text, **kwargs) if color else text


def report_error(exc: CrisisplayError) -> None:
    """Print a user-fixable error to stderr, with every located diagnostic it carries."""
    color = use_color(sys.stderr)
    if isinstance(exc, DiagnosticsError) and exc.diagnostics:
        click.echo(style("error: ", color=color, fg="red", bold=True) + exc.message, err=True)
        for diag in exc.diagnostics:
            where = f"{diag.location}: " if diag.location else ""
            click.echo(f"  {where}{diag.message}", err=True)
            if diag.fix:
                click.echo(f"    hint: {diag.fix}", err=True)
        return
    click.echo(style("error: ", color=color, fg="red", bold=True) + str(exc), err=True)


def handle_errors(func: F) -> F:
    """Map CrisisplayError to exit 2 with a clear message; anything else is a bug report."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CrisisplayError as exc:
            report_error(exc)
            sys.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_OK)
        except Exception as exc:
            ctx = click.get_current_context(silent=True)
            debug = bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))
            if debug:
                traceback.print_exc()
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in crisisplay; run with --debug for the traceback and report it.",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def fail_on_option(func: F) -> F:
    return click.option(
        "--fail-on",
        type=click.Choice(["info", "warning", "error", "never"]),
        default="error",
        show_default=True,
        help="Exit 1 when a finding is at least this severe.",
    )(func)


def format_option(func: F, choices: Iterable[str] = FORMAT_CHOICES, default: str = "text") -> F:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )(func)


def exit_code_for(diagnostics: Iterable[Diagnostic], fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(d.severity >= threshold for d in diagnostics) else EXIT_OK
