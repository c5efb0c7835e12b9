"""Lint's cache in the user cache directory: checked rule packs, compiled phrases, word analyses.

Most of what ``crisisplay lint`` does at start-up never changes for the same input: reading
and checking the bundled rule packs, finding the lemma of every word of every rule, and
analysing the words of the messages with pymorphy3 (whose dictionaries alone take a tenth of
a second to load). Those results are kept here, keyed by what they are computed from, so a
second run reuses them and, when every word of its messages is known, never loads pymorphy3.

What is stored, and under which key:

* ``packs``, ``packs-bundled``, ``cards``: a rule pack as checked by :mod:`crisisplay.tone.packs`
  (yours, and the bundled ones with their documentation) and a card file of validate or render
  (:mod:`crisisplay.rulebook.files`), keyed by the SHA-256 of the name and YAML text (an edited
  file is a new key);
* ``phrases-ru``, ``phrases-en``: a compiled phrase entry (:mod:`crisisplay.tone.phrases`),
  keyed by the entry text;
* ``words-ru``: pymorphy3's readings of a word, keyed by the word;
* ``phones``: the phone numbers found in a message (:func:`crisisplay.tone.contacts.find_phones`),
  keyed by its language and a digest of its text;
* ``tokens``: a message's tokens and sentences (:mod:`crisisplay.tone.token_store`), keyed by
  its language and a digest of its text;
* ``eml``: an e-mail's subject, body and where the body starts (:mod:`crisisplay.tone.sources`),
  keyed by a digest of the file's bytes and Python's version;
* ``wording``: a bundled catalog of :mod:`crisisplay.wording`, keyed by its name and text,
  kept only by a process that has the cache open anyway (lint).

The database file's name carries a fingerprint of everything the values depend on: the cache
format, crisisplay's version, the source of the modules that compute them, pymorphy3's
version and its dictionary's revision. Any change gives a new file; files not written for two
weeks are removed.

Safety. Nothing here is executable: values are JSON text, read back with :func:`json.loads`
and checked for shape by their readers (a value of the wrong shape is recomputed and
overwritten, never used). The directory (``platformdirs.user_cache_dir("crisisplay")``,
or ``$CRISISPLAY_CACHE_DIR``) is created private (0700), and the cache is used only when the
directory and the database are owned by the current user, are not symlinks, and are writable
by nobody else: values planted by another account are never read. The schema is checked
before use (``trusted_schema`` off; a database with any other table, trigger or view is
discarded), a corrupt or unreadable database is deleted and rebuilt, and every failure of
the cache only makes lint compute the value itself: the cache can make lint faster, never
wrong or broken. Writes are SQLite transactions (atomic; concurrent runs wait briefly or
skip writing). ``CRISISPLAY_CACHE_DIR=off`` switches the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ENV = "CRISISPLAY_CACHE_DIR"
FORMAT = 1
#: Modules whose code decides the cached values (a change to one of them is a new cache).
SOURCES = ("tone/morph.py", "tone/phrases.py", "tone/text.py", "tone/packs.py", "tone/pack_rules.py",
           "tone/bindings.py", "tone/lexicon.py", "tone/contacts.py", "tone/phone_matching.py", "tone/kinds/*.py",
           "tone/sources.py", "tone/markup.py", "tone/token_store.py", "tone/razdel_fast.py",
           "tone/cache.py", "rulebook/cards.py", "rulebook/files.py", "playbook/loader.py", "diagnostics/model.py")
_SCHEMA = (
    "CREATE TABLE entries (space TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, "
    "PRIMARY KEY (space, key)) WITHOUT ROWID"
)
_PRUNE_AFTER = 14 * 24 * 3600
_BATCH = 500  # SQLite's limit on query parameters is 999 on old builds


class Cache:
    """Get and put JSON values by (space, key). Every error is swallowed: a miss."""

    def __init__(self, connection: Any, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._spaces: dict[str, dict[str, Any]] = {}

    def get_many(self, space: str, keys: Iterable[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        try:
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self.connection.execute(
                    f"SELECT key, value FROM entries WHERE space = ? AND key IN ({marks})", (space, *chunk)
                ).fetchall()
                if not rows:
                    continue
                # One JSON array for the whole chunk: a run reads hundreds of small values, and
                # one json.loads per value costs more than the parse itself. (A stored value is
                # a complete JSON text written by put_many; one that is not fails the whole
                # chunk, which is then a miss like any unreadable value.)
                values = json.loads("[" + ",".join(str(value) for _key, value in rows) + "]")
                found.update(zip((str(key) for key, _value in rows), values, strict=True))
        except (self._errors(), ValueError):
            return {}
        return found

    def get_space(self, space: str) -> dict[str, Any]:
        """Every value of ``space``, read once per process (a space whose values a run mostly
        needs all of; values put later are not in it)."""
        known = self._spaces.get(space)
        if known is None:
            try:
                rows = self.connection.execute("SELECT key, value FROM entries WHERE space = ?", (space,)).fetchall()
                values = json.loads("[" + ",".join(str(value) for _key, value in rows) + "]")
                known = dict(zip((str(key) for key, _value in rows), values, strict=True))
            except (self._errors(), ValueError):
                known = {}
            self._spaces[space] = known
        return known

    def get(self, space: str, key: str) -> Any:
        return self.get_many(space, [key]).get(key)

    def put_many(self, space: str, items: dict[str, Any]) -> None:
        if not items:
            return
        rows = [(space, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
                for key, value in items.items()]
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except self._errors():
            pass  # busy (another run is writing) or read-only: the values are computed next time

    @staticmethod
    def _errors() -> type[Exception]:
        import sqlite3

        return sqlite3.Error


def fingerprint() -> str:
    """What the cached values depend on (see the module docs), as 16 hex digits."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version_info[:2]}\0".encode())
    package = Path(__file__).resolve().parent.parent
    from crisisplay import __version__

    digest.update(__version__.encode())
    for name in SOURCES:
        for path in sorted(package.glob(name)) if "*" in name else [package / name]:
            digest.update(_read(path))
    for module in LIBRARIES:
        digest.update(_stamp(module))
    return digest.hexdigest()[:16]


#: Libraries whose results are cached: morphology, its dictionary, tokenizer, English stemmer (and
#: PyStemmer, its C build, which it uses when installed), CLDR, phone numbers.
LIBRARIES = ("pymorphy3", "pymorphy3_dicts_ru", "razdel", "snowballstemmer", "Stemmer", "babel", "phonenumbers")


def _stamp(module: str) -> bytes:
    """An installed module's file (a package's ``__init__.py``; size, time) and a package's version
    files: an upgrade changes it."""
    origin = _module_origin(module)
    if origin is None:
        return f"{module}: missing".encode()
    parts = [module.encode()]
    try:
        info = origin.stat()
        parts.append(f"{info.st_size}:{info.st_mtime_ns}".encode())
    except OSError:
        parts.append(b"unreadable")
    if origin.name == "__init__.py":
        folder = origin.parent
        parts.extend(_read(folder / name) for name in ("version.py", "data/meta.json") if (folder / name).is_file())
    return b"\0".join(parts)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"unreadable"


def _module_origin(name: str) -> Path | None:
    """An installed module's file, without importing it (pymorphy3 is slow to import)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    return Path(spec.origin) if spec is not None and spec.origin else None


def cache_dir() -> Path | None:
    """``$CRISISPLAY_CACHE_DIR`` (``off`` or empty: no cache), else the user cache directory."""
    configured = os.environ.get(ENV)
    if configured is not None:
        if configured.strip().lower() in ("", "off", "0", "no", "false"):
            return None
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("crisisplay", appauthor=False) / "lint"


def _private(path: Path, *, directory: bool) -> bool:
    """Owned by us, not a symlink, of the right type, writable by nobody else."""
    import stat

    try:
        info = path.lstat()
    except OSError:
        return False
    right_type = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    if not right_type:
        return False
    if os.name != "posix":
        return True  # the per-user profile directory's ACLs protect it
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@functools.cache
def open_cache() -> Cache | None:
    """The process's cache, or None when it is switched off or cannot be used safely."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if not _private(folder, directory=True):
        return None
    path = folder / f"lint-{fingerprint()}.sqlite3"
    for _attempt in range(2):
        connection = _connect(path)
        if connection is not None:
            return Cache(connection, path)
        _remove(path)  # corrupt, foreign schema or not ours: rebuild it once
    return None


def cache_if_open() -> Cache | None:
    """The process's cache when something has opened it already (a lint run); never opens it."""
    return open_cache() if open_cache.cache_info().currsize else None


def _connect(path: Path) -> Any:
    import sqlite3

    created = False
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            created = True
        except FileExistsError:
            pass  # another run created it a moment ago
        except OSError:
            return None
    if not _private(path, directory=False):
        return None
    try:
        connection = sqlite3.connect(path, timeout=0.2, isolation_level="DEFERRED", check_same_thread=False)
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA synchronous = OFF")  # a cache: a lost write is only recomputed
        schema = connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        if not schema:
            with connection:
                connection.execute(_SCHEMA)
        elif schema != [("table", "entries", _SCHEMA)] and not _only_autoindex(schema):
            connection.close()
            return None
    except sqlite3.Error:
        return None
    if created:
        _prune(path)
    return connection


def _only_autoindex(schema: list[tuple[str, str, str | None]]) -> bool:
    """Our table plus the index SQLite makes for its primary key, and nothing else."""
    table = [row for row in schema if row[0] == "table"]
    others = [row for row in schema if row[0] != "table"]
    return table == [("table", "entries", _SCHEMA)] and all(
        kind == "index" and name.startswith("sqlite_autoindex_entries") and sql is None for kind, name, sql in others
    )


def _remove(path: Path) -> None:
    """Delete a database (and its journal) of ours; never follow a link or touch another's file."""
    for victim in (path, path.with_name(path.name + "-journal")):
        try:
            info = victim.lstat()
        except OSError:
            continue
        if os.name == "posix" and info.st_uid != os.geteuid():
            continue
        with contextlib.suppress(OSError):
            victim.unlink()


def _prune(current: Path) -> None:
    """Remove other fingerprints' databases that no run has written for two weeks."""
    now = time.time()
    for old in current.parent.glob("lint-*.sqlite3"):
        try:
            if old != current and now - old.stat().st_mtime > _PRUNE_AFTER:
                _remove(old)
        except OSError:
            pass


def content_key(*parts: str) -> str:
    """A key for values computed from ``parts`` (a pack's name and text)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
