"""``crisisplay rules``: every rule with its id, severity and meaning, from the one registry."""

from __future__ import annotations

import json

import click

from crisisplay.cli.common import handle_errors


@click.command(
    epilog="Examples:\n\n  crisisplay rules\n\n  crisisplay rules --format json\n\n  crisisplay rules --doc CP131\n\n"
    "  crisisplay rules --lang ru --doc CP313\n\n  crisisplay rules --format md > docs/rules.md"
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="text: one line per rule; json: every card with its examples; md: the full reference (docs/rules.md).",
)
@click.option("--doc", "doc_id", metavar="RULE", help="Show one rule in full: why it matters, and its examples.")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True,
              help="Language of the descriptions (the messages of findings follow the text).")
@handle_errors
def rules(output_format: str, doc_id: str | None, lang: str) -> None:
    """List every rule: id, severity, category and a one-line explanation."""
    from crisisplay.rulebook import document
    from crisisplay.rulebook.registry import all_cards, card

    if doc_id:
        try:
            found = card(doc_id.strip())
        except KeyError:
            raise _unknown(doc_id) from None
        click.echo(document.rule_text(found, lang))
        return
    cards = all_cards()
    if output_format == "json":
        click.echo(json.dumps([document.rule_json(c, lang) for c in cards], ensure_ascii=False, indent=2))
        return
    if output_format == "md":
        click.echo(document.reference(lang), nl=False)
        return
    width = max((len(c.id) for c in cards), default=5)
    for c in cards:
        click.echo(f"{c.id:<{width}}  {c.severity.label:<7}  {c.category:<22}  {c.summary_in(lang)}")


def _unknown(rule_id: str) -> Exception:
    """Exit 2 with the closest ids (the CLI's own messages are in English, like every error)."""
    from crisisplay.errors import CrisisplayError
    from crisisplay.rulebook.registry import all_cards
    from crisisplay.suggest import did_you_mean

    return CrisisplayError(f"unknown rule {rule_id!r}" + did_you_mean(rule_id, [c.id for c in all_cards()], n=3),
                           hint="crisisplay rules lists them all")
