"""Phrase entries as rule packs write them, compiled and matched by lemma.

Entry syntax (one string per entry)::

    паника                        a word: matches every form («паники», «панике», «панику»)
    по вине *                     several words in a row; ``*`` is any one word (or number)
    перекладывать|переложить ответственность
                                  ``a|b``: either word at this position
    =срочно                       ``=``: this exact surface form only (case-insensitive);
                                  ``=was|were``: either form
    работать:3per                 ``word:tags``: the word, in a reading with these pymorphy3
                                  grammemes (``3per``, ``impr``, ``PRTS``, ``plur`` …);
                                  ``-NOUN`` means "not a noun" («данный:-NOUN» skips
                                  «базы данных»)
    *:VERB,2per,sing              any word with these grammemes
    100 %                         numbers and signs match literally ("100%" too)

Matching skips quotes and brackets, never crosses ``. ! ? ; : ,`` and, with ``gap: N`` on the
rule, lets up to N other words stand between the entry's words («переложили всю
ответственность»).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisplay.tone import morph
from crisisplay.tone.doc import Doc
from crisisplay.tone.phrase_search import TAG_SHARE, Need, Starts, extend, need
from crisisplay.tone.text import WORD, raw_tokens
from crisisplay.tone.wordstore import save_at_exit

if TYPE_CHECKING:
    from crisisplay.tone.phrase_search import HeadIndex



#: Element and Phrase are not frozen (nothing changes one once made): a run builds hundreds of
#: each from lint's cache, and a frozen dataclass sets every field through
#: ``object.__setattr__``. ``unsafe_hash`` keeps them hashable by value as frozen ones are
#: (phrase lists are deduplicated, and phrases keyed, by value).
@dataclass(slots=True, unsafe_hash=True)
class Element:
    """One position of a phrase."""

    keys: frozenset[str] | None = None  # None: any word
    surface: frozenset[str] | None = None  # exact lower-case forms
    tags: frozenset[str] = frozenset()

    def matches(self, doc: Doc, index: int) -> bool:
        if self.surface is not None:
            if doc.lower(index) not in self.surface:
                return False
        elif self.keys is None:
            if doc.tokens[index].kind != WORD:
                return False
        elif self.keys.isdisjoint(doc.keys(index)):
            return False
        return not self.tags or doc.tag_share(index, self.tags) >= TAG_SHARE


@dataclass(slots=True, eq=True)
class Phrase:
    source: str
    elements: tuple[Element, ...]

    def __hash__(self) -> int:
        # Its text alone: equal phrases have equal texts, and a str caches its hash, where the
        # generated hash of the fields hashed every element again (a rule set hashes each of
        # its thousand phrases when its lists are built)
        return hash(self.source)

    @property
    def head(self) -> Element:
        return self.elements[0]


#: A :class:`Match`'s ``first`` and ``last`` (sort keys).
_FIRST, _LAST = itemgetter(0), itemgetter(1)


class Match(NamedTuple):
    """Tokens ``first..last`` (inclusive) matched ``phrase``.

    A named tuple: searches make one per match, three times faster than a frozen dataclass.
    """

    first: int
    last: int
    phrase: Phrase

    def offsets(self, doc: Doc) -> tuple[int, int]:
        return doc.tokens[self.first].start, doc.tokens[self.last].end


#: ``Match(...)`` without the Python-level ``__new__`` of a named tuple (as ``text._new_token``):
#: searches make one per match.
_new_match = tuple.__new__


class PhraseError(ValueError):
    """An entry that cannot be compiled (empty, or a tag list without a word)."""


def _element(part: str, lang: str) -> Element:
    word, _, tag_text = part.partition(":") if ":" in part[1:] else (part, "", "")
    tags = frozenset(t.strip() for t in tag_text.split(",") if t.strip())
    # a tag no reading has matches nothing, silently («быть:futr|повториться» was one dead tag)
    if unknown := sorted(t for t in tags if t.removeprefix("-") not in morph.known_grammemes()):
        raise PhraseError(f"unknown grammeme {unknown[0]!r} in {part!r}: tags are pymorphy3's (VERB, futr, 3per, "
                          "…), comma-separated, '-' before one to exclude it; alternatives go before the ':'")
    if word == "*":
        return Element(tags=tags)
    if word.startswith("=") and len(word) > 1:
        # "=сами|=сама" means what "=сами|сама" means: exact forms, each "=" optional
        forms = frozenset(morph.normalise(w.lstrip("=")) for w in word[1:].split("|") if w.lstrip("="))
        if not forms:
            raise PhraseError(f"empty word in {part!r}")
        return Element(surface=forms, tags=tags)
    options = [w for w in word.split("|") if w]
    if not options:
        raise PhraseError(f"empty word in {part!r}")
    if any(w.startswith("=") for w in options):
        # "все|=всех" would look for a word spelt "=всех": never there, and nothing says so
        raise PhraseError(f"'=' must start the whole position in {part!r}: write =a|b for exact forms, "
                          "a|b for any form of the words")
    return Element(keys=frozenset(morph.entry_key(w, lang) for w in options), tags=tags)


#: Entries compiled in this process (or read from lint's cache), and those to add to the cache.
_COMPILED: dict[tuple[str, str], Phrase] = {}
_NEW: set[tuple[str, str]] = set()


def compile_phrase(entry: str, lang: str) -> Phrase:
    """Compile one entry; raises :class:`PhraseError` for an unusable entry."""
    phrase = _COMPILED.get((entry, lang))
    if phrase is None:
        phrase = _COMPILED[(entry, lang)] = _compile(entry, lang)
        _NEW.add((entry, lang))
        save_at_exit()
    return phrase


def preload(entries: Iterable[str], lang: str) -> None:
    """Compiled ``entries`` from lint's cache: compiling needs the lemma of every word."""
    missing = [e for e in entries if (e, lang) not in _COMPILED]
    if not missing:
        return
    from crisisplay.tone.cache import open_cache

    store = open_cache()
    if store is None:
        return
    # The whole space at once: a rule set has some sixty lists, and a query per list cost more.
    stored = store.get_space(f"phrases-{lang}")
    for entry in missing:
        value = stored.get(entry)
        phrase = _phrase_from_json(entry, value) if value is not None else None
        if phrase is not None:
            _COMPILED[(entry, lang)] = phrase


def save() -> None:
    """Put the entries compiled since the last save into lint's cache."""
    if not _NEW:
        return
    from crisisplay.tone.cache import open_cache

    store = open_cache()
    new = list(_NEW)
    _NEW.clear()
    if store is None:
        return
    for lang in {lang for _e, lang in new}:
        store.put_many(f"phrases-{lang}", {
            entry: [[sorted(e.keys) if e.keys is not None else None,
                     sorted(e.surface) if e.surface is not None else None, sorted(e.tags)]
                    for e in _COMPILED[(entry, lang)].elements]
            for entry, entry_lang in new if entry_lang == lang
        })


def _phrase_from_json(entry: str, value: Any) -> Phrase | None:
    """A cached ``[[keys|null, forms|null, [tags…]], …]``, or None when it is not that."""
    try:
        elements = tuple(map(_element_from_json, value))
    except (TypeError, ValueError):
        return None
    return Phrase(entry.strip(), elements) if elements else None


#: Elements read from lint's cache, by their lists as tuples: half the elements of a rule set
#: are one of a few hundred («не», «по», ``*``), each made and checked once.
_READ: dict[tuple[Any, Any, Any], Element] = {}


def _element_from_json(item: Any) -> Element:
    keys, surface, tags = item
    # a list becomes a tuple; anything else stays as it is, so never matches a key put below
    read = (tuple(keys) if keys.__class__ is list else keys, tuple(surface) if surface.__class__ is list else surface,
            tuple(tags) if tags.__class__ is list else tags)
    element = _READ.get(read)
    if element is None:
        element = _READ[read] = Element(keys=_text_set(keys) if keys is not None else None,
                                        surface=_text_set(surface) if surface is not None else None,
                                        tags=_NO_TAGS if read[2] == () else _text_set(tags))
    return element


_NO_TAGS: frozenset[str] = frozenset()


def _text_set(items: Any) -> frozenset[str]:
    # map(isinstance, …): checked without a bytecode loop
    if not isinstance(items, list) or not all(map(isinstance, items, repeat(str))):
        raise TypeError("not a list of text")
    return frozenset(items)


def _compile(entry: str, lang: str) -> Phrase:
    text = entry.strip()
    if not text:
        raise PhraseError("empty entry")
    elements: list[Element] = []
    for part in text.split():
        if part == "*" or part.startswith(("=", "*:")) or "|" in part or ":" in part[1:]:
            elements.append(_element(part, lang))
            continue
        pieces = raw_tokens(part, lang)
        if len(pieces) <= 1:
            elements.append(_element(part, lang))
        else:  # "100%" is two tokens in the text, so two positions here
            elements.extend(_element(piece, lang) for piece, _s, _e in pieces)
    return Phrase(text, tuple(elements))




class PhraseSet:
    """Several compiled entries, searched together in one pass over the text.

    Phrases are indexed by the keys (or exact forms) of their first word, so finding them
    costs one look-up per word of the text, however long the list.
    """

    def __init__(self, entries: Iterable[str], lang: str, *, gap: int = 0, index: HeadIndex | None = None) -> None:
        self.entries = tuple(entries)
        self.lang = lang
        self.gap = gap
        preload(self.entries, lang)
        self.phrases = tuple(compile_phrase(e, lang) for e in self.entries)
        self.by_key: dict[str, list[Phrase]] = {}
        self.by_surface: dict[str, list[Phrase]] = {}
        self._anywhere: list[Phrase] = []
        for phrase in dict.fromkeys(self.phrases):  # an entry listed twice is searched once
            head = phrase.elements[0]
            if head.surface is not None:
                for form in head.surface:
                    self.by_surface.setdefault(form, []).append(phrase)
            elif head.keys is not None:
                for key in head.keys:
                    self.by_key.setdefault(key, []).append(phrase)
            else:
                self._anywhere.append(phrase)
        #: Phrases whose head is any word (``*``, ``*:VERB,2per``) may start anywhere.
        self.open_heads = bool(self._anywhere)
        #: A head with several keys may put its phrase twice at one token (a Russian word has
        #: several lemmas); a token has one exact form, so several forms cannot, and an English
        #: word has one key (its stem), so "remain|stay healthy" cannot either.
        self.may_repeat = lang == "ru" and any(len(p.elements[0].keys or ()) > 1 for p in self.phrases)
        #: The starts found by head key or form are all there is (``HeadIndex.fill`` keeps them:
        #: it leaves out a phrase already at a position itself, see ``Group``).
        self.final_starts = not self.open_heads
        #: Each open-headed phrase with what it needs beyond its head (``phrase_search.need``): a
        #: phrase whose word the message lacks cannot match, and is not put at every token.
        self._open: tuple[tuple[Phrase, Need], ...] = tuple((p, need(p)) for p in self._anywhere)
        self._keys = frozenset(self.by_key)
        self._surfaces = frozenset(self.by_surface)
        #: The rule set's index of every list's first words (one pass over a message for all).
        self._index = index
        if index is not None:
            index.add(self)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def _starts(self, doc: Doc) -> Starts:
        """Token index → (phrase, whether its first word must still be checked there) for the
        phrases that may start there: their head's key or form is there, or their head is any
        word. Built once per message and phrase list: sentence by sentence and word by word
        searches («задержки доставки») then only read it.

        A head found by its key or form matches by construction; only its grammemes, if it
        asks for any, and a head without a word (``*``) are left to check.
        """
        known = doc.starts.get(id(self))
        if known is not None and known[0] is self:
            return known[1]
        index = self._index
        if index is not None and doc.starts.get(id(index)) is None:
            index.fill(doc)  # every list of the rule set at once
            known = doc.starts.get(id(self))
            if known is not None and known[0] is self:
                return known[1]
        starts: Starts = {}
        for key in self._keys & doc.key_set:
            for phrase in self.by_key[key]:
                entry = (phrase, bool(phrase.elements[0].tags))
                for position in doc.key_positions[key]:
                    starts[position] = (*starts.get(position, ()), entry)
        surfaces = doc.surface_positions
        for surface in self._surfaces & doc.surface_set:
            for phrase in self.by_surface[surface]:
                entry = (phrase, bool(phrase.elements[0].tags))
                for position in surfaces[surface]:
                    starts[position] = (*starts.get(position, ()), entry)
        return self.finish_starts(doc, starts, self.may_repeat)

    def finish_starts(self, doc: Doc, starts: Starts, dedupe: bool = False) -> Starts:
        """Add the phrases whose head is any word to ``starts`` (found by key or form), and keep it.

        ``dedupe``: a phrase may be at a position twice in ``starts`` (see ``may_repeat``).
        """
        for phrase, needed in self._open:
            if needed is not None:
                words, in_forms = needed
                if (doc.surface_positions if in_forms else doc.key_positions).keys().isdisjoint(words):
                    continue  # its last word is nowhere in the message («* =apologize»)
            tags = phrase.elements[0].tags
            entry = (phrase, True)
            for index in doc.with_grammemes(tags) if tags else range(len(doc.tokens)):
                starts[index] = (*starts.get(index, ()), entry)
        if dedupe:
            for index, entries in starts.items():
                if len(entries) > 1:  # a head with two keys, both readings of this word: once
                    seen: set[int] = set()
                    starts[index] = tuple([e for e in entries if id(e[0]) not in seen and not seen.add(id(e[0]))])  # type: ignore[func-returns-value]
        doc.starts[id(self)] = (self, starts)  # holding ``self`` keeps its id from being reused
        if not starts:  # most lists have no start in a message: their search is done
            doc.found[id(self)] = (self, [])
        return starts

    def find(self, doc: Doc, first: int = 0, last: int | None = None) -> list[Match]:
        """Non-overlapping matches in tokens ``[first, last)``, longest first at a start.

        Whole-text results are kept with the message: several checks ask for the same list.
        """
        if first == 0 and last is None:
            known = doc.found.get(id(self))
            if known is not None and known[0] is self:
                return list(known[1])
            found = self._find(doc, 0, len(doc.tokens))
            doc.found[id(self)] = (self, found)  # holding ``self`` keeps its id from being reused
            return list(found)
        return self._find(doc, first, len(doc.tokens) if last is None else last)

    def _find(self, doc: Doc, first: int, stop: int) -> list[Match]:
        found: list[Match] = []
        if not self.phrases:
            return found
        gap = self.gap
        known = doc.starts.get(id(self))  # ``_starts``'s first lines: nearly every search has them
        starts = known[1] if known is not None and known[0] is self else self._starts(doc)
        if not starts:
            return found
        candidates: Iterable[tuple[int, tuple[tuple[Phrase, bool], ...]]]
        if first == 0 and stop == len(doc.tokens):
            candidates = starts.items()
        elif stop - first < len(starts):
            candidates = [(i, starts[i]) for i in range(first, stop) if i in starts]
        else:
            candidates = [(i, entries) for i, entries in starts.items() if first <= i < stop]
        for index, entries in candidates:
            for phrase, check_head in entries:
                elements = phrase.elements
                if check_head and not elements[0].matches(doc, index):
                    continue
                end = extend(doc, elements, index, gap, stop) if len(elements) > 1 else index
                if end is not None:
                    found.append(_new_match(Match, (index, end, phrase)))
        if len(found) < 2:
            return found
        # by first token, the longest first at one (ties in the order found): two stable sorts
        # with C keys, not one with a Python key per match
        found.sort(key=_LAST, reverse=True)
        found.sort(key=_FIRST)
        result: list[Match] = []
        end_at = -1
        for match in found:
            if match.first > end_at:
                result.append(match)
                end_at = match.last
        return result

    def search(self, doc: Doc, first: int = 0, last: int | None = None) -> Match | None:
        matches = self.find(doc, first, last)
        return matches[0] if matches else None

