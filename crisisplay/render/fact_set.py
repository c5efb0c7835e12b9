"""Facts for a render: merge the facts file and ``--set`` values, or take the examples.

With no facts at all the playbook's embedded examples render (``crisisplay render
playbook.yaml`` works out of the box). As soon as the user gives any fact, examples no
longer fill the gaps (a real announcement must not carry an example phone number or
incident); declared defaults still do. ``--example`` fills the gaps on purpose. Either
way the names of the facts that came from examples travel with the values
(:class:`FactSet`), so that every message made from them is marked as an example and
nothing is written or sent with them unless the user asked for it. Every problem is
reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.errors import DiagnosticsError
from crisisplay.playbook.fact_input import coerce_facts, load_facts_file, parse_set_options
from crisisplay.playbook.loader import PathKey, SourceMap
from crisisplay.playbook.model import Playbook


@dataclass(frozen=True)
class FactSet:
    """Typed fact values, and which of them are the playbook's examples (not real facts)."""

    values: dict[str, Any]
    examples: tuple[str, ...] = ()


def example_names(playbook: Playbook, given: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """Facts whose value would come from an ``example:`` (not a default) when not ``given``."""
    given = given or {}
    return tuple(
        name for name, spec in playbook.facts.items()
        if spec.example is not None and given.get(name) is None
    )


def typed_facts(
    playbook: Playbook,
    raw: Mapping[str, Any] | None,
    *,
    source: SourceMap | None = None,
    file: str = "<facts>",
    now: datetime | None = None,
) -> dict[str, Any]:
    """Typed facts for a render; raises :class:`DiagnosticsError` listing every problem."""
    values = playbook.example_facts() if raw is None else raw
    label = f"{playbook.path} (examples)" if raw is None else file
    if raw is None:  # problems with examples point at the playbook's own lines
        source = SourceMap(
            values={(name,): playbook.locate(("facts", name, "example")) for name in values},
            default_file=playbook.path,
        )
    typed, problems = coerce_facts(playbook, values, source, file=label, now=now)
    if problems:
        raise DiagnosticsError(
            f"{len(problems)} problem(s) with the facts; nothing was rendered", problems
        )
    return typed


def gather_facts(
    playbook: Playbook,
    facts_file: str | Path | None = None,
    set_options: tuple[str, ...] | list[str] = (),
    *,
    example: bool = False,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The CLI's facts: a file and/or ``--set`` values (``--set`` wins), else the examples."""
    return collect_facts(playbook, facts_file, set_options, example=example, now=now).values


def collect_facts(
    playbook: Playbook,
    facts_file: str | Path | None = None,
    set_options: tuple[str, ...] | list[str] = (),
    *,
    example: bool = False,
    now: datetime | None = None,
) -> FactSet:
    """Like :func:`gather_facts`, with the names of the facts taken from examples."""
    if facts_file is None and not set_options:
        return FactSet(typed_facts(playbook, None, now=now), example_names(playbook))
    raw: dict[str, Any] = dict(playbook.example_facts()) if example else {}
    source: SourceMap | None = None
    file = "<--set>"
    user_values: dict[str, Any] = {}
    if facts_file is not None:
        document = load_facts_file(facts_file)
        raw.update(document.data)
        user_values.update(document.data)
        source = document.source
        file = document.path
    overrides = parse_set_options(set_options)
    services = overrides.pop("services", None)
    if services and isinstance(raw.get("services"), (Mapping, type(None))):  # else: reported as it is
        merged = dict(raw.get("services") or {})
        for sid, entry in services.items():
            current = merged.get(sid)
            entry_now = dict(current) if isinstance(current, Mapping) else ({"status": current} if current else {})
            entry_now.update(entry)
            merged[sid] = entry_now
        raw["services"] = merged
    raw.update(overrides)
    user_values.update(overrides)
    if overrides or source is None:  # a --set value is located at its option
        known = source or SourceMap(default_file=file)
        given: dict[PathKey, Location] = {(name,): Location(f"--set {name}") for name in overrides}
        source = SourceMap({**known.values, **given}, {**known.keys, **given}, known.default_file)
    filled = example_names(playbook, user_values) if example else ()
    return FactSet(typed_facts(playbook, raw, source=source, file=file, now=now), filled)
