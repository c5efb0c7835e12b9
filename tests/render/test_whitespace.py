"""The one ``clean_part`` (str methods) gives what the regular-expression version gave.

The renderer used the regular expressions below until the batch's faster copy replaced
it; they stay here as the reference the kept version is checked against.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.render.whitespace import clean_part

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING = re.compile(r"[ \t]+\n")


def regex_clean_part(text: str) -> str:
    """The renderer's former ``clean_part``, verbatim."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if " \n" in text or "\t\n" in text:
        text = _TRAILING.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(
    st.text(alphabet=list(" \t\n\rab\u00a0\x0b"), max_size=80),
    st.text(alphabet=list(" \t\n\r«»—Сбой.\u2028"), max_size=200),
    st.text(max_size=120),
))
def test_clean_part_equals_the_regular_expression_version(text: str) -> None:
    assert clean_part(text) == regex_clean_part(text)


def test_what_it_cleans() -> None:
    assert clean_part("  Hello  \n\n\n\n  \nworld\t\r\n") == "Hello\n\nworld"
    assert clean_part("a \r\n\r\n\r\nb") == "a\n\nb"
    assert clean_part("keep\n\nthis") == "keep\n\nthis"
