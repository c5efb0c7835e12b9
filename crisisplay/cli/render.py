"""``crisisplay render``: one set of facts in, every channel's message out.

The CLI only parses options, calls :mod:`crisisplay.render` and chooses the output; the
lint step (``--lint``) is composed here so that the render core never imports tone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crisisplay.cli.batch import batch_options
from crisisplay.cli.common import (
    at_option,
    exit_code_for,
    fail_on_option,
    format_option,
    given,
    handle_errors,
    use_color,
)

if TYPE_CHECKING:
    from crisisplay.moments import Moment

EPILOG = """Examples:

\b
  crisisplay render playbooks/it-outage/it-outage.ru.yaml
  crisisplay render it-outage.ru.yaml --stage update --channel sms,telegram
  crisisplay render it-outage.ru.yaml --facts facts.yaml --set next_update_at=14:00
  crisisplay render it-outage.ru.yaml --set services.payments=unavailable --example
  crisisplay render it-outage.ru.yaml --facts facts.yaml --out outbox/
  crisisplay render it-outage.ru.yaml --format json --at 2026-03-15T10:00 --lint
  crisisplay render it-outage.ru.yaml --recipient name=Anna --recipient services=payments

With no --facts and no --set the playbook's embedded examples are rendered, marked as
an example (one warning per example fact). Give your facts with --facts/--set: optional
facts you leave out are left out of the messages. --example fills them from the
playbook's examples on purpose; --out, --recipients and preview refuse example facts
without it. --at sets the render time ("now" in templates; HH:MM means today in the
playbook's zone). --out writes one native file per channel (.txt, .eml, .json, .html,
.md, .ssml) and bundle.json. Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad
input.
"""


def _split_channels(values: tuple[str, ...]) -> list[str] | None:
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    return names or None


def _sibling(path: str, current: str, wanted: str) -> Path | None:
    """``it-outage.ru.yaml`` → ``it-outage.en.yaml`` when ``--locale en`` asks for it."""
    candidate = Path(path)
    marker = f".{current}."
    if marker not in candidate.name:
        return None
    other = candidate.with_name(candidate.name.replace(marker, f".{wanted}.", 1))
    return other if other.is_file() else None


def _lint(result: Any, playbook: Any, out: str | None) -> list[Any]:
    """Tone lint of the rendered texts (crisisplay.tone, imported only when asked for)."""
    from crisisplay.factcheck import truth_for_result
    from crisisplay.tone.api import MessageText, lint_messages

    texts = [
        MessageText(m.channel, m.text, str(Path(out) / m.file) if out else m.file, 1)
        for m in result.messages if m.ok and m.text
    ]
    return list(lint_messages(texts, locale=result.locale, stage_kind=result.stage_kind, playbook=playbook,
                              truth=truth_for_result(result)))


@click.command(epilog=EPILOG)
@click.argument("playbook_path", metavar="PLAYBOOK")
@click.option("--stage", "-s", "stage", metavar="STAGE",
              help="Stage id or kind (default: the first_notice stage, else the first stage).")
@click.option("--channel", "-c", "channels", multiple=True, metavar="NAMES",
              help="Channels to render, comma-separated or repeated (default: all of the stage's).")
@click.option("--facts", "-f", "facts_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Facts as YAML or JSON (a mapping of fact names; optional 'services:' overrides).")
@click.option("--set", "set_options", multiple=True, metavar="KEY=VALUE",
              help="Set one fact (repeatable); services.ID=STATUS overrides a service.")
@click.option("--recipient", "recipient_options", multiple=True, metavar="FIELD=VALUE",
              help="Preview personalised templates for one sample person (repeatable), e.g. name=Anna.")
@click.option("--example", is_flag=True,
              help="Fill facts you did not give from the playbook's examples (messages are marked as examples).")
@click.option("--locale", "-l", metavar="LOCALE",
              help="Render in this locale: the sibling playbook (name.<locale>.yaml) when it exists.")
@click.option("--out", "-o", "out", type=click.Path(file_okay=False), metavar="DIR",
              help="Write native files per channel and bundle.json to DIR.")
@format_option("text", "json", "md")
@at_option("Render time, 'now' in templates (default: now; HH:MM is today in the playbook's zone)")
@click.option("--strict", is_flag=True, help="Consistency gaps (a mandatory fact missing) are errors.")
@click.option("--lint", "lint", is_flag=True, help="Also check tone and cross-channel consistency.")
@fail_on_option()
@batch_options
@click.pass_context
@handle_errors
def render(ctx: click.Context, playbook_path: str, stage: str | None, channels: tuple[str, ...], facts_file: str | None,
           set_options: tuple[str, ...], recipient_options: tuple[str, ...], example: bool,
           locale: str | None, out: str | None,
           output_format: str, at: Moment | None, strict: bool, lint: bool, fail_on: str,
           recipients: str | None, jobs: int, resume: bool, sms_price: float | None, on_error: str,
           allow_duplicates: bool, recipients_encoding: str, progress: bool | None) -> None:
    """Render a stage's messages for every channel from one set of facts.

    Facts are checked against the playbook first (every problem reported at once, at
    its line). Each channel's header shows its figures next to their limits: SMS
    segments and encoding, X's weighted length, seconds of speech, and so on.
    """
    from crisisplay.diagnostics.formatters import format_text
    from crisisplay.moments import resolve_at
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.render.bundle import bundle_json, write_bundle
    from crisisplay.render.fact_set import collect_facts
    from crisisplay.render.output import describe_figures, format_result_markdown, format_result_text
    from crisisplay.render.renderer import Renderer

    if recipients:
        # Mass rendering: one personalised message per recipient (docs/batch.md).
        ignored = [name for name, given in (("--locale", locale),
                   ("--recipient", recipient_options), ("--format", given(ctx, "output_format")), ("--lint", lint),
                   ("--strict", strict)) if given]
        if ignored:
            raise click.UsageError(f"{', '.join(ignored)} cannot be combined with --recipients "
                                   "(locales come from each recipient's row)")
        if not facts_file and not set_options and not example:
            raise click.UsageError("a mass send needs your facts (--facts FILE or --set NAME=VALUE): "
                                   "the playbook's embedded examples are not facts (--example for a rehearsal)")
        from crisisplay.cli.batch import run_recipients

        run_recipients(playbook_path, recipients, out=out, stage=stage, jobs=jobs, resume=resume,
                       sms_price=sms_price, on_error=on_error, at=at, progress=progress, facts=facts_file,
                       sets=set_options, example=example, channels=_split_channels(channels),
                       allow_duplicates=allow_duplicates, encoding=recipients_encoding)
        return
    if out and given(ctx, "output_format"):
        raise click.UsageError("use either --out DIR or --format, not both")
    playbook = load_playbook(playbook_path)
    render_locale = None
    if locale and locale != playbook.locale:
        sibling = _sibling(playbook.path, playbook.locale, locale)
        if sibling is not None:
            playbook = load_playbook(sibling)
        else:
            render_locale = locale
    now = resolve_at(at, playbook_zone(playbook))
    fact_set = collect_facts(playbook, facts_file, set_options, example=example, now=now)
    if out and fact_set.examples and not example:
        raise click.UsageError(
            f"--out would write messages made from the playbook's example facts "
            f"({', '.join(fact_set.examples)}); give your facts with --facts/--set, "
            "or add --example to write them anyway (marked as examples)"
        )
    renderer = Renderer(playbook, locale=render_locale)
    sample = None
    if recipient_options:
        from crisisplay.batch.recipient import sample_recipient

        sample = sample_recipient(recipient_options, playbook)
    result = renderer.render(stage, fact_set.values, _split_channels(channels), at=now, strict=strict,
                             checked=True, recipient=sample, examples=fact_set.examples)
    extra = _lint(result, playbook, out) if lint else []
    diagnostics = result.all_diagnostics() + extra
    color = use_color()
    if out:
        for path in write_bundle(result, out, extra):
            message = next((m for m in result.messages if m.file == path.name), None)
            figures = f"  ({describe_figures(message)})" if message is not None else ""
            click.echo(f"wrote {path}{figures}")
    elif output_format == "json":
        data = json.loads(bundle_json(result, extra))
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif output_format == "md":
        result.diagnostics.extend(extra)
        click.echo(format_result_markdown(result), nl=False)
    else:
        click.echo(format_result_text(result, color=color), nl=False)
    if diagnostics and output_format not in ("json", "md"):
        click.echo(format_text(diagnostics, color=use_color(sys.stderr)), err=True)
    sys.exit(exit_code_for(diagnostics, fail_on))
