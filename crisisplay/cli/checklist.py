"""``crisisplay checklist``: run a playbook's checklists during a crisis.

The face only: options, calling :mod:`crisisplay.checklist.api`, choosing the output.
State lives in an SQLite database (``--db``, ``CRISISPLAY_DB`` or the per-user data dir);
``CRISISPLAY_NOW`` pins the clock for scripted end-to-end tests.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from crisisplay.checklist import api, clock
from crisisplay.checklist.db_file import DB_ENV
from crisisplay.checklist.store import Store
from crisisplay.cli.common import at_option, db_option, format_option, handle_errors, read_time, use_color
from crisisplay.moments import TIME_FORMS

if TYPE_CHECKING:
    from crisisplay.checklist.views import StatusView
    from crisisplay.moments import Moment

F = TypeVar("F", bound=Callable[..., Any])
AS_OF = "Evaluate as of this time (default: now)"
WHO = "(default: $CRISISPLAY_USER or login)"
LANG_ENV = "CRISISPLAY_LANG"


def by_option(who: str) -> Callable[[F], F]:
    return click.option("--by", "actor", metavar="NAME", help=f"{who} {WHO}.")


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


def _view(db: str | None, run: str | None, at: Moment | None, *, check_sources: bool = True) -> StatusView:
    """The run as of ``--at`` (or now), read in one snapshot."""
    from crisisplay.checklist.views import build_status

    with Store.open(db) as store:
        state, _ = api.load(store, run)
    current = clock.now()
    if at:
        current = clock.parse_time(at, state.run.tz, current)
    return build_status(state, current, check_sources=check_sources)


def _record(db: str | None, run: str, action: str, target: str = "", *, lang: str = "auto", **options: Any) -> None:
    """One action, one transaction; then say what it did and what it changed."""
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.textview import describe_outcome

    with Store.open(db) as store:
        outcome = api.act(store, run, action, target, **options)
    say = phrases_for(outcome.state.run, lang)
    for line in describe_outcome(outcome.state, outcome.event, clock.now(), phrases=say):
        click.echo(line)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(
    epilog=examples(
        "start playbooks/it-outage/it-outage.ru.yaml --t0 09:40",
        "status",
        "done it-outage-20260315-0940 send_first_notice --by anna",
        "sent it-outage-20260315-0940 first_notice --channel sms",
    )
    + f"\n\nThe database: --db FILE or {DB_ENV}. Times: {TIME_FORMS}."
)
def checklist() -> None:
    """Run a playbook's checklists: who does what by when, what is late, when customers hear."""


@checklist.command(
    epilog=examples(
        "start playbooks/it-outage/it-outage.ru.yaml",
        "start bundled:it-outage.ru --checklist first_hour --t0 '2026-03-15 09:40'",
        "start bundled:it-outage/it-outage.en.yaml --t0 -25m --name 'App outage' -q",
    )
)
@click.argument("playbook")
@click.option("--checklist", "checklists", multiple=True, metavar="ID", help="Run only this checklist (repeatable).")
@click.option("--t0", callback=read_time, metavar="TIME", help=f"When the crisis started (default: now). {TIME_FORMS}.")
@click.option("--name", default="", help="A name for the run (also makes its id).")
@by_option("Who opens the run")
@click.option("-q", "--quiet", is_flag=True, help="Print only the new run's id.")
@lang_option
@db_option
@handle_errors
def start(playbook: str, checklists: tuple[str, ...], t0: Moment | None, name: str, actor: str | None,
          quiet: bool, lang: str, db: str | None) -> None:  # fmt: skip
    """Open a run of PLAYBOOK's checklists; every deadline counts from T0.

    A bare --t0 HH:MM later than now means yesterday only within 12 hours (at 00:10,
    23:40 is half an hour ago); further back it is refused: give the date.
    """
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.views import describe_next_update

    with Store.open(db) as store:
        run = api.start_run(store, playbook, checklists=checklists, t0=t0, name=name, actor=actor)
    if quiet:
        click.echo(run.id)
        return
    view = _view(db, run.id, None, check_sources=False)
    say = phrases_for(run, lang)
    click.echo(say.plural("start_done", view.progress.total, run=run.id, checklists=say.checklists(),
                          t0=say.time(run.t0)))  # fmt: skip
    if clock.is_yesterday(run.t0, view.now, run.tz):
        warning = say.text("start_yesterday", span=say.span(view.now - run.t0))
        click.echo(click.style(warning, fg="yellow") if use_color() else warning)
    click.echo(f"{say.text('customers')}: {describe_next_update(view, say)}")


@checklist.command(
    epilog=examples("status", "status it-outage-20260315-0940 --all", "status --format json | jq .next_update")
)
@click.argument("run", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every item, not only overdue and next.")
@format_option("text", "json")
@at_option(AS_OF)
@lang_option
@db_option
@handle_errors
def status(run: str | None, show_all: bool, output_format: str, at: Moment | None, lang: str, db: str | None) -> None:
    """Progress, late, next and waiting items, blockers, frozen services, the next customer update.

    RUN defaults to the newest open run; once every run is resolved, to the last one
    resolved while its customers still wait for the resolution message.
    """
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.textview import render_status

    view = _view(db, run, at)
    if output_format == "json":
        _echo_json(view.to_dict())
    else:
        say = phrases_for(view.state.run, lang)
        click.echo(render_status(view, color=use_color(), bar=sys.stdout.isatty(), show_all=show_all, phrases=say))


def _item_command(action: str, summary: str, *example: str) -> None:
    @checklist.command(
        name=action,
        help=f"{summary}\n\nITEM is the item id (or checklist.item when ids repeat).",
        epilog=examples(*(f"{action} RUN {line}" for line in example)),
    )
    @click.argument("run")
    @click.argument("item")
    @by_option("Who did it")
    @click.option("--note", default="", help="Why, or what came of it (required for block).")
    @at_option("When it happened (default: now)")
    @lang_option
    @db_option
    @handle_errors
    def command(run: str, item: str, actor: str | None, note: str, at: Moment | None, lang: str, db: str | None,
                force: bool = False) -> None:  # fmt: skip
        _record(db, run, action, item, at=at, actor=actor, note=note, force=force, lang=lang)

    if action == "done":
        help_text = (
            "Record it although a prerequisite is still open, or although the send or close"
            " that completes it was not recorded (the log says so)."
        )
        command.params.append(click.Option(["--force"], is_flag=True, help=help_text))


_item_command(
    "done",
    "Mark ITEM done (its prerequisites must be done or skipped, or --force).",
    "notify --by anna",
    "freeze --force --note 'product froze it early'",
)
_item_command("skip", "Skip ITEM deliberately (say why with --note).", "sms_blast --note 'SMS gateway down'")
_item_command("block", "Mark ITEM blocked, with the reason in --note.", "freeze --note 'waiting for the vendor'")
_item_command("reopen", "Reopen a done, skipped or blocked ITEM.", "notify --note 'sent to the wrong list'")


@checklist.command(
    epilog=examples("assign RUN freeze maria", "assign RUN first_hour.notify anna --note 'shift change'")
)
@click.argument("run")
@click.argument("item")
@click.argument("owner")
@by_option("Who assigns")
@click.option("--note", default="", help="Why the change.")
@lang_option
@db_option
@handle_errors
def assign(run: str, item: str, owner: str, actor: str | None, note: str, lang: str, db: str | None) -> None:
    """Give ITEM to OWNER."""
    _record(db, run, "assign", item, owner=owner, actor=actor, note=note, lang=lang)


@checklist.command(
    epilog=examples(
        "sent RUN first_notice --channel sms --channel email",
        "sent RUN update --at 11:05 --note 'second update'",
    )
)
@click.argument("run")
@click.argument("stage")
@click.option("--channel", "channels", multiple=True, help="A channel it went out on (repeatable).")
@by_option("Who sent it")
@click.option("--note", default="", help="Anything worth keeping (audience, message id).")
@at_option("When it went out (default: now)")
@lang_option
@db_option
@handle_errors
def sent(run: str, stage: str, channels: tuple[str, ...], actor: str | None, note: str, at: Moment | None,
         lang: str, db: str | None) -> None:  # fmt: skip
    """Record that STAGE's message went out: the update cadence counts from real messages.

    Items that declare 'completes_on: sent STAGE' are done with it (the log says so).
    """
    _record(db, run, "sent", stage, channels=channels, actor=actor, note=note, at=at, lang=lang)


@checklist.command(
    epilog=examples("close RUN", "close RUN --at 15:30 --note 'service restored'", "close RUN --force")
)
@click.argument("run")
@by_option("Who closes")
@click.option("--note", default="", help="How it was resolved.")
@at_option("When the crisis was resolved (default: now)")
@click.option("--force", is_flag=True, help="Close although critical items are still open (the log lists them).")
@lang_option
@db_option
@handle_errors
def close(run: str, actor: str | None, note: str, at: Moment | None, force: bool, lang: str, db: str | None) -> None:
    """Mark the crisis resolved (metrics compare before / during / after by T0 and this time).

    Refused while critical items are open, unless --force. Then 'status' keeps showing
    the run until the resolution message is recorded as sent.
    """
    _record(db, run, "close", actor=actor, note=note, at=at, force=force, lang=lang)


@checklist.command(epilog=examples("resume RUN --note 'payments fail again'", "resume RUN --at 18:10"))
@click.argument("run")
@by_option("Who reopens the crisis")
@click.option("--note", default="", help="What came back.")
@at_option("When the problem came back (default: now)")
@lang_option
@db_option
@handle_errors
def resume(run: str, actor: str | None, note: str, at: Moment | None, lang: str, db: str | None) -> None:
    """Reopen a resolved crisis that came back: customers must hear it as fast as a first notice.

    The run keeps its history; cadence and silences count again from this time, and
    'close' ends the new episode.
    """
    _record(db, run, "resume", actor=actor, note=note, at=at, lang=lang)


@checklist.command(
    epilog=examples(
        "facts RUN --set incident='The app does not open' --set next_update_at=13:00",
        "facts RUN --set services.payments=unavailable --unset cause",
    )
)
@click.argument("run")
@click.option("--set", "values", multiple=True, metavar="NAME=VALUE", help="A fact of this crisis (repeatable).")
@click.option("--unset", "removed", multiple=True, metavar="NAME", help="Forget a fact (repeatable).")
@by_option("Who records them")
@lang_option
@db_option
@handle_errors
def facts(run: str, values: tuple[str, ...], removed: tuple[str, ...], actor: str | None, lang: str,
          db: str | None) -> None:  # fmt: skip
    """Record the crisis's facts: the crisis room renders the next message from them.

    Values are checked against the playbook's fact types when a message is rendered.
    """
    from crisisplay.errors import CrisisplayError

    given: dict[str, str] = {}
    for option in values:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise CrisisplayError(f"--set {option!r} is not NAME=VALUE")
        given[name.strip()] = value
    given.update({name.strip(): "" for name in removed})
    if not given:
        raise CrisisplayError("nothing to record", hint="--set NAME=VALUE or --unset NAME")
    _record(db, run, "facts", facts=given, actor=actor, lang=lang)


@checklist.command(name="list", epilog=examples("list", "list --open --format json"))
@click.option("--open", "only_open", is_flag=True, help="Only runs not yet closed.")
@format_option("text", "json")
@lang_option
@db_option
@handle_errors
def list_runs(only_open: bool, output_format: str, lang: str, db: str | None) -> None:
    """List the runs, newest first (in the newest run's language unless --lang)."""
    from crisisplay.checklist.textview import render_runs, runs_dict

    with Store.open(db) as store:
        rows = [r for r in api.list_runs(store) if not (only_open and r.closed_at)]
    if output_format == "json":
        _echo_json(runs_dict(rows))
    else:
        click.echo(render_runs(rows, language=lang))


@checklist.command(epilog=examples("log RUN", "log RUN --format json"))
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


@checklist.command(epilog=examples("report RUN > report.md", "report RUN --format html -o report.html"))
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

    view = _view(db, run, at)
    text = render_report(view, output_format, phrases=phrases_for(view.state.run, lang))
    if output == "-":
        click.echo(text, nl=False)
        return
    from crisisplay.fsutil import write_text_atomic

    write_text_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


@checklist.command(epilog=examples("export RUN --ics crisis.ics", "export --ics - --horizon 12h > next-12h.ics"))
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

    view = _view(db, run, at, check_sources=False)
    data = export_ics(view, horizon=span, phrases=phrases_for(view.state.run, lang))
    if ics_path == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    from crisisplay.fsutil import write_bytes_atomic

    write_bytes_atomic(ics_path, data)
    click.echo(f"wrote {ics_path}", err=True)
