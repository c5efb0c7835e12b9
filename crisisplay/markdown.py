"""Text made safe to sit in a Markdown table cell (checklist reports, docs/rules.md).

One helper because a report of people's notes and the rule reference break the same way: a
``|`` ends the cell, a newline ends the row, and raw HTML would be rendered by GitHub.
"""

from __future__ import annotations

_CELL_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "\\<", ">": "\\>", "\r": " ", "\n": " "})


def table_cell(value: object) -> str:
    """``value`` as inert Markdown for one table cell: no table breaks, no raw HTML."""
    return str(value).translate(_CELL_ESCAPES)
