"""Helpers every command shares: error-to-exit-code mapping, colour, output, and the shared
options (``--at``, ``--format``, ``--fail-on``, ``--db``), each defined once here."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from crisisplay.checklist.db_file import DB_ENV
from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.moments import TIME_FORMS

if TYPE_CHECKING:
    from crisisplay.moments import Moment

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

#: The diagnostics formats of validate and lint.
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
            result = func(*args, **kwargs)
            _flush_stdout()
            return result
        except SystemExit:
            _flush_stdout()  # a full or closed stdout is reported here, not at interpreter exit
            raise
        except CrisisplayError as exc:
            report_error(exc)
            sys.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(EXIT_OK)
        except OSError as exc:  # the environment, not a bug: a full disk, a vanished file, no permission
            _quiet_stdout()
            from crisisplay.fsutil import write_error

            message = write_error(exc, "the output").message.replace("; nothing was written", "")
            if isinstance(exc.filename, str):
                message = message.replace("cannot write the output", f"cannot use {exc.filename}")
            report_error(CrisisplayError(message))
            sys.exit(EXIT_USAGE)
        except Exception as exc:
            ctx = click.get_current_context(silent=True)
            debug = bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))
            if debug:
                import traceback  # only when crisisplay itself fails

                traceback.print_exc()
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in crisisplay; run with --debug for the traceback and report it.",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def _flush_stdout() -> None:
    """Write out what is buffered now, so that a full disk or a closed pipe is an exit code."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:
        _quiet_stdout()
        from crisisplay.fsutil import write_error

        report_error(CrisisplayError(write_error(exc, "the output").message.replace("; nothing was written", "")))
        sys.exit(EXIT_USAGE)


def _quiet_stdout() -> None:
    """Point stdout at devnull: Python's own flush at exit must not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


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


def exit_code_for(diagnostics: Iterable[Diagnostic], fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(d.severity >= threshold for d in diagnostics) else EXIT_OK
