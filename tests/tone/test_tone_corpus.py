"""Precision and recall per category on the labelled corpus (tests/corpus/*.yaml).

Floors (docs/lint.md, "Proof"): every category at least 0.80 precision and 0.80 recall per
language, over the development and held-out parts together.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.80


def _scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_scoring", CORPUS / "scoring.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_scoring", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["ru", "en"])
def test_precision_and_recall_floors(language: str) -> None:
    scoring = _scoring()
    score = scoring.score(language)
    from crisisplay.tone.packs import LINT_CATEGORIES

    low = [
        f"{c}: P={score.precision(c):.2f} R={score.recall(c):.2f}"
        for c in LINT_CATEGORIES
        if score.precision(c) < PRECISION_FLOOR or score.recall(c) < RECALL_FLOOR
    ]
    assert not low, "under the floor:\n" + "\n".join(low) + "\n" + "\n".join(score.misses)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_corpus_is_labelled_and_covers_every_category(language: str) -> None:
    scoring = _scoring()
    data = scoring.load(language)
    from crisisplay.tone.packs import LINT_CATEGORIES

    positives = {c for entry in data["messages"] for c in entry["expect"]}
    positives |= {c for entry in data["sets"] for c in entry["expect"]}
    assert positives == set(LINT_CATEGORIES)
    assert any(not entry["expect"] for entry in data["messages"])  # good examples too
    ids = [entry["id"] for entry in data["messages"] + data["sets"]]
    assert len(ids) == len(set(ids))


#: What each stage kind requires (docs/lint.md "Required elements by stage"): a ``missing-*``
#: label on a stage that does not require the element would be a labelling slip.
_REQUIRED = {
    "first_notice": {"what-happened", "service-status", "contact", "next-update", "empathy"},
    "update": {"what-happened", "service-status", "contact", "next-update"},
    "resolution": {"what-happened", "service-status", "contact", "empathy"},
    "follow_up": {"contact", "empathy"},
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("round_mark", ["r25", "r32", "r33"])
def test_the_second_labellers_labels_cover_their_round_and_follow_the_stage_table(
    language: str, round_mark: str
) -> None:
    """tests/data/second_labeller/: rounds labelled again, blind, by another labeller
    (docs/lint.md "Rounds 23–26", "Rounds 34–35"); their ids are the round's, their labels the
    nine categories."""
    scoring = _scoring()
    second = scoring.second_labels(language, round_mark)
    entries = {e["id"]: e for e in scoring.load_real(language)["messages"] if f"-{round_mark}-" in e["id"]}
    assert set(second) == set(entries)
    for item_id, labels in second.items():
        assert labels <= set(scoring.REAL_CATEGORIES), item_id
        missing = {label.removeprefix("missing-") for label in labels if label.startswith("missing-")}
        assert missing <= _REQUIRED[entries[item_id]["stage"]], item_id


@pytest.mark.parametrize("language", ["ru", "en"])
def test_no_real_text_is_in_the_corpus_twice(language: str) -> None:
    """A statement quoted by two outlets is one text: a second copy in a later round is scored as
    blind although the rules have read the first, and two labels of one text pull the rules two
    ways. Texts are compared with their spacing and case evened out."""
    seen: dict[str, str] = {}
    twice = []
    for entry in _scoring().load_real(language)["messages"]:
        text = " ".join(entry["text"].split()).lower()
        if text in seen:
            twice.append((seen[text], entry["id"]))
        seen.setdefault(text, entry["id"])
    assert not twice


@pytest.mark.parametrize("language", ["ru", "en"])
def test_real_presence_labels_follow_the_stage_table(language: str) -> None:
    """A ``missing-*`` label on a real text whose stage does not require the element (an update is
    not checked for empathy) can never be found: it is a labelling slip, and it would count as a
    miss against every rule."""
    slips = [(entry["id"], entry["stage"], label)
             for entry in _scoring().load_real(language)["messages"]
             for label in entry["expect"]
             if label.startswith("missing-") and label.removeprefix("missing-") not in _REQUIRED[entry["stage"]]]
    assert not slips
