"""Turn lists of :class:`Diagnostic` into text, JSON, SARIF or GitHub workflow commands.

``validate``, ``render`` and ``lint`` share these so that every command reports findings the
same way. Each formatter returns a string without a trailing newline and never prints: the
CLI decides where output goes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import click

from crisisplay import __version__
from crisisplay.diagnostics.model import CATEGORIES, Diagnostic, Location, RuleInfo, Severity

__all__ = [
    "FORMATTERS",
    "INFORMATION_URI",
    "SARIF_SCHEMA_URI",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "render_diagnostics",
]

#: The schema id the official OASIS SARIF 2.1.0 (errata 01) schema declares.
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
#: ``tool.driver.informationUri`` must be an absolute URI; the package's registry page is the
#: one address that exists for every release. Override with ``information_uri=``.
INFORMATION_URI = "https://pypi.org/project/crisisplay/"
#: Key of our own entry in ``partialFingerprints``. GitHub reserves and recomputes
#: ``primaryLocationLineHash``, so we must not fill that one with a different hash.
FINGERPRINT_KEY = "crisisplayFindingHash/v1"

NO_FILE = "<no file>"

_COLORS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}
_SARIF_LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
_GITHUB_COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}
# C0/C1 controls except tab and newline: playbook text is untrusted, and an ESC or CR copied
# into a terminal could repaint or hide lines of the report.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _sorted(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Stable order (file, line, column, rule) so output does not depend on check order."""
    return sorted(diagnostics, key=lambda d: d.sort_key())


def _file_of(diag: Diagnostic) -> str | None:
    loc = diag.location
    return loc.file if loc is not None and loc.file else None


def _counts(diagnostics: Iterable[Diagnostic]) -> Counter[Severity]:
    return Counter(d.severity for d in diagnostics)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- text


def _clean(text: str) -> str:
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _indented(label: str, text: str, indent: str = "    ") -> list[str]:
    """A labelled block whose continuation lines line up under the first line's text."""
    lines = _clean(text).splitlines() or [""]
    pad = indent + " " * len(label)
    return [indent + label + lines[0], *(pad + line for line in lines[1:])]


def _where(loc: Location | None) -> str:
    if loc is None or not loc.file:
        return NO_FILE
    return _clean(str(loc))


def _summary_line(diagnostics: Sequence[Diagnostic], color: bool) -> str:
    if not diagnostics:
        return click.style("no problems", fg="green") if color else "no problems"
    counts = _counts(diagnostics)
    parts = [
        _plural(counts[sev], sev.label)
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[sev]
    ]
    text = f"{_plural(len(diagnostics), 'problem')} ({', '.join(parts)})"
    files = {f for f in map(_file_of, diagnostics) if f is not None}
    if files:
        text += f" in {_plural(len(files), 'file')}"
    if color:
        worst = max(counts)
        text = click.style(text, fg=_COLORS[worst], bold=True)
    return text


def format_text(
    diagnostics: Sequence[Diagnostic], *, color: bool = False, summary: bool = True
) -> str:
    """Human-readable report: ``file:line:col: severity [RULE] message (category)`` lines.

    The ``file:line:col`` prefix is what editors and terminals turn into links. Findings are
    grouped by file (a blank line between files); span, fix and related places follow on
    indented lines. Control characters from playbook text are shown escaped, never sent raw.
    """
    out: list[str] = []
    previous_file: str | None = None
    for index, diag in enumerate(_sorted(diagnostics)):
        file = _file_of(diag) or NO_FILE
        if index and file != previous_file:
            out.append("")
        previous_file = file
        where = _where(diag.location)
        severity = diag.severity.label
        rule = f"[{_clean(diag.rule)}]"
        category = f"({_clean(diag.category)})" if diag.category else ""
        if color:
            where = click.style(where, bold=True)
            severity = click.style(severity, fg=_COLORS[diag.severity], bold=True)
            category = click.style(category, dim=True) if category else ""
        head, *rest = _clean(diag.message).splitlines() or [""]
        line = f"{where}: {severity} {rule} {head}"
        out.append(f"{line} {category}" if category else line)
        out.extend("    " + extra for extra in rest)
        if diag.span:
            out.extend(_indented("| ", diag.span))
        if diag.fix:
            out.extend(_indented("fix: ", diag.fix))
        for related in diag.related:
            out.extend(_indented("see also: ", _where(related)))
    if summary:
        if out:
            out.append("")
        out.append(_summary_line(diagnostics, color))
    return "\n".join(out)


# --------------------------------------------------------------------------- json


def format_json(diagnostics: Sequence[Diagnostic], *, extra: dict[str, Any] | None = None) -> str:
    """A versioned JSON document for scripts: ``version``, ``diagnostics``, ``summary``.

    ``extra`` adds top-level keys (e.g. the playbook path) but may not replace the fixed ones,
    so consumers can rely on them. Non-ASCII text stays readable (``ensure_ascii=False``).
    """
    counts = _counts(diagnostics)
    document: dict[str, Any] = {
        "version": 1,
        "diagnostics": [d.to_dict() for d in _sorted(diagnostics)],
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
        },
    }
    if extra:
        clash = sorted(set(extra) & set(document))
        if clash:
            raise ValueError(f"extra keys would replace fixed JSON keys: {', '.join(clash)}")
        document.update(extra)
    return json.dumps(document, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- sarif


def _is_outside(rel: str) -> bool:
    return rel == os.pardir or rel.startswith(os.pardir + os.sep)


def _display_path(file: str, base_dir: str | None) -> str:
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


def _to_posix(path: str) -> str:
    path = path.replace(os.sep, "/")
    return path.replace(os.altsep, "/") if os.altsep else path


def _artifact_location(file: str, base_dir: str | None) -> dict[str, Any]:
    """SARIF ``artifactLocation``: relative URIs hang off ``%SRCROOT%``, others are file URIs.

    GitHub matches alerts to repository files by the relative URI, so it must use forward
    slashes and percent-encoding (Cyrillic names, spaces, ``#``) rather than raw OS paths.
    """
    path = _display_path(file, base_dir)
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(_to_posix(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(loc: Location, span: str = "") -> dict[str, Any] | None:
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


def _physical_location(loc: Location, base_dir: str | None, span: str = "") -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(loc.file, base_dir)}
    region = _region(loc, span)
    if region is not None:
        physical["region"] = region
    return physical


def _text_or(text: str, fallback: str) -> str:
    return text.strip() or fallback


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    short = _text_or(rule.summary, CATEGORIES.get(rule.category, rule.id))
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _text_or(rule.name, rule.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": _text_or(rule.doc, short)},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        "properties": {"tags": [rule.category] if rule.category else []},
    }
    if rule.doc.strip():
        descriptor["help"] = {"text": rule.doc.strip()}
    return descriptor


def _synthesised_rule(rule_id: str, found: Sequence[Diagnostic]) -> RuleInfo:
    """A descriptor for a rule the caller did not describe, so every ``ruleIndex`` resolves."""
    category = found[0].category
    return RuleInfo(
        id=rule_id,
        name=rule_id,
        severity=max(d.severity for d in found),
        category=category,
        summary=CATEGORIES.get(category, rule_id),
        tool=found[0].source or "crisisplay",
    )


def _fingerprint(rule: str, uri: str, message: str) -> str:
    """Hash of what the finding is, not where: stays put when lines above it move."""
    data = "\0".join((rule, uri, message)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _result_properties(diag: Diagnostic) -> dict[str, Any]:
    props: dict[str, Any] = {"category": diag.category}
    if diag.category:
        props["tags"] = [diag.category]
    if diag.fix:
        props["fix"] = diag.fix
    if diag.source:
        props["source"] = diag.source
    return props


def format_sarif(
    diagnostics: Sequence[Diagnostic],
    *,
    rules: Sequence[RuleInfo] = (),
    tool_name: str = "crisisplay",
    tool_version: str = __version__,
    base_dir: str | None = None,
    information_uri: str = INFORMATION_URI,
) -> str:
    """A SARIF 2.1.0 log (one run) that GitHub code scanning accepts.

    Every rule a result refers to gets a descriptor (synthesised when missing from ``rules``)
    so ``ruleIndex`` always resolves. Pass ``base_dir`` (the repository root) so URIs are
    relative to ``%SRCROOT%``: GitHub needs repository-relative paths, and fingerprints then
    do not depend on the checkout directory. GitHub rejects a whole upload when a result has
    no location, so findings without a file go to ``invocations[0].toolExecutionNotifications``
    instead of ``results``.
    """
    ordered = _sorted(diagnostics)

    descriptors: list[RuleInfo] = []
    index_of: dict[str, int] = {}
    for rule in rules:
        if rule.id not in index_of:
            index_of[rule.id] = len(descriptors)
            descriptors.append(rule)
    missing: dict[str, list[Diagnostic]] = {}
    for diag in ordered:
        if diag.rule not in index_of:
            missing.setdefault(diag.rule, []).append(diag)
    for rule_id in sorted(missing):
        index_of[rule_id] = len(descriptors)
        descriptors.append(_synthesised_rule(rule_id, missing[rule_id]))

    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    occurrences: Counter[str] = Counter()
    for diag in ordered:
        message = {"text": _text_or(diag.message, diag.rule)}
        level = _SARIF_LEVELS[diag.severity]
        loc = diag.location
        if loc is None or not loc.file:
            notifications.append(
                {
                    "level": level,
                    "message": message,
                    "descriptor": {"id": diag.rule},
                    "associatedRule": {"id": diag.rule, "index": index_of[diag.rule]},
                    "properties": _result_properties(diag),
                }
            )
            continue
        physical = _physical_location(loc, base_dir, diag.span)
        fingerprint = _fingerprint(diag.rule, physical["artifactLocation"]["uri"], diag.message)
        occurrences[fingerprint] += 1
        result: dict[str, Any] = {
            "ruleId": diag.rule,
            "ruleIndex": index_of[diag.rule],
            "level": level,
            "message": message,
            "locations": [{"physicalLocation": physical}],
            # ":n" tells identical findings in one file apart, as GitHub's own hashes do.
            "partialFingerprints": {FINGERPRINT_KEY: f"{fingerprint}:{occurrences[fingerprint]}"},
            "properties": _result_properties(diag),
        }
        if diag.related:
            result["relatedLocations"] = [
                {"id": number, "physicalLocation": _physical_location(related, base_dir)}
                for number, related in enumerate(diag.related, start=1)
                if related.file
            ]
        results.append(result)

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": tool_name,
                "version": tool_version,
                "informationUri": information_uri,
                "rules": [_rule_descriptor(rule) for rule in descriptors],
            }
        },
        "columnKind": "unicodeCodePoints",  # our columns count Python str characters
        "results": results,
    }
    if base_dir is not None:
        root = Path(os.path.abspath(base_dir)).as_uri()
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root.rstrip("/") + "/"}}
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": True, "toolExecutionNotifications": notifications}
        ]
    log = {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- github


def _escape_data(text: str) -> str:
    """Workflow-command message escaping; without it a newline could start a new command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Property values also escape ``:`` and ``,``, which delimit the command's properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic], *, base_dir: str | None = None) -> str:
    """GitHub Actions workflow commands (``::error file=…::message``) that annotate the diff.

    Paths must be relative to the repository root for annotations to land on the file, so
    pass ``base_dir`` when the CLI was given paths from elsewhere. Info maps to ``notice``;
    a fix suggestion becomes a second line of the annotation.
    """
    lines: list[str] = []
    for diag in _sorted(diagnostics):
        props: list[tuple[str, str]] = []
        loc = diag.location
        if loc is not None and loc.file:
            props.append(("file", _to_posix(_display_path(loc.file, base_dir))))
            region = _region(loc)
            if region is not None:
                for key, name in (
                    ("startLine", "line"),
                    ("startColumn", "col"),
                    ("endLine", "endLine"),
                    ("endColumn", "endColumn"),
                ):
                    if key in region:
                        props.append((name, str(region[key])))
        props.append(("title", diag.rule))
        message = diag.message + (f"\nfix: {diag.fix}" if diag.fix else "")
        prop_text = ",".join(f"{name}={_escape_property(value)}" for name, value in props)
        command = _GITHUB_COMMANDS[diag.severity]
        lines.append(f"::{command} {prop_text}::{_escape_data(message)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- dispatch

FORMATTERS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}


def render_diagnostics(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    color: bool = False,
    rules: Sequence[RuleInfo] = (),
    base_dir: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """One call for the CLI: passes each formatter only the options it understands."""
    if fmt == "text":
        return format_text(diagnostics, color=color)
    if fmt == "json":
        return format_json(diagnostics, extra=extra)
    if fmt == "sarif":
        return format_sarif(diagnostics, rules=rules, base_dir=base_dir)
    if fmt == "github":
        return format_github(diagnostics, base_dir=base_dir)
    raise ValueError(f"unknown output format {fmt!r} (allowed: {', '.join(FORMATTERS)})")
