"""The rule kinds a rule pack can use. Each class docstring is that kind's documentation.

Every rule, whatever its kind, has ``id``, ``kind``, ``category`` (one of the fixed lint
categories), ``severity`` (info, warning, error), ``message`` and optionally ``exceptions``
(phrases: a match that overlaps one is not reported), ``stages`` (stage kinds the rule
applies to), ``channels`` and ``summary``. Word lists use the phrase syntax of
:mod:`crisisplay.tone.phrases`: lemma matching, ``*`` wildcards, ``a|b`` alternatives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from crisisplay.tone import morph
from crisisplay.tone.base import CheckContext, Finding, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.phrases import PhraseSet
from crisisplay.tone.text import WORD, is_barrier

#: Option name → (accepted types, required) for the kind-specific keys of each kind.
Options = dict[str, tuple[tuple[type, ...], bool]]


def _negated(doc: Doc, first: int, last: int, negation: frozenset[str], window: int = 3) -> bool:
    """A negation word up to ``window`` words before the match, or right after it."""
    sentence = doc.tokens[first].sentence
    seen = 0
    for j in range(first - 1, -1, -1):
        token = doc.tokens[j]
        if token.sentence != sentence or seen >= window:
            break
        if token.kind == WORD:
            seen += 1
            if doc.keys(j) & negation or doc.lower(j).endswith("n't"):
                return True
    for j in range(last + 1, min(last + 8, len(doc.tokens))):
        token = doc.tokens[j]
        if token.sentence != sentence or is_barrier(token):
            break
        if token.kind == WORD and doc.lower(j) in ("нет", "not"):
            return True
    return False


@dataclass
class ExistenceRule(Rule):
    """existence: report every occurrence of a word, phrase or pattern.

    Options: ``tokens`` (phrases, matched by lemma), ``patterns`` (regular expressions on the
    text, case-insensitive), ``gap`` (words allowed between a phrase's words, default 0),
    ``skip_negated`` (true: «никакой угрозы нет», "no danger" are not reported),
    ``addressed`` (true: only in a sentence that speaks to the reader — «вы», an imperative,
    "you" — so «срочно позвоните» is urgency but "we took immediate steps" is not).
    The message may use ``{match}``.

    Example::

        - id: ru.alarm
          kind: existence
          category: alarm
          severity: warning
          message: "«{match}» sounds alarming: say what happened and what we are doing"
          tokens: [паника, катастрофа, хаос]
    """

    OPTIONS: ClassVar[Options] = {
        "tokens": ((list,), False),
        "patterns": ((list,), False),
        "gap": ((int,), False),
        "skip_negated": ((bool,), False),
        "addressed": ((bool,), False),
    }
    tokens: PhraseSet | None = None
    patterns: tuple[re.Pattern[str], ...] = ()
    negation: frozenset[str] = frozenset()
    skip_negated: bool = False
    address: PhraseSet | None = None  # set when the rule is ``addressed``

    def _addressed(self, doc: Doc) -> set[int]:
        """Sentences that speak to the reader."""
        if self.address is None:
            return set(range(len(doc.sentences)))
        address = self.address
        def compute() -> set[int]:
            speaking = {doc.tokens[m.first].sentence for m in address.find(doc)}
            if doc.lang == "ru":  # any imperative or 2nd-person reading: «позвоните», «перезвоните»
                speaking.update(t.sentence for i, t in enumerate(doc.tokens) if t.kind == WORD and any(
                    {"impr", "2per"} & p[1] for p in morph.ru_parses(doc.lower(i))))
            # a heading of a word or two («Срочно!!!», "URGENT!") shouts at whoever reads it
            speaking.update(n for n in range(len(doc.sentences)) if len(doc.sentence_words(n)) <= 2)
            return speaking

        return doc.memo(f"addressed:{id(address)}", compute)

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        spans: list[tuple[int, int]] = []
        if self.tokens:
            matches = self.tokens.find(doc)
            speaking = self._addressed(doc) if matches and self.address is not None else set()
            for match in matches:
                if self.skip_negated and _negated(doc, match.first, match.last, self.negation):
                    continue
                if self.address is not None and doc.tokens[match.first].sentence not in speaking:
                    continue
                spans.append(match.offsets(doc))
        for pattern in self.patterns:
            spans.extend(m.span() for m in pattern.finditer(doc.text) if m.end() > m.start())
        last_end = -1
        for start, end in sorted(spans):
            if start < last_end or self.excepted(doc, start, end):
                continue
            last_end = end
            yield self.finding(start, end, fill(self.message, match=doc.text[start:end]))


@dataclass
class SubstitutionRule(Rule):
    """substitution: a word or phrase has a better replacement; suggest it.

    Options: ``swap`` (mapping: phrase → replacement), ``gap``, ``autofix`` (true only when
    every replacement keeps the meaning: ``lint --fix`` then applies it). A Russian one-word
    replacement is put into the matched word's case and number («данного» → «этого»); a
    multi-word match is fixed only when it appears exactly as written in ``swap``.
    The message may use ``{match}`` and ``{suggestion}``.

    Example::

        - id: ru.bureaucratese
          kind: substitution
          autofix: true
          message: "«{match}» is officialese; write «{suggestion}»"
          swap: {в настоящее время: сейчас, осуществлять: проводить}
    """

    OPTIONS: ClassVar[Options] = {
        "swap": ((dict,), True),
        "gap": ((int,), False),
        "autofix": ((bool,), False),
    }
    swap: dict[str, str] = field(default_factory=dict)
    phrases: PhraseSet | None = None
    autofix: bool = False

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if not self.phrases:
            return
        for match in self.phrases.find(doc):
            start, end = match.offsets(doc)
            if self.excepted(doc, start, end):
                continue
            surface = doc.text[start:end]
            if self.lang == "ru" and match.first == match.last and _noun_not_adjective(doc, match.first):
                continue  # «чьи данные затронуты»: the noun «данные» (data), not officialese «данные меры»
            suggestion = self.swap[match.phrase.source]
            replacement: str | None = None
            if morph.normalise(surface) == morph.normalise(match.phrase.source):
                replacement = suggestion
            elif match.first == match.last and self.lang == "ru":
                replacement = morph.inflect_like(suggestion, surface)
                suggestion = replacement or suggestion
            if replacement is not None:
                replacement = _match_case(replacement, surface)
                suggestion = replacement
                if _needs_ob(doc, match.first, replacement):
                    replacement = None  # «о данной» → «об этой»: the preposition must change too
            yield self.finding(
                start, end, fill(self.message, match=surface, suggestion=suggestion),
                suggestion=suggestion, replacement=replacement if self.autofix else None,
            )


def _noun_not_adjective(doc: Doc, index: int) -> bool:
    """A word that is also a noun counts as an adjective only before a noun it agrees with."""
    word = doc.tokens[index].text
    if not morph.has_noun_reading(word):
        return False
    following = next((j for j in range(index + 1, len(doc.tokens)) if doc.tokens[j].kind != "punct"), None)
    if following is None or doc.tokens[following].sentence != doc.tokens[index].sentence:
        return True
    return not morph.is_attributive(word, doc.tokens[following].text)


def _needs_ob(doc: Doc, first: int, replacement: str) -> bool:
    """Russian «о» before a vowel becomes «об»: a swap there is not a safe fix."""
    return (
        first > 0 and doc.lower(first - 1) == "о" and replacement[:1].lower() in "аэиоуы"
    )


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass
class OccurrenceRule(Rule):
    """occurrence: limit how often something occurs in the text or in each sentence.

    Options: ``target`` (``words``, ``tokens`` or ``patterns``), ``tokens``/``patterns`` (what
    to count), ``scope`` (``text`` or ``sentence``), ``max`` and/or ``min``, ``exempt``
    (phrases: a short sentence holding one, such as a greeting «Здравствуйте!», is not
    counted) and ``exempt_words`` (how short, default 6). The message may use ``{count}``,
    ``{max}`` and ``{min}``.

    Example (at most one exclamation mark besides a greeting)::

        - id: en.exclamations
          kind: occurrence
          category: shouting
          target: patterns
          patterns: ["!"]
          scope: text
          max: 1
          exempt: [hello, hi, dear, thank]
    """

    OPTIONS: ClassVar[Options] = {
        "target": ((str,), True),
        "tokens": ((list,), False),
        "patterns": ((list,), False),
        "scope": ((str,), False),
        "max": ((int,), False),
        "min": ((int,), False),
        "exempt": ((list,), False),
        "exempt_words": ((int,), False),
    }
    target: str = "words"
    tokens: PhraseSet | None = None
    patterns: tuple[re.Pattern[str], ...] = ()
    scope: str = "text"
    maximum: int | None = None
    minimum: int | None = None
    exempt: PhraseSet | None = None
    exempt_words: int = 6

    def _hits(self, doc: Doc, number: int) -> list[tuple[int, int]]:
        sent = doc.sentences[number]
        if self.target == "words":
            return [(doc.tokens[i].start, doc.tokens[i].end) for i in doc.sentence_words(number)]
        if self.target == "tokens" and self.tokens:
            return [m.offsets(doc) for m in self.tokens.find(doc, sent.first, sent.last)]
        hits: list[tuple[int, int]] = []
        for pattern in self.patterns:
            hits.extend(
                (sent.start + m.start(), sent.start + m.end())
                for m in pattern.finditer(doc.text[sent.start : sent.end])
            )
        return sorted(hits)

    def _exempt(self, doc: Doc, number: int) -> bool:
        if not self.exempt:
            return False
        sent = doc.sentences[number]
        words = doc.sentence_words(number)
        return len(words) <= self.exempt_words and bool(self.exempt.search(doc, sent.first, sent.last))

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        groups: list[tuple[int, list[tuple[int, int]]]] = [
            (n, self._hits(doc, n)) for n in range(len(doc.sentences)) if not self._exempt(doc, n)
        ]
        if self.scope == "sentence":
            for number, hits in groups:
                sent = doc.sentences[number]
                yield from self._judge(hits, (sent.start, sent.end))
            return
        everything = [hit for _n, hits in groups for hit in hits]
        yield from self._judge(everything, (0, 0))

    def _judge(self, hits: list[tuple[int, int]], whole: tuple[int, int]) -> Iterator[Finding]:
        count = len(hits)
        values = {"count": count, "max": self.maximum, "min": self.minimum}
        if self.maximum is not None and count > self.maximum:
            start, end = whole if self.scope == "sentence" else hits[self.maximum]
            yield self.finding(start, end, self.text(**values))
        elif self.minimum is not None and count < self.minimum:
            yield self.finding(whole[0], whole[1], self.text(**values))


_SHORT_SHOUTS_RU = frozenset({"НЕ", "НЕТ", "ВСЕ", "ВСЁ", "ВЫ", "ДА", "ВАС", "ВАМ", "ВАШ"})


@dataclass
class CapitalizationRule(Rule):
    """capitalization: ALL-CAPS shouting, or inconsistent capitalisation of a word.

    ``mode: shouting`` reports words in capitals beyond ``max`` (default 0). Abbreviations
    are not shouting: a Cyrillic word counts only when the dictionary knows it as a word
    («ВНИМАНИЕ», «СРОЧНО», not «МСК»); a Latin word counts when it has at least 4 letters or
    stands in ``shout_words`` ("NOT", "NOW"), and never when listed in ``acronyms``.
    ``mode: consistent`` looks at ``tokens`` (e.g. «вы», «ваш») away from the start of a
    sentence: when both «Вы» and «вы» occur, it reports the less frequent spelling
    (or the one ``prefer: upper|lower`` rules out). Both modes offer a safe case fix.
    """

    OPTIONS: ClassVar[Options] = {
        "mode": ((str,), True),
        "max": ((int,), False),
        "acronyms": ((list,), False),
        "shout_words": ((list,), False),
        "tokens": ((list,), False),
        "prefer": ((str,), False),
    }
    mode: str = "shouting"
    maximum: int = 0
    acronyms: frozenset[str] = frozenset()
    shout_words: frozenset[str] = frozenset()
    tokens: PhraseSet | None = None
    prefer: str = "majority"

    def _is_shout(self, word: str, doc_is_cyrillic: bool = False) -> bool:
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) < 2 or not word.isupper() or word in self.acronyms:
            return False
        if any("А" <= ch <= "Я" or ch == "Ё" for ch in letters):
            # «ВОК», «ЧП», «МЧС» are abbreviations even when a dictionary knows the letters as a word
            return (len(letters) >= 4 or word in _SHORT_SHOUTS_RU) and morph.is_dictionary_word(word)
        if doc_is_cyrillic:
            return False  # «ТРЦ сети MEGA»: a Latin word in capitals inside Russian text is a name
        return len(letters) >= 4 or word in self.shout_words

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.mode == "consistent":
            yield from self._consistent(doc)
            return
        cyrillic = doc.lang == "ru"
        shouts = [i for i in doc.word_indices if self._is_shout(doc.tokens[i].text, cyrillic)]
        if len(shouts) <= self.maximum:
            return
        for i in shouts:
            token = doc.tokens[i]
            if self.excepted(doc, token.start, token.end):
                continue
            lower = token.text.lower()
            fixed = lower.capitalize() if doc.is_sentence_initial(i) else lower
            yield self.finding(
                token.start, token.end, fill(self.message, match=token.text, count=len(shouts)),
                suggestion=fixed, replacement=fixed,
            )

    def _consistent(self, doc: Doc) -> Iterator[Finding]:
        if not self.tokens:
            return
        found = [m.first for m in self.tokens.find(doc) if not doc.is_sentence_initial(m.first)]
        spelled = {i: doc.tokens[i].text[:1].isupper() for i in found}
        counts = Counter(spelled.values())
        if len(counts) < 2:
            return
        upper_wins = counts[True] >= counts[False] if self.prefer == "majority" else self.prefer == "upper"
        for i, is_upper in spelled.items():
            if is_upper == upper_wins:
                continue
            token = doc.tokens[i]
            fixed = token.text[:1].upper() + token.text[1:] if upper_wins else token.text.lower()
            yield self.finding(
                token.start, token.end,
                fill(self.message, match=token.text, suggestion=fixed),
                suggestion=fixed, replacement=fixed,
            )


@dataclass
class ConsistencyRule(Rule):
    """consistency: a text uses one of several alternatives, never a mix.

    Options: ``groups`` (mapping: name → phrases) and ``prefer`` (a group name: every other
    group is reported even when used alone). Without ``prefer``, when several groups occur
    the less frequent ones are reported. The message may use ``{match}``, ``{group}`` and
    ``{other}``. The bundled ``address`` rule uses it for ты/вы: «ты», «твой» and verbs in the
    2nd person singular against «вы», «ваш» and the 2nd person plural.
    """

    OPTIONS: ClassVar[Options] = {"groups": ((dict,), True), "prefer": ((str,), False), "gap": ((int,), False)}
    groups: dict[str, PhraseSet] = field(default_factory=dict)
    prefer: str | None = None
    labels: dict[str, str] = field(default_factory=dict)  # how ``{group}`` and ``{other}`` are shown

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        hits = {name: phrases.find(doc) for name, phrases in self.groups.items()}
        used = {name: found for name, found in hits.items() if found}
        if self.prefer in self.groups:
            keep = self.prefer
        elif len(used) > 1:
            keep = max(used, key=lambda name: len(used[name]))
        else:
            return
        for name, found in used.items():
            if name == keep:
                continue
            for match in found:
                start, end = match.offsets(doc)
                if self.excepted(doc, start, end):
                    continue
                yield self.finding(start, end, fill(
                    self.message, match=doc.text[start:end], group=self.labels.get(name, name),
                    other=self.labels.get(keep, keep),
                ))


@dataclass
class RequiredRule(Rule):
    """required: the message must contain one of these phrases or patterns.

    Options: ``tokens`` and/or ``patterns``. Use ``stages`` to require it only in some stages
    (a compensation offer in ``resolution``). One finding at the start of the message.
    For the five built-in elements (what happened, service status, contact, next update,
    empathy) use the playbook's ``tone.required`` instead: those detectors understand times,
    phone numbers and real phrasings.
    """

    OPTIONS: ClassVar[Options] = {"tokens": ((list,), False), "patterns": ((list,), False)}
    tokens: PhraseSet | None = None
    patterns: tuple[re.Pattern[str], ...] = ()

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.tokens and self.tokens.search(doc):
            return
        if any(p.search(doc.text) for p in self.patterns):
            return
        yield self.finding(0, 0, self.message)


KINDS: dict[str, type[Rule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "occurrence": OccurrenceRule,
    "capitalization": CapitalizationRule,
    "consistency": ConsistencyRule,
    "required": RequiredRule,
}


def _register_late_kinds() -> None:
    from crisisplay.tone.cooccur import CooccurrenceRule

    KINDS["cooccurrence"] = CooccurrenceRule


_register_late_kinds()


def kind_options(kind: str) -> Options:
    cls: Any = KINDS[kind]
    options: Options = cls.OPTIONS
    return options


def compile_patterns(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns are case-insensitive regular expressions on the message text."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
