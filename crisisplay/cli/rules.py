"""``crisisplay rules``: every rule with its id, severity and meaning."""

from __future__ import annotations

import importlib
import json

import click

from crisisplay.cli.common import handle_errors
from crisisplay.diagnostics.model import RuleInfo

#: Where each family keeps its RULES tuple (see docs/CONTRACTS.md).
RULE_SOURCES = (
    ("crisisplay.playbook.rules", "validate"),
    ("crisisplay.render.rules", "render"),
    ("crisisplay.tone.rules", "lint"),
)


def collect_rules(lang: str = "en") -> list[RuleInfo]:
    """Every rule; lint's described in ``lang`` (the other families speak English)."""
    rules: list[RuleInfo] = []
    for module_name, _tool in RULE_SOURCES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        localized = getattr(module, "rules_for", None)
        rules.extend(localized(lang) if localized is not None else getattr(module, "RULES", ()))
    return rules


@click.command(
    epilog="Examples:\n\n  crisisplay rules\n\n  crisisplay rules --format json\n\n  crisisplay rules --doc CP131\n\n"
    "  crisisplay rules --lang ru --doc CP313"
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
)
@click.option("--doc", "doc_id", metavar="RULE", help="Show the full documentation of one rule.")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True,
              help="Language of the lint rules' descriptions (the messages of findings follow the text).")
@handle_errors
def rules(output_format: str, doc_id: str | None, lang: str) -> None:
    """List every rule: id, severity, category and a one-line explanation."""
    from crisisplay.errors import CrisisplayError

    infos = collect_rules(lang)
    if doc_id:
        match = [r for r in infos if r.id.lower() == doc_id.lower()]
        if not match:
            import difflib

            close = difflib.get_close_matches(doc_id, [r.id for r in infos], n=3)
            raise CrisisplayError(
                f"unknown rule {doc_id!r}" + (f"; near: {', '.join(close)}" if close else "")
            )
        info = match[0]
        click.echo(
            f"{info.id} {info.name} ({info.severity.label}, {info.category}, {info.tool})\n\n{info.doc or info.summary}"
        )
        return
    if output_format == "json":
        data = [
            {
                "id": r.id,
                "name": r.name,
                "severity": r.severity.label,
                "category": r.category,
                "tool": r.tool,
                "summary": r.summary,
                "doc": r.doc,
            }
            for r in infos
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if output_format == "md":
        click.echo(
            "| id | name | severity | category | tool | meaning |\n|---|---|---|---|---|---|"
        )
        for r in infos:
            click.echo(
                f"| {r.id} | {r.name} | {r.severity.label} | {r.category} | {r.tool} | {r.summary} |"
            )
        return
    width = max((len(r.id) for r in infos), default=5)
    for r in infos:
        click.echo(f"{r.id:<{width}}  {r.severity.label:<7}  {r.category:<22}  {r.summary}")
