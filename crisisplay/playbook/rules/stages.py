"""The timeline: a first notice soon after T0, updates with no long silences."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.playbook.rules.registry import Finding, RuleContext, check
from crisisplay.playbook.rules.templates import analyse
from crisisplay.playbook.timing import format_duration

NEXT_UPDATE_TYPES = ("datetime", "time", "duration")


@check("CP130")
def no_first_notice(context: RuleContext) -> Iterator[Finding]:
    """CP130: at least one stage of kind ``first_notice`` (abstract playbooks skipped)."""
    playbook = context.playbook
    if context.is_abstract:
        return
    if not any(stage.kind == "first_notice" for stage in playbook.stages.values()):
        yield (
            "no stage of kind 'first_notice'; proactivity needs a first message",
            playbook.locate(("stages",), key=True),
        )


@check("CP131")
def first_notice_late(context: RuleContext) -> Iterator[Finding]:
    """CP131: each first notice's ``due`` against ``policy.first_notice_within``."""
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


@check("CP132")
def update_without_cadence(context: RuleContext) -> Iterator[Finding]:
    """CP132: ``every`` on each update stage."""
    for stage in context.playbook.stages.values():
        if stage.kind == "update" and stage.every is None:
            yield f"update stage {stage.id!r} has no cadence ('every')", stage.location


@check("CP133")
def update_gap(context: RuleContext) -> Iterator[Finding]:
    """CP133: each update's ``every`` against ``policy.max_update_gap``; a first notice with nothing after it."""
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


@check("CP134")
def update_without_next_time(context: RuleContext) -> Iterator[Finding]:
    """CP134: first-notice and update templates read a datetime, time or duration fact."""
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


@check("CP135")
def stage_without_templates(context: RuleContext) -> Iterator[Finding]:
    """CP135: stages other than ``internal`` with no templates."""
    for stage in context.playbook.stages.values():
        if stage.kind != "internal" and not stage.templates:
            yield f"stage {stage.id!r} has no templates", stage.location
