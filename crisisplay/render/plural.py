"""Plural forms: Babel's CLDR plural category decides, words follow it.

``{{ n | plural('минута') }}`` gives «1 минута», «2 минуты», «5 минут», «1,5 минуты»;
give the word in the case you need (``plural('минуту')`` → «1 минуту», «2 минуты»,
«5 минут»). There are no hand-written number rules here: the category (one, few, many,
other) comes from CLDR through Babel, and Russian words are inflected for it with
pymorphy3. Explicit forms work for any locale: ``plural(one='minute', other='minutes')``
or positionally in CLDR order (``plural('minute', 'minutes')`` in English).
"""

from __future__ import annotations

import functools
from typing import Any

from crisisplay.errors import CrisisplayError

CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
_AGREEING = {"ADJF", "PRTF", "NUMR"}


class PluralError(ValueError):
    """Bad arguments to ``plural``; the engine reports it at the template line."""


@functools.lru_cache(maxsize=1)
def morph() -> Any:
    """pymorphy3's analyzer: loading its dictionaries takes a moment, so do it once."""
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise CrisisplayError(f"Russian inflection needs pymorphy3: {exc}") from None
    return pymorphy3.MorphAnalyzer()


def categories(locale: Any) -> tuple[str, ...]:
    """The plural categories a locale uses, in CLDR order (always ending with 'other')."""
    tags = set(locale.plural_form.tags) | {"other"}
    return tuple(tag for tag in CLDR_ORDER if tag in tags)


def category(locale: Any, number: float) -> str:
    return str(locale.plural_form(abs(number)))


def pick_form(locale: Any, number: float, positional: tuple[str, ...], named: dict[str, str]) -> str:
    """Choose among explicit forms by the CLDR category of ``number``."""
    forms = dict(named)
    if positional:
        order = categories(locale)
        if len(positional) != len(order):
            raise PluralError(
                f"plural() got {len(positional)} forms; locale {locale} needs {len(order)} "
                f"({', '.join(order)}) or named forms like one=…, other=…"
            )
        forms.update(zip(order, positional, strict=True))
    unknown = set(forms) - set(CLDR_ORDER)
    if unknown:
        raise PluralError(f"unknown plural category {sorted(unknown)[0]!r} (use {', '.join(CLDR_ORDER)})")
    chosen = forms.get(category(locale, number), forms.get("other"))
    if chosen is None:
        raise PluralError(f"plural() needs an 'other' form for {number!r}")
    return chosen


@functools.lru_cache(maxsize=4096)
def inflect_russian(word: str, cldr_category: str, case: str | None = None) -> str:
    """Inflect a Russian word or short phrase for a CLDR category (one/few/many/other).

    With a numeral in the nominative or accusative, Russian puts the noun in the genitive
    singular after 'few' numbers and the genitive plural after 'many'; in other cases the
    noun takes the plural of its own case. Adjectives agree in the genitive plural.
    """
    words = word.split()
    last = len(words) - 1
    return " ".join(_inflect_word(item, cldr_category, case, i < last) for i, item in enumerate(words))


def _inflect_word(word: str, cldr_category: str, case: str | None, modifier: bool = False) -> str:
    analyzer = morph()
    parses = [p for p in analyzer.parse(word) if p.tag.POS in ({"NOUN"} | _AGREEING)]
    if not parses:
        return word
    if modifier:  # before the noun of a phrase: read it as the adjective that agrees
        parses.sort(key=lambda p: p.tag.POS not in _AGREEING)
    parse = parses[0]
    own_case = case or parse.tag.case or "nomn"
    if own_case not in _CASES:
        raise PluralError(f"unknown grammatical case {own_case!r} (use {', '.join(_CASES)})")
    adjective = parse.tag.POS in _AGREEING
    direct = own_case in ("nomn", "accs")
    if cldr_category == "one":
        wanted = {own_case, "sing"}
    elif cldr_category == "few":
        wanted = ({"gent", "plur"} if adjective else {"gent", "sing"}) if direct else {own_case, "plur"}
    elif cldr_category == "many":
        wanted = {"gent", "plur"} if direct else {own_case, "plur"}
    else:  # 'other': fractions take the genitive singular ("1,5 минуты")
        wanted = {"gent", "sing"}
    inflected = parse.inflect(wanted)
    if inflected is None:
        return word
    result = str(inflected.word)
    return result[:1].upper() + result[1:] if word[:1].isupper() else result


def plural_word(locale: Any, number: float, positional: tuple[str, ...], named: dict[str, str],
                case: str | None = None) -> str:
    """The word (without the number) for ``number`` in ``locale``."""
    if named or len(positional) > 1:
        return pick_form(locale, number, positional, named)
    if len(positional) != 1:
        raise PluralError("plural() needs a word, or forms such as one='minute', other='minutes'")
    if locale.language == "ru":
        return inflect_russian(positional[0], category(locale, number), case)
    raise PluralError(
        f"plural({positional[0]!r}) can inflect Russian words only; for locale {locale} give the "
        "forms: plural(one='…', other='…')"
    )
