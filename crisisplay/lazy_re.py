"""A regular expression compiled when first used, for the patterns most runs never use.

Compiling is Python code in :mod:`re` (its parser and compiler) and costs a lint run about as
much per pattern as checking a short message: a Russian run never needs the English-only
patterns, a clean run never needs those of the findings it does not make. A module writes
``_X_RE = LazyPattern(r"…", re.I)`` where it would write ``re.compile``; the first call of a
method compiles, and puts the compiled pattern's own method on the instance, so every later
call is the compiled pattern's call (no wrapper in between).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """What a compiled :class:`re.Pattern` offers the modules that use one, compiled on first use."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def _compiled(self, method: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, name, getattr(compiled, name))  # shadows the method below from now on
        return getattr(compiled, method)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found: re.Match[str] | None = self._compiled("search")(string, pos, endpos)
        return found

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found: re.Match[str] | None = self._compiled("match")(string, pos, endpos)
        return found

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found: re.Match[str] | None = self._compiled("fullmatch")(string, pos, endpos)
        return found

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        found: Iterator[re.Match[str]] = self._compiled("finditer")(string, pos, endpos)
        return found

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        found: list[Any] = self._compiled("findall")(string, pos, endpos)
        return found

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        found: str = self._compiled("sub")(repl, string, count)
        return found

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        found: list[str | Any] = self._compiled("split")(string, maxsplit)
        return found
