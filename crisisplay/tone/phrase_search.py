"""Finding phrases fast: one index of the first words of every phrase list of a rule set,
and the walk from a phrase's first word to its last.

Each :class:`~crisisplay.tone.phrases.PhraseSet` can find where its phrases may start on its
own (its head keys against the message's keys), but a rule set has some sixty lists and a
message asks nearly all of them. The index maps every head key and exact form to the
(list, phrase) pairs it starts, so one pass over the message's keys hands each list its starts.
A list that joins the rule set after a message was indexed finds its starts on its own.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from crisisplay.tone.morph import tag_share

if TYPE_CHECKING:
    from crisisplay.tone.doc import Doc
    from crisisplay.tone.phrases import Element, Match, Phrase, PhraseSet

#: A word in a reading with the requested grammemes must carry at least this share of the
#: reading scores: «позвоните» (half imperative) is not a 2nd-person-singular form.
TAG_SHARE = 0.6

Entry = tuple["Phrase", bool]  # (phrase, whether its head's grammemes must be checked)
#: Token index → the phrases that may start there (tuples: the phrases of one head are
#: shared by every message and position that has the head, never copied).
Starts = dict[int, tuple[Entry, ...]]
#: What a phrase needs in the message beyond its head: the keys or forms of its last word
#: that is not ``*`` (the most telling one: «мы приносим извинения»), and whether they are
#: forms; None for a phrase of one word. A phrase whose word is nowhere in the message
#: cannot match there.
Need = tuple[frozenset[str], bool] | None
#: A head's phrases in one member list: (the list's slot, phrases starting with that head,
#: what they all need: its one key or form when it is one, else all of them, and whether they
#: are forms). A head whose phrases need different words is several groups, one per run of
#: phrases with one need, in list order: a message tests each group once. A need of one word
#: (the usual one) is a string: a dict look-up, not a set's ``isdisjoint``. Last, whether a
#: phrase of the group may already be at a position when the group's head is: a Russian head
#: of several keys («вина|вино»), a word with both («вине»); the phrase is then left out there
#: (its first entry stays), so no pass over a list's starts is needed to find such repeats.
Group = tuple[int, tuple[Entry, ...], "str | frozenset[str] | None", bool, bool]


def need(phrase: Phrase) -> Need:
    """What ``phrase`` needs in the message beyond its head (see :data:`Need`)."""
    for element in reversed(phrase.elements[1:]):
        if element.surface is not None:
            return element.surface, True
        if element.keys is not None:
            return element.keys, False
    return None


class HeadIndex:
    """Head key or exact form → the phrases of every member list that start with it.

    Most phrases that start at a word stop at the next one ("we" starts dozens of them); a
    phrase whose last word the message does not have at all is left out of the starts at
    once, so only about one start in four is walked (``extend``).
    """

    def __init__(self) -> None:
        self.members: list[PhraseSet] = []
        self._by_key: dict[str, list[Group]] = {}
        self._by_surface: dict[str, list[Group]] = {}
        #: What a message without any start of a list records for it (see ``fill``): all but
        #: a few lists, so a message starts from these, copied in one call each.
        self._no_starts: dict[int, tuple[object, Starts]] = {}
        self._no_matches: dict[int, tuple[object, list[Match]]] = {}
        self._open_slots: list[int] = []
        self._ids: list[int] = []  # each member's id: the key of its starts and matches in a Doc

    def add(self, phrases: PhraseSet) -> None:
        slot = len(self.members)
        self.members.append(phrases)
        self._ids.append(id(phrases))
        for table, own in ((self._by_key, phrases.by_key), (self._by_surface, phrases.by_surface)):
            for head, listed in own.items():
                groups = table.setdefault(head, [])
                for wanted, run in itertools.groupby(listed, need):
                    entries = tuple((p, bool(p.elements[0].tags)) for p in run)
                    repeats = phrases.may_repeat and any(len(p.elements[0].keys or ()) > 1 for p, _c in entries)
                    if wanted is None:
                        groups.append((slot, entries, None, False, repeats))
                    else:
                        words, in_forms = wanted
                        groups.append((slot, entries, next(iter(words)) if len(words) == 1 else words, in_forms,
                                       repeats))
        # holding ``phrases`` keeps its id from being reused
        self._no_starts[id(phrases)] = (phrases, _NO_STARTS)
        if phrases.open_heads:  # its phrases may start anywhere: never "nothing to find" at once
            self._open_slots.append(slot)
        else:
            self._no_matches[id(phrases)] = (phrases, _NO_MATCHES)

    def fill(self, doc: Doc) -> None:
        """Put the starts of every member list into ``doc.starts`` (see ``PhraseSet._starts``)."""
        # most lists: nothing starts, nothing to find; a list with a start replaces these
        doc_starts, doc_found = doc.starts, doc.found
        doc_starts.update(self._no_starts)
        doc_found.update(self._no_matches)
        members, ids = self.members, self._ids
        # per list: its starts, built as its heads turn up (the list's own dict from the first)
        per_slot: list[Starts | None] = [None] * len(members)
        unfinished: list[int] = []  # lists whose starts ``finish_starts`` completes
        key_positions, surface_positions = doc.key_positions, doc.surface_positions
        # key views, not sets: a view's ``isdisjoint`` walks the few wanted words, and no set
        # of the message's keys need be built
        keys, forms = key_positions.keys(), surface_positions.keys()
        # the message's keys and forms in text order, each looked up once; ``filter`` skips the
        # three in four that start nothing without a bytecode loop
        for table, positions in ((self._by_key, key_positions), (self._by_surface, surface_positions)):
            for head in filter(table.__contains__, positions):
                where = positions[head]
                for slot, entries, wanted, in_forms, repeats in table[head]:
                    if wanted is None:
                        pass
                    elif wanted.__class__ is str:
                        if wanted not in (surface_positions if in_forms else key_positions):
                            continue
                    elif (forms if in_forms else keys).isdisjoint(wanted):
                        continue
                    starts = per_slot[slot]
                    if starts is None:  # the list's first head in the message (the usual case)
                        starts = per_slot[slot] = dict.fromkeys(where, entries)
                        member = members[slot]
                        doc_found.pop(ids[slot], None)
                        if member.final_starts:
                            doc_starts[ids[slot]] = (member, starts)
                        else:
                            unfinished.append(slot)
                    elif repeats:  # as below, without a phrase already there (see ``Group``)
                        for position in where:
                            known = starts.get(position)
                            if known is None:
                                starts[position] = entries
                            else:
                                there = {id(entry[0]) for entry in known}
                                starts[position] = known + tuple([e for e in entries if id(e[0]) not in there])
                    else:  # another head or run of phrases: after those already there
                        for position in where:
                            known = starts.get(position)
                            starts[position] = entries if known is None else known + entries
        for slot in unfinished:
            members[slot].finish_starts(doc, per_slot[slot])  # type: ignore[arg-type]
        for slot in self._open_slots:
            if per_slot[slot] is None:
                members[slot].finish_starts(doc, {})
        doc_starts[id(self)] = (self, _NO_STARTS)  # this message is indexed


#: Shared by every list that has no start in a message (read, never written: searches copy).
_NO_STARTS: Starts = {}
_NO_MATCHES: list[Match] = []


def extend(doc: Doc, elements: tuple[Element, ...], position: int, gap: int, stop: int) -> int | None:
    """The last token of a phrase whose first element matched at ``position``, or None.

    ``Element.matches`` written out over the message's per-token lists (:attr:`Doc.walk`):
    this runs for every candidate start of every list.
    """
    sentence_of, soft, barrier, keys, lowers, counted, texts, lang = doc.walk
    sentence = sentence_of[position]
    for element in elements[1:]:
        surface, wanted, tags = element.surface, element.keys, element.tags
        skipped = 0
        j = position + 1
        while j < stop:
            if sentence_of[j] != sentence:
                return None
            if surface is not None:
                found = lowers[j] in surface
            elif wanted is None:
                found = counted[j]  # ``*``: a word or a number
            else:
                found = not wanted.isdisjoint(keys[j])
            if found and (not tags or tag_share(texts[j], tags, lang) >= TAG_SHARE):  # ``Doc.tag_share``
                break
            if soft[j]:
                j += 1
                continue
            if barrier[j] or skipped >= gap:
                return None
            skipped += 1
            j += 1
        else:
            return None
        position = j
    return position
