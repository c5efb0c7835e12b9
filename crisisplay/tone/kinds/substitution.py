"""The ``substitution`` rule kind: a better word, suggested and fixed when safe.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from crisisplay.tone import morph
from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.inflection import inflect_like
from crisisplay.tone.kinds.setup import Setup, phrase_set
from crisisplay.tone.phrases import PhraseSet


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
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
          message: '"{match}" is officialese; write "{suggestion}"'
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

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        raw = setup.value("swap")
        if not raw:
            return []  # the playbook's table is empty
        swap = {str(key): str(value) for key, value in raw.items()}
        phrases = phrase_set(list(swap), setup.lang, setup.gap, setup.where, setup.lexicon.heads)
        return [cls(**setup.common(), swap=swap, phrases=phrases,
                    autofix=bool(setup.value("autofix", False)))]

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
                replacement = inflect_like(suggestion, surface)
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
