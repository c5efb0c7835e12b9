"""``crisisplay checklist`` read-only commands: status, list, log, report, export.

The face only, like :mod:`crisisplay.cli.checklist` (which registers these commands and
holds the ones that record actions): read a run in one snapshot, choose the output.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from crisisplay.checklist import api, clock
from crisisplay.checklist.store import Store
from crisisplay.cli.common import at_option, db_option, format_option, handle_errors, use_color

if TYPE_CHECKING:
    from crisisplay.checklist.views import StatusView
    from crisisplay.moments import Moment

F = TypeVar("F", bound=Callable[..., Any])
AS_OF = "Evaluate as of this time (default: now)"
LANG_ENV = "CRISISPLAY_LANG"


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["auto", "en", "ru"]),
        default="auto",
        envvar=LANG_ENV,
        show_default=True,
        help=f"Language of the output (auto: the playbook's; also ${LANG_ENV}).",
    )(func)


def examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  crisisplay checklist {line}" for line in lines)


def view_run(db: str | None, run: str | None, at: Moment | None, *, check_sources: bool = True) -> StatusView:
    """The run as of ``--at`` (or now), read in one snapshot."""
    from crisisplay.checklist.views import build_status

    with Store.open(db) as store:
        state, _ = api.load(store, run)
    current = clock.now()
    if at:
        current = clock.parse_time(at, state.run.tz, current)
    return build_status(state, current, check_sources=check_sources)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command(
    name="status",
    epilog=examples("status", "status it-outage-20260315-0940 --all", "status --format json | jq .next_update")
)
@click.argument("run", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every item, not only overdue and next.")
@format_option("text", "json")
@at_option(AS_OF)
@lang_option
@db_option
@handle_errors
def status_command(run: str | None, show_all: bool, output_format: str, at: Moment | None, lang: str,
                   db: str | None) -> None:
    """Progress, late, next and waiting items, blockers, frozen services, the next customer update.

    RUN defaults to the newest open run; once every run is resolved, to the last one
    resolved while its customers still wait for the resolution message.
    """
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.textview import render_status

    view = view_run(db, run, at)
    if output_format == "json":
        _echo_json(view.to_dict())
    else:
        say = phrases_for(view.state.run, lang)
        click.echo(render_status(view, color=use_color(), bar=sys.stdout.isatty(), show_all=show_all, phrases=say))


@click.command(name="list", epilog=examples("list", "list --open --format json"))
@click.option("--open", "only_open", is_flag=True, help="Only runs not yet closed.")
@format_option("text", "json")
@lang_option
@db_option
@handle_errors
def list_command(only_open: bool, output_format: str, lang: str, db: str | None) -> None:
    """List the runs, newest first (in the newest run's language unless --lang)."""
    from crisisplay.checklist.textview import render_runs, runs_dict

    with Store.open(db) as store:
        rows = [r for r in api.list_runs(store) if not (only_open and r.closed_at)]
    if output_format == "json":
        _echo_json(runs_dict(rows))
    else:
        click.echo(render_runs(rows, language=lang))


@click.command(epilog=examples("log RUN", "log RUN --format json"))
@click.argument("run", required=False)
@format_option("text", "json")
@lang_option
@db_option
@handle_errors
def log(run: str | None, output_format: str, lang: str, db: str | None) -> None:
    """The run's full history: who did what, when, with notes (append-only)."""
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.textview import log_dict, render_log

    with Store.open(db) as store:
        state, events = api.load(store, run)
    if output_format == "json":
        _echo_json(log_dict(state, events))
    else:
        click.echo(render_log(state, events, phrases=phrases_for(state.run, lang)))


@click.command(epilog=examples("report RUN > report.md", "report RUN --format html -o report.html"))
@click.argument("run", required=False)
@format_option("md", "html", "json")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="File to write.")
@at_option(AS_OF)
@lang_option
@db_option
@handle_errors
def report(run: str | None, output_format: str, output: str, at: Moment | None, lang: str, db: str | None) -> None:
    """A report on the run for management: progress, deadlines, messages, freezes."""
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.report import render_report

    view = view_run(db, run, at)
    text = render_report(view, output_format, phrases=phrases_for(view.state.run, lang))
    if output == "-":
        click.echo(text, nl=False)
        return
    from crisisplay.fsutil import write_text_atomic

    write_text_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


@click.command(epilog=examples("export RUN --ics crisis.ics", "export --ics - --horizon 12h > next-12h.ics"))
@click.argument("run", required=False)
@click.option("--ics", "ics_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The .ics file to write ('-' for stdout).")  # fmt: skip
@click.option("--horizon", default="24h", show_default=True, help="How far ahead to plan customer updates.")
@at_option(AS_OF)
@lang_option
@db_option
@handle_errors
def export(run: str | None, ics_path: str, horizon: str, at: Moment | None, lang: str, db: str | None) -> None:
    """Write deadlines and customer-update times as calendar events with reminders."""
    from crisisplay.checklist.ics import export_ics
    from crisisplay.errors import CrisisplayError
    from crisisplay.playbook.timing import parse_duration

    span = parse_duration(horizon)
    if span is None:
        raise CrisisplayError(f"cannot read --horizon {horizon!r}", hint="e.g. 12h, 2d")
    from crisisplay.checklist.phrases import phrases_for

    view = view_run(db, run, at, check_sources=False)
    data = export_ics(view, horizon=span, phrases=phrases_for(view.state.run, lang))
    if ics_path == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    from crisisplay.fsutil import write_bytes_atomic

    write_bytes_atomic(ics_path, data)
    click.echo(f"wrote {ics_path}", err=True)


#: Registered on the ``checklist`` group by :mod:`crisisplay.cli.checklist`.
READ_COMMANDS = (status_command, list_command, log, report, export)
