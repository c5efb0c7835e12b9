"""Which stage a render means: ``--stage`` names one by id or by kind, else the first notice."""

from __future__ import annotations

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import Playbook, Stage


def default_stage(playbook: Playbook) -> Stage:
    """The playbook's first ``first_notice`` stage, else its first stage."""
    for stage in playbook.stages.values():
        if stage.kind == "first_notice":
            return stage
    for stage in playbook.stages.values():
        return stage
    raise CrisisplayError(f"playbook {playbook.id!r} has no stages to render", Location(playbook.path))


def find_stage(playbook: Playbook, stage_id: str | None) -> Stage:
    """A stage by id, or by kind (``--stage resolution``)."""
    if stage_id is None:
        return default_stage(playbook)
    stage = playbook.stages.get(stage_id)
    if stage is None:
        stage = next((s for s in playbook.stages.values() if s.kind == stage_id), None)
    if stage is None:
        known = ", ".join(playbook.stages) or "none"
        raise CrisisplayError(f"no stage {stage_id!r} in playbook {playbook.id!r} (stages: {known})")
    return stage
