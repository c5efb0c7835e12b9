"""The one "did you mean …?" helper: every unknown name in crisisplay gets its hint here.

Matching ignores letter case (``Payments`` finds ``payments``) and answers with the
options as they are written; one phrasing everywhere: ``did you mean 'x'?`` or, for
several close options, ``did you mean 'a' or 'b'?``.
"""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, options: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` options closest to ``word``, best first (letter case ignored)."""
    import difflib  # here: a hint is needed only on a mistake, not on every run that imports this

    by_folded: dict[str, str] = {}
    for option in options:
        by_folded.setdefault(str(option).casefold(), str(option))
    found = difflib.get_close_matches(word.casefold(), sorted(by_folded), n=n, cutoff=cutoff)
    return [by_folded[key] for key in found]


def suggestion(word: str, options: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> str:
    """``did you mean 'x'?`` (or ``'a' or 'b'``), or ``""`` when nothing is close."""
    found = close_matches(word, options, n=n, cutoff=cutoff)
    if not found:
        return ""
    names = [repr(name) for name in found]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"did you mean {listed}?"


def did_you_mean(word: str, options: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> str:
    """The tail of an "unknown …" message: ``"; did you mean 'x'?"``, or ``""``."""
    hint = suggestion(word, options, n=n, cutoff=cutoff)
    return f"; {hint}" if hint else ""
