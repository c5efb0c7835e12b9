"""Every rule's examples do what its card says: the failing one produces the rule, the passing
one does not (validate, render and lint alike; crisisplay.rulebook.examples runs them)."""

from __future__ import annotations

import pytest

from crisisplay.rulebook.cards import Example, RuleCard
from crisisplay.rulebook.examples import run_example
from crisisplay.rulebook.registry import all_cards

CARDS = all_cards()
#: Rules that no input can trigger, each with the reason in its card. Keep this short.
MAX_UNTESTABLE = 3


def _cases(kind: str) -> list[tuple[RuleCard, Example]]:
    return [(card, example) for card in CARDS for example in (card.fail if kind == "fail" else card.passing)]


def _id(case: tuple[RuleCard, Example]) -> str:
    card, example = case
    return f"{card.id}-{example.get('lang', '')}" if "lang" in example else card.id


FAILING = _cases("fail")
PASSING = _cases("pass")


@pytest.mark.parametrize(("card", "example"), FAILING, ids=[_id(c) for c in FAILING])
def test_the_failing_example_breaks_the_rule(card: RuleCard, example: Example) -> None:
    found = run_example(card, example)
    mine = [d for d in found if d.rule == card.id]
    assert mine, f"{card.id}: the failing example gave {sorted({d.rule for d in found})}"
    # The finding says what the card declares (a milder case may be one level lower, never another category).
    assert all(d.category == card.category for d in mine), [(d.category, card.category) for d in mine]
    assert any(d.severity == card.severity for d in mine), [d.severity.label for d in mine]


@pytest.mark.parametrize(("card", "example"), PASSING, ids=[_id(c) for c in PASSING])
def test_the_passing_example_does_not(card: RuleCard, example: Example) -> None:
    found = [d for d in run_example(card, example) if d.rule == card.id]
    assert not found, [d.message for d in found]


def test_every_rule_has_both_examples_or_says_why_not() -> None:
    untestable = [card for card in CARDS if card.untestable]
    assert len(untestable) <= MAX_UNTESTABLE, [card.id for card in untestable]
    for card in CARDS:
        if card.untestable:
            assert len(card.untestable.split()) >= 8, f"{card.id}: say why no input can trigger it"
            continue
        assert card.fail and card.passing, card.id


def test_every_family_is_in_the_registry() -> None:
    tools = {card.tool for card in CARDS}
    assert tools == {"validate", "render", "lint"}
    ids = [card.id for card in CARDS]
    assert len(ids) == len(set(ids))
    for required in ("CP001", "CP131", "CP201", "CP213", "CP214", "CP215", "CP304", "CP311", "CP314", "CP322",
                     "CP341", "ru.alarm", "en.address-person"):
        assert required in ids, required


def test_every_card_is_documented_in_both_languages() -> None:
    for card in CARDS:
        for lang in ("en", "ru"):
            assert card.summary.get(lang), (card.id, lang)
            assert len(card.rationale.get(lang, "").split()) >= 12, (card.id, lang, "a rationale says why")
        assert any("а" <= ch <= "я" for ch in card.rationale["ru"].lower()), card.id


def test_every_validate_check_has_a_card_and_every_card_a_home() -> None:
    import crisisplay.playbook.rules  # noqa: F401  (registers the checks)
    from crisisplay.playbook.rules.registry import checks

    validate = {card.id for card in CARDS if card.tool == "validate"}
    assert set(checks()) <= validate
    # The rest are the loader's findings, proven by their failing examples above.
    assert validate - set(checks()) == {"CP001", "CP002", "CP010", "CP011", "CP012"}
