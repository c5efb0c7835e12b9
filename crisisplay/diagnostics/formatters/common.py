"""Helpers every formatter shares: ordering, counts, safe text and repository-relative paths."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.lazy_re import LazyPattern

NO_FILE = "<no file>"

# C0/C1 controls except tab and newline: playbook text is untrusted, and an ESC or CR copied
# into a terminal could repaint or hide lines of the report.
# Compiled when the first finding is printed: a clean run prints none.
_CONTROL_RE = LazyPattern(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Stable order (file, line, column, rule) so output does not depend on check order."""
    return sorted(diagnostics, key=lambda d: d.sort_key())


def file_of(diag: Diagnostic) -> str | None:
    loc = diag.location
    return loc.file if loc is not None and loc.file else None


def severity_counts(diagnostics: Iterable[Diagnostic]) -> Counter[Severity]:
    return Counter(d.severity for d in diagnostics)


def _english_plural_rule() -> Callable[[float], str]:
    from crisisplay.wording import plural_rule  # CLDR's rule, without loading all of CLDR's English

    return plural_rule("en")


def plural(n: int, one: str, other: str) -> str:
    """``1 error``, ``2 errors``: the CLI speaks English; the category comes from CLDR."""
    return f"{n} {one if _english_plural_rule()(n) == 'one' else other}"


def clean(text: str) -> str:
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _is_outside(rel: str) -> bool:
    return rel == os.pardir or rel.startswith(os.pardir + os.sep)


def display_path(file: str, base_dir: str | None) -> str:
    """The path reported for ``file``: relative to ``base_dir`` when inside it, else absolute.

    Relative ``file`` values are taken relative to the current directory, like the CLI's
    arguments. Without ``base_dir`` the path is kept as given (normalised).
    """
    if base_dir is None:
        return os.path.normpath(file)
    abs_file = os.path.abspath(file)
    try:
        rel = os.path.relpath(abs_file, os.path.abspath(base_dir))
    except ValueError:  # another drive on Windows
        return abs_file
    return abs_file if _is_outside(rel) else rel


def to_posix(path: str) -> str:
    path = path.replace(os.sep, "/")
    return path.replace(os.altsep, "/") if os.altsep else path


def sarif_region(loc: Location, span: str = "") -> dict[str, Any] | None:
    """Only positive, well-ordered values: the schema and GitHub reject 0 and reversed ends."""
    if loc.line <= 0:
        return None
    region: dict[str, Any] = {"startLine": loc.line}
    if loc.column > 0:
        region["startColumn"] = loc.column
    end_line = loc.end_line if loc.end_line > 0 else loc.line
    if end_line >= loc.line:
        if loc.end_line > 0:
            region["endLine"] = end_line
        same_line_ok = end_line > loc.line or loc.end_column >= max(loc.column, 1)
        if loc.end_column > 0 and same_line_ok:
            region["endColumn"] = loc.end_column
    if span:
        region["snippet"] = {"text": span}
    return region
