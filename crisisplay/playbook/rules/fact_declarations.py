"""Fact declarations: names, examples and mandatory lists."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import RESERVED_NAMES
from crisisplay.playbook.rules.registry import Finding, RuleContext, check


@check("CP110")
def reserved_fact_name(context: RuleContext) -> Iterator[Finding]:
    """CP110: declared fact names against the render context's reserved names."""
    for name, spec in context.playbook.facts.items():
        if name in RESERVED_NAMES:
            yield f"fact name {name!r} is reserved; choose another name", spec.location


@check("CP111")
def undeclared_mandatory_fact(context: RuleContext) -> Iterator[Finding]:
    """CP111: ``mandatory_facts`` of the playbook, each channel and each stage against the declared facts."""
    playbook = context.playbook
    if context.is_abstract:
        return
    declared = set(playbook.facts)
    for name in playbook.mandatory_facts:
        if name not in declared:
            yield (
                f"mandatory fact {name!r} is not declared under 'facts'",
                playbook.locate(("mandatory_facts",)),
            )
    for channel in playbook.channels.values():
        for name in channel.mandatory_facts or ():
            if name not in declared:
                yield (
                    f"channel {channel.name!r}: mandatory fact {name!r} is not declared",
                    playbook.locate(("channels", channel.name, "mandatory_facts")),
                )
    for stage in playbook.stages.values():
        for name in stage.mandatory_facts:
            if name not in declared:
                yield (
                    f"stage {stage.id!r}: mandatory fact {name!r} is not declared",
                    playbook.locate(("stages", stage.id, "mandatory_facts")),
                )


@check("CP112")
def fact_without_example(context: RuleContext) -> Iterator[Finding]:
    """CP112: required facts without ``example`` or ``default`` (abstract playbooks skipped)."""
    if context.is_abstract:
        return
    for name, spec in context.playbook.facts.items():
        if spec.required and not spec.has_example:
            yield f"required fact {name!r} has no 'example' (or 'default')", spec.location


@check("CP113")
def enum_values(context: RuleContext) -> Iterator[Finding]:
    """CP113: ``values`` present exactly on ``enum`` facts."""
    for name, spec in context.playbook.facts.items():
        if spec.type == "enum" and not spec.values:
            yield f"enum fact {name!r} needs 'values'", spec.location
        if spec.type != "enum" and spec.values:
            yield (
                f"fact {name!r} has 'values' but is of type {spec.type!r}, not 'enum'",
                spec.location,
            )


@check("CP114")
def fact_example_type(context: RuleContext) -> Iterator[Finding]:
    """CP114: each example and default through the facts' own type check."""
    try:
        from crisisplay.playbook.fact_types import check_value
    except ImportError:  # pragma: no cover - facts module ships with the package
        return
    playbook = context.playbook
    for name, spec in playbook.facts.items():
        for key in ("example", "default"):
            value = getattr(spec, key)
            if value is None:
                continue
            try:
                problem = check_value(spec, value, playbook)
            except CrisisplayError:
                return  # e.g. an unknown time zone: CP151 reports it once
            if problem:
                yield f"fact {name!r}: {key} {problem}", playbook.locate(("facts", name, key))
