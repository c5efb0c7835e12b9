"""What happened, and what a problem affects, where English says it without a keyword.

Helpers of :mod:`crisisplay.tone.elements` for the phrasings real notices use:

* an event word that alone only says something is down ("the outage", "the current service
  disruption") says what happened when what failed is named before it ("an IT system
  outage") or the message says what is down ("we are fixing an outage; the app will not open");
* an event word that names a tool or a team ("our outage map", "maintenance crews") is no
  event (lexicon ``what_happened_exceptions``);
* what comes right before "affecting" names what the trouble is in ("the email notifications
  affecting some customers").
"""

from __future__ import annotations

from crisisplay.tone.doc import Doc
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import WORD

#: Words that point back at something (or are an article): they name nothing themselves.
PRONOUNS = frozenset({"it", "this", "that", "them", "they", "we", "you", "us", "its", "our", "the", "a", "an",
                      "это", "этот", "он", "она", "они", "мы", "вы"})
#: The event lists whose matches ``what_happened_exceptions`` can take back.
EXCEPTED_LISTS = frozenset({"what_happened", "what_happened_bare"})


def events(doc: Doc, lex: Lexicon, name: str) -> list[Match]:
    """The matches of lexicon ``name``, without those that name a tool or a team ("our outage
    map", "maintenance crews": lexicon ``what_happened_exceptions``)."""
    found = lex.get(name).find(doc)
    if not found or name not in EXCEPTED_LISTS or not lex.raw.get("what_happened_exceptions"):
        return found
    return outside(doc, found, lex.get("what_happened_exceptions").find(doc))


def outside(doc: Doc, found: list[Match], blocked: list[Match]) -> list[Match]:
    """The matches of ``found`` that overlap none of ``blocked``."""
    if not blocked:
        return found
    spans = [m.offsets(doc) for m in blocked]
    kept = []
    for match in found:
        start, end = match.offsets(doc)
        if not any(s < end and start < e for s, e in spans):
            kept.append(match)
    return kept


def down_named(doc: Doc, statuses: list[tuple[str, Match]]) -> bool:
    """Whether the message says what is down or limited ("the app will not open", "some
    customers cannot log in"): with that, "an outage" is the failure of that service and says
    what happened; alone, "the current service disruption" only says that something is down."""
    for state, match in statuses:
        if state == "available":
            continue
        first = doc.sentences[doc.tokens[match.first].sentence].first
        if not any(doc.lower(j) == "if" for j in range(first, match.first)):
            return True  # not "if anyone's bin has still not been collected"
    return False


def names_failed(doc: Doc, lex: Lexicon, index: int) -> bool:
    """An event word that alone only says something is down ("outage") says what happened when
    a word before it names what failed: "an IT system outage", "a network outage" — not "the
    outage", "this extended outage", "the current service disruption" (lexicon
    ``bare_modifier``; people such as "member outages" are skipped to the word before)."""
    bare = lex.keys_of("bare_modifier")
    generic = lex.keys_of("problem_generic", "+stop")
    sentence = doc.tokens[index].sentence
    for j in range(index - 1, max(index - 4, -1), -1):
        token = doc.tokens[j]
        if token.sentence != sentence or token.kind != WORD:
            break
        if len(token.text) > 1 and token.text.isupper():
            return True  # "an IT system outage", "an AWS outage": an abbreviation names it
        if doc.keys(j) & bare or doc.lower(j) in PRONOUNS:
            break
        if not doc.keys(j) & generic:
            return True
    return _failed_after(doc, lex, index)


_WHERE = frozenset({"at", "on", "of", "with"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "its", "one"})
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december"})


def _failed_after(doc: Doc, lex: Lexicon, index: int) -> bool:
    """(English) What failed named after the event word: "an outage at my VPS provider", "Outage
    on Facebook side", "a large-scale outage of CDK" — a party, a name or a service after
    "at", "on", "of", "with"; not a time ("the outage on Tuesday") or a generic word ("an
    outage in the area")."""
    sentence = doc.tokens[index].sentence
    if index + 2 >= len(doc.tokens) or doc.lower(index + 1) not in _WHERE:
        return False
    party = lex.keys_of("problem_party")
    for j in range(index + 2, min(index + 5, len(doc.tokens))):
        token = doc.tokens[j]
        lower = doc.lower(j)
        if token.sentence != sentence or token.kind != WORD or lower in _CALENDAR:
            return False
        if lower in _DETERMINERS:
            continue
        return bool(doc.keys(j) & party) or token.text[:1].isupper() or lower in lex.forms_of("service_word")
    return False


def affected_before(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """English: a noun right before "affecting" (lexicon ``affecting_verb``) names what the
    trouble is in ("email notifications affecting some customers") when it is no problem, event,
    generic or party word ("an issue affecting customers", "the storm affecting the area" name
    nothing)."""
    if doc.lang != "en":
        return None
    positions = doc.surface_positions
    problems = lex.keys_of("problem", "what_happened_bare")
    unnamed = lex.keys_of("problem", "what_happened_bare", "problem_generic", "problem_party", "bare_modifier",
                          "what_happened", "+stop")
    for word in lex.forms_of("affecting_verb") & doc.surface_set:
        for index in positions[word]:
            j = index - 1
            if j > 0 and doc.keys(j) & problems:
                j -= 1  # "card payment failures affecting …": the word before the problem
            if j < 0 or doc.tokens[j].kind != WORD or doc.tokens[j].sentence != doc.tokens[index].sentence:
                continue
            lower = doc.lower(j)
            if lower in PRONOUNS or lower.endswith("ly") or doc.keys(j) & unnamed:
                continue
            return doc.tokens[j].start, doc.tokens[index].end
    return None


def service_before_problem(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """English: a service named right before a problem word says what is down ("customers
    experienced broadband and TV issues", "if you have water outages", "card payment
    failures"); "the issues", "staffing issues", "weather problems" name no service (lexicon
    ``problem_head``, ``service_word`` and the ``services``)."""
    if doc.lang != "en":
        return None
    heads = lex.forms_of("problem_head") & doc.surface_set
    if not heads:
        return None
    named = {m.last for service in lex.services.values() for m in service.find(doc)}
    party = lex.keys_of("problem_party")
    service_words = lex.forms_of("service_word")
    positions = doc.surface_positions
    for word in heads:
        for index in positions[word]:
            j = index - 1
            sentence = doc.tokens[index].sentence
            if j < 0 or doc.tokens[j].kind != WORD or doc.tokens[j].sentence != sentence:
                continue
            if (doc.lower(j) in _SERVICE_NOUN and j > 0 and doc.tokens[j - 1].kind == WORD
                    and doc.tokens[j - 1].sentence == sentence):
                j -= 1  # "the fibre service disruption", "a water supply interruption": the word before says which
            if not (doc.lower(j) in service_words or j in named):
                continue
            after = range(index + 1, min(index + 7, len(doc.tokens)))
            if any(doc.tokens[k].sentence == sentence and doc.keys(k) & party for k in after):
                continue  # "a network issue with one of our providers": whose problem, not what is down
            before = range(max(0, j - 5), j)
            if any(doc.tokens[k].sentence == sentence and doc.keys(k) & party for k in before):
                continue  # "our API provider is having connection issues": theirs, not what is down
            return doc.tokens[j].start, doc.tokens[index].end
    return None


#: (English) Words for "the service" itself, between the word that names it and the problem word
_SERVICE_NOUN = frozenset({"service", "services", "supply", "supplies"})


def ru_equipment(doc: Doc, index: int, lex: Lexicon) -> bool:
    """Russian only: the noun at ``index`` names plant or equipment (lexicon ``equipment``:
    «на подстанции», «на элементе сетевого оборудования» say where it broke, not which service is
    down)."""
    if doc.lang != "ru":
        return False
    return bool(doc.keys(index) & lex.keys_of("equipment"))


#: How many tokens apart a service and a change of its state may stand and still be read as one
#: statement («отменён утренний рейс», «водоснабжение в контуре улиц А – Б – В предполагается
#: возобновить»: 11); a longer gap mostly joins two ideas of one long sentence
_NEAR = 11


def service_state_named(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """A service customers know by name (lexicon ``status_service``: «рейс», «водоснабжение»,
    "trains", "water supply") near a change of its state (lexicon ``status_change``:
    «отменён», «на паузе», «возобновят», "cancelled", "restored", "advisory") in one sentence
    says what is down, in any word order: «отменён утренний рейс», «самокаты возобновят работу»,
    "restore train services". Generic words («сервис», «системы», "service") are no service
    name: «восстановление сервиса» does not say which one; nor is «связи» of «в связи с» or of
    «узла связи» (equipment: where it broke), nor "Internet" of "your Internet service provider"."""
    if not lex.raw.get("status_service") or not lex.raw.get("status_change"):
        return None
    changed = [m.first for m in lex.get("status_change").find(doc) if not _ready_for(doc, lex, m.first)]
    if not changed:
        return None
    party = lex.keys_of("problem_party")
    named = [m.first for m in lex.get("status_service").find(doc)
             if not _in_svyazi_s(doc, m.first) and not _names_party(doc, m.last, party)
             and not (m.first > 0 and ru_equipment(doc, m.first - 1, lex))]
    for service in named:
        sentence = doc.tokens[service].sentence
        for change in changed:
            if abs(change - service) <= _NEAR and doc.tokens[change].sentence == sentence:
                first, last = min(service, change), max(service, change)
                return doc.tokens[first].start, doc.tokens[last].end
    return None


def _ready_for(doc: Doc, lex: Lexicon, index: int) -> bool:
    """Readiness for a change, or talk of it, is no change (lexicon ``status_readiness``: «бригады
    готовы к оперативному восстановлению электроснабжения», «организатор обсуждает отмену
    концертов», "crews are ready to restore power"); nor is a decision about it, which may not be
    taken (lexicon ``status_decision``: «решение об отмене концерта пока не принято»; not
    «принято решение не запускать работу курорта»: the change itself follows)."""
    ready = lex.keys_of("status_readiness")
    if any(doc.keys(j) & ready for j in range(max(index - 3, 0), index)):
        return True
    return (index > 1 and doc.lower(index - 1) in _ABOUT
            and bool(doc.keys(index - 2) & lex.keys_of("status_decision")))


#: The prepositions of a decision "about" a change
_ABOUT = ("об", "о", "about", "on")


def _names_party(doc: Doc, index: int, party: frozenset[str]) -> bool:
    """"your Internet service provider": the service word only says which party."""
    return any(doc.keys(j) & party for j in range(index + 1, min(index + 3, len(doc.tokens))))


def _in_svyazi_s(doc: Doc, index: int) -> bool:
    """«в связи с»: a preposition, not the phone network."""
    return doc.lang == "ru" and doc.lower(index) == "связи" and index > 0 and doc.lower(index - 1) == "в"
