"""The next update a message commits to: a time in a sentence with an update cue.

A time that says when something began, a cue that reports this message's news or cites news
already out, and a heading's own time are no promise; a cue without a time is a vague one
(lexicon ``update_cue``, ``start_cue``, ``vague_update``, ``update_promise``).
"""

from __future__ import annotations

import bisect
import re

from crisisplay.tone.doc import Doc
from crisisplay.tone.english_cues import told_before
from crisisplay.tone.evidence import Evidence
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import WORD
from crisisplay.tone.timeexpr import COMMITTING, find_times

_CLAUSE_END_RE = re.compile(r"[,;:.!?\n]")


def _clause_ends(text: str) -> list[int]:
    """Where the clauses of ``text`` end (, ; : . ! ? and line breaks), in text order."""
    return [match.start() for match in _CLAUSE_END_RE.finditer(text)]


def _clause_span(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int]:
    """The characters of the clause holding ``start..end``: from after the last clause end
    before ``start`` to the first one at or after ``end``. ``ends``: :func:`_clause_ends` of
    ``text``, found once for all the times of a message."""
    if ends is None:
        ends = _clause_ends(text)
    before = bisect.bisect_left(ends, start)
    after = bisect.bisect_left(ends, end)
    return (ends[before - 1] + 1 if before else 0), (ends[after] if after < len(ends) else len(text))


def next_update(doc: Doc, lex: Lexicon) -> Evidence:
    """A committed next update, or the first vague promise, or nothing.

    A time in a clause that says when something began («сбой начался в 10:00») is not a
    promise, whatever else the sentence says.
    """
    times = []
    # what the clauses of the times need, found at the first time that commits to something
    ends: list[int] | None = None
    starts: list[tuple[int, int]] = []
    for mention in doc.memo("times", lambda: find_times(doc.text, doc.lang)):
        if mention.kind not in COMMITTING or mention.since:
            continue
        if ends is None:
            ends = _clause_ends(doc.text)
            starts = [m.offsets(doc) for m in lex.get("start_cue").find(doc)]
        left, right = _clause_span(doc.text, mention.start, mention.end, ends)
        # (or the cue just before it, a comma between: "hit the region yesterday, 10th October")
        if any(left <= s < right or (e <= mention.start and not doc.text[e:mention.start].strip(" ,"))
               for s, e in starts):
            continue
        times.append(mention)
    english = doc.lang == "en"
    other_sense = [m.offsets(doc) for m in lex.get("update_cue_exceptions").find(doc)]
    for match in lex.get("update_cue").find(doc):
        start, end = match.offsets(doc)
        if any(s < end and start < e for s, e in other_sense):
            continue
        if _reports_now(doc, match.last) or _cited(doc, match.first) or (
                english and (_done(doc, match.first) or _next_period(doc, match) or told_before(doc, match))):
            continue
        sentence = doc.sentences[doc.tokens[match.first].sentence]
        in_sentence = [t for t in times if sentence.start <= t.start < sentence.end]
        if in_sentence and not _heading_stamp(doc, match, in_sentence[0].start):
            return Evidence(True, in_sentence[0].start, in_sentence[0].end)
    # A cue without a time is a vague promise only when it promises («сообщим», "next update"):
    # «работы по обновлению систем», «в пресс-службе сообщили» promise nothing.
    vague = lex.get("vague_update").find(doc) or lex.get("update_promise").find(doc)
    if vague:
        start, end = vague[0].offsets(doc)
        return Evidence(False, start, end, vague=True)
    return Evidence(False)


def _heading_stamp(doc: Doc, match: Match, time_start: int) -> bool:
    """An update cue that opens the message with its time right after it is this message's
    heading, not a promise: "UPDATE 17th November 2018 - 2:15AM GMT", «Обновление 15:00»."""
    tokens = doc.tokens
    if not doc.word_indices or match.first != doc.word_indices[0]:
        return False
    near = min(match.last + 2, len(tokens) - 1)
    return tokens[match.last].end <= time_start <= tokens[near].start


#: "pleased to update (you) that …", "we can share with customers that …": the cue reports now
_REPORTED_THAT = frozenset({"that"})
_THAT_TIME = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend"})
_REPORT_TO = frozenset({"you", "customers", "everyone", "all", "with", "our", "members", "residents", "clients"})


def _reports_now(doc: Doc, last: int) -> bool:
    """An English update cue followed by a that-clause ("we are pleased to update that most
    services were restored by 13.15") tells the news in this message; it promises none."""
    if doc.lang != "en":
        return False
    tokens = doc.tokens
    for index in range(last + 1, min(last + 4, len(tokens))):
        word = tokens[index].text.lower()
        if word in _REPORTED_THAT:  # not "we will update you that evening"
            return index + 1 >= len(tokens) or tokens[index + 1].text.lower() not in _THAT_TIME
        if tokens[index].kind != WORD or word not in _REPORT_TO:
            return False
    return False


#: Russian prepositions that make a noun the source or the occasion of this message: «по
#: информации СМИ», «согласно сообщению», «в связи с распространяемой информацией», «ввиду …»
_CITING = frozenset({"по", "согласно", "ввиду", "вследствие"})
#: one grammeme each: ``tag_share`` asks for a set
_MODIFIERS = tuple(frozenset({tag}) for tag in ("ADJF", "PRTF", "Apro"))


def _cited(doc: Doc, first: int) -> bool:
    """A Russian update cue that is a noun after a preposition of source or cause, its modifiers
    between («в связи с распространяемой информацией в СМИ», «по последним сообщениям»), names
    news already out, not the next message."""
    if doc.lang != "ru":
        return False
    j = first - 1
    while j >= 0 and first - j <= 3 and doc.tokens[j].kind == WORD and any(
            doc.tag_share(j, tag) >= 0.5 for tag in _MODIFIERS):
        j -= 1
    if j < 0 or doc.tokens[j].kind != WORD:
        return False
    word = doc.lower(j)
    return word in _CITING or (word in ("с", "со") and j > 0 and doc.lower(j - 1) == "связи")


#: English auxiliaries that put an update cue in the past: "Irish Water did not notify us", "we
#: have posted", "the page was updated" — news given (or not) before, not a promise
_DONE_EN = frozenset({"did", "didn't", "had", "hadn't", "has", "hasn't", "have", "haven't", "was", "wasn't",
                      "were", "weren't", "never"})
_NOT_EN = frozenset({"not", "n't"})
_WILL_EN = frozenset({"will", "we'll", "we’ll", "shall"})


#: What after "next" makes it a period, not the next message: "in the next hour", "next 2 days"
_PERIOD_EN = frozenset({"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months",
                        "few", "couple", "morning", "afternoon", "evening", "night", "weekend"})


def _next_period(doc: Doc, match: Match) -> bool:
    """(English) "next" before a period or a number ("in the next hour we will have to shut down
    all servers") is no announcement of the next message."""
    after = match.last + 1
    if match.first != match.last or doc.lower(match.first) != "next" or after >= len(doc.tokens):
        return False
    word = doc.lower(after)
    return word in _PERIOD_EN or word[:1].isdigit()


def _done(doc: Doc, first: int) -> bool:
    """(English) An update cue right after a past auxiliary ("did not notify us this morning"),
    unless a "will" comes just before ("we will have updated information at 3 PM")."""
    if first == 0:
        return False
    j = first - 1
    if doc.lower(j) in _NOT_EN and j > 0:
        j -= 1
    if doc.tokens[j].kind != WORD or doc.lower(j) not in _DONE_EN:
        return False
    return not (j > 0 and doc.lower(j - 1) in _WILL_EN)
