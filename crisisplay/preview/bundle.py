"""Reading a bundle (docs/CONTRACTS.md, ``render --out``) into typed values.

A bundle is the preview's input: the one being reviewed (built in memory from a render)
and, for ``--diff``, the previous one read from ``bundle.json``. A hand-edited or
truncated file is a user-fixable problem: :class:`CrisisplayError`, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import CATEGORIES, Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError

BUNDLE_VERSION = 1
#: A bundle larger than this is not something a person reviews in one page.
MAX_BUNDLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class BundleMessage:
    """One channel's rendered message."""

    channel: str
    text: str
    parts: dict[str, str] = field(default_factory=dict)
    stage: str = ""
    locale: str = ""
    file: str = ""
    figures: dict[str, Any] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)
    ok: bool = True


@dataclass(frozen=True)
class Bundle:
    """A stage's messages for every channel, with the facts they were rendered from."""

    messages: tuple[BundleMessage, ...]
    playbook: dict[str, Any] = field(default_factory=dict)
    stage: dict[str, Any] = field(default_factory=dict)
    generated_at: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    #: Which channel a finding is about, when the renderer said so (not kept in JSON).
    owners: dict[Diagnostic, str] = field(default_factory=dict)
    #: Facts whose values are the playbook's examples: the page says so at the top.
    example_facts: tuple[str, ...] = ()

    @property
    def locale(self) -> str:
        locale = self.playbook.get("locale")
        if isinstance(locale, str) and locale:
            return locale
        return next((m.locale for m in self.messages if m.locale), "en")

    def message(self, channel: str) -> BundleMessage | None:
        return next((m for m in self.messages if m.channel == channel), None)


def _location(data: Any) -> Location | None:
    if not isinstance(data, Mapping) or not isinstance(data.get("file"), str):
        return None

    def number(key: str) -> int:
        value = data.get(key, 0)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    return Location(data["file"], number("line"), number("column"), number("end_line"),
                    number("end_column"))


def diagnostic_from_dict(data: Mapping[str, Any]) -> Diagnostic:
    """The inverse of :meth:`Diagnostic.to_dict`, tolerant of missing optional keys."""
    try:
        severity = Severity.parse(str(data.get("severity", "warning")))
    except ValueError:
        severity = Severity.WARNING
    category = str(data.get("category", ""))
    related = data.get("related")
    return Diagnostic(
        rule=str(data.get("rule", "")),
        severity=severity,
        category=category if category in CATEGORIES else category or "inconsistency",
        message=str(data.get("message", "")),
        location=_location(data.get("location")),
        span=str(data.get("span", "") or ""),
        fix=str(data.get("fix", "") or ""),
        related=tuple(loc for loc in map(_location, related or ()) if loc is not None)
        if isinstance(related, list) else (),
        source=str(data.get("source", "") or ""),
    )


def _strings(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): v if isinstance(v, str) else str(v) for k, v in value.items() if v is not None}


def _limits(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        return {}
    return {
        str(k): int(v) for k, v in value.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }


def message_from_dict(data: Mapping[str, Any]) -> BundleMessage:
    parts = _strings(data.get("parts"))
    text = data.get("text")
    if not isinstance(text, str):
        text = "\n\n".join(parts.values())
    figures = data.get("figures")
    return BundleMessage(
        channel=str(data.get("channel", "")),
        text=text,
        parts=parts or {"body": text},
        stage=str(data.get("stage", "")),
        locale=str(data.get("locale", "")),
        file=str(data.get("file", "")),
        figures=dict(figures) if isinstance(figures, Mapping) else {},
        limits=_limits(data.get("limits")),
        ok=bool(data.get("ok", True)),
    )


def bundle_from_dict(data: Any, where: str = "<bundle>") -> Bundle:
    """Check the shape of a bundle and type it; the first problem is a CrisisplayError."""
    if not isinstance(data, Mapping) or "crisisplay_bundle" not in data:
        raise CrisisplayError("not a crisisplay bundle (no 'crisisplay_bundle' key)",
                              Location(where), hint="write one with: crisisplay render --out DIR")
    version = data.get("crisisplay_bundle")
    if version != BUNDLE_VERSION:
        raise CrisisplayError(f"unsupported bundle version {version!r} (expected {BUNDLE_VERSION})",
                              Location(where))
    raw_messages = data.get("messages")
    if not isinstance(raw_messages, list) or not all(isinstance(m, Mapping) for m in raw_messages):
        raise CrisisplayError("'messages' must be a list of objects", Location(where))
    messages = tuple(message_from_dict(m) for m in raw_messages)
    if any(not m.channel for m in messages):
        raise CrisisplayError("every message needs a 'channel'", Location(where))
    raw_diags = data.get("diagnostics")
    diagnostics = tuple(
        diagnostic_from_dict(d) for d in (raw_diags if isinstance(raw_diags, list) else ())
        if isinstance(d, Mapping)
    )
    facts = data.get("facts")
    playbook = data.get("playbook")
    stage = data.get("stage")
    return Bundle(
        messages=messages,
        playbook=dict(playbook) if isinstance(playbook, Mapping) else {},
        stage=dict(stage) if isinstance(stage, Mapping) else {},
        generated_at=str(data.get("generated_at", "") or ""),
        facts=dict(facts) if isinstance(facts, Mapping) else {},
        diagnostics=diagnostics,
        example_facts=tuple(str(name) for name in data.get("example_facts") or () if isinstance(name, str)),
    )


def load_bundle(path: str | Path) -> Bundle:
    """Read ``bundle.json`` (or a directory holding one)."""
    target = Path(path)
    if target.is_dir():
        target = target / "bundle.json"
    try:
        if target.stat().st_size > MAX_BUNDLE_BYTES:
            raise CrisisplayError(f"bundle is larger than {MAX_BUNDLE_BYTES // (1024 * 1024)} MB",
                                  Location(str(target)))
        raw = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CrisisplayError("bundle not found", Location(str(target)),
                              hint="pass the bundle.json that render --out wrote") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CrisisplayError(f"cannot read bundle: {exc}", Location(str(target))) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CrisisplayError(f"bundle is not valid JSON: {exc.msg}",
                              Location(str(target), exc.lineno, exc.colno)) from None
    return bundle_from_dict(data, str(target))
