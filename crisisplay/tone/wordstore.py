"""Word analyses kept in memory for the process and in lint's cache between runs.

Analysing a word is a pure function of the word (and of the library versions the cache's
fingerprint covers): pymorphy3's readings of a Russian word, the Snowball stem of an English
one. A :class:`WordStore` remembers every answer; a word it has not seen is looked up in
lint's persistent cache (:mod:`crisisplay.tone.cache`) before it is computed, and new
answers are written there when the process ends. A run whose words were all seen before
never loads pymorphy3's dictionaries.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import filterfalse
from typing import Any, Generic, TypeVar

V = TypeVar("V")
_MAX_WORDS = 262_144


def unknown_indexes(found: list[Any]) -> Iterator[int]:
    """The indexes of the Nones in ``found`` (a message's words looked up in a memo), found by
    ``list.index``: a message has a new word or two (a number, a time) among dozens known, and
    a loop over every word would cost more than computing those. ``found`` may be filled in
    meanwhile."""
    index = -1
    try:
        while True:
            index = found.index(None, index + 1)
            yield index
    except ValueError:
        return


class WordStore(Generic[V]):
    """``get(word)`` through memory, then the persistent cache, then ``compute``."""

    def __init__(self, space: str, compute: Callable[[str], V], to_json: Callable[[V], object],
                 from_json: Callable[[object], V | None]) -> None:
        self.space = space
        self.compute = compute
        self.to_json = to_json
        self.from_json = from_json  # None for a value of the wrong shape: it is computed again
        self.known: dict[str, V] = {}
        self.absent: set[str] = set()  # asked of the persistent cache: not there
        self.new: set[str] = set()

    def get(self, word: str) -> V:
        value = self.known.get(word)
        if value is None:
            if word not in self.absent:
                self.prefetch((word,))
                value = self.known.get(word)
            if value is None:
                value = self.compute(word)
                self.put(word, value)
        return value

    def put(self, word: str, value: V) -> None:
        if len(self.known) >= _MAX_WORDS:
            self.known.clear()
            self.absent.clear()
        self.known[word] = value
        self.new.add(word)
        self.absent.discard(word)
        save_at_exit()

    def prefetch(self, words: Iterable[str]) -> None:
        """One look-up in the persistent cache for every word not in memory yet."""
        # ``filterfalse`` over bound ``__contains__``: no bytecode per word (every message asks
        # for all its words, and nearly all are known)
        missing = list(filterfalse(self.absent.__contains__, filterfalse(self.known.__contains__, words)))
        if not missing:
            return
        store = _open_cache()
        if store is None:
            return  # no cache (switched off): nothing to look up, nothing to note as absent
        found = store.get_many(self.space, missing)
        for word in missing:
            value = self.from_json(found[word]) if word in found else None
            if value is None:
                self.absent.add(word)
            else:
                self.known[word] = value

    def save(self) -> None:
        """Write the words computed since the last save to the persistent cache."""
        if not self.new:
            return
        words = [w for w in self.new if w in self.known]
        self.new.clear()
        from crisisplay.tone.cache import open_cache

        store = open_cache()
        if store is not None:
            store.put_many(self.space, {w: self.to_json(self.known[w]) for w in words})


def _open_cache() -> Any:
    """:func:`crisisplay.tone.cache.open_cache`, its module imported on first use (``crisisplay
    --help`` never imports it); after that a dict look-up, where an import statement cost every
    word not seen yet a pass through the import machinery."""
    module: Any = sys.modules.get("crisisplay.tone.cache")
    if module is None:
        from crisisplay.tone import cache as module
    return module.open_cache()


STORES: list[WordStore[object]] = []


@functools.cache
def save_at_exit() -> None:
    """Keep what this process computed for the next run (registered once, on the first word)."""
    import atexit

    atexit.register(save_all)


def save_all() -> None:
    """Save every store's new words and the compiled phrases (lint's cache)."""
    from crisisplay.tone import phrases

    for store in STORES:
        store.save()
    phrases.save()
