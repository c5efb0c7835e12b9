"""What every channel shares: its parts, its limits, its native output, its findings.

A channel turns the rendered parts of a message (``body``, ``subject``, ``title`` …)
into its native form (an ``.eml``, SSML, a Telegram payload …), measures it with the
figure that matters on that channel (SMS segments, X's weighted length, seconds of
speech …) and checks it against limits. HTML helpers live in
:mod:`crisisplay.render.channels.html`, the mixed-script check in
:mod:`crisisplay.render.mixed_script`. Limits come in three kinds:

* ``hard``: the platform rejects or cuts the message (an error);
* ``advised``: the platform shows a truncated text or charges more (a warning);
* ``playbook``: the playbook set a stricter limit in ``channels.<name>`` (an error).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity, unique
from crisisplay.playbook.model import ChannelConfig, Playbook, Stage
from crisisplay.render import rules
from crisisplay.render.filters import Filters


@dataclass(frozen=True)
class LimitRule:
    """One limit: which figure, how much, what kind, where the number comes from."""

    figure: str
    value: int | None
    kind: str  # hard | advised
    config_key: str | None
    label: str
    source: str
    part: str | None = None


@dataclass
class BuildInput:
    """Everything a channel needs to build its native output."""

    parts: dict[str, str]
    playbook: Playbook
    stage: Stage
    config: ChannelConfig | None
    locale: str
    at: datetime
    filters: Filters
    locations: dict[str, Location] = field(default_factory=dict)
    location: Location | None = None

    def option(self, key: str, default: Any = None) -> Any:
        return self.config.options.get(key, default) if self.config is not None else default

    def where(self, part: str | None = None) -> Location | None:
        if part and part in self.locations:
            return self.locations[part]
        return self.location


@dataclass
class ChannelOutput:
    text: str
    native: Any  # str, bytes, or a picklable zero-argument builder of either
    file: str
    figures: dict[str, Any]
    limits: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class JsonNative:
    """A JSON payload written out only when asked for (pretty-printing is slow in Python)."""

    data: Any

    def __call__(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"


def finding(rule: str, message: str, location: Location | None, *, severity: Severity | None = None,
            category: str | None = None, span: str = "", fix: str = "") -> Diagnostic:
    info = rules.RULES_BY_ID[rule]
    return Diagnostic(rule, severity or info.severity, category or info.category, message, location,
                      span=span, fix=fix, source="render")


class Channel:
    """Base channel: plain text in ``body``; subclasses add parts, limits and output."""

    name = "generic"
    title = "Generic text"
    parts: tuple[str, ...] = ("body",)
    required: tuple[str, ...] = ("body",)
    aliases: Mapping[str, str] = {}
    short = False
    markup = "text"
    spoken = False
    extension = "txt"
    limit_rules: tuple[LimitRule, ...] = ()

    def html_parts(self, config: ChannelConfig | None) -> frozenset[str]:
        """Parts written as HTML: rendered with autoescaping so that facts cannot inject markup."""
        return frozenset()

    def file_name(self) -> str:
        return f"{self.name}.{self.extension}"

    def build(self, data: BuildInput) -> ChannelOutput:
        text = data.parts.get("body", "")
        figures = {"characters": len(text)}
        return self.finish(data, ChannelOutput(text, text + "\n", self.file_name(), figures))

    # -- shared helpers ------------------------------------------------------------------
    def finish(self, data: BuildInput, output: ChannelOutput) -> ChannelOutput:
        """Apply the limit rules to the figures.

        Text checks that do not depend on the channel (mixed-script words) run on the facts
        and the templates instead (see the renderer): once per value, not once per message.
        """
        limits, found = apply_limits(self, data, output.figures)
        output.limits.update(limits)
        output.diagnostics.extend(found)
        return output


@dataclass(frozen=True)
class LimitCheck:
    """One comparison to make: figure against limit, and how to report it."""

    rule: LimitRule
    limit: int
    kind: str  # hard | advised | playbook
    key: str


_CHECKS: dict[tuple[str, tuple[tuple[str, int], ...]], tuple[LimitCheck, ...]] = {}


def limit_checks(channel: Channel, configured: dict[str, int]) -> tuple[LimitCheck, ...]:
    """The checks for a channel and a playbook's limits (computed once per combination)."""
    cache_key = (channel.name, tuple(sorted(configured.items())))
    checks = _CHECKS.get(cache_key)
    if checks is not None:
        return checks
    found: list[LimitCheck] = []
    for rule in channel.limit_rules:
        own = configured.get(rule.config_key) if rule.config_key else None
        key = rule.config_key or f"max_{rule.figure}"
        if rule.value is not None and (rule.kind == "hard" or own is None):
            found.append(LimitCheck(rule, rule.value, rule.kind, key))
        if own is not None and (rule.value is None or rule.kind == "advised" or own < rule.value):
            found.append(LimitCheck(rule, own, "playbook", key))
    checks = _CHECKS[cache_key] = tuple(found)
    return checks


def apply_limits(
    channel: Channel, data: BuildInput, figures: dict[str, Any]
) -> tuple[dict[str, int], list[Diagnostic]]:
    """Check figures against hard, advised and playbook limits; the playbook's may only be stricter."""
    limits: dict[str, int] = {}
    found: list[Diagnostic] = []
    configured = data.config.limits if data.config is not None else {}
    for check in limit_checks(channel, configured):
        rule = check.rule
        amount = figures.get(rule.figure)
        if amount is None or isinstance(amount, (bool, str)):
            continue
        limit, key = check.limit, check.key
        if key not in limits or limit < limits[key]:
            limits[key] = limit
        if amount <= limit:
            continue
        if check.kind == "playbook":
            where = data.config.location if data.config is not None else None
            where = where or data.where(rule.part)
            message = f"{channel.name}: {rule.label} is {_num(amount)}, over the playbook's {key} of {limit}"
            found.append(finding(rules.LIMIT_EXCEEDED, message, where))
        else:
            hard = check.kind == "hard"
            message = (f"{channel.name}: {rule.label} is {_num(amount)}, over the "
                       f"{'limit' if hard else 'advised maximum'} of {limit} ({rule.source})")
            found.append(finding(rules.LIMIT_EXCEEDED if hard else rules.LIMIT_ADVISED, message,
                                 data.where(rule.part)))
    return limits, unique(found, by_location=False) if len(found) > 1 else found


def _num(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:.1f}"
