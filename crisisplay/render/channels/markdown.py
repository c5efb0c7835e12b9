"""Markdown outputs (status page, contact-centre script): no raw HTML gets through.

Most Markdown renderers (CommonMark, GitHub, Statuspage) pass inline HTML to the page,
so a fact holding ``<script>`` or ``<img onerror=…>`` would run there. Every ``<`` is
written as ``&lt;`` (no tag can start without it), and an ``&`` that would begin a
character reference as ``&amp;``, so the text displays exactly as typed. A lone ``&``
(«AT&T») stays as it is: Markdown shows it literally and the file stays readable.
"""

from __future__ import annotations

import re

_REFERENCE_RE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def escape_html(text: str) -> str:
    """``text`` for a Markdown file: shown as typed, never parsed as HTML."""
    if "<" not in text and "&" not in text:
        return text
    return _REFERENCE_RE.sub("&amp;", text).replace("<", "&lt;")
