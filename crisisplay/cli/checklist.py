"""``crisisplay checklist``: run a playbook's checklists during a crisis.

The face only: options, calling :mod:`crisisplay.checklist.api`, choosing the output.
The commands that record actions are here; those that only read a run (status, list,
log, report, export) are in :mod:`crisisplay.cli.checklist_views`. State lives in an
SQLite database (``--db``, ``CRISISPLAY_DB`` or the per-user data dir);
``CRISISPLAY_NOW`` pins the clock for scripted end-to-end tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from crisisplay.checklist import api, clock
from crisisplay.checklist.db_file import DB_ENV
from crisisplay.checklist.store import Store
from crisisplay.cli.checklist_views import READ_COMMANDS, examples, lang_option, view_run
from crisisplay.cli.common import at_option, db_option, handle_errors, read_time, use_color
from crisisplay.moments import TIME_FORMS

if TYPE_CHECKING:
    from crisisplay.moments import Moment

F = TypeVar("F", bound=Callable[..., Any])
WHO = "(default: $CRISISPLAY_USER or login)"


def by_option(who: str) -> Callable[[F], F]:
    return click.option("--by", "actor", metavar="NAME", help=f"{who} {WHO}.")


def _record(db: str | None, run: str, action: str, target: str = "", *, lang: str = "auto", **options: Any) -> None:
    """One action, one transaction; then say what it did and what it changed."""
    from crisisplay.checklist.phrases import phrases_for
    from crisisplay.checklist.textview import describe_outcome

    with Store.open(db) as store:
        outcome = api.act(store, run, action, target, **options)
    say = phrases_for(outcome.state.run, lang)
    for line in describe_outcome(outcome.state, outcome.event, clock.now(), phrases=say):
        click.echo(line)


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
    view = view_run(db, run.id, None, check_sources=False)
    say = phrases_for(run, lang)
    click.echo(say.plural("start_done", view.progress.total, run=run.id, checklists=say.checklists(),
                          t0=say.time(run.t0)))  # fmt: skip
    if clock.is_yesterday(run.t0, view.now, run.tz):
        warning = say.text("start_yesterday", span=say.span(view.now - run.t0))
        click.echo(click.style(warning, fg="yellow") if use_color() else warning)
    click.echo(f"{say.text('customers')}: {describe_next_update(view, say)}")


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


for _command in READ_COMMANDS:
    checklist.add_command(_command)
