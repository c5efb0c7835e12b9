"""The five elements a crisis message needs, and how each is found in a text.

Does the message say what happened, what works, how to reach us, when the next update comes,
and does it sound human? The ``presence`` rule kind (:mod:`crisisplay.tone.kinds.presence`,
rules CP310–CP314) asks these detectors.

The detectors look for real phrasings, not one keyword each:

* **what happened** — the event or its cause (pack lexicon ``what_happened``: «сбой»,
  «авария», «технические работы», «закрыть», «утечка», "outage", "power cut", "caused by"),
  more than the bare fact that something is unavailable: «приложение временно недоступно»
  alone does not say it. In a resolution notice, what was restored also counts.
* **service status** — the text names what is down or limited, or what still works: a
  status statement («работают как обычно», «недоступны», "are not working"), an alternative
  («можно оплатить картой», "you can still"), a problem word followed by what it affects
  («сбой в работе сервисов безналичных платежей», «задержки доставки», "issues with our
  app"), or — in a resolution notice — what was restored; not «мы работаем над», and not
  «возникшие проблемы» with nothing named.
* **contact** — a phone number (phonenumbers), a link, an e-mail address, or a named
  channel (chat in the app, the hotline, «напишите нам», "contact us").
* **next update** — a sentence that announces the next message (update cue) *and* names a
  time, a date, a relative time («через 2 часа») or a cadence («каждые 3 часа»). A cue
  without a time («будем держать в курсе», "we'll keep you posted") is a vague promise, and
  the finding says so.
* **empathy** — apology, regret, understanding or thanks.

Which elements a message needs depends on its stage (:data:`STAGE_ELEMENTS`), narrowed by the
playbook's ``tone.required``.
"""

from __future__ import annotations

from crisisplay.tone.base import CheckContext
from crisisplay.tone.contacts import find_contacts
from crisisplay.tone.doc import Doc
from crisisplay.tone.english_cues import brand_name, named_channel, negated_contact, product_name
from crisisplay.tone.english_presence import cause_named, counted_people, hit_object, wrong_action
from crisisplay.tone.events import (
    PRONOUNS,
    affected_before,
    down_named,
    events,
    names_failed,
    outside,
    ru_equipment,
    service_before_problem,
    service_state_named,
)
from crisisplay.tone.evidence import Evidence
from crisisplay.tone.lexicon import Lexicon
from crisisplay.tone.phrases import Match
from crisisplay.tone.text import PUNCT, WORD
from crisisplay.tone.update_cues import next_update

ELEMENTS = ("what_happened", "service_status", "contact", "next_update", "empathy")
STAGE_ELEMENTS: dict[str, tuple[str, ...]] = {
    "first_notice": ELEMENTS,
    "update": ("what_happened", "service_status", "contact", "next_update"),
    "resolution": ("what_happened", "service_status", "contact", "empathy"),
    "follow_up": ("contact", "empathy"),
    "internal": (),
    "custom": (),
}


def _first(matches: list[Match], doc: Doc) -> Evidence:
    if not matches:
        return Evidence(False)
    start, end = matches[0].offsets(doc)
    return Evidence(True, start, end)


def status_matches(doc: Doc, lex: Lexicon) -> list[tuple[str, Match]]:
    """(state, match) for every statement of service status, negations resolved."""
    return doc.memo(f"status:{id(lex)}", lambda: _status_matches(doc, lex))


def _status_matches(doc: Doc, lex: Lexicon) -> list[tuple[str, Match]]:
    # the exceptions and the statements taken so far, in one list: a later statement must
    # overlap none of them
    blocked = [m.offsets(doc) for m in lex.get("status_exceptions").find(doc)]
    result: list[tuple[str, Match]] = []
    for state in ("unavailable", "degraded", "available"):
        for match in lex.get(state).find(doc):
            start, end = match.offsets(doc)
            if any(s < end and start < e for s, e in blocked):
                continue
            if state == "available" and _preceded_by_negation(doc, match.first, lex):
                state_here = "unavailable"
            else:
                state_here = state
            blocked.append((start, end))
            result.append((state_here, match))
    result.sort(key=lambda item: item[1].first)
    return result


def _preceded_by_negation(doc: Doc, first: int, lex: Lexicon) -> bool:
    for j in range(first - 1, max(first - 3, -1), -1):
        token = doc.tokens[j]
        if token.sentence != doc.tokens[first].sentence:
            return False
        if token.kind == "word":
            return bool(doc.keys(j) & lex.negation) or doc.lower(j).endswith("n't")
    return False


def _names_what(doc: Doc, lex: Lexicon, index: int) -> bool:
    """A problem word at ``index`` followed (in its clause) by what it affects."""
    sentence = doc.tokens[index].sentence
    if index > 0 and doc.keys(index - 1) & _REFERRED_BY:
        # «нашли причину проблемы», «бригада прибыла на место аварии», «алгоритмы устранения аварий»:
        # the problem is referred to, not described
        return False
    generic = lex.keys_of("problem_generic", "+stop")
    party = lex.keys_of("problem_party")
    links = lex.get("problem_link")
    # Russian: a noun right after («задержки доставки»); English needs a link word, or a problem word
    # that is one ("affecting our services")
    linked = doc.lang == "ru" or bool(links.find(doc, index, index + 1))
    skip_party = False
    for j in range(index + 1, min(index + 9, len(doc.tokens))):
        token = doc.tokens[j]
        if token.sentence != sentence or (token.kind == PUNCT and token.text in ",.;:!?"):
            return False
        if token.kind != WORD:
            if linked and counted_people(doc, j):
                return True  # "affecting approximately 370 customers": those left without the service
            continue
        if doc.lower(j) in _APPROXIMATE and _before_count(doc, j):
            continue  # "approximately 370 customers": how many, not what is affected
        if doc.lang != "ru" and doc.lower(j) in (_NEXT_IDEA if linked else _NEXT_CLAUSE):
            return False  # "an impact on our service as vehicles …": the clause moves on
        if not linked:
            linked = bool(links.find(doc, j, j + 1))
            continue
        if doc.keys(j) & _SIDE:
            skip_party = True  # «на стороне Сбербанка», "on their side": whose, not what is affected
            continue
        if skip_party:
            if doc.tag_share(j, frozenset({"PREP"})) < 0.5 and not links.find(doc, j, j + 1):
                continue  # the party's words («процессингового центра»)
            skip_party = False
            continue
        if doc.keys(j) & party:
            return False  # "an issue with our upstream vendor": whose problem, not what it affects
        if doc.keys(j) & _RESPONSE and doc.tag_share(j, _SHORT_PARTICIPLE) >= 0.5:
            return False  # «для ликвидации аварии задействованы все службы»: who responds, not what is down
        if doc.keys(j) & generic or doc.lower(j) in PRONOUNS:
            continue
        if doc.lang != "ru" or token.text[:1].isupper() or doc.tag_share(j, frozenset({"NOUN"})) >= 0.5:
            if ru_equipment(doc, j, lex):
                return False  # «авария на одном из элементов оборудования»: where it broke, not what is down
            # "our payment provider": the word only says which party
            return not (j + 1 < len(doc.tokens) and doc.keys(j + 1) & party)
    return False


#: Words of how many, before a count: not what a problem affects
_APPROXIMATE = frozenset({"approximately", "about", "around", "roughly", "some", "over", "nearly", "almost",
                          "more", "than", "fewer", "less", "up", "under", "just", "около", "более", "менее",
                          "порядка", "свыше", "почти"})
def _before_count(doc: Doc, index: int) -> bool:
    """Whether the words of how many from ``index`` on lead to a number ("more than 370"), not
    a preposition's object ("an issue about the app")."""
    j = index
    while j < len(doc.tokens) and doc.tokens[j].kind == WORD and doc.lower(j) in _APPROXIMATE:
        j += 1
    return j < len(doc.tokens) and doc.tokens[j].kind not in (WORD, PUNCT)


def _problems(doc: Doc, lex: Lexicon) -> list[Match]:
    """Problem words; in English not those inside a status exception ("we are unable to
    ascertain a time when …": not knowing, not a service that is down)."""
    found = lex.get("problem").find(doc)
    if doc.lang != "en" or not found:
        return found
    return outside(doc, found, lex.get("status_exceptions").find(doc))


_SIDE = frozenset({"сторона", "side"})


#: English words after which a problem's clause is about something else: before its link word
#: ("elevated errors and response times with the API" still links), and after it
_NEXT_CLAUSE = frozenset({"as", "because", "since", "but", "so"})
_NEXT_IDEA = _NEXT_CLAUSE | {"while", "when", "and", "or"}
_REFERRED_BY = frozenset({"причина", "cause", "source", "источник", "место", "устранение", "ликвидация",
                          "локализация", "последствие"})
#: (Russian) Short participles of the response to a problem: after one («к устранению аварии
#: привлечены бригады») the clause names who responds, not what the problem affects
_RESPONSE = frozenset({"задействовать", "привлечь", "направить", "мобилизовать", "выделить", "создать",
                       "организовать", "возбудить", "вызвать", "выехать", "выслать"})
_SHORT_PARTICIPLE = frozenset({"PRTS"})


_WHAT_HAPPENED = ("what_happened",)
_WHAT_HAPPENED_RESOLVED = ("what_happened", "restore_cue", "resolution")  # what was restored counts too


def detect(element: str, doc: Doc, lex: Lexicon, ctx: CheckContext) -> Evidence:
    """Whether ``doc`` states ``element`` (one of :data:`ELEMENTS`)."""
    resolved = ctx.stage == "resolution"
    if element == "what_happened":
        # a pack with bare event words ("outage": the English one) also takes back tools and
        # teams ("outage map") and asks what failed before a bare word
        has_bare_events = "what_happened_bare" in lex.raw
        for name in _WHAT_HAPPENED_RESOLVED if resolved else _WHAT_HAPPENED:
            evidence = _first(events(doc, lex, name), doc)
            if evidence.found:
                return evidence
        said = _english_event(doc, lex)
        if said:
            return Evidence(True, *said)
        bare = events(doc, lex, "what_happened_bare") if has_bare_events else []
        if not bare:
            return Evidence(False)
        # "we are fixing an outage. … the app will not open"; not people left "without power" (a
        # count of those the outage reached, the same bare fact)
        if down_named(doc, [s for s in status_matches(doc, lex) if doc.lower(s[1].first) != "without"]):
            return _first(bare, doc)
        return _first([m for m in bare if names_failed(doc, lex, m.first)], doc)
    if element == "service_status":
        found = status_matches(doc, lex)
        if found:
            start, end = found[0][1].offsets(doc)
            return Evidence(True, start, end)
        for match in _problems(doc, lex):
            if _names_what(doc, lex, match.last):
                return Evidence(True, *match.offsets(doc))
        span = (affected_before(doc, lex) or service_before_problem(doc, lex) or hit_object(doc, lex)
                or service_state_named(doc, lex))
        return Evidence(True, *span) if span else Evidence(False)
    if element == "contact":
        contacts = [c for c in doc.memo("contacts", lambda: find_contacts(doc.text, doc.lang))
                    if not brand_name(doc.text[c.start : c.end], c.kind, doc.text[max(0, c.start - 8) : c.start])]
        if contacts:
            return Evidence(True, contacts[0].start, contacts[0].end)
        english = doc.lang == "en"
        channels = _first([m for m in lex.get("contact_channel").find(doc) if not product_name(doc, m)
                           and not (english and negated_contact(doc, m))], doc)
        if channels.found or not english:
            return channels
        named = named_channel(doc, lex)
        return Evidence(True, *named) if named else channels
    if element == "next_update":
        return next_update(doc, lex)
    return _first(lex.get("empathy").find(doc), doc)


def _english_event(doc: Doc, lex: Lexicon) -> tuple[int, int] | None:
    """(English) An event said by grammar (:mod:`crisisplay.tone.english_presence`): an action
    done wrongly, or a cause named as the subject of "caused"."""
    if doc.lang != "en":
        return None
    return doc.memo("en-event", lambda: wrong_action(doc, lex) or cause_named(doc, lex))


def infer_stage(doc: Doc, lex: Lexicon) -> str:
    """resolution when the problem is reported over, update when it goes on, else first_notice.

    A service that *was* down («с 9 до 11 не работала оплата», "payments were unavailable")
    does not make the problem ongoing; one that stopped («перестало работать») still does.
    """
    if not lex.get("resolution").find(doc):
        return "first_notice"
    if lex.get("ongoing").find(doc):
        return "first_notice"
    statuses = [*lex.get("unavailable").find(doc), *lex.get("degraded").find(doc)]
    if any(not _was(doc, match) for match in statuses):
        return "first_notice"
    return "resolution"


#: English words that put a status in the past: "was down", "were unavailable", "didn't work".
_PAST_EN = frozenset({"was", "were", "wasn't", "weren't", "had", "didn't"})
#: Russian: an imperfective past reading («не работала», «была недоступна», «не проходили»); a
#: perfective past («перестало работать», «отключили») leaves its result in place.
_PAST_IMPERFECTIVE = frozenset({"past", "impf"})


def _was(doc: Doc, match: Match) -> bool:
    """Whether a status phrase is in the past tense: its words or the two before them."""
    first = max(match.first - 2, doc.sentences[doc.tokens[match.first].sentence].first)
    span = range(first, match.last + 1)
    if doc.lang == "ru":
        past = set(doc.with_grammemes(_PAST_IMPERFECTIVE))
        return any(index in past for index in span)
    return any(doc.lower(index) in _PAST_EN for index in span)
