"""Every bundled playbook renders every stage on every channel, within every limit.

Uses the public render API (``crisisplay.render.render_stage``); skipped with a reason
only while the render engine is not installed.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from library_helpers import CHANNEL_NAMES, CUSTOMER_KINDS, all_playbook_paths, render_examples

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.build import load_playbook

render = pytest.importorskip("crisisplay.render", reason="the render engine (crisisplay.render) is not installed yet")

PATHS = all_playbook_paths()
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}" for p in PATHS]
AT = datetime(2026, 3, 15, 8, 0, tzinfo=timezone.utc)


def _results(path: Path) -> list[tuple[str, Any]]:
    playbook = load_playbook(path)
    return [
        (stage.id, render_examples(playbook, stage.id))
        for stage in playbook.stages.values()
        if stage.kind in CUSTOMER_KINDS
    ]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_stage_renders_on_every_channel_without_findings(path: Path) -> None:
    for stage_id, result in _results(path):
        assert sorted(m.channel for m in result.messages) == sorted(CHANNEL_NAMES), stage_id
        problems = [f"{stage_id}: {d}" for d in result.all_diagnostics() if d.severity >= Severity.WARNING]
        assert problems == []
        for message in result.messages:
            assert message.ok, f"{stage_id}/{message.channel}"
            assert message.text.strip(), f"{stage_id}/{message.channel} is empty"
            assert "None" not in message.text and "{{" not in message.text


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_sms_fits_the_segments_the_playbook_allows(path: Path) -> None:
    playbook = load_playbook(path)
    allowed = playbook.channels["sms"].limits["max_segments"]
    for stage_id, result in _results(path):
        sms = result.message("sms")
        assert sms is not None
        assert sms.figures["segments"] <= allowed, f"{stage_id}: {sms.figures}"
        if playbook.locale == "ru":
            # Cyrillic is UCS-2: 70 characters in one part, 67 in each of several.
            assert sms.figures["encoding"] == "UCS-2"
            per_part = 70 if sms.figures["segments"] == 1 else 67
            assert sms.figures["units"] <= per_part * sms.figures["segments"]
        else:
            assert sms.figures["encoding"] == "GSM-7", f"{stage_id}: a character forces UCS-2 in English"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_mandatory_facts_reach_every_message(path: Path) -> None:
    for stage_id, result in _results(path):
        for message in result.messages:
            if message.channel not in ("push", "website_banner", "status_page"):  # our own surfaces
                assert result.facts["company"] in message.text, f"{stage_id}/{message.channel}"


def test_the_voice_message_is_short_enough_to_listen_to() -> None:
    for path in PATHS:
        for stage_id, result in _results(path):
            voice = result.message("voice")
            assert voice is not None
            assert voice.figures.get("seconds", 0) <= 90, f"{path.name} {stage_id}: {voice.figures}"
