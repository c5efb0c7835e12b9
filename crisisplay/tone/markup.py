"""Plain text out of HTML, SSML, Markdown and JSON strings, with offsets kept.

HTML/SSML and Markdown are cleaned *in place*: markup becomes spaces (block tags a line
break), so every character of text stays at its offset and a finding's line:col is the
file's. JSON string literals are decoded with a map from each decoded character back to
the character of the file that produced it.
"""

from __future__ import annotations

import html
import re

from crisisplay.lazy_re import LazyPattern

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "title", "s", "speak",
    "paragraph", "sentence",
})
_TAG_RE = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)[^>]*>", re.S)
_HIDDEN_RE = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.S | re.I)
_ENTITY_RE = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


#: Compiled only for a text that has a marker: most runs have none.
_OFF_RE = LazyPattern(r"<!--\s*crisisplay-lint\s+off\s*-->(.*?)(?:<!--\s*crisisplay-lint\s+on\s*-->|\Z)", re.S | re.I)


def suppress(text: str) -> str:
    """Blank what stands between ``<!-- crisisplay-lint off -->`` and ``<!-- … on -->``.

    Lets a text quote words it must not use («Не используйте слова: паника, …») without
    findings. Length-preserving, so offsets stay the file's.
    """
    if "crisisplay-lint" not in text:
        return text
    return _OFF_RE.sub(lambda m: _blank(m.group()), text)


def _blank(text: str) -> str:
    """Same length, newlines kept, everything else a space."""
    return "".join(ch if ch == "\n" else " " for ch in text)


def strip_tags(raw: str) -> str:
    """HTML or SSML → text of the same length (tags blanked, entities decoded and padded)."""
    out = _blank_markup(raw)

    def entity(match: re.Match[str]) -> str:
        decoded = html.unescape(match.group())
        if len(decoded) != 1:
            return match.group()
        return decoded + " " * (len(match.group()) - 1)

    return _ENTITY_RE.sub(entity, out)


def spells_letters_as_references(raw: str) -> bool:
    """True when letters are written as references (``&#1057;``), as in an ASCII-only page
    such as ``website_banner.html``: padding them would split every word."""
    return any(html.unescape(m.group()).isalnum() for m in _ENTITY_RE.finditer(raw) if m.group(1).startswith("#"))


def strip_tags_mapped(raw: str) -> tuple[str, list[int]]:
    """HTML → the text as a browser displays it: inline tags vanish, block tags break the
    line, each character reference is one character. ``offsets[i]`` is the file index of
    ``text[i]`` (one more at the end), so findings keep the file's line:col."""
    spans = [(m.start(), m.end(), "") for m in _HIDDEN_RE.finditer(raw)]
    for match in _TAG_RE.finditer(_HIDDEN_RE.sub(lambda m: _blank(m.group()), raw)):
        name = (match.group(2) or "").lower().split(":")[-1]
        spans.append((match.start(), match.end(), "\n" if name in _BLOCK_TAGS else ""))
    parts: list[str] = []
    offsets: list[int] = []

    def text_run(start: int, end: int) -> None:
        at = start
        for ref in _ENTITY_RE.finditer(raw, start, end):
            decoded = html.unescape(ref.group())
            if len(decoded) == 1:
                parts.extend((raw[at:ref.start()], decoded))
                offsets.extend([*range(at, ref.start()), ref.start()])
                at = ref.end()
        parts.append(raw[at:end])
        offsets.extend(range(at, end))

    cursor = 0
    for start, end, replacement in sorted(spans):
        if start < cursor:
            continue
        text_run(cursor, start)
        if replacement:
            parts.append(replacement)
            offsets.append(start)
        cursor = end
    text_run(cursor, len(raw))
    offsets.append(len(raw))
    return "".join(parts), offsets


def _blank_markup(raw: str) -> str:
    """Hidden elements and tags blanked, same length; references left as written."""
    out = _HIDDEN_RE.sub(lambda m: _blank(m.group()), raw)

    def tag(match: re.Match[str]) -> str:
        blank = _blank(match.group())
        name = (match.group(2) or "").lower().split(":")[-1]
        if name in _BLOCK_TAGS and "\n" not in blank:
            return "\n" + blank[1:]
        return blank

    return _TAG_RE.sub(tag, out)


_MD_RULES = (
    re.compile(r"^\s{0,3}#{1,6}\s", re.M),  # headings
    re.compile(r"^\s{0,3}>\s?", re.M),  # block quotes
    re.compile(r"^\s*[-*+]\s(?=\S)", re.M),  # bullets (kept as line starts)
    re.compile(r"!?\[(?=[^\]]*\]\()"),  # link/image opening bracket
    re.compile(r"\]\("),  # between link text and target
    re.compile(r"(?<=\S)\)(?=\s|$|[.,;:!?])"),  # link closing parenthesis
    re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"),  # emphasis
    re.compile(r"`+"),  # code spans
    # table rules; spaces and tabs only, each run matched once: "^\s*\|?(?:\s*" split a long
    # run of spaces (a blanked <script>) both ways, quadratic (35 KB of input took 8 s)
    re.compile(r"^[ \t]*(?:\|[ \t]*)?(?::?-{3,}:?[ \t]*\|[ \t]*)+$", re.M),
    re.compile(r"\|"),  # table cells
)


def strip_markdown(raw: str) -> str:
    """Markdown → text of the same length: markers blanked, link texts and URLs kept."""
    out = strip_tags(raw) if "<" in raw else raw
    for pattern in _MD_RULES:
        if pattern.pattern.startswith(r"^\s*[-*+]"):
            out = pattern.sub(lambda m: _blank(m.group()[:-2]) + "• ", out)
            continue
        out = pattern.sub(lambda m: _blank(m.group()), out)
    return out


#: Characters of a JSON string literal that stand for themselves (up to a quote or an escape).
_PLAIN_RUN_RE = re.compile(r'[^"\\]+')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def decode_json_string(raw: str, start: int) -> tuple[str, list[int], int]:
    """Decode the JSON string literal whose opening quote is at ``raw[start]``.

    Returns the text, the raw offset of each decoded character (plus one for the end) and
    the offset just past the closing quote. Raises ValueError on a broken literal.
    """
    if raw[start : start + 1] != '"':
        raise ValueError("not a string literal")
    chars: list[str] = []
    offsets: list[int] = []
    i = start + 1
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            offsets.append(i)
            return "".join(chars), offsets, i + 1
        if ch != "\\":
            # A run of plain characters in one step: a message is mostly plain text, and one
            # loop turn per character cost more than reading the rest of the outbox.
            plain = _PLAIN_RUN_RE.match(raw, i)
            assert plain is not None  # ``ch`` itself is plain
            chars.append(plain.group())
            offsets.extend(range(i, plain.end()))
            i = plain.end()
            continue
        code = raw[i + 1 : i + 2]
        if code in _ESCAPES:
            chars.append(_ESCAPES[code])
            offsets.append(i)
            i += 2
            continue
        if code == "u":
            value = int(raw[i + 2 : i + 6], 16)
            width = 6
            if 0xD800 <= value < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
                low = int(raw[i + 8 : i + 12], 16)
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                width = 12
            chars.append(chr(value))
            offsets.append(i)
            i += width
            continue
        raise ValueError(f"bad escape at offset {i}")
    raise ValueError("unterminated string")


def find_json_strings(raw: str, key: str, expected: list[str]) -> list[tuple[str, list[int]] | None]:
    """Locate, in file order, the literals of ``"key": "…"`` whose values are ``expected``.

    Returns, for each expected value, its decoded text and offsets, or None when it cannot
    be found verbatim (positions then fall back to the value's line).
    """
    return locate_json_values(raw, [(key, value) for value in expected])


def locate_json_values(raw: str, pairs: list[tuple[str, str]]) -> list[tuple[str, list[int]] | None]:
    """Like :func:`find_json_strings` for ``(key, value)`` pairs in file order."""
    found: list[tuple[str, list[int]] | None] = []
    position = 0
    for key, value in pairs:
        pattern = re.compile(rf'"{re.escape(key)}"\s*:\s*(?=")')
        hit: tuple[str, list[int]] | None = None
        for match in pattern.finditer(raw, position):
            try:
                text, offsets, end = decode_json_string(raw, match.end())
            except ValueError:
                continue
            if text == value:
                hit, position = (text, offsets), end
                break
        found.append(hit)
    return found
