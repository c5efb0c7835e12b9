"""``lint --fix``: apply the safe substitutions, show what changed as a unified diff.

Only findings that carry a ``replacement`` are applied: word swaps marked ``autofix`` in a
pack (officialese with an exact plain equivalent), the playbook's ``tone.preferred`` words,
case fixes for ALL-CAPS words and for «Вы»/«вы». Alarm, blame and speculation findings
change meaning when reworded, so they are never applied. Overlapping edits keep the first.
An edit whose span in the file is not the same text as in the message (markup inside it) is
skipped.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from crisisplay.tone.base import Finding


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


def edits_from(findings: Iterable[Finding]) -> list[Edit]:
    """The safe, non-overlapping edits among ``findings``, in text order."""
    candidates = sorted(
        (Edit(f.start, f.end, f.replacement, f.rule)
         for f in findings if f.replacement is not None and f.end > f.start),
        key=lambda e: (e.start, e.end),
    )
    chosen: list[Edit] = []
    for edit in candidates:
        if chosen and edit.start < chosen[-1].end:
            continue
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit], *, original: str | None = None) -> tuple[str, int]:
    """Apply ``edits`` to ``text``; with ``original``, only where ``text`` matches it there.

    Returns the new text and the number of edits applied.
    """
    result = text
    applied = 0
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if original is not None and result[edit.start : edit.end] != original[edit.start : edit.end]:
            continue
        if result[edit.start : edit.end] == edit.replacement:
            continue
        result = result[: edit.start] + edit.replacement + result[edit.end :]
        applied += 1
    return result, applied


def unified_diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
