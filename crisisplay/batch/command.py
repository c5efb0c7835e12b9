"""``render-batch``: the batch as a command of its own.

``crisisplay render PLAYBOOK --recipients FILE`` is the documented way in; this
command does the same and exists so that the batch can be run and tested on its own,
and wired into other tools (``crisisplay.batch.command:render_batch``).
"""

from __future__ import annotations

import sys

import click

from crisisplay.batch.cli_support import batch_options, run_from_cli
from crisisplay.cli.common import handle_errors
from crisisplay.errors import CrisisplayError


@click.command(
    name="render-batch",
    epilog=(
        "Examples:\n\n\b\n"
        "  render-batch it-outage/it-outage.ru.yaml --recipients customers.csv --out out/\n"
        "  render-batch it-outage/it-outage --recipients customers.jsonl --out out/ --jobs 2\n"
        "  render-batch it-outage/it-outage --recipients customers.jsonl --out out/ --resume\n\n"
        "Exit codes: 0 done (rejections are listed, not failures), 2 usage or input error, "
        "130 interrupted (continue with --resume)."
    ),
)
@click.argument("playbook")
@batch_options
@click.option("--stage", help="Stage id or kind (default: the first notice).")
@click.option("--channel", "channels", multiple=True, metavar="NAMES",
              help="Send only on these channels (comma-separated or repeated).")
@click.option("--out", type=click.Path(file_okay=False), help="Directory for the JSONL files and summary.json.")
@click.option("--at", help="Render time ('now' in templates), ISO or HH:MM; default: now.")
@click.option("--facts", type=click.Path(exists=True, dir_okay=False), help="Facts file (YAML or JSON).")
@click.option("--set", "sets", multiple=True, metavar="NAME=VALUE", help="Set one fact (repeatable).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@handle_errors
def render_batch(
    playbook: str,
    recipients: str | None,
    jobs: int,
    resume: bool,
    sms_price: float | None,
    on_error: str,
    allow_duplicates: bool,
    recipients_encoding: str,
    stage: str | None,
    channels: tuple[str, ...],
    out: str | None,
    at: str | None,
    facts: str | None,
    sets: tuple[str, ...],
    progress: bool | None,
) -> None:
    """Render one personalised message per recipient into gateway-ready JSONL files.

    PLAYBOOK is a playbook file or a base path whose locale versions sit beside it
    (it-outage.ru.yaml, it-outage.en.yaml): each recipient gets their locale's version.
    """
    if recipients is None:
        raise CrisisplayError("--recipients is required")
    show = sys.stderr.isatty() if progress is None else progress
    names = [name.strip() for value in channels for name in value.split(",") if name.strip()]
    run_from_cli(playbook, recipients, stage, out, jobs, resume, sms_price, on_error, at, show,
                 facts=facts, sets=sets, channels=names or None, allow_duplicates=allow_duplicates,
                 encoding=recipients_encoding)
