"""Findings onto the exact text they are about.

Lint findings carry a location in the message text (1-based line and column, as
``lint_messages`` was given ``line=1``) and usually the ``span`` itself; render findings
point at the playbook's YAML, so only their ``span`` (a word, a character) and the
character positions their message names can place them. A finding is highlighted only
where the text really holds its span; otherwise it is listed without a mark.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.preview.model import Piece

#: A finding that covers nearly the whole message is about the message, not a span.
WHOLE_MESSAGE_SHARE = 0.9
_POSITION_RE = re.compile(r"at character (\d+) \(line \d+, column \d+\)")
_SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Span:
    """A finding's place in a message text: ``[start, end)``."""

    number: int
    start: int
    end: int
    severity: str


def offset_of(text: str, line: int, column: int) -> int:
    """The index of a 1-based (line, column) in ``text``, clamped to the text."""
    index = 0
    for _ in range(max(line, 1) - 1):
        found = text.find("\n", index)
        if found < 0:
            return len(text)
        index = found + 1
    line_end = text.find("\n", index)
    line_end = len(text) if line_end < 0 else line_end
    return min(index + max(column, 1) - 1, line_end)


def _nearest(text: str, needle: str, near: int) -> int:
    best = -1
    for match in re.finditer(re.escape(needle), text):
        if best < 0 or abs(match.start() - near) < abs(best - near):
            best = match.start()
    return best


def _whole(text: str, start: int, end: int) -> bool:
    content = len(text.strip())
    return content > 0 and end - start >= content * WHOLE_MESSAGE_SHARE


def locate(diag: Diagnostic, text: str, location: Location | None = None) -> tuple[int, int] | None:
    """Where ``diag`` sits in ``text``, or None when it is about the whole message.

    ``location`` overrides ``diag.location`` (for a related location in another message).
    The span, when the finding names one, decides: the location only says which
    occurrence (the one nearest to it).
    """
    loc = location if location is not None else diag.location
    start = end = -1
    if loc is not None and loc.line > 0:
        start = offset_of(text, loc.line, loc.column)
        if loc.end_line > 0 and (loc.end_line, loc.end_column) > (loc.line, loc.column):
            end = offset_of(text, loc.end_line, loc.end_column)
    span = diag.span if location is None else ""
    if span:
        if start >= 0 and text.startswith(span, start):
            return start, start + len(span)
        found = _nearest(text, span, max(start, 0))
        if found >= 0:
            return found, found + len(span)
        if start < 0:
            return None
    if start < 0 or end <= start or _whole(text, start, end):
        return None  # no extent: a finding about the message as a whole
    return start, end


def positions_in_message(diag: Diagnostic, text: str) -> list[tuple[int, int]]:
    """Characters a render finding lists ("'–' EN DASH at character 23 (line 2, column 5)")."""
    spans = []
    for match in _POSITION_RE.finditer(diag.message):
        index = int(match.group(1)) - 1
        if 0 <= index < len(text) and repr(text[index]) in diag.message:
            spans.append((index, index + 1))
    return spans


def _worst(severities: Iterable[str]) -> str:
    return max(severities, key=lambda s: _SEVERITY_RANK.get(s, 0), default="")


def pieces(
    text: str,
    spans: Sequence[Span],
    start: int = 0,
    end: int | None = None,
    opened: set[int] | None = None,
) -> tuple[Piece, ...]:
    """Cut ``text[start:end]`` into runs; each run lists the findings covering it.

    Overlapping findings never nest: a run covered by two is one run with both numbers,
    so the page has flat, valid ``<mark>`` elements. ``opened`` (shared across a page)
    keeps each finding's ``m-N`` anchor on its first run only, so ids stay unique.
    """
    stop = len(text) if end is None else end
    inside = [s for s in spans if s.start < stop and s.end > start and s.end > s.start]
    cuts = {start, stop}
    for span in inside:
        cuts.add(min(max(span.start, start), stop))
        cuts.add(min(max(span.end, start), stop))
    ordered = sorted(cuts)
    result: list[Piece] = []
    opened = set() if opened is None else opened
    for left, right in itertools.pairwise(ordered):
        if right <= left:
            continue
        covering = [s for s in inside if s.start <= left and s.end >= right]
        numbers = tuple(sorted({s.number for s in covering}))
        new = tuple(n for n in numbers if n not in opened)
        opened.update(new)
        closing = tuple(sorted({s.number for s in covering if s.end == right or right == stop}))
        result.append(Piece(
            text[left:right], numbers,
            anchors=tuple(f"m-{n}" for n in new),
            closes=closing,
            severity=_worst(s.severity for s in covering),
        ))
    return tuple(result) or (Piece(""),)
