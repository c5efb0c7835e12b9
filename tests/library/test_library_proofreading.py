"""Issue 12: every bundled message reads as a careful editor would write it.

Every bundled playbook × stage × channel, rendered from the required facts only and from
the full facts, in Russian and English: zero lint warnings, and no typographic errors —
a sentence after ". " that starts in lower case, a capital after ": " in a heading, a date
and time run together without their preposition («15 марта, 13:00»), a preposition doubled
in front of one («в 15 марта в 13:00»).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from library_helpers import CUSTOMER_KINDS, all_playbook_paths, example_moment

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import Playbook
from crisisplay.render.renderer import Renderer
from crisisplay.tone.api import MessageText, lint_messages

PATHS = all_playbook_paths()
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}" for p in PATHS]
_MONTHS = (r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
           r"January|February|March|April|May|June|July|August|September|October|November|December)")
#: Abbreviations after which a lower-case word legitimately follows a full stop.
_ABBREVIATIONS = ("тел", "т. е", "т. д", "т. п", "e.g", "i.e", "ул", "мин", "руб", "млн", "тыс", "д", "г", "etc")
TYPOGRAPHY = (
    ("a sentence starts in lower case", re.compile(r"(?<![.\w])(\w+)\.\s+(?!https?:)([a-zа-яё])")),
    ("date and time without a preposition",
     re.compile(rf"\d{{1,2}} {_MONTHS},? ?\d{{1,2}}:\d{{2}}|{_MONTHS} \d{{1,2}}, \d")),
    ("a preposition doubled before a date", re.compile(rf"\b(?:в|on) \d{{1,2}} {_MONTHS} (?:в|at) ")),
)
HEADING_PARTS = ("subject", "title", "header")


def _facts(playbook: Playbook, full: bool, stage_kind: str) -> dict[str, Any]:
    needed = {name for stage in playbook.stages.values() if stage.kind == stage_kind for name in stage.mandatory_facts}
    return {
        name: spec.example for name, spec in playbook.facts.items()
        if spec.example is not None and (full or spec.required or name in needed)
    }


def _typography(text: str) -> list[str]:
    found = []
    for problem, pattern in TYPOGRAPHY:
        for match in pattern.finditer(text):
            if problem.startswith("a sentence") and match.group(1).lower() in _ABBREVIATIONS:
                continue
            found.append(f"{problem}: «{text[max(0, match.start() - 20):match.end() + 10]}»")
    return found


def _headings(message: Any) -> list[str]:
    """Subjects, titles and first lines of posts: «Пример»: обновление, never «Пример»: Обновление."""
    lines = [message.parts[part] for part in HEADING_PARTS if message.parts.get(part)]
    if message.channel in ("telegram", "vk"):
        lines.append(message.text.split("\n", 1)[0])
    found = []
    for line in lines:
        for _match in re.finditer(r": ([A-ZА-ЯЁ][a-zа-яё]+)", line):
            found.append(f"capital after a colon in a heading: «{line}»")
    return found


@pytest.mark.parametrize("path", PATHS, ids=IDS)
@pytest.mark.parametrize("full", [False, True], ids=["required-facts", "full-facts"])
def test_every_message_is_proofread(path: Path, full: bool) -> None:
    playbook = load_playbook(path)
    renderer = Renderer(playbook)
    problems: list[str] = []
    for stage in playbook.stages.values():
        if stage.kind not in CUSTOMER_KINDS:
            continue
        result = renderer.render(stage.id, _facts(playbook, full, stage.kind), at=example_moment(playbook))
        problems += [f"{stage.id}: render {d.rule} {d.message}" for d in result.all_diagnostics()
                     if d.severity >= Severity.WARNING]
        for message in result.messages:
            where = f"{stage.id}/{message.channel}"
            problems += [f"{where}: {p}" for p in _typography(message.text) + _headings(message)]
        texts = [MessageText(m.channel, m.text, f"{stage.id}/{m.channel}") for m in result.messages]
        found = lint_messages(texts, locale=playbook.locale, stage_kind=stage.kind, playbook=playbook)
        problems += [f"{d.location}: {d.rule} {d.message} [{d.span}]" for d in found if d.severity >= Severity.WARNING]
    assert problems == []
