"""Words that mix Latin and Cyrillic letters: «Cбой» with a Latin C looks right and is not.

Such a word breaks search, screen readers and an SMS's encoding (one Latin letter among
Cyrillic ones is harmless, one Cyrillic letter in a GSM text costs UCS-2 segments). The
check runs on what a person typed, once per value: the templates' own text (by the
renderer, once per playbook) and the facts (:func:`fact_text_findings`, cached), not on
every rendered message.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.playbook.fact_types import PhoneText
from crisisplay.playbook.model import Playbook, Stage
from crisisplay.render import rules
from crisisplay.render.channels.base import finding

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_LATIN = "A-Za-z\u00c0-\u024f"
_CYRILLIC = "\u0400-\u04ff"
_HAS_LATIN = re.compile(f"[{_LATIN}]")
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
#: A word holding both a Latin and a Cyrillic letter, tried only at word starts.
_MIXED_RE = re.compile(f"(?<!\\w)(?=\\w*[{_LATIN}])(?=\\w*[{_CYRILLIC}])\\w+")


def script_of(char: str) -> str:
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "Latin"
    if name.startswith("CYRILLIC"):
        return "Cyrillic"
    return ""


def mixed_script_words(text: str, channel: str, location: Location | None) -> list[Diagnostic]:
    """Words that mix Latin and Cyrillic letters ('Cбой' with a Latin C); ``channel`` is
    the label the message starts with (a channel, or "fact 'incident'")."""
    if not (_HAS_LATIN.search(text) and _HAS_CYRILLIC.search(text) and _MIXED_RE.search(text)):
        return []
    found = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        scripts = [script_of(ch) for ch in word]
        latin = scripts.count("Latin")
        cyrillic = scripts.count("Cyrillic")
        if not latin or not cyrillic:
            continue
        odd = "Latin" if latin <= cyrillic else "Cyrillic"
        details = ", ".join(
            f"{ch!r} ({unicodedata.name(ch, '?')}) at {position_label(text, match.start() + i)}"
            for i, ch in enumerate(word) if scripts[i] == odd
        )
        found.append(finding(
            rules.MIXED_SCRIPT,
            f"{channel}: the word {word!r} mixes scripts; {odd} letter(s): {details}",
            location, span=word, fix=f"retype the {odd} letters in the word's own alphabet",
        ))
    return found


def position_label(text: str, index: int) -> str:
    """``character 23 (line 2, column 5)`` for a 0-based index into ``text``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"character {index + 1} (line {line}, column {column})"


def fact_text_findings(values: Mapping[str, Any]) -> list[Diagnostic]:
    """Mixed-script words in the facts the user typed: where look-alike letters come from."""
    found: list[Diagnostic] = []
    for name, value in values.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str) and not isinstance(item, PhoneText):
                found.extend(_mixed_in_fact(name, str(item)))
    return found


@functools.lru_cache(maxsize=2048)
def _mixed_in_fact(name: str, value: str) -> tuple[Diagnostic, ...]:
    return tuple(mixed_script_words(value, f"fact {name!r}", None))


def template_text_findings(playbook: Playbook, stage: Stage, names: list[str]) -> list[Diagnostic]:
    """Mixed-script words in the templates' own text (checked once per renderer)."""
    found: list[Diagnostic] = []
    sources = [(t, f"{stage.id}/{name}/{part}") for name in names
               for part, t in stage.templates[name].parts.items()]
    sources += [(t, f"partial {pname!r}") for pname, t in playbook.partials.items()]
    for template, label in sources:
        for diag in mixed_script_words(template.source, f"template {label}", template.location):
            line = template.source.count("\n", 0, template.source.find(diag.span)) + 1
            found.append(diag.with_location(template.yaml_location(line)))
    return found
