"""What a render produces: messages with their figures, and the findings about them.

Plain dataclasses of plain values, so that a result pickles (a worker process can send
it back) and serialises to ``bundle.json`` (docs/CONTRACTS.md) without custom encoders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.playbook.timing import format_duration


class Deferred(Protocol):
    """A native output built only when asked for (an ``.eml`` costs more than the render)."""

    def __call__(self) -> str | bytes: ...


@dataclass
class Message:
    """One channel's message for one stage.

    ``output`` is the native form, or a picklable builder of it; read it through
    :attr:`native`, which builds it on first use (a mass render that sends through an API
    never pays for MIME encoding).
    """

    channel: str
    stage: str
    locale: str
    parts: dict[str, str]
    text: str
    file: str
    output: str | bytes | Deferred
    figures: dict[str, Any] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str = ""

    @property
    def ok(self) -> bool:
        return not any(d.severity >= Severity.ERROR for d in self.diagnostics)

    @property
    def native(self) -> str | bytes:
        if callable(self.output):
            self.output = self.output()
        return self.output

    @property
    def native_bytes(self) -> bytes:
        return self.native if isinstance(self.native, bytes) else self.native.encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "stage": self.stage,
            "locale": self.locale,
            "parts": dict(self.parts),
            "text": self.text,
            "file": self.file if self.output else None,
            "figures": dict(self.figures),
            "limits": dict(self.limits),
            "ok": self.ok,
        }


@dataclass
class RenderResult:
    """Every message of a stage, the facts they were rendered from, and all findings."""

    playbook_id: str
    playbook_title: str
    playbook_path: str
    locale: str
    stage_id: str
    stage_kind: str
    generated_at: datetime
    facts: dict[str, Any]
    messages: list[Message] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Facts whose values are the playbook's examples: the messages are examples, not news.
    example_facts: tuple[str, ...] = ()
    #: The services the messages speak of: (id, name, status, the playbook's own phrases).
    services: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.severity >= Severity.ERROR for d in self.all_diagnostics())

    @property
    def is_example(self) -> bool:
        return bool(self.example_facts)

    def message(self, channel: str) -> Message | None:
        return next((m for m in self.messages if m.channel == channel), None)

    def all_diagnostics(self) -> list[Diagnostic]:
        """Findings about the stage as a whole, then each message's, without duplicates."""
        seen: set[Diagnostic] = set()
        result: list[Diagnostic] = []
        for diag in [*self.diagnostics, *(d for m in self.messages for d in m.diagnostics)]:
            if diag not in seen:
                seen.add(diag)
                result.append(diag)
        return result

    def to_bundle(self) -> dict[str, Any]:
        """The ``bundle.json`` document (docs/CONTRACTS.md)."""
        return {
            "crisisplay_bundle": 1,
            "playbook": {
                "id": self.playbook_id,
                "title": self.playbook_title,
                "locale": self.locale,
                "path": self.playbook_path,
            },
            "stage": {"id": self.stage_id, "kind": self.stage_kind},
            "generated_at": self.generated_at.isoformat(),
            "facts": {name: json_value(value) for name, value in self.facts.items()},
            "example_facts": list(self.example_facts),
            "services": [
                {"id": sid, "name": name, "status": status, **({"phrases": dict(phrases)} if phrases else {})}
                for sid, name, status, phrases in self.services
            ],
            "messages": [message.to_dict() for message in self.messages],
            "diagnostics": [diag.to_dict() for diag in self.all_diagnostics()],
        }


def json_value(value: Any) -> Any:
    """A fact value as JSON: ISO dates and times, durations as ``1h30m``, phones as text."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    return value
