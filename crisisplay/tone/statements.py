"""The facts a message states, normalised so that two channels can be compared.

Kinds: clock times, dates, days («завтра», "on Monday"), relative times, cadences and
durations (:mod:`~crisisplay.tone.timeexpr`); amounts of money (value and currency, «5 тыс.
рублей» = 5000 RUB) and percentages (:mod:`~crisisplay.tone.amounts`); phone numbers, links and e-mail addresses
(:mod:`~crisisplay.tone.contacts`); and service statuses («платежи не проходят» → payments:
unavailable).

Each number-like fact carries a *topic*: what it is about (:mod:`~crisisplay.tone.topics`), so
«офис откроется в 15:00» is compared with «офис откроется в 16:00» but not with «следующее
сообщение в 16:00».
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime

from crisisplay.tone.amounts import find_amounts, find_percentages
from crisisplay.tone.contacts import find_contacts
from crisisplay.tone.doc import Doc
from crisisplay.tone.elements import status_matches
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import PUNCT, WORD
from crisisplay.tone.timeexpr import TimeMention, find_times, same_denotation
from crisisplay.tone.topics import PREPOSITIONS, Topics, clause_of, message_clause_breaks

_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "this", "that", "наш", "ваш", "этот", "мобильный"})


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
    topics = Topics(doc, lex)
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
    breaks = message_clause_breaks(doc)
    clauses = sorted({clause_of(doc, breaks, m.first, m.last) for _state, m in statuses})
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
                subjects = _subjects(doc, mentions, *clause_of(doc, breaks, lo - 2, lo - 2))
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
            return doc.lower(j) in PREPOSITIONS
    return False


def _modifier(doc: Doc, mentions: list[tuple[str, Match]], k: int) -> bool:
    """"card payments": «card» modifies the head noun that follows (English)."""
    if doc.lang != "en" or k + 1 >= len(mentions):
        return False
    return mentions[k + 1][1].first == mentions[k][1].last + 1
