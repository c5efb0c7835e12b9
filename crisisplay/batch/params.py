"""What a run was asked to do, as recorded in its journal, and what a resume may not change.

A retry loop that reuses one output folder must not "succeed" with the first notice's
files when it was asked for the update. So the journal header records everything that
decides the output (the playbook and a hash of its files, the stage, facts and ``--set``,
``--at``, ``--channel``, the recipients file and how it is read, the duplicate check and
the phone region), and ``--resume`` compares: any difference is refused, naming each one.

An interrupted run may be resumed after fixing lines *after* the stop, so the whole
recipients file is compared only for a finished run; for an unfinished one the input up
to the stop is checked byte for byte (:func:`crisisplay.batch.journal.input_window_hash`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crisisplay.batch.prepared import LocaleRender

#: Header key → how a difference is named; the order of the message.
CHECKED = (
    ("playbook_sha256", "the playbook (PLAYBOOK, its locale versions and what they extend)"),
    ("stage", "--stage"),
    ("facts_sha256", "the facts (--facts)"),
    ("sets", "--set"),
    ("at", "--at"),
    ("channels", "--channel"),
    ("allow_duplicates", "--allow-duplicates"),
    ("phone_region", "the phone region (phone_region)"),
    ("format", "the recipients format"),
    ("encoding", "--recipients-encoding"),
    ("head", "the recipients file's header line"),
)
WHOLE_FILE = ("recipients_sha256", "the recipients file")


def files_hash(paths: Iterable[Path]) -> str:
    """One SHA-256 over several files, by name and content (sorted: order does not matter)."""
    digest = hashlib.sha256()
    for path in sorted(set(paths)):
        digest.update(path.name.encode("utf-8") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def playbook_files(locales: Iterable[LocaleRender]) -> list[Path]:
    """Every file the run's playbooks are made of: each version, its ``extends`` chain, ``file:`` templates."""
    found: set[Path] = set()
    for loc in locales:
        playbook = loc.playbook
        found.update(Path(name).resolve() for name in playbook.chain if name and name != "-")
        templates = [*playbook.partials.values(),
                     *(t for stage in playbook.stages.values() for ct in stage.templates.values()
                       for t in ct.parts.values())]
        found.update(Path(t.path).resolve() for t in templates if t.path)
    return sorted(found)


def differences(saved: dict[str, Any], fresh: dict[str, Any], *, finished: bool,
                finished_hash: str = "") -> list[str]:
    """What differs between the recorded run and this invocation, in words."""
    found = []
    for key, label in CHECKED:
        if saved.get(key) != fresh.get(key):
            found.append(f"{label} differs ({_show(key, saved)} then, {_show(key, fresh)} now)")
    if finished:
        recorded = finished_hash or saved.get(WHOLE_FILE[0])
        if recorded != fresh.get(WHOLE_FILE[0]):
            found.append(f"{WHOLE_FILE[1]} differs (its content is not what the run read: "
                         f"{saved.get('recipients')} then, {fresh.get('recipients')} now)")
    return found


def _show(key: str, header: dict[str, Any]) -> str:
    value = header.get(key)
    if key == "playbook_sha256":
        return f"{header.get('playbook')} ({str(value)[:12]})"
    if key == "facts_sha256":
        return f"{header.get('facts')} ({str(value)[:12]})" if header.get("facts") else "no facts file"
    if key == "head":
        return str(header.get("columns", value))
    if value is None or value == []:
        return "none"
    return repr(value)
