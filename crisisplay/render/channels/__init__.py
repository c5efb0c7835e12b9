"""The channel catalogue: one module per channel, each with its limits and native output."""

from __future__ import annotations

import importlib

from crisisplay.render.channels.base import Channel

#: Catalogue order: how text output lists channels when the playbook sets no order.
CATALOGUE = (
    "sms", "push", "email", "telegram", "whatsapp", "vk", "x",
    "website_banner", "status_page", "contact_center", "voice",
)
_CACHE: dict[str, Channel] = {}


class UnknownChannel(Channel):
    """A channel crisisplay has no limits for: rendered as plain text, with a warning."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.title = name


def get_channel(name: str) -> Channel:
    """The channel object for ``name`` (an :class:`UnknownChannel` when not catalogued)."""
    channel = _CACHE.get(name)
    if channel is None:
        if name in CATALOGUE:
            module = importlib.import_module(f"crisisplay.render.channels.{name}")
            channel = module.CHANNEL
            assert isinstance(channel, Channel)
        else:
            channel = UnknownChannel(name)
        _CACHE[name] = channel
    return channel


def is_known(name: str) -> bool:
    return name in CATALOGUE


__all__ = ["CATALOGUE", "Channel", "UnknownChannel", "get_channel", "is_known"]
