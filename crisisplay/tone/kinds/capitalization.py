"""The ``capitalization`` rule kind: shouting in capitals, or one word spelt two ways.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone import morph
from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.english_cues import defined_abbreviations
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.phrases import PhraseSet
from crisisplay.tone.text import WORD

SHOUT_WORDS = ("NOT", "NOW", "DO", "ALL", "YOU", "NO", "WE", "ARE", "IS", "OUR", "STOP", "AND", "THE",
               # four-letter words: other four-letter capitals are mostly names ("APAC", "WAPA", "ECUA")
               "CALL", "HELP", "OPEN", "SHUT", "READ", "NOTE", "VERY", "MUST", "ONLY", "THIS", "THAT", "WILL",
               "BACK", "DOWN", "LIVE", "SAFE", "WAIT", "SOON", "FREE", "DONT", "CANT", "WONT", "YOUR", "NEED",
               "HAVE", "BEEN", "WITH", "FROM", "LOST", "DEAD", "FAST", "BUSY", "FULL", "SALE", "JUST", "EVER",
               "HERE", "THEM", "THEY", "WHAT", "WHEN", "KEEP", "STAY", "AWAY", "LATE", "MORE", "LESS", "TODAY", "MANY",
               # modal verbs: "students and staff CAN use WebCT from home"
               "CAN")
_VOWELLESS_RE = re.compile(r"[B-DF-HJ-NP-TV-XZ0-9&.'’-]+")
_SHORT_SHOUTS_RU = frozenset({"НЕ", "НЕТ", "ВСЕ", "ВСЁ", "ВЫ", "ДА", "ВАС", "ВАМ", "ВАШ"})


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class CapitalizationRule(Rule):
    """capitalization: ALL-CAPS shouting, or inconsistent capitalisation of a word.

    ``mode: shouting`` reports words in capitals beyond ``max`` (default 0). Abbreviations
    are not shouting: a Cyrillic word counts only when the dictionary knows it as a word
    («ВНИМАНИЕ», «СРОЧНО», not «МСК»); a Latin word counts when it has at least 5 letters and
    a vowel ("PBWN", "HSBC" are abbreviations; four capitals are mostly a name, "APAC") or
    stands in ``shout_words`` ("NOT", "NOW", "CALL", "HELP"), and never when listed in
    ``acronyms`` or when it holds a digit or "_" (a code: "ERR_DNS_FAIL", "A320"). In English a
    name in capitals is not shouting either: one the text repeats as its subject, one before the
    lower-case noun it names ("the SCADA contractor"), a company's before its legal form ("ZESCO
    Limited") and a press release's dateline ("LUSAKA, Thursday 27 June"), and a weekday or a
    month ("today (WEDNESDAY)").
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
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"mode": ("shouting", "consistent"),
                                                    "prefer": ("upper", "lower", "majority")}
    mode: str = "shouting"
    maximum: int = 0
    acronyms: frozenset[str] = frozenset()
    shout_words: frozenset[str] = frozenset()
    tokens: PhraseSet | None = None
    prefer: str = "majority"

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), mode=setup.value("mode"), maximum=int(setup.value("max", 0)),
                    acronyms=frozenset(setup.value("acronyms", [])) | setup.lexicon.acronyms,
                    shout_words=frozenset(setup.value("shout_words", SHOUT_WORDS)),
                    tokens=setup.phrases("tokens", gap=0), prefer=setup.value("prefer", "majority"))]

    def _is_shout(self, word: str, doc_is_cyrillic: bool = False) -> bool:
        if not word.isupper():  # most words: no need to look at their letters
            return False
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) < 2 or not word.isupper() or word in self.acronyms or word.lower() in _DATELINE_NEXT:
            return False
        if len(letters) < len(word) and any(ch == "_" or ch.isdigit() for ch in word):
            return False  # "ERR_DNS_FAIL", "A320": a code or a model, not a raised voice
        if "-" in word and any(len(part) == 1 for part in word.split("-")):
            return False  # "M-PESA", "E-ZPASS": a brand spelled with a letter and a hyphen
        if "." in word.strip("."):
            return False  # "GOV.UK": a domain, a name
        if any("А" <= ch <= "Я" or ch == "Ё" for ch in letters):
            # «ВОК», «ЧП», «МЧС» are abbreviations even when a dictionary knows the letters as a word
            return (len(letters) >= 4 or word in _SHORT_SHOUTS_RU) and morph.is_dictionary_word(word)
        if doc_is_cyrillic:
            return False  # «ТРЦ сети MEGA»: a Latin word in capitals inside Russian text is a name
        if word in self.shout_words:
            return True
        # "PBWN", "HSBC": a Latin word without a vowel cannot be read out as a word, it is an abbreviation;
        # four letters with a vowel are mostly a name too ("APAC", "WAPA") unless a shout word above
        return len(letters) >= 5 and not _VOWELLESS_RE.fullmatch(word)

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.mode == "consistent":
            yield from self._consistent(doc)
            return
        cyrillic = doc.lang == "ru"
        tokens = doc.tokens
        # ``isupper`` first, in line: most words are not in capitals (a call per word costs more)
        shouts = [i for i in doc.word_indices if tokens[i].text.isupper() and self._is_shout(tokens[i].text, cyrillic)
                  and not _tagged(doc, i)]
        if len(shouts) <= self.maximum:
            return
        if not cyrillic and len(shouts) > 1:
            shouts = _without_names(doc, shouts, self.shout_words)
            if len(shouts) <= self.maximum:
                return
        if not cyrillic:
            shouts = _without_modifier_names(doc, shouts, self.shout_words)
            if len(shouts) <= self.maximum:
                return
        else:
            shouts = [i for i in shouts if not _named_after_kind(doc, i)]
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


def _tagged(doc: Doc, index: int) -> bool:
    """A hashtag or a handle ("#SWAHED", "@NHSWALES"): a name as tags are written, not a shout."""
    start = doc.tokens[index].start
    return start > 0 and doc.text[start - 1] in "#@"


#: (Russian) What a company or a body is, said before its name: «туроператор ИНТУРИСТ», «банк
#: ВТБ», «компания РЕСО»; the name after it, in capitals, is the way it writes itself
_KINDS_RU = frozenset({"туроператор", "компания", "банк", "авиакомпания", "агентство", "холдинг", "корпорация",
                       "концерн", "фирма", "бренд", "оператор", "провайдер", "магазин", "ооо", "оао", "зао", "пао",
                       "ао", "ип", "фестиваль", "клуб", "фонд", "группа", "сеть", "сервис", "театр", "музей"})

#: Notice words, a raised voice wherever they stand («банк ВНИМАНИЕ: …»)
_NOTICE_WORDS_RU = frozenset({"ВНИМАНИЕ", "ВАЖНО", "СРОЧНО", "ОБЪЯВЛЕНИЕ", "ПРЕДУПРЕЖДЕНИЕ", "ОСТОРОЖНО",
                              "ОПАСНОСТЬ", "ТРЕВОГА"})
#: Capital words that shout after any word, built once (the check runs per capital word)
_NEVER_NAMES_RU = _SHORT_SHOUTS_RU | _NOTICE_WORDS_RU


def _named_after_kind(doc: Doc, index: int) -> bool:
    """(Russian) Whether the capital word at ``index`` follows a word for what it is, in its
    sentence («туроператор ИНТУРИСТ вынужден…»): a name, not a raised voice."""
    before = index - 1
    tokens = doc.tokens
    if not (before >= 0 and tokens[before].kind == WORD and tokens[before].sentence == tokens[index].sentence
            and doc.keys(before) & _KINDS_RU) or tokens[index].text in _NEVER_NAMES_RU:
        return False
    # a noun, as a name is: «магазин ЗАКРЫТ», «сервис НЕ работает» still shout
    parses = morph.ru_parses(doc.lower(index))
    return bool(parses) and "NOUN" in parses[0][1]


#: English words after a name that make it the subject: "DOWASCO would like", "NAWASA wishes"
_SUBJECT_VERBS_EN = frozenset({"would", "will", "is", "has", "was", "can", "could", "should", "may", "must", "shall",
                               "does", "did", "had", "remains", "continues", "wishes", "apologizes", "apologises",
                               "regrets", "thanks", "advises", "announces", "confirms", "says", "reports", "asks"})
_CLOSERS = frozenset({")", "]", "”", "’", '"', "'"})


def _without_names(doc: Doc, shouts: list[int], shout_words: frozenset[str]) -> list[int]:
    """(English) The shouts without a name in capitals that the text repeats as its subject
    ("DOWASCO apologizes … DOWASCO would like to assure …", "(NAWASA) wishes to advise"): each
    time alone among ordinary words, at least once followed by its verb. A word of
    ``shout_words`` ("NOT", "CALL") and a one-off capital word ("SCHOOL CLOSED") still shout."""
    tokens = doc.tokens
    places: dict[str, list[int]] = {}
    for i in shouts:
        places.setdefault(tokens[i].text, []).append(i)
    names = set()
    for word, where in places.items():
        if len(where) < 2 or word in shout_words:
            continue
        if any(_caps_neighbour(doc, i) for i in where):
            continue  # "ALL WATER SYSTEMS WILL BE SWITCHED OFF": a shouted phrase
        if any(_subject_of(doc, i) for i in where):
            names.add(word)
    return shouts if not names else [i for i in shouts if tokens[i].text not in names]


#: Words before a noun phrase: a capital word between one of them (or the start of a sentence)
#: and a lower-case noun modifies that noun ("the SCADA contractor", "an MBORC situation")
_DETERMINERS_EN = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "your", "my", "this", "that",
                             "these", "those", "each", "any", "some"})
#: Lower-case words after which a capital word is not a noun's modifier ("NOTICE to residents")
_FUNCTION_EN = frozenset({"to", "of", "for", "and", "or", "but", "is", "are", "was", "were", "be", "been", "will",
                          "would", "can", "could", "should", "must", "may", "might", "not", "in", "on", "at", "by",
                          "with", "from", "as", "that", "the", "a", "an", "it", "this", "if", "so", "than", "then",
                          "you", "we", "they", "all", "your", "our", "no", "do", "does", "did", "has", "have", "had"})
#: Capital words that are English words whatever follows them ("EVERY single customer", "ALWAYS
#: assume", "a MAJOR problem")
_ENGLISH_CAPS = frozenset({"EVERY", "EVERYONE", "EVERYBODY", "NOBODY", "ANYONE", "SOMEONE", "PEOPLE",
                           "ALWAYS", "NEVER", "PLEASE", "WHOLE", "ENTIRE", "SINGLE", "MAJOR", "TOTAL",
                           "EXTRA", "GREAT", "STRICT", "SEVERE", "OTHER", "FIRST", "STILL", "AGAIN", "SHOULD",
                           "COULD", "WOULD", "CANNOT", "THESE", "THOSE", "THERE", "WHERE", "WHICH", "UNTIL",
                           "AFTER", "BEFORE", "ABOUT", "UNDER", "ABOVE", "BELOW"})
#: Endings of English words (derived or inflected): "LIMITED staff", "URGENT action", "MASSIVE outage"
_ENGLISH_ENDINGS = ("ED", "ING", "LY", "FUL", "OUS", "IVE", "ABLE", "IBLE", "ANT", "ENT", "EST", "ION", "MENT",
                    "NESS", "ITY", "IZE", "ISE", "ICAL", "LESS", "ARY", "ORY", "URE", "AGE", "ER", "ERS", "AL")


def _without_modifier_names(doc: Doc, shouts: list[int], shout_words: frozenset[str]) -> list[int]:
    """(English) The shouts without a lone name in capitals that modifies the lower-case noun
    after it, after a determiner or at the start of a sentence: "the SCADA contractor", "IOMSPC
    engineers are working", "an MBORC situation" (abbreviations of five letters or more), or
    that opens its sentence as the subject of its verb ("MPESA is currently unavailable"). A
    word of ``shout_words``, a common English word in capitals ("EVERY single customer") or one
    with an English ending ("LIMITED staff", "URGENT action") still shouts, and so does a word
    next to other capitals ("IMPORTANT NOTICE")."""
    tokens = doc.tokens
    kept = []
    for i in shouts:
        word = tokens[i].text
        if word not in shout_words and (_named_company(doc, i) or _dateline(doc, i)):
            continue
        if (word in shout_words or word in _ENGLISH_CAPS or word.endswith(_ENGLISH_ENDINGS)
                or _caps_neighbour(doc, i)
                or not (_modifies_next(doc, i) or _opening_subject(doc, i) or _numbered_name(doc, i))):
            kept.append(i)
    return kept


#: Legal forms after a company's name: "ZESCO Limited wishes to inform its customers"
_LEGAL_FORMS_EN = frozenset({"Limited", "Ltd", "Inc", "Plc", "PLC", "LLC", "Corporation", "Corp", "Company",
                             "Holdings", "Group",
                             # a public body by its acronym: "the NEPRA Authority", "the TCEQ Commission"
                             "Authority", "Commission", "Agency", "Board", "Ministry", "Department"})
#: What follows a press release's dateline: "LUSAKA, Thursday 27 June, 2024."
_DATELINE_NEXT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


#: What a company is, said before its name: "our host company FILANKO", "the operator NIPCO"
_KINDS_EN = frozenset({"company", "provider", "supplier", "vendor", "partner", "operator", "contractor", "carrier",
                       "host", "firm", "bank", "airline", "insurer", "developer", "publisher", "studio", "brand"})


def _named_company(doc: Doc, index: int) -> bool:
    """Whether the capital word at ``index`` is a company's name before its legal form
    ("ZESCO Limited", "PLDT Inc") or after what it is ("our host company FILANKO"), or an
    abbreviation the text defines (:func:`~crisisplay.tone.english_cues.defined_abbreviations`): a
    name, not a raised voice."""
    after, before = index + 1, index - 1
    tokens = doc.tokens
    if tokens[index].text in doc.memo("defined-abbreviations", lambda: defined_abbreviations(doc)):
        return True
    if (before >= 0 and tokens[before].sentence == tokens[index].sentence
            and tokens[before].text.lower() in _KINDS_EN):
        return True  # "our host company FILANKO had power failures"
    return (after < len(tokens) and tokens[after].sentence == tokens[index].sentence
            and tokens[after].text in _LEGAL_FORMS_EN)


def _dateline(doc: Doc, index: int) -> bool:
    """Whether the capital word at ``index`` opens the message as a press release's dateline:
    the place, then a comma and a day or a date ("LUSAKA, Thursday 27 June, 2024."), or a dash
    after at most three more words ("ANCHORAGE – GCI customers …", "NASSAU, NP – Bahamas Power …",
    "ANCHORAGE, Alaska – GCI is …")."""
    tokens = doc.tokens
    if index != doc.word_indices[0] or index + 1 >= len(tokens) or tokens[index].text in _NOTICE_WORDS:
        return False
    if tokens[index + 1].text == "," and index + 2 < len(tokens):
        date = tokens[index + 2].text
        if date.lower() in _DATELINE_NEXT or date.isdigit():
            return True
    for j in range(index + 1, min(index + 6, len(tokens))):
        if tokens[j].text in _DASHES:  # … and a name after the dash, not "URGENT - please call"
            return j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()
        if tokens[j].kind != WORD and tokens[j].text != ",":
            return False
    return False


_DASHES = frozenset({"–", "—", "-"})
#: The heads of a notice in capitals, never a place: "URGENT – Do not drink the water"
_NOTICE_WORDS = frozenset({"URGENT", "WARNING", "ATTENTION", "NOTICE", "IMPORTANT", "UPDATE", "ALERT", "CAUTION",
                           "DANGER", "BREAKING", "REMINDER", "CLOSED", "CANCELLED", "CANCELED", "RESOLVED",
                           "UPDATED", "EMERGENCY", "NOTE", "PLEASE"})


def _modifies_next(doc: Doc, index: int) -> bool:
    """Whether the word at ``index`` stands where a noun's modifier stands: after a determiner
    or first in its sentence, before a lower-case word that is not a function word."""
    tokens = doc.tokens
    sentence = tokens[index].sentence
    after = index + 1
    if after >= len(tokens) or tokens[after].sentence != sentence or tokens[after].kind != WORD:
        return False
    following = tokens[after].text
    if not following.islower() or not following.isalpha() or following in _FUNCTION_EN:
        return False
    if doc.is_sentence_initial(index):
        return True
    before = index - 1
    return tokens[before].kind == WORD and tokens[before].text.lower() in _DETERMINERS_EN


def _caps_neighbour(doc: Doc, index: int) -> bool:
    """Whether the word before or after ``index`` (in its sentence) is in capitals too."""
    tokens = doc.tokens
    sentence = tokens[index].sentence
    for j in (index - 1, index + 1):
        if 0 <= j < len(tokens) and tokens[j].sentence == sentence and tokens[j].kind == WORD:
            text = tokens[j].text
            if len(text) > 1 and text.isupper():
                return True
    return False


#: Calls to act before a number, which shout in capitals: "CALL 999", "TEXT 85258"
_CALLS_EN = frozenset({"CALL", "DIAL", "TEXT", "PHONE", "RING", "VISIT", "PRESS"})


def _numbered_name(doc: Doc, index: int) -> bool:
    """Whether the word names a numbered product or series: a name before its number, "PAYDAY 3
    matchmaking", "PAYDAY 3s online systems", "FIFA 23" (not a call to act: "CALL 999")."""
    tokens = doc.tokens
    after = index + 1
    return (after < len(tokens) and tokens[after].sentence == tokens[index].sentence
            and tokens[after].text[:1].isdigit() and tokens[after].text[-1:] != "%"
            and tokens[index].text not in _CALLS_EN)


def _opening_subject(doc: Doc, index: int) -> bool:
    """Whether the word opens its sentence (alone or after "the") as the subject of the verb after
    it: a service or a body by its name in capitals, "MPESA is currently unavailable", "The NSFAF
    has not met its obligations"."""
    before = index - 1
    tokens = doc.tokens
    after_the = (before >= 0 and tokens[before].sentence == tokens[index].sentence
                 and tokens[before].text.lower() == "the" and doc.is_sentence_initial(before))
    return (after_the or doc.is_sentence_initial(index)) and _subject_of(doc, index)


def _subject_of(doc: Doc, index: int) -> bool:
    """Whether the next word after ``index`` (past a closing bracket or quote) is a verb of
    which it is the subject: a known auxiliary or a lower-case word in -s ("apologizes")."""
    tokens = doc.tokens
    j = index + 1
    while j < len(tokens) and tokens[j].text in _CLOSERS:
        j += 1
    if j >= len(tokens) or tokens[j].kind != WORD or tokens[j].sentence != tokens[index].sentence:
        return False
    word = tokens[j].text
    if not word.islower():
        return False
    return word in _SUBJECT_VERBS_EN or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)
