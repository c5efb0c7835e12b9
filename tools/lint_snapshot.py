"""Every lint finding on the corpora and the benchmark texts, in a stable order.

A speed change must not change a single diagnostic: save this script's output from the
unchanged tree, make the change, run it again and diff the two (they must be byte-identical).

    CRISISPLAY_CACHE_DIR=off python tools/lint_snapshot.py > /tmp/before.txt
    ... change ...
    CRISISPLAY_CACHE_DIR=off python tools/lint_snapshot.py > /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

It lints, in this process and without lint's cache (set here too):

* every message of tests/corpus/real/{ru,en}.yaml, alone, in its language, with its stage and
  channel, as tests/corpus/scoring.py does;
* every message and every set of tests/corpus/{ru,en}.yaml (the labelled development corpus);
* the texts of benchmarks/lint.py (``generate(lang, 40000, random.Random(7))`` for Russian,
  ``random.Random(8)`` for English) in sets of four channels, as the benchmark lints them.

Each finding is printed, in the order lint found it, with its rule, severity, category, offsets (start, end), line and
column, message, suggestion and safe replacement. ``--words N`` shortens the benchmark part.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

os.environ["CRISISPLAY_CACHE_DIR"] = "off"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crisisplay.tone.api import MessageText, check_messages  # noqa: E402

LANGUAGES = ("ru", "en")
BENCH_SEEDS = {"ru": 7, "en": 8}


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), path
    return data


def _print_set(title: str, messages: Sequence[MessageText], language: str, stage: str | None) -> None:
    print(f"## {title}")
    reports = check_messages(messages, locale=language, stage_kind=stage)
    for report in reports:
        message = report.message
        print(f"# {message.file} lang={report.lang} stage={report.stage} inferred={report.stage_inferred}")
        # In the order lint found them: lint's output sorts by place and rule only, so the order
        # of two findings of one rule at one place is part of what must not change.
        for finding, diagnostic in zip(report.findings, report.diagnostics, strict=True):
            location = diagnostic.location
            where = f"{location.line}:{location.column}-{location.end_line}:{location.end_column}" if location else "-"
            related = ",".join(f"{r.file}:{r.line}:{r.column}" for r in finding.related)
            print(f"{finding.rule}\t{finding.severity.label}\t{finding.category}\t{finding.start}-{finding.end}"
                  f"\t{where}\t{finding.message!r}\t{finding.suggestion!r}\t{finding.replacement!r}\t{related}")


def corpus_real(language: str) -> None:
    for entry in _load(ROOT / "tests" / "corpus" / "real" / f"{language}.yaml")["messages"]:
        message = MessageText(entry.get("channel", "text"), entry["text"], entry["id"])
        _print_set(f"real/{language} {entry['id']}", [message], language, entry["stage"])


def corpus_dev(language: str) -> None:
    data = _load(ROOT / "tests" / "corpus" / f"{language}.yaml")
    for entry in data.get("messages", []):
        message = MessageText(entry.get("channel", "text"), entry["text"], entry["id"])
        _print_set(f"dev/{language} {entry['id']}", [message], language, entry["stage"])
    for entry in data.get("sets", []):
        messages = [MessageText(m["channel"], m["text"], f"{entry['id']}/{m['channel']}") for m in entry["messages"]]
        _print_set(f"dev-set/{language} {entry['id']}", messages, language, entry["stage"])


def benchmark(language: str, words: int) -> None:
    import lint as bench

    texts = bench.generate(language, words, random.Random(BENCH_SEEDS[language]))
    for i in range(0, len(texts), bench.SET_SIZE):
        chunk = texts[i : i + bench.SET_SIZE]
        batch = [MessageText(bench.CHANNELS[j % bench.SET_SIZE], text, f"m{i + j}") for j, text in enumerate(chunk)]
        _print_set(f"bench/{language} {i}", batch, language, "first_notice")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=40_000, help="benchmark words per language")
    args = parser.parse_args()
    for language in LANGUAGES:
        corpus_real(language)
        corpus_dev(language)
        benchmark(language, args.words)


if __name__ == "__main__":
    main()
