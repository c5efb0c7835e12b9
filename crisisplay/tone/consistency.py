"""Cross-channel consistency: messages meant to go out together must agree.

What each message states (:mod:`~crisisplay.tone.statements`) is compared across channels,
one *aspect* at a time (the ``cross-channel`` rule kind names them; the built-in rules
CP320–CP326 use one each):

* ``times`` — times and dates on the same topic differ (SMS: office reopens at 15:00,
  email: at 16:00);
* ``services`` — a service is available in one channel and unavailable in another (a milder
  case when one of the two is only "limited");
* ``numbers`` — durations, relative times, cadences, amounts or percentages on the same
  topic differ;
* ``contacts`` — the channels give different phone numbers, or links/e-mail addresses that
  differ by a character or two (a typo);
* ``omissions`` — one channel states a key fact (next update, restore time, a service that
  is down, the hotline) that another leaves out (a milder case for short channels — SMS,
  push, X, banner — and for secondary facts);
* ``tone`` — one channel sounds much more alarmed than the rest;
* ``address`` — channels address the customer differently (ты/вы, «Вы»/«вы»).

The most common value wins: each deviating statement is reported where it stands, with the
places that say otherwise in ``related``. :func:`compare` returns
:class:`~crisisplay.tone.base.Observation` values; a rule turns them into findings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from crisisplay.diagnostics.model import Location
from crisisplay.tone.base import Finding, Observation
from crisisplay.tone.doc import Doc
from crisisplay.tone.statements import Fact, same_topic, same_value
from crisisplay.tone.timeexpr import Between
from crisisplay.wording import Wording, wording_for

TIME_KINDS = frozenset({"clock", "date", "day"})
NUMBER_KINDS = frozenset({"relative", "cadence", "duration", "amount", "percent"})
CLAIM_KINDS = TIME_KINDS | NUMBER_KINDS
#: the kinds a next update or a restore time is stated in
SCHEDULE_KINDS = TIME_KINDS | {"relative", "cadence"}
KEY_CUES = frozenset({"UPDATE", "RESTORE"})
SHORT_KEY_CUES = frozenset({"UPDATE"})
#: the cues a finding names («о следующем сообщении»), in sorted order
ABOUT_CUES = ("RESTORE", "START", "UNTIL", "UPDATE")
CONTACT_KINDS = frozenset({"phone", "url", "email"})
LOUD = frozenset({"alarm", "shouting"})

Locator = Callable[[int, int], Location]


@dataclass(eq=False, repr=False)  # nothing compares or prints one; both cost at import
class Analysed:
    """One message as consistency sees it."""

    index: int
    channel: str
    doc: Doc
    facts: list[Fact]
    locate: Locator
    short: bool
    findings: list[Finding] = field(default_factory=list)
    address: str | None = None  # "formal" / "informal"
    capital: bool | None = None  # «Вы» (True) or «вы» (False) mid-sentence
    # a fact is pointed at from every other message that omits or contradicts it
    _places: dict[tuple[int, int], Location] = field(default_factory=dict, init=False, repr=False, compare=False)
    # and named in the finding of each: a fact's id → the fact (which keeps the id its own) and its words
    _shown: dict[int, tuple[Fact, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def where(self, fact: Fact) -> Location:
        place = self._places.get((fact.start, fact.end))
        if place is None:
            place = self._places[fact.start, fact.end] = self.locate(fact.start, fact.end)
        return place

    @cached_property
    def words(self) -> Wording:
        """The lint catalog in this message's language: its findings are worded in it."""
        return wording_for("lint", self.doc.lang)

    def show(self, fact: Fact) -> str:
        """A fact of any message of the set as this message's findings write it."""
        known = self._shown.get(id(fact))
        if known is None:
            known = self._shown[id(fact)] = (fact, _show(fact, self.words))
        return known[1]


ASPECTS = ("times", "services", "numbers", "contacts", "omissions", "tone", "address")


def compare(messages: Sequence[Analysed]) -> list[Observation]:
    """Every contradiction and omission across ``messages`` (two or more)."""
    if len(messages) < 2:
        return []
    results: list[Observation] = []
    results.extend(_contradictions(messages))
    results.extend(_contacts(messages))
    results.extend(_omissions(messages))
    results.extend(_tone(messages))
    results.extend(_address(messages))
    return results


def _seen(index: int, aspect: str, message: str, fact: Fact | None, related: Sequence[Location],
          lesser: bool = False) -> Observation:
    start, end = (fact.start, fact.end) if fact else (0, 0)
    return Observation(index, aspect, message, start, end, tuple(related), lesser)


def _contradictions(messages: Sequence[Analysed]) -> Iterator[Observation]:
    claims = [(m, f) for m in messages for f in m.facts if f.kind in CLAIM_KINDS]
    by_kind: dict[str, list[tuple[Analysed, Fact]]] = {}
    for claim in claims:
        by_kind.setdefault(claim[1].kind, []).append(claim)
    reported: set[tuple[int, int]] = set()
    for msg, fact in claims:
        # the claims on the same topic, in the order stated: this message's and the others'
        own: list[Fact] = []
        others: list[tuple[Analysed, Fact]] = []
        for m, f in by_kind[fact.kind]:
            if same_topic(fact, f):
                if m.index == msg.index:
                    own.append(f)
                else:
                    others.append((m, f))
        if not others or any(same_value(fact, f) for _m, f in others):
            continue  # another channel says the same: the ones that differ get the finding
        if any(same_value(g, f) for g in own for _m, f in others):
            continue  # the channel also states the others' value: not a clear contradiction
        # Every other channel says otherwise, so only this one channel can agree with the fact:
        # the majority is the others' unless it is one against one, where the first message
        # is the reference.
        dissenting = {m.index for m, _f in others}
        if len(dissenting) == 1 and msg.index < min(dissenting) and any(same_value(fact, g) for g in own):
            continue
        key = (msg.index, fact.start)
        if key in reported:
            continue
        reported.add(key)
        aspect = "times" if fact.kind in TIME_KINDS else "numbers"
        words = msg.words
        said = ", ".join(sorted({words.text("said", channel=m.channel, value=msg.show(f)) for m, f in others}))
        text = words.text("differs", channel=msg.channel, value=msg.show(fact), about=_about(fact, words),
                          others=said)
        yield _seen(msg.index, aspect, text, fact, [m.where(f) for m, f in others])
    yield from _service_contradictions(messages)


def _about(fact: Fact, words: Wording) -> str:
    cues = [words.term("about", c) for c in ABOUT_CUES if c in fact.cues]
    return ", ".join(cues) or words.term("about", fact.kind)


#: A duration written as one number and one unit («3 ч», "3h"): two of them with the same unit
#: make a range with the unit once («2–3 ч»).
_NUMBER_UNIT = re.compile(r"(\d+)(\D+)")


def _show(fact: Fact, words: Wording) -> str:
    """A fact's value as the catalog's language writes it («через 2 ч», "in 2h", «в среду»)."""
    if fact.kind in ("relative", "cadence", "duration") and isinstance(fact.value, (int, Between)):
        if isinstance(fact.value, Between):  # each end in the catalog's units: «2–3 ч», «1 ч–1 ч 30 мин»
            low, high = (words.span(timedelta(minutes=end)) for end in fact.value)
            one_unit = _NUMBER_UNIT.fullmatch(low), _NUMBER_UNIT.fullmatch(high)
            same = one_unit[0] and one_unit[1] and one_unit[0].group(2) == one_unit[1].group(2)
            span = f"{one_unit[0].group(1) if same and one_unit[0] else low}–{high}"
        else:
            span = words.span(timedelta(minutes=fact.value))
        if fact.kind == "relative":
            return words.text("in", span=span)
        return words.text("every", span=span) if fact.kind == "cadence" else span
    if fact.kind == "day":
        return words.term("day", str(fact.value))
    if fact.kind == "service":
        return words.text("service_state", service=words.term("service", fact.subject),
                          state=words.term("state", str(fact.value)))
    if fact.kind == "clock" and fact.relative is not None:
        relative = words.text("in", span=words.span(timedelta(minutes=fact.relative)))
        return words.text("on_the_clock", time=_clock_times(fact.display.split(" ", 1)[0], words), relative=relative)
    if fact.kind == "clock" and " or " in fact.display:
        # «03:00 or 15:00» (an hour without AM/PM), «15:00 or 16:00» (alternatives), or both
        *others, shown = (_clock_times(part, words) for part in fact.display.split(" or "))
        for earlier in reversed(others):
            shown = words.text("or", first=earlier, second=shown)
        return shown
    if fact.kind == "clock":
        return _clock_times(fact.display, words)
    return fact.display


#: A time of day in a clock fact's display: «13:00», «17:00–23:00» (facts keep 24-hour times)
_HH_MM = re.compile(r"\b([01]\d|2[0-3]):([0-5]\d)\b")


def _clock_times(display: str, words: Wording) -> str:
    """The times of day in ``display`` as the catalog's language writes them: an English
    finding about "1 PM" says "1:00 PM", not "13:00"."""
    return _HH_MM.sub(lambda m: words.clock(int(m.group(1)) * 60 + int(m.group(2))), display)


def _service_contradictions(messages: Sequence[Analysed]) -> Iterator[Observation]:
    states: dict[str, list[tuple[Analysed, Fact]]] = {}
    for msg in messages:
        for fact in msg.facts:
            if fact.kind == "service":
                states.setdefault(fact.subject, []).append((msg, fact))
    for service, claims in states.items():
        per_message: dict[int, set[object]] = {}
        for msg, fact in claims:
            per_message.setdefault(msg.index, set()).add(fact.value)
        # A dict, not a Counter (the same keys in the same order): most services are stated in
        # one way only, and building a Counter costs more than the rest of the loop.
        votes: dict[object, int] = {}
        for values in per_message.values():
            if len(values) == 1:
                (state,) = values
                votes[state] = votes.get(state, 0) + 1
        if len(votes) < 2:
            continue
        winner = max(votes, key=lambda state: (votes[state], -min(
            m.index for m, f in claims if f.value == state)))
        other = [(m, f) for m, f in claims if f.value == winner]
        for msg, fact in claims:
            if fact.value == winner or len(per_message[msg.index]) > 1:
                continue
            lesser = {fact.value, winner} != {"available", "unavailable"}
            words = msg.words
            text = words.plural(
                "service_differs", len(other), channel=msg.channel, service=words.term("service", service),
                state=words.term("state", str(fact.value)), winner=words.term("state", str(winner)),
                others=", ".join(sorted({m.channel for m, _f in other})),
            )
            yield _seen(msg.index, "services", text, fact, [m.where(f) for m, f in other], lesser)


def _contacts(messages: Sequence[Analysed]) -> Iterator[Observation]:
    phones = {m.index: [f for f in m.facts if f.kind == "phone"] for m in messages}
    with_phones = [m for m in messages if phones[m.index]]
    for msg in with_phones:
        mine = {f.value for f in phones[msg.index]}
        for other in with_phones:
            if other.index <= msg.index:
                continue
            theirs = {f.value for f in phones[other.index]}
            if mine & theirs:
                continue
            fact = phones[other.index][0]
            text = other.words.text("phone_differs", channel=other.channel, number=fact.display, other=msg.channel,
                                    other_number=phones[msg.index][0].display)
            yield _seen(other.index, "contacts", text, fact, [msg.where(phones[msg.index][0])])
    for kind in ("url", "email"):
        values = [(m, f) for m in messages for f in m.facts if f.kind == kind]
        for i, (m1, f1) in enumerate(values):
            for m2, f2 in values[i + 1 :]:
                a, b = str(f1.value), str(f2.value)
                if m1.index == m2.index or a == b:
                    continue
                if abs(len(a) - len(b)) > 2:
                    continue  # more than two edits apart whatever they hold: no matcher built for them
                import difflib  # here: most runs compare no two near-equal links

                if difflib.SequenceMatcher(None, a, b).ratio() >= 0.85 and _distance(a, b) <= 2:
                    text = m2.words.text("link_differs", channel=m2.channel, link=f2.display, other=m1.channel,
                                         other_link=f1.display)
                    yield _seen(m2.index, "contacts", text, f2, [m1.where(f1)])


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _key_fact(fact: Fact, *, short: bool = False) -> bool:
    """Facts every channel should carry; a short channel owes only the gravest ones."""
    if fact.kind in SCHEDULE_KINDS:
        return not fact.cues.isdisjoint(SHORT_KEY_CUES if short else KEY_CUES)
    if fact.kind == "service":
        return fact.value == "unavailable" or (fact.value == "degraded" and not short)
    return False


def _omissions(messages: Sequence[Analysed]) -> Iterator[Observation]:
    """One finding per (stating channel, omitting channel), listing what is left out."""
    # What each message states that a channel should carry, once per message and length of
    # channel (not once per channel that may leave it out): key facts, and a long channel's
    # hotline.
    lengths = {m.short for m in messages}
    owed: dict[tuple[int, bool], list[tuple[Fact, bool, str]]] = {}
    for msg in messages:
        # each fact judged and labelled once for both lengths: a fact a short channel owes, a
        # long one owes too (``_key_fact``), so a fact that is neither key nor a phone is skipped
        # at once
        long_owed: list[tuple[Fact, bool, str]] = []
        short_owed: list[tuple[Fact, bool, str]] = []
        for fact in msg.facts:
            key = _key_fact(fact)
            if not key and fact.kind != "phone":
                continue
            label = f"{fact.kind}:{fact.subject or fact.display}"
            long_owed.append((fact, key, label))
            if key and _key_fact(fact, short=True):
                short_owed.append((fact, True, label))
        for short in lengths:
            owed[msg.index, short] = short_owed if short else long_owed
    for target in messages:
        seen: set[str] = set()  # a fact several channels state is reported once per target
        stated: dict[str, list[Fact]] = {}
        for fact in target.facts:
            stated.setdefault(fact.kind, []).append(fact)
        reachable = not CONTACT_KINDS.isdisjoint(stated)
        for source in messages:
            if source.index == target.index:
                continue
            missing: list[tuple[Fact, bool]] = []
            for fact, key, label in owed[source.index, target.short]:
                if fact.kind == "phone" and reachable:
                    continue  # another way to reach us is fine
                if label in seen or _states(stated.get(fact.kind, ()), fact):
                    continue
                seen.add(label)
                missing.append((fact, key))
            if not missing:
                continue
            lesser = not (any(key for _f, key in missing) and not target.short)
            words = target.words
            what = "; ".join(_describe(f, target) for f, _k in missing)
            text = words.plural("omitted", len(missing), source=source.channel, what=what, target=target.channel)
            yield Observation(target.index, "omissions", text, related=tuple(source.where(f) for f, _k in missing),
                              lesser=lesser)


def _describe(fact: Fact, reader: Analysed) -> str:
    if fact.kind == "service" or fact.cues.isdisjoint(ABOUT_CUES):
        return reader.show(fact)
    return reader.words.text("value_about", value=reader.show(fact), about=_about(fact, reader.words))


def _states(stated: Sequence[Fact], fact: Fact) -> bool:
    """Whether the facts a message states of ``fact``'s kind say it (or say something on its topic)."""
    for other in stated:
        if fact.kind == "service" and other.subject == fact.subject:
            return True
        if same_value(other, fact) or same_topic(other, fact):
            return True
    return False


def _tone(messages: Sequence[Analysed]) -> Iterator[Observation]:
    def loudness(msg: Analysed) -> int:
        return sum(1 for f in msg.findings if f.category in LOUD)

    scores = {m.index: loudness(m) for m in messages}
    calm = [m for m in messages if scores[m.index] == 0]
    if not calm:
        return
    for msg in messages:
        if scores[msg.index] >= 2:
            text = msg.words.plural("louder", scores[msg.index], channel=msg.channel,
                                    calm=", ".join(m.channel for m in calm))
            yield Observation(msg.index, "tone", text, related=tuple(m.locate(0, 0) for m in calm))


def _address(messages: Sequence[Analysed]) -> Iterator[Observation]:
    for attribute, labels in (("address", None), ("capital", {True: "capital", False: "lower"})):
        values = {m.index: getattr(m, attribute) for m in messages if getattr(m, attribute) is not None}
        counts = Counter(values.values())
        if len(counts) < 2:
            continue
        winner = max(counts, key=lambda v: (counts[v], -min(i for i, x in values.items() if x == v)))
        for msg in messages:
            value = values.get(msg.index)
            if value is None or value == winner:
                continue
            others = [m for m in messages if values.get(m.index) == winner]
            words = msg.words
            shown = words.term("address", labels[value] if labels else str(value))
            expected = words.term("address", labels[winner] if labels else str(winner))
            text = words.text("address_differs", channel=msg.channel, shown=shown, expected=expected,
                              others=", ".join(m.channel for m in others))
            yield Observation(msg.index, "address", text, related=tuple(m.locate(0, 0) for m in others))
