"""The root ``crisisplay`` command.

Sub-commands live in their own modules and are imported only when invoked (a lazy
group), so ``crisisplay --help`` does not pay for Jinja2, Babel or pymorphy3. The group
itself (:mod:`crisisplay.cli.group`, ``cli`` here) is imported on first use: a plain
``crisisplay lint PATHS`` runs without click (see :func:`main`).

Exit codes (documented in README): 0 ok, 1 findings at or above ``--fail-on``,
2 usage or input error.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

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


def __getattr__(name: str) -> Any:
    """``cli`` and ``LazyGroup``, from :mod:`crisisplay.cli.group` (imported on first use)."""
    if name in ("cli", "LazyGroup"):
        from crisisplay.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point (``argv`` None: the process's own arguments, and the
    process ends when the command does)."""
    try:
        args = sys.argv[1:] if argv is None else list(argv)
        if _plain_lint(args):
            from crisisplay.cli.lint_run import run_plain

            return run_plain(tuple(args[1:]))
        from crisisplay.cli.group import cli

        return cli.main(args=argv, prog_name="crisisplay")
    finally:
        if argv is None:
            _before_exit()


def _plain_lint(args: list[str]) -> bool:
    """``crisisplay lint PATHS`` with no option: every option at its default, nothing for click
    to parse (click passes paths that it need not refuse on unchanged), so the command runs without importing
    click, which costs a warm lint of a rendered outbox ~7 % of its instructions. Not with
    shell completion asked for (click answers that) nor on Windows (click expands wildcards
    there)."""
    if not (len(args) > 1 and args[0] == "lint" and not any(arg.startswith("-") for arg in args[1:])
            and os.name != "nt" and "_CRISISPLAY_COMPLETE" not in os.environ):
        return False
    return all(map(_readable_or_absent, args[1:]))


def _readable_or_absent(path: str) -> bool:
    """What click's ``Path(allow_dash=True)`` accepts unchanged: a path that does not exist, or
    one the process may read (click itself says "… is not readable", or fails, otherwise)."""
    try:
        os.stat(path)
    except OSError:
        return True
    except ValueError:  # a NUL in the name: click's own answer
        return False
    return os.access(path, os.R_OK)


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
