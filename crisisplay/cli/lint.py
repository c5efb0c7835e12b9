"""``crisisplay lint``: tone and cross-channel consistency of crisis messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from crisisplay.cli.common import FORMAT_CHOICES, at_option, fail_on_option, format_option, handle_errors
from crisisplay.cli.lint_run import STAGE_KINDS, resolve_stage, run_lint

if TYPE_CHECKING:
    from crisisplay.moments import Moment

__all__ = ["STAGE_KINDS", "lint", "resolve_stage"]

@click.command(
    epilog=(
        "Examples:\n\n"
        "  crisisplay lint sms.txt email.eml --stage first_notice\n\n"
        "  crisisplay lint out/ --playbook playbooks/it-outage/it-outage.ru.yaml --format sarif > lint.sarif\n\n"
        "  echo 'ПАНИКА! Всё пропало' | crisisplay lint - --lang ru\n\n"
        "  crisisplay lint notice.md --fix\n\n"
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or unreadable input."
    )
)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--playbook", "playbook_path", metavar="P",
              help="Playbook whose tone section, services and stages apply.")
@click.option("--stage", metavar="STAGE",
              help="Stage id of the playbook, or a kind: first_notice, update, resolution, follow_up.")
@click.option("--lang", type=click.Choice(["ru", "en", "auto"]), default="auto", show_default=True,
              help="Language of the messages (auto: playbook, bundle, then detected per message).")
@click.option("--channel", metavar="NAME", help="Channel name for a single file or stdin (default: file name).")
@click.option("--pack", "pack_paths", multiple=True, metavar="FILE", help="Extra rule pack (YAML); repeatable.")
@click.option("--disable", multiple=True, metavar="RULE", help="Leave out a rule id; repeatable.")
@click.option("--no-consistency", is_flag=True, help="Lint each message alone (no cross-channel checks).")
@at_option("When the messages go out, in the --playbook's zone (default: a bundle's generated_at); "
           "«через 2 часа» is counted from it")
@click.option("--fix", is_flag=True, help="Apply safe substitutions in place and print the diff.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the diff --fix would apply; write nothing.")
@format_option(*FORMAT_CHOICES)
@fail_on_option()
@handle_errors
def lint(
    paths: tuple[str, ...], playbook_path: str | None, stage: str | None, lang: str, channel: str | None,
    pack_paths: tuple[str, ...], disable: tuple[str, ...], no_consistency: bool, at: Moment | None, fix: bool,
    show_diff: bool, output_format: str, fail_on: str,
) -> None:
    """Check tone, required elements and cross-channel consistency of crisis messages.

    PATHS are text, Markdown, HTML/SSML, .eml or JSON files, a render bundle.json, or a
    directory of per-channel files (render --out); '-' reads stdin. All inputs of one run
    are one set of messages meant to go out together.
    """
    run_lint(paths, playbook_path, stage, lang, channel, pack_paths, disable, no_consistency, at, fix, show_diff,
             output_format, fail_on)
