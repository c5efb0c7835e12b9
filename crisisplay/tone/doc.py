"""One message, analysed once and shared by every rule: tokens, sentences, keys, indexes."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from itertools import chain, compress
from operator import itemgetter
from typing import Any, Generic, TypeVar

from crisisplay.tone import morph, token_store
from crisisplay.tone.text import (
    NUMBER,
    PUNCT,
    WORD,
    Sentence,
    Token,
    is_barrier_text,
    is_soft_text,
    token_kind,
)
from crisisplay.tone.wordstore import unknown_indexes

T = TypeVar("T")


@functools.lru_cache(maxsize=1024)
def _required(tags: frozenset[str]) -> frozenset[str]:
    """The grammemes of ``tags`` that a reading must have (``-NOUN``: must not), one object per
    set: looking a word up with the same object skips comparing the sets (``has_reading``)."""
    return frozenset(t for t in tags if not t.startswith("-"))


@functools.lru_cache(maxsize=4096)
def _punct_keys(text: str) -> frozenset[str]:
    """Punctuation is its own key."""
    return frozenset({text})


#: Language → token text → its keys (see :meth:`Doc.keys`): the same few thousand words recur
#: in every message, and a plain dict answers faster than ``word_keys``'s cache.
_TOKEN_KEYS: dict[str, dict[str, frozenset[str]]] = {}
_KEPT_TOKEN_KEYS = 262_144

#: Punctuation whose keys (itself) are not those of its lower-case form («’» is «'»): a message
#: with one has its :attr:`Doc.key_positions` built token by token. Filled with the keys above
#: (a text in those has been seen here), never emptied (a few texts at most).
_ODD_TEXTS: set[str] = set()
#: Required grammemes → (words with a reading that has them, words without): every message
#: asks the same few tag sets of mostly the same words (bounded like ``_TOKEN_KEYS``).
_WITH_TAGS: dict[frozenset[str], tuple[set[str], set[str]]] = {}

_text_of, _start_of, _end_of = itemgetter(0), itemgetter(1), itemgetter(2)
_kind_of, _sentence_of = itemgetter(3), itemgetter(4)

#: Token text → whether it is soft / a barrier (a token's kind is a function of its text):
#: one ``map`` over the message's texts instead of a comprehension over its tokens.
_SOFT: dict[str, bool] = {}
_BARRIER: dict[str, bool] = {}


def _is_soft(text: str) -> bool:
    return token_kind(text) == PUNCT and is_soft_text(text)


def _is_barrier(text: str) -> bool:
    return token_kind(text) == PUNCT and is_barrier_text(text)


def _per_text(texts: list[str], known: dict[str, bool], compute: Callable[[str], bool]) -> list[bool]:
    """``compute`` of every text, each distinct text computed once per process (bounded)."""
    found: list[bool | None] = list(map(known.get, texts))
    if None in found:  # a text not seen before
        if len(known) >= _KEPT_TOKEN_KEYS:
            known.clear()
        for index in unknown_indexes(found):
            text = texts[index]
            found[index] = known[text] = compute(text)
    return found  # type: ignore[return-value]


_WORD_OR_NUMBER = frozenset({WORD, NUMBER})


class _once(Generic[T]):  # lower case: used like ``cached_property``
    """``functools.cached_property`` without the lock that Python 3.11's takes on every first
    access (3.12 dropped it): a Doc has a dozen of these, asked for once per message each, and
    the lock cost as much as a third of what some of them compute. A message is analysed by
    one thread, so computing twice cannot happen."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, doc: object, owner: type | None = None) -> T:
        if doc is None:  # looked up on the class (documentation tools)
            return self  # type: ignore[return-value]
        # stored under the same name: the instance attribute answers every later access
        value = doc.__dict__[self._name] = self._compute(doc)
        return value


class Doc:
    """The analysed text of one message in one language (``ru`` or ``en``)."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.tokens: list[Token]
        self.sentences: list[Sentence]
        self.tokens, self.sentences = token_store.message_tokens(text, lang)
        # per-token lists built with ``map`` over the token tuples: no bytecode per token
        self._texts = list(map(_text_of, self.tokens))
        self._lower: list[str] = morph.normalise_all(self._texts)
        self._is_word: list[bool] = list(map(WORD.__eq__, map(_kind_of, self.tokens)))
        # one look-up in lint's cache for the words of the message
        self._word_set = set(compress(self._lower, self._is_word))
        morph.prefetch(self._word_set, lang)
        self._keys: list[frozenset[str] | None] = [None] * len(self.tokens)
        self._all_keyed = False
        self._memo: dict[str, Any] = {}
        #: Whole-text matches of each phrase list (id → (list, matches)): presence, facts and
        #: rules ask for the same lists («недоступны», update cues) several times per message.
        self.found: dict[int, tuple[object, list[Any]]] = {}
        #: Where each phrase list's phrases may start (id → (list, starts)), see ``PhraseSet``.
        self.starts: dict[int, tuple[object, dict[int, Any]]] = {}

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """Compute something about this message once (times, contacts, statuses)."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]  # type: ignore[no-any-return]

    def keys(self, index: int) -> frozenset[str]:
        """The lemma keys of a token (punctuation: itself), computed once."""
        keys = self._keys[index]
        if keys is None:
            keys = self._keys[index] = self._token_keys(index, _TOKEN_KEYS.setdefault(self.lang, {}))
        return keys

    def _token_keys(self, index: int, known: dict[str, frozenset[str]]) -> frozenset[str]:
        token = self.tokens[index]
        keys = known.get(token.text)
        if keys is None:
            if token.kind == PUNCT:
                keys = _punct_keys(token.text)
                if morph.normalise(token.text) != token.text:
                    _ODD_TEXTS.add(token.text)
            else:
                keys = morph.word_keys(token.text, self.lang)
            if len(known) >= _KEPT_TOKEN_KEYS:
                known.clear()
            known[token.text] = keys
        return keys

    def all_keys(self) -> list[frozenset[str]]:
        """The keys of every token (see :meth:`keys`), all computed."""
        if not self._all_keyed:
            self._all_keyed = True
            known = _TOKEN_KEYS.setdefault(self.lang, {})
            keys = self._keys = list(map(known.get, self._texts))  # the same keys ``keys`` gives
            if None in keys:  # a word not seen before
                for index in unknown_indexes(keys):
                    keys[index] = self._token_keys(index, known)
        return self._keys  # type: ignore[return-value]

    def tag_share(self, index: int, tags: frozenset[str]) -> float:
        return morph.tag_share(self.tokens[index].text, tags, self.lang)

    def lower(self, index: int) -> str:
        """The token in lower case, ё as е (:func:`morph.normalise`)."""
        return self._lower[index]

    @property
    def lowers(self) -> list[str]:
        return self._lower

    @_once
    def key_positions(self) -> dict[str, list[int]]:
        """Key → the tokens that have it, keys in text order; built once per message, shared by
        every phrase list (read only: a list may be :attr:`surface_positions`'s own)."""
        all_keys = self.all_keys()
        positions: dict[str, list[int]] = {}
        if not _ODD_TEXTS.isdisjoint(self._texts):  # a key that is not a function of the form
            for index, keys in enumerate(all_keys):
                for key in keys:
                    if key in positions:
                        positions[key].append(index)
                    else:
                        positions[key] = [index]
            return positions
        # a token's keys are a function of its lower-case form: one step per form, not per
        # token (a form's first token is where its keys first turn up, so the order is the same)
        for form_at in self.surface_positions.values():
            for key in all_keys[form_at[0]]:
                known = positions.get(key)
                # two forms of a key («outage», «outages»): their tokens merged in text order
                positions[key] = form_at if known is None else sorted(known + form_at)
        return positions

    @_once
    def key_set(self) -> frozenset[str]:
        return frozenset(self.key_positions)

    @_once
    def surface_positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for index, lower in enumerate(self._lower):
            if lower in positions:
                positions[lower].append(index)
            else:
                positions[lower] = [index]
        return positions

    @_once
    def surface_set(self) -> frozenset[str]:
        return frozenset(self.surface_positions)

    def with_grammemes(self, tags: frozenset[str]) -> list[int]:
        """Tokens with a reading that has every one of ``tags`` (a cheap pre-filter)."""
        tags = _required(tags)
        if self.lang != "ru" or not tags:
            return list(range(len(self.tokens)))

        found = self._grammemes.get(tags)
        if found is None:
            # the words already sorted for these tags in this process, by set operations (no
            # bytecode per word): a message asks some ten tag sets, its words mostly known
            yes, no = _WITH_TAGS.get(tags) or _WITH_TAGS.setdefault(tags, (set(), set()))
            words = self._word_set
            unsorted = words - yes - no
            if unsorted:
                if len(yes) + len(no) >= _KEPT_TOKEN_KEYS:
                    yes.clear()
                    no.clear()
                has_reading = morph.has_reading
                for word in unsorted:
                    (yes if has_reading(word, tags) else no).add(word)
            having = words & yes
            if not having:
                found = []
            else:
                positions, is_word = self.surface_positions, self._is_word
                found = [i for i in sorted(chain.from_iterable(map(positions.__getitem__, having))) if is_word[i]]
            self._grammemes[tags] = found
        return found

    @_once
    def _grammemes(self) -> dict[frozenset[str], list[int]]:
        return {}

    @_once
    def soft(self) -> list[bool]:
        """Per token: a quote or bracket, transparent to phrase matching."""
        return _per_text(self._texts, _SOFT, _is_soft)

    @_once
    def barrier(self) -> list[bool]:
        """Per token: punctuation that a phrase never spans."""
        return _per_text(self._texts, _BARRIER, _is_barrier)

    @_once
    def walk(self) -> tuple[list[int], list[bool], list[bool], list[frozenset[str]], list[str], list[bool],
                            list[str], str]:
        """Per token: sentence, soft, barrier, keys, lower case, is a word or a number, text; and
        the language — what a phrase's walk from its first word reads (``phrase_search.extend``),
        fetched in one look-up. A ``*`` after the head takes a number too: "will take * hours" is
        "will take 24 hours"."""
        return (list(map(_sentence_of, self.tokens)), self.soft, self.barrier, self.all_keys(), self._lower,
                self._counted, self._texts, self.lang)

    @_once
    def word_indices(self) -> list[int]:
        return list(compress(range(len(self.tokens)), self._is_word))

    @_once
    def _counted(self) -> list[bool]:
        """Per token: a word or a number (what word counts and sentence words take)."""
        return list(map(_WORD_OR_NUMBER.__contains__, map(_kind_of, self.tokens)))

    @_once
    def word_count(self) -> int:
        return sum(self._counted)

    def sentence_words(self, number: int) -> tuple[int, ...]:
        """The words and numbers of a sentence (computed once: every ``occurrence`` rule asks)."""
        known = self._sentence_words.get(number)
        if known is None:
            sent = self.sentences[number]
            known = self._sentence_words[number] = tuple(
                compress(range(sent.first, sent.last), self._counted[sent.first : sent.last]))
        return known

    @_once
    def _sentence_words(self) -> dict[int, tuple[int, ...]]:
        return {}

    @_once
    def token_bounds(self) -> tuple[list[int], list[int]]:
        """Every token's start and end offsets, in text order (for bisecting a span)."""
        return list(map(_start_of, self.tokens)), list(map(_end_of, self.tokens))

    def tokens_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last token overlapping the characters ``[start, end)``, or None."""
        starts, ends = self.token_bounds
        first = bisect.bisect_right(ends, start)  # tokens before it end at or before ``start``
        last = bisect.bisect_left(starts, end) - 1  # tokens after it start at or after ``end``
        return (first, last) if first <= last else None

    def is_sentence_initial(self, index: int) -> bool:
        """First word of its sentence, of a line, or right after an opening quote, a colon or an
        item's number («1. The NSFAF has…»)."""
        token = self.tokens[index]
        sent = self.sentences[token.sentence]
        for j in range(index - 1, sent.first - 1, -1):
            prev = self.tokens[j]
            if prev.kind != PUNCT:
                gap = self.text[prev.end : token.start]
                return "\n" in gap or self._item_number(j, index)
            if any(ch in prev.text for ch in ":«\"“(—-–•*#>"):
                return True
            if "\n" in self.text[prev.end : token.start]:
                return True
        return True

    def _item_number(self, j: int, index: int) -> bool:
        """Whether token ``j`` numbers a list item that the word at ``index`` opens: a number first
        in its sentence or line, then "." or ")" right before the word."""
        prev = self.tokens[j]
        if prev.kind != NUMBER or self.text[prev.end : self.tokens[index].start].strip() not in (".", ")"):
            return False
        return j == self.sentences[prev.sentence].first or "\n" in self.text[max(0, prev.start - 1) : prev.start]

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]
