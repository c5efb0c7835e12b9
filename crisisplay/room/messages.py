"""The next customer message of a run, rendered for every channel, with its findings.

This composes the core the way ``crisisplay render --lint`` and the preview do: render
(``crisisplay.render``) the stage that is due from the run's recorded facts (the
playbook's examples until someone records facts, and the page says so), then tone lint
(``crisisplay.tone``) across the channels. No rule of its own lives here.

Rendering and lint cost tens of milliseconds (the first lint loads the Russian
morphology), so results are cached per run, facts version, stage and playbook file, and
kept for :data:`MAX_AGE` (templates may mention "now").
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.checklist.domain import RunState
from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.playbook.model import Playbook

MAX_AGE = 300.0


@dataclass(frozen=True)
class MessageFinding:
    severity: str
    rule: str
    message: str
    span: str = ""
    fix: str = ""


@dataclass(frozen=True)
class ChannelMessage:
    channel: str
    parts: tuple[tuple[str, str], ...]
    figures: tuple[tuple[str, str], ...]
    findings: tuple[MessageFinding, ...]

    @property
    def worst(self) -> str:
        order = ("error", "warning", "info")
        return next((s for s in order if any(f.severity == s for f in self.findings)), "ok")


@dataclass
class NextMessages:
    """What the room shows under "next message": per channel, or why it cannot be rendered."""

    stage_id: str
    examples: bool
    messages: list[ChannelMessage] = field(default_factory=list)
    general: list[MessageFinding] = field(default_factory=list)
    problem: str = ""


def _message_finding(diag: Diagnostic) -> MessageFinding:
    return MessageFinding(diag.severity.label, diag.rule, diag.message, diag.span, diag.fix)


def _playbook_file(state: RunState) -> str:
    """The run's playbook: the file it started from (a relative CLI path may not resolve here)."""
    sources = state.run.snapshot.sources
    if sources and Path(sources[0].path).is_file():
        return sources[0].path
    return state.run.playbook_path


@functools.lru_cache(maxsize=16)
def _load(path: str, source_hash: str) -> Playbook:
    """A playbook once per file version (the hash of its sources when the run started is part of the key)."""
    from crisisplay.playbook.build import load_playbook

    return load_playbook(path)


def playbook_of(state: RunState) -> Playbook:
    return _load(_playbook_file(state), state.run.snapshot.source_hash)


def declared_facts(state: RunState) -> list[str]:
    """The facts the run's playbook declares ([] when it cannot be loaded any more)."""
    try:
        return list(playbook_of(state).facts)
    except CrisisplayError:
        return []


def render_next(state: RunState, stage_id: str, now: datetime) -> NextMessages:
    """Render ``stage_id`` for every channel from the run's facts and lint the set."""
    from crisisplay.playbook.fact_input import parse_set_options
    from crisisplay.render.renderer import Renderer
    from crisisplay.tone.api import MessageText, lint_messages

    examples = not state.facts
    try:
        playbook = playbook_of(state)
        # Recorded as ``--set`` would take them: ``services.payments=unavailable`` overrides a service.
        raw = None if examples else parse_set_options(f"{name}={value}" for name, value in state.facts.items())
        result = Renderer(playbook).render(stage_id, raw, at=now)
    except DiagnosticsError as exc:
        problems = [_message_finding(d) for d in exc.diagnostics]
        return NextMessages(stage_id, examples, general=problems, problem=exc.message)
    except CrisisplayError as exc:
        return NextMessages(stage_id, examples, problem=str(exc))
    texts = [MessageText(m.channel, m.text, m.channel, 1) for m in result.messages if m.text.strip()]
    lint = lint_messages(texts, locale=result.locale, stage_kind=result.stage_kind, playbook=playbook)
    by_channel: dict[str, list[MessageFinding]] = {}
    general: list[MessageFinding] = [_message_finding(d) for d in result.diagnostics]
    for diag in lint:
        file = diag.location.file if diag.location else ""
        if file in {m.channel for m in result.messages}:
            by_channel.setdefault(file, []).append(_message_finding(diag))
        else:
            general.append(_message_finding(diag))
    messages = []
    for message in result.messages:
        findings = [_message_finding(d) for d in message.diagnostics] + by_channel.get(message.channel, [])
        findings.sort(key=lambda f: -Severity.parse(f.severity))
        messages.append(
            ChannelMessage(
                channel=message.channel,
                parts=tuple((name, text) for name, text in message.parts.items()),
                figures=tuple((k, _figure(v, message.limits.get(f"max_{k}"))) for k, v in message.figures.items()),
                findings=tuple(findings),
            )
        )
    return NextMessages(stage_id, examples, messages, general)


def _figure(value: Any, limit: int | None) -> str:
    return f"{value} / {limit}" if limit is not None else str(value)


class MessageCache:
    """Rendered next messages per (run, facts version, stage, playbook file), for a few minutes."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, int, str, str], tuple[float, NextMessages]] = {}
        self._lock = threading.Lock()

    def get(self, state: RunState, stage_id: str, now: datetime) -> NextMessages:
        key = (state.run.id, state.facts_seq, stage_id, state.run.snapshot.source_hash)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and time.monotonic() - hit[0] < MAX_AGE:
            return hit[1]
        fresh = render_next(state, stage_id, now)
        with self._lock:
            self._entries = {k: v for k, v in self._entries.items() if k[0] != state.run.id}
            self._entries[key] = (time.monotonic(), fresh)
        return fresh
