"""Reading rule files: the bundled card files of validate and render, and the tone packs.

Every rule file is YAML read through the project's safe loader (no tags, duplicate keys
refused, size limits) and checked for shape with the exact line of each problem. Checking is
work a second run need not repeat: the result is kept in lint's cache
(:mod:`crisisplay.tone.cache`) under the SHA-256 of the file's name and text, so an edited file
is a new key, and a file with errors is never cached.

A validate or render card file is::

    tool: validate              # or render
    rules:                      # cards (crisisplay.rulebook.cards)
      - id: CP131
        …
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from crisisplay.rulebook.cards import RuleCard, Shape, card_from_json, card_to_json, parse_card

if TYPE_CHECKING:
    from crisisplay.playbook.loader import Document

T = TypeVar("T")
FILE_KEYS = frozenset({"tool", "rules"})


def load_checked(
    space: str, name: str, text: str, parse: Callable[[Document], T],
    to_json: Callable[[T], Any], from_json: Callable[[Any], T | None],
) -> T:
    """``parse`` the YAML ``text`` of the file ``name``, or take its result from the cache."""
    from crisisplay.tone.cache import content_key, open_cache

    store = open_cache()
    key = content_key(name, text)
    if store is not None:
        cached = from_json(store.get(space, key))
        if cached is not None:
            return cached
    from crisisplay.playbook.loader import parse_text

    result = parse(parse_text(text, name))
    if store is not None:
        store.put_many(space, {key: to_json(result)})
    return result


class CardFile(NamedTuple):
    """A bundled validate or render card file."""

    tool: str
    cards: tuple[RuleCard, ...]


def parse_card_file(document: Document) -> CardFile:
    shape = Shape(document.source)
    top = shape.mapping(document.data, (), "a rule file")
    shape.keys(top, FILE_KEYS, (), "the rule file")
    tool = top.get("tool")
    if tool not in ("validate", "render"):
        raise shape.fail("'tool' must be validate or render (tone rules live in packs)", ("tool",))
    rules = top.get("rules")
    if not isinstance(rules, list) or not rules:
        raise shape.fail("'rules' must be a list of rule cards", ("rules",))
    cards = tuple(
        parse_card(shape.mapping(raw, ("rules", i), "a rule"), ("rules", i), shape, tool, complete=True)
        for i, raw in enumerate(rules)
    )
    return CardFile(tool, cards)


def card_file_to_json(card_file: CardFile) -> dict[str, Any]:
    return {"tool": card_file.tool, "cards": [card_to_json(card) for card in card_file.cards]}


def card_file_from_json(data: Any) -> CardFile | None:
    try:
        return CardFile(str(data["tool"]), tuple(card_from_json(c) for c in data["cards"]))
    except (KeyError, TypeError, ValueError):
        return None


def load_card_file(text: str, name: str) -> CardFile:
    return load_checked("cards", name, text, parse_card_file, card_file_to_json, card_file_from_json)
