"""Human output of a render: text grouped by channel, or Markdown; JSON is the bundle.

Each channel gets a header line with its figures next to their limits, so the CX lead
sees at a glance that the SMS is 2 UCS-2 segments of 3 allowed, or that the X post is
at 231 of 280 weighted characters.
"""

from __future__ import annotations

import re
from typing import Any

import click

from crisisplay.render.channels import get_channel
from crisisplay.render.result import Message, RenderResult

_LIMIT_FIGURES = {
    "max_segments": "segments",
    "max_subject_length": "subject_length",
    "max_title_length": ("title_length", "header_length"),
    "max_seconds": "seconds",
    "max_length": ("weighted_length", "characters"),
}
_SHORT_PARTS = ("subject", "preheader", "title", "header", "footer")


def _limit_for(figure: str, limits: dict[str, int]) -> int | None:
    for key, value in limits.items():
        target = _LIMIT_FIGURES.get(key, key.removeprefix("max_"))
        targets = target if isinstance(target, tuple) else (target,)
        if figure in targets:
            return value
    return None


def _fig(label: str, figure: str, figures: dict[str, Any], limits: dict[str, int], unit: str = "") -> str | None:
    if figure not in figures:
        return None
    value = figures[figure]
    limit = _limit_for(figure, limits)
    shown = f"{value}" + (f"/{limit}" if limit is not None else "") + unit
    return f"{label} {shown}".strip()


def describe_figures(message: Message) -> str:
    """``2 segments UCS-2 (67/part) · 116 characters`` and the like."""
    f, lim = message.figures, message.limits
    items: list[str | None] = []
    if "segments" in f:
        count = _fig("", "segments", f, lim) or ""
        items.append(f"{count} segment(s) {f.get('encoding', '')} ({f.get('per_segment')}/part)")
    items.append(_fig("weighted length", "weighted_length", f, lim))
    items.append(_fig("subject", "subject_length", f, lim, " ch"))
    items.append(_fig("preheader", "preheader_length", f, lim, " ch") if f.get("preheader_length") else None)
    items.append(_fig("title", "title_length", f, lim, " ch"))
    items.append(_fig("header", "header_length", f, lim, " ch") if f.get("header_length") else None)
    items.append(_fig("~", "seconds", f, lim, " s"))
    if "characters" in f:
        shown = _fig("", "characters", {"characters": f["characters"]},
                     {} if "weighted_length" in f else lim, " characters")
        items.append(shown.strip() if shown else None)
    items.append(_fig("payload", "payload_bytes", f, lim, " B"))
    items.append(_fig("HTML", "html_bytes", f, lim, " B"))
    if "parse_mode" in f:
        items.append(f"parse_mode {f['parse_mode']}")
    return " · ".join(item.strip() for item in items if item)


def display_text(message: Message) -> str:
    """What to show for a message: short parts labelled, then the body."""
    if message.channel == "contact_center" and isinstance(message.native, str):
        return message.native.rstrip("\n")
    channel = get_channel(message.channel)
    short = [p for p in channel.parts if p in _SHORT_PARTS and message.parts.get(p)]
    if not short:
        return message.text
    lines = [f"{part.capitalize()}: {message.parts[part]}" for part in short]
    body = next((message.parts[p] for p in ("body", "say") if message.parts.get(p)), "")
    if channel.name == "voice" or channel.spoken:
        body = message.text
    return "\n".join(lines) + ("\n\n" + body if body else "")


def _status(message: Message, color: bool) -> str:
    if message.ok:
        return ""
    return click.style(" ✗ not sendable", fg="red", bold=True) if color else " ✗ not sendable"


def example_banner(result: RenderResult) -> str:
    """The line that marks messages made from the playbook's examples."""
    return (f"EXAMPLE — not for sending: {', '.join(result.example_facts)} "
            f"{'is' if len(result.example_facts) == 1 else 'are'} the playbook's example values, not your facts")


def format_result_text(result: RenderResult, *, color: bool = False) -> str:
    title = f"{result.playbook_title} ({result.playbook_id}) · stage {result.stage_id} ({result.stage_kind})" \
            f" · {result.locale} · at {result.generated_at.isoformat(timespec='minutes')}"
    out = [click.style(title, bold=True) if color else title]
    if result.is_example:
        banner = example_banner(result)
        out.append(click.style(banner, fg="yellow", bold=True) if color else banner)
    for message in result.messages:
        header = f"── {message.channel} · {describe_figures(message)} ──"
        out.append("")
        out.append((click.style(header, fg="cyan", bold=True) if color else header) + _status(message, color))
        out.append(display_text(message))
    return "\n".join(out) + "\n"


def format_result_markdown(result: RenderResult) -> str:
    """The render as Markdown: each message in a fence longer than any backtick run in it,
    everything outside fences with HTML escaped (renderers pass raw HTML through)."""
    from crisisplay.render.channels.markdown import escape_html as md

    out = [f"# {md(result.playbook_title)}: {md(result.stage_id)}", "",
           f"Playbook `{result.playbook_id}` · stage kind `{result.stage_kind}` · locale `{result.locale}` · "
           f"rendered for {result.generated_at.isoformat(timespec='minutes')}"]
    if result.is_example:
        out += ["", f"> **{example_banner(result)}**"]
    for message in result.messages:
        shown = display_text(message)
        fence = "`" * max(4, 1 + max((len(run) for run in re.findall(r"`+", shown)), default=0))
        out += ["", f"## {md(message.title or message.channel)} (`{message.channel}`)", "",
                f"*{describe_figures(message)}*" + ("" if message.ok else " — **not sendable**"), "",
                f"{fence}text", shown, fence]
    diagnostics = result.all_diagnostics()
    if diagnostics:
        out += ["", "## Findings", ""]
        for diag in diagnostics:
            where = f"`{diag.location}` " if diag.location else ""
            out.append(f"- **{diag.severity.label}** {diag.rule} {where}{md(diag.message)}")
    return "\n".join(out) + "\n"
