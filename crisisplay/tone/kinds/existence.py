"""The ``existence`` rule kind: every occurrence of a word, phrase or pattern.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from crisisplay.tone import morph
from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup, phrase_set
from crisisplay.tone.patterns import UserPattern
from crisisplay.tone.phrases import Match, PhraseSet
from crisisplay.tone.text import WORD, is_barrier


def _negated(doc: Doc, first: int, last: int, negation: frozenset[str], window: int = 3) -> bool:
    """A negation word up to ``window`` words before the match, or right after it («угрозы нет»,
    «угроз выявлено не было»)."""
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
    if _governed(doc, first):
        return False  # «из-за аварии не работает водопровод»: the «не» is about something else
    for j in range(last + 1, min(last + 8, len(doc.tokens))):
        token = doc.tokens[j]
        if token.sentence != sentence or is_barrier(token) or doc.lower(j) in _NEXT_CLAUSE_EN:
            break
        if token.kind == WORD and doc.lower(j) in ("нет", "not"):
            return True
        if doc.lower(j) == "не" and _denied_by_verb(doc, j + 1):
            return True  # «угроз и нарушений выявлено не было», «угрозы не представляет»
    return False


#: English words that start another clause: a "not" after one denies that clause ("this is a
#: major incident and it is not possible to estimate …"), not the match
_NEXT_CLAUSE_EN = frozenset({"and", "but", "because", "while", "although", "though", "so", "which", "who"})


#: Prepositions of cause and time (and the last words of compound ones) whose object a «не»
#: after it does not deny: «из-за аварии не работает», «в результате аварии не будет воды».
_CAUSE_PREPOSITIONS = frozenset({"из-за", "после", "вследствие", "ввиду", "результате", "причине", "ходе"})
#: Words that may stand between such a preposition and its noun: «из-за серьёзной аварии».
_MODIFIER_FORMS = (frozenset({"ADJF"}), frozenset({"PRTF"}), frozenset({"ADVB"}))


def _governed(doc: Doc, first: int) -> bool:
    """(Russian) The match is the object of a preposition of cause or time («из-за аварии»,
    «в результате аварии», «в связи с аварией»): a «не» after it negates the next clause, not
    the match («к ЧС не относятся» is still denied)."""
    if doc.lang != "ru":
        return False
    sentence = doc.tokens[first].sentence
    for j in range(first - 1, max(first - 4, -1), -1):
        token = doc.tokens[j]
        if token.sentence != sentence or token.kind != WORD:
            return False
        lower = doc.lower(j)
        if lower in _CAUSE_PREPOSITIONS or (lower == "с" and j > 0 and doc.lower(j - 1) == "связи"):
            return True
        if not any(morph.has_reading(lower, forms) for forms in _MODIFIER_FORMS):
            return False  # anything else between: «угрозы после аварии нет» is still denied
    return False


#: Verbs that deny what came before them when «не» precedes them: «… не было», «… не выявлено».
_DENIED_AFTER = frozenset({"быть", "выявить", "обнаружить", "зафиксировать", "существовать", "иметься",
                           "представлять", "возникнуть", "установить", "произойти", "случиться", "допустить",
                           "наблюдаться", "отмечаться"})
#: Verbs that, negated, say the danger is still there: «угроза не миновала», «опасность не
#: исчезла», «угроза не снята», «тревога не утихает», «угроза не исключена», «… не позволяет».
_STILL_THERE = frozenset({
    "миновать", "исчезнуть", "исчезать", "пропасть", "пропадать", "уйти", "уходить", "снять", "снимать",
    "сниматься", "устранить", "устранять", "устраняться", "ликвидировать", "пройти", "проходить", "спасть",
    "спадать", "отступить", "отступать", "ослабнуть", "ослабеть", "ослабевать", "уменьшиться", "уменьшаться",
    "снизиться", "снижаться", "утихнуть", "утихать", "стихнуть", "стихать", "закончиться", "заканчиваться",
    "кончиться", "прекратиться", "прекращаться", "завершиться", "исключить", "исключаться", "отменить",
    "отменять", "отменяться", "позволять", "позволить", "дать", "давать", "удаться", "удаваться", "оставить",
    "оставлять", "отпустить", "отпускать", "связать", "касаться", "коснуться", "зависеть", "ограничиваться",
})
#: Words «не» may stand before on the way to the verb that says what is denied: «угрозы не может
#: быть» (denied), «угроза не может быть исключена» (not).
_ON_THE_WAY = frozenset({"мочь", "быть", "стать", "удаться"}) - _STILL_THERE
_VERB_FORMS = (frozenset({"VERB"}), frozenset({"INFN"}), frozenset({"PRTS"}))


def _denied_by_verb(doc: Doc, index: int) -> bool:
    """(Russian) «не» before ``index`` denies the danger word before it: a verb form follows
    («ЧС не прогнозируется», «угрозы не возникло», «опасности не представляет», «угроз выявлено
    не было»), not one that says the danger stays («угроза не миновала», «не может быть исключена»)."""
    for j in range(index, min(index + 3, len(doc.tokens))):
        if doc.tokens[j].kind != WORD:
            return j > index  # «угрозы не может быть.»: the modal was the verb
        keys = doc.keys(j)
        if keys & _STILL_THERE:
            return False
        if keys & _DENIED_AFTER and not keys & _ON_THE_WAY:
            return True
        if not any(morph.has_reading(doc.lower(j), forms) for forms in _VERB_FORMS):
            return j > index  # «угроза не только …»: no verb; «угрозы не было никакой»: denied
        if not keys & _ON_THE_WAY:
            return True
    return True


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class ExistenceRule(Rule):
    """existence: report every occurrence of a word, phrase or pattern.

    Options: ``tokens`` (phrases, matched by lemma), ``patterns`` (regular expressions on the
    text, case-insensitive), ``gap`` (words allowed between a phrase's words, default 0),
    ``skip_negated`` (true: «никакой угрозы нет», "no danger" are not reported),
    ``addressed`` (true: only in a sentence that speaks to the reader — «вы», an imperative,
    "you", an English order to others such as "all children must be picked up" — so «срочно
    позвоните» is urgency but "we took immediate steps" is not),
    ``classify`` (true: each word is its own rule and takes the category of the first rule
    of the packs that reports that word alone — the playbook's forbidden «паника» counts as
    alarm, «данный» as bureaucratese; the rule's own category when none does),
    ``skip_names`` (true: a word capitalised inside a sentence is a name, not the word —
    "the Meltdown and Spectre vulnerabilities"), ``unless`` (phrases: an occurrence after one
    of them in its sentence is not reported — "to reduce the chances of a catastrophic
    failure" is no alarm).
    The message may use ``{match}``.

    Example::

        - id: ru.alarm
          kind: existence
          category: alarm
          severity: warning
          message: '"{match}" sounds alarming: say what happened and what we are doing'
          tokens: [паника, катастрофа, хаос]
    """

    OPTIONS: ClassVar[Options] = {
        "tokens": ((list,), False),
        "patterns": ((list,), False),
        "gap": ((int,), False),
        "skip_negated": ((bool,), False),
        "addressed": ((bool,), False),
        "classify": ((bool,), False),
        "skip_names": ((bool,), False),
        "unless": ((list,), False),
    }
    tokens: PhraseSet | None = None
    patterns: tuple[UserPattern, ...] = ()
    negation: frozenset[str] = frozenset()
    skip_negated: bool = False
    address: PhraseSet | None = None  # set when the rule is ``addressed``
    skip_names: bool = False
    unless: PhraseSet | None = None

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        tokens = setup.phrases("tokens")
        if setup.binding("tokens") is not None and not tokens:
            return []  # the playbook's list is empty: nothing to look for
        lexicon = setup.lexicon
        options: dict[str, Any] = {
            "patterns": setup.patterns(), "negation": lexicon.negation,
            "skip_negated": bool(setup.value("skip_negated", False)),
            "address": lexicon.reader_address() if setup.value("addressed") else None,
            "skip_names": bool(setup.value("skip_names", False)), "unless": setup.phrases("unless", gap=0),
        }
        if not setup.value("classify"):
            return [cls(**setup.common(), tokens=tokens, **options)]
        rules: list[Rule] = []
        for word in setup.value("tokens"):
            common = setup.common()
            common["category"] = _category_of(word, setup)
            tokens = phrase_set([word], setup.lang, where=setup.where, index=setup.lexicon.heads)
            rules.append(cls(**common, tokens=tokens, **options))
        return rules

    def _addressed(self, doc: Doc) -> set[int]:
        """Sentences that speak to the reader."""
        if self.address is None:
            return set(range(len(doc.sentences)))
        address = self.address
        def compute() -> set[int]:
            speaking = {doc.tokens[m.first].sentence for m in address.find(doc) if not _aside(doc, m.first)}
            if doc.lang == "ru":  # any imperative or 2nd-person reading: «позвоните», «перезвоните»
                speaking.update(t.sentence for i, t in enumerate(doc.tokens) if t.kind == WORD and any(
                    _speaks_to_reader(p[1]) for p in morph.ru_readings(doc.lower(i))))
            if doc.lang == "en":  # "All children must be picked up immediately": an order to the readers
                speaking.update(_ordered(doc))
            # a heading of a word or two («Срочно!!!», "URGENT!") shouts at whoever reads it
            speaking.update(n for n in range(len(doc.sentences)) if len(doc.sentence_words(n)) <= 2)
            return speaking

        return doc.memo(f"addressed:{id(address)}", compute)

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        spans: list[tuple[int, int]] = []
        if self.tokens:
            matches = self.tokens.find(doc)
            speaking = self._addressed(doc) if matches and self.address is not None else set()
            unless = self.unless.find(doc) if matches and self.unless else []
            for match in matches:
                if self.skip_negated and _negated(doc, match.first, match.last, self.negation):
                    continue
                if self.skip_names and _name(doc, match.first):
                    continue
                if unless and _after_any(doc, match.first, unless):
                    continue
                if self.address is not None and doc.tokens[match.first].sentence not in speaking:
                    continue
                spans.append(match.offsets(doc))
        for pattern in self.patterns:
            spans.extend(span for span in pattern.spans(doc.text) if span[1] > span[0])
        if not spans:  # most rules find nothing in most messages
            return
        last_end = -1
        for start, end in sorted(spans):
            if start < last_end or self.excepted(doc, start, end):
                continue
            last_end = end
            yield self.finding(start, end, fill(self.message, match=doc.text[start:end]))


def _speaks_to_reader(grammemes: frozenset[str]) -> bool:
    """A 2nd-person or imperative reading — not the inclusive «мы»-imperative («примем»,
    «осознаем»: a reading of the 1st-person future, «мы срочно примем меры»)."""
    return "2per" in grammemes or ("impr" in grammemes and "incl" not in grammemes)


#: English words of duty ("must", "need to") and the words that make the duty ours ("we must")
_DUTY_EN = frozenset({"must", "need", "needs", "have", "has", "required"})
_OURS_EN = frozenset({"we", "our", "us", "i", "we're", "we'll", "we’re", "we’ll"})


def _ordered(doc: Doc) -> set[int]:
    """English sentences that order someone other than us to act ("Customers must update the
    app", "All children must be picked up immediately"): "must", or "need/have/has/required
    to", with no "we", "our", "us", "I" before it in the sentence."""
    found: set[int] = set()
    positions = doc.surface_positions
    for word in _DUTY_EN & doc.surface_set:
        for index in positions[word]:
            if word != "must" and (index + 1 >= len(doc.tokens) or doc.lower(index + 1) != "to"):
                continue
            sentence = doc.tokens[index].sentence
            first = doc.sentences[sentence].first
            if not any(doc.lower(j) in _OURS_EN for j in range(first, index)):
                found.add(sentence)
    return found


def _aside(doc: Doc, index: int) -> bool:
    """"As many of you know, …" tells the reader something; it asks nothing of them."""
    return index >= 3 and doc.lower(index - 1) == "of" and doc.lower(index - 3) == "as"


def _name(doc: Doc, index: int) -> bool:
    """A word capitalised inside its sentence ("Meltdown", not "MELTDOWN" nor a first word)."""
    word = doc.tokens[index].text
    return word[:1].isupper() and not word.isupper() and not doc.is_sentence_initial(index)


def _after_any(doc: Doc, index: int, found: list[Match]) -> bool:
    """Whether one of ``found`` starts before token ``index`` in its sentence."""
    sentence = doc.tokens[index].sentence
    return any(m.first < index and doc.tokens[m.first].sentence == sentence for m in found)


def _category_of(word: str, setup: Setup) -> str:
    """The category of the first rule built before that reports ``word`` on its own."""
    from crisisplay.tone.kinds.substitution import SubstitutionRule

    doc = Doc(word, setup.lang)
    for rule in setup.built:
        if isinstance(rule, (ExistenceRule, SubstitutionRule)) and next(iter(rule.check(doc, CheckContext())), None):
            return rule.category
    return setup.spec.category
