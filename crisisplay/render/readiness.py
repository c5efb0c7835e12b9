"""Before a stage renders: are these facts enough, real and in a sane order?

A message must be true on the user's facts alone. So, before anything renders:

* a stage that lists a fact in its ``mandatory_facts`` cannot go out without it
  (CP250, an input error naming the fact and what it means);
* a template that prints an optional fact without testing it cannot be sent when that
  fact has no value (CP251, at the template line; the same analysis as validate's CP160);
* a value taken from the playbook's ``example:`` is fiction, not a fact (CP252, one
  warning per fact, and the result is marked as an example);
* times must make sense at the render time: a next update already in the past (CP253),
  an end before its start (CP254), and a next update later than the stage's cadence
  allows (CP255, a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.playbook.model import Playbook, Stage
from crisisplay.playbook.rules.guards import describe_use, stage_uses
from crisisplay.playbook.timing import format_duration
from crisisplay.render import rules
from crisisplay.render.filters import Filters

#: A fact whose name starts with this is the promised time of the next message.
NEXT_UPDATE_PREFIX = "next_update"
_QUOTE_LIMIT = 70


def missing_stage_facts(playbook: Playbook, stage: Stage, values: Mapping[str, Any]) -> list[Diagnostic]:
    """CP250: facts the stage's ``mandatory_facts`` names that have no value."""
    found = []
    for name in stage.mandatory_facts:
        spec = playbook.facts.get(name)
        if spec is None or values.get(name) is not None:
            continue
        what = f" ({spec.description.rstrip('.')})" if spec.description else ""
        found.append(Diagnostic(
            rules.STAGE_FACT_MISSING, Severity.ERROR, "schema",
            f"stage {stage.id!r} needs fact {name!r}{what}",
            playbook.locate(("stages", stage.id, "mandatory_facts")),
            fix=f"add '{name}: …' to the facts file or pass --set {name}=…", source="render",
        ))
    return found


def unguarded_findings(
    playbook: Playbook, stage: Stage, channel: str, values: Mapping[str, Any], cache: dict[str, Any]
) -> tuple[Diagnostic, ...]:
    """CP251: the channel's templates print an optional fact that has no value here."""
    found = []
    for use in stage_uses(playbook, stage, channel, cache):
        if values.get(use.fact) is not None:
            continue
        found.append(Diagnostic(
            rules.FACT_WITHOUT_VALUE, Severity.ERROR, "template",
            f"{channel}: fact {use.fact!r} has no value, and the template {describe_use(use)} it without testing it",
            use.location, source="render",
            fix=f"give {use.fact!r} a value, or guard the sentence with {{% if {use.fact} %}}…{{% endif %}}",
        ))
    return tuple(found)


def example_findings(playbook: Playbook, names: Iterable[str], values: Mapping[str, Any]) -> list[Diagnostic]:
    """CP252: one warning per fact that came from the playbook's examples."""
    found = []
    for name in names:
        value = values.get(name)
        if value is None:
            continue
        shown = _quote(value)
        found.append(Diagnostic(
            rules.EXAMPLE_FACT, Severity.WARNING, "example",
            f"fact {name!r} is the playbook's example ({shown}), not a fact you gave",
            playbook.locate(("facts", name, "example")), source="render",
            fix=f"pass your own value in the facts file or with --set {name}=…",
        ))
    return found


def time_findings(
    playbook: Playbook, stage: Stage, values: Mapping[str, Any], now: datetime, filters: Filters,
    *, examples: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """CP253 (next update in the past), CP254 (end before start), CP255 (beyond cadence).

    Values from the playbook's examples are fiction with a timeline of their own (and
    already marked, CP252): they are compared only with facts the user gave.
    """
    found: list[Diagnostic] = []
    announces_next = stage.kind not in ("resolution", "follow_up", "internal")
    for name, spec in playbook.facts.items():
        value = values.get(name)
        if not isinstance(value, (datetime, date)):
            continue
        where = Location(f"fact {name}")
        bounds = list(spec.not_before)
        if name.startswith(NEXT_UPDATE_PREFIX) and "now" not in bounds:
            bounds.append("now")
        for bound in bounds:
            if bound == "now":
                if announces_next and name not in examples and _earlier_day(value, now):
                    found.append(Diagnostic(
                        rules.NEXT_UPDATE_PAST, Severity.ERROR, "time",
                        f"{name} ({_shown_date(filters, value)}) is already past at render time "
                        f"({_shown_date(filters, now)})",
                        where, source="render",
                        fix=f"name a time you will keep: --set {name}=HH:MM (or render with --at)",
                    ))
                continue
            other = values.get(bound)
            both_examples = name in examples and bound in examples
            if isinstance(other, (datetime, date)) and not both_examples and _earlier_day(value, other):
                found.append(Diagnostic(
                    rules.END_BEFORE_START, Severity.ERROR, "time",
                    f"{name} ({_shown_date(filters, value)}) is earlier than {bound} ({_shown_date(filters, other)})",
                    where, source="render", fix=f"check both values: {name} may not be earlier than {bound}",
                ))
        if announces_next and name.startswith(NEXT_UPDATE_PREFIX) and isinstance(value, datetime) \
                and name not in examples:
            gap = stage.every or playbook.policy.max_update_gap
            if value - now > gap:
                source = f"stage {stage.id!r} updates every" if stage.every else "the policy allows silences of at most"
                found.append(Diagnostic(
                    rules.NEXT_UPDATE_BEYOND_CADENCE, Severity.WARNING, "time",
                    f"{name} ({_shown_date(filters, value)}) is {format_duration(_whole_minutes(value - now))} "
                    "after render time; "
                    f"{source} {format_duration(gap)}",
                    where, source="render", fix="promise an earlier update, even if there is nothing new to say",
                ))
    return found


def _earlier_day(value: date, other: date) -> bool:
    """``value < other``, comparing a date with a date-time by calendar day."""
    if isinstance(value, datetime) and isinstance(other, datetime):
        return value < other
    day = value.date() if isinstance(value, datetime) else value
    other_day = other.date() if isinstance(other, datetime) else other
    return day < other_day


def _whole_minutes(delta: timedelta) -> timedelta:
    return timedelta(minutes=int(delta.total_seconds() // 60))


def _shown_date(filters: Filters, value: date) -> str:
    try:
        return filters.datetime(value) if isinstance(value, datetime) else filters.date(value)
    except (ValueError, OverflowError):
        return value.isoformat()


def _quote(value: Any) -> str:
    text = " / ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    text = " ".join(text.split())
    return f"«{text[:_QUOTE_LIMIT]}…»" if len(text) > _QUOTE_LIMIT else f"«{text}»"
