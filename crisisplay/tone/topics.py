"""What a fact of a message is about: its clause and the cue classes and nouns around it.

A fact's *topic* holds cue classes (``UPDATE`` the next message, ``RESTORE`` something comes
back, ``START`` since when, ``UNTIL`` until when) and the nouns near it («офис», "branches"), so
«офис откроется в 15:00» is compared with «офис откроется в 16:00» but not with «следующее
сообщение в 16:00». Used by :mod:`~crisisplay.tone.statements`.
"""

from __future__ import annotations

import re

from crisisplay.tone import morph
from crisisplay.tone.doc import Doc
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.text import PUNCT, WORD

WINDOW = 6
PREPOSITIONS = frozenset(
    {"в", "во", "на", "через", "по", "из", "для", "при", "без", "после", "до", "от", "к", "за", "под", "у",
     "in", "on", "via", "through", "by", "with", "for", "at", "from", "without", "after", "before", "to"}
)
_CLAUSE_WORDS = frozenset({"а", "но", "однако", "but", "while", "whereas", "however"})
_CLAUSE_CHAR_RE = re.compile("[;:—]")
_UNTIL = frozenset({"до", "until", "till", "by"})
#: What opens a cause («из-за аварии», "due to a power cut"): the words before it, by the last one
_CAUSE_OPENERS = {"из-за": (), "вследствие": (), "ввиду": (), "с": ("в", "связи"), "со": ("в", "связи"),
                  "причине": ("по",), "to": ("due",), "of": ("because",), "by": ("caused",)}


def message_clause_breaks(doc: Doc) -> list[bool]:
    """Per token: whether a clause stops there (; : — and «а»/«но»/"but"), once per message:
    every fact's topic and every status statement looks for its clause."""
    return doc.memo("clause-breaks", lambda: clause_breaks(doc, _CLAUSE_WORDS, _CLAUSE_CHAR_RE))


def clause_breaks(doc: Doc, words: frozenset[str], chars: re.Pattern[str]) -> list[bool]:
    """Per token: whether it is one of ``words`` (lower case) or punctuation holding one of
    ``chars``. Found from where they are, not token by token: a message holds few of either
    (its tokens by form are already indexed; the characters are looked up in its text)."""
    breaks = [False] * len(doc.tokens)
    positions = doc.surface_positions
    for word in words & doc.surface_set:
        for index in positions[word]:
            breaks[index] = True
    tokens = doc.tokens
    for match in chars.finditer(doc.text):
        span = doc.tokens_within(match.start(), match.end())
        if span is not None and tokens[span[0]].kind == PUNCT:
            breaks[span[0]] = True
    return breaks


def clause_of(doc: Doc, breaks: list[bool], first: int, last: int) -> tuple[int, int]:
    """Token range of the clause around ``first..last``: stops at ; : and «а»/«но»/"but"
    (``breaks``: :func:`message_clause_breaks`)."""
    sentence = doc.sentences[doc.tokens[first].sentence]
    lo = first
    while lo > sentence.first and not breaks[lo - 1]:
        lo -= 1
    # «Следующее сообщение — в 13:00», "Next update: 3 PM": the dash or colon introduces the
    # value, so the words before it are its topic
    if lo > sentence.first + 1 and lo >= first - 2 and all(
        doc.tokens[i].kind == PUNCT or doc.lower(i) in PREPOSITIONS for i in range(lo, first)
    ):
        lo -= 1
        while lo > sentence.first and not breaks[lo - 1]:
            lo -= 1
    hi = last
    while hi + 1 < sentence.last and not breaks[hi + 1]:
        hi += 1
    return lo, hi


class Topics:
    """Finds the topics of one message's facts; what they share is looked up once per message
    (the clause breaks, the cue phrases, the topic word of each token: the windows overlap)."""

    __slots__ = ("breaks", "causes", "cues", "doc", "known", "lex")

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.breaks = message_clause_breaks(doc)
        #: (cue class, character spans of its phrases), only the classes the message has
        self.cues = [(name, spans) for name, spans in _cue_spans(doc, lex).items() if spans]
        self.known: dict[int, str | None] = doc.memo(f"topic-words:{id(lex)}", dict)
        self.causes = self._causes()

    def _causes(self) -> set[int]:
        """The nouns that name a cause («офис закрыт из-за аварии и откроется в 17:00»): the
        cause is not what a time is about, the office is."""
        doc = self.doc
        found: set[int] = set()
        for word in doc.surface_set.intersection(_CAUSE_OPENERS):
            before = _CAUSE_OPENERS[word]
            for index in doc.surface_positions[word]:
                if index < len(before) or any(doc.lower(index - len(before) + k) != w for k, w in enumerate(before)):
                    continue
                found.update(range(index - len(before), index))  # "because" of "because of"
                for j in range(index + 1, min(index + 4, len(doc.tokens))):  # to the first noun
                    if doc.tokens[j].kind != WORD:
                        break
                    found.add(j)
                    if self._word(j) is not None:
                        break
        return found

    def _word(self, index: int) -> str | None:
        known = self.known
        if index not in known:
            known[index] = _topic_word(self.doc, index, self.lex)
        return known[index]

    def of(self, first: int, last: int) -> set[str]:
        """The topic of the fact on tokens ``first..last``: the cue classes and topic words of
        its clause, at most :data:`WINDOW` tokens either side."""
        doc = self.doc
        tokens = doc.tokens
        lo, hi = clause_of(doc, self.breaks, first, last)
        lo, hi = max(lo, first - WINDOW), min(hi, last + WINDOW)
        topic: set[str] = set()
        if self.cues:
            start, end = tokens[lo].start, tokens[hi].end
            topic.update(name for name, spans in self.cues if any(s < end and start < e for s, e in spans))
        known, causes = self.known, self.causes
        for i in range(lo, hi + 1):
            if first <= i <= last or tokens[i].kind != WORD or i in causes:
                continue
            if i == first - 1 and doc.lower(i) in _UNTIL:
                topic.add("UNTIL")
            if i in known:
                key = known[i]
            else:
                key = known[i] = _topic_word(doc, i, self.lex)
            if key is not None:
                topic.add(key)
        return topic

    def around(self, start: int, end: int) -> frozenset[str]:
        """The topic of the fact on the characters ``start..end``."""
        span = self.doc.tokens_within(start, end)
        return frozenset() if span is None else frozenset(self.of(*span))


def _topic_word(doc: Doc, index: int, lex: Lexicon) -> str | None:
    """The entry key of a word that can be a topic (a noun, not a name or a stop word), else None."""
    word = doc.tokens[index].text
    # the checks that need no entry key first: a short word or a name is no topic, whatever its key
    if len(word) < 3:
        return None
    if word[:1].isupper() and not doc.is_sentence_initial(index):
        return None  # names (the company, a product) say nothing about the number
    key = _NOUN_KEYS.get((word, doc.lang))
    if key is None:
        if len(_NOUN_KEYS) >= _KEPT_NOUN_KEYS:
            _NOUN_KEYS.clear()
        key = _NOUN_KEYS[word, doc.lang] = _noun_key(word, doc.lang) or ""
    return key if key and key not in lex.topic_stopwords else None


#: (word, language) → :func:`_noun_key` ("" for None): the words around a message's facts
#: recur in every message, and finding a key reads the morphology each time. Bounded like
#: the token keys.
_NOUN_KEYS: dict[tuple[str, str], str] = {}
_KEPT_NOUN_KEYS = 65_536


def _noun_key(word: str, lang: str) -> str | None:
    """The entry key of a word, or None for a Russian word whose first reading is not a noun."""
    key = morph.entry_key(word, lang)
    if lang == "ru" and any("а" <= ch <= "я" for ch in word.lower()):
        parses = morph.ru_parses(morph.normalise(word))
        return key if parses and "NOUN" in parses[0][1] else None
    return key


def _cue_spans(doc: Doc, lex: Lexicon) -> dict[str, list[tuple[int, int]]]:
    return {
        name: [m.offsets(doc) for m in lex.get(key).find(doc)]
        for name, key in (("UPDATE", "update_cue"), ("RESTORE", "restore_cue"), ("START", "start_cue"))
    }
