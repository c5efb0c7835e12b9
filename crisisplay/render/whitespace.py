"""Whitespace a template leaves behind: trailing blanks, runs of blank lines, edges.

Every rendered part goes through :func:`clean_part`, for one announcement and for each
of a million recipients alike, so it uses ``str`` methods only: on a long e-mail the
regular-expression version cost more than rendering the template
(``tests/render/test_whitespace.py`` checks both give the same result on random texts).
"""

from __future__ import annotations


def clean_part(text: str) -> str:
    """Trailing spaces and tabs dropped, runs of blank lines collapsed to one, edges stripped."""
    # One-character tests first: they run at memchr speed, the two-character ones scan
    # several times slower, and most parts have no "\r", no tab, and an SMS no line break.
    if "\n" not in text:
        return text.strip()
    if "\r" in text and "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if " \n" in text or ("\t" in text and "\t\n" in text):
        lines = text.split("\n")
        last = lines.pop()
        text = "\n".join([line.rstrip(" \t") for line in lines] + [last])
    # Trailing blanks are gone: a run of blank lines now always holds three line breaks.
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
