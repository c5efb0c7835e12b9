"""The one rule registry: every card of every family, read from where each family keeps them.

* validate (``CP0xx``, ``CP1xx``): ``crisisplay/playbook/rules/*.yaml``, each card file beside
  the module whose checks it declares (``stages.yaml`` for ``stages.py``; ``loading.yaml`` for
  the loader's findings);
* render (``CP2xx``): ``crisisplay/render/rules.yaml``;
* lint (``CP3xx`` and the ``ru.*``/``en.*`` rules): the bundled tone packs
  (``crisisplay/tone/packs/core.yaml``, ``ru.yaml``, ``en.yaml``), whose rules are cards too.

``crisisplay rules``, validate's and lint's SARIF rule metadata, and the severity and category
of every validate and render finding come from here.
"""

from __future__ import annotations

import functools
from importlib import resources

from crisisplay.diagnostics.model import Diagnostic, Location, RuleInfo
from crisisplay.rulebook.cards import TOOLS, RuleCard
from crisisplay.rulebook.files import load_card_file

#: Where each tool's card files are (package, file name pattern).
CARD_FILES = {"validate": ("crisisplay.playbook.rules", "*.yaml"), "render": ("crisisplay.render", "rules.yaml")}


@functools.cache
def cards_of(tool: str) -> tuple[RuleCard, ...]:
    """The cards of one tool: validate and render sorted by id; lint in pack order."""
    if tool == "lint":
        from crisisplay.tone.packs import bundled_cards

        return bundled_cards()
    package, pattern = CARD_FILES[tool]
    folder = resources.files(package)
    found: list[RuleCard] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and _matches(entry.name, pattern):
            card_file = load_card_file(entry.read_text("utf-8"), f"{package.replace('.', '/')}/{entry.name}")
            if card_file.tool != tool:
                raise RuntimeError(f"{entry.name} declares tool {card_file.tool!r}, expected {tool!r}")
            found.extend(card_file.cards)
    return tuple(sorted(found, key=lambda card: card.id))


def _matches(name: str, pattern: str) -> bool:
    return name.endswith(pattern[1:]) if pattern.startswith("*") else name == pattern


def all_cards() -> tuple[RuleCard, ...]:
    return tuple(card for tool in TOOLS for card in cards_of(tool))


@functools.cache
def _index() -> dict[str, RuleCard]:
    index: dict[str, RuleCard] = {}
    for card in all_cards():
        if card.id in index:
            raise RuntimeError(f"rule {card.id} is declared twice")
        index[card.id] = card
    return index


def card(rule_id: str) -> RuleCard:
    """The card of ``rule_id`` (any letter case); ``KeyError`` when there is none."""
    index = _index()
    if rule_id in index:
        return index[rule_id]
    folded = {key.casefold(): value for key, value in index.items()}
    return folded[rule_id.casefold()]


def tool_card(tool: str, rule_id: str) -> RuleCard:
    """A card of one tool, without reading the others' (validate and render need only theirs)."""
    return _by_tool(tool)[rule_id]


@functools.cache
def _by_tool(tool: str) -> dict[str, RuleCard]:
    return {card.id: card for card in cards_of(tool)}


def info(rule: RuleCard, lang: str = "en") -> RuleInfo:
    """What SARIF and ``crisisplay rules --format json`` show: the card in ``lang``."""
    summary, rationale = rule.summary_in(lang), rule.rationale_in(lang)
    doc = f"{summary}\n\n{rationale}" if rationale else summary
    return RuleInfo(rule.id, rule.name, rule.severity, rule.category, summary, doc, tool=rule.tool)


def infos(tool: str | None = None, lang: str = "en") -> tuple[RuleInfo, ...]:
    chosen = all_cards() if tool is None else cards_of(tool)
    return tuple(info(rule, lang) for rule in chosen)


def diagnostic(
    tool: str, rule_id: str, message: str, location: Location | None = None, *, fix: str = "",
    span: str = "", related: tuple[Location, ...] = (),
) -> Diagnostic:
    """A finding of ``rule_id`` with the severity and category its card declares."""
    rule = tool_card(tool, rule_id)
    return Diagnostic(rule_id, rule.severity, rule.category, message, location, span=span, fix=fix,
                      related=related, source=tool)
