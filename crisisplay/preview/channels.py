"""What the preview knows about a channel: how to draw it and how to read its figures.

Titles and limit rules come from the render channel (:mod:`crisisplay.render.channels`)
when it exists, so the page names a figure as render measures it ("weighted length",
"payload size in bytes"). A channel render does not know is drawn as plain text.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from crisisplay.preview.bundle import BundleMessage
from crisisplay.preview.model import FigureRow

#: How each channel is drawn (templates/_medium_<name>.html.j2).
MEDIUMS: dict[str, str] = {
    "sms": "sms",
    "email": "email",
    "telegram": "post",
    "whatsapp": "post",
    "vk": "post",
    "x": "post",
    "push": "push",
    "website_banner": "banner",
    "status_page": "status",
    "contact_center": "script",
    "voice": "voice",
}
TITLES: dict[str, str] = {
    "sms": "SMS",
    "email": "E-mail",
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "vk": "VK",
    "x": "X (Twitter)",
    "push": "Push notification",
    "website_banner": "Website banner",
    "status_page": "Status page",
    "contact_center": "Contact centre script",
    "voice": "Voice message",
}
#: The parts each drawing places itself; any other part is shown labelled below it.
MEDIUM_PARTS: dict[str, frozenset[str]] = {
    "sms": frozenset({"body"}),
    "email": frozenset({"subject", "preheader", "body"}),
    "post": frozenset({"title", "header", "body", "footer"}),
    "push": frozenset({"title", "body"}),
    "banner": frozenset({"title", "body"}),
    "status": frozenset({"title", "body"}),
    "voice": frozenset({"body"}),
    "script": frozenset(),
    "text": frozenset(),
}
#: Parts never drawn as text: markup twins of a text part.
HIDDEN_PARTS = frozenset({"html", "ssml"})
#: Figures whose value is a word, shown in the medium drawing rather than measured.
WORD_FIGURES = frozenset({"encoding", "parse_mode"})
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class LimitInfo:
    figure: str
    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class ChannelInfo:
    name: str
    title: str
    medium: str
    parts: tuple[str, ...]
    limits: tuple[LimitInfo, ...] = ()


def channel_info(name: str) -> ChannelInfo:
    """The render channel's title, parts and limit rules; defaults for unknown channels."""
    medium = MEDIUMS.get(name, "text")
    title = TITLES.get(name, name.replace("_", " ").capitalize())
    if not _NAME_RE.match(name):
        return ChannelInfo(name, title, medium, ("body",))
    try:
        module = importlib.import_module(f"crisisplay.render.channels.{name}")
        channel: Any = module.CHANNEL
    except (ImportError, AttributeError):
        return ChannelInfo(name, title, medium, ("body",))
    limits = tuple(
        LimitInfo(str(rule.figure), str(rule.config_key or f"max_{rule.figure}"), str(rule.label),
                  str(rule.kind))
        for rule in getattr(channel, "limit_rules", ())
    )
    parts = tuple(getattr(channel, "parts", ("body",)))
    return ChannelInfo(name, TITLES.get(name, str(getattr(channel, "title", title))), medium, parts,
                       limits)


def _figure_for_key(key: str, info: ChannelInfo, figures: Mapping[str, Any]) -> str:
    for limit in info.limits:
        if limit.key == key and limit.figure in figures:
            return limit.figure
    if key == "max_length":
        return "characters"
    bare = key.removeprefix("max_")
    for candidate in (bare, f"{bare}s", bare.removesuffix("s"), f"{bare}_length"):
        if candidate in figures:
            return candidate
    return bare


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def figure_rows(message: BundleMessage, info: ChannelInfo, labels: Mapping[str, str],
                number: Callable[[float], str] = lambda value: f"{value:g}") -> list[FigureRow]:
    """Every measured figure, against its limit where the channel or playbook sets one
    (``number`` writes a value the page's language's way: ``31,8``, ``104 448``)."""
    limit_of: dict[str, int] = {}
    for key, amount in message.limits.items():
        figure = _figure_for_key(key, info, message.figures)
        limit_of[figure] = min(amount, limit_of.get(figure, amount))
    label_of = {rule.figure: rule.label for rule in info.limits}
    rows = []
    for name, raw in message.figures.items():
        value = _as_float(raw)
        if value is None:
            continue
        label = labels.get(f"fig_{name}") or label_of.get(name) or name.replace("_", " ")
        limit = limit_of.get(name)
        if limit is None:
            rows.append(FigureRow(name, label, number(value)))
            continue
        over = value > limit
        percent = 100 if over or limit <= 0 else round(value * 100 / limit)
        rows.append(FigureRow(name, label, number(value), number(limit), "over" if over else "ok",
                              min(percent, 100)))
    rows.sort(key=lambda row: (row.state == "info", list(message.figures).index(row.name)))
    return rows


def shown_parts(message: BundleMessage, info: ChannelInfo) -> list[str]:
    """Parts in the channel's order, then any others, without markup twins."""
    names = [p for p in info.parts if p in message.parts]
    names += [p for p in message.parts if p not in names]
    return [p for p in names if p not in HIDDEN_PARTS and message.parts[p].strip()]


def counter_line(message: BundleMessage, medium: str, locale: str, labels: Mapping[str, str]) -> tuple[str, ...]:
    """What the medium itself shows under the message: an SMS app's «3 части · UCS-2 ·
    173 знака», a voice message's «≈ 31,8 секунды речи» (CLDR plural forms and numbers)."""
    from crisisplay.preview.labels import counted

    figures = message.figures
    shown: list[str] = []
    if medium == "sms":
        if _as_float(figures.get("segments")) is not None:
            shown.append(counted(locale, "n_segments", float(figures["segments"])))
        if isinstance(figures.get("encoding"), str):
            shown.append(f"{labels.get('encoding', 'encoding')} {figures['encoding']}")
        if _as_float(figures.get("characters")) is not None:
            shown.append(counted(locale, "n_characters", float(figures["characters"])))
    elif medium == "voice" and _as_float(figures.get("seconds")) is not None:
        shown.append("≈\u00a0" + counted(locale, "n_seconds_speech", float(figures["seconds"])))
    return tuple(shown)
