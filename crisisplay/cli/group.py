"""The root ``crisisplay`` click group (:mod:`crisisplay.cli.main` imports it when a command
needs click: every one but a plain ``crisisplay lint PATHS``)."""

from __future__ import annotations

import importlib
import importlib.util

import click

from crisisplay import __version__
from crisisplay.cli.main import COMMANDS


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
