"""The root ``crisisplay`` command.

Sub-commands live in their own modules and are imported only when invoked (a lazy
group), so ``crisisplay --help`` does not pay for Jinja2, Babel or pymorphy3.

Exit codes (documented in README): 0 ok, 1 findings at or above ``--fail-on``,
2 usage or input error.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import sys
from typing import Any

import click

from crisisplay import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: command name -> (module, attribute, one-line help shown by ``--help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": ("crisisplay.cli.validate", "validate", "Check playbooks: schema and meaning."),
    "render": ("crisisplay.cli.render", "render", "Render a stage's messages for every channel."),
    "lint": (
        "crisisplay.cli.lint",
        "lint",
        "Check tone and cross-channel consistency of messages.",
    ),
    "checklist": ("crisisplay.cli.checklist", "checklist", "Run a playbook's checklists."),
    "preview": (
        "crisisplay.cli.preview",
        "preview",
        "Write one HTML page to review an announcement.",
    ),
    "metrics": (
        "crisisplay.cli.metrics",
        "metrics",
        "NPS, CSAT, CES, churn and LTV from survey exports.",
    ),
    "serve": ("crisisplay.cli.serve", "serve", "Open the crisis room: the team's checklists in a browser."),
    "new": ("crisisplay.cli.new", "new", "Start a company playbook from a bundled scenario."),
    "rules": (
        "crisisplay.cli.rules",
        "rules",
        "List every rule with its id, severity and meaning.",
    ),
    "schema": ("crisisplay.cli.schema", "schema", "Print the playbook JSON Schema."),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None or not _available(cmd_name):
            return None
        module = importlib.import_module(spec[0])
        command = getattr(module, spec[1])
        assert isinstance(command, click.Command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, with "did you mean 'render'?" for a mistyped command (``rendr``)."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from crisisplay.suggest import close_matches

            # Phrased as click phrases it for sub-commands (``checklist strat``); click cannot
            # see a lazy group's commands itself.
            close = close_matches(name, self.list_commands(ctx), n=3)
            if len(close) == 1:
                ctx.fail(f"No such command {name!r}. (Did you mean {close[0]!r}?)")
            if close:
                ctx.fail(f"No such command {name!r}. (Did you mean one of: {', '.join(map(repr, close))}?)")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Use the static one-liners so that --help imports no sub-command module.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _available(name: str) -> bool:
    spec = COMMANDS[name]
    return importlib.util.find_spec(spec[0]) is not None


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=(
        "Examples:\n\n"
        "  crisisplay validate playbooks/\n\n"
        "  crisisplay render playbooks/it-outage/it-outage.ru.yaml --stage first_notice\n\n"
        "Exit codes: 0 ok, 1 findings, 2 usage or input error. "
        'Shell completion: eval "$(_CRISISPLAY_COMPLETE=bash_source crisisplay)".'
    ),
)
@click.version_option(__version__, "--version", prog_name="crisisplay")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """crisisplay: crisis-communication playbooks you can trust in the first hour."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point (``argv`` None: the process's own arguments, and the
    process ends when the command does)."""
    try:
        return cli.main(args=argv, prog_name="crisisplay")
    finally:
        if argv is None:
            _before_exit()


def _before_exit() -> None:
    """Python's shutdown runs the cyclic collector over every object still alive (modules,
    loaded rule packs, word analyses): ~4 % of a whole warm ``crisisplay lint`` run, measured
    in instructions, for memory the operating system takes back with the process anyway.
    Moving them to the collector's permanent generation leaves that walk nothing to do.
    Nothing is lost: files and the lint cache are written and closed by the commands
    themselves, and objects outside reference cycles are still freed as usual."""
    gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
