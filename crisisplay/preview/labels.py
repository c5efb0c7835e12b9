"""The page's own words in the playbook's language (the page's ``lang``), English fallback.

Reviewers read the preview in the language the messages are written in, and a screen
reader pronounces the page with the voice of its ``lang``: the labels must match it. The
words live in ``crisisplay/data/wording/preview.<language>.yaml`` (see :mod:`crisisplay.wording`);
a count's noun takes the form CLDR's plural rule gives ("1 ошибка", "5 ошибок").
"""

from __future__ import annotations

from collections.abc import Callable

from crisisplay.wording import wording_for


def labels_for(locale: str) -> dict[str, str]:
    """The labels for ``ru``, ``ru_RU``, ``ru-RU`` …; English for any other language."""
    return {**wording_for("preview", "en").texts(), **wording_for("preview", locale).texts()}


def plural_for(locale: str) -> Callable[[str, int], str]:
    """``plural("n_errors", 5)`` → ``"ошибок"``: the noun's form after a count."""
    words = wording_for("preview", locale)

    def plural(key: str, count: int) -> str:
        return words.plural(key, count)

    return plural


def part_label(labels: dict[str, str], part: str) -> str:
    return labels.get(f"part_{part}", part.replace("_", " ").capitalize())
