"""What every command does with its output and its errors, without importing click.

``crisisplay lint PATHS`` (no option) runs without click (:func:`crisisplay.cli.main.main`):
importing click costs a warm lint of a rendered outbox about as much as reading all its files.
So the error handling every command shares lives here, and click is imported only when
something needs it: an error to print in colour, a click exception to pass on (there can be
none before click is imported), output that click would change (a terminal, an unusual
stream or encoding, terminal escape codes to strip).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])


def echo(text: str, *, err: bool = False) -> None:
    """``click.echo(text, err=err)``, written directly when click would write it unchanged.

    click.echo writes a text stream as it is, with a newline, and flushes, unless the stream
    is a terminal (colours kept), its encoding is ASCII (click re-wraps it) or the text has
    escape codes (click strips them when not on a terminal): those, and any stream that is
    not a plain text file, go through click itself.
    """
    stream = sys.stderr if err else sys.stdout
    if "click" in sys.modules or not _plain_stream(stream) or "\x1b" in text:
        import click

        click.echo(text, err=err)
        return
    stream.write(text + "\n")
    stream.flush()


def _plain_stream(stream: Any) -> bool:
    """A UTF-8 text file or pipe, not a terminal."""
    if type(stream) is not io.TextIOWrapper:
        return False
    try:
        return codecs.lookup(stream.encoding).name == "utf-8" and not stream.isatty()
    except (LookupError, ValueError, OSError):
        return False


def use_color(stream: Any = None) -> bool:
    """Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def style(text: str, *, color: bool, **kwargs: Any) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)


def report_error(exc: CrisisplayError) -> None:
    """Print a user-fixable error to stderr, with every located diagnostic it carries."""
    import click

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


def _click_exceptions() -> tuple[type[BaseException], ...]:
    """click's exceptions that a command passes on to click; none can have been raised before
    click is imported."""
    click: Any = sys.modules.get("click")
    if click is None:
        return ()
    return (click.exceptions.Exit, click.exceptions.Abort, click.ClickException)


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
        except _click_exceptions():
            raise
        except KeyboardInterrupt:
            echo("interrupted", err=True)
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
            click: Any = sys.modules.get("click")
            ctx = click.get_current_context(silent=True) if click is not None else None
            debug = bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))
            if debug:
                import traceback  # only when crisisplay itself fails

                traceback.print_exc()
            echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in crisisplay; run with --debug for the traceback and report it.",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def _flush_stdout() -> None:
    """Write out what is buffered now, so that a full disk or a closed pipe is an exit code."""
    if sys.stdout is None:  # started with stdout closed (``>&-``): what was printed went nowhere
        report_error(CrisisplayError("cannot write the output: standard output is closed"))
        sys.exit(EXIT_USAGE)
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


def exit_code_for(diagnostics: Iterable[Diagnostic], fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(d.severity >= threshold for d in diagnostics) else EXIT_OK
