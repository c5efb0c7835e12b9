"""Precision and recall per category on the labelled development corpus.

Run ``python tests/corpus/scoring.py`` for the table (docs/lint.md quotes it); the test in
``tests/tone/test_tone_corpus.py`` fails when a category drops under its floor.

A message counts as *predicted* for a category when lint reports at least one finding of
that category (any severity) on it alone; a set counts as predicted ``inconsistency`` when
the cross-channel checks report one. Totals are micro-averaged over messages and sets.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent
LANGUAGES = ("ru", "en")


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, item_id: str, expected: set[str], predicted: set[str], universe: set[str]) -> None:
        for category in universe:
            if category in expected and category in predicted:
                self.tp[category] += 1
            elif category in predicted:
                self.fp[category] += 1
                self.misses.append(f"{item_id}: unexpected {category}")
            elif category in expected:
                self.fn[category] += 1
                self.misses.append(f"{item_id}: missed {category}")

    def precision(self, category: str) -> float:
        found = self.tp[category] + self.fp[category]
        return self.tp[category] / found if found else 1.0

    def recall(self, category: str) -> float:
        wanted = self.tp[category] + self.fn[category]
        return self.tp[category] / wanted if wanted else 1.0

    def support(self, category: str) -> int:
        return self.tp[category] + self.fn[category]

    def f1(self, category: str) -> float:
        p, r = self.precision(category), self.recall(category)
        return 2 * p * r / (p + r) if p + r else 0.0

    def macro_f1(self, categories: tuple[str, ...]) -> float:
        scored = [c for c in categories if self.support(c) or self.fp[c]]
        return sum(self.f1(c) for c in scored) / len(scored) if scored else 1.0


def load(language: str) -> dict[str, Any]:
    data = yaml.safe_load((CORPUS / f"{language}.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def score(language: str, split: str | None = None) -> Score:
    from crisisplay.diagnostics.model import CATEGORIES
    from crisisplay.tone.api import MessageText, lint_messages
    from crisisplay.tone.packs import LINT_CATEGORIES

    data = load(language)
    result = Score()
    message_categories = {c for c in LINT_CATEGORIES if c != "inconsistency"}
    for entry in data.get("messages", []):
        if split is not None and entry.get("split", "dev") != split:
            continue
        expected = set(entry["expect"])
        unknown = expected - set(CATEGORIES)
        assert not unknown, f"{entry['id']}: unknown categories {unknown}"
        message = MessageText(entry.get("channel", "text"), entry["text"], entry["id"])
        found = lint_messages([message], locale=language, stage_kind=entry["stage"])
        result.add(entry["id"], expected, {d.category for d in found}, message_categories)
    for entry in data.get("sets", []) if split in (None, "dev") else []:
        messages = [
            MessageText(m["channel"], m["text"], f"{entry['id']}/{m['channel']}") for m in entry["messages"]
        ]
        found = lint_messages(messages, locale=language, stage_kind=entry["stage"])
        predicted = {d.category for d in found if d.rule.startswith("CP32")}
        result.add(entry["id"], set(entry["expect"]), predicted, {"inconsistency"})
    return result


#: The judgements measured on real published text (the issue's table): every other category is
#: left unlabelled in tests/corpus/real/*.yaml.
REAL_CATEGORIES = (
    "alarm", "blame", "speculation", "shouting", "missing-contact", "missing-next-update",
    "missing-empathy", "missing-what-happened", "missing-service-status",
)


def load_real(language: str) -> dict[str, Any]:
    data = yaml.safe_load((CORPUS / "real" / f"{language}.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def score_real(language: str, split: str | None = None) -> Score:
    """Real published messages (tests/corpus/real), scored on :data:`REAL_CATEGORIES` only."""
    from crisisplay.tone.api import MessageText, lint_messages

    result = Score()
    for entry in load_real(language)["messages"]:
        if split is not None and entry["split"] != split:
            continue
        expected = set(entry["expect"])
        assert expected <= set(REAL_CATEGORIES), f"{entry['id']}: {expected - set(REAL_CATEGORIES)}"
        message = MessageText(entry.get("channel", "text"), entry["text"], entry["id"])
        found = lint_messages([message], locale=language, stage_kind=entry["stage"])
        result.add(entry["id"], expected, {d.category for d in found}, set(REAL_CATEGORIES))
    return result


def real_table(scores: dict[str, Score]) -> str:
    lines = ["| category | " + " | ".join(f"{lang} P | {lang} R | {lang} F1 | n" for lang in scores) + " |",
             "|---|" + "---|---|---|---|" * len(scores)]
    for category in REAL_CATEGORIES:
        cells = [
            f"{s.precision(category):.2f} | {s.recall(category):.2f} | {s.f1(category):.2f} | {s.support(category)}"
            for s in scores.values()
        ]
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    lines.append("| **macro-F1** | " + " | ".join(
        f" | | **{s.macro_f1(REAL_CATEGORIES):.2f}** | " for s in scores.values()) + " |")
    return "\n".join(lines)


def table(scores: dict[str, Score]) -> str:
    from crisisplay.tone.packs import LINT_CATEGORIES

    lines = ["| category | " + " | ".join(f"{lang} P | {lang} R | {lang} n" for lang in scores) + " |",
             "|---|" + "---|---|---|" * len(scores)]
    for category in LINT_CATEGORIES:
        cells = []
        for s in scores.values():
            cells.append(f"{s.precision(category):.2f} | {s.recall(category):.2f} | {s.support(category)}")
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


SECOND_LABELLER = CORPUS.parent / "data" / "second_labeller"


def second_labels(language: str, round_mark: str) -> dict[str, set[str]]:
    """The blind second labeller's labels of a round (``second_labeller/<lang>_<round>.yaml``)."""
    data = yaml.safe_load((SECOND_LABELLER / f"{language}_{round_mark}.yaml").read_text("utf-8"))
    return {item_id: set(labels) for item_id, labels in data["labels"].items()}


def agreement(language: str, round_mark: str) -> dict[str, Score]:
    """Three comparisons on one doubly labelled round: the second labeller against the first (the
    corpus's ``expect``), lint against the first, lint against the second."""
    from crisisplay.tone.api import MessageText, lint_messages

    second = second_labels(language, round_mark)
    entries = [e for e in load_real(language)["messages"] if e["id"] in second]
    universe = set(REAL_CATEGORIES)
    result = {name: Score() for name in ("second vs first", "lint vs first", "lint vs second")}
    for e in entries:
        found = lint_messages([MessageText(e.get("channel", "text"), e["text"], e["id"])],
                              locale=language, stage_kind=e["stage"])
        linted = {d.category for d in found}
        result["second vs first"].add(e["id"], set(e["expect"]), second[e["id"]], universe)
        result["lint vs first"].add(e["id"], set(e["expect"]), linted, universe)
        result["lint vs second"].add(e["id"], second[e["id"]], linted, universe)
    return result


def _print_real(split: str | None) -> None:
    scores = {lang: score_real(lang, split) for lang in LANGUAGES}
    print(f"\n### real published messages: {split or 'all'}\n")
    print(real_table(scores))
    both = Score()
    for s in scores.values():
        both.tp.update(s.tp)
        both.fp.update(s.fp)
        both.fn.update(s.fn)
    print(f"\nmacro-F1 ru+en: {both.macro_f1(REAL_CATEGORIES):.2f}")
    for lang, s in scores.items():
        for line in s.misses:
            print(f"{lang} real/{split}: {line}")


if __name__ == "__main__":
    sys.path.insert(0, str(CORPUS.parent.parent))
    if sys.argv[1:2] == ["agreement"]:  # python tests/corpus/scoring.py agreement r25
        for lang in LANGUAGES:
            for name, s in agreement(lang, sys.argv[2]).items():
                print(f"\n### {lang} {sys.argv[2]}: {name}\n")
                print(real_table({lang: s}))
        sys.exit(0)
    if sys.argv[1:2] == ["real"]:
        for part in sys.argv[2:] or ["train", "holdout"]:
            _print_real(None if part == "all" else part)
        sys.exit(0)
    for part in (None, "dev", "holdout"):
        all_scores = {lang: score(lang, part) for lang in LANGUAGES if (CORPUS / f"{lang}.yaml").exists()}
        print(f"\n### {part or 'all'}\n")
        print(table(all_scores))
        if part is None:
            continue
        for lang, s in all_scores.items():
            for line in s.misses:
                print(f"{lang} {part}: {line}")
