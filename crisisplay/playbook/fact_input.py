"""The facts a user gives (a facts file, ``--set`` options) checked as one set.

A CX lead fills in the facts once, under stress; a typo must not become a wrong message
on every channel. So values are checked against the playbook's declared facts (type,
``required``, enum ``values``, known service ids) *before* anything renders, and every
problem is reported at once, each at the line of the facts file where it sits (not one
error per run). Each value is typed by :mod:`crisisplay.playbook.fact_types`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.fact_types import coerce_value
from crisisplay.playbook.loader import Document, PathKey, SourceMap, load_file
from crisisplay.playbook.model import SERVICE_STATUSES, Playbook
from crisisplay.suggest import suggestion


@dataclass(frozen=True)
class FactsInput:
    """Raw values with where they came from, before coercion."""

    values: dict[str, Any]
    source: SourceMap | None = None
    file: str = "<facts>"


def _fact_error(rule: str, message: str, location: Location | None, fix: str = "") -> Diagnostic:
    """A render finding about the facts (CP201–CP204: cards in crisisplay/render/rules.yaml)."""
    from crisisplay.rulebook.registry import diagnostic

    return diagnostic("render", rule, message, location, fix=fix)


def _fact_location(source: SourceMap | None, file: str, path: PathKey, *, key: bool = False) -> Location:
    if source is None:
        return Location(file)
    return source.locate(path, key=key)


def coerce_facts(
    playbook: Playbook,
    raw_values: Mapping[str, Any],
    source: SourceMap | None = None,
    *,
    file: str = "<facts>",
    now: datetime | None = None,
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Typed values for every declared fact, and every problem found (all of them).

    Declared facts not given take their ``default``; optional ones without a value are
    ``None`` (templates test them with ``{% if fact %}``). A top-level ``services:``
    mapping overrides service statuses and is returned under ``"services"`` unchanged
    after checking. Unknown names are errors: a typo would silently drop a fact.
    """
    values: dict[str, Any] = {}
    diagnostics: list[Diagnostic] = []
    for name, raw in raw_values.items():
        if name == "services":
            diagnostics.extend(_check_services(playbook, raw, source, file))
            continue
        spec = playbook.facts.get(name)
        if spec is None:
            close = suggestion(name, playbook.facts)
            fix = close or f"declared facts: {', '.join(sorted(playbook.facts))}"
            hint = f" ({close})" if close else ""
            diagnostics.append(
                _fact_error("CP203", f"unknown fact {name!r}; the playbook does not declare it{hint}",
                      _fact_location(source, file, (name,), key=True), fix)
            )
            continue
        if raw is None:
            continue
        value, problem = coerce_value(spec, raw, playbook, now=now)
        if problem:
            diagnostics.append(
                _fact_error("CP201", f"fact {name!r} ({spec.type}): {problem}",
                            _fact_location(source, file, (name,)), spec.description)
            )
        else:
            values[name] = value
    given = {name for name, raw in raw_values.items() if raw is not None}
    for name, spec in playbook.facts.items():
        if name in values or name in given:
            continue
        if spec.default is not None:
            value, problem = coerce_value(spec, spec.default, playbook, now=now)
            if problem is None:
                values[name] = value
                continue
        if spec.required:
            hint = f" ({spec.description})" if spec.description else ""
            diagnostics.append(
                _fact_error("CP202", f"required fact {name!r} has no value{hint}", Location(file),
                      f"add '{name}: …' to the facts file or pass --set {name}=…")
            )
        else:
            values[name] = None
    if isinstance(raw_values.get("services"), Mapping):
        values["services"] = dict(raw_values["services"])
    return values, diagnostics


def _check_services(playbook: Playbook, raw: Any, source: SourceMap | None, file: str) -> list[Diagnostic]:
    if not isinstance(raw, Mapping):
        return [_fact_error("CP204", "'services' must map a service id to a status",
                      _fact_location(source, file, ("services",)))]
    known = {service.id for service in playbook.services}
    problems: list[Diagnostic] = []
    for sid, spec in raw.items():
        where = _fact_location(source, file, ("services", sid), key=True)
        if sid not in known:
            close = suggestion(str(sid), known)
            hint = f" ({close})" if close else f" (services: {', '.join(sorted(known))})"
            problems.append(_fact_error("CP204", f"unknown service {sid!r}{hint}", where))
            continue
        status = spec.get("status") if isinstance(spec, Mapping) else spec
        extra = set(spec) - {"status", "alternative"} if isinstance(spec, Mapping) else set()
        if status is not None and status not in SERVICE_STATUSES:
            problems.append(_fact_error("CP204",
                                  f"service {sid!r}: status {status!r} is not one of {', '.join(SERVICE_STATUSES)}",
                                  _fact_location(source, file, ("services", sid))))
        if extra:
            problems.append(_fact_error("CP204",
                                  f"service {sid!r}: unknown key(s) {', '.join(sorted(map(str, extra)))} "
                                  "(allowed: status, alternative)", where))
    return problems


def load_facts_file(path: str | Path) -> Document:
    """A YAML or JSON facts file with positions; its top level must be a mapping."""
    document = load_file(path, display_name=str(path))
    if not isinstance(document.data, dict):
        raise CrisisplayError("a facts file must be a mapping of fact names to values", Location(str(path), 1, 1))
    return document


def parse_set_options(options: Iterable[str]) -> dict[str, Any]:
    """``["incident=app is down", "services.payments=unavailable"]`` to a mapping."""
    values: dict[str, Any] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CrisisplayError(f"--set expects key=value, got {option!r}", hint="e.g. --set next_update_at=14:00")
        if name == "services":
            raise CrisisplayError(f"--set {option!r}: name the service",
                                  hint="e.g. --set services.payments=unavailable")
        if name.startswith("services."):
            sid, _, field = name[len("services."):].partition(".")
            services = values.setdefault("services", {})
            if field in ("", "status"):
                entry = services.setdefault(sid, {})
                entry["status"] = value.strip()
            elif field == "alternative":
                services.setdefault(sid, {})["alternative"] = value.strip()
            else:
                raise CrisisplayError(f"--set {name}: a service takes 'status' or 'alternative'")
            continue
        values[name] = value
    return values
