"""The template context: typed facts plus read-only views of services, stage and channel.

Views are small frozen dataclasses rather than the model objects so that templates see
exactly what docs/CONTRACTS.md promises (and nothing the sandbox would have to guard),
and so that a context can be pickled for a worker process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from jinja2 import Undefined
from jinja2.exceptions import UndefinedError

from crisisplay.playbook.model import Playbook, Service, Stage
from crisisplay.render.agreement import status_phrase
from crisisplay.render.filters import MARK_END, MARK_SEP, MARK_START

#: Statuses grouped the way every message tells them: what works, what is limited, what not.
STATUS_GROUPS = {
    "available": "works",
    "moved_online": "works",
    "degraded": "limited",
    "unavailable": "unavailable",
    "frozen": "unavailable",
}
_MARKERS = str.maketrans("", "", MARK_START + MARK_SEP + MARK_END)


@dataclass(frozen=True)
class ServiceView:
    id: str
    name: str
    tier: str
    status: str
    status_label: str
    group: str
    alternative: str = ""
    channels: tuple[str, ...] = ()
    service_level: str = ""
    #: The status the playbook declares for the crisis (before facts override it).
    crisis_status: str = ""

    @property
    def vital(self) -> bool:
        return self.tier == "vital"

    @property
    def public(self) -> bool:
        """Worth telling customers: a deferrable service frozen for the crisis is internal news."""
        return not (self.tier == "deferrable" and self.status == "frozen")

    @property
    def works(self) -> bool:
        return self.group == "works"

    @property
    def restored(self) -> bool:
        """Hit by the crisis (as the playbook declares it) and working now."""
        return self.works and STATUS_GROUPS.get(self.crisis_status or "available", "works") != "works" \
            and not (self.tier == "deferrable" and self.crisis_status == "frozen")

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class PlaybookView:
    id: str
    title: str
    locale: str
    timezone: str

    def __str__(self) -> str:
        return self.title


@dataclass(frozen=True)
class StageView:
    id: str
    kind: str
    title: str
    every: timedelta | None

    def __str__(self) -> str:
        return self.title or self.id


@dataclass(frozen=True)
class ChannelView:
    """What a partial may ask about the channel it renders for."""

    name: str
    title: str
    short: bool
    markup: str

    def __str__(self) -> str:
        return self.name


def status_label(status: str, locale_name: str, name: str = "", override: str | None = None) -> str:
    """How ``status`` reads for a service called ``name``: «оплата связи» → «временно недоступна»."""
    return status_phrase(name, status, locale_name, override)


class MissingFact(Undefined):
    """An optional fact with no value in this render.

    It is falsy, so ``{% if cause %}`` skips it, ``default()`` replaces it and a ``{% for %}``
    over it takes its ``{% else %}``; printing it or computing with it fails with a message
    that names the fact (``StrictUndefined`` would fail on the ``if`` too). ``validate``
    (CP160) and ``render`` (CP251) find such uses before anything renders; this is the
    last line of defence for what static analysis cannot see.
    """

    __slots__ = ()

    def __init__(self, name: str) -> None:
        super().__init__(name=name, exc=UndefinedError)

    @property
    def _undefined_message(self) -> str:
        return f"optional fact {self._undefined_name!r} has no value"

    __str__ = Undefined._fail_with_undefined_error

    def __reduce__(self) -> tuple[Any, ...]:
        return (MissingFact, (self._undefined_name,))


#: Stage kinds that come after the crisis: a service not overridden by the facts works again.
AFTER_CRISIS = ("resolution", "follow_up")


def service_views(
    playbook: Playbook, locale_name: str, overrides: Mapping[str, Any] | None = None, *, resolved: bool = False
) -> tuple[ServiceView, ...]:
    """Services in priority order (vital first), with any facts-file overrides applied.

    ``resolved`` (a resolution or follow-up stage): services the facts do not mention
    are back to ``available``; the playbook's declared status stays as ``crisis_status``.
    """
    overrides = overrides or {}
    views = []
    for service in playbook.services_by_priority():
        views.append(_view(service, locale_name, overrides.get(service.id), resolved))
    return tuple(views)


def _view(service: Service, locale_name: str, override: Any, resolved: bool = False) -> ServiceView:
    crisis = service.status or "available"
    status = "available" if resolved else crisis
    alternative = service.alternative
    if isinstance(override, Mapping):
        status = str(override.get("status") or status)
        alternative = str(override.get("alternative", alternative))
    elif isinstance(override, str):
        status = override
    return ServiceView(
        id=service.id,
        name=service.name,
        tier=service.tier,
        status=status,
        status_label=status_label(status, locale_name, service.name, service.phrases.get(status)),
        group=STATUS_GROUPS.get(status, "works"),
        alternative=alternative,
        channels=service.channels,
        service_level=service.service_level,
        crisis_status=crisis,
    )


def clean_value(value: Any) -> Any:
    """Fact text cannot carry the voice channel's private markers."""
    if isinstance(value, str) and (MARK_START in value or MARK_SEP in value or MARK_END in value):
        return value.translate(_MARKERS)
    if isinstance(value, list):
        return [clean_value(item) for item in value]
    return value


@dataclass(frozen=True)
class BaseContext:
    """Everything but the channel: built once per render, shared by every channel."""

    values: dict[str, Any]

    def for_channel(self, channel: ChannelView) -> dict[str, Any]:
        context = dict(self.values)
        context["channel"] = channel
        return context


def base_context(
    playbook: Playbook,
    stage: Stage,
    facts: Mapping[str, Any],
    now: datetime,
    locale_name: str,
    cache: dict[str, Any] | None = None,
) -> BaseContext:
    """Facts by name, ``facts``, ``services``, ``playbook``, ``stage`` and ``now``.

    ``cache`` (owned by the caller) keeps the service views when no facts override them:
    they are the same for every recipient of a mass render.
    """
    fact_values = {
        name: MissingFact(name) if value is None and name in playbook.facts else clean_value(value)
        for name, value in facts.items() if name != "services"
    }
    overrides = facts.get("services")
    values: dict[str, Any] = dict(fact_values)
    values["facts"] = dict(fact_values)
    resolved = stage.kind in AFTER_CRISIS
    if isinstance(overrides, Mapping) and overrides:
        values["services"] = service_views(playbook, locale_name, overrides, resolved=resolved)
    elif cache is not None:
        key = f"{locale_name}|{resolved}"
        if key not in cache:
            cache[key] = service_views(playbook, locale_name, resolved=resolved)
        values["services"] = cache[key]
    else:
        values["services"] = service_views(playbook, locale_name, resolved=resolved)
    values["playbook"] = PlaybookView(playbook.id, playbook.title, locale_name, playbook.timezone)
    values["stage"] = StageView(stage.id, stage.kind, stage.title, stage.every)
    values["now"] = now
    return BaseContext(values)


class RecipientView:
    """``recipient`` in templates: attribute or item access to the row's non-empty fields.

    A missing field raises ``AttributeError``/``KeyError``, which Jinja2 turns into an
    undefined value; under ``StrictUndefined`` printing it fails, and the batch reports
    the recipient as ``missing_field`` with the field's name.
    """

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a recipient view is read-only")

    def __str__(self) -> str:
        return str(self._values.get("name") or self._values.get("id") or "")

    def __repr__(self) -> str:
        return f"RecipientView({self._values.get('id')!r})"


@dataclass(frozen=True)
class RecipientSample:
    """One sample person for previewing personalised templates outside a mass render.

    ``render --recipient name=Anna --recipient services=payments`` fills ``recipient``
    the way the batch fills it for a row: the row's fields plus ``id``, ``channels``,
    ``channel`` and ``address`` (the channel's address field) and ``services`` (the
    views of the services the row names).
    """

    fields: dict[str, Any]
    id: str = "sample"
    channels: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    #: channel → row fields that hold its address, in order of preference.
    address_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: address field → its normalised value (E.164 phone, checked e-mail, …).
    addresses: Mapping[str, str] = field(default_factory=dict)

    def view_for(self, channel: str, services: tuple[ServiceView, ...]) -> RecipientView:
        fields = self.address_fields.get(channel, ())
        address = next((self.addresses[f] for f in fields if f in self.addresses), "")
        values = dict(self.fields)
        values.update(
            id=self.id,
            channels=self.channels,
            channel=channel,
            address=address,
            services=tuple(view for view in services if view.id in self.services),
        )
        return RecipientView(values)
