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
  customers");
* **a count of those affected after a problem word** — "a switch tripped …, affecting
  approximately 370 customers": a number and whom it counts name those left without the service.

The words of each (lexicon ``error_adverb``, ``payment_verb``, ``cause_verb``, ``hit_verb``, …
of the English pack) are compared as written: a detector asks for a word's own form.
Function words (auxiliaries, negations, pronouns, determiners) stay here.
"""

from __future__ import annotations

from crisisplay.tone.doc import Doc
from crisisplay.tone.events import PRONOUNS
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.text import NUMBER, WORD


def wrong_action(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """An action done wrongly ("billed incorrectly", "charged twice", "duplicate payments"),
    outside a clause of condition, prevention or possibility (lexicon ``error_adverb``,
    ``error_phrase``, ``payment_verb``, ``payment_twice``, ``payment_duplicate``,
    ``payment_noun``, ``error_unreal``)."""
    if doc.lang != "en":
        return None
    words = doc.surface_set
    wrongly = lex.forms_of("error_adverb")
    pairs = lex.written_of("error_phrase")
    twice = lex.forms_of("payment_twice")
    duplicate = lex.forms_of("payment_duplicate")
    if not (words & wrongly or words & ({p[-1] for p in pairs if len(p) == 2} | twice | duplicate)):
        return None
    payment_verbs = lex.forms_of("payment_verb")
    payment_nouns = lex.forms_of("payment_noun")
    unreal = lex.forms_of("error_unreal")
    tokens = doc.tokens
    for index in range(len(tokens)):
        if tokens[index].kind != WORD:
            continue
        lower = doc.lower(index)
        previous = doc.lower(index - 1) if index > 0 else ""
        if lower in wrongly or (lower in duplicate and index + 1 < len(tokens)
                                and doc.lower(index + 1) in payment_nouns):
            start = index  # "billed incorrectly", "duplicate payments"
        elif ((previous, lower) in pairs and _after_verb(doc, index - 1, payment_verbs)) or (
                lower in twice and previous in payment_verbs):
            start = index - 1  # "sent by mistake", "charged twice"
        else:
            continue
        if _hypothetical(doc, start, unreal):
            continue
        return tokens[start].start, tokens[index].end
    return None


def _after_verb(doc: Doc, index: int, payment_verbs: frozenset[str]) -> bool:
    """"sent in error", not "an error in error handling": a word in -ed, -en or a payment verb
    ("taken") before."""
    if index == 0 or doc.tokens[index - 1].kind != WORD:
        return False
    word = doc.lower(index - 1)
    return word.endswith(("ed", "en")) or word in payment_verbs


def _hypothetical(doc: Doc, index: int, unreal: frozenset[str]) -> bool:
    """A word of condition, prevention or possibility earlier in the sentence (``unreal``), or a
    negation up to four words before ("have not been entered incorrectly")."""
    sentence = doc.sentences[doc.tokens[index].sentence]
    for j in range(sentence.first, index):
        if doc.tokens[j].kind == WORD and doc.lower(j) in unreal:
            return True
    for j in range(max(sentence.first, index - 4), index):
        if doc.lower(j) in _NEGATIONS or doc.lower(j).endswith("n't"):
            return True
    return False


_NEGATIONS = frozenset({"not", "never", "no"})


#: What comes between a subject and its verb: "the update has also caused"
_AUXILIARIES = frozenset({"has", "have", "had", "also", "then", "in", "turn", "which", "that", "may", "might",
                          "could", "can", "will", "would", "subsequently", "directly", "eventually", "ultimately",
                          "unfortunately", "inadvertently", "accidentally"})
#: Objects of a causative that name no effect beside lexicon ``caused_feeling`` ("caused any
#: inconvenience", "caused by", "caused for"): function words
_NO_EFFECT = frozenset({"any", "by", "for"})
#: Words before a causative that point back or name no cause
_NO_CAUSE = frozenset({"which", "that", "what", "who", "something", "anything", "nothing", "there", "here"})


def cause_named(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """A cause named as the subject of an active causative ("a certificate expiry caused the app
    to stop", "the lorry fire led to the closure"): the word before the verb (past auxiliaries)
    names a thing, not a pronoun, a generic or bare problem word, a time or a person; the verb's
    object is not a feeling ("the inconvenience caused"). Lexicon ``cause_verb`` (one word, or a
    verb and its particle), ``caused_feeling``."""
    if doc.lang != "en":
        return None
    words = doc.surface_set
    causatives = lex.forms_of("cause_verb")
    pairs = lex.written_of("cause_verb")
    if not (words & causatives or words & {p[0] for p in pairs if len(p) == 2}):
        return None
    feelings = lex.forms_of("caused_feeling")
    unnamed = lex.keys_of("problem", "what_happened_bare", "problem_generic", "problem_party", "bare_modifier",
                          "+stop")
    tokens = doc.tokens
    for index in range(1, len(tokens) - 1):
        lower = doc.lower(index)
        if lower in causatives:
            verb_end = index
        elif (lower, doc.lower(index + 1)) in pairs:
            verb_end = index + 1
        else:
            continue
        sentence = tokens[index].sentence
        after = verb_end + 1
        if after >= len(tokens) or tokens[after].sentence != sentence or tokens[after].kind != WORD:
            continue
        if doc.lower(after) in feelings or doc.lower(after) in _NO_EFFECT:
            continue
        # the word that names the cause: before the verb, past its auxiliaries
        j = index - 1
        while j >= 0 and tokens[j].kind == WORD and doc.lower(j) in _AUXILIARIES - _NO_CAUSE:
            j -= 1
        if j < 0 or tokens[j].kind != WORD or tokens[j].sentence != sentence:
            continue
        subject = doc.lower(j)
        if (subject in PRONOUNS or subject in _NO_CAUSE or subject in feelings or subject in _NO_EFFECT
                or subject.endswith(("ed", "ly"))
                or doc.keys(j) & unnamed or subject[:1].isdigit()):
            continue
        if tokens[j].text[:1].isupper() and not doc.is_sentence_initial(j):
            continue  # "BT caused", "Epsilon caused": a party, which is blame's business
        return tokens[j].start, tokens[verb_end].end
    return None


#: Words right before an active "affected" (lexicon ``hit_verb``): "which affected email", "has
#: disrupted payments"
_ACTIVE_BEFORE = frozenset({"which", "that", "has", "have", "had", "also", "it", "this", "and", "then", "badly",
                            "severely", "seriously", "significantly"})
_OBJECT_SKIP = frozenset({"the", "a", "an", "our", "your", "their", "its", "some", "all", "many", "most", "several",
                          "on", "out", "both", "part", "parts", "of", "certain", "various", "key"})


def hit_object(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """(English) An active "affected|impacted|disrupted" names what is down by its object ("a
    problem which affected email being sent", "the fault has disrupted card payments"); "the
    customers affected by" (passive) and "which affected some customers" (people) do not
    (lexicon ``hit_verb``)."""
    if doc.lang != "en":
        return None
    hit_verbs = lex.forms_of("hit_verb")
    if not doc.surface_set & hit_verbs:
        return None
    people = lex.keys_of("problem_generic", "problem", "what_happened_bare", "+stop")
    tokens = doc.tokens
    for word in hit_verbs & doc.surface_set:
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


#: Those a count after a problem word counts: "affecting 370 customers"
_COUNTED = frozenset({"customers", "homes", "households", "properties", "premises", "residents", "users",
                      "subscribers", "accounts", "clients", "passengers", "businesses"})


def counted_people(doc: Doc, index: int) -> bool:
    """A number at ``index`` followed by those it counts ("370 customers"), in English."""
    after = index + 1
    return (doc.lang == "en" and doc.tokens[index].kind == NUMBER and after < len(doc.tokens)
            and doc.tokens[after].sentence == doc.tokens[index].sentence and doc.lower(after) in _COUNTED)
