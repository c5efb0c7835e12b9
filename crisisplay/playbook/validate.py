"""``validate`` as a library: files and folders in, Diagnostics out."""

from __future__ import annotations

import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.build import resolve_document
from crisisplay.playbook.bundled import BUNDLED_PREFIX, bundled_path
from crisisplay.playbook.chain import RULE_SYNTAX
from crisisplay.playbook.loader import DEFAULT_LIMITS, Limits, load_bytes, load_file
from crisisplay.playbook.reading import file_kind
from crisisplay.playbook.rules import RuleContext, check_playbook

PLAYBOOK_SUFFIXES = (".yaml", ".yml")


@dataclass
class ValidationReport:
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders recursed for ``*.yaml``/``*.yml`` (hidden folders skipped).

    ``bundled:NAME`` names a bundled playbook; ``bundled:`` alone, the whole library.
    """
    result: list[str] = []
    for raw in paths:
        if raw == "-":
            result.append(raw)
            continue
        path = Path(raw)
        if raw.startswith(BUNDLED_PREFIX):
            path = bundled_path(raw, must_exist=True)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise CrisisplayError("no such file or directory", Location(raw)) from None
        except OSError as exc:
            raise CrisisplayError(f"cannot read: {exc.strerror or exc}", Location(raw)) from None
        if stat.S_ISDIR(mode):
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in PLAYBOOK_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise CrisisplayError(
                    f"no playbooks found under {raw} (looked for *.yaml and *.yml, hidden folders skipped)",
                    hint="is the path right?",
                )
            result.extend(str(p) for p in found)
        elif stat.S_ISREG(mode):
            result.append(str(path) if raw.startswith(BUNDLED_PREFIX) else raw)
        else:
            raise CrisisplayError(
                f"is {file_kind(mode)}, not a playbook file; to read a stream, pipe it to '-'", Location(raw)
            )
    return result


def validate_one(
    name: str,
    *,
    data: bytes | None = None,
    limits: Limits = DEFAULT_LIMITS,
    known_filters: frozenset[str] | None = None,
    extra_names: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """Every finding for one playbook file (or stdin bytes when ``data`` is given)."""
    try:
        document = load_bytes(data, name, limits) if data is not None else load_file(name, limits)
    except CrisisplayError as exc:
        return [Diagnostic(RULE_SYNTAX, Severity.ERROR, "syntax", exc.message, exc.location, source="validate")]
    resolution = resolve_document(document, limits)
    diagnostics = list(resolution.diagnostics)
    if resolution.playbook is not None:
        context = RuleContext(resolution.playbook, known_filters=known_filters, extra_names=extra_names)
        diagnostics.extend(check_playbook(context))
    unique = list(dict.fromkeys(diagnostics))
    return sorted(unique, key=Diagnostic.sort_key)


def validate_paths(
    paths: Iterable[str],
    *,
    stdin_data: bytes | None = None,
    limits: Limits = DEFAULT_LIMITS,
    known_filters: frozenset[str] | None = None,
    extra_names: frozenset[str] = frozenset(),
) -> ValidationReport:
    report = ValidationReport()
    for name in expand_paths(paths):
        data = stdin_data if name == "-" else None
        display = "<stdin>" if name == "-" else name
        if name == "-" and data is None:
            data = b""
        report.files.append(display)
        report.diagnostics.extend(
            validate_one(
                display if name == "-" else name,
                data=data,
                limits=limits,
                known_filters=known_filters,
                extra_names=extra_names,
            )
        )
    # A finding in a shared parent shows once, not once per child that extends it.
    report.diagnostics = sorted(dict.fromkeys(report.diagnostics), key=Diagnostic.sort_key)
    return report
