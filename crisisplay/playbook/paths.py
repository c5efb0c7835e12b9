"""Paths a playbook names stay inside its own folder tree or the bundled library.

A playbook is data someone else may have written. Every file it names — the parent in
``extends``, a template in ``{file: …}``, a partial in ``{% include %}`` — is looked up
here, and only files that resolve (symbolic links followed) inside an allowed root are
read:

* the folder of the playbook the user named (for stdin: the working directory), with
  everything below it;
* the bundled library (``crisisplay/data``: playbooks and shared templates);
* folders listed in ``CRISISPLAY_ROOT`` (``os.pathsep``-separated), for a company library
  whose scenarios share a base one folder up (``extends: ../base/base.ru.yaml``).

Anything else — an absolute path, ``..`` that climbs out, a link pointing out, a hidden
file or folder (``.env``, ``.ssh``), a name without a template or playbook suffix, a FIFO
or device — is refused with rule CP013 before a byte is read, so ``validate`` reports it
and ``render`` never prints it into a message.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.reading import file_kind

RULE_PATH_REFUSED = "CP013"
ROOT_ENV = "CRISISPLAY_ROOT"
#: Files a template may be read from (``file:`` and ``{% include %}``).
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".txt", ".html", ".md", ".tmpl")
#: Files ``extends`` may name.
PLAYBOOK_SUFFIXES = (".yaml", ".yml", ".json")
_STDIN_NAMES = ("-", "<stdin>")


class PathRefused(CrisisplayError):
    """A path a playbook names is not allowed (rule CP013)."""


@dataclass(frozen=True)
class Confinement:
    """The folders a playbook's references may resolve into (all resolved, absolute)."""

    roots: tuple[Path, ...]
    tree: Path

    def root_of(self, path: Path) -> Path | None:
        """The allowed root holding ``path`` (already resolved), or None."""
        for root in self.roots:
            if path == root or path.is_relative_to(root):
                return root
        return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: keep the name, it will not resolve inside
        return Path(os.path.abspath(path))


def library_roots() -> tuple[Path, ...]:
    """The bundled playbooks and templates."""
    from crisisplay.playbook.bundled import bundled_root, bundled_templates

    return (_resolved(bundled_root()), _resolved(bundled_templates()))


def extra_roots() -> tuple[Path, ...]:
    """Folders the user allows in ``CRISISPLAY_ROOT``."""
    raw = os.environ.get(ROOT_ENV, "")
    return tuple(_resolved(Path(part).expanduser()) for part in raw.split(os.pathsep) if part.strip())


def tree_of(entry: str) -> Path:
    """The folder tree of the playbook the user named: its folder (stdin: the working dir).

    The folder is resolved, not the file: a playbook reached through a link to a file keeps
    its own folder as its tree, the one its relative references are read from.
    """
    if entry in _STDIN_NAMES:
        return _resolved(Path.cwd())
    return _resolved(Path(os.path.abspath(entry)).parent)


def confinement_for(entry: str) -> Confinement:
    tree = tree_of(entry)
    return Confinement((tree, *library_roots(), *extra_roots()), tree)


def base_dir(file: str) -> Path:
    """The folder a reference written in ``file`` is relative to."""
    return Path.cwd() if file in _STDIN_NAMES else Path(file).parent


def _is_absolute(reference: str) -> bool:
    return (
        PurePosixPath(reference).is_absolute()
        or PureWindowsPath(reference).is_absolute()
        or bool(PureWindowsPath(reference).drive)
        or reference.startswith(("\\", "~"))
    )


def _refuse(reference: str, why: str, location: Location | None, confinement: Confinement | None) -> PathRefused:
    hint = "name files inside the playbook's folder, or bundled ones"
    if confinement is not None:
        hint = (
            f"files must be inside the playbook's folder {confinement.tree} or the bundled library; "
            f"to share a folder one level up, set {ROOT_ENV} to it"
        )
    return PathRefused(f"{reference!r}: {why}", location, hint=hint)


def check_reference(
    reference: str,
    base: Path,
    confinement: Confinement,
    *,
    suffixes: Sequence[str],
    what: str,
    location: Location | None = None,
) -> Path:
    """The resolved path ``reference`` (relative to ``base``) names, or :class:`PathRefused`.

    The path may not exist (the caller reports "not found"); when it does, it must be a
    regular file. ``what`` names the kind of file for messages ("template", "playbook").
    """
    text = reference.strip()
    if not text:
        raise _refuse(reference, f"an empty {what} path", location, None)
    if "\x00" in text:
        raise _refuse(reference, "a path with a NUL character", location, None)
    if _is_absolute(text):
        raise _refuse(reference, f"an absolute path; a {what} is named relative to the playbook", location,
                      confinement)
    if not text.lower().endswith(tuple(suffixes)):
        raise _refuse(reference, f"a {what} file must end in {', '.join(suffixes)}", location, None)
    candidate = Path(os.path.abspath(base / text))
    resolved = _resolved(candidate)
    root = confinement.root_of(resolved)
    if root is None:
        via = f" (a link to {resolved})" if _resolved(candidate.parent) / candidate.name != resolved else ""
        raise _refuse(reference, f"leads outside the playbook's folder and the bundled library{via}", location,
                      confinement)
    hidden = [part for part in resolved.relative_to(root).parts if part.startswith(".")]
    if hidden:
        raise _refuse(reference, f"hidden files and folders ({hidden[0]}) are never read", location, None)
    check_regular(resolved, reference, location)
    return resolved


def check_regular(path: Path, reference: str, location: Location | None = None) -> None:
    """Refuse FIFOs, devices, sockets and folders by type (a missing file passes)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PathRefused(f"{reference!r}: cannot be read ({exc.strerror})", location) from None
    if not stat.S_ISREG(mode):
        raise PathRefused(f"{reference!r} is {file_kind(mode)}, not a file", location)


def find_template_file(name: str, directories: Iterable[Path]) -> Path | None:
    """``{% include name %}`` in the template folders: the resolved file, None, or refused.

    Each folder is a root of its own: a link in it that points elsewhere is refused, even
    to another allowed folder (the include would read a file nobody reviewed there).
    """
    text = name.replace("\\", "/")
    pieces = [p for p in text.split("/") if p and p != "."]
    if not pieces or not text.lower().endswith(TEMPLATE_SUFFIXES):
        return None  # not a file name: an unknown partial
    if ".." in pieces or _is_absolute(name):
        raise PathRefused(f"{name!r}: an include names a file inside the template folders; "
                          "'..' and absolute paths are refused")
    if any(piece.startswith(".") for piece in pieces):
        raise PathRefused(f"{name!r}: hidden files and folders are never read")
    for directory in directories:
        root = _resolved(Path(directory))
        candidate = root.joinpath(*pieces)
        if not os.path.lexists(candidate):
            continue
        resolved = _resolved(candidate)
        if resolved != root and not resolved.is_relative_to(root):
            raise PathRefused(f"{name!r} is a link that leads outside its template folder (to {resolved})")
        check_regular(resolved, name)
        if resolved.exists():
            return resolved
    return None


def read_template(path: Path, max_bytes: int, reference: str, location: Location | None = None) -> str:
    """A template file's text, read with a size limit (the type was checked before)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CrisisplayError(f"cannot read template file {reference!r}: {exc.strerror}", location) from None
    if len(raw) > max_bytes:
        raise CrisisplayError(f"template file {reference!r} is larger than {max_bytes} bytes", location)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CrisisplayError(f"template file {reference!r} is not valid UTF-8; save it as UTF-8", location) from None
