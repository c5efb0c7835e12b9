"""Safe YAML/JSON loading that remembers where every value came from.

PyYAML's composer gives us nodes with marks; we build plain Python values from them
ourselves (instead of ``yaml.load``) so that we can refuse duplicate keys, bound the
expansion of aliases ("billion laughs"), bound nesting, and record the position of every
key and value under its path, e.g. ``("stages", 0, "templates", "sms")``.

Only the YAML *core*-like scalars are resolved: strings, integers, floats, ``true``/
``false`` and ``null``. Dates stay strings (the model parses them with a time zone), and
YAML 1.1's ``yes``/``no``/``on``/``off`` stay strings ("no" is a valid answer, not False).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.reading import MAX_FILE_BYTES as MAX_FILE_BYTES
from crisisplay.playbook.reading import decode, read_bytes
from crisisplay.playbook.yaml_errors import mark_location, reader_error, yaml_error

PathKey = tuple[str | int, ...]

#: libyaml's parser when PyYAML was built with it (about 10x faster); the pure-Python
#: one otherwise. Both only compose nodes here: construction is our own, below.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
MAX_NODES = 100_000
#: Digits in an integer: far above any real value, far below Python's 4,300-digit limit.
MAX_INT_DIGITS = 100


@dataclass(frozen=True)
class Limits:
    """Input limits; each breach is a clear error, never a hang or a memory blow-up."""

    max_bytes: int = MAX_FILE_BYTES
    max_depth: int = MAX_DEPTH
    max_nodes: int = MAX_NODES


DEFAULT_LIMITS = Limits()


@dataclass
class SourceMap:
    """Positions of values and keys by path, across one or more files."""

    values: dict[PathKey, Location] = field(default_factory=dict)
    keys: dict[PathKey, Location] = field(default_factory=dict)
    default_file: str = "<unknown>"

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The best-known location for ``path``: the key itself, or the nearest ancestor."""
        table = self.keys if key else self.values
        probe: PathKey = tuple(path)
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            if not probe:
                return Location(self.default_file)
            probe = probe[:-1]

    def key_location(self, path: PathKey) -> Location:
        return self.locate(path, key=True)

    def merged_with(self, other: SourceMap) -> SourceMap:
        """Positions of ``other`` win where both know a path (it is the overriding file)."""
        return SourceMap(
            values={**self.values, **other.values},
            keys={**self.keys, **other.keys},
            default_file=other.default_file,
        )


@dataclass
class Document:
    """A loaded file: its plain data and where each piece came from."""

    data: Any
    source: SourceMap
    path: str
    text: str


_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_HEX_RE = re.compile(r"^0x[0-9a-fA-F_]+$")
_FLOAT_RE = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_NULLS = {"", "~", "null"}
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_SCALAR_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_BOOLS = {"true": True, "false": False}


def _resolve_plain(text: str) -> Any:
    """Core-schema value of a plain scalar; ValueError for an integer too long to be one."""
    lowered = text.lower()
    if lowered in _NULLS:
        return None
    if lowered in _BOOLS:
        return _BOOLS[lowered]
    if _INT_RE.match(text) or _HEX_RE.match(text):
        digits = text.replace("_", "")
        if len(digits.lstrip("+-")) > MAX_INT_DIGITS:
            raise ValueError(f"an integer of {len(digits.lstrip('+-'))} digits (at most {MAX_INT_DIGITS}); "
                             "put it in quotes if it is text")
        return int(digits, 16 if _HEX_RE.match(text) else 10)
    if lowered in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[lowered]
    if _FLOAT_RE.match(text) and any(ch.isdigit() for ch in text):
        return float(text.replace("_", ""))
    return text


class _Builder:
    """Turns a composed node graph into plain values, checking limits as it walks."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.nodes = 0
        self.source = SourceMap(default_file=file)

    def build(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _too_many(self.limits, mark_location(self.file, node.start_mark), aliases=True)
        if depth > self.limits.max_depth:
            raise CrisisplayError(
                f"nesting deeper than {self.limits.max_depth} levels",
                mark_location(self.file, node.start_mark),
            )
        self.source.values[path] = mark_location(self.file, node.start_mark, node.end_mark)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
            raise CrisisplayError(
                f"YAML tag {node.tag!r} is not allowed (playbooks are plain data)",
                mark_location(self.file, node.start_mark),
            )
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        raise CrisisplayError("unsupported YAML node", mark_location(self.file, node.start_mark))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _ALLOWED_SCALAR_TAGS:
            raise CrisisplayError(
                f"YAML tag {node.tag!r} is not allowed (playbooks are plain data)",
                mark_location(self.file, node.start_mark),
            )
        if node.style:  # quoted or block scalar: always text
            return node.value
        if node.tag == _STR_TAG:  # plain text, or an explicit !!str
            return node.value
        return self._plain(node)

    def _plain(self, node: yaml.ScalarNode) -> Any:
        try:
            return _resolve_plain(node.value)
        except ValueError as exc:
            raise CrisisplayError(str(exc), mark_location(self.file, node.start_mark)) from None

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, yaml.ScalarNode)
                and key_node.value == "<<"
                and not key_node.style
            ):
                raise CrisisplayError(
                    "YAML merge keys ('<<') are not supported; use 'extends' to reuse a playbook",
                    mark_location(self.file, key_node.start_mark),
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise CrisisplayError(
                    "mapping keys must be plain text, not lists or mappings",
                    mark_location(self.file, key_node.start_mark),
                )
            key = key_node.value if key_node.style else self._plain(key_node)
            if key is None or isinstance(key, (bool, float)):
                raise CrisisplayError(
                    f"mapping key {key_node.value!r} must be text",
                    mark_location(self.file, key_node.start_mark),
                )
            key = str(key)
            key_loc = mark_location(self.file, key_node.start_mark, key_node.end_mark)
            if key in first_seen:
                raise CrisisplayError(
                    f"duplicate key {key!r} (first defined at line {first_seen[key].line}); "
                    "YAML would silently keep only the last one",
                    key_loc,
                )
            first_seen[key] = key_loc
            child_path = (*path, key)
            self.source.keys[child_path] = key_loc
            result[key] = self.build(value_node, child_path, depth + 1)
        return result


def _too_many(limits: Limits, location: Location, *, aliases: bool) -> CrisisplayError:
    if aliases:
        return CrisisplayError(
            f"document expands to more than {limits.max_nodes:,} values through its aliases "
            "('*name'); a file whose aliases multiply ('billion laughs') is refused",
            location,
        )
    return CrisisplayError(
        f"document holds more than {limits.max_nodes:,} values; a playbook or facts file needs far "
        "fewer (is this the right file?)",
        location,
    )


def _check_expansion(root: yaml.Node, file: str, limits: Limits) -> None:
    """Refuse documents whose aliases expand past the node limit, before expanding them.

    Sizes are computed once per distinct node (aliases share nodes), so a "billion
    laughs" file costs as much as its text, not as much as its expansion.
    """
    sizes: dict[int, int] = {}
    on_stack: set[int] = set()
    shared = [False]  # an alias was met: a large expansion is a "billion laughs", not a long list

    def size(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            shared[0] = True
            return sizes[key]
        if depth > limits.max_depth or key in on_stack:
            raise CrisisplayError(
                f"nesting deeper than {limits.max_depth} levels (or an alias that contains itself)",
                mark_location(file, node.start_mark),
            )
        total = 1
        if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
            on_stack.add(key)
            children = node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair]
            for child in children:
                total += size(child, depth + 1)
                if total > limits.max_nodes:
                    raise _too_many(limits, mark_location(file, node.start_mark), aliases=shared[0])
            on_stack.discard(key)
        sizes[key] = total
        return total

    size(root, 0)


def parse_text(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML (JSON is YAML) text into a :class:`Document`."""
    if not text.strip():
        raise CrisisplayError("file is empty", Location(file, 1, 1))
    if len(text.encode("utf-8")) > limits.max_bytes:
        raise CrisisplayError(f"file is larger than {limits.max_bytes} bytes", Location(file))
    try:
        nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.MarkedYAMLError as exc:
        raise yaml_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:
        raise reader_error(exc, text, file) from None
    except yaml.YAMLError as exc:
        raise CrisisplayError(f"cannot read YAML: {exc}", Location(file)) from None
    except RecursionError:
        raise CrisisplayError(
            f"nesting deeper than {limits.max_depth} levels", Location(file)
        ) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise CrisisplayError("file holds no YAML document (only comments?)", Location(file, 1, 1))
    if len(nodes) > 1:
        raise CrisisplayError(
            "file holds more than one YAML document ('---'); put one playbook per file",
            mark_location(file, nodes[1].start_mark),
        )
    builder = _Builder(file, limits)
    try:
        _check_expansion(nodes[0], file, limits)
        data = builder.build(nodes[0], (), 0)
    except RecursionError:
        raise CrisisplayError(
            f"nesting deeper than {limits.max_depth} levels", Location(file)
        ) from None
    return Document(data=data, source=builder.source, path=file, text=text)


def load_file(
    path: str | Path,
    limits: Limits = DEFAULT_LIMITS,
    *,
    display_name: str | None = None,
) -> Document:
    """Load a YAML or JSON file with positions. Errors are :class:`CrisisplayError`."""
    name = display_name or str(path)
    raw = read_bytes(path, limits.max_bytes)
    return parse_text(decode(raw, name), name, limits)


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(raw) > limits.max_bytes:
        raise CrisisplayError(f"input is larger than {limits.max_bytes} bytes", Location(name))
    return parse_text(decode(raw, name), name, limits)


def dump_json(data: Any) -> str:
    """JSON with non-ASCII kept readable (Cyrillic stays Cyrillic)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


Walker = Callable[[Any, PathKey], None]
