"""Rules of every family declared one way: cards with examples, one registry, one document.

* :mod:`~crisisplay.rulebook.cards` — the card shape (id, name, severity, category, summary,
  rationale, a failing and a passing example) and its checks;
* :mod:`~crisisplay.rulebook.files` — reading card files and packs through one cached loader;
* :mod:`~crisisplay.rulebook.registry` — every card, by tool and by id;
* :mod:`~crisisplay.rulebook.examples` — running a card's examples (tests/rules/test_rule_examples.py);
* :mod:`~crisisplay.rulebook.document` — ``crisisplay rules --doc`` and docs/rules.md.

Nothing here imports Jinja2, Babel or pymorphy3 until an example runs.
"""
