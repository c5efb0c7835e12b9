"""No function or class name is defined twice in the package.

Two top-level ``def``/``class`` statements with the same name in two modules are either
one helper written twice (keep one, import it) or two different things that need names
saying what each does. Both slow the next reader down, so the test fails on them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "crisisplay"

#: Names that may repeat, and why.
ALLOWED = {
    # PEP 562 module ``__getattr__``: how a package loads its exports lazily (a protocol name).
    "__getattr__": "crisisplay/__init__.py, crisisplay/render/__init__.py",
}


def _definitions() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found[node.name].append(str(path.relative_to(PACKAGE.parent)))
    return found


def test_no_name_is_defined_twice() -> None:
    repeated = {name: paths for name, paths in _definitions().items() if len(paths) > 1}
    unexplained = {name: paths for name, paths in repeated.items() if name not in ALLOWED}
    assert not unexplained, "defined in more than one module:\n" + "\n".join(
        f"  {name}: {', '.join(paths)}" for name, paths in sorted(unexplained.items())
    )


def test_the_allow_list_holds_no_stale_entry() -> None:
    repeated = {name for name, paths in _definitions().items() if len(paths) > 1}
    assert set(ALLOWED) <= repeated, f"no longer repeated, drop from ALLOWED: {sorted(set(ALLOWED) - repeated)}"
