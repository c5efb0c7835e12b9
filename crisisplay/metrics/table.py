"""Reading a CSV export: encoding, delimiter, header, rows with their line numbers.

Exports come from survey tools and from Excel. Russian Excel writes ``;`` between cells
and a decimal comma inside them, often with a UTF-8 byte-order mark; English tools write
``,``. The delimiter is taken from the header line (the one of ``,``, ``;`` or tab that
occurs most often there, outside quotes), so no guessing happens on the data itself.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.metrics.parsing import parse_timestamp
from crisisplay.wording import Wording, wording_for

DELIMITERS = (",", ";", "\t")
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Issue:
    """One bad cell or row, kept out of every figure and reported with its CSV line.

    ``message`` is English; ``key`` and ``params`` name the text in the metrics wording
    catalog, so a report in another language says the same (:meth:`text`).
    """

    line: int
    column: str
    kind: str  # empty, non_numeric, not_integer, out_of_range, bad_date, bad_value,
    # duplicate, extra_cells
    value: str
    message: str
    key: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def text(self, wording: Wording) -> str:
        return wording.text(self.key, **dict(self.params)) if self.key else self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "value": self.value,
            "message": self.message,
        }


def issue(line: int, column: str, kind: str, value: str, key: str, /, **params: object) -> Issue:
    """An :class:`Issue` whose message is the catalog's ``key`` (English kept in ``message``)."""
    texts = tuple((name, str(param)) for name, param in params.items())
    return Issue(line, column, kind, value, wording_for("metrics", "en").text(key, **dict(texts)), key, texts)


class Note(str):
    """A note on the data (a missing optional column): English text, with its catalog key."""

    key: str
    params: tuple[tuple[str, str], ...]

    def __new__(cls, key: str, **params: object) -> Note:
        texts = tuple((name, str(param)) for name, param in params.items())
        self = super().__new__(cls, wording_for("metrics", "en").text(key, **dict(texts)))
        self.key, self.params = key, texts
        return self

    def text(self, wording: Wording) -> str:
        return wording.text(self.key, **dict(self.params))


def note_text(note: str, wording: Wording) -> str:
    return note.text(wording) if isinstance(note, Note) else note


def count_issues(issues: Iterable[Issue]) -> dict[str, int]:
    """How many bad cells or rows of each kind, sorted by kind (JSON and text summaries)."""
    return dict(sorted(Counter(i.kind for i in issues).items()))


def data_quality(issues: Sequence[Issue], notes: Sequence[str], words: Wording | None = None) -> dict[str, Any]:
    """The part every metrics report ends with: what was left out, and why (in ``words``' language)."""
    if words is None or words.language == "en":
        return {"issue_counts": count_issues(issues), "issues": [i.to_dict() for i in issues], "notes": list(notes)}
    return {"issue_counts": count_issues(issues),
            "issues": [{**i.to_dict(), "message": i.text(words)} for i in issues],
            "notes": [note_text(n, words) for n in notes]}


@dataclass(frozen=True)
class TableRow:
    """A data row: the line it starts on and its cells in header order."""

    line: int
    cells: list[str]

    def get(self, index: int | None) -> str:
        """The cell at ``index`` (``""`` for a short row or no column), spaces stripped."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def extra_cells(self, width: int) -> Issue | None:
        """An issue when the row has non-empty cells beyond the header's ``width`` columns."""
        extra = [c for c in self.cells[width:] if c.strip()]
        if not extra:
            return None
        return issue(self.line, "(row)", "extra_cells", "|".join(extra), "issue_extra_cells", count=len(extra))


@dataclass
class Table:
    path: str
    header: list[str]
    delimiter: str
    header_line: int = 1
    rows: list[TableRow] = field(default_factory=list)

    def location(self, line: int = 0) -> Location:
        return Location(self.path, line)

    def column(self, name: str, *, option: str, required: bool = True) -> int | None:
        """The index of the header cell named ``name`` (exact first, then ignoring case).

        A missing required column is a :class:`CrisisplayError` at line 1; a missing
        optional one is ``None``. A name that appears twice is always an error.
        """
        for exact in (True, False):
            wanted = name.strip() if exact else name.strip().casefold()
            found = [
                i for i, h in enumerate(self.header) if (h if exact else h.casefold()) == wanted
            ]
            if len(found) > 1:
                raise CrisisplayError(
                    f"column {name!r} appears {len(found)} times in the header",
                    self.location(self.header_line),
                )
            if found:
                return found[0]
        if not required:
            return None
        shown = ", ".join(repr(h) for h in self.header) or "(none)"
        raise CrisisplayError(
            f"no column {name!r} in the header (columns: {shown})",
            self.location(self.header_line),
            hint=f"pass {option} NAME to pick the column",
        )


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that occurs most often in the header line outside quotes (``,`` on a tie).

    A header with none of them has a single column: then a tab, so that an unquoted
    decimal comma (``4,5``) stays one cell.
    """

    counts: Counter[str] = Counter()
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in DELIMITERS:
            counts[ch] += 1
    if not counts:
        return "\t"
    best = max(counts.values())
    return next(d for d in DELIMITERS if counts[d] == best)


def read_text(path: str | Path, encoding: str = "utf-8-sig") -> str:
    """The file's text; a missing, unreadable or wrongly encoded file is a CrisisplayError."""

    p = Path(path)
    loc = Location(str(path))
    try:
        if p.is_dir():
            raise CrisisplayError("is a directory, not a CSV file", loc)
        data = p.read_bytes()
    except FileNotFoundError:
        raise CrisisplayError("file not found", loc) from None
    except OSError as exc:
        raise CrisisplayError(f"cannot read: {exc.strerror}", loc) from None
    if len(data) > MAX_BYTES:
        raise CrisisplayError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", loc)
    try:
        text = data.decode(encoding)
    except LookupError:
        raise CrisisplayError(f"unknown encoding {encoding!r}", loc) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CrisisplayError(
            f"not valid {encoding} text (byte {exc.start + 1})",
            Location(str(path), line),
            hint="save the export as UTF-8, or pass --encoding cp1251",
        ) from None
    return text.lstrip("\ufeff")


def read_table(
    path: str | Path, *, encoding: str = "utf-8-sig", delimiter: str | None = None
) -> Table:
    """Parse a CSV export with a header line. Blank lines are skipped."""

    text = read_text(path, encoding)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first:
        raise CrisisplayError("the file is empty: expected a header line", Location(str(path)))
    delim = delimiter or sniff_delimiter(first)
    table = Table(str(path), [], delim)
    try:
        for line, cells in _records(text, delim):
            if not table.header:
                table.header = [c.strip() for c in cells]
                table.header_line = line
                continue
            table.rows.append(TableRow(line, cells))
    except csv.Error as exc:
        raise CrisisplayError(f"malformed CSV: {exc}", Location(str(path))) from None
    return table


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous_end = 0
    for cells in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        yield start, cells


def date_cell(text: str, line: int, column: str, found: list[Issue]) -> datetime | None:
    """The date in a cell, or ``None`` with an ``empty``/``bad_date`` issue added to ``found``."""

    if not text:
        found.append(issue(line, column, "empty", "", "issue_no_date"))
        return None
    when = parse_timestamp(text)
    if when is None:
        found.append(issue(line, column, "bad_date", text, "issue_bad_date", text=repr(text)))
    return when
