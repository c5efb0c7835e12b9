"""Service prioritisation: vital services first, each with a status and an alternative."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.model import CHANNEL_NAMES
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule


@rule("CP120", "vital-without-status", Severity.ERROR, "services")
def vital_without_status(context: RuleContext) -> Iterator[Finding]:
    """A vital service has no crisis status.

    Customers' first question is whether the essentials still work; a vital service
    whose status the playbook does not state cannot be answered in any channel.
    """
    if context.is_abstract:
        return
    for service in context.playbook.services:
        if service.tier == "vital" and not service.status:
            yield f"vital service {service.id!r} has no 'status'", service.location


@rule("CP121", "vital-without-alternative", Severity.ERROR, "services")
def vital_without_alternative(context: RuleContext) -> Iterator[Finding]:
    """A vital service that is degraded, unavailable or moved online offers no alternative.

    When the essentials do not work as usual, every message must say what to do instead
    (an ``alternative`` text and/or alternative ``channels``).
    """
    for service in context.playbook.services:
        if (
            service.tier == "vital"
            and service.status in ("degraded", "unavailable", "moved_online")
            and not (service.alternative or service.channels)
        ):
            yield (
                f"vital service {service.id!r} is {service.status} but offers no 'alternative' or 'channels'",
                service.location,
            )


@rule("CP122", "vital-frozen", Severity.ERROR, "services")
def vital_frozen(context: RuleContext) -> Iterator[Finding]:
    """A vital service is marked frozen; only deferrable services may wait for the crisis to end."""
    for service in context.playbook.services:
        if service.status == "frozen" and service.tier != "deferrable":
            yield (
                f"{service.tier} service {service.id!r} cannot be 'frozen'; only deferrable ones",
                service.location,
            )


@rule("CP123", "unknown-channel", Severity.ERROR, "reference")
def unknown_channel(context: RuleContext) -> Iterator[Finding]:
    """A channel name is not in the catalogue, or a template targets a channel the playbook does not enable.

    Service ``channels`` are free names (app, website, office) and are not checked here.
    """
    playbook = context.playbook
    catalogue = set(CHANNEL_NAMES)
    listed = ", ".join(CHANNEL_NAMES)
    for name, channel in playbook.channels.items():
        if name not in catalogue:
            yield f"unknown channel {name!r} (catalogue: {listed})", channel.location
    enabled = {name for name, c in playbook.channels.items() if c.enabled}
    for stage in playbook.stages.values():
        for channel_name, template in stage.templates.items():
            if channel_name not in catalogue:
                yield (
                    f"stage {stage.id!r}: unknown channel {channel_name!r} (catalogue: {listed})",
                    template.location,
                )
            elif playbook.channels and channel_name not in enabled:
                yield (
                    f"stage {stage.id!r} has a template for channel {channel_name!r}, "
                    "which the playbook does not enable under 'channels'",
                    template.location,
                )
    for index, name in enumerate(playbook.channel_order):
        if name not in catalogue:
            yield (
                f"channel_order names unknown channel {name!r}",
                playbook.locate(("channel_order", index)),
            )


@rule("CP124", "voice-channel-missing", Severity.WARNING, "coverage")
def voice_channel_missing(context: RuleContext) -> Iterator[Finding]:
    """A playbook that moves customers to digital channels keeps no voice channel open.

    Elderly and visually impaired customers cannot use the app or the chat; a voice
    line (``voice`` or ``contact_center``) must stay among the enabled channels.
    """
    playbook = context.playbook
    if context.is_abstract or not playbook.channels:
        return
    enabled = {name for name, c in playbook.channels.items() if c.enabled}
    if not enabled & {"voice", "contact_center"}:
        yield (
            "no voice channel ('voice' or 'contact_center') is enabled",
            playbook.locate(("channels",), key=True),
        )
