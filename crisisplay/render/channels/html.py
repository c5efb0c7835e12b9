"""HTML in channel output: the visible text of a fragment, paragraphs from plain text, tag checks.

Regular expressions rather than a parser where the input is our own templates' output
(facts escaped) and the code runs for every message of a mass render; a real parser
(:class:`TagChecker`) where the tag structure itself is judged, cached by that structure.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|blockquote|pre|ul|ol)\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACED_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment: what a customer reads, for figures and lint.

    Regular expressions rather than a parser: the fragments are our own templates' output
    (facts escaped), and this runs for every message of a mass render.
    """
    text = _LI_TAG.sub("\n• ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_ANY_TAG.sub("", text))
    text = _SPACED_NEWLINE.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def text_to_html(text: str) -> str:
    """Paragraphs and line breaks for text that is not already HTML (facts are escaped)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n".join(f"<p>{'<br>'.join(line for line in p.splitlines())}</p>" for p in paragraphs)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][^>]*>", text))


def escape(text: str) -> str:
    return html.escape(text, quote=True)


class TagChecker(HTMLParser):
    """Checks an HTML fragment: allowed tags only (when a set is given) and balanced."""

    VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr"})

    def __init__(self, allowed: frozenset[str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.allowed is not None and tag not in self.allowed:
            self.problems.append(f"tag <{tag}> is not supported")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"closing </{tag}> does not match an open tag")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def check(self, markup: str) -> list[str]:
        self.feed(markup)
        self.close()
        return self.problems + [f"<{tag}> is never closed" for tag in self.stack]


_TAG_PROBLEMS: dict[tuple[frozenset[str] | None, tuple[str, ...]], tuple[str, ...]] = {}


def tag_problems(markup: str, allowed: frozenset[str] | None = None) -> tuple[str, ...]:
    """Problems of the tag structure, cached by that structure (facts are escaped, so the
    tags come from the template alone and repeat across a mass render)."""
    skeleton = tuple(_ANY_TAG.findall(markup))
    key = (allowed, skeleton)
    found = _TAG_PROBLEMS.get(key)
    if found is None:
        found = tuple(TagChecker(allowed).check("".join(skeleton)))
        if len(_TAG_PROBLEMS) < 1024:
            _TAG_PROBLEMS[key] = found
    return found
