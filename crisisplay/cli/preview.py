"""``crisisplay preview``: render a stage and write one HTML page to review it.

The CLI parses options, calls :mod:`crisisplay.preview.api` and reports what it wrote;
the page itself says everything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crisisplay.cli.common import at_option, exit_code_for, fail_on_option, handle_errors

if TYPE_CHECKING:
    from crisisplay.moments import Moment

EPILOG = """Examples:

\b
  crisisplay preview playbooks/it-outage/it-outage.ru.yaml --open
  crisisplay preview it-outage.ru.yaml --stage update --facts facts.yaml --out update.html
  crisisplay preview it-outage.ru.yaml --stage update --diff outbox/bundle.json
  crisisplay preview it-outage.ru.yaml --set next_update_at=15:00 --at 2026-03-15T12:00

The page is self-contained (inline CSS, no scripts, no network requests): open it from
disk, mail it, print it. --diff compares with the bundle.json that
'crisisplay render --out DIR' wrote for the previous update.
Exit codes: 0 written, 1 findings at or above --fail-on (default never), 2 bad input.
"""


@click.command(epilog=EPILOG)
@click.argument("playbook_path", metavar="PLAYBOOK")
@click.option("--stage", "-s", "stage", metavar="STAGE",
              help="Stage id or kind (default: the first_notice stage, else the first stage).")
@click.option("--facts", "-f", "facts_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Facts as YAML or JSON (without it the playbook's examples, with --example).")
@click.option("--set", "set_options", multiple=True, metavar="KEY=VALUE",
              help="Set one fact (repeatable); services.ID=STATUS overrides a service.")
@click.option("--example", is_flag=True,
              help="Allow the playbook's example facts (filling what you did not give); the page is marked.")
@at_option("Render time, 'now' in templates (default: now; HH:MM is today in the playbook's zone)")
@click.option("--out", "-o", "out", default="preview.html", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Where to write the page ('-' for standard output).")
@click.option("--diff", "previous", type=click.Path(), metavar="PREVIOUS_BUNDLE",
              help="Show what changed since this bundle.json (or the directory holding it).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option("--no-lint", is_flag=True, help="Skip tone lint (render findings only).")
@fail_on_option("never")
@handle_errors
def preview(playbook_path: str, stage: str | None, facts_file: str | None, set_options: tuple[str, ...],
            example: bool, at: Moment | None, out: str, previous: str | None, open_page: bool,
            no_lint: bool, fail_on: str) -> None:
    """Write one HTML page that shows every channel's message as customers will see it.

    Each card is drawn like its medium (SMS bubble with segments and encoding, e-mail
    with subject and preheader, push, banner, posts, agent and voice scripts), with
    its figures against their limits and lint findings marked on the exact words. A
    table compares the mandatory facts across channels; --diff shows what changed.
    """
    from crisisplay.preview.api import preview_playbook, write_preview

    result = preview_playbook(
        playbook_path, stage=stage, facts_file=facts_file, set_options=set_options, at=at,
        previous=previous, lint=not no_lint, example=example,
    )
    summary = result.page.summary
    line = (
        f"{summary.channels} channel(s): {summary.ok} ok, {len(summary.over_limit)} over limit, "
        f"{len(summary.inconsistent_facts)} inconsistent fact(s); {summary.errors} error(s), "
        f"{summary.warning_count} warning(s), {summary.infos} note(s)"
    )
    if out == "-":
        click.echo(result.html, nl=False)
        click.echo(line, err=True)
    else:
        path = write_preview(result.html, out)
        click.echo(f"wrote {path}: {line}")
        if open_page:
            click.launch(Path(path).resolve().as_uri())
    sys.exit(exit_code_for(result.diagnostics, fail_on))
