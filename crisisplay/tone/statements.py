"""The facts a message states, normalised so that two channels can be compared.

Kinds: clock times, dates, days («завтра», "on Monday"), relative times, cadences and
durations (:mod:`~crisisplay.tone.timeexpr`); amounts of money (value and currency, «5 тыс.
рублей» = 5000 RUB) and percentages (:mod:`~crisisplay.tone.amounts`); phone numbers, links and e-mail addresses
(:mod:`~crisisplay.tone.contacts`); and service statuses («платежи не проходят» → payments:
unavailable).

Each number-like fact carries a *topic*: what it is about. The topic holds cue classes
(``UPDATE`` the next message, ``RESTORE`` something comes back, ``START`` since when,
``UNTIL`` until when) and the nouns near it («офис», "branches"), so «офис откроется в 15:00»
is compared with «офис откроется в 16:00» but not with «следующее сообщение в 16:00».
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime

from crisisplay.tone import morph
from crisisplay.tone.amounts import find_amounts, find_percentages
from crisisplay.tone.contacts import find_contacts
from crisisplay.tone.doc import Doc
from crisisplay.tone.elements import status_matches
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import PUNCT, WORD
from crisisplay.tone.timeexpr import TimeMention, find_times, same_denotation

WINDOW = 6
_PREPOSITIONS = frozenset(
    {"в", "во", "на", "через", "по", "из", "для", "при", "без", "после", "до", "от", "к", "за", "под", "у",
     "in", "on", "via", "through", "by", "with", "for", "at", "from", "without", "after", "before", "to"}
)
_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "this", "that", "наш", "ваш", "этот", "мобильный"})
_CLAUSE_WORDS = frozenset({"а", "но", "однако", "but", "while", "whereas", "however"})
_CLAUSE_CHAR_RE = re.compile("[;:—]")
_UNTIL = frozenset({"до", "until", "till", "by"})
#: What opens a cause («из-за аварии», "due to a power cut"): the words before it, by the last one
_CAUSE_OPENERS = {"из-за": (), "вследствие": (), "ввиду": (), "с": ("в", "связи"), "со": ("в", "связи"),
                  "причине": ("по",), "to": ("due",), "of": ("because",), "by": ("caused",)}
@dataclass(slots=True, eq=False, repr=False)
class Fact:
    """One fact a message states. Not frozen (nothing changes a fact once made): a message makes
    several, and a frozen dataclass sets each field through ``object.__setattr__``. No ``__eq__``
    or ``__repr__`` (nothing compares or prints a fact): generating them costs at every start."""

    kind: str
    value: object
    display: str
    start: int
    end: int
    topic: frozenset[str] = frozenset()
    subject: str = ""  # the service id of a service fact
    relative: int | None = None  # minutes of a relative time turned into this clock time
    # The topic split into cue classes (upper case) and nouns, once per fact: consistency
    # compares every pair of facts.
    cues: frozenset[str] = field(init=False, repr=False, compare=False)
    nouns: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.topic:  # contacts and services have none: skip splitting it
            self.cues = self.nouns = self.topic
            return
        self.cues = frozenset(filter(str.isupper, self.topic))
        self.nouns = self.topic - self.cues


def same_value(a: Fact, b: Fact) -> bool:
    return same_denotation(a.kind, a.value, b.kind, b.value)


def same_topic(a: Fact, b: Fact) -> bool:
    """Two number-like facts are about the same thing (see the module docs)."""
    if a.cues and b.cues:
        return not a.cues.isdisjoint(b.cues) and (not (a.nouns and b.nouns) or not a.nouns.isdisjoint(b.nouns))
    if a.cues or b.cues:
        return False
    return not a.nouns.isdisjoint(b.nouns)


def _clause_breaks(doc: Doc) -> list[bool]:
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


def _clause(doc: Doc, breaks: list[bool], first: int, last: int) -> tuple[int, int]:
    """Token range of the clause around ``first..last``: stops at ; : and «а»/«но»/"but"
    (``breaks``: :func:`_clause_breaks`)."""
    sentence = doc.sentences[doc.tokens[first].sentence]
    lo = first
    while lo > sentence.first and not breaks[lo - 1]:
        lo -= 1
    # «Следующее сообщение — в 13:00», "Next update: 3 PM": the dash or colon introduces the
    # value, so the words before it are its topic
    if lo > sentence.first + 1 and lo >= first - 2 and all(
        doc.tokens[i].kind == PUNCT or doc.lower(i) in _PREPOSITIONS for i in range(lo, first)
    ):
        lo -= 1
        while lo > sentence.first and not breaks[lo - 1]:
            lo -= 1
    hi = last
    while hi + 1 < sentence.last and not breaks[hi + 1]:
        hi += 1
    return lo, hi


class _Topics:
    """Finds the topics of one message's facts; what they share is looked up once per message
    (the clause breaks, the cue phrases, the topic word of each token: the windows overlap)."""

    __slots__ = ("breaks", "causes", "cues", "doc", "known", "lex")

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.breaks = _clause_breaks(doc)
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
        lo, hi = _clause(doc, self.breaks, first, last)
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


def _stamp_lines(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Where a message dates itself: from a ``stamp_cue`` («Обновлено:», "Last updated") that opens a
    line or follows a separator («**Расследуем** · Обновлено: 6 декабря в 14:41») to the end of
    its line and sentence. The time there is when the text was written: every channel has its
    own, and it is not a claim about the incident («Обновлено» is not «Следующее обновление»).
    """
    found = lex.get("stamp_cue").find(doc) if doc.memo("times", lambda: find_times(doc.text, doc.lang)) else []
    lines = []
    for match in found:
        if match.first > 0 and doc.tokens[match.first - 1].kind != PUNCT and not doc.is_sentence_initial(match.first):
            continue
        start = match.offsets(doc)[1]
        line_end = doc.text.find("\n", start)
        sentence_end = doc.sentences[doc.tokens[match.last].sentence].end
        lines.append((start, sentence_end if line_end < 0 else min(line_end, sentence_end)))
    return lines


#: What may stand between two clock times that are alternatives: «15:00 или (в) 16:00»,
#: "3 PM or (at) 4 PM".
_ALTERNATIVE_RE = re.compile(
    r"\s*,?\s*(?:или|либо|or)\s+(?:(?:в|во|к|до|около|примерно в|at|by|around|until|before)\s+)?", re.I
)


def _alternative(text: str, previous: Fact, mention: TimeMention) -> bool:
    """Whether ``mention`` is an alternative to the clock fact just before it («или», "or")."""
    return (
        mention.kind == previous.kind == "clock"
        and previous.relative is None
        and isinstance(mention.value, frozenset)
        and _ALTERNATIVE_RE.fullmatch(text, previous.end, mention.start) is not None
    )


def _on_the_clock(kind: str, value: object, display: str, sent_at: datetime | None) -> tuple[str, object, str]:
    """«через 2 часа» sent at 11:00 is 13:00: a relative time becomes a clock time."""
    if kind != "relative" or sent_at is None or not isinstance(value, int) or value >= 1440:
        return kind, value, display
    minute = (sent_at.hour * 60 + sent_at.minute + value) % 1440
    return "clock", frozenset({minute}), f"{minute // 60:02d}:{minute % 60:02d} ({display})"


def extract_facts(doc: Doc, lex: Lexicon, *, sent_at: datetime | None = None) -> list[Fact]:
    """Every fact of one message, in text order; ``sent_at`` resolves relative times."""
    text = doc.text
    topics = _Topics(doc, lex)
    stamps = _stamp_lines(doc, lex)
    facts: list[Fact] = []
    for mention in doc.memo("times", lambda: find_times(text, doc.lang)):
        span = doc.tokens_within(mention.start, mention.end)
        if span is None or (stamps and any(s <= mention.start < e for s, e in stamps)):
            continue
        if facts and _alternative(text, facts[-1], mention):
            # «в 15:00 или в 16:00»: one hedged time, with the first's topic (the words before
            # «или» say what it is about; the second alone would read as a bare time)
            first = facts[-1]
            facts[-1] = Fact("clock", first.value | mention.value, f"{first.display} or {mention.display}",  # type: ignore[operator]
                             first.start, mention.end, first.topic)
            continue
        topic = topics.of(*span)
        topic.discard("START")
        if mention.since:
            topic.add("START")
        kind, value, display = _on_the_clock(mention.kind, mention.value, mention.display, sent_at)
        relative = mention.value if kind != mention.kind and isinstance(mention.value, int) else None
        facts.append(Fact(kind, value, display, mention.start, mention.end, frozenset(topic), relative=relative))
    folded = text.casefold()
    for start, end, amount in find_amounts(text, folded, [(f.start, f.end) for f in facts]):
        value, code = amount
        facts.append(Fact("amount", amount, f"{value:g} {code}", start, end, topics.around(start, end)))
    for start, end, share in find_percentages(text, folded):
        facts.append(Fact("percent", share, f"{share:g} %", start, end, topics.around(start, end)))
    for contact in doc.memo("contacts", lambda: find_contacts(text, doc.lang)):
        facts.append(Fact(contact.kind, contact.value, contact.display, contact.start, contact.end))
    facts.extend(service_facts(doc, lex))
    facts.sort(key=_start_of)
    return facts


def _start_of(fact: Fact) -> int:
    return fact.start


_SEVERITY = {"unavailable": 3, "degraded": 2, "available": 1}


def service_facts(doc: Doc, lex: Lexicon) -> list[Fact]:
    """«Платежи и переводы не работают» → payments: unavailable, transfers: unavailable.

    A clause is cut at commas into segments; a service takes the status stated in its own
    segment, or in the next one when it opens an enumeration («Платежи, переводы и вклады
    не работают»). Services inside a prepositional phrase are not subjects («оплата в
    приложении» is about payments). A status list («— оплата связи: работает с перебоями»,
    "Payments: operational") takes the service from before the colon. When a segment states
    several statuses the gravest wins.
    """
    statuses = status_matches(doc, lex)
    if not statuses:  # no status, no service fact: the services need not be looked for
        return []
    found = [(name, m) for name, phrases in lex.services.items() for m in phrases.find(doc)]
    mentions = _outermost(found)
    # in text order once (a stable sort: mentions at one token keep their order), so that
    # each segment's subjects come out in order without sorting them again
    mentions.sort(key=_first_token)
    breaks = _clause_breaks(doc)
    clauses = sorted({_clause(doc, breaks, m.first, m.last) for _state, m in statuses})
    facts: list[Fact] = []
    for lo, hi in clauses:
        pending: list[tuple[str, Match]] = []
        for seg_lo, seg_hi in _segments(doc, lo, hi):
            here = [(state, m) for state, m in statuses if seg_lo <= m.first <= seg_hi]
            subjects = pending + _subjects(doc, mentions, seg_lo, seg_hi)
            if not here:
                pending = subjects
                continue
            state, match = max(here, key=_severity_of)
            if not subjects and seg_lo == lo and lo >= 2 and doc.tokens[lo - 1].text == ":":
                subjects = _subjects(doc, mentions, *_clause(doc, breaks, lo - 2, lo - 2))
            s2, e2 = match.offsets(doc)
            for name, mention in subjects:
                start, end = mention.offsets(doc)
                facts.append(Fact("service", state, f"{name}: {state}", min(start, s2), max(end, e2), subject=name))
            pending = []
    unique: dict[str, Fact] = {}
    for fact in sorted(facts, key=_start_of):
        unique.setdefault(fact.subject + str(fact.start), fact)
    return list(unique.values())


def _outermost(found: list[tuple[str, Match]]) -> list[tuple[str, Match]]:
    """«оплата связи» (a service of the playbook) is not also «связь»: a mention inside a
    longer mention of another service is part of that name."""
    if len(found) < 2:
        return list(found)
    kept = []
    for name, m in found:
        first, last = m.first, m.last
        length = last - first
        for other, o in found:
            if o.first <= first and last <= o.last and o.last - o.first > length and other != name:
                break
        else:
            kept.append((name, m))
    return kept


def _first_token(item: tuple[str, Match]) -> int:
    return item[1].first


def _severity_of(item: tuple[str, Match]) -> int:
    return _SEVERITY[item[0]]


def _segments(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of a clause between commas (the message's commas, bisected)."""
    commas = doc.surface_positions.get(",", [])
    segments: list[tuple[int, int]] = []
    start = lo
    for index in commas[bisect.bisect_left(commas, lo) : bisect.bisect_right(commas, hi)]:
        if index > start:
            segments.append((start, index - 1))
        start = index + 1
    if start <= hi:
        segments.append((start, hi))
    return segments


def _subjects(doc: Doc, mentions: list[tuple[str, Match]], lo: int, hi: int) -> list[tuple[str, Match]]:
    """The services that are subjects in tokens ``lo..hi`` (``mentions``: in text order)."""
    here = [(name, m) for name, m in mentions if lo <= m.first <= hi and not _after_preposition(doc, m.first)]
    return [item for k, item in enumerate(here) if not _modifier(doc, here, k)]


def _after_preposition(doc: Doc, index: int) -> bool:
    for j in range(index - 1, max(index - 4, -1), -1):
        if doc.tokens[j].kind == WORD:
            if doc.keys(j) & _DETERMINERS:
                continue
            return doc.lower(j) in _PREPOSITIONS
    return False


def _modifier(doc: Doc, mentions: list[tuple[str, Match]], k: int) -> bool:
    """"card payments": «card» modifies the head noun that follows (English)."""
    if doc.lang != "en" or k + 1 >= len(mentions):
        return False
    return mentions[k + 1][1].first == mentions[k][1].last + 1
