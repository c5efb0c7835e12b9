"""Every safe fix of every bundled pack, applied to the whole corpus, keeps the text grammatical
and lints no worse (issue 13: --fix applies only grammatical replacements)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisisplay.tone import morph
from crisisplay.tone.api import MessageText, check_messages
from crisisplay.tone.fix import apply_edits, edits_from

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _texts(language: str) -> list[tuple[str, str]]:
    texts = []
    for path in (CORPUS / f"{language}.yaml", CORPUS / "real" / f"{language}.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts += [(e["id"], e["text"]) for e in data["messages"]]
        texts += [(f"{s['id']}/{m['channel']}", m["text"]) for s in data.get("sets", []) for m in s["messages"]]
    return texts


def _counts(text: str, language: str) -> dict[str, int]:
    report = check_messages([MessageText("email", text, "x")], locale=language, stage_kind="first_notice")[0]
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.category] = counts.get(finding.category, 0) + 1
    return counts


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_fix_keeps_the_text_grammatical_and_lints_no_worse(language: str) -> None:
    applied = 0
    for item, text in _texts(language):
        report = check_messages([MessageText("email", text, item)], locale=language, stage_kind="first_notice")[0]
        edits = edits_from(report.findings)
        if not edits:
            continue
        fixed, count = apply_edits(text, edits)
        applied += count
        for edit in edits:
            for word in edit.replacement.split():
                if language == "ru" and any("а" <= ch <= "я" for ch in word.lower()):
                    assert morph.ru_analyzer().word_is_known(morph.normalise(word.strip(".,!?"))), (item, word)
        before, after = _counts(text, language), _counts(fixed, language)
        worse = {c: n for c, n in after.items() if n > before.get(c, 0)}
        assert not worse, (item, worse, fixed)
    assert applied > 0  # the corpus exercises the fixes
