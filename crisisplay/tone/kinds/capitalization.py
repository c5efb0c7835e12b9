"""The ``capitalization`` rule kind: shouting in capitals, or one word spelt two ways.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone import morph
from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.phrases import PhraseSet

SHOUT_WORDS = ("NOT", "NOW", "DO", "ALL", "YOU", "NO", "WE", "ARE", "IS", "OUR", "STOP", "AND", "THE",
               # four-letter words: other four-letter capitals are mostly names ("APAC", "WAPA", "ECUA")
               "CALL", "HELP", "OPEN", "SHUT", "READ", "NOTE", "VERY", "MUST", "ONLY", "THIS", "THAT", "WILL",
               "BACK", "DOWN", "LIVE", "SAFE", "WAIT", "SOON", "FREE", "DONT", "CANT", "WONT", "YOUR", "NEED",
               "HAVE", "BEEN", "WITH", "FROM", "LOST", "DEAD", "FAST", "BUSY", "FULL", "SALE", "JUST", "EVER",
               "HERE", "THEM", "THEY", "WHAT", "WHEN", "KEEP", "STAY", "AWAY", "LATE", "MORE", "LESS", "TODAY")
_VOWELLESS_RE = re.compile(r"[B-DF-HJ-NP-TV-XZ0-9&.'’-]+")
_SHORT_SHOUTS_RU = frozenset({"НЕ", "НЕТ", "ВСЕ", "ВСЁ", "ВЫ", "ДА", "ВАС", "ВАМ", "ВАШ"})


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class CapitalizationRule(Rule):
    """capitalization: ALL-CAPS shouting, or inconsistent capitalisation of a word.

    ``mode: shouting`` reports words in capitals beyond ``max`` (default 0). Abbreviations
    are not shouting: a Cyrillic word counts only when the dictionary knows it as a word
    («ВНИМАНИЕ», «СРОЧНО», not «МСК»); a Latin word counts when it has at least 5 letters and
    a vowel ("PBWN", "HSBC" are abbreviations; four capitals are mostly a name, "APAC") or
    stands in ``shout_words`` ("NOT", "NOW", "CALL", "HELP"), and never when listed in
    ``acronyms`` or when it holds a digit or "_" (a code: "ERR_DNS_FAIL", "A320").
    ``mode: consistent`` looks at ``tokens`` (e.g. «вы», «ваш») away from the start of a
    sentence: when both «Вы» and «вы» occur, it reports the less frequent spelling
    (or the one ``prefer: upper|lower`` rules out). Both modes offer a safe case fix.
    """

    OPTIONS: ClassVar[Options] = {
        "mode": ((str,), True),
        "max": ((int,), False),
        "acronyms": ((list,), False),
        "shout_words": ((list,), False),
        "tokens": ((list,), False),
        "prefer": ((str,), False),
    }
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"mode": ("shouting", "consistent"),
                                                    "prefer": ("upper", "lower", "majority")}
    mode: str = "shouting"
    maximum: int = 0
    acronyms: frozenset[str] = frozenset()
    shout_words: frozenset[str] = frozenset()
    tokens: PhraseSet | None = None
    prefer: str = "majority"

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), mode=setup.value("mode"), maximum=int(setup.value("max", 0)),
                    acronyms=frozenset(setup.value("acronyms", [])) | setup.lexicon.acronyms,
                    shout_words=frozenset(setup.value("shout_words", SHOUT_WORDS)),
                    tokens=setup.phrases("tokens", gap=0), prefer=setup.value("prefer", "majority"))]

    def _is_shout(self, word: str, doc_is_cyrillic: bool = False) -> bool:
        if not word.isupper():  # most words: no need to look at their letters
            return False
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) < 2 or not word.isupper() or word in self.acronyms:
            return False
        if len(letters) < len(word) and any(ch == "_" or ch.isdigit() for ch in word):
            return False  # "ERR_DNS_FAIL", "A320": a code or a model, not a raised voice
        if any("А" <= ch <= "Я" or ch == "Ё" for ch in letters):
            # «ВОК», «ЧП», «МЧС» are abbreviations even when a dictionary knows the letters as a word
            return (len(letters) >= 4 or word in _SHORT_SHOUTS_RU) and morph.is_dictionary_word(word)
        if doc_is_cyrillic:
            return False  # «ТРЦ сети MEGA»: a Latin word in capitals inside Russian text is a name
        if word in self.shout_words:
            return True
        # "PBWN", "HSBC": a Latin word without a vowel cannot be read out as a word, it is an abbreviation;
        # four letters with a vowel are mostly a name too ("APAC", "WAPA") unless a shout word above
        return len(letters) >= 5 and not _VOWELLESS_RE.fullmatch(word)

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.mode == "consistent":
            yield from self._consistent(doc)
            return
        cyrillic = doc.lang == "ru"
        tokens = doc.tokens
        # ``isupper`` first, in line: most words are not in capitals (a call per word costs more)
        shouts = [i for i in doc.word_indices if tokens[i].text.isupper() and self._is_shout(tokens[i].text, cyrillic)]
        if len(shouts) <= self.maximum:
            return
        for i in shouts:
            token = doc.tokens[i]
            if self.excepted(doc, token.start, token.end):
                continue
            lower = token.text.lower()
            fixed = lower.capitalize() if doc.is_sentence_initial(i) else lower
            yield self.finding(
                token.start, token.end, fill(self.message, match=token.text, count=len(shouts)),
                suggestion=fixed, replacement=fixed,
            )

    def _consistent(self, doc: Doc) -> Iterator[Finding]:
        if not self.tokens:
            return
        found = [m.first for m in self.tokens.find(doc) if not doc.is_sentence_initial(m.first)]
        spelled = {i: doc.tokens[i].text[:1].isupper() for i in found}
        counts = Counter(spelled.values())
        if len(counts) < 2:
            return
        upper_wins = counts[True] >= counts[False] if self.prefer == "majority" else self.prefer == "upper"
        for i, is_upper in spelled.items():
            if is_upper == upper_wins:
                continue
            token = doc.tokens[i]
            fixed = token.text[:1].upper() + token.text[1:] if upper_wins else token.text.lower()
            yield self.finding(
                token.start, token.end,
                fill(self.message, match=token.text, suggestion=fixed),
                suggestion=fixed, replacement=fixed,
            )
