"""Shared helpers for the bundled-library tests (imported by the test modules)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from crisisplay.playbook.bundled import bundled_root
from crisisplay.playbook.model import CHANNEL_NAMES, Playbook, Template

CUSTOMER_KINDS = ("first_notice", "update", "resolution", "follow_up")
LOCALES = ("ru", "en")
REQUIRED_PARTS = {
    "email": {"subject", "preheader", "body"},
    "push": {"title", "body"},
    "contact_center": {"say", "avoid", "faq"},
    "voice": {"body"},
}
ROOT: Path = bundled_root()


def scenario_names() -> list[str]:
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and p.name != "base")


def scenario_path(name: str, locale: str) -> Path:
    return ROOT / name / f"{name}.{locale}.yaml"


def base_path(locale: str) -> Path:
    return ROOT / "base" / f"base.{locale}.yaml"


def all_playbook_paths() -> list[Path]:
    return [scenario_path(name, locale) for name in scenario_names() for locale in LOCALES]


def templates(playbook: Playbook) -> Iterator[tuple[str, str, str, Template]]:
    """(stage, channel, part, template) for every stage template, then the partials."""
    for stage in playbook.stages.values():
        for channel, channel_template in stage.templates.items():
            for part, template in channel_template.parts.items():
                yield stage.id, channel, part, template
    for name, template in playbook.partials.items():
        yield "partials", name, "", template


def example_facts(playbook: Playbook) -> dict[str, Any]:
    """The playbook's examples given as facts (so no CP252 example warnings)."""
    return playbook.example_facts()


def example_moment(playbook: Playbook) -> datetime:
    """A render time that fits the examples' own timeline: an hour before the promised update."""
    from crisisplay.playbook.fact_types import playbook_zone

    zone = playbook_zone(playbook)
    promised = datetime.fromisoformat(str(playbook.facts["next_update_at"].example)).replace(tzinfo=zone)
    return promised - timedelta(hours=1)


def render_examples(playbook: Playbook, stage_id: str) -> Any:
    """A stage rendered from the examples, given as facts, at :func:`example_moment`."""
    from crisisplay.render import render_stage

    return render_stage(playbook, stage_id, example_facts(playbook), at=example_moment(playbook))


__all__ = [
    "CHANNEL_NAMES",
    "CUSTOMER_KINDS",
    "LOCALES",
    "REQUIRED_PARTS",
    "ROOT",
    "all_playbook_paths",
    "base_path",
    "example_facts",
    "example_moment",
    "render_examples",
    "scenario_names",
    "scenario_path",
    "templates",
]
