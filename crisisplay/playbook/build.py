"""From YAML files to a resolved :class:`Playbook`: extends, schema, model.

``resolve`` follows the ``extends`` chain (cycles and missing parents are findings with
the chain shown), checks each file against the schema where its own lines are known,
merges parent and child, and has :class:`~crisisplay.playbook.model_builder.ModelBuilder`
build the typed model. ``load_playbook`` is the strict entry point for render/checklist:
it raises when the playbook has errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError, DiagnosticsError
from crisisplay.playbook.bundled import BUNDLED_PREFIX, bundled_hint, bundled_path
from crisisplay.playbook.chain import RULE_SYNTAX, load_chain
from crisisplay.playbook.loader import DEFAULT_LIMITS, Document, Limits, SourceMap, load_file
from crisisplay.playbook.model import Playbook
from crisisplay.playbook.model_builder import ModelBuilder
from crisisplay.playbook.paths import confinement_for
from crisisplay.playbook.schema import validate_schema


@dataclass
class Resolution:
    """What ``resolve`` found: the model (when buildable) and every finding on the way."""

    playbook: Playbook | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(d.severity >= Severity.ERROR for d in self.diagnostics)


def _merge_layers(parent: Any, child: Any) -> Any:
    """Child wins; mappings merge key by key; lists and scalars are replaced whole."""
    if isinstance(parent, dict) and isinstance(child, dict):
        merged = dict(parent)
        for key, value in child.items():
            merged[key] = _merge_layers(parent[key], value) if key in parent else value
        return merged
    return child


def resolve_document(document: Document, limits: Limits = DEFAULT_LIMITS) -> Resolution:
    """Resolve ``extends``, check the schema and build the model, collecting findings."""
    confinement = confinement_for(document.path)
    chain, diagnostics = load_chain(document, limits, confinement)
    for doc in chain:
        diagnostics.extend(validate_schema(doc.data, doc.source))
    if any(d.severity >= Severity.ERROR for d in diagnostics):
        return Resolution(None, diagnostics, chain)
    data: dict[str, Any] = {}
    source = SourceMap(default_file=document.path)
    for doc in reversed(chain):  # base first, child last: the child wins
        layer = dict(doc.data)
        layer.pop("extends", None)
        if doc is not document:
            layer.pop("abstract", None)
        data = _merge_layers(data, layer)
        source = source.merged_with(doc.source)
    builder = ModelBuilder(data, source, chain, limits, confinement)
    playbook = builder.build()
    diagnostics.extend(builder.diagnostics)
    return Resolution(playbook, diagnostics, chain)


def resolve(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Resolution:
    """Load ``path`` and resolve it; syntax problems become findings, not exceptions."""
    try:
        document = load_file(path, limits, display_name=str(path))
    except CrisisplayError as exc:
        return Resolution(None, [Diagnostic.error(RULE_SYNTAX, "syntax", exc.message, exc.location,
                                                  source="validate")])
    return resolve_document(document, limits)


def load_playbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Playbook:
    """Load a playbook for use; raise :class:`DiagnosticsError` if it has errors."""
    path = str(path)
    if path.startswith(BUNDLED_PREFIX):
        path = str(bundled_path(path, must_exist=True, file_only=True))
    elif not Path(path).exists():
        # Said plainly (not "has 1 error(s)"), with the bundled name when it is one of ours.
        raise CrisisplayError("no such file", Location(path), hint=bundled_hint(path))
    elif Path(path).is_dir():  # never suggest 'crisisplay validate /': it would walk the whole disk
        inside = sorted(p.name for p in Path(path).glob("*.y*ml"))
        raise CrisisplayError("is a directory; name one playbook file", Location(path),
                              hint=", ".join(inside[:8]) if inside else "e.g. bundled:it-outage.ru")
    resolution = resolve(path, limits)
    errors = [d for d in resolution.diagnostics if d.severity >= Severity.ERROR]
    if errors or resolution.playbook is None:
        raise DiagnosticsError(
            f"playbook {path} has {len(errors)} error(s); run 'crisisplay validate {path}'",
            errors,
        )
    return resolution.playbook
