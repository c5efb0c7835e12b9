"""``crisisplay lint`` itself, without click: the command (:mod:`crisisplay.cli.lint`) parses its
options with click, and a plain ``crisisplay lint PATHS`` runs this directly
(:func:`crisisplay.cli.main.main`; click is imported only for what needs it, see
:mod:`crisisplay.cli.output`)."""

from __future__ import annotations

import gc
import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from crisisplay.cli.output import echo, exit_code_for, use_color
from crisisplay.errors import CrisisplayError

if TYPE_CHECKING:
    from crisisplay.moments import Moment
    from crisisplay.playbook.model import Playbook
    from crisisplay.tone.api import MessageReport, MessageText
    from crisisplay.tone.sources import Source

STAGE_KINDS = ("first_notice", "update", "resolution", "follow_up", "internal", "custom")


def resolve_stage(stage: str | None, playbook: Playbook | None) -> str | None:
    """A stage id of the playbook, or a stage kind, → the stage kind."""
    if stage is None:
        return None
    if playbook is not None and stage in playbook.stages:
        return playbook.stages[stage].kind
    if stage in STAGE_KINDS:
        return stage
    known = f"; playbook stages: {', '.join(playbook.stages)}" if playbook is not None else ""
    raise CrisisplayError(f"unknown stage {stage!r} (stage kinds: {', '.join(STAGE_KINDS)}{known})")


def _language(lang: str, reports: list[MessageReport]) -> str:
    """The language of the run's own words: ``--lang``, else that of most messages."""
    if lang != "auto":
        return lang
    languages = [r.lang for r in reports]
    return max(sorted(set(languages)), key=languages.count) if languages else "en"


def _messages(sources: list[Source], stage: str | None, at: datetime | None = None) -> list[MessageText]:
    messages = []
    for source in sources:
        for message in source.messages:
            messages.append(message._replace(
                stage=stage or message.stage or source.stage,
                locale=message.locale or source.locale,
                sent_at=at or message.sent_at,
            ))
    return messages


def _fix(sources: list[Source], reports: list[MessageReport], write: bool) -> tuple[str, set[tuple[str, int, str]]]:
    """Apply safe edits; return the diff text and the (file, offset, rule) keys applied."""
    from crisisplay.fsutil import write_text_atomic
    from crisisplay.tone.fix import apply_edits, edits_from, unified_diff

    diffs: list[str] = []
    applied: set[tuple[str, int, str]] = set()
    by_message = iter(reports)
    for source in sources:
        mine = [next(by_message) for _m in source.messages]
        if source.in_place and len(mine) == 1:
            report = mine[0]
            edits = edits_from(report.findings)
            after, count = apply_edits(source.raw, edits, original=report.message.text)
            if count:
                diffs.append(unified_diff(source.raw, after, source.path))
                applied.update((source.path, e.start, e.rule) for e in edits)
                if write:
                    write_text_atomic(source.path, after)
            continue
        for report in mine:
            edits = edits_from(report.findings)
            after, count = apply_edits(report.message.text, edits)
            if count:
                label = f"{source.path} ({report.message.channel})"
                note = f"# {label}: not written; {source.kind} files are never rewritten, edit the source\n"
                diffs.append(note + unified_diff(report.message.text, after, label))
    return "".join(diffs), applied


def _usage_error(message: str) -> Exception:
    import click

    return click.UsageError(message)


def run_lint(
    paths: tuple[str, ...], playbook_path: str | None, stage: str | None, lang: str, channel: str | None,
    pack_paths: tuple[str, ...], disable: tuple[str, ...], no_consistency: bool, at: Moment | None, fix: bool,
    show_diff: bool, output_format: str, fail_on: str,
) -> None:
    """The lint command with its options parsed (see :func:`crisisplay.cli.lint.lint`); exits."""
    from crisisplay.diagnostics.formatters import render_diagnostics
    from crisisplay.playbook.reading import read_stream
    from crisisplay.tone.api import check_messages
    from crisisplay.tone.packs import load_pack
    from crisisplay.tone.sources import read_inputs

    if not paths and sys.stdin.isatty():
        raise _usage_error("give PATHs to lint, or '-' to read stdin")
    stdin = read_stream(sys.stdin.buffer) if (not paths or "-" in paths) else None
    playbook = None
    if playbook_path:
        from crisisplay.playbook.build import load_playbook

        playbook = load_playbook(playbook_path)
    stage_kind = resolve_stage(stage, playbook)
    sources = read_inputs(paths, stdin=stdin, channel=channel)
    if channel and sum(len(s.messages) for s in sources) > 1 and any(s.kind != "bundle" for s in sources):
        raise _usage_error("--channel names a single message; with several inputs the file names are used")
    packs = [load_pack(p) for p in pack_paths]
    sent_at = None
    if at is not None:
        from crisisplay.playbook.fact_types import playbook_zone

        sent_at = at.resolve(playbook_zone(playbook) if playbook is not None else None)
    messages = _messages(sources, stage_kind, sent_at)
    truth = next((s.truth for s in sources if s.truth is not None), None)
    reports = check_messages(
        messages, locale=None if lang == "auto" else lang, stage_kind=stage_kind, playbook=playbook,
        packs=packs, disable=disable, consistency=not no_consistency, truth=truth,
    )
    applied: set[tuple[str, int, str]] = set()
    if fix or show_diff:
        diff, applied = _fix(sources, reports, write=fix)
        if diff:
            echo(diff.rstrip("\n"), err=output_format != "text")
    diagnostics = [
        d for r in reports for f, d in zip(r.findings, r.diagnostics, strict=True)
        if not (fix and (r.message.file, f.start, f.rule) in applied)
    ]
    diagnostics.sort(key=lambda d: d.sort_key())
    extra: dict[str, Any] | None = None
    if output_format == "json":
        extra = {"messages": [
            {"file": r.message.file, "channel": r.message.channel, "lang": r.lang,
             "stage": r.stage, "stage_inferred": r.stage_inferred}
            for r in reports
        ]}
    language = _language(lang, reports)
    if output_format == "sarif":
        from crisisplay.diagnostics.formatters.sarif import format_sarif
        from crisisplay.tone.rules import rules_for

        output = format_sarif(diagnostics, rules=rules_for(language), base_dir=os.getcwd(), language=language)
    else:
        output = render_diagnostics(
            diagnostics, output_format, color=use_color() and output_format == "text", base_dir=os.getcwd(),
            extra=extra,
        )
    if output_format == "text" and not diagnostics:
        from crisisplay.wording import wording_for

        output = wording_for("lint", language).plural("checked", len(reports))
    if output:
        echo(output)
    sys.exit(exit_code_for(diagnostics, fail_on))


#: Every option of ``crisisplay lint`` at its default, by parameter name: what a plain ``crisisplay
#: lint PATHS`` runs with (tests/test_cli_plain_lint.py checks them against the click command's own)
PLAIN_DEFAULTS: dict[str, Any] = {
    "playbook_path": None, "stage": None, "lang": "auto", "channel": None, "pack_paths": (), "disable": (),
    "no_consistency": False, "at": None, "fix": False, "show_diff": False, "output_format": "text",
    "fail_on": "error",
}


def run_plain(paths: tuple[str, ...]) -> None:
    """``crisisplay lint PATHS`` with every option at its default, as the click command runs it
    (the same error handling; see :func:`crisisplay.cli.main.main`)."""
    from crisisplay.cli.output import handle_errors

    # Python's cyclic collector would walk the modules, rule set and analyses this short run
    # builds again and again as they are allocated (~1.4 % of a warm outbox's instructions),
    # for garbage that reference counting frees anyway: checking makes no cycles (see
    # ``crisisplay.tone.api``), and the process ends with the command.
    gc.disable()
    handle_errors(run_lint)(paths, **PLAIN_DEFAULTS)
