"""Render a stage for every channel: facts in, consistent messages with figures out.

``Renderer(playbook).render(stage, facts, channels)`` is the library API; it keeps the
compiled templates (an :class:`~crisisplay.render.engine.Engine`) between calls, so a
mass render pays for compilation and Babel data once. A renderer pickles without its
engine (rebuilt lazily in the receiving process), so a worker pool can use one.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.playbook.model import ChannelConfig, Playbook, Stage
from crisisplay.playbook.rules.guards import Use, stage_uses
from crisisplay.render import consistency, readiness, rules
from crisisplay.render.channels import CATALOGUE, get_channel, is_known
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, finding
from crisisplay.render.context import BaseContext, ChannelView, RecipientSample, RecipientView, base_context
from crisisplay.render.engine import Engine, stage_template_name
from crisisplay.render.fact_set import example_names, typed_facts
from crisisplay.render.mixed_script import fact_text_findings, template_text_findings
from crisisplay.render.result import Message, RenderResult
from crisisplay.render.stages import find_stage
from crisisplay.render.template_errors import diagnose
from crisisplay.render.whitespace import clean_part

MAX_CACHED_OUTPUTS = 512


@dataclass(frozen=True)
class _Plan:
    channel: Channel
    config: ChannelConfig | None
    view: ChannelView
    steps: tuple[tuple[str, str, str], ...]  # (part, environment kind, template name)
    locations: dict[str, Location]
    location: Location | None
    findings: tuple[Diagnostic, ...]


class Renderer:
    """Renders stages of one playbook; reuse it: compiled templates are cached inside."""

    def __init__(self, playbook: Playbook, *, locale: str | None = None) -> None:
        self.playbook = playbook
        self.locale = locale or playbook.locale
        self._engine: Engine | None = None
        self._static: dict[tuple[str, tuple[str, ...], bool], dict[str, dict[str, Diagnostic]]] = {}
        self._services: dict[str, Any] = {}
        self._texts: dict[tuple[str, tuple[str, ...], bool], list[Diagnostic]] = {}
        self._plans: dict[tuple[str, str], _Plan] = {}
        self._outputs: dict[tuple[Any, ...], ChannelOutput] = {}
        self._guards: dict[tuple[str, str], tuple[Use, ...]] = {}
        self._used: dict[tuple[str, str, tuple[str, ...]], frozenset[str] | None] = {}
        self._timeline: dict[tuple[Any, ...], list[Diagnostic]] = {}
        self._dates: tuple[str, ...] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"playbook": self.playbook, "locale": self.locale}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.playbook = state["playbook"]
        self.locale = state["locale"]
        self._engine = None
        self._static = {}
        self._services = {}
        self._texts = {}
        self._plans = {}
        self._outputs = {}
        self._guards = {}
        self._used = {}
        self._timeline = {}
        self._dates = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = Engine(self.playbook, self.locale)
        return self._engine

    def channels_for(self, stage: Stage, channels: Iterable[str] | None = None) -> list[str]:
        """The stage's channels in the playbook's order (``channel_order``), disabled ones left out."""
        available = [
            name for name in stage.templates
            if not (name in self.playbook.channels and not self.playbook.channels[name].enabled)
        ]
        if channels is not None:
            wanted = list(dict.fromkeys(channels))
            missing = [name for name in wanted if name not in stage.templates]
            if missing:
                raise CrisisplayError(
                    f"stage {stage.id!r} has no template for channel(s) {', '.join(missing)} "
                    f"(it has: {', '.join(stage.templates) or 'none'})"
                )
            available = wanted
        order = list(self.playbook.channel_order) + [c for c in CATALOGUE if c not in self.playbook.channel_order]
        rank = {name: index for index, name in enumerate(order)}
        return sorted(available, key=lambda name: rank.get(name, len(rank)))

    def render(
        self,
        stage: str | Stage | None = None,
        facts: Mapping[str, Any] | None = None,
        channels: Iterable[str] | None = None,
        *,
        at: datetime | None = None,
        strict: bool = False,
        checked: bool = False,
        recipient: RecipientSample | None = None,
        examples: Iterable[str] | None = None,
    ) -> RenderResult:
        """Render ``stage`` (default: the first notice) for ``channels`` (default: all).

        ``facts`` are raw values (checked and typed here, every problem raised at once as
        :class:`~crisisplay.errors.DiagnosticsError`) or, with ``checked=True``, values
        already typed by :func:`crisisplay.render.fact_set.typed_facts`. ``None`` renders the
        playbook's examples. ``at`` is the render time (``now`` in templates).
        ``recipient`` previews personalised templates for one sample person; without it
        ``recipient`` is undefined, as in any broadcast. ``examples`` names the facts whose
        values are the playbook's examples (all of them when ``facts`` is None): the result
        is then marked as an example and each such fact gets a warning.
        """
        engine = self.engine
        now = (at or datetime.now(engine.zone)).astimezone(engine.zone)
        chosen = stage if isinstance(stage, Stage) else find_stage(self.playbook, stage)
        values = dict(facts) if checked and facts is not None else typed_facts(self.playbook, facts, now=now)
        if examples is None:
            examples = example_names(self.playbook) if facts is None else ()
        missing = readiness.missing_stage_facts(self.playbook, chosen, values)
        if missing:
            raise DiagnosticsError(f"stage {chosen.id!r} cannot be rendered without these facts", missing)
        names = self.channels_for(chosen, channels)
        used = self._used_facts(chosen, names)
        example_facts = tuple(
            name for name in examples if values.get(name) is not None and (used is None or name in used)
        )
        key = (chosen.id, tuple(names), strict)
        if key not in self._static:
            self._static[key] = consistency.static_gaps(engine, chosen, names, strict)
        static = self._static[key]
        text_key = (chosen.id, tuple(names), False)
        if text_key not in self._texts:
            self._texts[text_key] = template_text_findings(self.playbook, chosen, names)
        context = base_context(self.playbook, chosen, values, now, self.locale, self._services)
        if recipient is not None:
            known = [service.id for service in self.playbook.services]
            unknown = [sid for sid in recipient.services if sid not in known]
            if unknown:
                raise CrisisplayError(
                    f"--recipient services: {', '.join(map(repr, unknown))} not in playbook {self.playbook.id!r}",
                    hint=f"its services: {', '.join(known)}",
                )
        messages = [
            self._message(
                chosen,
                name,
                context,
                now,
                None if recipient is None else recipient.view_for(name, context.values["services"]),
                self._unguarded(chosen, name, values),
            )
            for name in names
        ]
        result = RenderResult(
            playbook_id=self.playbook.id,
            playbook_title=self.playbook.title,
            playbook_path=self.playbook.path,
            locale=self.locale,
            stage_id=chosen.id,
            stage_kind=chosen.kind,
            generated_at=now,
            facts=values,
            messages=messages,
            example_facts=example_facts,
            services=self._service_summary(context.values["services"]),
        )
        result.diagnostics.extend(readiness.example_findings(self.playbook, example_facts, values))
        result.diagnostics.extend(self._time_findings(chosen, values, now, frozenset(examples)))
        for per_channel in static.values():
            result.diagnostics.extend(per_channel.values())
        result.diagnostics.extend(self._texts[text_key])
        result.diagnostics.extend(fact_text_findings(values))
        result.diagnostics.extend(consistency.output_gaps(
            self.playbook, chosen, messages, values, engine.filters(), now, strict, static))
        if self.locale != self.playbook.locale:
            result.diagnostics.append(finding(
                rules.LOCALE_FALLBACK,
                f"rendering playbook {self.playbook.id!r} (written in {self.playbook.locale}) with locale "
                f"{self.locale}: dates, numbers and plurals follow {self.locale}, the wording does not",
                Location(self.playbook.path),
            ))
        return result

    def _plan(self, stage: Stage, name: str) -> _Plan:
        """What rendering one channel of one stage takes; the same for every render."""
        key = (stage.id, name)
        plan = self._plans.get(key)
        if plan is None:
            channel = get_channel(name)
            config = self.playbook.channels.get(name)
            channel_template = stage.templates[name]
            html_parts = channel.html_parts(config)
            steps = []
            locations: dict[str, Location] = {}
            for raw_part, template in channel_template.parts.items():
                part = channel.aliases.get(raw_part, raw_part)
                kind = "spoken" if channel.spoken else ("html" if part in html_parts else "text")
                locations[part] = template.location
                steps.append((part, kind, stage_template_name(stage.id, name, raw_part)))
            plan = _Plan(channel, config, ChannelView(name, channel.title, channel.short, channel.markup),
                         tuple(steps), locations, channel_template.location,
                         self._part_findings(channel, channel_template.location, locations))
            self._plans[key] = plan
        return plan

    def _time_findings(self, stage: Stage, values: Mapping[str, Any], now: datetime,
                       examples: frozenset[str]) -> list[Diagnostic]:
        """CP253–CP255; the same dates at the same time give the same findings (a mass render)."""
        dated = tuple((name, values.get(name)) for name in self._dated_facts())
        key = (stage.id, now, examples, dated)
        found = self._timeline.get(key)
        if found is None:
            found = readiness.time_findings(self.playbook, stage, values, now, self.engine.filters(), examples=examples)
            if len(self._timeline) >= MAX_CACHED_OUTPUTS:
                self._timeline.clear()
            self._timeline[key] = found
        return list(found)

    def _dated_facts(self) -> tuple[str, ...]:
        if self._dates is None:
            self._dates = tuple(name for name, spec in self.playbook.facts.items() if spec.type in ("datetime", "date"))
        return self._dates

    def _service_summary(self, views: Any) -> tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...]:
        own = {service.id: tuple(service.phrases.items()) for service in self.playbook.services}
        return tuple((view.id, view.name, view.status, own.get(view.id, ())) for view in views)

    def _used_facts(self, stage: Stage, names: list[str]) -> frozenset[str] | None:
        """Facts the channels' templates read (includes followed); None when undecidable."""
        key = ("used", stage.id, tuple(names))
        if key not in self._used:
            found: set[str] = set()
            for name in names:
                read = consistency.referenced_names(self.engine, stage, name)
                if read is None or "facts" in read:
                    self._used[key] = None
                    break
                found |= read
            else:
                self._used[key] = frozenset(found)
        return self._used[key]

    def _unguarded(self, stage: Stage, name: str, values: Mapping[str, Any]) -> tuple[Diagnostic, ...]:
        """CP251 for this render's facts; the template analysis is done once per channel."""
        key = (stage.id, name)
        if key not in self._guards:
            self._guards[key] = stage_uses(self.playbook, stage, name, self.engine.analysis_cache)
        if not self._guards[key]:
            return ()
        return readiness.unguarded_findings(self.playbook, stage, name, values, self.engine.analysis_cache)

    def _message(
        self, stage: Stage, name: str, context: BaseContext, now: datetime, recipient: RecipientView | None = None,
        blocking: tuple[Diagnostic, ...] = (),
    ) -> Message:
        plan = self._plan(stage, name)
        channel = plan.channel
        engine = self.engine
        ctx = context.for_channel(plan.view)
        if recipient is not None:
            ctx["recipient"] = recipient
        parts: dict[str, str] = {}
        diagnostics: list[Diagnostic] = [*plan.findings, *blocking]
        failed = any(d.severity >= Severity.ERROR for d in diagnostics)
        for part, kind, template_name in () if blocking else plan.steps:
            try:
                parts[part] = clean_part(engine.template(kind, template_name).render(ctx))
            except Exception as exc:  # any template failure is a finding, never a traceback
                diagnostics.append(diagnose(engine, exc, template_name, name))
                failed = True
        base = Message(name, stage.id, self.locale, parts, "", channel.file_name(), "", title=channel.title)
        if failed:
            base.diagnostics = diagnostics
            base.text = "\n\n".join(parts.values())
            return base
        # A broadcast renders the same text for many recipients: measure and check it once.
        key = (stage.id, name, tuple(parts.items()), now)
        output = self._outputs.get(key)
        if output is None:
            data = BuildInput(parts, self.playbook, stage, plan.config, self.locale, now,
                              engine.filters("spoken" if channel.spoken else "text"), plan.locations, plan.location)
            output = channel.build(data)
            if len(self._outputs) >= MAX_CACHED_OUTPUTS:
                self._outputs.clear()
            self._outputs[key] = output
        base.text, base.output, base.file = output.text, output.native, output.file
        base.figures, base.limits = dict(output.figures), dict(output.limits)
        base.diagnostics = diagnostics + output.diagnostics
        return base

    def _part_findings(self, channel: Channel, where: Location | None,
                       locations: dict[str, Location]) -> tuple[Diagnostic, ...]:
        found = []
        if not is_known(channel.name):
            found.append(finding(rules.CHANNEL_UNKNOWN, f"channel {channel.name!r} is not in crisisplay's "
                                 f"catalogue ({', '.join(CATALOGUE)}); no limits are checked", where))
        missing = [part for part in channel.required if part not in locations]
        if missing:
            found.append(finding(rules.PART_MISSING, f"{channel.name}: the template has no "
                                 f"{', '.join(repr(p) for p in missing)} part (parts: {', '.join(channel.parts)})",
                                 where))
        unknown = [part for part in locations if part not in channel.parts]
        if unknown and is_known(channel.name):
            found.append(finding(rules.PART_MISSING, f"{channel.name}: part(s) {', '.join(map(repr, unknown))} "
                                 f"are not used (parts: {', '.join(channel.parts)})", where,
                                 severity=Severity.WARNING))
        return tuple(found)


_RENDERERS: dict[int, tuple[weakref.ref[Playbook], Renderer]] = {}


def renderer_for(playbook: Playbook, locale: str | None = None) -> Renderer:
    """A cached renderer per playbook object (so repeated ``render_stage`` calls reuse it)."""
    entry = _RENDERERS.get(id(playbook))
    if entry is not None and entry[0]() is playbook and entry[1].locale == (locale or playbook.locale):
        return entry[1]
    renderer = Renderer(playbook, locale=locale)
    key = id(playbook)
    _RENDERERS[key] = (weakref.ref(playbook, lambda _ref: _RENDERERS.pop(key, None)), renderer)
    return renderer


def render_stage(
    playbook: Playbook,
    stage_id: str | None = None,
    facts: Mapping[str, Any] | None = None,
    channels: Iterable[str] | None = None,
    at: datetime | None = None,
    *,
    strict: bool = False,
    locale: str | None = None,
) -> RenderResult:
    """Render one stage of ``playbook`` for every channel (or ``channels``)."""
    return renderer_for(playbook, locale).render(stage_id, facts, channels, at=at, strict=strict)
