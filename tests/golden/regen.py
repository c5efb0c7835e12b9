"""Golden files: every playbook × stage × channel, rendered as reviewable text.

Regenerate after an intended change, then review the diff::

    python -m tests.golden.regen            # rewrite every golden file
    CRISISPLAY_UPDATE_GOLDEN=1 pytest tests/render/test_render_golden.py   # the same, via pytest

Playbooks are discovered automatically: every ``*.yaml`` under
``crisisplay/data/playbooks`` (abstract bases skipped) plus the render fixtures in
``tests/render/data``. Each is rendered in its own locale from its embedded examples,
given as facts (as a CX lead with every fact would; no example warnings), at a time that
fits the examples' own timeline: an hour before the promised next update, or 2026-03-15
10:00 in the playbook's zone when there is none.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SOURCES = (ROOT / "crisisplay" / "data" / "playbooks", ROOT / "tests" / "render" / "data")
AT = "2026-03-15T10:00"


def discover() -> list[Path]:
    """Every concrete playbook (not ``abstract: true``) under the sources."""
    found = []
    for source in SOURCES:
        for path in sorted(source.rglob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text("utf-8"))
            except (OSError, yaml.YAMLError):
                data = None
            if isinstance(data, dict) and not data.get("abstract") and data.get("stages"):
                found.append(path)
    return found


def cases() -> list[tuple[Path, str]]:
    from crisisplay.playbook.build import load_playbook

    result: list[tuple[Path, str]] = []
    for path in discover():
        playbook = load_playbook(path)
        result.extend((path, stage) for stage in playbook.stages)
    return result


def golden_path(path: Path, stage: str) -> Path:
    relative = path.relative_to(ROOT).with_suffix("")
    return GOLDEN / relative.parent.name / f"{relative.name}.{stage}.txt"


def _readable_banner(native: str) -> str:
    """website_banner.html is ASCII (character references) with a fixed stylesheet: the
    golden shows its text as read and the stylesheet by name, so a wording diff is legible."""
    import re

    from crisisplay.render.channels.website_banner import BANNER_CSS

    native = native.replace(f"<style>{BANNER_CSS}</style>", "<style>/* BANNER_CSS */</style>")
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))) if int(m.group(1)) > 127 else m.group(0), native)


def _native(channel: str, native: str | bytes) -> str:
    if channel == "website_banner" and isinstance(native, str):
        return _readable_banner(native).rstrip("\n")
    if isinstance(native, bytes):
        parsed = message_from_bytes(native, policy=policy.default)
        lines = [f"{key}: {value}" for key, value in parsed.items() if key.lower() != "content-type"]
        lines.append(f"Content-Type: {parsed.get_content_type()}")
        for part in parsed.iter_parts():
            lines += ["", f"[{part.get_content_type()}]", str(part.get_content()).rstrip("\n")]
        return "\n".join(lines)
    return native.rstrip("\n")


def render_golden(path: Path, stage: str) -> str:
    """The reviewable text of one playbook stage: every channel's figures, parts, native form."""
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.playbook.values import parse_datetime
    from crisisplay.render.renderer import Renderer

    playbook = load_playbook(path)
    at = parse_datetime(AT, playbook_zone(playbook))
    promised = playbook.facts.get("next_update_at")
    if promised is not None and promised.example is not None:
        at = parse_datetime(str(promised.example), playbook_zone(playbook))
        at = at - timedelta(hours=1) if at is not None else None
    assert at is not None
    result = Renderer(playbook).render(stage, playbook.example_facts(), at=at)
    out = [f"# {playbook.id} · {stage} · {playbook.locale} · at {at.isoformat()}"]
    for message in result.messages:
        out += ["", f"=== {message.channel} ({message.file}) {'ok' if message.ok else 'NOT SENDABLE'}",
                "figures: " + json.dumps(message.figures, ensure_ascii=False, sort_keys=True),
                "limits: " + json.dumps(message.limits, ensure_ascii=False, sort_keys=True),
                "--- native", _native(message.channel, message.native) if message.native else "(none)"]
    findings = result.all_diagnostics()
    out += ["", "=== diagnostics"] + [
        f"{d.severity.label} {d.rule} {d.location or ''}: {d.message}" for d in findings
    ] if findings else ["", "=== diagnostics", "(none)"]
    text = "\n".join(out).replace("\r\n", "\n") + "\n"
    return text.replace(str(ROOT) + "/", "")


def regenerate() -> list[Path]:
    written = []
    for path, stage in cases():
        target = golden_path(path, stage)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_golden(path, stage), encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    for target in regenerate():
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
