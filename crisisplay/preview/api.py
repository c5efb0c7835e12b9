"""The preview pipeline: playbook and facts in, one reviewed HTML page out.

>>> from crisisplay.preview.api import preview_playbook, write_preview
>>> result = preview_playbook("playbooks/it-outage/it-outage.ru.yaml", stage="update")
>>> write_preview(result.html, "preview.html")  # doctest: +SKIP

Render (``crisisplay.render``) produces the messages; tone lint (``crisisplay.tone``)
finds the spans to highlight and the cross-channel contradictions; ``--diff`` compares
with a previous ``bundle.json``. The core never prints: the CLI reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic
from crisisplay.errors import CrisisplayError
from crisisplay.fsutil import write_text_atomic
from crisisplay.moments import Moment, resolve_at
from crisisplay.preview.assemble import PreviewInput, assemble
from crisisplay.preview.bundle import Bundle, bundle_from_dict, load_bundle, message_from_dict
from crisisplay.preview.model import PreviewPage
from crisisplay.preview.page import render_page
from crisisplay.preview.service_changes import ServiceInfo

#: Fact names that name the sender a medium shows (in order of preference).
SENDER_FACTS: dict[str, tuple[str, ...]] = {
    "push": ("app_name", "company"),
    "website_banner": ("website",),
}


@dataclass(frozen=True)
class PreviewResult:
    """The page's HTML and the data it was made from (for a summary or tests)."""

    html: str
    page: PreviewPage
    bundle: Bundle
    diagnostics: tuple[Diagnostic, ...] = ()


def bundle_from_result(result: Any) -> Bundle:
    """A :class:`Bundle` from a render ``RenderResult``, keeping which channel each finding is about."""
    data = result.to_bundle()
    base = bundle_from_dict(data, result.playbook_path)
    owners = {d: m.channel for m in result.messages for d in m.diagnostics}
    return Bundle(
        messages=tuple(message_from_dict(m) for m in data["messages"]),
        playbook=base.playbook, stage=base.stage, generated_at=base.generated_at, facts=base.facts,
        diagnostics=tuple(result.all_diagnostics()), owners=owners, example_facts=tuple(result.example_facts),
    )


def lint_bundle(bundle: Bundle, playbook: Any = None, result: Any = None) -> list[Diagnostic]:
    """Tone lint of every message with text, as one set (the tone checker is imported here, lazily).

    With the render ``result`` the messages' claims are also checked against its facts.
    """
    from crisisplay.tone.api import MessageText, lint_messages

    truth = None
    if result is not None:
        from crisisplay.factcheck import truth_for_result

        truth = truth_for_result(result)
    texts = [MessageText(m.channel, m.text, m.file or m.channel, 1) for m in bundle.messages if m.text.strip()]
    found = lint_messages(texts, locale=bundle.locale, stage_kind=str(bundle.stage.get("kind") or "") or None,
                          playbook=playbook, truth=truth)
    return list(found)


def _senders(playbook: Any, facts: dict[str, Any], channels: Sequence[str]) -> dict[str, str]:
    senders: dict[str, str] = {}
    for channel in channels:
        config = playbook.channels.get(channel) if playbook is not None else None
        option = config.options.get("sender") if config is not None else None
        if isinstance(option, str) and option and channel in ("sms", "email"):
            senders[channel] = option
            continue
        for name in SENDER_FACTS.get(channel, ("company",)):
            value = facts.get(name)
            if isinstance(value, str) and value:
                senders[channel] = value
                break
    return senders


def _status_label(kind: str, locale: str) -> str:
    try:
        from crisisplay.render.channels.status_page import STAGE_LABELS
    except ImportError:  # pragma: no cover
        return kind
    labels = STAGE_LABELS.get(locale.replace("-", "_").split("_")[0], STAGE_LABELS["en"])
    return labels.get(kind, kind)


def preview_playbook(
    playbook_path: str | Path,
    *,
    stage: str | None = None,
    facts_file: str | Path | None = None,
    set_options: Sequence[str] = (),
    at: str | datetime | Moment | None = None,
    previous: str | Path | Bundle | None = None,
    lint: bool = True,
    example: bool = False,
) -> PreviewResult:
    """Render ``stage`` of a playbook with the given facts and build its preview page."""
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.playbook.rules.templates import optional_for_stage
    from crisisplay.render.fact_set import collect_facts
    from crisisplay.render.renderer import Renderer
    from crisisplay.render.stages import find_stage

    playbook = load_playbook(playbook_path)
    zone = playbook_zone(playbook)
    now = resolve_at(at, zone)
    old = load_bundle(previous) if isinstance(previous, (str, Path)) else previous
    fact_set = collect_facts(playbook, facts_file, tuple(set_options), example=example, now=now)
    if fact_set.examples and not example:
        raise CrisisplayError(
            f"the preview would show the playbook's example facts ({', '.join(fact_set.examples)}) as if they "
            "were real; give your facts with --facts/--set, or add --example (the page is then marked)"
        )
    chosen = find_stage(playbook, stage)
    renderer = Renderer(playbook)
    result = renderer.render(chosen, fact_set.values, at=now, checked=True, examples=fact_set.examples)
    bundle = bundle_from_result(result)
    found = lint_bundle(bundle, playbook, result) if lint else None
    formatter = renderer.engine.filters()
    channels = [m.channel for m in bundle.messages]
    mandatory = {
        channel: tuple(f for f in playbook.mandatory_facts_for(channel, chosen)
                       if not optional_for_stage(f, chosen.kind, playbook))
        for channel in channels
    }
    generated = result.generated_at
    page = assemble(PreviewInput(
        bundle=bundle, lint=found, mandatory=mandatory,
        fact_types={name: spec.type for name, spec in playbook.facts.items()},
        previous=old, zone=zone, formatter=formatter, stage_title=chosen.title or chosen.id,
        senders=_senders(playbook, bundle.facts, channels),
        options={name: config.options for name, config in playbook.channels.items()},
        generated_label=formatter.datetime(generated),
        status_label=_status_label(chosen.kind, result.locale),
        services=tuple(ServiceInfo(s.id, s.name, s.status, s.alternative) for s in playbook.services),
    ))
    return PreviewResult(render_page(page), page, bundle, (*bundle.diagnostics, *(found or ())))


def preview_bundle(bundle: Bundle, *, lint: Sequence[Diagnostic] | None = None,
                   previous: Bundle | None = None, mandatory: dict[str, tuple[str, ...]] | None = None,
                   ) -> PreviewResult:
    """A page for a bundle already rendered (no playbook needed; facts compared as given)."""
    page = assemble(PreviewInput(bundle=bundle, lint=lint, previous=previous, mandatory=mandatory or {},
                                 status_label=_status_label(str(bundle.stage.get("kind", "")), bundle.locale)))
    return PreviewResult(render_page(page), page, bundle, (*bundle.diagnostics, *(lint or ())))


def write_preview(html: str, out: str | Path) -> Path:
    """Write the page atomically (a reader never sees half a page); return its path."""
    target = Path(out)
    if target.is_dir():
        raise CrisisplayError("--out is a directory; give a file name such as preview.html",
                              hint=str(target))
    write_text_atomic(target, html)
    return target
