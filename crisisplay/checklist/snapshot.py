"""The part of a playbook a run depends on, frozen at the moment the run starts.

A crisis can last days, and the playbook YAML keeps being edited (or moved) meanwhile.
A run therefore stores its own copy of the checklists, stages, services, policy and time
zone as JSON, plus a SHA-256 of every source file in the ``extends`` chain: the run keeps
showing what the team actually worked from, and can still say "the playbook changed".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisplay.playbook.model import Checklist, ChecklistItem, Playbook, Policy, Service, Stage

SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class SourceFile:
    """One file of the ``extends`` chain and its content hash at run start."""

    path: str
    sha256: str


@dataclass(frozen=True)
class PlaybookSnapshot:
    """What a run needs from its playbook; rebuilt from JSON with no YAML involved."""

    id: str
    title: str
    locale: str
    version: str
    timezone: str
    checklists: dict[str, Checklist]
    stages: dict[str, Stage]
    services: tuple[Service, ...]
    policy: Policy
    channels: tuple[str, ...] = ()
    sources: tuple[SourceFile, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)

    @property
    def source_hash(self) -> str:
        """One hash over every source file: cheap to compare, stored beside the run."""
        digest = hashlib.sha256()
        for source in self.sources:
            digest.update(source.sha256.encode("ascii"))
        return digest.hexdigest()

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def role_name(self, owner: str) -> str:
        """An owner's display name: the role's name in the playbook, else the owner as typed."""
        return self.roles.get(owner, owner)

    def to_json(self) -> str:
        return json.dumps(_snapshot_dict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PlaybookSnapshot:
        return _snapshot_from_dict(json.loads(text))


def file_sha256(path: Path) -> str | None:
    """The file's hash, or None when it is gone or unreadable."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def take_snapshot(playbook: Playbook) -> PlaybookSnapshot:
    """Copy what a run needs out of a resolved playbook; hash its source files."""
    sources = []
    for name in playbook.chain:
        if name in ("-", "<stdin>"):
            continue
        path = Path(name).resolve()
        sources.append(SourceFile(str(path), file_sha256(path) or ""))
    return PlaybookSnapshot(
        id=playbook.id,
        title=playbook.title,
        locale=playbook.locale,
        version=playbook.version,
        timezone=playbook.timezone,
        checklists=dict(playbook.checklists),
        stages=dict(playbook.stages),
        services=tuple(playbook.services),
        policy=playbook.policy,
        channels=tuple(playbook.channels),
        sources=tuple(sources),
        roles=dict(playbook.roles),
    )


def source_changes(snapshot: PlaybookSnapshot) -> list[tuple[str, str]]:
    """``(path, "changed"|"missing")`` for each source file no longer as it was."""
    changes = []
    for source in snapshot.sources:
        current = file_sha256(Path(source.path))
        if current is None:
            changes.append((source.path, "missing"))
        elif current != source.sha256:
            changes.append((source.path, "changed"))
    return changes


def _seconds(delta: timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds())


def _delta(seconds: Any) -> timedelta | None:
    return None if seconds is None else timedelta(seconds=int(seconds))


def _snapshot_dict(snap: PlaybookSnapshot) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "id": snap.id,
        "title": snap.title,
        "locale": snap.locale,
        "version": snap.version,
        "timezone": snap.timezone,
        "checklists": {
            cid: {
                "title": checklist.title,
                "items": [
                    {
                        "id": item.id,
                        "text": item.text,
                        "owner": item.owner,
                        "due": _seconds(item.due),
                        "priority": item.priority,
                        "principle": item.principle,
                        "depends_on": list(item.depends_on),
                        "services": list(item.services),
                        "completes_on": item.completes_on,
                        "due_after": item.due_after,
                        "title": item.title,
                    }
                    for item in checklist.items
                ],
            }
            for cid, checklist in snap.checklists.items()
        },
        "stages": {
            sid: {
                "kind": st.kind,
                "title": st.title,
                "due": _seconds(st.due),
                "every": _seconds(st.every),
            }
            for sid, st in snap.stages.items()
        },
        "services": [
            {
                "id": s.id,
                "name": s.name,
                "tier": s.tier,
                "status": s.status,
                "alternative": s.alternative,
                "channels": list(s.channels),
                "service_level": s.service_level,
            }
            for s in snap.services
        ],
        "policy": {
            "first_notice_within": _seconds(snap.policy.first_notice_within),
            "max_update_gap": _seconds(snap.policy.max_update_gap),
        },
        "channels": list(snap.channels),
        "sources": [{"path": s.path, "sha256": s.sha256} for s in snap.sources],
        "extra": snap.extra,
        "roles": snap.roles,
    }


def _snapshot_from_dict(data: dict[str, Any]) -> PlaybookSnapshot:
    checklists = {
        cid: Checklist(
            id=cid,
            title=str(spec.get("title", cid)),
            items=tuple(
                ChecklistItem(
                    id=item["id"],
                    text=item["text"],
                    owner=item.get("owner", ""),
                    due=_delta(item.get("due")),
                    priority=item.get("priority", "normal"),
                    principle=item.get("principle", ""),
                    depends_on=tuple(item.get("depends_on", ())),
                    services=tuple(item.get("services", ())),
                    completes_on=item.get("completes_on", ""),
                    due_after=item.get("due_after", ""),
                    title=item.get("title", ""),
                )
                for item in spec.get("items", ())
            ),
        )
        for cid, spec in data.get("checklists", {}).items()
    }
    stages = {
        sid: Stage(
            id=sid,
            kind=spec.get("kind", "custom"),
            title=spec.get("title", ""),
            due=_delta(spec.get("due")),
            every=_delta(spec.get("every")),
        )
        for sid, spec in data.get("stages", {}).items()
    }
    services = tuple(
        Service(
            id=s["id"],
            name=s.get("name", s["id"]),
            tier=s.get("tier", "important"),
            status=s.get("status"),
            alternative=s.get("alternative", ""),
            channels=tuple(s.get("channels", ())),
            service_level=s.get("service_level", ""),
        )
        for s in data.get("services", ())
    )
    policy_raw = data.get("policy", {})
    default = Policy()
    first_notice = _delta(policy_raw.get("first_notice_within"))
    max_gap = _delta(policy_raw.get("max_update_gap"))
    policy = Policy(
        first_notice_within=default.first_notice_within if first_notice is None else first_notice,
        max_update_gap=default.max_update_gap if max_gap is None else max_gap,
    )
    return PlaybookSnapshot(
        id=data.get("id", ""),
        title=data.get("title", ""),
        locale=data.get("locale", ""),
        version=data.get("version", ""),
        timezone=data.get("timezone", "UTC"),
        checklists=checklists,
        stages=stages,
        services=services,
        policy=policy,
        channels=tuple(data.get("channels", ())),
        sources=tuple(SourceFile(s["path"], s["sha256"]) for s in data.get("sources", ())),
        extra=dict(data.get("extra", {})),
        roles=dict(data.get("roles", {})),
    )
