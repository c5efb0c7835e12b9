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
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from crisisplay.lazy_re import LazyPattern
from crisisplay.tone.razdel_fast import razdel_tokens, sentenize

WORD = "word"
NUMBER = "number"
PUNCT = "punct"

#: Punctuation that a phrase never spans (a comma splits "из-за клиента, который").
BARRIER_CHARS = frozenset(".!?;:…,")
#: Quotes and brackets: transparent for phrase matching.
SOFT_CHARS = frozenset("«»\"„“”'‘’()[]{}*_`")

#: (a number with thousands separators is one token: "deprived more than 3,000 customers of service")
_EN_TOKEN_RE = LazyPattern(r"\w+(?:[-'’.]\w+|(?<=\d),\d{3}(?!\d))*|\S", re.UNICODE)
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
#: A line that starts a list item also starts a sentence: dashes, bullets («·», «▪», «●», «►»,
#: «✓»; the emoji markers of messenger posts «🔹», «✅», «📌», «👉»), numbers, headings
_BULLET_RE = LazyPattern(r"^\s*(?:[-*•–—·▪◦‣●■►➤➢✓✔🔹🔸🔺🔻✅❗📌👉]\ufe0f?\s|\d+[.)]\s|#)")
_LINE_END_RE = re.compile(r"[.!?:;…]\s*$")


class Token(NamedTuple):
    """One token: its text, its offsets in the message text, and its sentence.

    A named tuple, not a frozen dataclass: a message makes one per word, and a tuple is made
    three times faster (frozen dataclasses set each field through ``object.__setattr__``).
    """

    text: str
    start: int
    end: int
    kind: str
    sentence: int


class Sentence(NamedTuple):
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
        self._raw = raw

    @functools.cached_property
    def _starts(self) -> list[int]:
        """Where each line of ``raw`` starts, found when a first position is asked: a message of
        a bundle maps into the whole file, and a run without findings asks for none."""
        return [0] + [m.end() for m in re.finditer("\n", self._raw)]

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
    if text.isalpha() or _LETTER_RE.search(text):
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
        return razdel_tokens(text)
    return [(m.group(), m.start(), m.end()) for m in _EN_TOKEN_RE.finditer(text)]


#: An English month abbreviated, before its day: razdel (Russian lists) cuts "by Nov. 27" after "Nov."
_MONTH_ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
#: The day after it, the sentence ending there and another starting: "27, 2020. It is fixed."
_DAY_END_RE = re.compile(r"(\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?[.!?])\s+([A-Z])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges ``(start, end)`` over the whole text."""
    ranges: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        block_first = len(ranges)  # a sentence is joined only to one of its own block
        for s, e in sentenize(text[start:end]):
            s, e = start + s, start + e
            if (len(ranges) > block_first and text[s : s + 1].isdigit()
                    and _MONTH_ABBREVIATION_RE.search(text, max(ranges[-1][0], ranges[-1][1] - 6), ranges[-1][1])):
                # "Nov." + "27, 2020." is one sentence; razdel keeps "27. It is fixed." together
                # (a list number), so a sentence that ends after the day is cut there again
                day = _DAY_END_RE.match(text, s, e)
                ranges[-1] = (ranges[-1][0], day.end(1) if day else e)
                if day:
                    ranges.append((day.start(2), e))
            else:
                ranges.append((s, e))
    return ranges


#: The kind of every token text seen (the same few thousand words recur in every message).
_KINDS: dict[str, str] = {}
#: The tokens of every sentence seen, by language and text, with offsets into the sentence:
#: channels of one outbox share most sentences, and a sentence is tokenised on its own anyway.
_SENTENCE_TOKENS: dict[tuple[str, str], tuple[tuple[str, int, int, str], ...]] = {}
#: Longer sentences are tokenised every time: a long-running process (the crisis room) keeps
#: the cache, and what it holds should stay small whatever text it was given.
MAX_KEPT_SENTENCE = 2_000


def _sentence_tokens(sentence: str, lang: str) -> tuple[tuple[str, int, int, str], ...]:
    """(text, start, end, kind) of each token of a sentence, offsets into it (tuples: the
    garbage collector stops looking at them)."""
    key = (lang, sentence)
    known = _SENTENCE_TOKENS.get(key)
    if known is None:
        kinds = _KINDS
        if len(kinds) >= 262_144:
            kinds.clear()
        found = []
        for word, start, end in raw_tokens(sentence, lang):
            kind = kinds.get(word)
            if kind is None:
                kind = kinds[word] = token_kind(word)
            found.append((word, start, end, kind))
        known = tuple(found)
        if len(sentence) > MAX_KEPT_SENTENCE:
            return known
        if len(_SENTENCE_TOKENS) >= 16_384:
            _SENTENCE_TOKENS.clear()
        _SENTENCE_TOKENS[key] = known
    return known


#: ``Token(...)`` without the Python-level ``__new__`` a named tuple has: a message makes one
#: per word, and the C constructor is about twice as fast.
_new_token = tuple.__new__


def analyse_tokens(text: str, lang: str) -> tuple[list[Token], list[Sentence]]:
    """Tokens with their sentence index, and the sentences with their token ranges."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(split_sentences(text)):
        first = len(tokens)
        tokens.extend([_new_token(Token, (word, start + s, start + e, kind, number))
                       for word, s, e, kind in _sentence_tokens(text[start:end], lang)])
        sentences.append(Sentence(start, end, first, len(tokens)))
    return tokens, sentences


def is_soft(token: Token) -> bool:
    return token.kind == PUNCT and is_soft_text(token.text)


def is_barrier(token: Token) -> bool:
    return token.kind == PUNCT and is_barrier_text(token.text)


@functools.lru_cache(maxsize=4096)
def is_soft_text(text: str) -> bool:
    return all(ch in SOFT_CHARS for ch in text)


@functools.lru_cache(maxsize=4096)
def is_barrier_text(text: str) -> bool:
    return any(ch in BARRIER_CHARS for ch in text)


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
