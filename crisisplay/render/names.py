"""People's names as CRM exports hold them, turned into what a greeting says.

Exports write names in capitals (``МАРИЯ``), in lower case, surname first (``соколов
дмитрий сергеевич``, ``SMITH, JOHN``). A crisis message that greets «Здравствуйте, МАРИЯ»
or uses a full name the way a tax form does reads as a robot's. The ``name`` filter
(:meth:`crisisplay.render.filters.Filters.name`) fixes the letter case of a name written
all in capitals or all in lower case (a name written with care, ``DeShawn``, is kept),
finds the given name, patronymic and surname, and returns the form asked for:

* ``greeting`` (the default): given name and patronymic in Russian («Дмитрий
  Сергеевич»), the given name in English («John»); nothing when the row only has a
  surname or a company name (the greeting then says just «Здравствуйте»);
* ``given``, ``surname``, ``full`` (given name, patronymic, surname in that order).

Russian roles come from pymorphy3 (its dictionary marks given names, surnames and
patronymics); patronymics are also recognised by their endings, so the usual export
order «Фамилия Имя Отчество» costs no dictionary look-up. Latin-script names are taken
as given name first, unless a comma says otherwise (``Smith, John``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FORMS = ("greeting", "given", "surname", "full")
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$")
_PATRONYMIC_TAIL = frozenset({"оглы", "кызы", "улы", "гызы"})
_LEGAL = frozenset({"ооо", "оао", "зао", "пао", "ао", "ип", "нко", "гуп", "муп", "llc", "ltd", "inc", "gmbh",
                    "plc", "corp", "co", "llp"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "ter", "ten", "bin",
                        "ibn", "al", "el", "dos", "das", "del"})
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SPLIT = re.compile(r"([-'’])")


@dataclass(frozen=True)
class NameParts:
    given: str = ""
    patronymic: str = ""
    surname: str = ""
    other: str = ""  # what is neither (a company name, unknown extra words)


def fix_case(token: str) -> str:
    """``ЁЛКИН`` → ``Ёлкин``, ``салтыков-щедрин`` → ``Салтыков-Щедрин``; mixed case is kept."""
    if not (token.isupper() or token.islower()):
        return token
    if len(token.rstrip(".")) == 1:
        return token.upper()
    return "".join(part.capitalize() if part not in "-'’" else part for part in _SPLIT.split(token.lower()))


@functools.lru_cache(maxsize=1)
def _morph() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=65536)
def _roles(word: str) -> frozenset[str]:
    """The name roles pymorphy3 gives a word in the nominative: Name, Surn, Patr."""
    found: set[str] = set()
    for parse in _morph().parse(word):  # type: ignore[attr-defined]
        if parse.tag.case == "nomn":
            found.update(role for role in ("Name", "Surn", "Patr") if role in parse.tag)
    return frozenset(found)


def _is_patronymic(word: str) -> bool:
    lower = word.lower().replace("ё", "е")
    return len(lower) > 4 and bool(_PATRONYMIC.search(lower))


def _russian(tokens: list[str]) -> NameParts:
    """Roles of Cyrillic name words, whatever their order."""
    words = list(tokens)
    # a Turkic patronymic in two words: «Гусейн оглы»
    for index in range(len(words) - 1, 0, -1):
        if words[index].lower() in _PATRONYMIC_TAIL:
            words[index - 1:index + 1] = [f"{words[index - 1]} {words[index].lower()}"]
    patronymic_at = next((i for i, w in enumerate(words) if i > 0 and (" " in w or _is_patronymic(w))), None)
    if patronymic_at is not None:
        given_at = patronymic_at - 1
        rest = [w for i, w in enumerate(words) if i not in (given_at, patronymic_at)]
        return NameParts(words[given_at], words[patronymic_at], " ".join(rest))
    if len(words) == 1:
        roles = _roles(words[0].lower().replace("ё", "е"))
        if "Name" in roles or not roles:
            return NameParts(given=words[0])
        return NameParts(surname=words[0])
    named = [i for i, w in enumerate(words) if "Name" in _roles(w.lower())]
    plain = [i for i in named if "Surn" not in _roles(words[i].lower())]
    given_at = (plain or named or [0])[0]
    rest = [w for i, w in enumerate(words) if i != given_at]
    return NameParts(words[given_at], "", " ".join(rest))


@functools.lru_cache(maxsize=65536)
def parse_name(text: str) -> NameParts:
    """A name as written in a CRM export, split into its parts, letter case fixed."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return NameParts()
    if "," in cleaned:  # "Smith, John", "Соколов, Дмитрий Сергеевич": surname first
        surname, _, rest = cleaned.partition(",")
        cleaned = f"{rest.strip()} {surname.strip()}".strip()
    raw = cleaned.split()
    if any(word.lower().strip(".,«»\"") in _LEGAL for word in raw):
        return NameParts(other=cleaned)  # a company, not a person
    tokens = [fix_case(word) for word in raw]
    if _CYRILLIC.search(cleaned):
        return _russian(tokens)
    tokens = [t if i == 0 or t.lower() not in _PARTICLES else t.lower() for i, t in enumerate(tokens)]
    if len(tokens) == 1:
        return NameParts(given=tokens[0])
    return NameParts(tokens[0], "", " ".join(tokens[1:]))


def name_form(text: str, form: str, language: str) -> str:
    """The ``form`` of a name (see :data:`FORMS`) for a message in ``language``."""
    parts = parse_name(text)
    if form == "greeting":
        if language == "ru" and parts.given and parts.patronymic:
            return f"{parts.given} {parts.patronymic}"
        return parts.given
    if form == "given":
        return parts.given
    if form == "surname":
        return parts.surname
    if parts.other:
        return parts.other
    return " ".join(p for p in (parts.given, parts.patronymic, parts.surname) if p)
