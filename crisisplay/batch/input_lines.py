"""The recipients file as physical lines: bytes counted, line numbers kept, encoding checked.

``--resume`` needs the exact byte offset after the last committed record, so the reader
counts bytes itself (a text-mode ``tell()`` is an opaque cookie). :class:`InputLines`
feeds the csv module line by line and remembers where each record started, its first
raw lines (for ``rejected.jsonl``) and the first problem met (a BOM in the middle, bytes
that are not in the file's encoding).
"""

from __future__ import annotations

from typing import IO, NamedTuple

from crisisplay.batch.encodings import encoding_advice

BOM = b"\xef\xbb\xbf"
#: A quoted CSV field may span lines (addresses, notes), but not forever: a quote that
#: is never closed would otherwise swallow the rest of the file into one field.
MAX_RECORD_LINES = 100


# A named tuple, not a frozen dataclass: one per row, and a frozen dataclass costs
# several times more to create.
class Position(NamedTuple):
    """Where reading continues: a byte offset at a line start, and that line's number."""

    offset: int
    line: int


class RecordTooLong(Exception):
    """Raised from the line feeder so that the csv module gives up on a runaway quote."""


class InputLines:
    """Physical lines as text, counting bytes and line numbers, flagging bad encoding.

    The csv module pulls lines from this iterator exactly as it needs them, so after
    each record ``offset`` and ``next_line`` point just past it.
    """

    def __init__(self, handle: IO[bytes], position: Position, encoding: str = "utf-8") -> None:
        self.handle = handle
        self.encoding = encoding
        self.offset = position.offset
        self.next_line = position.line
        self.record_start = position.line
        self.record_offset = position.offset
        self.record_lines = 0
        self.problem: tuple[str, str] | None = None
        self.raw: list[bytes] = []
        #: a line already read (and counted) that the csv module must parse
        self.pending: bytes | None = None

    def start_record(self) -> None:
        self.record_start = self.next_line
        self.record_offset = self.offset
        self.record_lines = 0
        self.problem = None
        self.raw = []

    def rewind_to_second_line(self) -> None:
        """After a broken multi-line record, continue at the line after its first one.

        A stray quote would otherwise take the following (good) rows down with it.
        """
        first = self.raw[0] if self.raw else b""
        self.offset = self.record_offset + len(first)
        self.next_line = self.record_start + 1
        self.handle.seek(self.offset)
        self.raw = self.raw[:1]

    def read_raw(self) -> bytes:
        raw = self.handle.readline()
        if raw:
            self.offset += len(raw)
            self.next_line += 1
        return raw

    def __iter__(self) -> InputLines:
        return self

    def __next__(self) -> str:
        if self.pending is not None:
            raw, self.pending = self.pending, None
        else:
            raw = self.read_raw()
        if not raw:
            raise StopIteration
        self.record_lines += 1
        if len(self.raw) < 3:
            self.raw.append(raw)
        if self.record_lines > MAX_RECORD_LINES:
            raise RecordTooLong
        return self.decode(raw, self.next_line - 1)

    def decode(self, raw: bytes, number: int) -> str:
        if raw.startswith(BOM):
            if self.problem is None:
                self.problem = ("bom", f"byte-order mark at the start of line {number} "
                                       "(two exports joined together?)")
            raw = raw[len(BOM):]
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            if self.problem is None or self.problem[0] == "bom":
                name = "UTF-8" if self.encoding == "utf-8" else self.encoding
                self.problem = ("bad_encoding", f"line {number} is not {name} (byte 0x{raw[exc.start]:02x} "
                                                f"at column {exc.start + 1}); {encoding_advice(raw, self.encoding)}")
            return raw.decode(self.encoding, "replace")

    def raw_text(self) -> str:
        return b"".join(self.raw).decode(self.encoding, "replace")[:500]
