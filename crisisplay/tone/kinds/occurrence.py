"""The ``occurrence`` rule kind: how often something occurs.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone.base import CheckContext, Finding, Options, Rule
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.patterns import UserPattern
from crisisplay.tone.phrases import PhraseSet

#: What lets a pattern look outside its match: anchors, word boundaries, look-arounds, groups
#: with flags or atomic groups, possessive repeats. Only a pattern with none of them (read
#: conservatively: an escaped «^» counts too) matches a sentence only where it matches the text.
_LOOKS_AROUND = re.compile(r"[\^$]|\(\?|[*+?}]\+|\\[bBAZzGmMK]")


def _context_free(source: str) -> bool:
    """Whether the pattern ``source`` matches a piece of a text only where it matches the text."""
    return _LOOKS_AROUND.search(source) is None


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class OccurrenceRule(Rule):
    """occurrence: limit how often something occurs in the text or in each sentence.

    Options: ``target`` (``words``, ``tokens`` or ``patterns``), ``tokens``/``patterns`` (what
    to count), ``scope`` (``text`` or ``sentence``), ``max`` and/or ``min``, ``exempt``
    (phrases: a short sentence holding one, such as a greeting «Здравствуйте!», is not
    counted) and ``exempt_words`` (how short, default 6). The message may use ``{count}``,
    ``{max}`` and ``{min}``.

    Example (at most one exclamation mark besides a greeting)::

        - id: en.exclamations
          kind: occurrence
          category: shouting
          target: patterns
          patterns: ["!"]
          scope: text
          max: 1
          exempt: [hello, hi, dear, thank]
    """

    OPTIONS: ClassVar[Options] = {
        "target": ((str,), True),
        "tokens": ((list,), False),
        "patterns": ((list,), False),
        "scope": ((str,), False),
        "max": ((int,), False),
        "min": ((int,), False),
        "exempt": ((list,), False),
        "exempt_words": ((int,), False),
    }
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"target": ("words", "tokens", "patterns"),
                                                    "scope": ("text", "sentence")}
    target: str = "words"
    tokens: PhraseSet | None = None
    patterns: tuple[UserPattern, ...] = ()
    scope: str = "text"
    maximum: int | None = None
    minimum: int | None = None
    exempt: PhraseSet | None = None
    exempt_words: int = 6
    context_free: bool = False  # every pattern is (see :func:`_context_free`)

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        patterns = setup.patterns()
        return [cls(**setup.common(), target=setup.value("target"), tokens=setup.phrases("tokens"),
                    patterns=patterns, context_free=all(_context_free(p.source) for p in patterns),
                    scope=setup.value("scope", "text"), maximum=setup.value("max"),
                    minimum=setup.value("min"), exempt=setup.phrases("exempt", gap=0),
                    exempt_words=int(setup.value("exempt_words", 6)))]

    def _hits(self, doc: Doc, number: int) -> list[tuple[int, int]]:
        sent = doc.sentences[number]
        if self.target == "words":
            return [(doc.tokens[i].start, doc.tokens[i].end) for i in doc.sentence_words(number)]
        if self.target == "tokens" and self.tokens:
            return [m.offsets(doc) for m in self.tokens.find(doc, sent.first, sent.last)]
        hits: list[tuple[int, int]] = []
        for pattern in self.patterns:
            hits.extend((sent.start + start, sent.start + end)
                        for start, end in pattern.spans(doc.text[sent.start : sent.end]))
        return sorted(hits)

    def _exempt(self, doc: Doc, number: int) -> bool:
        if not self.exempt:
            return False
        sent = doc.sentences[number]
        words = doc.sentence_words(number)
        return len(words) <= self.exempt_words and bool(self.exempt.search(doc, sent.first, sent.last))

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.scope == "sentence":
            maximum, minimum = self.maximum, self.minimum
            for number, sent in enumerate(doc.sentences):
                if self.exempt is not None and self._exempt(doc, number):
                    continue
                # a sentence is reported whole: only the number of hits matters
                count = len(doc.sentence_words(number)) if self.target == "words" else len(self._hits(doc, number))
                # judged only when out of bounds: most sentences are not, and judging builds the message values
                if (maximum is not None and count > maximum) or (minimum is not None and count < minimum):
                    yield from self._judge(count, (sent.start, sent.end))
            return
        everything: list[tuple[int, int]] = []
        if self.target != "patterns" or not self._absent(doc.text):
            for number in range(len(doc.sentences)):
                hits = self._hits(doc, number)
                # a sentence without hits adds nothing, exempt or not (the exemption is a phrase search)
                if hits and not self._exempt(doc, number):
                    everything.extend(hits)
        count, maximum, minimum = len(everything), self.maximum, self.minimum
        if maximum is not None and count > maximum:
            yield from self._judge(count, (0, 0), everything[maximum])
        elif minimum is not None and count < minimum:
            yield from self._judge(count, (0, 0))

    def _absent(self, text: str) -> bool:
        """No pattern can match in any sentence, known from one search of the whole text (most
        messages have no «!»): true only for patterns that look at nothing outside their match
        (no anchors, word boundaries or look-arounds), which match a sentence only where they
        match the text."""
        return self.context_free and not any(p.found_in(text) for p in self.patterns)

    def _judge(self, count: int, whole: tuple[int, int], over: tuple[int, int] | None = None) -> Iterator[Finding]:
        """``over``: the first hit past the maximum, reported in place of the whole text."""
        values = {"count": count, "max": self.maximum, "min": self.minimum}
        if self.maximum is not None and count > self.maximum:
            start, end = over if over is not None else whole
            yield self.finding(start, end, self.text(**values))
        elif self.minimum is not None and count < self.minimum:
            yield self.finding(whole[0], whole[1], self.text(**values))
