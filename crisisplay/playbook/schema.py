"""JSON Schema validation with findings people can act on.

jsonschema's own messages ("... is not valid under any of the given schemas") name no
key and no fix. We walk each error, point at the exact key or value in the YAML, say
what is allowed, and suggest the closest key for a typo.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.playbook.loader import PathKey, SourceMap
from crisisplay.suggest import did_you_mean

RULE_SCHEMA = "CP002"

_TYPE_NAMES = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing (null)",
}


@functools.lru_cache(maxsize=1)
def schema_text() -> str:
    return resources.files("crisisplay.playbook").joinpath("schema.json").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def playbook_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(playbook_schema())


def _describe_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if value is None:
        return "nothing"
    text = str(value)
    return f"the text {text[:60]!r}{'…' if len(text) > 60 else ''}"


def _path_phrase(path: PathKey) -> str:
    if not path:
        return "at the top level"
    parts = [f"[{p}]" if isinstance(p, int) else str(p) for p in path]
    return "in " + ".".join(parts).replace(".[", "[")


def _allowed_keys(schema: dict[str, Any]) -> list[str]:
    return sorted(schema.get("properties", {}))


def _pick_anyof_error(error: Any) -> Any:
    """For anyOf/oneOf, the branch whose error went deepest is usually what was meant."""
    from jsonschema.exceptions import best_match

    if not error.context:
        return None
    return best_match(error.context)


def _human(error: Any, source: SourceMap) -> tuple[str, Location]:
    path: PathKey = tuple(error.absolute_path)
    validator = error.validator
    instance = error.instance
    location = source.locate(path)
    if validator == "additionalProperties":
        extras = [k for k in instance if k not in error.schema.get("properties", {})]
        allowed = _allowed_keys(error.schema)
        if extras:
            key = str(extras[0])
            location = source.locate((*path, key), key=True)
            return (
                f"unknown key {key!r} {_path_phrase(path)}{did_you_mean(key, allowed)} "
                f"(allowed: {', '.join(allowed)})",
                location,
            )
    if validator == "required":
        missing = [k for k in error.validator_value if k not in instance]
        return f"missing required key {missing[0]!r} {_path_phrase(path)}", source.locate(path, key=True)
    if validator == "enum":
        options = [str(o) for o in error.validator_value]
        hint = did_you_mean(str(instance), options) if isinstance(instance, str) else ""
        return (
            f"{_describe_type(instance)} is not allowed {_path_phrase(path)}{hint} "
            f"(allowed: {', '.join(options)})",
            location,
        )
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return f"expected {wanted} {_path_phrase(path)}, got {_describe_type(instance)}", location
    if validator == "pattern":
        if len(path) >= 1 and isinstance(instance, str) and path and path[-1] == instance:
            pass
        return (
            f"{_describe_type(instance)} has the wrong form {_path_phrase(path)} "
            f"(expected to match {error.validator_value})",
            location,
        )
    if validator == "propertyNames":
        bad = error.instance if isinstance(error.instance, str) else ""
        return f"name {bad!r} is not allowed {_path_phrase(path)}: {error.message}", location
    if validator in ("anyOf", "oneOf"):
        inner = _pick_anyof_error(error)
        if inner is not None and tuple(inner.absolute_path) != path:
            return _human(inner, source)
        description = error.schema.get("description") or ""
        if "$ref" in error.schema:
            description = description or error.schema["$ref"].rsplit("/", 1)[-1]
        for branch in error.validator_value:
            ref = branch.get("$ref", "")
            if ref and not description:
                description = ref.rsplit("/", 1)[-1]
        what = description or "one of the allowed forms"
        return f"{_describe_type(instance)} is not valid {_path_phrase(path)}: expected {what}", location
    if validator == "const":
        return f"{_path_phrase(path)} must be {error.validator_value!r}", location
    if validator in ("minLength", "minItems", "minProperties"):
        return f"value {_path_phrase(path)} must not be empty", location
    if validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        return f"value {_path_phrase(path)} must be {bound} {error.validator_value}", location
    if validator == "uniqueItems":
        return f"list {_path_phrase(path)} has repeated entries", location
    return f"{error.message} {_path_phrase(path)}", location


def validate_schema(data: Any, source: SourceMap) -> list[Diagnostic]:
    """Check ``data`` against the published schema; one Diagnostic per problem."""
    if not isinstance(data, dict):
        return [
            Diagnostic(
                RULE_SCHEMA,
                Severity.ERROR,
                "schema",
                f"a playbook must be a mapping of keys, got {_describe_type(data)}",
                source.locate(()),
                source="validate",
            )
        ]
    diagnostics: list[Diagnostic] = []
    for error in sorted(
        _validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    ):
        message, location = _human(error, source)
        diagnostics.append(
            Diagnostic(RULE_SCHEMA, Severity.ERROR, "schema", message, location, source="validate")
        )
    return diagnostics
