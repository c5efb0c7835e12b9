"""Regular expressions from rule packs, run with a time limit.

A pack's ``patterns`` are the one place where a user's text becomes code that runs on every
message: a pattern such as ``(\\w+\\s?)+$`` backtracks exponentially on a long line, and
Python's ``re`` cannot be interrupted, so one careless rule would hang ``lint`` (and
``render --lint``) in the middle of a crisis. The ``regex`` library matches the same syntax
and stops a search after a timeout; a pattern that runs out of time is reported as a broken
rule (exit 2), naming it, instead of blocking. The bundled packs' few patterns are ours and
tested, so they run in ``re`` (importing ``regex`` costs ~18 ms of every ``lint`` start-up).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crisisplay.errors import CrisisplayError

#: Seconds one pattern may spend on one message (a sane pattern needs microseconds).
PATTERN_SECONDS = 1.0
#: Where the bundled packs live (their rules' locations start with it).
BUNDLED_PACKS = "crisisplay/tone/packs/"


def check_pattern(source: str) -> str | None:
    """None when ``source`` compiles, else why not (for the pack's shape check)."""
    import regex

    try:
        regex.compile(source, regex.IGNORECASE | regex.VERSION0)
    except regex.error as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class UserPattern:
    """A case-insensitive pattern of a rule pack; ``guarded`` ones are searched with
    :data:`PATTERN_SECONDS` (every pattern but the bundled packs')."""

    source: str
    rule_id: str = ""
    guarded: bool = True
    _compiled: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.guarded:
            import regex

            compiled: Any = regex.compile(self.source, regex.IGNORECASE | regex.VERSION0)
        else:
            compiled = re.compile(self.source, re.IGNORECASE)
        object.__setattr__(self, "_compiled", compiled)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match of the pattern in ``text``, as (start, end)."""
        if not self.guarded:
            return [m.span() for m in self._compiled.finditer(text)]
        try:
            return [m.span() for m in self._compiled.finditer(text, timeout=PATTERN_SECONDS)]
        except TimeoutError:
            raise self._too_slow(text) from None

    def found_in(self, text: str) -> bool:
        if not self.guarded:
            return self._compiled.search(text) is not None
        try:
            return self._compiled.search(text, timeout=PATTERN_SECONDS) is not None
        except TimeoutError:
            raise self._too_slow(text) from None

    def _too_slow(self, text: str) -> CrisisplayError:
        owner = f"rule {self.rule_id}: " if self.rule_id else ""
        return CrisisplayError(
            f"{owner}pattern '{self.source}' ran longer than {PATTERN_SECONDS:g} s on a message of "
            f"{len(text):,} characters",
            hint="a repeat inside a repeat, such as (a+)+ or (\\w|\\w)+, can backtrack without end; "
                 "write it without the nested repeat",
        )


def compile_patterns(patterns: Sequence[str], rule_id: str = "", *, guarded: bool = True) -> tuple[UserPattern, ...]:
    """Patterns are case-insensitive regular expressions on the message text."""
    return tuple(UserPattern(str(p), rule_id, guarded) for p in patterns)
