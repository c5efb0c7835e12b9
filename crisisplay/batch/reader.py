"""Streaming recipient readers (CSV and JSONL) that know their byte position.

A mass notification reads files of millions of rows exported by a CRM, so the reader
never holds more than one record: memory stays flat whatever the file size. It reads
the file as bytes, line by line, and counts bytes itself, because ``--resume`` needs
the exact byte offset after the last committed record (a text-mode ``tell()`` is an
opaque cookie and breaks on multi-line CSV records).

Exports are messy. Instead of crashing on the first oddity, every problem becomes a
:class:`BadRow` with its line number and a reason id, and the caller decides whether
to skip it or stop (``--on-error``):

* ``bad_encoding``: a line that is not UTF-8 (an export in cp1251, a cut multibyte
  character);
* ``bad_csv``: broken quoting, a wrong number of fields, a quoted field that never ends;
* ``bad_json``: a JSONL line that is not a JSON object;
* ``bom``: a byte-order mark in the middle of the file (two exports glued together; the
  header of the second one would otherwise become a recipient);
* ``empty_line``: a blank line, which usually means a truncated or hand-edited file.

A BOM at the very start is normal (Excel writes one) and is skipped silently. The CSV
delimiter is the one of ``,`` ``;`` and tab that occurs most often in the header, since
spreadsheet exports in many European locales use ``;``.
"""

from __future__ import annotations

import csv
import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from crisisplay.batch.encodings import SNIFF_BYTES, check_encoding, encoding_advice, refuse_windows_1251
from crisisplay.batch.input_lines import BOM, MAX_RECORD_LINES, InputLines, Position, RecordTooLong
from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.reading import file_kind

MAX_FIELD_CHARS = 1 << 20
FORMATS = ("csv", "jsonl")
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}


# Named tuples, not frozen dataclasses: one of each per row, and a frozen dataclass costs
# several times more to create.
class Row(NamedTuple):
    """One record: ``values`` aligned with the CSV header, a JSONL object, or (``keep_lines``)
    an unquoted CSV line whose field count is right, still to be split at the delimiter."""

    line: int
    values: list[str] | dict[str, Any] | str
    end: Position


class BadRow(NamedTuple):
    """A record that could not be read, with the reason id and a human detail."""

    line: int
    reason: str
    detail: str
    raw: str
    end: Position


Item = Row | BadRow


def detect_format(path: str | Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise CrisisplayError(f"unknown recipients format {explicit!r} (use csv or jsonl)")
        return explicit
    fmt = _SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise CrisisplayError(
            f"cannot tell the format of {path} from its extension",
            hint="name it .csv or .jsonl",
        )
    return fmt


def _plain_line(raw: bytes, size: int) -> bool:
    """A line the csv module would split at the delimiters and nothing else: no quote, no NUL,
    no carriage return but the one of a final CRLF, not near the field size limit."""
    if b'"' in raw or b"\x00" in raw or size >= MAX_FIELD_CHARS:
        return False
    carriage = raw.find(b"\r")
    return carriage < 0 or (carriage == size - 2 and raw[-1] == 10)


class RecipientReader:
    """Reads one recipients file from ``start`` (or its first record) to the end."""

    def __init__(self, path: str | Path, fmt: str | None = None, encoding: str = "utf-8") -> None:
        self.path = Path(path)
        try:
            info = self.path.stat()
            # By type, before opening: a FIFO nobody writes to would block the open forever,
            # /dev/zero never ends; a mass send also rereads and resumes by byte offset.
            if not stat.S_ISREG(info.st_mode):
                raise CrisisplayError(
                    f"recipients file is {file_kind(info.st_mode)}, not a regular file; "
                    "save the list to a file first (a mass send resumes from a byte offset in it)",
                    Location(str(path)),
                )
            self.format = detect_format(self.path, fmt)
            self.encoding = check_encoding(encoding)
            self.size = info.st_size
            self._handle: IO[bytes] = self.path.open("rb")
        except OSError as exc:
            raise CrisisplayError(f"cannot read recipients: {exc.strerror}", Location(str(path))) from None
        self.header: tuple[str, ...] = ()
        self.delimiter = ","
        self._lines: InputLines | None = None
        #: pass a line without quotes on as one string (its fields checked, not split): the
        #: worker that renders it splits it, and one string crosses a process boundary cheaply
        self.keep_lines = False
        self.data_start = Position(0, 1)
        self._read_header()
        if self.encoding == "utf-8":
            self._handle.seek(self.data_start.offset)
            refuse_windows_1251(self._handle.read(SNIFF_BYTES), self.path, self.data_start.line)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> RecipientReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def offset(self) -> int:
        """Bytes consumed so far (for progress)."""
        return self._lines.offset if self._lines is not None else self.data_start.offset

    def _read_header(self) -> None:
        first = self._handle.readline()
        skip = len(BOM) if first.startswith(BOM) else 0
        if skip and self.encoding != "utf-8":
            raise CrisisplayError(f"the file starts with a UTF-8 byte-order mark, so it is UTF-8, not {self.encoding}",
                                  Location(str(self.path), 1, 1), hint="leave out --recipients-encoding")
        if self.format == "jsonl":
            self.data_start = Position(skip, 1)
            return
        where = Location(str(self.path), 1, 1)
        if not first.strip():
            raise CrisisplayError("the recipients file has no header line (id,name,phone,…)", where)
        try:
            text = first[skip:].decode(self.encoding)
        except UnicodeDecodeError:
            name = "UTF-8" if self.encoding == "utf-8" else self.encoding
            raise CrisisplayError(f"the header line is not {name}", where,
                                  hint=encoding_advice(first, self.encoding)) from None
        counts = {sep: text.count(sep) for sep in (",", ";", "\t")}
        self.delimiter = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
        try:
            fields = next(csv.reader([text], delimiter=self.delimiter, strict=True))
        except (csv.Error, StopIteration) as exc:
            raise CrisisplayError(f"cannot read the header line: {exc}", where) from None
        header = tuple(name.strip() for name in fields)
        seen: set[str] = set()
        for name in header:
            if not name:
                raise CrisisplayError("the header has an empty column name", where)
            if name.lower() in seen:
                raise CrisisplayError(f"the header names column {name!r} twice", where)
            seen.add(name.lower())
        self.header = header
        self.data_start = Position(len(first), 2)

    def items(self, start: Position | None = None) -> Iterator[Item]:
        """Records in file order, each a :class:`Row` or a :class:`BadRow`."""
        position = start or self.data_start
        self._handle.seek(position.offset)
        lines = self._lines = InputLines(self._handle, position, self.encoding)
        return self._jsonl(lines) if self.format == "jsonl" else self._csv(lines)

    def _jsonl(self, lines: InputLines) -> Iterator[Item]:
        while True:
            lines.start_record()
            raw = lines.read_raw()
            if not raw:
                return
            number = lines.next_line - 1
            lines.raw = [raw]
            text = lines.decode(raw, number)
            end = Position(lines.offset, lines.next_line)
            if lines.problem is not None:
                yield BadRow(number, lines.problem[0], lines.problem[1], lines.raw_text(), end)
                continue
            if not text.strip():
                yield BadRow(number, "empty_line", f"line {number} is empty", "", end)
                continue
            try:
                value = json.loads(text)
            except ValueError as exc:
                yield BadRow(number, "bad_json", f"line {number}: {exc}", lines.raw_text(), end)
                continue
            if not isinstance(value, dict):
                yield BadRow(number, "bad_json", f"line {number} is a JSON {type(value).__name__}, "
                             "not an object", lines.raw_text(), end)
                continue
            yield Row(number, value, end)

    def _csv(self, lines: InputLines) -> Iterator[Item]:
        """Records of a CSV file; a line without quotes is split directly (what the csv module
        would make of it, at a fraction of the cost), any other goes through the csv module."""
        csv.field_size_limit(MAX_FIELD_CHARS)
        reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
        width = len(self.header)
        delimiter = self.delimiter
        encoding = self.encoding
        keep = self.keep_lines
        readline = lines.handle.readline
        while True:
            lines.start_record()
            raw = readline()
            if not raw:
                return
            size = len(raw)
            lines.offset += size
            lines.next_line += 1
            if _plain_line(raw, size):
                lines.record_lines, lines.raw = 1, [raw]
                text = ""
                if not raw.startswith(BOM):
                    try:  # noqa: SIM105 - contextlib.suppress costs a context manager per row
                        text = raw.decode(encoding)
                    except UnicodeDecodeError:
                        pass
                if not text:  # a byte-order mark or bad bytes: decode() says which, for the rejection
                    text = lines.decode(raw, lines.record_start)
                cut = 2 if text.endswith("\r\n") else (1 if text.endswith("\n") else 0)
                body = text[:-cut] if cut else text
                if keep and body and lines.problem is None and body.count(delimiter) + 1 == width:
                    yield Row(lines.record_start, body, Position(lines.offset, lines.next_line))
                    continue
                fields = body.split(delimiter) if body else []
                if lines.problem is None and len(fields) == width:
                    yield Row(lines.record_start, fields, Position(lines.offset, lines.next_line))
                    continue
            else:
                lines.pending = raw
                try:
                    fields = next(reader)
                except StopIteration:  # pragma: no cover - the pending line is always there
                    return
                except RecordTooLong:
                    lines.rewind_to_second_line()
                    yield self._bad(lines, "bad_csv", f"line {lines.record_start}: a quoted field is still open "
                                    f"after {MAX_RECORD_LINES} lines (a missing closing quote?)")
                    continue
                except csv.Error as exc:
                    if lines.record_lines > 1:
                        lines.rewind_to_second_line()
                        detail = f"line {lines.record_start}: {exc} (a quote opened here is not closed as expected)"
                    else:
                        detail = f"line {lines.record_start}: {exc}"
                    yield self._bad(lines, "bad_csv", detail)
                    continue
            if lines.problem is not None:
                yield self._bad(lines, *lines.problem)
            elif not fields or (len(fields) == 1 and not fields[0].strip() and width > 1):
                yield self._bad(lines, "empty_line", f"line {lines.record_start} is empty")
            elif len(fields) != width:
                yield self._bad(lines, "bad_csv", f"line {lines.record_start} has {len(fields)} field(s), "
                                f"the header has {width}")
            else:
                yield Row(lines.record_start, fields, Position(lines.offset, lines.next_line))

    @staticmethod
    def _bad(lines: InputLines, reason: str, detail: str) -> BadRow:
        return BadRow(lines.record_start, reason, detail, lines.raw_text(),
                      Position(lines.offset, lines.next_line))
