"""Rule packs: YAML files of rules and word lists, loaded safely and checked for shape.

A pack (the bundled ``packs/ru.yaml`` and ``packs/en.yaml``, or one of yours passed with
``crisisplay lint --pack``) is::

    pack: ru                  # name; rule ids usually start with it
    language: ru              # ru or en: how its words are lemmatised
    description: …
    disable: [ru.alarm-mild]  # optional: switch off rules of packs loaded before this one
    lexicon:                  # word lists the built-in checks use (presence, facts, address)
      empathy: [извинить, сожалеть, …]
    services:                 # service id → phrases naming it (cross-channel facts)
      payments: [платёж, оплата]
    rules:                    # see crisisplay.tone.kinds for each kind's options
      - {id: ru.alarm, kind: existence, category: alarm, severity: warning, message: …,
         tokens: [паника, …]}

Files load through the project's safe loader (no tags, no merge keys, size limits, duplicate
keys refused); every shape problem is a :class:`CrisisplayError` at the exact line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crisisplay.diagnostics.model import CATEGORIES, Location, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.tone.base import STAGE_KINDS
from crisisplay.tone.kinds import KINDS, kind_options

if TYPE_CHECKING:  # the loader brings YAML: only a pack that is not in the cache needs it
    from crisisplay.playbook.loader import PathKey, SourceMap

LANGUAGES = ("ru", "en")
#: The categories a tone rule may use (the validate/render categories are not for lint).
LINT_CATEGORIES = tuple(
    name for name in CATEGORIES if name in (
        "alarm", "blame", "speculation", "shouting", "address", "bureaucratese", "readability",
        "missing-what-happened", "missing-service-status", "missing-contact",
        "missing-next-update", "missing-empathy", "inconsistency",
    )
)
COMMON_KEYS = frozenset(
    {"id", "kind", "category", "severity", "message", "summary", "exceptions", "stages", "channels"}
)
PACK_KEYS = frozenset({"pack", "language", "description", "disable", "lexicon", "services", "rules"})
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class RuleSpec:
    """A rule as written: validated shape, not yet compiled (compiling needs morphology)."""

    id: str
    kind: str
    category: str
    severity: Severity
    message: str
    summary: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    exceptions: tuple[str, ...] = ()
    stages: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    location: Location | None = None
    pack: str = ""


@dataclass(frozen=True)
class Pack:
    name: str
    language: str
    description: str = ""
    rules: tuple[RuleSpec, ...] = ()
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    services: dict[str, tuple[str, ...]] = field(default_factory=dict)
    disable: tuple[str, ...] = ()
    path: str = ""


class _Checker:
    """Shape checks with located, human error messages."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source

    def fail(self, message: str, path: PathKey, *, key: bool = False) -> CrisisplayError:
        return CrisisplayError(message, self.source.locate(path, key=key))

    def mapping(self, value: Any, path: PathKey, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping, not {_kind(value)}", path)
        return value

    def strings(self, value: Any, path: PathKey, what: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(f"{what} must be a list of phrases, not {_kind(value)}", path)
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{what}[{index}] must be a non-empty string", (*path, index))
        return tuple(value)

    def keys(self, data: dict[str, Any], allowed: frozenset[str], path: PathKey, what: str) -> None:
        for key in data:
            if key not in allowed:
                import difflib

                near = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else f"; allowed: {', '.join(sorted(allowed))}"
                raise self.fail(f"unknown key {key!r} in {what}{hint}", (*path, key), key=True)


_KIND_NAMES = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a whole number"}


def _kind(value: Any) -> str:
    return _KIND_NAMES.get(type(value), type(value).__name__)


def parse_rule(data: Any, path: PathKey, source: SourceMap, pack: str = "") -> RuleSpec:
    """Check one rule mapping and return its :class:`RuleSpec`."""
    check = _Checker(source)
    rule = check.mapping(data, path, "a rule")
    for key in ("id", "kind", "category", "message"):
        if not isinstance(rule.get(key), str) or not rule[key].strip():
            name = rule.get("id", f"#{path[-1]}")
            raise check.fail(f"rule {name}: '{key}' is required (text)", path)
    rule_id = rule["id"]
    if not _ID_RE.match(rule_id):
        raise check.fail(f"rule id {rule_id!r}: use letters, digits, '.', '_' or '-'", (*path, "id"))
    kind = rule["kind"]
    if kind not in KINDS:
        raise check.fail(f"rule {rule_id}: unknown kind {kind!r} (kinds: {', '.join(KINDS)})", (*path, "kind"))
    options = kind_options(kind)
    check.keys(rule, COMMON_KEYS | frozenset(options), path, f"rule {rule_id} ({kind})")
    if rule["category"] not in LINT_CATEGORIES:
        raise check.fail(
            f"rule {rule_id}: unknown category {rule['category']!r} (categories: {', '.join(LINT_CATEGORIES)})",
            (*path, "category"),
        )
    try:
        severity = Severity.parse(str(rule.get("severity", "warning")))
    except ValueError as exc:
        raise check.fail(f"rule {rule_id}: {exc}", (*path, "severity")) from None
    values: dict[str, Any] = {}
    for name, (types, required) in options.items():
        if name not in rule:
            if required:
                raise check.fail(f"rule {rule_id}: kind {kind} needs '{name}'", path)
            continue
        value = rule[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            expected = f"must be {_kind(types[0]())}, not {_kind(value)}"
            raise check.fail(f"rule {rule_id}: '{name}' {expected}", (*path, name))
        values[name] = value
    _check_options(check, rule_id, kind, values, path)
    return RuleSpec(
        id=rule_id,
        kind=kind,
        category=rule["category"],
        severity=severity,
        message=rule["message"].strip(),
        summary=str(rule.get("summary", "")).strip(),
        options=values,
        exceptions=check.strings(rule.get("exceptions", []), (*path, "exceptions"), "exceptions"),
        stages=_stages(check, rule, path),
        channels=frozenset(check.strings(rule["channels"], (*path, "channels"), "channels"))
        if "channels" in rule else None,
        location=source.locate(path),
        pack=pack,
    )


def _stages(check: _Checker, rule: dict[str, Any], path: PathKey) -> frozenset[str] | None:
    if "stages" not in rule:
        return None
    stages = check.strings(rule["stages"], (*path, "stages"), "stages")
    for index, stage in enumerate(stages):
        if stage not in STAGE_KINDS:
            kinds = ", ".join(STAGE_KINDS)
            raise check.fail(f"unknown stage kind {stage!r} (kinds: {kinds})", (*path, "stages", index))
    return frozenset(stages)


def _check_options(check: _Checker, rule_id: str, kind: str, values: dict[str, Any], path: PathKey) -> None:
    for name in ("tokens", "exempt", "acronyms", "shout_words"):
        if name in values:
            check.strings(values[name], (*path, name), name)
    for index, pattern in enumerate(values.get("patterns", [])):
        try:
            re.compile(str(pattern))
        except re.error as exc:
            raise check.fail(f"rule {rule_id}: bad pattern {pattern!r}: {exc}", (*path, "patterns", index)) from None
    if "swap" in values:
        for key, value in values["swap"].items():
            if not isinstance(value, str) or not value.strip():
                raise check.fail(f"rule {rule_id}: swap {key!r} needs a replacement text", (*path, "swap", key))
    if "groups" in values:
        for name, phrases in values["groups"].items():
            check.strings(phrases, (*path, "groups", name), f"group {name}")
    if kind in ("existence", "required") and not (values.get("tokens") or values.get("patterns")):
        raise check.fail(f"rule {rule_id}: kind {kind} needs 'tokens' or 'patterns'", path)
    choices = {"target": ("words", "tokens", "patterns"), "scope": ("text", "sentence"),
               "mode": ("shouting", "consistent")}
    if kind == "capitalization":
        choices["prefer"] = ("upper", "lower", "majority")
    if kind == "consistency":
        choices["prefer"] = tuple(values["groups"])
    if kind == "cooccurrence":
        choices["scope"] = ("clause", "sentence")
        for name, phrases in values["groups"].items():
            check.strings(phrases, (*path, "groups", name), f"group {name}")
        if "unless" in values:
            check.strings(values["unless"], (*path, "unless"), "unless")
    for name, allowed in choices.items():
        if name in values and values[name] not in allowed:
            raise check.fail(f"rule {rule_id}: '{name}' must be one of {', '.join(allowed)}", (*path, name))
    if kind == "occurrence" and "max" not in values and "min" not in values:
        raise check.fail(f"rule {rule_id}: kind occurrence needs 'max' or 'min'", path)


def parse_pack(data: Any, source: SourceMap, path: str) -> Pack:
    check = _Checker(source)
    top = check.mapping(data, (), "a rule pack")
    check.keys(top, PACK_KEYS, (), "the rule pack")
    name = top.get("pack")
    if not isinstance(name, str) or not name.strip():
        raise check.fail("'pack' (the pack's name) is required", ())
    language = top.get("language")
    if language not in LANGUAGES:
        raise check.fail(f"'language' must be one of {', '.join(LANGUAGES)}", ("language",))
    rules_raw = top.get("rules", [])
    if not isinstance(rules_raw, list):
        raise check.fail("'rules' must be a list of rules", ("rules",))
    rules = tuple(parse_rule(item, ("rules", i), source, name) for i, item in enumerate(rules_raw))
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


def pack_from_text(text: str, name: str = "<pack>") -> Pack:
    """Check a pack's YAML text, or take the pack checked from the same name and text before.

    Checking a pack (YAML with positions, every rule's shape) is work a second run needs
    not repeat: the result is kept in lint's cache (:mod:`crisisplay.tone.cache`) under the
    SHA-256 of the name and the text. A pack with errors is never cached.
    """
    from crisisplay.tone.cache import content_key, open_cache

    store = open_cache()
    key = content_key(name, text)
    if store is not None:
        cached = pack_from_json(store.get("packs", key))
        if cached is not None:
            return cached
    from crisisplay.playbook.loader import parse_text

    document = parse_text(text, name)
    pack = parse_pack(document.data, document.source, name)
    if store is not None:
        store.put_many("packs", {key: pack_to_json(pack)})
    return pack


@functools.cache
def bundled_pack(language: str) -> Pack:
    """The pack shipped for ``language`` (``ru`` or ``en``)."""
    if language not in LANGUAGES:
        raise CrisisplayError(
            f"no tone rules for language {language!r}", hint=f"supported: {', '.join(LANGUAGES)}"
        )
    ref = resources.files("crisisplay.tone").joinpath("packs").joinpath(f"{language}.yaml")
    return pack_from_text(ref.read_text("utf-8"), f"crisisplay/tone/packs/{language}.yaml")


def pack_to_json(pack: Pack) -> dict[str, Any]:
    """A checked pack as JSON data (for the cache; :func:`pack_from_json` reads it back)."""
    return {
        "name": pack.name, "language": pack.language, "description": pack.description, "path": pack.path,
        "disable": list(pack.disable),
        "lexicon": {k: list(v) for k, v in pack.lexicon.items()},
        "services": {k: list(v) for k, v in pack.services.items()},
        "rules": [{
            "id": r.id, "kind": r.kind, "category": r.category, "severity": r.severity.label,
            "message": r.message, "summary": r.summary, "options": r.options, "exceptions": list(r.exceptions),
            "stages": sorted(r.stages) if r.stages is not None else None,
            "channels": sorted(r.channels) if r.channels is not None else None,
            "location": dataclasses.asdict(r.location) if r.location is not None else None, "pack": r.pack,
        } for r in pack.rules],
    }


def pack_from_json(data: Any) -> Pack | None:
    """The pack :func:`pack_to_json` wrote, or None for anything else (then it is checked anew)."""
    try:
        rules = tuple(RuleSpec(
            id=_text(r["id"]), kind=_text(r["kind"]), category=_text(r["category"]),
            severity=Severity.parse(_text(r["severity"])), message=_text(r["message"]), summary=_text(r["summary"]),
            options=_mapping(r["options"]), exceptions=_texts(r["exceptions"]),
            stages=frozenset(_texts(r["stages"])) if r["stages"] is not None else None,
            channels=frozenset(_texts(r["channels"])) if r["channels"] is not None else None,
            location=Location(**_mapping(r["location"])) if r["location"] is not None else None,
            pack=_text(r["pack"]),
        ) for r in data["rules"])
        if any(r.kind not in KINDS or r.category not in LINT_CATEGORIES for r in rules):
            return None
        return Pack(
            name=_text(data["name"]), language=_text(data["language"]), description=_text(data["description"]),
            rules=rules, path=_text(data["path"]), disable=_texts(data["disable"]),
            lexicon={_text(k): _texts(v) for k, v in _mapping(data["lexicon"]).items()},
            services={_text(k): _texts(v) for k, v in _mapping(data["services"]).items()},
        )
    except (KeyError, TypeError, ValueError):
        return None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(_text(v) for v in value)


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value
