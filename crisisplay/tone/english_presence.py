"""English presence mechanisms: what happened and what is affected, said by grammar.

Helpers of :func:`crisisplay.tone.elements.detect` for English (issue #13, round 22): each one
is a class of sentence, not a phrasing from a corpus text.

* **an action done wrongly is the event** — "customers were billed incorrectly", "orders were
  shipped in error", "some cards were charged twice": a verb with an adverb of error (or a
  payment verb with "twice", a duplicate charge) says what went wrong, whatever the verb; advice
  about the reader's own mistake ("if you typed your PIN incorrectly") and a mistake to prevent
  ("to stop payments being taken twice") do not;
* **a cause named as the subject of "caused"** — "a certificate expiry caused the app to stop
  working", "the lorry fire led to the closure of the depot": the active mirror of the "caused
  by" the lexicon already reads; "this caused", "the issue caused" and "the inconvenience this
  has caused" name no cause;
* **what a problem hit, after it as its object** — "a problem which affected email being sent
  from Blackboard", "the fault has disrupted card payments": "affected" as an active verb names
  what is affected ("customers affected by the outage" does not, nor "which affected some
  customers").
"""

from __future__ import annotations

from crisisplay.tone.doc import Doc
from crisisplay.tone.events import PRONOUNS
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.text import WORD

#: Adverbs that make an action a mistake: "billed incorrectly", "sent in error"
_WRONGLY = frozenset({"incorrectly", "wrongly", "erroneously", "mistakenly", "inadvertently", "accidentally"})
#: "in error", "by mistake", "in duplicate": a preposition and its noun
_WRONGLY_PAIRS = frozenset({("in", "error"), ("by", "mistake"), ("in", "duplicate"), ("by", "error")})
#: Payment verbs that "twice" turns into a double debit: "charged twice", "debited twice"
_PAYMENT_VERBS = frozenset({"charged", "billed", "debited", "deducted", "taken", "paid", "processed", "collected",
                            "withdrawn", "invoiced", "posted", "refunded", "sent", "issued", "applied"})
_TWICE = frozenset({"twice", "double"})
_DUPLICATE = frozenset({"duplicate", "duplicated", "double"})
#: Nouns that "duplicate" or "double" make a double debit: "duplicate transactions"
_PAYMENT_NOUNS = frozenset({"charge", "charges", "payment", "payments", "transaction", "transactions", "debit",
                            "debits", "bill", "bills", "invoice", "invoices", "deduction", "deductions"})
#: Words earlier in a sentence that make the mistake the reader's, hypothetical or one to prevent
_NOT_AN_EVENT = frozenset({"if", "whether", "unless", "should", "avoid", "prevent", "prevents", "preventing", "stop",
                           "ensure", "never", "could", "might", "would", "ever"})


def wrong_action(doc: Doc) -> tuple[int, int] | None:
    """An action done wrongly ("billed incorrectly", "charged twice", "duplicate payments"),
    outside a clause of condition, prevention or possibility."""
    if doc.lang != "en":
        return None
    words = doc.surface_set
    if not (words & _WRONGLY or words & {"error", "mistake", "duplicate", "twice", "double", "duplicated"}):
        return None
    tokens = doc.tokens
    for index in range(len(tokens)):
        if tokens[index].kind != WORD:
            continue
        lower = doc.lower(index)
        previous = doc.lower(index - 1) if index > 0 else ""
        if lower in _WRONGLY or (lower in _DUPLICATE and index + 1 < len(tokens)
                                 and doc.lower(index + 1) in _PAYMENT_NOUNS):
            start = index  # "billed incorrectly", "duplicate payments"
        elif ((previous, lower) in _WRONGLY_PAIRS and _after_verb(doc, index - 1)) or (
                lower in _TWICE and previous in _PAYMENT_VERBS):
            start = index - 1  # "sent by mistake", "charged twice"
        else:
            continue
        if _hypothetical(doc, start):
            continue
        return tokens[start].start, tokens[index].end
    return None


def _after_verb(doc: Doc, index: int) -> bool:
    """"sent in error", not "an error in error handling": a word in -ed, -en or "taken" before."""
    if index == 0 or doc.tokens[index - 1].kind != WORD:
        return False
    word = doc.lower(index - 1)
    return word.endswith(("ed", "en")) or word in _PAYMENT_VERBS


def _hypothetical(doc: Doc, index: int) -> bool:
    """A word of condition, prevention or possibility earlier in the sentence, or a negation
    up to four words before ("have not been entered incorrectly")."""
    sentence = doc.sentences[doc.tokens[index].sentence]
    for j in range(sentence.first, index):
        if doc.tokens[j].kind == WORD and doc.lower(j) in _NOT_AN_EVENT:
            return True
    for j in range(max(sentence.first, index - 4), index):
        if doc.lower(j) in _NEGATIONS or doc.lower(j).endswith("n't"):
            return True
    return False


_NEGATIONS = frozenset({"not", "never", "no"})


#: Active causatives: "caused", "led to", "resulted in" (the passive "caused by" is lexicon)
_CAUSATIVES = frozenset({"caused", "causing", "causes", "cause"})
_CAUSATIVE_PAIRS = frozenset({("led", "to"), ("leading", "to"), ("leads", "to"), ("resulted", "in"),
                              ("resulting", "in"), ("results", "in")})
#: What comes between a subject and its verb: "the update has also caused"
_AUXILIARIES = frozenset({"has", "have", "had", "also", "then", "in", "turn", "which", "that", "may", "might",
                          "could", "can", "will", "would", "subsequently", "directly", "eventually", "ultimately",
                          "unfortunately", "inadvertently", "accidentally"})
#: Objects that say how it felt, not what it did: "the inconvenience this has caused"
_FEELINGS = frozenset({"inconvenience", "inconveniences", "frustration", "frustrations", "concern", "concerns",
                       "distress", "upset", "anxiety", "worry", "worries", "stress", "confusion", "disappointment",
                       "hardship", "difficulty", "difficulties", "problems", "problem", "issues", "issue", "trouble",
                       "disruption", "disruptions", "impact", "any", "by", "for"})
#: Words before a causative that point back or name no cause
_NO_CAUSE = frozenset({"which", "that", "what", "who", "something", "anything", "nothing", "there", "here"})


def cause_named(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """A cause named as the subject of an active causative ("a certificate expiry caused the app
    to stop", "the lorry fire led to the closure"): the word before the verb (past auxiliaries)
    names a thing, not a pronoun, a generic or bare problem word, a time or a person; the verb's
    object is not a feeling ("the inconvenience caused")."""
    if doc.lang != "en":
        return None
    words = doc.surface_set
    if not (words & _CAUSATIVES or words & {"led", "leading", "leads", "resulted", "resulting", "results"}):
        return None
    unnamed = lex.keys_of("problem", "what_happened_bare", "problem_generic", "problem_party", "bare_modifier",
                          "+stop")
    tokens = doc.tokens
    for index in range(1, len(tokens) - 1):
        lower = doc.lower(index)
        if lower in _CAUSATIVES:
            verb_end = index
        elif (lower, doc.lower(index + 1)) in _CAUSATIVE_PAIRS:
            verb_end = index + 1
        else:
            continue
        sentence = tokens[index].sentence
        after = verb_end + 1
        if after >= len(tokens) or tokens[after].sentence != sentence or tokens[after].kind != WORD:
            continue
        if doc.lower(after) in _FEELINGS:
            continue
        # the word that names the cause: before the verb, past its auxiliaries
        j = index - 1
        while j >= 0 and tokens[j].kind == WORD and doc.lower(j) in _AUXILIARIES - _NO_CAUSE:
            j -= 1
        if j < 0 or tokens[j].kind != WORD or tokens[j].sentence != sentence:
            continue
        subject = doc.lower(j)
        if (subject in PRONOUNS or subject in _NO_CAUSE or subject in _FEELINGS or subject.endswith(("ed", "ly"))
                or doc.keys(j) & unnamed or subject[:1].isdigit()):
            continue
        if tokens[j].text[:1].isupper() and not doc.is_sentence_initial(j):
            continue  # "BT caused", "Epsilon caused": a party, which is blame's business
        return tokens[j].start, tokens[verb_end].end
    return None


#: "affected" and its kin as an active verb: "which affected email", "has disrupted payments"
_HIT_VERBS = frozenset({"affected", "impacted", "disrupted", "interrupted", "hit", "knocked"})
_ACTIVE_BEFORE = frozenset({"which", "that", "has", "have", "had", "also", "it", "this", "and", "then", "badly",
                            "severely", "seriously", "significantly"})
_OBJECT_SKIP = frozenset({"the", "a", "an", "our", "your", "their", "its", "some", "all", "many", "most", "several",
                          "on", "out", "both", "part", "parts", "of", "certain", "various", "key"})


def hit_object(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """(English) An active "affected|impacted|disrupted" names what is down by its object ("a
    problem which affected email being sent", "the fault has disrupted card payments"); "the
    customers affected by" (passive) and "which affected some customers" (people) do not."""
    if doc.lang != "en" or not doc.surface_set & _HIT_VERBS:
        return None
    people = lex.keys_of("problem_generic", "problem", "what_happened_bare", "+stop")
    tokens = doc.tokens
    for word in _HIT_VERBS & doc.surface_set:
        for index in doc.surface_positions[word]:
            if index == 0 or doc.lower(index - 1) not in _ACTIVE_BEFORE:
                continue
            sentence = tokens[index].sentence
            for j in range(index + 1, min(index + 5, len(tokens))):
                if tokens[j].sentence != sentence or tokens[j].kind != WORD:
                    break
                lower = doc.lower(j)
                if lower in _OBJECT_SKIP:
                    continue
                if lower in PRONOUNS or lower == "by" or doc.keys(j) & people:
                    break
                return tokens[index].start, tokens[j].end
    return None
