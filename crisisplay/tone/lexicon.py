"""The word lists the built-in checks use, compiled once per language and pack set.

The lists come from the packs' ``lexicon`` and ``services`` sections (later packs add to
earlier ones), so the same presence, fact and address logic works for every language that
has a pack. Each list is a :class:`~crisisplay.tone.phrases.PhraseSet`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from crisisplay.errors import CrisisplayError
from crisisplay.tone import morph
from crisisplay.tone.phrase_search import HeadIndex
from crisisplay.tone.phrases import PhraseError, PhraseSet

if TYPE_CHECKING:
    from crisisplay.tone.packs import Pack

#: Lexicon keys the built-in checks read, with what each is for (docs/lint.md lists them).
LEXICON_KEYS: dict[str, str] = {
    "negation": "words that negate the next words (skip_negated, service status)",
    "what_happened": "events and causes (сбой, работы, закрытие, утечка): the message says what happened",
    "what_happened_bare": "event words that say what happened only after a word naming what failed"
                          " (\"a network outage\")",
    "bare_modifier": "words before such an event word that leave it bare (\"the current service outage\")",
    "what_happened_exceptions": "an event word naming a tool or a team (\"outage map\", \"maintenance crews\"),"
                                " or a cause marker before a word naming no cause («из-за происшествия»)",
    "problem": "problem words that name what is affected when followed by it («сбой в работе платежей»)",
    "problem_link": "words that link a problem to what it affects (English: with, to, accessing)",
    "problem_generic": "nouns that do not name a service («работа», «ситуация»)",
    "problem_party": "outside parties: a problem at one (\"an issue with our vendor\") says whose, not what",
    "available": "a service works", "unavailable": "a service does not work",
    "degraded": "a service works with limits", "status_exceptions": "not a status («работаем над»)",
    "status_service": "services customers know by name («рейс», \"trains\"), read near a status_change",
    "status_change": "a change of a service's state («отменён», \"restored\") near a status_service",
    "contact_channel": "named ways to reach us", "contact_cue": "words before a short number",
    "update_cue": "words that announce the next message",
    "update_cue_exceptions": "an update cue's word in another sense («авиационное сообщение»: a transport link)",
    "update_promise": "update cues that promise a next message («сообщим», \"next update\"): without a time, vague",
    "stamp_cue": "a message's own date line («Обновлено:», \"Last updated\"): its time is not a fact to compare",
    "vague_update": "promises of an update without a time («будем держать в курсе»)",
    "empathy": "apology, regret, understanding, thanks",
    "start_cue": "when something began", "restore_cue": "when something comes back",
    "resolution": "the problem is over (stage inference)", "ongoing": "the problem goes on",
    "address_informal": "ты-forms", "address_formal": "вы-forms",
    "address_pronoun": "pronouns whose capitalisation must be consistent",
    "greeting": "short greeting or thanks sentences (exclamation allowance)",
    "meta_cue": "introduces words to avoid; the rest of the line (and a list under it) is quoted",
    "acronyms": "capitalised words that are not shouting",
    "topic_stopwords": "words that say nothing about what a number is for",
    # the word lists of the grammar detectors (crisisplay.tone.events, english_presence, english_cues)
    "equipment": "(ru) plant and equipment: a problem «на подстанции» says where it broke, not what is down",
    "status_readiness": "readiness for a change, or talk of it, is no change («готовы к восстановлению»)",
    "status_decision": "a decision about a change, which may not be taken («решение об отмене»)",
    "affecting_verb": "(en, as written) what comes right before it names what is affected"
                      " (\"email notifications affecting customers\")",
    "problem_head": "(en, as written) problem words that name what is down after a service word (\"water outages\")",
    "service_word": "(en, as written) one-word services before such a problem word (\"broadband and TV issues\")",
    "error_adverb": "(en, as written) an action done wrongly is the event (\"billed incorrectly\")",
    "error_phrase": "(en, as written) the same after a verb (\"sent in error\")",
    "error_unreal": "(en, as written) words earlier in the sentence that make such a mistake none"
                    " (\"if you typed your PIN incorrectly\")",
    "payment_verb": "(en, as written) payment verbs that payment_twice makes a double debit (\"charged twice\")",
    "payment_twice": "(en, as written) words after a payment verb that make a double debit",
    "payment_duplicate": "(en, as written) words before a payment noun that make a double debit",
    "payment_noun": "(en, as written) nouns that payment_duplicate makes a double debit (\"duplicate payments\")",
    "cause_verb": "(en, as written) active causatives after a named cause (\"a certificate expiry caused …\")",
    "caused_feeling": "(en, as written) objects of a causative that name no effect (\"the inconvenience caused\")",
    "hit_verb": "(en, as written) active verbs whose object is what is down (\"which affected email\")",
    "channel_clause": "(en, as written) words of a clause about contact or news before \"via\"/\"through\" and a name",
}


#: Lists whose phrases may have one word inside them ("not currently working").
GAPPED = frozenset({"what_happened", "available", "unavailable", "degraded"})


@dataclass(eq=False, repr=False)
class Lexicon:
    """The word lists of one language. A thing, not a value (it adds the lists asked for to
    ``lists``), so no ``__eq__`` or ``__repr__``: generating them costs at every start."""

    lang: str
    lists: dict[str, PhraseSet] = field(default_factory=dict)
    negation: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    topic_stopwords: frozenset[str] = frozenset()
    services: dict[str, PhraseSet] = field(default_factory=dict)
    raw: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The first words of every phrase list of the rule set (the rules' lists join too).
    heads: HeadIndex = field(default_factory=HeadIndex)
    #: :meth:`keys_of`'s sets, by the names asked for.
    lists_keys: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    #: :meth:`written_of`'s sets, by the names asked for.
    lists_written: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = field(default_factory=dict)
    #: :meth:`forms_of`'s sets, by the names asked for.
    lists_forms: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def reader_address(self) -> PhraseSet:
        """Words that speak to the reader: ты/вы forms, imperatives, "you"."""
        if "@reader" not in self.lists:
            entries = (*self.raw.get("address_formal", ()), *self.raw.get("address_informal", ()))
            self.lists["@reader"] = PhraseSet(entries, self.lang, index=self.heads)
        return self.lists["@reader"]

    def keys_of(self, *names: str) -> frozenset[str]:
        """The entry keys of the one-word entries of lists ``names`` (with ``topic_stopwords``
        when ``names`` ends in ``+stop``), found once per lexicon: the checks that ask per
        message whether a word is one of them should not rebuild the set every time."""
        cache = self.lists_keys
        if names not in cache:
            keys: set[str] = set()
            for name in names:
                if name == "+stop":
                    keys |= self.topic_stopwords
                    continue
                keys.update(morph.entry_key(w.lstrip("="), self.lang) for w in self.raw.get(name, ())
                            if " " not in w and "|" not in w)
            cache[names] = frozenset(keys)
        return cache[names]

    def written_of(self, *names: str) -> frozenset[tuple[str, ...]]:
        """The entries of lists ``names`` as written: each a tuple of lower-case forms (``=``
        dropped, ``a|b`` giving both), for the checks that compare a token's own form
        (``doc.lower(j) in …``) rather than its stem or lemma. Entries with ``*`` or grammemes
        (``word:VERB``) are no form and are left out. Found once per lexicon."""
        cache = self.lists_written
        if names not in cache:
            found: set[tuple[str, ...]] = set()
            for name in names:
                for entry in self.raw.get(name, ()):
                    positions = [[morph.normalise(w.lstrip("=")) for w in part.split("|")] for part in entry.split()]
                    if positions and not any(w in ("", "*") or ":" in w for ws in positions for w in ws):
                        found.update(itertools.product(*positions))
            cache[names] = frozenset(found)
        return cache[names]

    def forms_of(self, *names: str) -> frozenset[str]:
        """The one-word entries of lists ``names`` as written (:meth:`written_of`), found once."""
        cache = self.lists_forms
        if names not in cache:
            cache[names] = frozenset(words[0] for words in self.written_of(*names) if len(words) == 1)
        return cache[names]

    def get(self, name: str) -> PhraseSet:
        if name not in self.lists:
            gap = 1 if name in GAPPED else 0
            self.lists[name] = PhraseSet(self.raw.get(name, ()), self.lang, gap=gap, index=self.heads)
        return self.lists[name]


def merge_lists(packs: Sequence[Pack], section: str) -> dict[str, tuple[str, ...]]:
    merged: dict[str, tuple[str, ...]] = {}
    for pack in packs:
        table: dict[str, tuple[str, ...]] = getattr(pack, section)
        for key, values in table.items():
            merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *values)))
    return merged


def build_lexicon(
    packs: Sequence[Pack], lang: str, extra_services: dict[str, tuple[str, ...]] | None = None
) -> Lexicon:
    """Compile the lexicon of ``packs`` (all of language ``lang``)."""
    raw = merge_lists(packs, "lexicon")
    services = merge_lists(packs, "services")
    for service, names in (extra_services or {}).items():
        services[service] = tuple(dict.fromkeys((*services.get(service, ()), *names)))
    heads = HeadIndex()
    try:
        return Lexicon(
            lang=lang,
            negation=frozenset(morph.entry_key(w, lang) for w in raw.get("negation", ())),
            acronyms=frozenset(raw.get("acronyms", ())),
            topic_stopwords=frozenset(morph.entry_key(w, lang) for w in raw.get("topic_stopwords", ())),
            services={name: PhraseSet(entries, lang, index=heads) for name, entries in services.items()},
            raw=raw,
            heads=heads,
        )
    except PhraseError as exc:
        raise CrisisplayError(f"bad lexicon entry in the {lang} packs: {exc}") from None
