"""Locale versions of a playbook (and of a facts file) picked per recipient.

Companies keep one playbook per language beside each other:
``playbooks/it-outage/it-outage.ru.yaml`` and ``it-outage.en.yaml``. Given any of
them (or the base path ``playbooks/it-outage/it-outage``), the batch renders each
recipient from the version in the recipient's locale when it exists (``ru-RU`` and
``ru_RU`` match ``.ru-RU.yaml``, then ``.ru.yaml``), and from the given file otherwise.
When the given path is a base name that is not a file itself, the fallback is the
English version, or else the first one in alphabetical order.

A facts file is matched the same way (``facts.yaml`` with ``facts.ru.yaml`` beside
it), since facts such as the incident description are written in a language too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.bundled import BUNDLED_PREFIX, bundled_path

_LOCALE_SUFFIX = re.compile(r"^(?P<base>.+?)\.(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$")
_YAML = (".yaml", ".yml")


def locale_key(locale: str) -> str:
    """``ru-RU``, ``ru_ru`` → ``ru_ru``: one spelling to compare."""
    return locale.strip().replace("-", "_").lower()


def _split_name(path: Path, suffixes: tuple[str, ...]) -> tuple[str, str | None, str]:
    """(base name, locale or None, suffix) of a file name."""
    name, suffix = path.name, ""
    for candidate in suffixes:
        if name.lower().endswith(candidate):
            name, suffix = name[: -len(candidate)], name[-len(candidate):]
            break
    match = _LOCALE_SUFFIX.match(name)
    if match and suffix:
        return match.group("base"), match.group("locale"), suffix
    return name, None, suffix


@dataclass(frozen=True)
class LocaleSet:
    """The fallback file and every sibling locale version, by :func:`locale_key`."""

    fallback: Path
    versions: tuple[tuple[str, Path], ...] = ()

    def version(self, key: str) -> Path | None:
        return next((path for name, path in self.versions if name == key), None)

    def pick(self, locale: str) -> tuple[Path, bool]:
        """(the file for ``locale``, whether it is the recipient's own locale)."""
        if locale:
            key = locale_key(locale)
            for candidate in (key, key.split("_")[0]):
                found = self.version(candidate)
                if found is not None:
                    return found, True
        return self.fallback, False

    def paths(self) -> list[Path]:
        return list(dict.fromkeys([self.fallback, *(path for _name, path in self.versions)]))


def discover(path: str | Path, suffixes: tuple[str, ...] = _YAML, *, what: str = "playbook") -> LocaleSet:
    """The locale versions beside ``path``; a user error when there is nothing at all."""
    given = resolve_bundled(str(path))
    base, _locale, suffix = _split_name(given, suffixes)
    versions: dict[str, Path] = {}
    directory = given.parent
    if directory.is_dir():
        for candidate in sorted(directory.iterdir()):
            cbase, clocale, csuffix = _split_name(candidate, suffixes)
            if clocale and cbase == base and csuffix and candidate.is_file():
                versions.setdefault(locale_key(clocale), candidate)
    found = tuple(versions.items())
    if given.is_file():
        return LocaleSet(given, found)
    if not suffix:
        for ext in suffixes:
            plain = given.with_name(given.name + ext)
            if plain.is_file():
                return LocaleSet(plain, found)
    if versions:
        fallback = versions.get("en") or versions[sorted(versions)[0]]
        return LocaleSet(fallback, found)
    raise CrisisplayError(f"{what} {path} not found (no file, and no locale versions such as "
                          f"{base}.en{suffix or suffixes[0]} beside it)")


def resolve_bundled(path: str) -> Path:
    """``bundled:it-outage/it-outage.en`` → the installed file, as ``load_playbook`` does."""
    if not path.startswith(BUNDLED_PREFIX):
        return Path(path)
    return bundled_path(path, must_exist=True)
