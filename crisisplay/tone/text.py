"""Tokens, sentences and positions: the analysed form of one message.

Russian is tokenised by razdel (it keeps «из-за», «интернет-банк», «15.00» whole and knows
abbreviations and initials); English by a small regex that keeps contractions ("can't",
"we're") and hyphenated words whole. Sentences come from razdel's ``sentenize`` after the
text is cut at blank lines and at line breaks that clearly end a line of their own (lists,
SMS lines, a greeting on its own line), so a line without a full stop does not glue itself
to the next one.

Every token keeps its character offsets into the message text; :class:`PositionMap` turns an
offset into the file's line and column, so every finding reports ``file:line:col`` and the
exact span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

WORD = "word"
NUMBER = "number"
PUNCT = "punct"

#: Punctuation that a phrase never spans (a comma splits "из-за клиента, который").
BARRIER_CHARS = frozenset(".!?;:…,")
#: Quotes and brackets: transparent for phrase matching.
SOFT_CHARS = frozenset("«»\"„“”'‘’()[]{}*_`")

_EN_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|\S", re.UNICODE)
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_BULLET_RE = re.compile(r"^\s*(?:[-*•–—]\s|\d+[.)]\s|#)")
_LINE_END_RE = re.compile(r"[.!?:;…]\s*$")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, its offsets in the message text, and its sentence."""

    text: str
    start: int
    end: int
    kind: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's character range and its token range ``[first, last)``."""

    start: int
    end: int
    first: int
    last: int


class PositionMap:
    """Maps an offset in the analysed text to a 1-based (line, column) in the source file.

    ``raw`` is the text the offsets finally land in (the file content, or the JSON string
    literal as written); ``offsets`` maps a text index to a ``raw`` index when the two
    differ (escaped JSON strings), and ``line``/``column`` say where ``raw`` starts.
    """

    def __init__(
        self,
        raw: str,
        *,
        line: int = 1,
        column: int = 1,
        offsets: Sequence[int] | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.offsets = offsets
        self._starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def __call__(self, offset: int) -> tuple[int, int]:
        if self.offsets is not None:
            if not self.offsets:
                return self.line, self.column
            offset = self.offsets[min(max(offset, 0), len(self.offsets) - 1)]
        index = bisect.bisect_right(self._starts, offset) - 1
        column = offset - self._starts[index] + 1
        if index == 0:
            column += self.column - 1
        return self.line + index, column


def token_kind(text: str) -> str:
    if _LETTER_RE.search(text):
        return WORD
    if text[:1].isdigit():
        return NUMBER
    return PUNCT


def _blocks(text: str) -> list[tuple[int, int]]:
    """Cut the text where a line break ends a sentence even without punctuation."""
    blocks: list[tuple[int, int]] = []
    start = 0
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        end = offset + len(line)
        nxt = lines[number + 1] if number + 1 < len(lines) else None
        if nxt is None:
            break
        stripped_next = nxt.strip()
        cut = (
            not line.strip()
            or not stripped_next
            or bool(_LINE_END_RE.search(line))
            or bool(_BULLET_RE.match(nxt))
            or stripped_next[:1].isupper()
            or stripped_next[:1].isdigit()
        )
        if cut:
            blocks.append((start, end))
            start = end + 1
        offset = end + 1
    blocks.append((start, len(text)))
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def raw_tokens(text: str, lang: str) -> list[tuple[str, int, int]]:
    if lang == "ru":
        return _razdel_tokens(text)
    return [(m.group(), m.start(), m.end()) for m in _EN_TOKEN_RE.finditer(text)]


_CHUNK_RE = re.compile(r"\S+")
#: Signs that no razdel rule joins to a word of letters before them (dashes, «_» and a
#: repeated sign are joined or not depending on what follows).
_CLOSING_SIGNS = frozenset(".,!?:;…")


def _razdel_tokens(text: str) -> list[tuple[str, int, int]]:
    """razdel's tokens of ``text``, with razdel run only where it has something to decide.

    razdel never joins across whitespace, and its rules look at most one atom beyond the two
    they may join. A whitespace-delimited chunk that is one of its atoms (a word of letters,
    a number, one sign) is one token whatever surrounds it, and so is a word with one closing
    sign («сбоя,» is «сбоя» and «,»: no rule joins a word to these signs). Each run of other
    chunks («из-за», «13:00», «работают!!») goes to razdel with the chunk before and after it
    as context, so the result is razdel's own over the whole text (tests/test_tone_text.py
    compares them) in about half the time: most chunks of a message are plain words.
    """
    from razdel import tokenize
    from razdel.segmenters.tokenize import ATOM

    chunks = [(m.group(), m.start(), m.end()) for m in _CHUNK_RE.finditer(text)]
    split: list[list[tuple[str, int, int]] | None] = []
    for chunk, start, end in chunks:
        if ATOM.fullmatch(chunk):
            split.append([(chunk, start, end)])
        elif (chunk[-1] in _CLOSING_SIGNS and chunk[:-1].isalpha() and chunk[:-1].lower() != "yahoo"
              and (atom := ATOM.fullmatch(chunk, 0, len(chunk) - 1)) and atom.lastgroup in ("RU", "LAT")):
            split.append([(chunk[:-1], start, end - 1), (chunk[-1], end - 1, end)])
        else:
            split.append(None)
    tokens: list[tuple[str, int, int]] = []
    index, count = 0, len(chunks)
    while index < count:
        known = split[index]
        if known is not None:
            tokens.extend(known)
            index += 1
            continue
        after = index
        while after < count and split[after] is None:
            after += 1
        start, end = chunks[index][1], chunks[after - 1][2]
        low = chunks[index - 1][1] if index > 0 else start
        high = chunks[after][2] if after < count else end
        for token in tokenize(text[low:high]):
            if start <= low + token.start < end:
                tokens.append((token.text, low + token.start, low + token.stop))
        index = after
    return tokens


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges ``(start, end)`` over the whole text."""
    from razdel import sentenize

    ranges: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        for sent in sentenize(text[start:end]):
            ranges.append((start + sent.start, start + sent.stop))
    return ranges


def analyse_tokens(text: str, lang: str) -> tuple[list[Token], list[Sentence]]:
    """Tokens with their sentence index, and the sentences with their token ranges."""
    ranges = split_sentences(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(ranges):
        first = len(tokens)
        for word, s, e in raw_tokens(text[start:end], lang):
            tokens.append(Token(word, start + s, start + e, token_kind(word), number))
        sentences.append(Sentence(start, end, first, len(tokens)))
    return tokens, sentences


def is_soft(token: Token) -> bool:
    return token.kind == PUNCT and all(ch in SOFT_CHARS for ch in token.text)


def is_barrier(token: Token) -> bool:
    return token.kind == PUNCT and any(ch in BARRIER_CHARS for ch in token.text)


def letters_ratio(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters): the basis of language detection."""
    cyrillic = latin = 0
    for ch in text:
        if "а" <= ch.lower() <= "я" or ch in "ёЁ":
            cyrillic += 1
        elif "a" <= ch.lower() <= "z":
            latin += 1
    return cyrillic, latin


def detect_language(text: str) -> str:
    """``ru`` when a fair share of the letters are Cyrillic, else ``en``."""
    cyrillic, latin = letters_ratio(text)
    return "ru" if cyrillic >= max(1, latin) * 0.5 and cyrillic > 0 else "en"
