"""Reading playbooks, facts and messages: bounded, by file type, with clear errors.

Every input goes through here, stdin included: regular files only (a FIFO without a
writer would block forever, ``/dev/zero`` would never end), at most ``Limits.max_bytes``
read in bounded chunks, and text that is UTF-8 (the BOM is dropped; UTF-16, UTF-32 and
binary files are named as such, with the byte position).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError

MAX_FILE_BYTES = 2 * 1024 * 1024
_CHUNK = 64 * 1024


def read_bytes(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file with a size limit and user-facing errors.

    FIFOs, devices and sockets are refused by type before they are opened: reading a FIFO
    nobody writes to would wait forever, ``/dev/zero`` would never end.
    """
    name = str(path)
    p = Path(path)
    try:
        info = p.stat()
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise CrisisplayError("is a directory, expected a file", Location(name))
        if not stat.S_ISREG(mode):
            raise CrisisplayError(
                f"is {file_kind(mode)}, not a regular file; to read a stream, pipe it to '-'",
                Location(name),
            )
        size = info.st_size
        if size > max_bytes:
            raise CrisisplayError(
                f"file is {size:,} bytes, larger than the limit of {max_bytes:,}", Location(name)
            )
        with p.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise CrisisplayError("no such file", Location(name)) from None
    except PermissionError:
        raise CrisisplayError("permission denied", Location(name)) from None
    except OSError as exc:
        raise CrisisplayError(f"cannot read file: {exc.strerror or exc}", Location(name)) from None
    if len(data) > max_bytes:  # grew while we read it
        raise CrisisplayError(f"file is larger than the limit of {max_bytes:,} bytes", Location(name))
    return data


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages: "a FIFO (named pipe)", "a device", …"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_stream(stream: BinaryIO, name: str = "<stdin>", limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a stream (stdin) in bounded chunks: past ``limit`` bytes it stops and refuses.

    ``validate - < /dev/zero`` must fail at once with the limit, not read gigabytes first.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(min(_CHUNK, limit + 1 - total))
        except OSError as exc:
            raise CrisisplayError(f"cannot read input: {exc.strerror or exc}", Location(name)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise CrisisplayError(
                f"input is larger than the limit of {limit:,} bytes; nothing beyond it was read", Location(name)
            )


def decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise CrisisplayError("file is UTF-32 encoded; save it as UTF-8", Location(file, 1, 1))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CrisisplayError("file is UTF-16 encoded; save it as UTF-8", Location(file, 1, 1))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise CrisisplayError(
            "file contains NUL bytes: a binary file, or UTF-16/UTF-32 without a byte-order mark; "
            "save it as UTF-8 text",
            Location(file, line, column),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        # A UTF-8 BOM carries no information; editors on Windows add it. Drop it.
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CrisisplayError(
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            Location(file, line, column),
        ) from None
