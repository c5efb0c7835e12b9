"""Render state prepared once per locale version and channel, used for every recipient.

This sits on the render engine's public pieces: ``Renderer`` (its ``Engine`` holds the
sandboxed environments and compiled templates), ``base_context`` (facts, services,
stage, ``now``) and the channel catalogue with its limit rules. Per recipient only the
templates run, with ``recipient`` added to a context prepared per channel, then the
channel's limits are checked on figures from :mod:`crisisplay.batch.measure`.

Three things keep the per-recipient cost close to bare Jinja2: parts that do not depend
on the recipient are rendered once (:mod:`crisisplay.batch.fold`), the sandbox's
attribute checks are memoised (:mod:`crisisplay.batch.sandbox`), and the template
globals are merged with the context once per channel instead of on every render.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from crisisplay.batch import measure
from crisisplay.batch.address import PERSONAL_CHANNELS
from crisisplay.batch.choice import ChannelPolicy, Chooser, channel_policy
from crisisplay.batch.fold import specialise
from crisisplay.batch.locales import LocaleSet
from crisisplay.batch.recipient import RecipientView
from crisisplay.batch.sandbox import speed_up
from crisisplay.diagnostics.model import Location, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.playbook.model import Playbook, Stage
from crisisplay.render import rules
from crisisplay.render.channels import get_channel
from crisisplay.render.channels.base import BuildInput, Channel, apply_limits
from crisisplay.render.context import BaseContext, ChannelView, ServiceView, base_context
from crisisplay.render.engine import Engine, stage_template_name
from crisisplay.render.template_errors import diagnose
from crisisplay.render.whitespace import clean_part

#: Channels whose figures :func:`measure.figures` computes; others build natively.
FAST_CHANNELS = frozenset({"sms", "email", "push"})
_MISSING_ATTR = re.compile(r"RecipientView object' has no attribute '([^']+)'")


class Rendered(NamedTuple):
    """A personalised message: the fields of its output line, and what to count."""

    record: dict[str, Any]
    segments: int | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


def missing_field(exc: BaseException) -> str | None:
    """The recipient field a Jinja2 error is about, if it is about one."""
    match = _MISSING_ATTR.search(str(exc))
    return match.group(1) if match else None


def _render(template: Any, variables: dict[str, Any], recipient: RecipientView) -> str:
    """``template.render(context, recipient=…)`` without re-merging the globals each time.

    ``Template.render`` copies the template's globals (a ``ChainMap``, iterated in
    Python) and the ~30 context names into a new dict on every call, which costs more
    than a short SMS template itself. Here they are merged once per channel; the
    context is then shared as is (``shared=True`` semantics), which is what
    ``Template.render`` builds anyway. Errors are rewritten to template lines as usual.
    """
    # ``variables`` is this channel's own dict and a render never writes into it (a
    # template's assignments go to the context's ``vars``), so it takes the recipient
    # in place rather than being copied for each one.
    variables["recipient"] = recipient
    environment = template.environment
    try:  # what ``new_context(…, shared=True)`` builds, without its argument handling
        return "".join(template.root_render_func(environment.context_class(environment, variables, template.name,
                                                                           template.blocks)))
    except Exception:
        template.environment.handle_exception()
        raise


def _thresholds(channel: Channel, configured: dict[str, int]) -> tuple[tuple[str, float], ...]:
    """The lowest limit of each figure: below all of them ``apply_limits`` finds nothing.

    Checking these first skips the general limit machinery for the (usual) message
    that fits, without changing what is found for one that does not.
    """
    lowest: dict[str, float] = {}
    for rule in channel.limit_rules:
        own = configured.get(rule.config_key) if rule.config_key else None
        for value in (rule.value, own):
            if value is not None:
                lowest[rule.figure] = min(lowest.get(rule.figure, float("inf")), value)
    return tuple(lowest.items())


def _warning_label(channel: str, rule: str, message: str) -> str:
    if rule == rules.LIMIT_ADVISED:
        return message.split(" is ", 1)[0] + " over the advised maximum"
    info = rules.RULES_BY_ID.get(rule)
    return f"{channel}: {info.name if info else rule} ({rule})"


def _part_kind(channel: Channel, html_parts: Any, part: str) -> str:
    """The engine environment a part's template compiles in."""
    return "spoken" if channel.spoken else ("html" if part in html_parts else "text")


class ChannelRender:
    """One channel of one locale version: compiled parts and a prepared context."""

    def __init__(self, name: str, playbook: Playbook, stage: Stage, engine: Engine,
                 base: BaseContext, locale: str, now: datetime, fold: bool = True) -> None:
        self.name = name
        self.channel: Channel = get_channel(name)
        self.engine = engine
        config = playbook.channels.get(name)
        html_parts = self.channel.html_parts(config)
        view = ChannelView(name, self.channel.title, self.channel.short, self.channel.markup)
        self.context = base.for_channel(view)
        channel_template = stage.templates[name]
        #: (part, template name, compiled template, text when the same for everyone,
        #: the template's globals and the channel context merged once)
        self.parts: list[tuple[str, str, Any, str | None, dict[str, Any]]] = []
        self.folded = 0
        locations = {}
        for raw_part, template in channel_template.parts.items():
            part = self.channel.aliases.get(raw_part, raw_part)
            kind = _part_kind(self.channel, html_parts, part)
            template_name = stage_template_name(stage.id, name, raw_part)
            fixed = None
            if fold:  # the folded template replaces the plain one: compiling that too is wasted start-up
                compiled, whole, folds = specialise(engine.environment(kind), template_name, self.context)
                self.folded += folds
                fixed = clean_part(whole) if whole is not None else None
            else:
                compiled = engine.template(kind, template_name)
            variables = dict(compiled.globals)  # what Template.render merges on every call
            variables.update(self.context)
            self.parts.append((part, template_name, compiled, fixed, variables))
            locations[part] = template.location
        filters = engine.filters("spoken" if self.channel.spoken else "text")
        self.input = BuildInput({}, playbook, stage, config, locale, now, filters, locations,
                                channel_template.location)
        self.squeeze = measure.squeezer(fixed for *_, fixed, _v in self.parts if fixed is not None)
        self.thresholds = _thresholds(self.channel, config.limits if config is not None else {})

    def render(self, recipient: RecipientView) -> Rendered | tuple[str, str]:
        """The message for one recipient, or (reason, detail) when it cannot be sent."""
        parts: dict[str, str] = {}
        for part, template_name, template, fixed, variables in self.parts:
            if fixed is not None:
                parts[part] = fixed
                continue
            try:
                parts[part] = clean_part(_render(template, variables, recipient))
            except Exception as exc:  # a template failure rejects this recipient, never the run
                name = missing_field(exc)
                if name is not None:
                    return "missing_field", f"{self.name}: the template uses recipient.{name}, which this row lacks"
                return "render_error", diagnose(self.engine, exc, template_name, self.name).message
        if self.name in FAST_CHANNELS:
            figures, record = measure.fast_message(self.name, parts, self.squeeze)
            found = []
            for figure, threshold in self.thresholds:
                amount = figures.get(figure)
                if isinstance(amount, (int, float)) and amount > threshold:
                    found = apply_limits(self.channel, self.input, figures)[1]
                    break
        else:
            output = self.channel.build(replace(self.input, parts=parts))
            figures, found = output.figures, output.diagnostics
            record = self._native_record(parts, output.text, output.native)
        if found:
            errors = [d for d in found if d.severity >= Severity.ERROR]
            if errors:
                reason = "over_limit" if errors[0].rule == rules.LIMIT_EXCEEDED else "render_error"
                return reason, "; ".join(d.message for d in errors)
            warnings = tuple(_warning_label(self.name, d.rule, d.message) for d in found)
        else:
            warnings = ()
        segments = figures.get("segments") if self.name == "sms" else None
        return Rendered(record, segments if isinstance(segments, int) else None, record["encoding"], warnings)

    def _native_record(self, parts: dict[str, str], text: str, native: Any) -> dict[str, Any]:
        """Voice gets its SSML, Telegram and WhatsApp their API payload; the rest plain text."""
        record: dict[str, Any] = {"text": text, "encoding": "UTF-8", "segments": None}
        if self.name not in ("voice", "telegram", "whatsapp"):
            return record
        if callable(native):  # channels may hand out a builder, built on demand
            native = native()
        native_text = native.decode("utf-8") if isinstance(native, bytes) else str(native)
        if self.name == "voice":
            record["ssml"] = native_text.strip()
        elif self.name in ("telegram", "whatsapp"):
            record["payload"] = json.loads(native_text)
        return record


@dataclass
class LocaleRender:
    """One locale version of the playbook, prepared for the batch's stage.

    ``order`` is the stage's personal channels in the playbook's ``channel_order`` (and
    within ``--channel`` when given); ``unavailable`` says, for the other personal
    channels, why a row that names them cannot have them in this run. The channel
    :class:`~crisisplay.batch.choice.Chooser` is set once the run's phone rules are known
    (they depend on every locale version: one home region, all the company's numbers).
    """

    path: Path
    playbook: Playbook
    stage: Stage
    engine: Engine
    base: BaseContext
    locale: str
    now: datetime
    order: tuple[str, ...]
    service_views: tuple[ServiceView, ...]
    fold: bool = True
    unavailable: dict[str, str] = field(default_factory=dict)
    chooser: Chooser | None = None
    services: dict[str, ServiceView] = field(default_factory=dict)
    _channels: dict[str, ChannelRender] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.services = {view.id: view for view in self.service_views}
        self._service_sets: dict[tuple[str, ...], tuple[ServiceView, ...]] = {(): ()}

    def services_of(self, ids: tuple[str, ...]) -> tuple[ServiceView, ...]:
        """The views of a row's services, vital first (memoised: rows repeat a few combinations)."""
        found = self._service_sets.get(ids)
        if found is None:
            found = tuple(view for view in self.service_views if view.id in ids)
            if len(self._service_sets) < 4096:
                self._service_sets[ids] = found
        return found

    @property
    def playbook_id(self) -> str:
        return self.playbook.id

    @property
    def stage_id(self) -> str:
        return self.stage.id

    def policies(self) -> dict[str, ChannelPolicy]:
        return {name: channel_policy(self.playbook.channels[name].options if name in self.playbook.channels else {})
                for name in self.order}

    def own_numbers(self) -> dict[str, str]:
        """The company's numbers (E.164 → fact name): every ``phone`` fact of this version."""
        found: dict[str, str] = {}
        for name, spec in self.playbook.facts.items():
            e164 = getattr(self.base.values.get(name), "e164", None) if spec.type == "phone" else None
            if isinstance(e164, str) and e164.startswith("+"):
                found.setdefault(e164, name)
        return found

    def check_channel(self, name: str) -> None:
        """Compile channel ``name``'s templates (a syntax error raises) without preparing it.

        Preparing a channel (folding its fixed parts) costs several compiles; done on first
        use, a channel no row asks for costs one plain compile per part at start-up.
        """
        if name in self._channels:
            return
        channel = get_channel(name)
        html_parts = channel.html_parts(self.playbook.channels.get(name))
        for raw_part in self.stage.templates[name].parts:
            kind = _part_kind(channel, html_parts, channel.aliases.get(raw_part, raw_part))
            self.engine.template(kind, stage_template_name(self.stage.id, name, raw_part))

    def channel(self, name: str) -> ChannelRender:
        found = self._channels.get(name)
        if found is None:
            found = self._channels[name] = ChannelRender(
                name, self.playbook, self.stage, self.engine, self.base, self.locale, self.now, self.fold)
        return found


def build_locale(path: Path, stage_id: str | None, at: datetime, facts: LocaleSet | None,
                 sets: tuple[str, ...], *, fold: bool = True, example: bool = False,
                 channels: tuple[str, ...] | None = None) -> LocaleRender:
    """Load, check and prepare one locale version (user errors raise CrisisplayError)."""
    from crisisplay.playbook.build import load_playbook
    from crisisplay.render.fact_set import collect_facts
    from crisisplay.render.readiness import missing_stage_facts
    from crisisplay.render.renderer import Renderer
    from crisisplay.render.stages import find_stage

    playbook = load_playbook(path)
    renderer = Renderer(playbook)
    stage = find_stage(playbook, stage_id)
    engine = renderer.engine
    speed_up(engine)
    now = at.astimezone(engine.zone)
    facts_file = facts.pick(playbook.locale)[0] if facts is not None else None
    fact_set = collect_facts(playbook, facts_file, sets, example=example, now=now)
    if fact_set.examples and not example:
        raise CrisisplayError(
            f"the mass send would carry the playbook's example facts ({', '.join(fact_set.examples)}); "
            "give your facts with --facts/--set, or add --example for a rehearsal",
            Location(str(path)),
        )
    values = fact_set.values
    missing = missing_stage_facts(playbook, stage, values)
    if missing:
        raise DiagnosticsError(f"stage {stage.id!r} cannot be rendered without these facts", missing)
    base = base_context(playbook, stage, values, now, renderer.locale)
    staged = [name for name in renderer.channels_for(stage) if name in PERSONAL_CHANNELS]
    order = tuple(name for name in staged if channels is None or name in channels)
    unavailable: dict[str, str] = {}
    for name in PERSONAL_CHANNELS:
        if name in order:
            continue
        if name in staged:
            unavailable[name] = "left out by --channel"
        elif name in stage.templates:
            unavailable[name] = "disabled in the playbook"
        else:
            unavailable[name] = f"stage {stage.id!r} has no {name} message"
    services = base.values["services"]
    return LocaleRender(path, playbook, stage, engine, base, renderer.locale, now, order, tuple(services), fold,
                        unavailable)
