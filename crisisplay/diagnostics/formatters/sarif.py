"""SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, IDEs); validated against the official schema in tests."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from crisisplay import __version__
from crisisplay.diagnostics.formatters.common import display_path, sarif_region, sorted_diagnostics, to_posix
from crisisplay.diagnostics.model import CATEGORIES, Diagnostic, Location, RuleInfo, Severity

#: The schema id the official OASIS SARIF 2.1.0 (errata 01) schema declares.
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: ``tool.driver.informationUri`` must be an absolute URI; the package's registry page is the
#: one address that exists for every release. Override with ``information_uri=``.
INFORMATION_URI = "https://pypi.org/project/crisisplay/"
#: Key of our own entry in ``partialFingerprints``. GitHub reserves and recomputes
#: ``primaryLocationLineHash``, so we must not fill that one with a different hash.
FINGERPRINT_KEY = "crisisplayFindingHash/v1"

_SARIF_LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def _artifact_location(file: str, base_dir: str | None) -> dict[str, Any]:
    """SARIF ``artifactLocation``: relative URIs hang off ``%SRCROOT%``, others are file URIs.

    GitHub matches alerts to repository files by the relative URI, so it must use forward
    slashes and percent-encoding (Cyrillic names, spaces, ``#``) rather than raw OS paths.
    """
    path = display_path(file, base_dir)
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(to_posix(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _physical_location(loc: Location, base_dir: str | None, span: str = "") -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(loc.file, base_dir)}
    region = sarif_region(loc, span)
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
    import hashlib  # here: only SARIF output needs it, and its OpenSSL start-up costs every lint run

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
    language: str | None = None,
) -> str:
    """A SARIF 2.1.0 log (one run) that GitHub code scanning accepts.

    Every rule a result refers to gets a descriptor (synthesised when missing from ``rules``)
    so ``ruleIndex`` always resolves. Pass ``base_dir`` (the repository root) so URIs are
    relative to ``%SRCROOT%``: GitHub needs repository-relative paths, and fingerprints then
    do not depend on the checkout directory. GitHub rejects a whole upload when a result has
    no location, so findings without a file go to ``invocations[0].toolExecutionNotifications``
    instead of ``results``. ``language`` (``ru``) is the language of the messages and rule
    descriptions (SARIF's ``run.language``; absent means English).
    """
    ordered = sorted_diagnostics(diagnostics)

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
        **({"language": language} if language else {}),
        "results": results,
    }
    if base_dir is not None:
        root = Path(os.path.abspath(base_dir)).as_uri()
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root.rstrip("/") + "/"}}
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    log = {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)
