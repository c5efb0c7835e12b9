"""Would a small linear model beside the rules help on unseen text, in every category? A rolling-origin probe.

It extends ``tools/bow_probe.py``. For every round N of real messages that has blind rule findings
(a file written by ``tools/blind_audit.py --save``) and for the ``--window`` rounds before the first
of them, a logistic regression per category is trained only on the corpus entries of rounds < N
(the labelled development corpus and the real entries without a round mark count as round 0) and
scores round N. Feature sets (``--features``, each a ``+``-joined list of parts):

* ``bow``: lint's lemma keys, unigrams and bigrams (``bow_probe.features``), ``min_df=2``;
* ``rules``: one binary feature per category the rules found on the entry (stacking: the model
  learns when to trust them). On a scored round these are the blind findings. On a training entry
  they are its blind findings when the blind file has them (rounds 17 and later) and today's rules'
  findings otherwise (the development corpus, un-numbered real entries and rounds 11–16, which
  today's rules have read: there the model sees rules that look better than they are on new text);
* ``stage``: the message's stage kind, one-hot;
* ``char``: character n-grams (``char_wb`` 3–5, lowercased, ``min_df=2``).

The model's probability p is combined with the rules' finding r in one of the modes ``rules``
(r alone), ``or`` (r or p ≥ t), ``and`` (r and p ≥ t: the model vetoes rule findings) and
``replace`` (p ≥ t alone). The *honest* scheme chooses the mode and threshold t (0.30..0.90 by
0.05) for round N by the pooled F1 on the ``--window`` rounds before N, each scored by a model
trained on the rounds before it (the same rolling predictions, so nothing of round N or later is
seen), and applies them to round N. Inner rounds before 17 have no blind findings: there the rule
part is today's rules (flagged in the output; ``--from`` a later round avoids it).

Printed, as Markdown tables pooled over the scored rounds, per language: the blind rules and the
honest scheme of every feature set (P / R / F1 per category, macro-F1 as in tests/corpus/scoring.py),
with a last column choosing the feature set honestly too, and the gain in macro-F1 over the blind
rules with a 95 % bootstrap interval (whole rounds resampled); per category the honest F1 with the
mode fixed (threshold still chosen honestly) and how often each mode was picked; and the cost of a
model trained on every round: non-zero weights per category with the L2 model (after ``min_df``)
and with an L1 model, and the time to score one message in pure Python (lemma keys timed in a
fresh process, words first met and met again; then a dictionary dot product per category; lint's
own time beside them).

It needs scikit-learn, which crisisplay does not depend on (``pip install scikit-learn``).

Usage: ``python tools/blind_audit.py --from 17 --save /tmp/blind.json`` then
``python tools/model_probe.py /tmp/blind.json [--features bow,bow+rules,bow+rules+stage]
[--window 5] [--c 0.5] [--penalty l2] [--cache /tmp/mprobe]``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT / "tools"))

from bow_probe import features, round_of  # noqa: E402
from scoring import REAL_CATEGORIES, Score, load, load_real  # noqa: E402

THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))
MODES = ("rules", "or", "and", "replace")
DEFAULT_FEATURES = "bow,bow+rules,bow+rules+stage,bow+rules+stage+char,rules+stage"
FEATURE_PARTS = {"bow", "rules", "stage", "char"}


def combine(mode: str, rule: bool, chance: float, threshold: float) -> bool:
    if mode == "rules":
        return rule
    if mode == "or":
        return rule or chance >= threshold
    if mode == "and":
        return rule and chance >= threshold
    return chance >= threshold


def f1_of(truth: list[bool], predicted: list[bool]) -> float:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    found, wanted = sum(predicted), sum(truth)
    precision = tp / found if found else 1.0
    recall = tp / wanted if wanted else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prepare(lang: str, blind: dict[str, dict[str, Any]], cache: Path | None) -> list[dict[str, Any]]:
    """Every entry with its round, labels, lemma keys and rule findings (blind where known, else today's)."""
    saved = cache / f"entries-{lang}.json" if cache else None
    if saved and saved.exists():
        entries: list[dict[str, Any]] = json.loads(saved.read_text("utf-8"))
        return entries
    from crisisplay.tone.api import MessageText, lint_messages

    entries = []
    for e in load(lang)["messages"] + load_real(lang)["messages"]:
        if e["id"] in blind:
            rules, source = blind[e["id"]]["blind"], "blind"
        else:
            found = lint_messages([MessageText(e.get("channel", "text"), e["text"], e["id"])],
                                  locale=lang, stage_kind=e["stage"])
            rules, source = sorted({d.category for d in found} & set(REAL_CATEGORIES)), "today"
        entries.append({"id": e["id"], "round": round_of(e["id"]), "text": e["text"], "stage": e["stage"],
                        "channel": e.get("channel", "text"), "expect": sorted(e["expect"]),
                        "keys": features(e["text"], lang), "rules": rules, "source": source})
    if saved:
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(entries, ensure_ascii=False), "utf-8")
    return entries


def tokens(entry: dict[str, Any], parts: set[str]) -> list[str]:
    """The symbolic features of an entry (everything but character n-grams)."""
    found: list[str] = list(entry["keys"]) if "bow" in parts else []
    if "rules" in parts:
        found += [f"§rule:{c}" for c in entry["rules"]]
    if "stage" in parts:
        found.append(f"§stage:{entry['stage']}")
    return found


def _identity(items: list[str]) -> list[str]:
    return items


def vectorise(train: list[dict[str, Any]], test: list[dict[str, Any]], parts: set[str]) -> tuple[Any, Any, Any]:
    """Training and test matrices, and the symbolic vectoriser (vocabulary from ``train`` only)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import CountVectorizer

    # the rule and stage features are few and always kept; min_df=2 cuts the rare words
    symbolic = CountVectorizer(analyzer=_identity, binary=True, min_df=2 if "bow" in parts else 1)
    seen = symbolic.fit_transform([tokens(e, parts) for e in train])
    unseen = symbolic.transform([tokens(e, parts) for e in test])
    if "char" in parts:
        chars = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, binary=True, min_df=2)
        seen = hstack([seen, chars.fit_transform([e["text"] for e in train])]).tocsr()
        unseen = hstack([unseen, chars.transform([e["text"] for e in test])]).tocsr()
    return seen, unseen, symbolic


def fit(matrix: Any, labels: list[bool], c: float, penalty: str = "l2") -> Any:
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return None
    if penalty == "l2":
        return LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=3000).fit(matrix, labels)
    with warnings.catch_warnings():  # scikit-learn 1.8 deprecates ``penalty`` for ``l1_ratio``
        warnings.simplefilter("ignore")
        model = LogisticRegression(C=c, penalty=penalty, solver="liblinear", class_weight="balanced", max_iter=3000,
                                   random_state=0)
        return model.fit(matrix, labels)


def rolling(entries: list[dict[str, Any]], rounds: list[int], parts: set[str], c: float,
            penalty: str = "l2") -> dict[str, dict[int, list[float]]]:
    """category → round → the probability of each entry of the round, from a model of the rounds before it."""
    chances: dict[str, dict[int, list[float]]] = {category: {} for category in REAL_CATEGORIES}
    for number in rounds:
        train = [e for e in entries if e["round"] < number]
        test = [e for e in entries if e["round"] == number]
        seen, unseen, _ = vectorise(train, test, parts)
        for category in REAL_CATEGORIES:
            model = fit(seen, [category in e["expect"] for e in train], c, penalty)
            chances[category][number] = (list(model.predict_proba(unseen)[:, 1]) if model is not None
                                         else [0.0] * len(test))
    return chances


def honest(truth: dict[int, list[bool]], rule: dict[int, list[bool]], chances: dict[str, dict[int, list[float]]],
           scored: list[int], window: int, modes: tuple[str, ...]) -> tuple[dict[int, list[bool]], Counter[str]]:
    """Round → predictions with the feature set (a key of ``chances``), mode and threshold that did best on the
    ``window`` rounds before it; and how often each mode was picked."""
    candidates = [(name, m, t) for name in chances for m in modes for t in (THRESHOLDS if m != "rules" else (0.5,))]
    result: dict[int, list[bool]] = {}
    picks: Counter[str] = Counter()
    for number in scored:
        inner = [n for n in range(number - window, number) if n in rule]
        truths = [t for n in inner for t in truth[n]]
        best, best_f1 = candidates[0], -1.0
        for name, mode, threshold in candidates:  # the first best wins: rules before models, low thresholds first
            predicted = [combine(mode, r, p, threshold) for n in inner
                         for r, p in zip(rule[n], chances[name][n], strict=True)]
            score = f1_of(truths, predicted)
            if score > best_f1 + 1e-12:
                best, best_f1 = (name, mode, threshold), score
        picks[best[1]] += 1
        name, mode, threshold = best
        result[number] = [combine(mode, r, p, threshold)
                          for r, p in zip(rule[number], chances[name][number], strict=True)]
    return result, picks


def bootstrap(truth: dict[str, dict[int, list[bool]]], base: dict[str, dict[int, list[bool]]],
              other: dict[str, dict[int, list[bool]]], scored: list[int], draws: int = 2000) -> tuple[float, float]:
    """A 95 % interval of macro-F1(other) − macro-F1(base), resampling whole rounds with replacement."""
    import numpy as np

    def counts(found: dict[str, dict[int, list[bool]]]) -> Any:  # round × category × (tp, fp, fn)
        return np.array([[[sum(t and p for t, p in zip(truth[c][n], found[c][n], strict=True)),
                           sum(p and not t for t, p in zip(truth[c][n], found[c][n], strict=True)),
                           sum(t and not p for t, p in zip(truth[c][n], found[c][n], strict=True))]
                          for c in REAL_CATEGORIES] for n in scored], dtype=float)

    def macro(total: Any) -> Any:
        tp, fp, fn = total[..., 0], total[..., 1], total[..., 2]
        precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 1.0)
        recall = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 1.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
        return f1.mean(axis=-1)

    first, second = counts(base), counts(other)
    rng = np.random.default_rng(0)
    picks = rng.integers(0, len(scored), size=(draws, len(scored)))
    difference = macro(second[picks].sum(axis=1)) - macro(first[picks].sum(axis=1))
    low, high = np.percentile(difference, [2.5, 97.5])
    return float(low), float(high)


def cell(s: Score, category: str) -> str:
    return f"{s.precision(category):.2f} / {s.recall(category):.2f} / {s.f1(category):.2f}"


def cost(entries: list[dict[str, Any]], lang: str, parts: set[str], c: float) -> list[str]:
    """Non-zero weights of L2 and L1 models trained on every entry, and pure-Python scoring time."""
    from sklearn.feature_extraction.text import CountVectorizer

    symbolic_parts = parts - {"char"}
    seen, _, vectoriser = vectorise(entries, entries[:1], symbolic_parts)
    vocabulary: dict[str, int] = vectoriser.vocabulary_
    names = {index: name for name, index in vocabulary.items()}
    weights: dict[str, tuple[float, dict[str, float]]] = {}
    lines = []
    for category in REAL_CATEGORIES:
        labels = [category in e["expect"] for e in entries]
        l2 = fit(seen, labels, c)
        l1 = fit(seen, labels, c * 2, penalty="l1")
        nonzero2 = int((l2.coef_ != 0).sum()) if l2 is not None else 0
        nonzero1 = int((l1.coef_ != 0).sum()) if l1 is not None else 0
        lines.append(f"| {lang} | {category} | {seen.shape[1]} | {nonzero2} | {nonzero1} |")
        if l2 is not None:
            weights[category] = (float(l2.intercept_[0]),
                                 {names[i]: float(w) for i, w in enumerate(l2.coef_[0]) if w})
    sample = [e for e in entries if e["round"] > 0][-300:]
    timing = json.loads(_time_in_fresh_process(sample, lang))
    start = time.perf_counter()
    for e in sample:
        found = set(tokens(e, symbolic_parts))
        for intercept, table in weights.values():
            total = intercept + sum(table.get(k, 0.0) for k in found)
            _ = 1.0 / (1.0 + math.exp(-total))
    dots = (time.perf_counter() - start) / len(sample) * 1000
    char_ms = 0.0
    if "char" in parts:
        analyse = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True).build_analyzer()
        begin = time.perf_counter()
        for e in sample:
            analyse(e["text"])
        char_ms = (time.perf_counter() - begin) / len(sample) * 1000
    lines.append(f"| {lang} | *ms per message* | lemma keys {timing['cold']:.2f} cold, {timing['warm']:.2f} warm "
                 f"| 9 dot products {dots:.3f} | char n-grams {char_ms:.2f}; lint itself {timing['lint']:.2f} |")
    return lines


#: Time lemma keys (words first met in this process: cold; the same texts again: warm) and lint.
_TIMING = """
import json, sys, time
sys.path[:0] = sys.argv[2:]
from bow_probe import features
from crisisplay.tone.api import MessageText, lint_messages
lang, sample = sys.argv[1], json.load(sys.stdin)
features("warm-up", lang)
result = {}
for name in ("cold", "warm"):
    start = time.perf_counter()
    for e in sample:
        features(e["text"], lang)
    result[name] = (time.perf_counter() - start) / len(sample) * 1000
start = time.perf_counter()
for e in sample:
    lint_messages([MessageText(e["channel"], e["text"], e["id"])], locale=lang, stage_kind=e["stage"])
result["lint"] = (time.perf_counter() - start) / len(sample) * 1000
json.dump(result, sys.stdout)
"""


def _time_in_fresh_process(sample: list[dict[str, Any]], lang: str) -> str:
    done = subprocess.run([sys.executable, "-c", _TIMING, lang, str(ROOT), str(ROOT / "tools")],
                          input=json.dumps(sample), capture_output=True, text=True, check=True,
                          env={**os.environ, "CRISISPLAY_CACHE_DIR": "off"})
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("blind", type=Path)
    parser.add_argument("--features", default=DEFAULT_FEATURES, help="comma-separated feature sets")
    parser.add_argument("--window", type=int, default=5, help="inner validation rounds before each round")
    parser.add_argument("--from", dest="first", type=int, default=17, help="first scored round")
    parser.add_argument("--c", type=float, default=0.5)
    parser.add_argument("--penalty", choices=("l2", "l1"), default="l2", help="of the rolling models")
    parser.add_argument("--cost", default="bow+rules+stage", help="feature set whose cost is measured")
    parser.add_argument("--cache", type=Path, help="folder keeping each entry's features and rule findings")
    parser.add_argument("--langs", default="ru,en")
    options = parser.parse_args()
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("tools/model_probe.py needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    os.environ["CRISISPLAY_CACHE_DIR"] = "off"
    blind: dict[str, dict[str, Any]] = json.loads(options.blind.read_text("utf-8"))
    sets = options.features.split(",")
    for name in [*sets, options.cost]:
        if not set(name.split("+")) <= FEATURE_PARTS:
            parser.error(f"unknown feature part in {name!r}: use {sorted(FEATURE_PARTS)}")
    costs: list[str] = []
    for lang in options.langs.split(","):
        entries = prepare(lang, blind, options.cache)
        scored = sorted({v["round"] for v in blind.values() if v["lang"] == lang and v["round"] >= options.first})
        present = {e["round"] for e in entries}
        predicted_rounds = sorted(n for n in present if scored[0] - options.window <= n <= scored[-1] and n > 0)
        by_round = {n: [e for e in entries if e["round"] == n] for n in predicted_rounds}
        unblind = sorted(n for n in predicted_rounds if any(e["source"] != "blind" for e in by_round[n]))
        print(f"\n## {lang}: rounds {scored[0]}–{scored[-1]} scored ({sum(len(by_round[n]) for n in scored)} "
              f"entries); inner rounds with today's rules in place of blind ones: {unblind or 'none'}\n")
        truth = {c: {n: [c in e["expect"] for e in by_round[n]] for n in predicted_rounds} for c in REAL_CATEGORIES}
        rule = {c: {n: [c in e["rules"] for e in by_round[n]] for n in predicted_rounds} for c in REAL_CATEGORIES}
        ids = [e["id"] for n in scored for e in by_round[n]]
        expected = [set(e["expect"]) for n in scored for e in by_round[n]]
        universe = set(REAL_CATEGORIES)

        def pooled(found: dict[str, dict[int, list[bool]]], ids: list[str] = ids, scored: list[int] = scored,
                   expected: list[set[str]] = expected, universe: set[str] = universe) -> Score:
            s = Score()
            flat = {c: [x for n in scored for x in found[c][n]] for c in REAL_CATEGORIES}
            for i, item_id in enumerate(ids):
                s.add(item_id, expected[i], {c for c in REAL_CATEGORIES if flat[c][i]}, universe)
            return s

        columns: dict[str, Score] = {"blind rules": pooled(rule)}
        founds: dict[str, dict[str, dict[int, list[bool]]]] = {"blind rules": rule}
        per_mode: dict[str, dict[str, Score]] = {}
        picks: dict[str, dict[str, Counter[str]]] = {}
        chances_of: dict[str, dict[str, dict[int, list[float]]]] = {}
        for name in sets:
            began = time.perf_counter()
            parts = set(name.split("+"))
            chances = rolling(entries, predicted_rounds, parts, options.c, options.penalty)
            chances_of[name] = chances
            found: dict[str, dict[int, list[bool]]] = {}
            picks[name] = {}
            for category in REAL_CATEGORIES:
                found[category], picks[name][category] = honest(truth[category], rule[category],
                                                                 {name: chances[category]}, scored, options.window,
                                                                 MODES)
            columns[f"honest {name}"] = pooled(found)
            founds[f"honest {name}"] = found
            per_mode[name] = {}
            for mode in MODES[1:]:
                fixed = {c: honest(truth[c], rule[c], {name: chances[c]}, scored, options.window, (mode,))[0]
                         for c in REAL_CATEGORIES}
                per_mode[name][mode] = pooled(fixed)
            print(f"{lang} {name}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
        if len(sets) > 1:  # the feature set chosen honestly too, per category and round, by its best inner F1
            chosen = {c: honest(truth[c], rule[c], {name: chances_of[name][c] for name in sets}, scored,
                                options.window, MODES)[0] for c in REAL_CATEGORIES}
            columns["honest, feature set chosen too"] = pooled(chosen)
            founds["honest, feature set chosen too"] = chosen
        print("| category | n | " + " | ".join(columns) + " |")
        print("|---|---|" + "---|" * len(columns))
        rules_score = columns["blind rules"]
        for category in REAL_CATEGORIES:
            cells = " | ".join(cell(s, category) for s in columns.values())
            print(f"| {category} | {rules_score.support(category)} | {cells} |")
        macro = " | ".join(f"**{s.macro_f1(REAL_CATEGORIES):.3f}**" for s in columns.values())
        print(f"| **macro-F1** | | {macro} |")
        intervals = [bootstrap(truth, rule, founds[name], scored) for name in list(columns)[1:]]
        gains = " | ".join(f"{s.macro_f1(REAL_CATEGORIES) - rules_score.macro_f1(REAL_CATEGORIES):+.3f} "
                           f"[{low:+.3f}, {high:+.3f}]" for s, (low, high) in zip(list(columns.values())[1:],
                                                                                  intervals, strict=True))
        print(f"| Δ macro-F1 vs rules [95 % over rounds] | | | {gains} |")
        print("\nHonest threshold with the mode fixed (F1; P in brackets), and the modes the free choice picked "
              "(rules / or / and / replace, out of the scored rounds):\n")
        print("| category | " + " | ".join(f"{name} {mode}" for name in sets for mode in MODES[1:]) + " |")
        print("|---|" + "---|" * (len(sets) * 3))
        for category in REAL_CATEGORIES:
            cells = " | ".join(f"{s.f1(category):.2f} ({s.precision(category):.2f})"
                               for s in (per_mode[name][mode] for name in sets for mode in MODES[1:]))
            print(f"| {category} | {cells} |")
        macros = " | ".join(f"**{per_mode[name][mode].macro_f1(REAL_CATEGORIES):.3f}**"
                            for name in sets for mode in MODES[1:])
        print(f"| **macro-F1** | {macros} |")
        print("\n| category | " + " | ".join(f"picks {name}" for name in sets) + " |")
        print("|---|" + "---|" * len(sets))
        for category in REAL_CATEGORIES:
            cells = " | ".join("/".join(str(picks[name][category][m]) for m in MODES) for name in sets)
            print(f"| {category} | {cells} |")
        costs += cost([e for e in entries if e["round"] <= scored[-1]], lang, set(options.cost.split("+")), options.c)
    print(f"\nCost of `{options.cost}` trained on every scored round and before (L1 at C={options.c * 2}):\n")
    print("| lang | category | vocabulary (min_df=2) | non-zero L2 | non-zero L1 |")
    print("|---|---|---|---|---|")
    print("\n".join(costs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
