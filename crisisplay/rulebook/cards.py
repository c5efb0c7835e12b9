"""A rule's card: the one shape in which every rule of every family is declared.

A card is a YAML mapping in a rule file (``rules:`` list) beside the code that checks it::

    - id: CP131
      name: first-notice-late
      severity: error
      category: proactivity
      summary:
        en: The first notice is due later than the proactivity limit, or has no due time.
        ru: Первое сообщение запланировано позже допустимого срока или вовсе без срока.
      rationale:
        en: Customers who learn about a failure from a declined payment …
        ru: Клиент, который узнаёт о сбое из отказа в оплате, …
      fail: {playbook: {stages: {first_notice: {due: 45m}}}}
      pass: {playbook: {stages: {first_notice: {due: 20m}}}}

``fail`` and ``pass`` are runnable examples (one, or a list); what an example may hold
depends on the tool that checks the rule (:data:`EXAMPLE_KEYS`; docs/rules.md explains each
key). A tone rule's card is a rule of a rule pack: the same keys plus the kind, its options
and the message (:mod:`crisisplay.tone.packs`). Bundled rule files are *complete*: every card
names itself, has its summary and rationale in every language of :data:`DOC_LANGUAGES` and
both examples (or says in ``untestable`` why no input can trigger it). In a user's pack only
``id``, ``category`` and the kind's keys are required; ``summary`` and ``rationale`` may be one
text for every language.

Shape problems are :class:`CrisisplayError` at the exact line (:class:`Shape`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisplay.diagnostics.model import CATEGORIES, Location, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.lazy_re import LazyPattern
from crisisplay.suggest import did_you_mean

if TYPE_CHECKING:  # the loader brings YAML: only a file that is not in the cache needs it
    from crisisplay.playbook.loader import PathKey, SourceMap

TOOLS = ("validate", "render", "lint")
#: Languages every bundled rule is documented in (``crisisplay rules --lang``).
DOC_LANGUAGES = ("en", "ru")
#: Texts given once for every language are stored under this key.
ANY_LANGUAGE = "*"
CARD_KEYS = frozenset({"id", "name", "severity", "category", "summary", "rationale", "fail", "pass", "untestable"})
_TEXT, _MAP, _FLAG = (str,), (dict,), (bool,)
#: What a ``fail``/``pass`` example may hold, per tool (docs/rules.md, "Examples").
EXAMPLE_KEYS: dict[str, dict[str, tuple[type, ...]]] = {
    "validate": {"playbook": (dict, str), "files": _MAP},
    "render": {"playbook": (dict, str), "files": _MAP, "facts": _MAP, "stage": _TEXT, "at": _TEXT,
               "locale": _TEXT, "strict": _FLAG},
    "lint": {"text": _TEXT, "lang": _TEXT, "channel": _TEXT, "stage": _TEXT, "others": _MAP,
             "playbook": _MAP, "facts": _MAP, "at": _TEXT},
}
_REQUIRED_EXAMPLE_KEY = {"lint": "text"}
ID_PATTERN = LazyPattern(r"^[A-Za-z][A-Za-z0-9_.-]*$")

Texts = dict[str, str]
Example = dict[str, Any]


class RuleCard(NamedTuple):
    """A rule's identity and documentation, whatever checks it."""

    id: str
    name: str
    tool: str
    severity: Severity
    category: str
    summary: Texts
    rationale: Texts = {}  # noqa: RUF012 (shared by cards without one: cards are never mutated)
    fail: tuple[Example, ...] = ()
    passing: tuple[Example, ...] = ()
    untestable: str = ""
    location: Location | None = None

    def summary_in(self, lang: str) -> str:
        return text_in(self.summary, lang)

    def rationale_in(self, lang: str) -> str:
        return text_in(self.rationale, lang)


def text_in(texts: Mapping[str, str], lang: str) -> str:
    """The text for ``lang``; else the one for every language, else English, else any."""
    for key in (lang, ANY_LANGUAGE, DOC_LANGUAGES[0]):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


class Shape:
    """Shape checks of a rule file with located, human error messages."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source

    def fail(self, message: str, path: PathKey, *, key: bool = False) -> CrisisplayError:
        return CrisisplayError(message, self.source.locate(path, key=key))

    def mapping(self, value: Any, path: PathKey, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping, not {kind_name(value)}", path)
        return value

    def strings(self, value: Any, path: PathKey, what: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(f"{what} must be a list of phrases, not {kind_name(value)}", path)
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{what}[{index}] must be a non-empty string", (*path, index))
        return tuple(value)

    def keys(self, data: Mapping[str, Any], allowed: frozenset[str], path: PathKey, what: str) -> None:
        for key in data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f"; allowed: {', '.join(sorted(allowed))}"
                raise self.fail(f"unknown key {key!r} in {what}{hint}", (*path, key), key=True)

    def texts(self, value: Any, path: PathKey, what: str, *, complete: bool) -> Texts:
        """One text for every language, or ``{en: …, ru: …}`` (all of them when ``complete``)."""
        if isinstance(value, str) and value.strip() and not complete:
            return {ANY_LANGUAGE: value.strip()}
        if not isinstance(value, dict):
            need = "a mapping of " + ", ".join(DOC_LANGUAGES) if complete else "text or a mapping of languages"
            raise self.fail(f"{what} must be {need}, not {kind_name(value)}", path)
        self.keys(value, frozenset(DOC_LANGUAGES), path, what)
        texts: Texts = {}
        for lang in DOC_LANGUAGES:
            text = value.get(lang)
            if text is None and not complete:
                continue
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{what} needs a text in {lang!r}", (*path, lang) if lang in value else path)
            texts[lang] = " ".join(text.split()) if "\n" not in text.strip() else text.strip()
        return texts


_KIND_NAMES = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a whole number"}


def kind_name(value: Any) -> str:
    return _KIND_NAMES.get(type(value), type(value).__name__)


def parse_card(
    rule: dict[str, Any], path: PathKey, shape: Shape, tool: str, *,
    categories: tuple[str, ...] | None = None, complete: bool = False, extra_keys: frozenset[str] = frozenset(),
) -> RuleCard:
    """Check the card keys of one rule mapping (``extra_keys`` are the caller's to check)."""
    rule_id = rule.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise shape.fail(f"rule #{path[-1]}: 'id' is required (text)", path)
    if not ID_PATTERN.match(rule_id):
        raise shape.fail(f"rule id {rule_id!r}: use letters, digits, '.', '_' or '-'", (*path, "id"))
    shape.keys(rule, CARD_KEYS | extra_keys, path, f"rule {rule_id}")
    allowed = categories if categories is not None else tuple(CATEGORIES)
    category = rule.get("category")
    if not isinstance(category, str) or not category.strip():
        raise shape.fail(f"rule {rule_id}: 'category' is required (text)", path)
    if category not in allowed:
        raise shape.fail(
            f"rule {rule_id}: unknown category {category!r}{did_you_mean(category, allowed)} "
            f"(categories: {', '.join(allowed)})", (*path, "category"))
    if complete and "severity" not in rule:
        raise shape.fail(f"rule {rule_id}: 'severity' is required", path)
    try:
        severity = Severity.parse(str(rule.get("severity", "warning")))
    except ValueError as exc:
        raise shape.fail(f"rule {rule_id}: {exc}", (*path, "severity")) from None
    name = rule.get("name", rule_id.split(".", 1)[-1] if not complete else None)
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise shape.fail(f"rule {rule_id}: 'name' must be a lower-case slug (first-notice-late)", (*path, "name"))
    summary = shape.texts(rule["summary"], (*path, "summary"), f"rule {rule_id}: 'summary'", complete=complete) \
        if "summary" in rule or complete else {}
    rationale = shape.texts(rule["rationale"], (*path, "rationale"), f"rule {rule_id}: 'rationale'",
                            complete=complete) if "rationale" in rule or complete else {}
    untestable = rule.get("untestable", "")
    if not isinstance(untestable, str):
        raise shape.fail(f"rule {rule_id}: 'untestable' must be text (why no input can trigger it)",
                         (*path, "untestable"))
    fail = _examples(rule, "fail", path, shape, tool, rule_id)
    passing = _examples(rule, "pass", path, shape, tool, rule_id)
    if complete and not untestable.strip() and not (fail and passing):
        raise shape.fail(f"rule {rule_id}: needs a 'fail' and a 'pass' example (or 'untestable': why not)", path)
    return RuleCard(rule_id, name, tool, severity, category, summary, rationale, fail, passing,
                    untestable.strip(), shape.source.locate(path))


def _examples(rule: dict[str, Any], key: str, path: PathKey, shape: Shape, tool: str, rule_id: str
              ) -> tuple[Example, ...]:
    if key not in rule:
        return ()
    raw = rule[key]
    items = raw if isinstance(raw, list) else [raw]
    allowed = EXAMPLE_KEYS[tool]
    examples: list[Example] = []
    for index, item in enumerate(items):
        where: PathKey = (*path, key, index) if isinstance(raw, list) else (*path, key)
        example = shape.mapping(item, where, f"rule {rule_id}: '{key}' example")
        shape.keys(example, frozenset(allowed), where, f"a {tool} example")
        for name, value in example.items():
            if not isinstance(value, allowed[name]):
                raise shape.fail(f"rule {rule_id}: example '{name}' must be {kind_name(allowed[name][0]())}, "
                                 f"not {kind_name(value)}", (*where, name))
        needed = _REQUIRED_EXAMPLE_KEY.get(tool)
        if needed and needed not in example:
            raise shape.fail(f"rule {rule_id}: a {tool} example needs '{needed}'", where)
        examples.append(example)
    return tuple(examples)


def card_to_json(card: RuleCard) -> dict[str, Any]:
    """A card as JSON data (lint's cache); :func:`card_from_json` reads it back."""
    data = card._asdict()
    data["summary"], data["rationale"] = dict(card.summary), dict(card.rationale)
    data["location"] = card.location._asdict() if card.location else None
    data["severity"] = card.severity.label
    data["fail"], data["passing"] = list(card.fail), list(card.passing)
    return data


def card_from_json(data: Any) -> RuleCard:
    """Raises ``KeyError``/``TypeError``/``ValueError`` on anything :func:`card_to_json` did not write."""
    if not isinstance(data, dict):
        raise TypeError("not a card")
    location = data["location"]
    texts = {key: {str(k): str(v) for k, v in json_mapping(data[key]).items()} for key in ("summary", "rationale")}
    return RuleCard(
        id=str(data["id"]), name=str(data["name"]), tool=str(data["tool"]),
        severity=Severity.parse(str(data["severity"])), category=str(data["category"]),
        summary=texts["summary"], rationale=texts["rationale"],
        fail=tuple(json_mapping(e) for e in data["fail"]), passing=tuple(json_mapping(e) for e in data["passing"]),
        untestable=str(data["untestable"]), location=Location(**json_mapping(location)) if location else None,
    )


def json_text(value: Any) -> str:
    """JSON read back from the cache, checked for shape (``TypeError`` when it is not text)."""
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def json_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(json_text(v) for v in value)


def json_mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value
