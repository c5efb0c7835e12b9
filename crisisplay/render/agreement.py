"""Status phrases that agree with the service they describe.

«оплата связи: временно недоступна», «приложение и личный кабинет: временно недоступны»,
«связь и домашний интернет: работают как обычно» — in Russian the predicate takes the
gender and number of the service name's head noun, and two names joined by «и» are
plural. pymorphy3 finds the head (the first noun in the nominative, adjectives before it
skipped) and inflects the predicate's marked words: ``[недоступный]`` becomes a short
adjective, ``[приостановленный]`` a short participle, ``[работать]`` a present-tense
verb. English labels need no agreement ("temporarily unavailable", "working as usual").

A playbook can still word a status its own way per service (``phrases:`` in the
service), which wins over the built phrase. Phrases are cached: a mass render asks for
the same few (name, status) pairs millions of times.
"""

from __future__ import annotations

import functools
import re

from crisisplay.render.locale import language

#: How each status reads. ``[word]`` agrees with the service name (Russian).
STATUS_PHRASES: dict[str, dict[str, str]] = {
    "ru": {
        "available": "[работать] как обычно",
        "degraded": "[работать] с перебоями",
        "unavailable": "временно [недоступный]",
        "moved_online": "[работать] онлайн",
        "frozen": "временно [приостановленный]",
    },
    "en": {
        "available": "working as usual",
        "degraded": "working with interruptions",
        "unavailable": "temporarily unavailable",
        "moved_online": "available online",
        "frozen": "paused for now",
    },
}
FORMS = ("masc", "femn", "neut", "plur")
_MARKED = re.compile(r"\[([^\]]+)\]")
#: Words (a hyphenated compound counts as its last part: «СМС-уведомления», «Telegram-бот»).
_WORD = re.compile(r"(?:[\w]+-)*([А-Яа-яЁёA-Za-z]+)|(,)")
_COORDINATORS = frozenset({"и", ","})


_EN_AGREEING = {"be": ("is", "are"), "have": ("has", "have"), "work": ("works", "work"),
                "do": ("does", "do")}


def agree(subject: object, phrase: str, locale_name: str) -> str:
    """``phrase`` with its ``[marked]`` words agreeing with ``subject``.

    ``subject`` is a service (or anything with a ``name``), a name, or a list of them: two
    or more are plural. Russian inflects with pymorphy3 («снова [работать]» → «снова
    работает» / «снова работают»); English knows be/have/work/do by number.
    """
    items = list(subject) if isinstance(subject, (list, tuple)) else [subject]
    names = [str(getattr(item, "name", item)) for item in items]
    lang = language(locale_name)
    if lang == "ru":
        form = "plur" if len(names) != 1 else agreement_form(names[0])
        return _MARKED.sub(lambda match: inflect(match.group(1), form), phrase)
    plural = len(names) != 1 or " and " in names[0]
    return _MARKED.sub(
        lambda match: _EN_AGREEING.get(match.group(1), (match.group(1), match.group(1)))[plural], phrase)


def status_phrase(name: str, status: str, locale_name: str, override: str | None = None) -> str:
    """How ``status`` reads for the service called ``name`` (agreed in Russian)."""
    if override:
        return override
    return _phrase(name, status, language(locale_name))


@functools.lru_cache(maxsize=4096)
def _phrase(name: str, status: str, lang: str) -> str:
    phrases = STATUS_PHRASES.get(lang, STATUS_PHRASES["en"])
    template = phrases.get(status, status.replace("_", " "))
    if "[" not in template:
        return template
    form = agreement_form(name) if lang == "ru" else "neut"
    return _MARKED.sub(lambda match: inflect(match.group(1), form), template)


@functools.lru_cache(maxsize=4096)
def agreement_form(name: str) -> str:
    """``masc``, ``femn``, ``neut`` or ``plur``: what a predicate about ``name`` agrees with.

    «оплата связи» → femn (the genitive «связи» is a dependent), «смена тарифа и
    подключение услуг» → plur (two heads joined by «и»), «сроки доставки» → plur. A
    name with no recognisable Russian noun reads as neuter («временно недоступно»).
    """
    from crisisplay.render.plural import morph

    analyzer = morph()
    heads: list[str] = []
    expecting = True
    for word, comma in _WORD.findall(name):
        lower = (word or comma).lower()
        if lower in _COORDINATORS:
            expecting = True
            continue
        if not expecting or not ("а" <= lower[0] <= "я" or lower[0] == "ё"):
            continue
        head = _nominative_noun(analyzer, lower)
        if head is not None:
            heads.append(head)
            expecting = False
    if not heads:
        return "neut"
    if len(heads) > 1:
        return "plur"
    return heads[0]


def _nominative_noun(analyzer: object, word: str) -> str | None:
    """The form of ``word`` as a noun in the nominative, or None if it cannot be one."""
    parses = analyzer.parse(word)  # type: ignore[attr-defined]
    for parse in parses:
        tag = parse.tag
        if tag.POS == "NOUN" and tag.case == "nomn":
            if tag.number == "plur" or "Pltm" in tag:
                return "plur"
            return str(tag.gender or "neut") if tag.gender in ("masc", "femn", "neut") else "neut"
    return None


@functools.lru_cache(maxsize=512)
def inflect(lemma: str, form: str) -> str:
    """``недоступный`` → «недоступна» (femn), ``работать`` → «работают» (plur)."""
    from crisisplay.render.plural import morph

    number = "plur" if form == "plur" else "sing"
    for parse in morph().parse(lemma):
        pos = parse.tag.POS
        if pos == "ADJF":
            wanted = {"ADJS", "plur"} if number == "plur" else {"ADJS", form}
        elif pos == "PRTF":
            wanted = {"PRTS", "plur"} if number == "plur" else {"PRTS", form}
        elif pos == "INFN":
            wanted = {"VERB", "pres", "3per", number}
            if "perf" in parse.tag:
                wanted = {"VERB", "futr", "3per", number}
        else:
            continue
        inflected = parse.inflect(wanted)
        if inflected is not None:
            return str(inflected.word)
    return lemma
