"""The ``extends`` chain: a playbook and its parents, child first, with findings on the way.

A missing parent (CP010), a cycle or a chain over :data:`MAX_CHAIN` files (CP011), a parent
outside the playbook's tree (CP013, :mod:`crisisplay.playbook.paths`) and a parent that
cannot be read (CP001) are findings at the ``extends`` line, with the whole chain shown.
"""

from __future__ import annotations

from pathlib import Path

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.bundled import BUNDLED_PREFIX, bundled_path
from crisisplay.playbook.loader import Document, Limits, load_file
from crisisplay.playbook.paths import (
    PLAYBOOK_SUFFIXES,
    RULE_PATH_REFUSED,
    Confinement,
    PathRefused,
    base_dir,
    check_reference,
    confinement_for,
)

RULE_SYNTAX = "CP001"
RULE_EXTENDS_MISSING = "CP010"
RULE_EXTENDS_CYCLE = "CP011"
MAX_CHAIN = 8


def display(path: Path) -> str:
    """Paths relative to the working directory when possible: shorter diagnostics."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def resolve_parent_path(
    reference: str, child_file: str, confinement: Confinement | None = None, location: Location | None = None
) -> Path:
    """The parent file ``extends`` names; outside the allowed folders it is refused (CP013)."""
    if reference.startswith(BUNDLED_PREFIX):
        return bundled_path(reference)
    confinement = confinement or confinement_for(child_file)
    return check_reference(
        reference, base_dir(child_file), confinement, suffixes=PLAYBOOK_SUFFIXES, what="playbook", location=location
    )


def load_chain(
    first: Document, limits: Limits, confinement: Confinement
) -> tuple[list[Document], list[Diagnostic]]:
    """The document and its ancestors, child first."""
    chain = [first]
    seen = {str(Path(first.path).resolve()) if first.path != "-" else "-"}
    diagnostics: list[Diagnostic] = []
    current = first
    while isinstance(current.data, dict) and isinstance(current.data.get("extends"), str):
        reference = current.data["extends"]
        where = current.source.locate(("extends",))
        try:
            parent_path = resolve_parent_path(reference, current.path, confinement, where)
        except PathRefused as exc:
            diagnostics.append(Diagnostic.error(RULE_PATH_REFUSED, "reference", exc.message, where, fix=exc.hint,
                                                source="validate"))
            break
        except CrisisplayError as exc:
            diagnostics.append(Diagnostic.error(RULE_EXTENDS_MISSING, "reference", exc.message, where,
                                                source="validate"))
            break
        names = " -> ".join([*(d.path for d in chain), str(parent_path)])
        if str(parent_path) in seen:
            diagnostics.append(
                Diagnostic.error(RULE_EXTENDS_CYCLE, "reference", f"'extends' makes a cycle: {names}", where,
                                 source="validate")
            )
            break
        if len(chain) >= MAX_CHAIN:
            diagnostics.append(
                Diagnostic.error(
                    RULE_EXTENDS_CYCLE,
                    "reference",
                    f"'extends' chain longer than {MAX_CHAIN}: {names}",
                    where,
                    source="validate",
                )
            )
            break
        if not parent_path.is_file():
            diagnostics.append(
                Diagnostic.error(
                    RULE_EXTENDS_MISSING,
                    "reference",
                    f"parent playbook {reference!r} not found (looked at {parent_path}); chain: {names}",
                    where,
                    source="validate",
                )
            )
            break
        try:
            parent = load_file(parent_path, limits, display_name=display(parent_path))
        except CrisisplayError as exc:
            diagnostics.append(Diagnostic.error(RULE_SYNTAX, "syntax", exc.message, exc.location, source="validate"))
            break
        seen.add(str(parent_path))
        chain.append(parent)
        current = parent
    return chain, diagnostics
