"""English grammar the element detectors ask about a contact or an update cue.

* a contact phrase negated: "they do not need to contact us", "we ask residents to not
  contact us unless absolutely necessary", "please avoid calling us" — no way to reach us
  (not "do not hesitate to contact us"); or told in the past: "people were still able to
  contact us" (what worked then, no invitation);
* a channel named by its proper name after "via" or "through", in a clause about contact or
  news: "we will be in contact with you, through Weduc", "check before travelling via National
  Rail Enquiries";
* a name that looks like a channel: "Traffic to Flow Chat is resuming" (a product), «Globat.com
  apologises» (a capitalised bare domain names the company, unless a word of going there comes
  before it: "via United.com");
* an update cue in the simple past with its subject: "our head cook notified the director this
  morning" — news given before, not the next message (not "you will be notified", "we will
  keep the community informed").
"""

from __future__ import annotations

import re

from crisisplay.tone.doc import Doc
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import WORD

#: Words that may stand between a negation and the contact it negates: "not need to", "no need to",
#: "not to", "please do not"
_BRIDGE = frozenset({"to", "please", "need", "needs", "have", "has", "try"})
_NEGATION = frozenset({"not", "no", "never", "cannot", "avoid", "avoiding"})
#: "were still able to": a report of what was possible then
_ABLE = frozenset({"able", "still"})
_PAST_BE = frozenset({"was", "were"})


def negated_contact(doc: Doc, match: Match) -> bool:
    """Whether a contact phrase at ``match`` is negated by the words just before it, in its
    sentence ("do not need to contact us", "to not contact us", "avoid calling us"), or told
    as a past ability ("were still able to contact us")."""
    tokens = doc.tokens
    if doc.lower(match.first) == "hesitate":
        return False  # "please don't hesitate to let us know": the negation is the invitation
    sentence = tokens[match.first].sentence
    j = match.first - 1
    able = False
    while j >= 0 and match.first - j <= 5 and tokens[j].sentence == sentence and tokens[j].kind == WORD:
        word = doc.lower(j)
        if word in _NEGATION or word.endswith(("n't", "n’t")):
            return True
        if able and word in _PAST_BE:
            return True  # "people with cell phones were still able to contact us": what worked, no invitation
        able = able or word == "able"
        if word not in _BRIDGE and word not in _ABLE:
            return False
        j -= 1
    return False


_VIA = frozenset({"via", "through"})
#: Days and months: "via Monday" names no channel (a closed class, not a word list to extend)
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december"})
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?"})


def named_channel(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """The characters of a channel named after "via"/"through" in a clause about contact or
    news (lexicon ``channel_clause``: "in contact with you, through Weduc"; "check before
    travelling via National Rail Enquiries"): a capitalised word, not the first of its sentence
    nor a day or month."""
    communication = lex.forms_of("channel_clause")
    tokens = doc.tokens
    for i, token in enumerate(tokens):
        if token.kind != WORD or token.text.lower() not in _VIA or i + 1 >= len(tokens):
            continue
        name = tokens[i + 1]
        if (name.kind != WORD or name.sentence != token.sentence or not name.text[:1].isupper()
                or name.text.lower() in _CALENDAR or doc.is_sentence_initial(i + 1)):
            continue
        j = i - 1
        while j >= 0 and tokens[j].sentence == token.sentence and tokens[j].text not in _CLAUSE_ENDS:
            if tokens[j].kind == WORD and doc.lower(j) in communication:
                return name.start, name.end
            j -= 1
    return None


#: Words before a past participle that make it no simple past: "you will be notified", "we will
#: keep the community informed", "residents are being informed"
_NOT_PAST = frozenset({"keep", "keeps", "kept", "keeping", "stay", "stays", "remain", "remains", "be", "been",
                       "being", "is", "are", "am", "get", "gets", "getting", "got", "will", "shall", "going"})


def told_before(doc: Doc, match: Match) -> bool:
    """Whether a one-word update cue in -ed ("notified", "informed", "posted") is a simple past
    after its subject ("our head cook notified the director this morning"): news given before."""
    if match.first != match.last:
        return False
    word = doc.lower(match.first)
    if not word.endswith("ed") or match.first == 0:
        return False
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    if tokens[match.first - 1].kind != WORD or tokens[match.first - 1].sentence != sentence:
        return False
    for j in range(match.first - 1, max(match.first - 6, -1), -1):
        if tokens[j].sentence != sentence:
            break
        before = doc.lower(j)
        if before in _NOT_PAST or before.endswith(("'ll", "’ll")):
            return False
    return True


def product_name(doc: Doc, match: Match) -> bool:
    """"Traffic to Flow Chat is resuming": one capitalised word after another capitalised word,
    inside a sentence, names a product, not a channel of ours — unless the word is a line to call
    whatever its name ("the Solid Waste Hotline")."""
    if match.first != match.last or doc.lang != "en" or not doc.tokens[match.first].text[:1].isupper():
        return False
    if doc.lower(match.first) in _LINES_TO_CALL:
        return False
    before = match.first - 1
    return (before >= 0 and doc.tokens[before].kind == WORD and doc.tokens[before].text[:1].isupper()
            and not doc.is_sentence_initial(match.first) and not doc.is_sentence_initial(before))


#: Channel words that name a line to call in any name: "the Solid Waste Hotline", "the Customer Helpline"
_LINES_TO_CALL = frozenset({"hotline", "helpline", "helpdesk", "careline", "infoline", "hotlines", "helplines"})


def brand_name(raw: str, kind: str, before: str = "") -> bool:
    """«Globat.com», «Home.Net»: a capitalised bare domain names the company, it is not a link —
    unless a word of going there comes before it ("change your plans via United.com")."""
    if kind != "url" or not raw[:1].isupper() or "/" in raw or raw.lower().startswith("www."):
        return False
    return not _TO_A_SITE.search(before)


#: Words before a capitalised domain that make it a place to go: "via United.com", "visit Gov.uk"
_TO_A_SITE = re.compile(r"(?:\bvia|\bvisit|\bat|\bon|\bto|\bна|\bсайте)\s+$", re.IGNORECASE)


def defined_abbreviations(doc: Doc) -> frozenset[str]:
    """(English) Capital words the text introduces as abbreviations, everywhere they stand: alone
    in brackets after a name or a dateline ("(SKELEC) At 1:55 pm …", "the Department of Public
    Transportation (DPT)"), or before brackets that spell them out ("BALPA's (British Airline
    Pilots' Association) strike": the initials, in order, among its letters). A shout is not
    written that way."""
    tokens = doc.tokens
    found: set[str] = set()
    for i in doc.word_indices:
        word = tokens[i].text
        if len(word) < 2 or not word[:2].isupper():
            continue
        if 0 < i < len(tokens) - 1 and tokens[i - 1].text == "(" and tokens[i + 1].text == ")":
            found.add(word)
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text == "(" and _spelled_out(doc, word, i + 2):
            found.add(word)
    return frozenset(w.removesuffix("’s").removesuffix("'s") for w in found)  # "BALPA’s": the name


def _spelled_out(doc: Doc, word: str, first: int) -> bool:
    """Whether the capitalised words from ``first`` to the closing bracket begin with letters of
    ``word`` in its order, the first with its first (at least two words)."""
    letters = [ch for ch in word if ch.isupper()]
    initials = []
    tokens = doc.tokens
    for j in range(first, min(first + 12, len(tokens))):
        text = tokens[j].text
        if text == ")":
            break
        if tokens[j].kind == WORD and text[:1].isupper():
            initials.append(text[0])
    else:
        return False
    if len(initials) < 2 or not letters or initials[0] != letters[0]:
        return False
    rest = iter(letters)
    return all(initial in rest for initial in initials)
