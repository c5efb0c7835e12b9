"""What the real-text round tests (test_real_*_round*.py, test_status_round11.py) ask of lint:
the categories of one message, linted alone as an e-mail."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crisisplay.tone.api import MessageText, lint_messages


def categories(text: str, lang: str, stage: str | None, channel: str = "email") -> set[str]:
    """The lint categories of ``text`` in ``lang`` at ``stage`` (None: inferred)."""
    return {d.category for d in lint_messages([MessageText(channel, text, "m.txt")], locale=lang, stage_kind=stage)}


#: The categories the family tables name (``crisisplay rules`` documents them)
ALARM = "alarm"
BLAME = "blame"
SPECULATION = "speculation"
SHOUTING = "shouting"
WHAT_HAPPENED = "missing-what-happened"
SERVICE_STATUS = "missing-service-status"
CONTACT = "missing-contact"
NEXT_UPDATE = "missing-next-update"
EMPATHY = "missing-empathy"

#: A family of phrasings: (category, whether its variants are reported, variants, near misses
#: that go the other way).
Family = tuple[str, bool, list[str], list[str]]


def family_cases(families: dict[str, Family]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(family, text) pairs for ``pytest.mark.parametrize``: every variant, every near miss."""
    variants = [(name, text) for name, (_c, _r, texts, _n) in families.items() for text in texts]
    near_misses = [(name, text) for name, (_c, _r, _v, texts) in families.items() for text in texts]
    return variants, near_misses


FamilyTest = Callable[[str, str], None]


def family_tests(families: dict[str, Family], lang: str, stage: str = "update") -> tuple[FamilyTest, FamilyTest]:
    """The two tests of a family table, for a test module to bind to its own names: every
    variant judged as its family says, every near miss the other way round."""
    variants, near_misses = family_cases(families)

    def judged(family: str, text: str) -> bool:
        category, _reported, _variants, _near = families[family]
        return category in categories(text, lang, stage)

    @pytest.mark.parametrize(("family", "text"), variants)
    def test_every_variant_of_a_family_is_judged(family: str, text: str) -> None:
        assert judged(family, text) is families[family][1], text

    @pytest.mark.parametrize(("family", "text"), near_misses)
    def test_near_misses_go_the_other_way(family: str, text: str) -> None:
        assert judged(family, text) is not families[family][1], text

    return test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way


def needed_rule_test(families: dict[str, Family], lang: str, rule: str, stage: str = "update") -> FamilyTest:
    """A test that every reported variant needs ``rule``: with it disabled, no other rule
    reports the variant's category (the family is the rule's own, not a restatement)."""
    variants = [(name, text) for name, text in family_cases(families)[0] if families[name][1]]

    @pytest.mark.parametrize(("family", "text"), variants)
    def test_the_variants_need_the_rule(family: str, text: str) -> None:
        found = lint_messages([MessageText("email", text, "m.txt")], locale=lang, stage_kind=stage, disable=[rule])
        assert families[family][0] not in {d.category for d in found}, text

    return test_the_variants_need_the_rule
