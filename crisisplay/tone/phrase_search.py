"""Finding phrases fast: one index of the first words of every phrase list of a rule set,
and the walk from a phrase's first word to its last.

Each :class:`~crisisplay.tone.phrases.PhraseSet` can find where its phrases may start on its
own (its head keys against the message's keys), but a rule set has some sixty lists and a
message asks nearly all of them. The index maps every head key and exact form to the
(list, phrase) pairs it starts, so one pass over the message's keys hands each list its starts.
A list that joins the rule set after a message was indexed finds its starts on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crisisplay.tone.doc import Doc
    from crisisplay.tone.phrases import Element, Match, Phrase, PhraseSet

#: A word in a reading with the requested grammemes must carry at least this share of the
#: reading scores: «позвоните» (half imperative) is not a 2nd-person-singular form.
TAG_SHARE = 0.6

Entry = tuple["Phrase", bool]  # (phrase, whether its head's grammemes must be checked)
#: What a phrase needs in the message beyond its head: the keys or forms of its last word
#: that is not ``*`` (the most telling one: «мы приносим извинения»), and whether they are
#: forms; None for a phrase of one word. A phrase whose word is nowhere in the message
#: cannot match there.
Need = tuple[frozenset[str], bool] | None
#: A head's phrases in one member list: (the list's slot, its phrases starting with that
#: head, their needs or None when none of them needs anything beyond its head).
Group = tuple[int, list[Entry], list[Need] | None]


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

    def add(self, phrases: PhraseSet) -> None:
        slot = len(self.members)
        self.members.append(phrases)
        for table, own in ((self._by_key, phrases.by_key), (self._by_surface, phrases.by_surface)):
            for head, listed in own.items():
                needs = [need(p) for p in listed]
                table.setdefault(head, []).append(
                    (slot, [(p, bool(p.elements[0].tags)) for p in listed],
                     needs if any(n is not None for n in needs) else None))

    def fill(self, doc: Doc) -> None:
        """Put the starts of every member list into ``doc.starts`` (see ``PhraseSet._starts``)."""
        per_slot: list[dict[int, list[Entry]] | None] = [None] * len(self.members)
        keys, forms = doc.key_set, doc.surface_set
        # the message's keys and forms in text order, each looked up once
        for table, positions in ((self._by_key, doc.key_positions), (self._by_surface, doc.surface_positions)):
            for head, where in positions.items():
                groups = table.get(head)
                if groups is None:
                    continue
                for slot, entries, needs in groups:
                    if needs is not None:
                        entries = [e for e, n in zip(entries, needs, strict=True)
                                   if n is None or not n[0].isdisjoint(forms if n[1] else keys)]
                        if not entries:
                            continue
                    starts = per_slot[slot]
                    if starts is None:
                        starts = per_slot[slot] = {}
                    for position in where:
                        known = starts.get(position)
                        if known is None:
                            starts[position] = entries.copy()
                        else:
                            known.extend(entries)
        doc_starts, doc_found = doc.starts, doc.found
        for member, starts in zip(self.members, per_slot, strict=True):
            if starts is None and not member.open_heads:  # most lists: nothing starts, nothing to find
                doc_starts[id(member)] = (member, _NO_STARTS)  # holding ``member`` keeps its id
                doc_found[id(member)] = (member, _NO_MATCHES)
            else:
                member.finish_starts(doc, {} if starts is None else starts)
        doc_starts[id(self)] = (self, _NO_STARTS)  # this message is indexed


#: Shared by every list that has no start in a message (read, never written: searches copy).
_NO_STARTS: dict[int, list[Entry]] = {}
_NO_MATCHES: list[Match] = []


def extend(doc: Doc, elements: tuple[Element, ...], position: int, gap: int, stop: int) -> int | None:
    """The last token of a phrase whose first element matched at ``position``, or None.

    ``Element.matches`` written out over the message's per-token lists (:attr:`Doc.walk`):
    this runs for every candidate start of every list.
    """
    sentence_of, soft, barrier, keys, lowers, is_word = doc.walk
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
                found = is_word[j]
            else:
                found = not wanted.isdisjoint(keys[j])
            if found and (not tags or doc.tag_share(j, tags) >= TAG_SHARE):
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
