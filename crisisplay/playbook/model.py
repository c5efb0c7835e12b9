"""The typed playbook model. The rest of the code reads these, never raw dicts.

Every object keeps the :class:`~crisisplay.diagnostics.model.Location` it was declared at
(after ``extends`` resolution, the file that last set it), so any later finding points
at the exact YAML line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.playbook.loader import PathKey, SourceMap

FACT_TYPES = (
    "string",
    "text",
    "integer",
    "number",
    "boolean",
    "datetime",
    "date",
    "time",
    "duration",
    "phone",
    "url",
    "email",
    "enum",
    "list",
)
#: The channel catalogue: every channel render knows how to measure and emit.
CHANNEL_NAMES = (
    "sms",
    "email",
    "telegram",
    "whatsapp",
    "vk",
    "x",
    "push",
    "website_banner",
    "status_page",
    "contact_center",
    "voice",
)
TIERS = ("vital", "important", "deferrable")
SERVICE_STATUSES = ("available", "degraded", "unavailable", "moved_online", "frozen")
STAGE_KINDS = ("first_notice", "update", "resolution", "follow_up", "internal", "custom")
PRIORITIES = ("critical", "high", "normal", "low")
TONE_ELEMENTS = ("what_happened", "service_status", "contact", "next_update", "empathy")
#: The principles a checklist item can serve (DOMAIN.md); keys are stable ids.
PRINCIPLES: dict[str, str] = {
    "stay_in_touch": "stay in touch, give clarity; every message commits to the next update",
    "calm_tone": "calm, positive tone: no panic, no unverified forecasts",
    "one_voice": "one voice in every channel; one set of answers for online and offline staff",
    "proactivity": "reach customers before they call",
    "digital_first": "move to digital where possible, keep voice open for those who need it",
    "safety": "show the safety measures where service stays physical",
    "transparency": "be honest about difficulties and what is being done",
    "empathy": "human, warm wording",
    "vital_first": "vital services first; freeze what can wait",
    "simplicity": "simple procedures and answers",
    "gradual_change": "pilot on a small group, adjust, then roll out",
    "prepared_scenarios": "ready scenarios so the team is not caught off guard",
    "team_updates": "short daily updates for staff and a stated position on jobs",
    "manager_prep": "ready letters, texts and examples for managers",
    "remote_norms": "norms, control and memos for remote work",
    "conflict_handling": "accept the right to be unhappy, defend nobody, resolve fast",
    "measurement": "measure NPS, CSAT, CES and churn before, during and after",
}
#: Names the render context defines; a fact may not take one of them.
RESERVED_NAMES = frozenset(
    {"services", "playbook", "stage", "channel", "recipient", "facts", "now", "t0", "loop"}
)


@dataclass(frozen=True)
class FactSpec:
    """A declared fact: the single source of truth for one piece of incident information."""

    name: str
    type: str
    required: bool = False
    description: str = ""
    example: Any = None
    default: Any = None
    values: tuple[str, ...] = ()
    #: Facts (or ``now``) this date/time may not be earlier than: render checks the order.
    not_before: tuple[str, ...] = ()
    location: Location | None = None

    @property
    def has_example(self) -> bool:
        return self.example is not None or self.default is not None


@dataclass(frozen=True)
class Service:
    """A customer service and what happens to it in this crisis."""

    id: str
    name: str
    tier: str
    status: str | None = None
    alternative: str = ""
    channels: tuple[str, ...] = ()
    service_level: str = ""
    #: status → the playbook's own wording for it (otherwise crisisplay agrees a phrase).
    phrases: dict[str, str] = field(default_factory=dict, hash=False)
    location: Location | None = None

    @property
    def tier_rank(self) -> int:
        return TIERS.index(self.tier) if self.tier in TIERS else len(TIERS)


@dataclass(frozen=True)
class ChannelConfig:
    """A channel the playbook speaks on, with any stricter limits it sets."""

    name: str
    enabled: bool = True
    limits: dict[str, int] = field(default_factory=dict)
    mandatory_facts: tuple[str, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    location: Location | None = None


@dataclass(frozen=True)
class Template:
    """Template source with enough position data to map its lines back to the YAML.

    ``first_line`` is the file line holding the template's line 1 (for a block scalar,
    the line after ``|``); ``path`` is the template file when it came from ``file:``.
    """

    source: str
    location: Location
    first_line: int
    path: str | None = None

    def yaml_location(self, template_line: int | None) -> Location:
        if template_line is None or template_line < 1:
            return self.location
        return Location(self.location.file, self.first_line + template_line - 1, 1)


@dataclass(frozen=True)
class ChannelTemplate:
    """One channel's templates for a stage: parts such as body, subject, title."""

    channel: str
    parts: dict[str, Template]
    location: Location | None = None


@dataclass(frozen=True)
class Stage:
    """A message on the crisis timeline."""

    id: str
    kind: str
    title: str = ""
    due: timedelta | None = None
    every: timedelta | None = None
    templates: dict[str, ChannelTemplate] = field(default_factory=dict)
    mandatory_facts: tuple[str, ...] = ()
    location: Location | None = None


@dataclass(frozen=True)
class ToneProfile:
    """The playbook's voice; the lint tool turns it into rules."""

    formal_address: bool | None = None
    forbidden: tuple[str, ...] = ()
    preferred: dict[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    max_exclamations: int | None = None
    max_caps_words: int | None = None
    max_sentence_words: int | None = None
    rules: tuple[dict[str, Any], ...] = ()
    location: Location | None = None


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    owner: str = ""
    due: timedelta | None = None
    priority: str = "normal"
    principle: str = ""
    depends_on: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    location: Location | None = None
    #: The event that completes the item (``sent first_notice``, ``resolved``), "" when none.
    completes_on: str = ""
    #: The event ``due`` counts from ("" = T0); until it happens the item waits, never overdue.
    due_after: str = ""
    #: A short name for calendars and the crisis room ("" = derived from the text).
    title: str = ""


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]
    location: Location | None = None


@dataclass(frozen=True)
class Policy:
    """Proactivity limits: first notice no later than, and no silence longer than."""

    first_notice_within: timedelta = timedelta(hours=1)
    max_update_gap: timedelta = timedelta(hours=4)
    location: Location | None = None


@dataclass
class Playbook:
    """A resolved playbook (``extends`` applied)."""

    id: str
    title: str
    locale: str
    version: str = ""
    owner: str = ""
    timezone: str = "UTC"
    #: ISO 3166 code of the home country for numbers written without one ("" = from the zone)
    phone_region: str = ""
    description: str = ""
    facts: dict[str, FactSpec] = field(default_factory=dict)
    services: tuple[Service, ...] = ()
    channels: dict[str, ChannelConfig] = field(default_factory=dict)
    channel_order: tuple[str, ...] = ()
    mandatory_facts: tuple[str, ...] = ()
    partials: dict[str, Template] = field(default_factory=dict)
    stages: dict[str, Stage] = field(default_factory=dict)
    tone: ToneProfile = field(default_factory=ToneProfile)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    policy: Policy = field(default_factory=Policy)
    #: Role id (an item's ``owner``) → display name in the playbook's language.
    roles: dict[str, str] = field(default_factory=dict)
    path: str = "<playbook>"
    chain: tuple[str, ...] = ()
    template_dirs: tuple[Path, ...] = ()
    source: SourceMap = field(default_factory=SourceMap)
    raw: dict[str, Any] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        return self.source.locate(path, key=key)

    def stage(self, stage_id: str) -> Stage | None:
        return self.stages.get(stage_id)

    def services_by_priority(self) -> list[Service]:
        """Vital first, then important, then deferrable; declaration order within a tier."""
        return sorted(self.services, key=lambda s: s.tier_rank)

    def mandatory_facts_for(self, channel: str, stage: Stage | None = None) -> tuple[str, ...]:
        config = self.channels.get(channel)
        base = (
            config.mandatory_facts
            if config is not None and config.mandatory_facts is not None
            else self.mandatory_facts
        )
        extra = stage.mandatory_facts if stage is not None else ()
        return tuple(dict.fromkeys((*base, *extra)))

    def example_facts(self) -> dict[str, Any]:
        """Every fact's embedded example (or default): renders the playbook out of the box."""
        values: dict[str, Any] = {}
        for name, spec in self.facts.items():
            if spec.example is not None:
                values[name] = spec.example
            elif spec.default is not None:
                values[name] = spec.default
        return values
