"""Every rendered stage lints clean under its own playbook's tone profile, across channels.

Uses the public lint API (``crisisplay.tone.api.lint_messages``), which also runs the
cross-channel consistency checks over the set of messages of one stage. Skipped with a
reason only while the render engine or the tone linter is not installed.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from library_helpers import CUSTOMER_KINDS, all_playbook_paths, render_examples

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.build import load_playbook

render = pytest.importorskip("crisisplay.render", reason="the render engine (crisisplay.render) is not installed yet")
tone_api = pytest.importorskip(
    "crisisplay.tone.api", reason="the tone linter (crisisplay.tone.api) is not installed yet"
)

PATHS = all_playbook_paths()
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}" for p in PATHS]
AT = datetime(2026, 3, 15, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_rendered_messages_lint_clean_and_consistent(path: Path) -> None:
    playbook = load_playbook(path)
    problems: list[str] = []
    for stage in playbook.stages.values():
        if stage.kind not in CUSTOMER_KINDS:
            continue
        result = render_examples(playbook, stage.id)
        messages = [
            tone_api.MessageText(m.channel, m.text, f"{path.name}:{stage.id}:{m.channel}") for m in result.messages
        ]
        found = tone_api.lint_messages(messages, locale=playbook.locale, stage_kind=stage.kind, playbook=playbook)
        problems += [f"{d.location}: {d.rule} {d.message} [{d.span}]" for d in found if d.severity >= Severity.WARNING]
    assert problems == []
