"""Rule packs: YAML files of rules and word lists, loaded safely and checked for shape.

A pack (the bundled ``packs/core.yaml``, ``ru.yaml`` and ``en.yaml``, or one of yours passed
with ``crisisplay lint --pack``) is::

    pack: ru                  # name; rule ids usually start with it
    language: ru              # ru, en, or any: the messages it applies to
    description: …
    disable: [ru.alarm-mild]  # optional: switch off rules of packs loaded before this one
    lexicon:                  # word lists the built-in checks use (presence, facts, address)
      empathy: [извинить, сожалеть, …]
    services:                 # service id → phrases naming it (cross-channel facts)
      payments: [платёж, оплата]
    rules:                    # crisisplay.tone.pack_rules; each kind's options: crisisplay.tone.kinds
      - {id: ru.alarm, kind: existence, category: alarm, severity: warning, message: …,
         tokens: [паника, …]}

The built-in rules CP301–CP341 are the ``core`` pack (``language: any``), read like yours.
Files load through the project's safe loader (no tags, no merge keys, size limits, duplicate
keys refused, :mod:`crisisplay.rulebook.files`); every shape problem is a
:class:`CrisisplayError` at the exact line.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisplay.errors import CrisisplayError
from crisisplay.rulebook.cards import (
    RuleCard,
    Shape,
    card_from_json,
    card_to_json,
    json_mapping,
    json_text,
    json_texts,
)
from crisisplay.tone.kinds import KINDS
from crisisplay.tone.pack_rules import LINT_CATEGORIES, RuleSpec, parse_rule
from crisisplay.tone.patterns import BUNDLED_PACKS

if TYPE_CHECKING:
    from crisisplay.playbook.loader import Document, SourceMap

#: Languages with a bundled pack (and a lint catalog).
LANGUAGES = ("ru", "en")
#: A pack of ``language: any`` applies to messages in every language.
ANY = "any"
PACK_KEYS = frozenset({"pack", "language", "description", "disable", "lexicon", "services", "rules"})
#: The bundled pack of the built-in rules (CP3xx), read after the language packs.
CORE = "core"

__all__ = ["ANY", "LANGUAGES", "LINT_CATEGORIES", "Pack", "RuleSpec", "bundled_cards", "bundled_pack", "bundled_spec",
           "core_pack", "load_pack", "pack_from_text", "parse_pack", "parse_rule"]


class Pack(NamedTuple):
    name: str
    language: str
    description: str = ""
    rules: tuple[RuleSpec, ...] = ()
    # the empty defaults are shared: packs are values, never mutated
    lexicon: dict[str, tuple[str, ...]] = {}  # noqa: RUF012
    services: dict[str, tuple[str, ...]] = {}  # noqa: RUF012
    disable: tuple[str, ...] = ()
    path: str = ""

    def applies_to(self, lang: str) -> bool:
        return self.language in (lang, ANY)


def parse_pack(data: Any, source: SourceMap, path: str, *, complete: bool = False) -> Pack:
    """Check a pack's data (``complete``: a bundled pack, every rule fully documented)."""
    check = Shape(source)
    top = check.mapping(data, (), "a rule pack")
    check.keys(top, PACK_KEYS, (), "the rule pack")
    name = top.get("pack")
    if not isinstance(name, str) or not name.strip():
        raise check.fail("'pack' (the pack's name) is required", ())
    language = top.get("language")
    if language not in (*LANGUAGES, ANY):
        raise check.fail(f"'language' must be one of {', '.join((*LANGUAGES, ANY))}", ("language",))
    rules_raw = top.get("rules", [])
    if not isinstance(rules_raw, list):
        raise check.fail("'rules' must be a list of rules", ("rules",))
    rules = tuple(parse_rule(item, ("rules", i), source, name, complete=complete) for i, item in enumerate(rules_raw))
    seen: dict[str, int] = {}
    for index, spec in enumerate(rules):
        if spec.id in seen:
            raise check.fail(f"duplicate rule id {spec.id!r} (first at rules[{seen[spec.id]}])", ("rules", index, "id"))
        seen[spec.id] = index
    lexicon = {
        key: check.strings(value, ("lexicon", key), f"lexicon.{key}")
        for key, value in check.mapping(top.get("lexicon", {}), ("lexicon",), "'lexicon'").items()
    }
    services = {
        key: check.strings(value, ("services", key), f"services.{key}")
        for key, value in check.mapping(top.get("services", {}), ("services",), "'services'").items()
    }
    disable = check.strings(top.get("disable", []), ("disable",), "disable")
    return Pack(name, language, str(top.get("description", "")), rules, lexicon, services, disable, path)


def load_pack(path: str | Path) -> Pack:
    """Load and check a rule pack file (a pack checked before comes from the cache)."""
    from crisisplay.playbook.reading import decode as decode_text
    from crisisplay.playbook.reading import read_bytes

    name = str(path)
    return pack_from_text(decode_text(read_bytes(path), name), name)


def pack_from_text(text: str, name: str = "<pack>", *, complete: bool = False) -> Pack:
    """Check a pack's YAML text, or take the pack checked from the same name and text before
    (lint's cache, :func:`crisisplay.rulebook.files.load_checked`; a pack with errors is never
    cached)."""
    from crisisplay.rulebook.files import load_checked

    def parse(document: Document) -> Pack:
        return parse_pack(document.data, document.source, name, complete=complete)

    space = "packs-bundled" if complete else "packs"
    return load_checked(space, name, text, parse, pack_to_json, pack_from_json)


def _bundled(file: str) -> Pack:
    # The package's folder, not importlib.resources: its import (zipfile, tempfile, …) costs a
    # lint run more than reading the pack, and the package is never run from a zip (the lint
    # cache's fingerprint and the bundled playbooks read their files by path too).
    path = Path(__file__).parent / "packs" / file
    return pack_from_text(path.read_text("utf-8"), f"{BUNDLED_PACKS}{file}", complete=True)


@functools.cache
def bundled_pack(language: str) -> Pack:
    """The pack shipped for ``language`` (``ru`` or ``en``)."""
    if language not in LANGUAGES:
        raise CrisisplayError(
            f"no tone rules for language {language!r}", hint=f"supported: {', '.join(LANGUAGES)}"
        )
    return _bundled(f"{language}.yaml")


@functools.cache
def core_pack() -> Pack:
    """The built-in rules (CP301–CP341), for messages in every language."""
    return _bundled(f"{CORE}.yaml")


def bundled_cards() -> tuple[RuleCard, ...]:
    """Every bundled tone rule's card: the core rules by id, then each language pack's."""
    core = sorted((spec.card for spec in core_pack().rules), key=lambda card: card.id)
    return (*core, *(spec.card for lang in LANGUAGES for spec in bundled_pack(lang).rules))


def pack_to_json(pack: Pack) -> dict[str, Any]:
    """A checked pack as JSON data (for the cache; :func:`pack_from_json` reads it back)."""
    return {
        "name": pack.name, "language": pack.language, "description": pack.description, "path": pack.path,
        "disable": list(pack.disable),
        "lexicon": {k: list(v) for k, v in pack.lexicon.items()},
        "services": {k: list(v) for k, v in pack.services.items()},
        "rules": [{
            "card": card_to_json(r.card), "kind": r.kind, "message": r.message, "options": r.options,
            "exceptions": list(r.exceptions),
            "stages": sorted(r.stages) if r.stages is not None else None,
            "channels": sorted(r.channels) if r.channels is not None else None, "pack": r.pack,
        } for r in pack.rules],
    }


def pack_from_json(data: Any) -> Pack | None:
    """The pack :func:`pack_to_json` wrote, or None for anything else (then it is checked anew)."""
    try:
        rules = tuple(RuleSpec(
            card=card_from_json(r["card"]), kind=json_text(r["kind"]), message=json_mapping(r["message"]),
            options=json_mapping(r["options"]), exceptions=json_texts(r["exceptions"]),
            stages=frozenset(json_texts(r["stages"])) if r["stages"] is not None else None,
            channels=frozenset(json_texts(r["channels"])) if r["channels"] is not None else None,
            pack=json_text(r["pack"]),
        ) for r in data["rules"])
        if any(r.kind not in KINDS or r.category not in LINT_CATEGORIES for r in rules):
            return None
        return Pack(
            name=json_text(data["name"]), language=json_text(data["language"]),
            description=json_text(data["description"]), rules=rules, path=json_text(data["path"]),
            disable=json_texts(data["disable"]),
            lexicon={json_text(k): json_texts(v) for k, v in json_mapping(data["lexicon"]).items()},
            services={json_text(k): json_texts(v) for k, v in json_mapping(data["services"]).items()},
        )
    except (KeyError, TypeError, ValueError):
        return None


def bundled_spec(rule_id: str) -> RuleSpec | None:
    """A bundled tone rule as written (its kind, options and message), or None."""
    for pack in (core_pack(), *(bundled_pack(lang) for lang in LANGUAGES)):
        for spec in pack.rules:
            if spec.id == rule_id:
                return spec
    return None
