"""Assemble the page: a bundle, its findings and the previous bundle become a PreviewPage.

Pure: no files, no rendering, no printing. Findings are numbered once across the page,
in channel order, so that a number in a <mark>, in a card's list and in the fact table
all point at the same finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from typing import Any

from crisisplay.diagnostics.model import CATEGORIES, Diagnostic, Location, unique
from crisisplay.preview.bundle import Bundle, BundleMessage
from crisisplay.preview.channels import (
    MEDIUM_PARTS,
    ChannelInfo,
    channel_info,
    counter_line,
    figure_rows,
    shown_parts,
)
from crisisplay.preview.diff import diff_bundles
from crisisplay.preview.fact_table import build_table
from crisisplay.preview.highlight import Span, locate, pieces, positions_in_message
from crisisplay.preview.labels import labels_for, number_for, part_label
from crisisplay.preview.model import (
    ChannelCard,
    FactTable,
    FindingView,
    PartView,
    Piece,
    PreviewPage,
    Summary,
)
from crisisplay.preview.service_changes import ServiceInfo

_MARKERS_RE = re.compile("\ue000[^\ue001]*\ue001[^\ue001]*\ue001([^\ue002]*)\ue002")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_CHANNEL_RE = re.compile(r"\bchannel '([a-z][a-z0-9_]*)'")


@dataclass(frozen=True)
class PreviewInput:
    """Everything the page is made from. Only ``bundle`` is required."""

    bundle: Bundle
    lint: Sequence[Diagnostic] | None = None  # None: lint was not run (--no-lint)
    mandatory: Mapping[str, Sequence[str]] = field(default_factory=dict)
    fact_types: Mapping[str, str] = field(default_factory=dict)
    previous: Bundle | None = None
    zone: tzinfo | None = None
    formatter: Any = None  # render Filters for the playbook locale: how facts read in text
    stage_title: str = ""
    senders: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # channel -> playbook options
    generated_label: str = ""
    status_label: str = ""
    #: the playbook's services: the "before" of a service a bundle did not override (--diff)
    services: Sequence[ServiceInfo] = ()


@dataclass
class _Placed:
    diag: Diagnostic
    channel: str
    spans: list[tuple[str, int, int]]  # (channel, start, end) in that channel's text
    order: tuple[int, int, str]


def plain(text: str) -> str:
    """Spoken markers replaced by what they display."""
    return _MARKERS_RE.sub(lambda m: m.group(1), text) if "\ue000" in text else text


def _channel_of(diag: Diagnostic, bundle: Bundle, files: Mapping[str, str]) -> str:
    """The channel a finding is about: the renderer's word, the file, or its message."""
    channels = [m.channel for m in bundle.messages]
    owner = bundle.owners.get(diag)
    if owner in channels:
        return str(owner)
    if diag.location is not None and diag.location.file in files:
        return files[diag.location.file]
    head = diag.message.split(":", 1)[0].strip()
    if head in channels:
        return head
    named = _CHANNEL_RE.search(diag.message)
    return named.group(1) if named and named.group(1) in channels else ""


def _in_text(loc: Location | None, files: Mapping[str, str]) -> bool:
    return loc is not None and loc.file in files


def _place(diag: Diagnostic, channel: str, bundle: Bundle, files: Mapping[str, str]) -> list[tuple[str, int, int]]:
    message = bundle.message(channel)
    if message is None:
        return []
    text = message.text
    spans: list[tuple[str, int, int]] = []
    if _in_text(diag.location, files):
        where = locate(diag, text)
        if where is not None:
            spans.append((channel, *where))
    else:
        listed = positions_in_message(diag, text)
        if listed:
            spans += [(channel, s, e) for s, e in listed]
        elif diag.span:
            where = locate(Diagnostic(diag.rule, diag.severity, diag.category, diag.message,
                                      span=diag.span), text)
            if where is not None:
                spans.append((channel, *where))
    for related in diag.related:
        other = files.get(related.file)
        other_message = bundle.message(other) if other else None
        if other and other_message is not None and related.line > 0:
            where = locate(diag, other_message.text, related)
            if where is not None:
                spans.append((other, *where))
    return spans


def number_findings(
    bundle: Bundle, diags: Sequence[Diagnostic]
) -> tuple[list[FindingView], list[tuple[str, Span]]]:
    """Number findings in channel order; return them and their spans per channel."""
    channels = [m.channel for m in bundle.messages]
    files = {m.file: m.channel for m in bundle.messages if m.file}
    files.update({m.channel: m.channel for m in bundle.messages})
    placed = []
    for index, diag in enumerate(unique(diags)):
        channel = _channel_of(diag, bundle, files)
        spans = _place(diag, channel, bundle, files) if channel else []
        first = min((s for c, s, _ in spans if c == channel), default=1 << 30)
        rank = channels.index(channel) if channel in channels else len(channels)
        placed.append(_Placed(diag, channel, spans, (rank, first, f"{index:06d}")))
    placed.sort(key=lambda p: p.order)
    findings: list[FindingView] = []
    spans_out: list[tuple[str, Span]] = []
    for number, item in enumerate(placed, start=1):
        diag = item.diag
        findings.append(FindingView(
            number=number, rule=diag.rule, severity=diag.severity.label, category=diag.category,
            category_help=CATEGORIES.get(diag.category, ""), message=diag.message, fix=diag.fix,
            span=diag.span, channel=item.channel, source=diag.source, located=bool(item.spans),
        ))
        spans_out += [(c, Span(number, s, e, diag.severity.label)) for c, s, e in item.spans]
    return findings, spans_out


def _locate_parts(message: BundleMessage, names: Sequence[str]) -> dict[str, tuple[int, int] | None]:
    """Where each part's text sits in the message text (parts are joined into it)."""
    text = message.text
    cursor = 0
    ranges: dict[str, tuple[int, int] | None] = {}
    for name in names:
        raw = message.parts[name]
        candidates = [raw, raw.strip(), " ".join(raw.split()), plain(raw).strip()]
        if _TAG_RE.search(raw):
            from crisisplay.render.channels.html import html_to_text

            candidates.append(html_to_text(raw))  # an HTML part: the text holds what it shows
        ranges[name] = None
        for candidate in candidates:
            index = text.find(candidate, cursor) if candidate else -1
            if index >= 0:
                ranges[name] = (index, index + len(candidate))
                cursor = index + len(candidate)
                break
    return ranges


def _card(message: BundleMessage, info: ChannelInfo, findings: list[FindingView], spans: list[Span],
          labels: Mapping[str, str], opened: set[int], sender: str, locale: str) -> ChannelCard:
    names = shown_parts(message, info) or ["body"]
    parts_source = message.parts if any(n in message.parts for n in names) else {"body": message.text}
    probe = BundleMessage(message.channel, message.text, dict(parts_source))
    ranges = _locate_parts(probe, [n for n in names if n in parts_source])
    parts: dict[str, PartView] = {}
    marked: set[int] = set()
    for name, where in ranges.items():
        if where is None:
            raw = plain(parts_source[name])
            if _TAG_RE.search(raw):
                from crisisplay.render.channels.html import html_to_text

                raw = html_to_text(raw)
            text_pieces: tuple[Piece, ...] = (Piece(raw),)
        else:
            text_pieces = pieces(message.text, spans, where[0], where[1], opened)
            marked.update(n for p in text_pieces for n in p.marks)
        parts[name] = PartView(name, part_label(dict(labels), name), text_pieces)
    own = [f if f.number in marked or not f.located else _unlocated(f) for f in findings]
    rows = figure_rows(message, info, labels, number_for(locale))
    state = "ok"
    if any(f.severity == "warning" for f in own):
        state = "warning"
    if any(f.severity == "error" for f in own):
        state = "error"
    if any(r.state == "over" for r in rows) or (not message.ok and state != "error"):
        state = "over" if any(r.state == "over" for r in rows) else "error"
    placed = MEDIUM_PARTS.get(info.medium, frozenset())
    extra = [part for name, part in parts.items() if name not in placed]
    return ChannelCard(message.channel, info.title, info.medium, parts, rows, own, state,
                       sender=sender, file=message.file, extra_parts=extra,
                       raw_figures=dict(message.figures),
                       counters=counter_line(message, info.medium, locale, labels))


def _unlocated(finding: FindingView) -> FindingView:
    """A finding placed in a part the card cannot draw highlighted: listed, not marked."""
    return FindingView(finding.number, finding.rule, finding.severity, finding.category,
                       finding.category_help, finding.message, finding.fix, finding.span,
                       finding.channel, finding.source, located=False)


def _summary(cards: Sequence[ChannelCard], findings: Sequence[FindingView], facts: FactTable) -> Summary:
    return Summary(
        channels=len(cards),
        ok=sum(1 for c in cards if c.state == "ok"),
        over_limit=tuple(c.channel for c in cards if c.state == "over"),
        warnings=tuple(c.channel for c in cards if c.state == "warning"),
        inconsistent_facts=facts.inconsistent,
        errors=sum(1 for f in findings if f.severity == "error"),
        warning_count=sum(1 for f in findings if f.severity == "warning"),
        infos=sum(1 for f in findings if f.severity == "info"),
    )


def assemble(data: PreviewInput) -> PreviewPage:
    bundle = data.bundle
    labels = labels_for(bundle.locale)
    infos = {m.channel: _titled(channel_info(m.channel), labels) for m in bundle.messages}
    diags = [*bundle.diagnostics, *(data.lint or ())]
    findings, spans = number_findings(bundle, diags)
    opened: set[int] = set()
    cards = []
    for message in bundle.messages:
        own_spans = [s for c, s in spans if c == message.channel]
        own = [f for f in findings if f.channel == message.channel]
        card = _card(message, infos[message.channel], own, own_spans, labels, opened,
                     data.senders.get(message.channel, ""), bundle.locale)
        card.options = dict(data.options.get(message.channel, {}))
        cards.append(card)
    located = {f.number: f for card in cards for f in card.findings}
    findings = [located.get(f.number, f) for f in findings]
    titles = {name: info.title for name, info in infos.items()}
    facts = build_table(
        bundle.messages, bundle.facts, data.mandatory, types=data.fact_types, titles=titles,
        lang=bundle.locale.replace("-", "_").split("_")[0], locale=bundle.locale, zone=data.zone,
        formatter=data.formatter, findings=findings,
    )
    stage_id = str(bundle.stage.get("id", ""))
    stage_title = data.stage_title or stage_id
    playbook_title = str(bundle.playbook.get("title") or bundle.playbook.get("id") or "")
    return PreviewPage(
        lang=bundle.locale.replace("_", "-"),
        title=f"{labels['preview']}: {playbook_title} — {stage_title}".strip(" —:"),
        playbook_id=str(bundle.playbook.get("id", "")),
        playbook_title=playbook_title,
        stage_id=stage_id,
        stage_kind=str(bundle.stage.get("kind", "")),
        stage_title=stage_title,
        generated_at=bundle.generated_at,
        cards=cards,
        summary=_summary(cards, findings, facts),
        facts=facts,
        general_findings=[f for f in findings if not f.channel],
        diff=diff_bundles(data.previous, bundle, titles, labels=labels, services=data.services)
        if data.previous is not None else None,
        generated_label=data.generated_label or bundle.generated_at.replace("T", " ")[:16],
        clock=_clock_time(bundle.generated_at),
        status_label=data.status_label or str(bundle.stage.get("kind", "")),
        example_facts=bundle.example_facts,
    )


def _titled(info: ChannelInfo, labels: Mapping[str, str]) -> ChannelInfo:
    title = labels.get(f"channel_{info.name}")
    return replace(info, title=title) if title else info


def _clock_time(stamp: str) -> str:
    match = re.search(r"T(\d{2}:\d{2})", stamp)
    return match.group(1) if match else ""
