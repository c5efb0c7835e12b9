"""The ``cooccurrence`` rule kind: several ideas in one clause or sentence, in any word order.

A word list finds «по вине поставщика»; it does not find «многое зависит от датацентра» or
«сбой произошёл не по нашей вине» written the other way round. A co-occurrence rule names
the ideas a judgement needs — an outside party *and* a problem, a restore verb in the future
tense *and* a time — and reports a clause (or sentence) that holds one phrase of every group,
whatever their order. Grammemes do the grammar: ``восстановить:futr`` is «восстановим»,
«восстановят», not «восстановили»; ``восстановить:PRTS`` is «восстановлены».
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress
from typing import ClassVar

from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup, phrase_set
from crisisplay.tone.phrases import Match, PhraseSet
from crisisplay.tone.text import WORD
from crisisplay.tone.timeexpr import COMMITTING, find_times
from crisisplay.tone.topics import clause_breaks

#: A group entry that stands for a time of the message's own kind: «в 15:00», «через час»,
#: «до конца дня», "by 9.30pm", "tomorrow" (crisisplay.tone.timeexpr), not «с 10:00».
TIME_ENTRY = "@time"
#: A group entry that stands for a duration: «2 часа», «трёх суток», «полтора часа» (how long
#: something will take: «ремонт займёт около трёх часов»).
DURATION_ENTRY = "@duration"
_CLAUSE_PUNCT = ";:—–"
_CLAUSE_CHAR_RE = re.compile(f"[{_CLAUSE_PUNCT}]")
_CLAUSE_WORDS = frozenset({"а", "но", "однако", "but", "however", "whereas", "while"})


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class CooccurrenceRule(Rule):
    """cooccurrence: one phrase of every group in the same clause or sentence, any order.

    Options: ``groups`` (mapping: name → phrases; the entry ``@time`` stands for a time of
    day, date, day or relative time in the text, ``@duration`` for a duration: «2 часа»),
    ``scope`` (``clause``, the default, cut at
    ``; : —`` and «а»/«но»/"but" — not at a Russian dash after words with no predicate, which
    stands for «это»: «ориентировочное завершение — до 17:00» — or ``sentence``), ``unless`` (phrases: the clause is not
    reported when one of them stands *before* the first group's match — «сообщим, как
    только восстановим» is a promise of news, not a forecast), ``ordered`` (true: the groups'
    first matches must come in the order the groups are written — «виновата техника, а не
    авиакомпания» denies our fault, «виноваты мы, а не техника» owns it), ``gap`` (words
    allowed inside a phrase). The message may use ``{match}``: the text from the first to the
    last matched word.

    Example (a restore time in the future tense is a forecast)::

        - id: ru.forecast
          kind: cooccurrence
          category: speculation
          scope: sentence
          groups:
            restore: [заработать:futr, восстановить:futr, быть:futr восстановить:PRTS]
            when: ["@time", скоро, в ближайший время]
          unless: [как только, когда, чтобы]
    """

    OPTIONS: ClassVar[Options] = {
        "groups": ((dict,), True),
        "scope": ((str,), False),
        "unless": ((list,), False),
        "gap": ((int,), False),
        "ordered": ((bool,), False),
        "author": ((list,), False),
    }
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"scope": ("clause", "sentence")}
    groups: dict[str, PhraseSet] = field(default_factory=dict)
    timed: frozenset[str] = frozenset()  # groups that also accept a time mention
    lasting: frozenset[str] = frozenset()  # groups that also accept a duration
    scope: str = "clause"
    unless: PhraseSet | None = None
    ordered: bool = False
    author: PhraseSet | None = None

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        groups: dict[str, PhraseSet] = {}
        timed: set[str] = set()
        lasting: set[str] = set()
        for name, entries in setup.spec.options["groups"].items():
            phrases, has_duration = split_duration_entry(list(entries))
            phrases, has_time = split_time_entry(phrases)
            groups[name] = phrase_set(phrases, setup.lang, setup.gap, setup.where, setup.lexicon.heads)
            if has_time or has_duration:
                timed.add(name)
            if has_duration:
                lasting.add(name)
        return [cls(**setup.common(), groups=groups, timed=frozenset(timed), lasting=frozenset(lasting),
                    scope=setup.value("scope", "clause"),
                    unless=setup.phrases("unless", gap=0), ordered=bool(setup.value("ordered", False)),
                    author=setup.phrases("author", gap=0))]

    def _ranges(self, doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
        """Token ranges ``[first, last)`` of the clauses (or sentences) of the message, and
        their first tokens (to find the range of a match by bisecting)."""
        def compute() -> tuple[list[tuple[int, int]], list[int]]:
            ranges = self._cut(doc)
            return ranges, [first for first, _stop in ranges]

        return doc.memo(f"cooccurrence-ranges:{self.scope}", compute)

    def _cut(self, doc: Doc) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        cuts = [] if self.scope != "clause" else [
            index for index in compress(range(len(doc.tokens)), clause_breaks(doc, _CLAUSE_WORDS, _CLAUSE_CHAR_RE))
            if not _clock_colon(doc, index) and not _copula_dash(doc, index) and not _while_doing(doc, index)
        ]
        next_cut = 0
        for sent in doc.sentences:
            start = sent.first
            while next_cut < len(cuts) and cuts[next_cut] < sent.last:
                index = cuts[next_cut]
                next_cut += 1
                if index > start:
                    ranges.append((start, index))
                    start = index + 1
            if start < sent.last:
                ranges.append((start, sent.last))
        return ranges

    def _time_tokens(self, doc: Doc) -> list[tuple[int, int]]:
        def compute() -> list[tuple[int, int]]:
            spans = [(t.start, t.end) for t in doc.memo("times", lambda: find_times(doc.text, doc.lang))
                     if t.kind in COMMITTING and not t.since]
            return [tokens for start, end in spans if (tokens := doc.tokens_within(start, end)) is not None]

        return doc.memo("time-tokens", compute)

    def _group_times(self, doc: Doc, name: str) -> list[tuple[int, int]]:
        """The time mentions a timed group accepts: times, and durations when it asks for them."""
        if name not in self.timed:
            return []
        times = self._time_tokens(doc)
        return times + duration_tokens(doc) if name in self.lasting else times

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if not self.groups:
            return
        names = list(self.groups)
        found: dict[str, list[Match]] = {}
        for name in names:  # a group found nowhere (and not a time) means no clause can have all
            found[name] = self.groups[name].find(doc)
            if name == names[0] and self.author is not None:
                found[name] = _not_author(doc, found[name], self.author)
            if not found[name] and name not in self.timed:
                return
        times = {name: self._group_times(doc, name) for name in self.timed}
        unless: list[Match] | None = None
        ranges, firsts = self._ranges(doc)
        # only the clauses that hold a phrase of the first group can hold one of every group
        heads = [(m.first, m.last) for m in found[names[0]]] + times.get(names[0], [])
        candidates = sorted({at for a, b in heads if (at := bisect.bisect_right(firsts, a) - 1) >= 0
                             and b < ranges[at][1]})
        for first, stop in map(ranges.__getitem__, candidates):
            picks: list[tuple[int, int]] = []
            for name in names:
                # ordered: a group's match only after the previous group's
                low = picks[-1][1] + 1 if self.ordered and picks else first
                here = [(m.first, m.last) for m in found[name] if low <= m.first and m.last < stop]
                if name in self.timed:
                    here += [(a, b) for a, b in times[name] if low <= a and b < stop]
                if not here:
                    break
                picks.append(min(here))
            else:
                head = picks[0][0]
                if unless is None:
                    unless = self.unless.find(doc) if self.unless else []
                if any(first <= m.first < head for m in unless):
                    continue
                lo = min(a for a, _b in picks)
                hi = max(b for _a, b in picks)
                start, end = doc.tokens[lo].start, doc.tokens[hi].end
                if self.excepted(doc, start, end):
                    continue
                yield self.finding(start, end, fill(self.message, match=doc.text[start:end]))


#: Readings of a word that make a clause of its own before a dash (a verb, a short participle
#: or adjective, a predicative): «сбой устранён — всё работает» is two clauses.
_PREDICATE = frozenset({"VERB", "INFN", "PRTS", "ADJS", "PRED"})
#: Where the words before such a dash start: «Работы идут, ориентировочное завершение — к 18:00»
_COPULA_STOPS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _while_doing(doc: Doc, index: int) -> bool:
    """Whether the break at ``index`` is a "while" of time before a participle: "the contractor
    while laying the pipeline has damaged a cable" is one clause; "while" of contrast ("payments
    work, while transfers are down") still cuts."""
    following = index + 1
    return (doc.lower(index) == "while" and following < len(doc.tokens)
            and doc.tokens[following].kind == WORD and doc.lower(following).endswith("ing"))


def _copula_dash(doc: Doc, index: int) -> bool:
    """A Russian dash after words with no predicate stands for «это» / «is»: «Ориентировочное
    завершение работ – до 17:00», «Срок восстановления — 18:00» are one clause, not two."""
    if doc.lang != "ru" or doc.tokens[index].text not in ("—", "–"):
        return False
    sentence = doc.tokens[index].sentence
    j = index - 1
    words = 0
    while j >= 0 and doc.tokens[j].sentence == sentence and doc.tokens[j].text not in _COPULA_STOPS:
        if doc.tokens[j].kind == WORD:
            if doc.tag_share(j, _PREDICATE) >= 0.5:
                return False
            words += 1
        j -= 1
    return words > 0


def _clock_colon(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` is the colon of a clock time («к 18:00», "by 5:30"): no
    clause ends there, and a time group must see the whole time."""
    token = doc.tokens[index]
    text = doc.text
    return (text[token.start:token.end] == ":" and token.start > 0 and token.end < len(text)
            and text[token.start - 1].isdigit() and text[token.end].isdigit())


def _not_author(doc: Doc, matches: list[Match], author: PhraseSet) -> list[Match]:
    """``matches`` without those that name the message's author: a word the message also uses
    for itself («Council staff», "the Council's offices", "council systems") is the speaker
    in the third person, not an outside party. The author's word is the first word of an
    ``author`` phrase found anywhere in the message that is not a pronoun, article or "at"
    ("we at Optus" → "optus"), a possessive "'s" dropped."""
    if not matches:
        return matches
    words = {_bare(doc.lower(next((i for i in range(m.first, m.last + 1) if doc.lower(i) not in _NOT_NAMES), m.first)))
             for m in author.find(doc)}
    if not words:
        return matches
    return [m for m in matches if not any(_bare(doc.lower(i)) in words for i in range(m.first, m.last + 1))]


#: words an ``author`` phrase may start with that name nobody: "we at Optus", "the Council would"
_NOT_NAMES = frozenset({"we", "the", "our", "at", "a", "an"})


def _bare(word: str) -> str:
    """A word without its possessive ending: "council's" → "council"."""
    for end in ("'s", "’s", "s'", "s’"):
        if word.endswith(end):
            return word[: -len(end)] + ("s" if end[0] == "s" else "")
    return word


def duration_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the durations in ``doc`` («2 часа», «трёх суток»)."""
    def compute() -> list[tuple[int, int]]:
        spans = [(t.start, t.end) for t in doc.memo("times", lambda: find_times(doc.text, doc.lang))
                 if t.kind == "duration"]
        return [tokens for start, end in spans if (tokens := doc.tokens_within(start, end)) is not None]

    return doc.memo("duration-tokens", compute)


def split_duration_entry(entries: list[str]) -> tuple[list[str], bool]:
    """The phrases of a group without ``@duration``, and whether ``@duration`` was among them."""
    phrases = [e for e in entries if e.strip() != DURATION_ENTRY]
    return phrases, len(phrases) != len(entries)


def split_time_entry(entries: list[str]) -> tuple[list[str], bool]:
    """The phrases of a group without ``@time``, and whether ``@time`` was among them."""
    phrases = [e for e in entries if e.strip() != TIME_ENTRY]
    return phrases, len(phrases) != len(entries)
