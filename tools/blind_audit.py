"""Score every blind round of real messages with the rules that had not seen it.

Each round of ``tests/corpus/real`` was committed ("corpus: round N <lang> …") before any rule
read it, so the rules at that commit are blind to it. For every such commit this script checks
the tree out in a temporary git worktree, lints the round's entries (texts, stages and labels as
they are now in tests/corpus/real, so later label fixes count) with that tree's crisisplay in a
subprocess, and prints:

* precision, recall and F1 per category pooled over the rounds, per language;
* the macro-F1 of every round, next to today's rules on the same entries (which have read them:
  the difference is how far the rules were fitted, not how good they are on new text).

``--save FILE`` keeps every entry's blind categories as JSON (id → {lang, round, blind}) for
further study (tools/bow_probe.py reads it). docs/lint.md "Rounds 32–33" and "Rounds 34–35"
quote its figures.

Usage: ``python tools/blind_audit.py [--from 17] [--to 99] [--save blind.json]`` from the
repository root (a git checkout with its history). Rounds before 17 were committed another way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from scoring import REAL_CATEGORIES, Score, load_real, real_table  # noqa: E402

#: The collectors' commit: "corpus: round 34 ru (30 entries, holdout)" (a later relabelling of a
#: round, "corpus: round 17 ru: …", is not one)
_ROUND_COMMIT = re.compile(r"^corpus: round (\d+) (ru|en) \(\d+ entries")

#: Run with the blind tree first on ``sys.path``: lint each entry read from stdin, print categories.
_LINT_IN_TREE = """
import json, os, sys
import crisisplay
tree = os.path.realpath(sys.argv[1])
assert os.path.realpath(crisisplay.__file__).startswith(tree), crisisplay.__file__
from crisisplay.tone.api import MessageText, lint_messages
found = {}
for e in json.load(sys.stdin):
    diagnostics = lint_messages([MessageText(e.get("channel", "text"), e["text"], e["id"])],
                                locale=e["lang"], stage_kind=e["stage"])
    found[e["id"]] = sorted({d.category for d in diagnostics})
json.dump(found, sys.stdout)
"""


def round_commits(first: int, last: int) -> list[tuple[int, str, str]]:
    """(round, language, commit) of every "corpus: round N <lang>" commit in the range."""
    log = subprocess.run(["git", "log", "--format=%H %s"], cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout
    found: dict[tuple[int, str], str] = {}
    for line in log.splitlines():  # newest first: the oldest commit of a round wins (it is blind)
        commit, _, subject = line.partition(" ")
        match = _ROUND_COMMIT.match(subject)
        if match and first <= int(match.group(1)) <= last:
            found[int(match.group(1)), match.group(2)] = commit
    return sorted((number, lang, commit) for (number, lang), commit in found.items())


def lint_blind(commit: str, entries: list[dict[str, object]], work: Path) -> dict[str, list[str]]:
    """The categories the rules at ``commit`` find on each entry (id → categories)."""
    tree = work / commit[:12]
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), commit], cwd=ROOT, check=True)
    try:
        env = {**os.environ, "PYTHONPATH": str(tree), "CRISISPLAY_CACHE_DIR": "off"}
        done = subprocess.run([sys.executable, "-c", _LINT_IN_TREE, str(tree)], input=json.dumps(entries),
                              capture_output=True, text=True, env=env, cwd=tree, check=False)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
        found: dict[str, list[str]] = json.loads(done.stdout)
        return found
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="first", type=int, default=17)
    parser.add_argument("--to", dest="last", type=int, default=999)
    parser.add_argument("--save", type=Path)
    options = parser.parse_args()
    os.environ["CRISISPLAY_CACHE_DIR"] = "off"
    from crisisplay.tone.api import MessageText, lint_messages

    corpus = {lang: load_real(lang)["messages"] for lang in ("ru", "en")}
    universe = set(REAL_CATEGORIES)
    pooled = {lang: Score() for lang in corpus}
    saved: dict[str, dict[str, object]] = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="crisisplay-blind-") as folder:
        for number, lang, commit in round_commits(options.first, options.last):
            mark = f"-r{number}-"
            entries = [{**e, "lang": lang} for e in corpus[lang] if mark in e["id"]]
            if not entries:
                continue
            try:
                blind = lint_blind(commit, entries, Path(folder))
            except (RuntimeError, subprocess.CalledProcessError) as error:
                print(f"round {number} {lang} ({commit[:7]}): not scored: {error}", file=sys.stderr)
                continue
            then, now = Score(), Score()
            for e in entries:
                expected = set(e["expect"])
                found = set(blind[e["id"]]) & universe
                then.add(e["id"], expected, found, universe)
                pooled[lang].add(e["id"], expected, found, universe)
                today = lint_messages([MessageText(e.get("channel", "text"), e["text"], e["id"])],
                                      locale=lang, stage_kind=e["stage"])
                now.add(e["id"], expected, {d.category for d in today}, universe)
                saved[e["id"]] = {"lang": lang, "round": number, "blind": sorted(found)}
            rows.append((number, lang, commit[:7], len(entries), then.macro_f1(REAL_CATEGORIES),
                         now.macro_f1(REAL_CATEGORIES)))
            print(f"round {number} {lang}: {len(entries)} entries scored", file=sys.stderr)
    print("| round | lang | blind commit | entries | blind macro-F1 | today's rules |")
    print("|---|---|---|---|---|---|")
    for number, lang, commit, count, blind_f1, today_f1 in rows:
        print(f"| {number} | {lang} | `{commit}` | {count} | {blind_f1:.2f} | {today_f1:.2f} |")
    print("\nPooled over the rounds, with the rules each round was blind to:\n")
    print(real_table(pooled))
    if options.save:
        options.save.write_text(json.dumps(saved, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
