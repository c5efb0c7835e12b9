"""Amounts of money and percentages in a message, normalised for comparison: «5 тыс. рублей»
is 5000 RUB, "$1.5m" is 1 500 000 USD, «12,5 %» is 12.5."""

from __future__ import annotations

import re
from collections.abc import Iterator

from crisisplay.lazy_re import LazyPattern

_MULT = {"тыс": 1e3, "млн": 1e6, "млрд": 1e9, "k": 1e3, "m": 1e6, "bn": 1e9, "thousand": 1e3,
         "million": 1e6, "billion": 1e9}
_CURRENCY = [("RUB", ("₽", "руб", "р.")), ("USD", ("$", "usd", "долл", "dollar")),
             ("EUR", ("€", "eur", "евро")), ("GBP", ("£", "gbp", "pound", "фунт"))]
_NUM = r"(?P<num>\d{1,3}(?:[ \u00a0,]\d{3})+|\d+(?:[.,]\d+)?)"
_MULT_RE = r"(?:\s*(?P<mult>тыс\.?|млн\.?|млрд\.?|k\b|m\b|bn\b|thousand|million|billion))?"
_AMOUNT_RES = (
    # «[$£]|(?>[€₽])» is «[$€£₽]»: one class of Latin-1 and other characters in more than two runs
    # compiles to a 64K-entry bitmap (about a million instructions on every start); the atomic
    # group keeps the parser from merging the two halves back into that one class.
    re.compile(rf"(?P<cur>[$£]|(?>[€₽]))\s*{_NUM}{_MULT_RE}", re.I),
    re.compile(
        rf"{_NUM}{_MULT_RE}\s*(?P<cur>₽|руб\w*\.?|р\.|\$|€|£|долл\w*|usd|eur|gbp|евро|dollars?|euros?|pounds?|фунт\w*)",
        re.I,
    ),
)
_PERCENT_RE = LazyPattern(rf"{_NUM}\s*(?:%|процент\w*|per\s?cent)", re.I)
#: What an amount (its currency) and a percentage cannot be written without, case-folded: a
#: message without any skips those patterns, which would try every position of it. (Every
#: character that ``re.I`` lets match a letter of these case-folds to that letter.)
_AMOUNT_MARKERS = ("₽", "$", "€", "£", "руб", "р.", "долл", "usd", "eur", "gbp", "евро", "dollar", "pound", "фунт")
_PERCENT_MARKERS = ("%", "процент", "cent")


def _marked(folded: str, markers: tuple[str, ...]) -> bool:
    """Whether ``folded`` holds one of ``markers``. Substring tests, not one search for all the
    markers: that pattern's first characters (Cyrillic, «€», «$»…) make a class that costs a
    million instructions to compile on every start, and a message is scanned about as fast."""
    return any(marker in folded for marker in markers)


def _amount(match: re.Match[str]) -> tuple[float, str] | None:
    raw = match.group("num").replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", raw):
        raw = raw.replace(" ", "").replace(",", "")
    try:
        value = float(raw.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    mult = (match.group("mult") or "").lower().rstrip(".")
    value *= _MULT.get(mult, 1.0)
    cur = match.group("cur").lower()
    for code, prefixes in _CURRENCY:
        if cur.startswith(prefixes):
            return value, code
    return None


def find_amounts(text: str, folded: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, tuple[float, str]]]:
    """(start, end, (value, currency code)) of each amount of money in ``text`` that overlaps no
    span of ``taken`` (nor an amount found before it); ``folded``: ``text.casefold()``."""
    if not _marked(folded, _AMOUNT_MARKERS):
        return
    taken = list(taken)
    for pattern in _AMOUNT_RES:
        for match in pattern.finditer(text):
            parsed = _amount(match)
            if parsed is None or any(s < match.end() and match.start() < e for s, e in taken):
                continue
            yield match.start(), match.end(), parsed
            taken.append(match.span())


def find_percentages(text: str, folded: str) -> Iterator[tuple[int, int, float]]:
    """(start, end, share) of each percentage in ``text``; ``folded``: ``text.casefold()``."""
    if not _marked(folded, _PERCENT_MARKERS):
        return
    for match in _PERCENT_RE.finditer(text):
        yield match.start(), match.end(), float(match.group("num").replace(",", ".").replace(" ", ""))
