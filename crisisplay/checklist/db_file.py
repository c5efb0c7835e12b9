"""The checklist database as a file: where it lives, and what its failures mean to the user.

``--db``, else ``CRISISPLAY_DB``, else the per-user data directory. SQLite reports a
read-only folder, a full disk and a damaged file in its own words; :func:`store_error`
says them in terms of what the user can do. Light on purpose: the CLI's ``--db`` option
reads :data:`DB_ENV` from here without opening anything.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from crisisplay.errors import CrisisplayError

DB_ENV = "CRISISPLAY_DB"
DB_FILE = "checklists.sqlite3"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """``CRISISPLAY_DB``, else the per-user data directory (platformdirs)."""
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("crisisplay", appauthor=False) / DB_FILE


RECOVERY_HINT = (
    "export each run's audit log while it can still be read (crisisplay checklist log RUN --format json "
    "> RUN.json), or salvage the file with 'sqlite3 DB .recover'; then start a new database with --db NEW "
    f"or {DB_ENV}=NEW"
)


def store_error(exc: BaseException, path: Path, what: str) -> CrisisplayError:
    """A database failure in the terms of what the user can do about it.

    SQLite says "attempt to write a readonly database" for a read-only *folder* too (it
    cannot create the ``-wal`` file beside the database), and "disk I/O error" for a full
    disk at open: both are told apart here, from the file system itself.
    """
    text = str(exc)
    lowered = text.lower()
    code = getattr(exc, "errno", None)
    folder = path.parent
    if "locked" in lowered or "busy" in lowered:
        return CrisisplayError(f"the checklist database {path} stayed locked by another process",
                               hint="try again in a moment")
    readonly = "readonly" in lowered or "read-only" in lowered or code in (errno.EROFS, errno.EACCES, errno.EPERM)
    if readonly or "unable to open" in lowered:
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return CrisisplayError(
                f"{what} {path}: its folder {folder} is read-only (SQLite keeps {path.name}-wal and "
                f"{path.name}-shm beside the database); nothing was recorded",
                hint="make the folder writable, or keep the database elsewhere with --db")
        if readonly or (path.exists() and not os.access(path, os.W_OK)):
            return CrisisplayError(f"{what} {path}: the file is read-only; nothing was recorded",
                                   hint="make it writable (chmod u+w), or use another database with --db")
    if "full" in lowered or code == errno.ENOSPC or ("disk i/o" in lowered and _disk_full(folder)):
        return CrisisplayError(f"{what} {path}: the disk is full; nothing was recorded",
                               hint="free some space and repeat the command: the database is unchanged")
    if any(sign in lowered for sign in ("malformed", "not a database", "decode", "unreadable", "corrupt")):
        return CrisisplayError(f"the checklist database {path} is damaged ({text}); it was left as it is",
                               hint=RECOVERY_HINT)
    if "disk i/o" in lowered:
        return CrisisplayError(f"{what} {path}: the disk reported an I/O error",
                               hint="check the disk (full, removed, failing?) and repeat the command")
    if isinstance(exc, OSError):
        return CrisisplayError(f"{what} {path}: {exc.strerror or exc}")
    return CrisisplayError(f"{what} {path}: {text}")


def _disk_full(folder: Path) -> bool:
    import shutil  # here: only a failed write asks, and every command's --db option imports this module

    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all, without letting SQLite touch it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise CrisisplayError(f"{path} is a directory, not a checklist database") from None
    except OSError as exc:
        raise CrisisplayError(f"cannot read the checklist database {path}: {exc.strerror}") from None
    if head and head != _SQLITE_MAGIC:
        raise CrisisplayError(f"{path} is not a crisisplay checklist database; it was left untouched")
