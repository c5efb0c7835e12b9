"""The page's own words in the playbook's language (the page's ``lang``), English fallback.

Reviewers read the preview in the language the messages are written in, and a screen
reader pronounces the page with the voice of its ``lang``: the labels must match it. The
words live in ``crisisplay/data/wording/preview.<language>.yaml`` (see :mod:`crisisplay.wording`);
a count's noun takes the form CLDR's plural rule gives ("1 ошибка", "5 ошибок", "31,8 секунды"),
and numbers are written the language's way ("31,8", "1 352"; "31.8", "1,352").
"""

from __future__ import annotations

from collections.abc import Callable

from crisisplay.wording import wording_for


def labels_for(locale: str) -> dict[str, str]:
    """The labels for ``ru``, ``ru_RU``, ``ru-RU`` …; English for any other language."""
    return {**wording_for("preview", "en").texts(), **wording_for("preview", locale).texts()}


def plural_for(locale: str) -> Callable[[str, float], str]:
    """``plural("n_errors", 5)`` → ``"ошибок"``: the noun's form after a count."""
    words = wording_for("preview", locale)

    def plural(key: str, count: float) -> str:
        return words.plural(key, count)

    return plural


def number_for(locale: str) -> Callable[[float], str]:
    """A figure as the language writes it, at most one decimal: ``31,8``, ``1 352`` (CLDR)."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_decimal

    try:
        where = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        where = Locale.parse("en")

    def number(value: float) -> str:
        return str(format_decimal(shown_value(value), format="#,##0.#", locale=where))

    return number


def shown_value(value: float) -> float:
    """The value as displayed (one decimal; whole numbers as ints), for its plural form too:
    CLDR picks «3 части» for 3 but «3,0 части» for 3.0."""
    rounded = round(float(value), 1)
    return int(rounded) if rounded.is_integer() else rounded


def counted(locale: str, key: str, value: float) -> str:
    """A number and its noun: ``3 части``, ``173 знака``, ``31,8 секунды речи``."""
    shown = shown_value(value)
    return f"{number_for(locale)(shown)}\u00a0{plural_for(locale)(key, shown)}"


def part_label(labels: dict[str, str], part: str) -> str:
    return labels.get(f"part_{part}", part.replace("_", " ").capitalize())
