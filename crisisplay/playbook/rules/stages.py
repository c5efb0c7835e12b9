"""The timeline: a first notice soon after T0, updates with no long silences."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule
from crisisplay.playbook.rules.templates import analyse
from crisisplay.playbook.timing import format_duration

NEXT_UPDATE_TYPES = ("datetime", "time", "duration")


@rule("CP130", "no-first-notice", Severity.ERROR, "proactivity")
def no_first_notice(context: RuleContext) -> Iterator[Finding]:
    """The playbook has no ``first_notice`` stage: customers would hear nothing until they call."""
    playbook = context.playbook
    if context.is_abstract:
        return
    if not any(stage.kind == "first_notice" for stage in playbook.stages.values()):
        yield (
            "no stage of kind 'first_notice'; proactivity needs a first message",
            playbook.locate(("stages",), key=True),
        )


@rule("CP131", "first-notice-late", Severity.ERROR, "proactivity")
def first_notice_late(context: RuleContext) -> Iterator[Finding]:
    """The first notice is due later than the proactivity limit (``policy.first_notice_within``), or has no ``due``."""
    playbook = context.playbook
    limit = playbook.policy.first_notice_within
    for stage in playbook.stages.values():
        if stage.kind != "first_notice":
            continue
        if stage.due is None:
            yield (
                f"first notice {stage.id!r} has no 'due' (limit: {format_duration(limit)} after T0)",
                stage.location,
            )
        elif stage.due > limit:
            yield (
                f"first notice {stage.id!r} is due {format_duration(stage.due)} after T0, "
                f"later than the limit of {format_duration(limit)}",
                playbook.locate(("stages", stage.id, "due")),
            )


@rule("CP132", "update-without-cadence", Severity.ERROR, "proactivity")
def update_without_cadence(context: RuleContext) -> Iterator[Finding]:
    """An ``update`` stage has no ``every``: nobody knows when the next update is owed."""
    for stage in context.playbook.stages.values():
        if stage.kind == "update" and stage.every is None:
            yield f"update stage {stage.id!r} has no cadence ('every')", stage.location


@rule("CP133", "update-gap", Severity.ERROR, "proactivity")
def update_gap(context: RuleContext) -> Iterator[Finding]:
    """The update cadence leaves a silence longer than ``policy.max_update_gap``.

    Long pauses between updates create anxiety; the limit is the longest silence the
    company accepts, first notice included.
    """
    playbook = context.playbook
    limit = playbook.policy.max_update_gap
    for stage in playbook.stages.values():
        if stage.kind == "update" and stage.every is not None and stage.every > limit:
            yield (
                f"update stage {stage.id!r} every {format_duration(stage.every)} leaves a gap longer "
                f"than the limit of {format_duration(limit)}",
                playbook.locate(("stages", stage.id, "every")),
            )
    kinds = {stage.kind for stage in playbook.stages.values()}
    if (
        not context.is_abstract
        and "first_notice" in kinds
        and "update" not in kinds
        and "resolution" not in kinds
    ):
        yield (
            "after the first notice there is no 'update' or 'resolution' stage: customers would be left waiting",
            playbook.locate(("stages",), key=True),
        )


@rule("CP134", "update-without-next-time", Severity.ERROR, "proactivity")
def update_without_next_time(context: RuleContext) -> Iterator[Finding]:
    """A first-notice or update template commits to no time for the next update.

    Every message before resolution says when the next one comes: it must use a fact of
    type datetime, time or duration (for example ``next_update_at``).
    """
    playbook = context.playbook
    time_facts = {name for name, spec in playbook.facts.items() if spec.type in NEXT_UPDATE_TYPES}
    cache = context.cache.setdefault("templates", {})
    for stage in playbook.stages.values():
        if stage.kind not in ("first_notice", "update"):
            continue
        for channel, channel_template in stage.templates.items():
            names: set[str] = set()
            for template in channel_template.parts.values():
                names |= analyse(playbook, template, cache).names
            if "facts" in names or names & time_facts or "stage" in names:
                continue
            yield (
                f"stage {stage.id!r}, channel {channel!r}: no next-update time (use a datetime/time/duration fact)",
                channel_template.location,
            )


@rule("CP135", "stage-without-templates", Severity.WARNING, "coverage")
def stage_without_templates(context: RuleContext) -> Iterator[Finding]:
    """A customer-facing stage has no templates at all."""
    for stage in context.playbook.stages.values():
        if stage.kind != "internal" and not stage.templates:
            yield f"stage {stage.id!r} has no templates", stage.location
