"""Small builders for render tests: a playbook from a dict, written to a temp dir."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import Playbook

RENDER_DATA = Path(__file__).resolve().parent / "data"

BASE: dict[str, Any] = {
    "crisisplay": 1,
    "id": "mini",
    "title": "Mini",
    "locale": "ru",
    "timezone": "Europe/Moscow",
    "facts": {
        "incident": {"type": "text", "required": True, "example": "не работает приложение"},
        "next_update_at": {"type": "datetime", "required": True, "example": "2026-03-15T14:00"},
        "hotline": {"type": "phone", "required": True, "example": "+7 800 555-35-35"},
        "note": {"type": "text"},
    },
    "channels": {"sms": {}, "email": {}},
    "mandatory_facts": ["hotline", "next_update_at"],
    "stages": {"first_notice": {"kind": "first_notice", "templates": {}}},
}


class _BlockDumper(yaml.SafeDumper):
    """Multi-line templates as block scalars, as people write them (lines map 1:1)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def make_playbook(tmp_path: Path, templates: dict[str, Any], **changes: Any) -> Playbook:
    data = copy.deepcopy(BASE)
    data["stages"]["first_notice"]["templates"] = templates
    for key, value in changes.items():
        data[key] = value
    path = tmp_path / f"{data['id']}.{data['locale']}.yaml"
    path.write_text(yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_playbook(path)
