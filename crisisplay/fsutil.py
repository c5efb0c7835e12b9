"""Atomic file output: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from crisisplay.errors import CrisisplayError


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path``, fsync, then rename over it.

    If the block raises (or the process dies), ``path`` is untouched and the
    temporary file is removed (or left as an ignorable ``.name.*.tmp``).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise write_error(exc, target) from None
    try:
        # mkstemp creates 0600 files; outputs are ordinary files, so honour the umask.
        os.chmod(tmp_name, 0o666 & ~current_umask())
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):  # a full disk, a read-only file system: the old file is intact
            raise write_error(exc, target) from None
        raise


def sync_dir(directory: str | Path) -> None:
    """fsync a folder, so that a rename or a new file in it survives a power cut."""
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsync'd
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "the disk reported an I/O error",
}


def write_error(exc: OSError, target: str | Path) -> CrisisplayError:
    """An OSError while writing ``target`` as a message that names the path and the cause."""
    cause = _CAUSES.get(exc.errno or 0) or exc.strerror or str(exc)
    return CrisisplayError(f"cannot write {target}: {cause}; nothing was written")


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    with atomic_writer(path, binary=True) as handle:
        handle.write(data)
