"""Evidence of a required element in a message: what the presence checks return."""

from __future__ import annotations

from typing import NamedTuple


class Evidence(NamedTuple):
    """Whether an element was found, and where (or where its vague promise is).

    A named tuple: every presence rule makes one per message, three times faster than a frozen
    dataclass."""

    found: bool
    start: int = 0
    end: int = 0
    vague: bool = False
