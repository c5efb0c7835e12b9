"""Service prioritisation: vital services first, each with a status and an alternative."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.playbook.model import CHANNEL_NAMES
from crisisplay.playbook.rules.registry import Finding, RuleContext, check


@check("CP120")
def vital_without_status(context: RuleContext) -> Iterator[Finding]:
    """CP120: vital services without ``status`` (abstract playbooks skipped)."""
    if context.is_abstract:
        return
    for service in context.playbook.services:
        if service.tier == "vital" and not service.status:
            yield f"vital service {service.id!r} has no 'status'", service.location


@check("CP121")
def vital_without_alternative(context: RuleContext) -> Iterator[Finding]:
    """CP121: vital services degraded, unavailable or moved online, without ``alternative`` or ``channels``."""
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


@check("CP122")
def vital_frozen(context: RuleContext) -> Iterator[Finding]:
    """CP122: frozen services that are not deferrable."""
    for service in context.playbook.services:
        if service.status == "frozen" and service.tier != "deferrable":
            yield (
                f"{service.tier} service {service.id!r} cannot be 'frozen'; only deferrable ones",
                service.location,
            )


@check("CP123")
def unknown_channel(context: RuleContext) -> Iterator[Finding]:
    """CP123: channel names (``channels``, stage templates, ``channel_order``) against the catalogue."""
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


@check("CP124")
def voice_channel_missing(context: RuleContext) -> Iterator[Finding]:
    """CP124: enabled channels include ``voice`` or ``contact_center``."""
    playbook = context.playbook
    if context.is_abstract or not playbook.channels:
        return
    enabled = {name for name, c in playbook.channels.items() if c.enabled}
    if not enabled & {"voice", "contact_center"}:
        yield (
            "no voice channel ('voice' or 'contact_center') is enabled",
            playbook.locate(("channels",), key=True),
        )
