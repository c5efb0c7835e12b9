"""The playbook library shipped inside the package, addressed as ``bundled:NAME``.

Scenarios live in folders (``it-outage/it-outage.ru.yaml``), which is what ``extends``
references use; people at a terminal type the short ``bundled:it-outage.ru``, so both
forms resolve. Paths come from ``importlib.resources``, so a non-editable install works
from any directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path, PurePosixPath

from crisisplay.errors import CrisisplayError
from crisisplay.suggest import did_you_mean

BUNDLED_PREFIX = "bundled:"
_SUFFIXES = (".yaml", ".yml")


def bundled_root() -> Path:
    """Where the bundled playbooks live inside the installed package."""
    return Path(str(resources.files("crisisplay") / "data" / "playbooks"))


def bundled_templates() -> Path:
    return Path(str(resources.files("crisisplay") / "data" / "templates"))


def bundled_names() -> list[str]:
    """Every bundled playbook in its short form: ``base.en``, ``it-outage.ru``, …"""
    return sorted(p.stem for p in bundled_root().rglob("*.yaml"))


def _candidates(name: str) -> list[Path]:
    root = bundled_root()
    stem = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), name)
    found = [root / f"{stem}.yaml"]
    if "/" not in stem:
        found.append(root / stem)  # a scenario folder: both language versions
        scenario = stem.split(".", 1)[0]
        found.append(root / scenario / f"{stem}.yaml")  # it-outage.ru → it-outage/it-outage.ru.yaml
    return found


def bundled_path(reference: str, *, must_exist: bool = False, file_only: bool = False) -> Path:
    """The installed file (or folder) for ``bundled:NAME``; ``bundled:`` alone is the library.

    Without ``must_exist`` a missing name still maps to a path, so ``extends`` can report
    the broken chain with positions; with it, the error lists what is bundled. With
    ``file_only`` a scenario folder is refused with its language versions named.
    """
    raw = reference.removeprefix(BUNDLED_PREFIX).strip()
    if raw.startswith("/") or "\\" in raw or ".." in PurePosixPath(raw).parts:
        raise CrisisplayError(
            f"{reference.strip()!r}: a bundled name stays inside the library",
            hint="e.g. bundled:it-outage.ru or bundled:base/base.ru.yaml; any other file is named by its path",
        )
    name = raw.strip("/")
    if not name and not file_only:
        return bundled_root()
    candidates = _candidates(name) if name else [bundled_root()]
    for candidate in candidates:
        if candidate.is_dir() and file_only:
            versions = sorted(f"{BUNDLED_PREFIX}{p.stem}" for p in candidate.glob("*.yaml"))
            raise CrisisplayError(
                f"{reference.strip()} is a folder of playbooks; name one of them",
                hint=", ".join(versions) if versions else "bundled playbooks: " + ", ".join(bundled_names()),
            )
        if candidate.exists():
            return candidate
    if must_exist:
        names = bundled_names()
        raise CrisisplayError(
            f"no bundled playbook {name!r}{did_you_mean(name, names)}",
            hint="bundled playbooks: " + ", ".join(names),
        )
    return candidates[0]


def bundled_hint(path: str) -> str:
    """For a playbook path that does not exist: the bundled name of the same playbook, if any.

    ``playbooks/it-outage/it-outage.ru.yaml`` typed outside the repository is the bundled
    ``it-outage.ru``; any directory works with the ``bundled:`` name.
    """
    name = PurePosixPath(path.replace("\\", "/")).name
    stem = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), name)
    names = bundled_names()
    if stem in names:
        return f"the bundled copy works from any directory: {BUNDLED_PREFIX}{stem}"
    versions = [n for n in names if n.split(".", 1)[0] == stem]
    if versions:
        return "bundled versions: " + ", ".join(BUNDLED_PREFIX + n for n in versions)
    return ""
