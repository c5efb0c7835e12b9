"""Findings as one JSON document for scripts and dashboards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from crisisplay.diagnostics.formatters.common import severity_counts, sorted_diagnostics
from crisisplay.diagnostics.model import Diagnostic, Severity


def format_json(diagnostics: Sequence[Diagnostic], *, extra: dict[str, Any] | None = None) -> str:
    """A versioned JSON document for scripts: ``version``, ``diagnostics``, ``summary``.

    ``extra`` adds top-level keys (e.g. the playbook path) but may not replace the fixed ones,
    so consumers can rely on them. Non-ASCII text stays readable (``ensure_ascii=False``).
    """
    counts = severity_counts(diagnostics)
    document: dict[str, Any] = {
        "version": 1,
        "diagnostics": [d.to_dict() for d in sorted_diagnostics(diagnostics)],
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
