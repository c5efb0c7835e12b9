"""What a message claims about services and times, checked against the facts (CP327, CP328).

A rendered announcement must state nothing the facts do not say. This module reads the
claims back out of text in every form crisisplay's own templates write them, and in the
plain forms people write by hand:

* status lists: «— оплата связи: временно недоступна. …», "- Paying your bill: temporarily
  unavailable." (also Markdown tables ``| name | status |``);
* sentences that start with a service's name: «Связь и домашний интернет работают как
  обычно.», "Phone and home internet: working as usual.";
* summaries after an incident: «Снова работают: A, B.», «Пока не всё: X временно
  недоступна.», "Working again: A, B.", «Все наши услуги работают как обычно.»;
* times and dates (lint's own :func:`~crisisplay.tone.timeexpr.find_times`): every clock
  time, day and duration in a message must be one the facts give (the next update, the
  start, the resolution, the difference of two of them), unless it sits inside a fact's own
  text (the CX lead's words are theirs).

:class:`~crisisplay.tone.truth.Truth` is the state a message set was made from;
``check_claims`` returns the contradictions the ``claims`` rule kind reports (CP327, CP328;
:mod:`crisisplay.tone.kinds.claims`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from crisisplay.lazy_re import LazyPattern
from crisisplay.tone.truth import ServiceTruth, Truth, truth_from_bundle, truth_from_values

__all__ = ["GROUP", "STATUSES", "Claim", "Contradiction", "ServiceTruth", "Truth", "check_claims",
           "describe_contradiction", "find_service_claims", "find_time_claims", "truth_from_bundle",
           "truth_from_values"]

STATUSES = ("available", "degraded", "unavailable", "moved_online", "frozen")
GROUP = {"available": "works", "moved_online": "works", "degraded": "limited",
         "unavailable": "unavailable", "frozen": "unavailable"}
#: Lemmas (ru, via pymorphy3) and lower-case words (en) that say a status, gravest first.
_KEYWORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("недоступный", "unavailable"), ("приостановить", "frozen"), ("приостановленный", "frozen"),
           ("перебой", "degraded"), ("ограничение", "degraded"), ("проверка", "degraded"),
           ("онлайн", "moved_online"), ("обычно", "available"), ("обычный", "available"),
           ("снова", "available"), ("работать", "available"), ("доступный", "available")),
    "en": (("unavailable", "unavailable"), ("down", "unavailable"), ("paused", "frozen"),
           ("suspended", "frozen"), ("interruptions", "degraded"), ("limitations", "degraded"),
           ("limited", "degraded"), ("delays", "degraded"), ("online", "moved_online"),
           ("usual", "available"), ("normal", "available"), ("again", "available"),
           ("working", "available"), ("works", "available"), ("work", "available"),
           ("available", "available")),
}
_NEGATIONS = {"ru": ("не", "нет"), "en": ("not", "no", "n't")}
_RESTORED_HEAD = {
    "ru": LazyPattern(r"снова\s+работа\w*(?:\s+как обычно)?\s*:", re.I),
    "en": LazyPattern(r"(?:working again|back to normal)\s*:", re.I),
}
_NOT_YET_HEAD = {
    "ru": LazyPattern(r"пока не вс[её](?:\s+работает как обычно)?\s*:", re.I),
    "en": LazyPattern(r"not everything(?: works as usual)? yet\s*:", re.I),
}
#: «Работают не как обычно: A, B» — limited or unavailable, without saying which.
_AFFECTED_HEAD = {
    "ru": LazyPattern(r"работа\w* не как обычно\s*:", re.I),
    "en": LazyPattern(r"not working as usual\s*:", re.I),
}
_ALL_WORK = {
    "ru": LazyPattern(r"вс[её] (?:наши )?(?:услуги |сервисы )?(?:снова )?работа\w* как обычно", re.I),
    "en": LazyPattern(r"(?:all our services|everything) works? as usual", re.I),
}
_LASTED = LazyPattern(r"(?:длил\w*|продолжал\w*|lasted|took)\s*$", re.I)
# The classes of «(?<=[.!?…:])» and «[—–\-•*|]», and «[.!?…]», each split into their Latin-1
# characters and the rest: a class of both in more than two runs compiles to a 64K-entry bitmap
# (about a million instructions on every start). The halves stand in separate alternatives
# (with what follows them), as two one-character ones would be merged back into one class.
_SENTENCE_START = re.compile(r"(?:^|(?:(?<=[.!?:])|(?<=…))\s+|\n)[ \t]*(?:[\-*|][ \t]*|[—–•][ \t]*)?")
_WORDS = re.compile(r"[\w']+", re.U)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|…(?:\s|$)|\n")


class Claim(NamedTuple):
    """One statement found in a text: a service's status, or a time."""

    kind: str  # "service" or "time"
    subject: str  # service id, or the time's kind (clock, date, duration)
    value: object
    start: int
    end: int
    display: str = ""


class Contradiction(NamedTuple):
    """A claim the facts do not support. A named tuple, as :class:`Claim`: nothing changes one
    once made, and the class costs half a dataclass's to create at import."""

    claim: Claim
    expected: str
    rule: str = "CP327"  # the built-in rule that reports it (CP328 for times)
    related: tuple[int, ...] = ()


def find_service_claims(text: str, lang: str, services: Sequence[ServiceTruth]) -> list[Claim]:
    """Every status a text states for one of ``services`` (see the module docs).

    Besides its full name, a service answers to each part of a coordinated name when no
    other service shares it: «связь и домашний интернет» is also «связь» and «домашний
    интернет», so a hand-written «Связь работает как обычно» is a claim about it.
    """
    folded = _fold(text)
    claims: list[Claim] = []
    # each name folded once, not at every sentence start and list item
    names = [(service, _fold(service.name)) for service in _aliases(services)]
    taken: list[tuple[int, int]] = []
    for head in (_RESTORED_HEAD.get(lang), _NOT_YET_HEAD.get(lang), _AFFECTED_HEAD.get(lang)):
        if head is None:
            continue
        for match in head.finditer(folded):
            end = _sentence_end(folded, match.end())
            restored = head is _RESTORED_HEAD.get(lang)
            affected = head is _AFFECTED_HEAD.get(lang)
            for service, start, stop in _names_in(folded, match.end(), end, names):
                if restored or affected:
                    value = "available" if restored else "affected"
                    claims.append(Claim("service", service.id, value, start, stop, service.name))
                else:
                    status = _phrase_status(folded[stop:_item_end(folded, stop, end)], lang, service)
                    if status:
                        claims.append(Claim("service", service.id, status, start, stop, service.name))
            taken.append((match.start(), end))
    for match in _SENTENCE_START.finditer(folded):
        position = match.end()
        if any(a <= position < b for a, b in taken):
            continue
        for service, key in names:
            if not key or not folded.startswith(key, position):
                continue
            stop = position + len(key)
            end = _sentence_end(folded, stop)
            if folded[end:end + 1] == "?":
                break  # a question («Пропала связь?») states nothing
            rest = folded[stop:end]
            status = _phrase_status(rest.lstrip(" :—–-("), lang, service)
            if status and (not rest or not rest[0].isalnum()):
                claims.append(Claim("service", service.id, status, position, stop, service.name))
            break
    for match in _ALL_WORK.get(lang, re.compile("$^")).finditer(folded):
        end = _sentence_end(folded, match.end())
        if any(a <= match.start() < b for a, b in taken) or folded[end:end + 1] == "?":
            continue
        # "all our services" speaks of what customers use: a service paused for the crisis
        # (a redesign, a promotion) is not among them.
        for service in services:
            if service.status != "frozen":
                claims.append(Claim("service", service.id, "available", match.start(), match.end(), "all"))
    return sorted(claims, key=lambda c: c.start)


def _aliases(services: Sequence[ServiceTruth]) -> list[ServiceTruth]:
    """Every name a service answers to (see :func:`find_service_claims`), longest first."""
    parts: dict[str, list[ServiceTruth]] = {}
    for service in services:
        for part in re.split(r",\s*|\s+(?:и|and)\s+", _fold(service.name)):
            part = part.strip()
            if len(part) >= 3 and part != _fold(service.name):
                parts.setdefault(part, []).append(service)
    names = list(services)
    for part, owners in parts.items():
        if len(owners) == 1 and not any(_fold(s.name) == part for s in services):
            owner = owners[0]
            names.append(ServiceTruth(owner.id, part, owner.status, owner.phrases))
    return sorted(names, key=lambda s: len(s.name), reverse=True)


def _names_in(
    folded: str, start: int, end: int, names: Sequence[tuple[ServiceTruth, str]]
) -> Iterable[tuple[ServiceTruth, int, int]]:
    """Services named at the starts of the comma-separated items of ``folded[start:end]``."""
    position = start
    while position < end:
        while position < end and folded[position] in " ,;":
            position += 1
        after = position
        for service, key in names:
            if key and folded.startswith(key, position):
                yield service, position, position + len(key)
                after = position + len(key)
                break
        nxt = _item_end(folded, after, end)
        position = nxt + 1 if nxt < end else end


def _item_end(folded: str, start: int, end: int) -> int:
    depth = 0
    for index in range(start, end):
        ch = folded[index]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            return index
    return end


def _sentence_end(folded: str, start: int) -> int:
    match = _SENTENCE_END.search(folded, start)
    return match.start() if match else len(folded)


def _phrase_status(phrase: str, lang: str, service: ServiceTruth) -> str | None:
    """The status a phrase after a service's name states, or None."""
    text = phrase.strip(" :—–-()").strip()
    if not text:
        return None
    for status, own in service.phrases:
        if text.startswith(_fold(own)):
            return status
    words = [w.lower() for w in _WORDS.findall(text)[:8]]
    if not words:
        return None
    keys = [_lemma(word, lang) for word in words]
    negated = any(word in _NEGATIONS.get(lang, ()) or word.endswith("n't") for word in words[:3])
    for keyword, status in _KEYWORDS.get(lang, ()):
        if keyword in keys:
            if status == "available" and negated:
                return "unavailable"
            return status
    return None


@functools.lru_cache(maxsize=16384)
def _lemma(word: str, lang: str) -> str:
    if lang != "ru" or not re.search("[а-яё]", word):
        return word
    from crisisplay.tone import morph

    parses = morph.ru_parses(morph.normalise(word))
    return parses[0][0] if parses else word


def _fold(text: str) -> str:
    """Case-blind, ё as е, non-breaking spaces as spaces; same length as the input."""
    return text.replace("\u00a0", " ").replace("Ё", "Е").replace("ё", "е").lower()


def find_time_claims(text: str, lang: str) -> list[Claim]:
    """Clock times, days and durations (adjacent duration parts summed: «4 часа 40 минут»)."""
    from crisisplay.tone.timeexpr import Between, find_times

    claims: list[Claim] = []
    for mention in find_times(text, lang):
        if mention.kind == "duration" and isinstance(mention.value, Between):
            # «2–3 часа»: the facts back it when their duration falls in the range
            claims.append(Claim("time", "duration", mention.value, mention.start, mention.end,
                                text[mention.start:mention.end]))
        elif mention.kind == "duration":
            last = claims[-1] if claims else None
            between = text[last.end:mention.start] if last is not None else ""
            if (last is not None and last.subject == "duration" and not isinstance(last.value, Between)
                    and re.fullmatch(r"\s*(?:и|and|,)?\s*", between)):
                claims[-1] = Claim("time", "duration", int(last.value) + int(mention.value),  # type: ignore[call-overload]
                                   last.start, mention.end, text[last.start:mention.end])
                continue
            claims.append(Claim("time", "duration", int(mention.value), mention.start, mention.end,  # type: ignore[call-overload]
                                text[mention.start:mention.end]))
        elif mention.kind in ("clock", "date"):
            claims.append(Claim("time", mention.kind, mention.value, mention.start, mention.end,
                                text[mention.start:mention.end]))
    return claims


def check_claims(text: str, truth: Truth) -> list[Contradiction]:
    """Claims of one message that the facts do not support."""
    found: list[Contradiction] = []
    statuses = {service.id: service for service in truth.services}
    for claim in find_service_claims(text, truth.lang, truth.services):
        service = statuses[claim.subject]
        if claim.value == "affected":
            wrong = GROUP.get(service.status) == "works"
        else:
            wrong = GROUP.get(str(claim.value)) != GROUP.get(service.status)
        if wrong and not _in_fact_text(text, claim, truth):
            found.append(Contradiction(claim, service.status))
    if truth.moments or truth.days:
        from crisisplay.tone.timeexpr import Between

        minutes, days, durations = truth.allowed_minutes, truth.allowed_days, truth.allowed_durations
        for claim in find_time_claims(text, truth.lang):
            if _in_fact_text(text, claim, truth):
                continue
            if claim.subject == "clock":
                ok = bool(set(claim.value) & minutes)  # type: ignore[call-overload]
            elif claim.subject == "date":
                ok = claim.value in days
            else:
                # Only the incident's length is a fact; «ответ в течение двух дней» is policy.
                ok = not _LASTED.search(text[max(0, claim.start - 30):claim.start]) or (
                    any(claim.value.low <= d <= claim.value.high for d in durations)
                    if isinstance(claim.value, Between) else claim.value in durations)
            if not ok:
                found.append(Contradiction(claim, "", rule="CP328"))
    return found


def _in_fact_text(text: str, claim: Claim, truth: Truth) -> bool:
    """The claim sits inside text the user gave as a fact: their words, not the template's."""
    for value in truth.fact_texts:
        if len(value) < 3:
            continue
        start = text.find(value)
        while start >= 0:
            if start <= claim.start and claim.end <= start + len(value):
                return True
            start = text.find(value, start + 1)
    return False


def describe_contradiction(contradiction: Contradiction, truth: Truth, channel: str = "", lang: str = "en") -> str:
    """What is wrong with a claim, in ``lang`` (the lint catalog): CP327 or CP328's message."""
    from crisisplay.wording import wording_for

    words = wording_for("lint", lang)
    claim = contradiction.claim
    if claim.kind == "service":
        name = next((s.name for s in truth.services if s.id == claim.subject), claim.subject)
        every = words.text("claim_every") if claim.display == "all" else ""
        return words.text("claim_service", channel=channel, name=name, every=every,
                          said=words.term("claim_status", str(claim.value)),
                          expected=words.term("claim_status", contradiction.expected))
    return words.text("claim_time", channel=channel, display=claim.display)
