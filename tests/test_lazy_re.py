"""LazyPattern answers as the compiled pattern does, before and after its first use."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from crisisplay.lazy_re import LazyPattern

_TEXTS = st.text(alphabet="ab -.:9Ёё\n", max_size=30)
_PATTERNS = [(r"\w+(?:[-.]\w+)*|\S", 0), (r"^(\d)[:.]?", re.M), (r"ё+", re.I), (r"(a)|(b)", 0)]


def _answers(pattern: re.Pattern[str] | LazyPattern, text: str, pos: int) -> list[object]:
    def spans(found: re.Match[str] | None) -> object:
        return None if found is None else (found.span(), found.groups())

    return [
        spans(pattern.search(text, pos)), spans(pattern.match(text, pos)), spans(pattern.fullmatch(text)),
        [(m.span(), m.groups()) for m in pattern.finditer(text, pos)], pattern.findall(text, pos),
        pattern.sub(lambda m: m.group().upper(), text, 2), pattern.sub("-", text), pattern.split(text, 1),
        spans(pattern.search(text, 0, pos)),
    ]


@given(_TEXTS, _TEXTS, st.integers(0, 5), st.sampled_from(_PATTERNS), st.sampled_from(["search", "sub", "split"]))
def test_lazy_pattern_answers_as_compiled(first: str, second: str, pos: int, spec: tuple[str, int], used: str) -> None:
    compiled = re.compile(*spec)
    lazy = LazyPattern(*spec)
    assert lazy.pattern == compiled.pattern and lazy.flags == spec[1]
    # whichever method is called first compiles it for every method
    getattr(lazy, used)(*(["", first] if used == "sub" else [first]))
    assert _answers(lazy, first, pos) == _answers(compiled, first, pos)
    assert _answers(lazy, second, pos) == _answers(compiled, second, pos)


def test_lazy_pattern_compiles_once_on_first_use() -> None:
    lazy = LazyPattern(r"a+")
    assert "search" not in vars(lazy)  # nothing compiled at definition
    assert lazy.search("baa") is not None
    assert vars(lazy)["search"].__self__ is vars(lazy)["finditer"].__self__  # one compiled pattern
    assert isinstance(vars(lazy)["search"].__self__, re.Pattern)
