"""``--out DIR``: each channel's native file plus ``bundle.json``, as one folder.

The outbox is written whole into a temporary folder beside ``DIR`` (every file
fsync'd, ``bundle.json`` last), then renamed into place: a full disk or a killed process
leaves the previous outbox (or nothing), never some channels without the others.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from crisisplay.errors import CrisisplayError
from crisisplay.fsutil import current_umask, sync_dir, write_error
from crisisplay.render.result import RenderResult

BUNDLE_NAME = "bundle.json"


def bundle_json(result: RenderResult, extra_diagnostics: list[Any] | None = None) -> str:
    data = result.to_bundle()
    if extra_diagnostics:
        data["diagnostics"].extend(diag.to_dict() for diag in extra_diagnostics)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_bundle(result: RenderResult, directory: str | Path, extra_diagnostics: list[Any] | None = None) -> list[Path]:
    """Write the messages' native files and ``bundle.json`` as one folder; return the paths.

    The whole outbox is written into a temporary folder beside ``directory`` (fsync'd),
    then renamed into place: readers see the previous outbox or the new one, never 1 of 12
    channel files without ``bundle.json``. A full disk or a read-only folder leaves the
    target as it was and raises :class:`~crisisplay.errors.CrisisplayError`.
    """
    files = {message.file: message.native_bytes for message in result.messages if message.ok or message.native}
    files[BUNDLE_NAME] = bundle_json(result, extra_diagnostics).encode("utf-8")
    return write_outbox(Path(directory), files)


def write_outbox(directory: Path, files: dict[str, bytes]) -> list[Path]:
    """``files`` (name → bytes, ``bundle.json`` last) as the folder ``directory``, or nothing."""
    target = Path(os.path.abspath(directory))
    _check_replaceable(target)
    parent = target.parent
    staging: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
        os.chmod(staging, 0o777 & ~current_umask())
        for name, data in files.items():
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        sync_dir(staging)
        _swap_into_place(staging, target)
        staging = None
        sync_dir(parent)
    except OSError as exc:
        raise write_error(exc, directory) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [directory / name for name in files]


def _swap_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; a previous outbox there is replaced, then removed."""
    if not target.exists():
        os.rename(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=staging.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError as exc:
        try:
            os.rename(old, target)  # put the previous outbox back
        except OSError:
            raise CrisisplayError(f"{write_error(exc, target).message}; the previous outbox is kept as {old}") from None
        raise
    shutil.rmtree(old, ignore_errors=True)


def _check_replaceable(target: Path) -> None:
    """``--out`` may be new, empty, or a previous outbox; never a folder of other files."""
    if not target.exists():
        return
    if not target.is_dir():
        raise CrisisplayError(f"--out {target} exists and is not a folder")
    entries = {entry.name for entry in target.iterdir()}
    if not entries:
        return
    listed = _outbox_files(target / BUNDLE_NAME)
    foreign = sorted(entries - listed - {BUNDLE_NAME}) if listed is not None else sorted(entries)
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise CrisisplayError(
            f"--out {target} holds files crisisplay did not write ({shown}); the outbox replaces the whole "
            "folder, so it must be new, empty or an earlier outbox",
            hint="choose another folder for --out",
        )


def _outbox_files(bundle: Path) -> set[str] | None:
    """The file names an earlier ``bundle.json`` lists, or None when it is not one."""
    try:
        data = json.loads(bundle.read_bytes()[: 64 * 1024 * 1024])
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("crisisplay_bundle") != 1 or not isinstance(data.get("messages"), list):
        return None
    return {str(m.get("file")) for m in data["messages"] if isinstance(m, dict) and m.get("file")}
