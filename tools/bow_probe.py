"""Would a bag-of-words model beside the rules help on unseen text? A rolling-origin probe.

For every blind round in a file written by ``tools/blind_audit.py --save``, a logistic
regression over lint's own lemma keys (unigrams and bigrams, punctuation breaking a bigram) is
trained only on the corpus entries of earlier rounds (the labelled development corpus and the
real entries without a round mark count as round 0), and its judgement is added to the blind
rules' findings where its probability reaches a threshold. Pooled over the rounds, the script
prints precision / recall / F1 of the blind rules alone and of rules-or-model at each threshold.

docs/lint.md "Rounds 34–35" quotes it. It needs scikit-learn, which crisisplay does not depend
on (``pip install scikit-learn``).

Usage: ``python tools/blind_audit.py --save /tmp/blind.json`` then
``python tools/bow_probe.py /tmp/blind.json [--categories blame,speculation] [--c 0.5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from scoring import load, load_real  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def features(text: str, lang: str) -> list[str]:
    """Lint's lemma key of every word (``<num>`` for a number), and the pairs of neighbours."""
    from crisisplay.tone import morph, token_store
    from crisisplay.tone.text import NUMBER, WORD

    tokens, _sentences = token_store.message_tokens(text, lang)
    keys = [morph.entry_key(t.text, lang) if t.kind == WORD else "<num>" if t.kind == NUMBER else "|"
            for t in tokens]
    return [k for k in keys if k != "|"] + [f"{a} {b}" for a, b in pairwise(keys) if "|" not in (a, b)]


def round_of(item_id: str) -> int:
    match = re.search(r"-r(\d+)-", item_id)
    return int(match.group(1)) if match else 0


def f1_row(truth: list[bool], predicted: list[bool]) -> str:
    pairs = list(zip(truth, predicted, strict=True))
    tp = sum(t and p for t, p in pairs)
    fp = sum(p and not t for t, p in pairs)
    fn = sum(t and not p for t, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:.2f} / {recall:.2f} / {f1:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("blind", type=Path)
    parser.add_argument("--categories", default="blame,speculation")
    parser.add_argument("--c", type=float, default=0.5)
    options = parser.parse_args()
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("tools/bow_probe.py needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    os.environ["CRISISPLAY_CACHE_DIR"] = "off"
    blind: dict[str, dict[str, Any]] = json.loads(options.blind.read_text("utf-8"))
    categories = options.categories.split(",")
    for lang in ("ru", "en"):
        entries = load(lang)["messages"] + load_real(lang)["messages"]
        rounds = sorted({v["round"] for v in blind.values() if v["lang"] == lang})
        truth: dict[str, list[bool]] = {c: [] for c in categories}
        rules: dict[str, list[bool]] = {c: [] for c in categories}
        chance: dict[str, list[float]] = {c: [] for c in categories}
        for number in rounds:
            train = [e for e in entries if round_of(e["id"]) < number]
            test = [e for e in entries if round_of(e["id"]) == number and e["id"] in blind]
            vectoriser = CountVectorizer(analyzer=partial(features, lang=lang), binary=True, min_df=2)
            seen = vectoriser.fit_transform([e["text"] for e in train])
            unseen = vectoriser.transform([e["text"] for e in test])
            for category in categories:
                labels = [category in e.get("expect", []) for e in train]
                model = LogisticRegression(C=options.c, class_weight="balanced", max_iter=3000).fit(seen, labels)
                chance[category] += list(model.predict_proba(unseen)[:, 1])
                truth[category] += [category in e["expect"] for e in test]
                rules[category] += [category in blind[e["id"]]["blind"] for e in test]
        for category in categories:
            print(f"\n{lang} {category} ({len(truth[category])} texts, {sum(truth[category])} labelled), P / R / F1")
            print(f"  blind rules            {f1_row(truth[category], rules[category])}")
            for threshold in THRESHOLDS:
                either = [r or p >= threshold for r, p in zip(rules[category], chance[category], strict=True)]
                print(f"  rules or model ≥ {threshold:.1f}   {f1_row(truth[category], either)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
