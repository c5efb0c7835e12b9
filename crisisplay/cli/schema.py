"""``crisisplay schema``: print the playbook JSON Schema for editors and CI."""

from __future__ import annotations

import click

from crisisplay.cli.common import handle_errors


@click.command(epilog="Example:\n\n  crisisplay schema > playbook.schema.json")
@handle_errors
def schema() -> None:
    """Print the playbook JSON Schema (draft 2020-12).

    Bundled playbooks carry '# yaml-language-server: $schema=...' so editors with the
    YAML language server complete and check them.
    """
    from crisisplay.playbook.schema import schema_text

    click.echo(schema_text(), nl=False)
