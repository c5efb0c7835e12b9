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
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.batch.locales import LocaleSet
from crisisplay.batch.prepared import LocaleRender
from crisisplay.batch.reader import RecipientReader

#: Header key → how a difference is named; the order of the message.
CHECKED = (
    ("playbook_sha256", "the playbook (PLAYBOOK, its locale versions and what they extend)"),
    ("stage", "--stage"),
    ("facts_sha256", "the facts (--facts)"),
    ("sets", "--set"),
    ("example", "--example"),
    ("at", "--at"),
    ("channels", "--channel"),
    ("allow_duplicates", "--allow-duplicates"),
    ("phone_region", "the phone region (phone_region)"),
    ("format", "the recipients format"),
    ("encoding", "--recipients-encoding"),
    ("head", "the recipients file's header line"),
)
WHOLE_FILE = ("recipients_sha256", "the recipients file")


def run_header(recipients: Path, reader: RecipientReader, loaded: list[LocaleRender], at: datetime, *,
               playbook: str, facts: LocaleSet | None, facts_path: str | None, sets: tuple[str, ...],
               channels: tuple[str, ...] | None, allow_duplicates: bool, phone_region: str, on_error: str,
               sms_price: float | None, example: bool = False) -> dict[str, Any]:
    """What this run is asked to do, for the journal's first line."""
    from crisisplay.batch.journal import file_hash

    with recipients.open("rb") as handle:
        head = handle.read(reader.data_start.offset)
    return {
        "recipients": str(recipients.resolve()), "format": reader.format, "encoding": reader.encoding,
        "columns": list(reader.header), "head": hashlib.sha256(head).hexdigest(),
        "recipients_sha256": file_hash(recipients),
        "playbook": playbook, "playbook_sha256": files_hash(playbook_files(loaded)),
        "stage": loaded[0].stage_id, "at": at.isoformat(),
        "facts": facts_path, "facts_sha256": files_hash(facts.paths()) if facts is not None else None,
        "sets": list(sets), "example": example, "channels": list(channels) if channels is not None else None,
        "allow_duplicates": allow_duplicates, "phone_region": phone_region,
        "on_error": on_error, "sms_price": sms_price,
    }


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
            found.append(f"{label} differs ({_shown_setting(key, saved)} then, {_shown_setting(key, fresh)} now)")
    if finished:
        recorded = finished_hash or saved.get(WHOLE_FILE[0])
        if recorded != fresh.get(WHOLE_FILE[0]):
            found.append(f"{WHOLE_FILE[1]} differs (its content is not what the run read: "
                         f"{saved.get('recipients')} then, {fresh.get('recipients')} now)")
    return found


def _shown_setting(key: str, header: dict[str, Any]) -> str:
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
