"""Option values a rule pack takes from the playbook's tone or from the lexicon.

A rule's option may name where its value comes from instead of giving it::

    max: {from: tone.max_exclamations, default: 1}      # the playbook's setting, else 1
    max: {from: tone.max_sentence_words, default: {ru: 25, en: 30}}
    prefer: {from: tone.address}                        # formal / informal, or no preference
    tokens: {from: lexicon.address_pronoun}             # a word list of the packs' lexicon
    tokens: {from: tone.forbidden}                      # the playbook's own words

The built-in rules (``crisisplay/tone/packs/core.yaml``) are written this way, so a pack of
yours can follow the playbook exactly as they do. A tone setting the playbook leaves unset
takes the ``default`` (one value, or one per language); a rule whose word list or replacement
table comes out empty is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from crisisplay.playbook.model import ToneProfile

#: The playbook's tone settings a rule may take (docs/lint.md, "The playbook's tone section").
TONE_SETTINGS: dict[str, str] = {
    "max_exclamations": "a whole number: exclamation marks allowed",
    "max_caps_words": "a whole number: words in capitals allowed",
    "max_sentence_words": "a whole number: the longest sentence in words",
    "address": "formal or informal, from formal_address (none when unset)",
    "forbidden": "the playbook's forbidden words (a phrase list)",
    "preferred": "the playbook's replacements (word: replacement)",
}
#: Tone settings that are the playbook's own word lists: rules built from them run first.
OWN_WORDS = frozenset({"forbidden", "preferred"})
_SOURCE = re.compile(r"^(tone|lexicon)\.([a-z_]+)$")


class Binding(NamedTuple):
    source: str  # "tone" or "lexicon"
    name: str
    default: Any = None


def binding_of(value: Any) -> Binding | None:
    """The binding an option value names (``{from: tone.x, default: …}``), or None."""
    if not isinstance(value, dict) or "from" not in value or not set(value) <= {"from", "default"}:
        return None
    match = _SOURCE.match(str(value["from"]))
    if match is None:
        return None
    return Binding(match.group(1), match.group(2), value.get("default"))


def problem(value: Any, lexicon_keys: frozenset[str]) -> str | None:
    """What is wrong with a value that looks like a binding, or None."""
    if not isinstance(value, dict) or "from" not in value:
        return None
    found = binding_of(value)
    if found is None:
        return "'from' takes tone.SETTING or lexicon.LIST (and only 'default' beside it)"
    if found.source == "tone" and found.name not in TONE_SETTINGS:
        return f"unknown tone setting {found.name!r} (settings: {', '.join(TONE_SETTINGS)})"
    if found.source == "lexicon" and found.name not in lexicon_keys:
        return f"unknown lexicon list {found.name!r} (lists: {', '.join(sorted(lexicon_keys))})"
    if found.source == "lexicon" and found.default is not None:
        return "a lexicon list has no default"
    return None


def tone_value(tone: ToneProfile | None, name: str) -> Any:
    """The playbook's setting ``name`` (None when it is unset or there is no playbook)."""
    if tone is None:
        return None
    if name == "address":
        return None if tone.formal_address is None else ("formal" if tone.formal_address else "informal")
    value = getattr(tone, name)
    if value is None or (isinstance(value, (tuple, list, dict)) and not value):
        return None
    return value


def resolve_tone(binding: Binding, tone: ToneProfile | None, lang: str) -> Any:
    """A tone binding's value for messages in ``lang``: the setting, else the default."""
    value = tone_value(tone, binding.name)
    if value is not None:
        return value
    default = binding.default
    if isinstance(default, dict) and binding.name != "preferred":
        return default.get(lang, default.get("en"))
    return default
