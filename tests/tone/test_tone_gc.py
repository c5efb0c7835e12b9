"""Checking a set pauses the cyclic garbage collector: that is only free while checking makes
no reference cycles (else a large set would hold its garbage until the set is done)."""

from __future__ import annotations

import gc

from crisisplay.tone.api import MessageText, lint_messages

SET = [
    MessageText("sms", "ВНИМАНИЕ!!! С 10:00 не работают переводы. Звоните 8 800 100-20-30. Новости в 14:00.", "sms"),
    MessageText("email", "Здравствуйте! Из-за сбоя у партнёра с 10:00 не проходят переводы, карты работают. "
                "Приносим извинения. Следующее сообщение — в 15:00, bank.ru/status, help@bank.ru.", "email"),
    MessageText("status_page", "Since 10:00 some customers cannot make transfers. Call +44 20 7946 0000; "
                "next update at 14:00. We guarantee it will be fixed within the hour!!", "status", locale="en"),
]


def test_the_collector_runs_again_after_a_set_and_stays_off_when_the_caller_turned_it_off() -> None:
    assert gc.isenabled()
    lint_messages(SET, locale=None, stage_kind="first_notice")
    assert gc.isenabled()
    gc.disable()
    try:
        lint_messages(SET, locale=None, stage_kind="first_notice")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_checking_a_set_leaves_no_cyclic_garbage() -> None:
    lint_messages(SET, locale=None, stage_kind="first_notice")  # first use compiles and caches
    gc.collect()
    gc.disable()
    try:
        found = lint_messages(SET, locale=None, stage_kind=None)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert found
    assert unreachable == 0


def test_a_rule_set_just_built_is_in_the_oldest_generation() -> None:
    """Its objects live as long as the process: promoted one generation at a time, they would
    set off a full collection during the first messages checked (see ``_settle_long_lived``)."""
    from crisisplay.tone import engine

    engine._CACHE.clear()
    ruleset = engine.build_ruleset("en")
    assert gc.is_tracked(ruleset)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(ruleset) in oldest
    assert id(ruleset.rules) in oldest
