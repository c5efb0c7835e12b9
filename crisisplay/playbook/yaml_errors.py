"""PyYAML's error messages rewritten for the people who write playbooks and facts files.

"mapping values are not allowed in this context" tells a CX lead nothing; what happened
is that ``cause: Причина: ошибка`` has a second ``": "`` and YAML read it as a new key.
Each common message is mapped to what the writer did and how to fix it (quote the text,
use ``>-``, indent with spaces), with an example built from the writer's own line. The
location stays the one YAML reported, except where another place is more useful (the
opening quote of an unclosed text, not the end of the file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError

_EXAMPLE_WIDTH = 40
_MAX_KEY = 1024  # YAML's limit for an implicit key
_LIST_ITEM = re.compile(r"^(\s*)(-\s+)?")


@dataclass(frozen=True)
class Explained:
    """A writer-facing message and the 0-based (line, column) it is about."""

    message: str
    line: int
    column: int


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _shorten(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _EXAMPLE_WIDTH else value[: _EXAMPLE_WIDTH - 1].rstrip() + "…"


def _quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (single quotes when it holds ``"``)."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quote_example(line: str, column: int) -> str | None:
    """``cause: Причина: ошибка`` → ``cause: "Причина: ошибка"``; None on a continuation line.

    ``column`` is where YAML stopped (the offending colon). When that colon is the first
    on its line, the line continues a text begun above and there is no key to keep.
    """
    match = _LIST_ITEM.match(line)
    prefix = match.group(0) if match else ""
    body = line[len(prefix):]
    first = body.find(": ")
    if first < 0 or column - len(prefix) <= first:
        return None
    key, value = body[:first].strip(), body[first + 2:].split(" #", 1)[0]
    is_item = bool(prefix.strip())
    if is_item and not re.fullmatch(r"[A-Za-z_][\w-]*", key):
        return f"- {_quoted(_shorten(body))}"  # «- Причина: ошибка» is one text, not a key
    return f"{prefix.strip()} {_shorten(key)}: {_quoted(_shorten(value))}".strip()


def _character_at(text: str, line: int, column: int) -> str:
    current = _line(text, line)
    return current[column] if 0 <= column < len(current) else ""


def _marks(exc: Any) -> tuple[Any, Any]:
    return getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)


def explain(exc: Any, text: str) -> Explained | None:
    """The rewritten message for a ``yaml.MarkedYAMLError``, or None for an unknown one."""
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark, start = _marks(exc)
    if mark is None:
        return None
    line, column = mark.line, mark.column
    current = _line(text, line)
    found = _character_at(text, line, column)

    def at(message: str, where: Any = None) -> Explained:
        place = where if where is not None else mark
        return Explained(message, place.line, place.column)

    for spot in (start, mark):
        key_line = _line(text, spot.line) if spot is not None else ""
        if len(key_line.lstrip(" -").split(": ", 1)[0]) >= _MAX_KEY and ": " in key_line:
            return Explained(f"a key longer than {_MAX_KEY} characters; YAML allows no longer key "
                             "(is a ': ' missing, or should this be a value?)", spot.line, 0)
    if "\t" in current[: column + 1] and (
        "cannot start any token" in problem or "tab" in problem or "expected key" in problem
        or "<block end>" in problem
    ):
        if not current[: column + 1].strip():
            return at("a tab character in the indentation; YAML indents with spaces only "
                      "(replace the tab with spaces)")
        return at("a tab character where YAML expects a value; use spaces, or put the text in quotes")
    if problem.startswith("mapping values are not allowed"):
        example = _quote_example(current, column)
        if example is None:
            return at("this line continues a text from the line above and holds ': ', which YAML reads "
                      "as a new key; put the whole text in quotes, or write it after '>-' (indented)")
        return at("a colon followed by a space (': ') inside a value; YAML reads it as the start of "
                  f"a new key. Put the whole value in quotes — {example} — or write it on the next "
                  "lines after '>-' (indented)")
    if problem.startswith("mapping keys are not allowed"):
        return at("'? ' inside a value starts a complex key in YAML; put the value in quotes")
    if "quoted scalar" in context and "end of stream" in problem and start is not None:
        quote = _character_at(text, start.line, start.column) or '"'
        return at(f"the text in quotes that starts here is never closed; add the closing {quote} "
                  "(write a quote inside the text as «ёлочки», or as \\\" in double quotes)", start)
    if "escape character" in problem:
        return at("a backslash inside double quotes starts an escape (\\n, \\t); use single quotes "
                  "for text with backslashes, or write the backslash twice (\\\\)")
    if "while scanning an alias" in context or "undefined alias" in problem:
        where = start if start is not None and "alias" in context else mark
        return at("'*' at the start of a value refers to a YAML anchor; put the text in quotes "
                  "(sms: \"*900# …\")", where)
    if "while scanning an anchor" in context:
        return at("'&' at the start of a value defines a YAML anchor; put the text in quotes", start or mark)
    if "tag" in context:
        return at("'!' at the start of a value is a YAML tag; put the text in quotes (note: \"!важно\")",
                  start or mark)
    if "cannot start any token" in problem:
        shown = found if found.strip() else "this character"
        return at(f"'{shown}' cannot start a value in YAML; put the value in quotes")
    if "block scalar" in context:
        return at("after '|' or '>' the text starts on the next line, indented; "
                  "nothing but a comment may follow on the same line")
    if "simple key" in context and start is not None:
        return at("this line has no 'key: value'. A key needs ': ' after it; if the line continues "
                  "the text above, indent it further, or write the text after '>-'", start)
    if "flow mapping" in context or "flow sequence" in context:
        opening, closing = ("{", "}") if "mapping" in context else ("[", "]")
        return at(f"the '{opening}' opened here is not closed with '{closing}' (or a value inside "
                  "needs quotes: a text with ',' or ': ' in a list written on one line)", start or mark)
    if "expected key" in problem or "<block end>" in problem:
        return _structure(text, mark, current, found)
    return None


def _structure(text: str, mark: Any, current: str, found: str) -> Explained:
    """"did not find expected key": text after a quote, a stray '- ', or a wrong indent."""
    before = current[: mark.column]
    if before.strip() and re.search(r"""["']\s*$""", before.rstrip() + " ") and before.count(": "):
        return Explained("text after the closing quote; put the whole value in quotes and write "
                         "quotes inside it as «ёлочки» (or \\\" in double quotes)", mark.line, mark.column)
    if found == "-":
        return Explained("a list item ('- ') where a key was expected; indent the list under its key, "
                         "the same way as its other items", mark.line, mark.column)
    indent = len(current) - len(current.lstrip(" "))
    above = _previous_indent(text, mark.line)
    hint = f" (this line starts in column {indent + 1}, the one above in column {above + 1})" if above >= 0 else ""
    return Explained("the indentation does not match the lines above: the keys of one mapping start "
                     f"in the same column{hint}; indent with spaces", mark.line, mark.column)


def _previous_indent(text: str, line: int) -> int:
    lines = text.splitlines()
    for index in range(min(line, len(lines)) - 1, -1, -1):
        candidate = lines[index]
        if candidate.strip() and not candidate.lstrip().startswith("#"):
            return len(candidate) - len(candidate.lstrip(" "))
    return -1


def mark_location(file: str, mark: Any, end: Any = None) -> Location:
    """A YAML mark (0-based) as a :class:`Location` (1-based); no mark: the file alone."""
    if mark is None:
        return Location(file)
    end_line = end.line + 1 if end is not None else 0
    end_col = end.column + 1 if end is not None else 0
    return Location(file, mark.line + 1, mark.column + 1, end_line, end_col)


def yaml_error(exc: Any, text: str, file: str) -> CrisisplayError:
    """A YAML syntax error (``yaml.MarkedYAMLError``) in a writer's terms, located."""
    explained = explain(exc, text)
    if explained is not None:
        return CrisisplayError(explained.message, Location(file, explained.line + 1, explained.column + 1))
    problem = exc.problem or "YAML syntax error"
    message = f"{problem} ({exc.context})" if exc.context else str(problem)
    return CrisisplayError(message, mark_location(file, exc.problem_mark or exc.context_mark))


def reader_error(exc: Any, text: str, file: str) -> CrisisplayError:
    """A control character YAML refuses (``yaml.reader.ReaderError``), at its line and column
    (libyaml counts bytes)."""
    character = exc.character if isinstance(exc.character, int) else 0
    index = text.find(chr(character)) if character else -1
    if index < 0:
        return CrisisplayError(f"cannot read YAML: {exc.reason}", Location(file))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return CrisisplayError(
        f"a control character (U+{character:04X}) is not allowed in YAML; remove it "
        "(it often comes with text pasted from another program)",
        Location(file, line, column),
    )
