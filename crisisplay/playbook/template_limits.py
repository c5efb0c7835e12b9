"""The sandbox budgets, and what ``validate`` can see of them before anything runs.

Jinja2's sandbox stops templates from reaching Python internals; it does not stop them
from working forever or filling memory (``'x'|center(10**9)``, three nested
``range(1000)`` loops, a string doubled sixty times). Every template therefore renders
within the budgets below (enforced by :mod:`crisisplay.render.budget`, documented in
docs/templates.md, "Sandbox budgets"); a template that exceeds one gets a located
finding (render: CP219) within about a second.

This module holds the numbers (the render side imports them, so the two never differ)
and the static checks ``validate`` runs on the template text and AST (CP108, CP109):
size, tags and nesting, read from the token stream so that a template nested too deep
for Jinja2's recursive parser is refused before it is parsed; constant widths,
repetitions, exponents and ranges; loops whose constant ranges multiply past the step
budget; and attribute names the sandbox always refuses.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Characters of one template (stage part, partial or template file).
MAX_TEMPLATE_CHARS = 100_000
#: ``{{ … }}`` and ``{% … %}`` tags in one template (compiling 60,000 took 27 s and 746 MB).
MAX_TEMPLATE_TAGS = 2_000
#: Block tags open inside each other (Python allows 20 nested loops in generated code).
MAX_BLOCK_NESTING = 16
#: Brackets open inside each other in one expression (the parser recurses per level).
MAX_BRACKET_NESTING = 24
#: Characters of one rendered part (an SMS body, an e-mail's HTML).
MAX_OUTPUT = 1_000_000
#: Size of any one text or list a template builds (characters + items, nested included).
MAX_VALUE = 1_000_000
#: Characters and items all building operations of one render may produce together.
MAX_CREATED = 8_000_000
#: Loop iterations plus calls (macros, methods) in one render of one part.
MAX_STEPS = 100_000
#: Widths, paddings, indents and precisions in filters and format specifications.
MAX_WIDTH = 1_000
#: Items one ``*`` repetition may produce (``'-' * 20`` is fine).
MAX_REPEAT = 10_000
#: Exponent of ``**``.
MAX_POWER = 64
#: Bits of an integer a template computes (about 3,000 digits).
MAX_INT_BITS = 10_000
#: Digits of an integer written in a template (Python refuses to read more than 4,300).
MAX_INT_DIGITS = 100
#: Decimal places of ``round`` and the ``number`` filter.
MAX_PRECISION = 100
#: CPU seconds one render of one part may take: the net under every other budget.
MAX_CPU_SECONDS = 0.5

RULE_SANDBOX = "CP108"
RULE_BUDGET = "CP109"

#: Filters whose argument at this position (0 = first after the value) is a width.
WIDTH_ARGUMENTS: dict[str, tuple[tuple[int, str], ...]] = {
    "center": ((0, "width"),),
    "indent": ((0, "width"),),
    "wordwrap": ((0, "width"),),
    "tojson": ((0, "indent"),),
    "round": ((0, "precision"),),
    "number": ((0, "digits"),),
    "batch": ((0, "linecount"),),
    "slice": ((0, "slices"),),
}
#: ``str`` methods whose first argument is a width.
WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
#: Argument names the same filters take as keywords.
_WIDTH_KEYWORDS = frozenset({"width", "indent", "precision", "digits", "linecount", "slices", "tabsize"})
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])")
_SPEC_NUMBER = re.compile(r"\d+")


def width_limit(name: str) -> int:
    """The most a width-like argument may be: precisions and counts have their own."""
    if name in ("precision", "digits"):
        return MAX_PRECISION
    if name in ("linecount", "slices"):
        return MAX_REPEAT
    return MAX_WIDTH


def printf_problem(text: str) -> str | None:
    """What is wrong with the ``%`` widths in ``text`` (``'%01000000000d'``), or None."""
    for match in _PRINTF.finditer(text):
        width, precision, _kind = match.groups()
        if "*" in (width, precision):
            return "a '*' width takes its size from the values; write the width in the format"
        for number in (width, precision):
            if number and (len(number) > 6 or int(number) > MAX_WIDTH):
                return f"width {number} in {match.group(0)[:20]!r} is over the limit of {MAX_WIDTH}"
    return None


def format_spec_problem(text: str) -> str | None:
    """What is wrong with the widths in a ``str.format`` string (``'{:>1000000000}'``), or None."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return None  # str.format will say what is wrong
    for _literal, _name, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec:
            return "a width taken from the values ('{:{}}') is not allowed; write the width in the format"
        for number in _SPEC_NUMBER.findall(spec):
            if len(number) > 6 or int(number) > MAX_WIDTH:
                return f"width {number} in the format spec {spec[:20]!r} is over the limit of {MAX_WIDTH}"
    return None


# -- the token stream: size, tags, nesting --------------------------------------------------
_OPENING_BLOCKS = frozenset({"for", "if", "macro", "call", "filter", "block", "with", "autoescape", "raw", "trans"})
_BRACKETS = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


@dataclass(frozen=True)
class SourceProblem:
    """A budget the template text breaks, at its 1-based template line."""

    message: str
    line: int


def check_source(source: str, environment: Any) -> SourceProblem | None:
    """Size, tag count and nesting of ``source``, read with ``environment``'s lexer.

    The lexer is iterative (regular expressions), so this runs safely where the
    recursive parser would exhaust the stack (3,000 nested parentheses, 500 nested
    ``{% if %}``). A template the lexer cannot read is left to the parser's own error.
    """
    from jinja2.exceptions import TemplateSyntaxError

    if len(source) > MAX_TEMPLATE_CHARS:
        return SourceProblem(
            f"the template has {len(source):,} characters, over the limit of {MAX_TEMPLATE_CHARS:,} "
            "(split it into partials)", 1)
    tags = blocks = brackets = 0
    set_block = False
    expecting_name = False
    try:
        for line, kind, value in environment.lex(source):
            if kind in ("variable_begin", "block_begin"):
                tags += 1
                if tags > MAX_TEMPLATE_TAGS:
                    return SourceProblem(f"the template has more than {MAX_TEMPLATE_TAGS:,} tags "
                                         "({{ … }} and {% … %}); split it into partials", line)
                expecting_name = kind == "block_begin"
                set_block = False
                continue
            if kind == "whitespace":
                continue
            if expecting_name and kind == "name":
                expecting_name = False
                if value in _OPENING_BLOCKS or value == "set":
                    set_block = value == "set"
                    if value != "set":
                        blocks += 1
                elif value.startswith("end"):
                    blocks -= 1
                if blocks > MAX_BLOCK_NESTING:
                    return SourceProblem(f"blocks nested more than {MAX_BLOCK_NESTING} deep", line)
                continue
            expecting_name = False
            if kind == "integer" and len(value.replace("_", "")) > MAX_INT_DIGITS:
                return SourceProblem(f"an integer of {len(value):,} digits (at most {MAX_INT_DIGITS}) in the "
                                     "template", line)
            if kind == "block_end" and set_block:
                blocks += 1  # {% set x %}…{% endset %}: a block; {% set x = … %} has an '=' first
                set_block = False
            elif kind == "operator" and value == "=":
                set_block = False
            elif kind == "operator" and value in _BRACKETS:
                brackets = max(brackets + _BRACKETS[value], 0)
                if brackets > MAX_BRACKET_NESTING:
                    return SourceProblem(f"brackets nested more than {MAX_BRACKET_NESTING} deep", line)
    except TemplateSyntaxError:
        return None
    return None


# -- the AST: constant widths, repetitions, loops, private attributes --------------------------
@dataclass(frozen=True)
class StaticFinding:
    """A finding on the template AST: its rule (CP108/CP109), message and template line."""

    rule: str
    message: str
    line: int


def _const(node: Any) -> Any:
    """The value of a constant expression (numbers with + - * ** and unary minus), else None.

    Arithmetic is bounded: ``10**9`` is evaluated, ``9**9**9`` is not.
    """
    from jinja2 import nodes

    if isinstance(node, nodes.Const):
        value = node.value
        return value if isinstance(value, (int, float, str)) and not isinstance(value, bool) else None
    if isinstance(node, nodes.Neg):
        inner = _const(node.node)
        return -inner if isinstance(inner, (int, float)) else None
    if isinstance(node, (nodes.Add, nodes.Sub, nodes.Mul, nodes.Pow)):
        left, right = _const(node.left), _const(node.right)
        if not isinstance(left, int) or not isinstance(right, int):
            return None
        if isinstance(node, nodes.Pow):
            if right < 0 or right > MAX_POWER or abs(left).bit_length() * max(right, 1) > MAX_INT_BITS:
                return None
            return int(left**right)
        if isinstance(node, nodes.Mul):
            return left * right if abs(left).bit_length() + abs(right).bit_length() <= MAX_INT_BITS else None
        return left + right if isinstance(node, nodes.Add) else left - right
    return None


def _range_length(node: Any) -> int | None:
    """The length of ``range(<constants>)`` as a loop's iterable, else None."""
    from jinja2 import nodes

    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range"):
        return None
    args = [_const(arg) for arg in node.args]
    if node.kwargs or node.dyn_args or node.dyn_kwargs or not all(isinstance(a, int) for a in args) or not args:
        return None
    try:
        return len(range(*args))
    except (ValueError, OverflowError):
        return None


def static_findings(ast: Any) -> Iterator[StaticFinding]:
    """Budget and sandbox problems visible on the parsed template (no code runs)."""
    from jinja2 import nodes

    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
        if isinstance(name, str) and name.startswith("_"):
            yield StaticFinding(RULE_SANDBOX, f"the sandbox refuses private attributes such as {name!r}; "
                                "templates format facts and cannot reach Python internals", node.lineno)
    for node in ast.find_all(nodes.Filter):
        yield from _argument_widths(node.name, node.args, node.kwargs, node.lineno)
        if node.name == "format" and isinstance(node.node, nodes.Const) and isinstance(node.node.value, str):
            problem = printf_problem(node.node.value)
            if problem:
                yield StaticFinding(RULE_BUDGET, f"format: {problem}", node.lineno)
    for call in ast.find_all(nodes.Call):
        yield from _call_findings(call)
    for node in ast.find_all((nodes.Mul, nodes.Pow, nodes.Mod)):
        yield from _operator_findings(node)
    yield from _loop_findings(ast)


def _argument_widths(name: str, args: list[Any], kwargs: list[Any], line: int) -> Iterator[StaticFinding]:
    checks = dict(WIDTH_ARGUMENTS.get(name, ()))
    values = [(checks[index], arg) for index, arg in enumerate(args) if index in checks]
    values += [(kw.key, kw.value) for kw in kwargs if kw.key in _WIDTH_KEYWORDS]
    for label, node in values:
        value = _const(node)
        limit = width_limit(label)
        if isinstance(value, (int, float)) and abs(value) > limit:
            yield StaticFinding(RULE_BUDGET, f"{name}({label}={_shown(value)}): over the limit of {limit:,}", line)


def _call_findings(call: Any) -> Iterator[StaticFinding]:
    from jinja2 import nodes

    target = call.node
    if isinstance(target, nodes.Name) and target.name == "range":
        length = _range_length(call)
        bad = any(isinstance(_const(a), int) and abs(_const(a)) > MAX_STEPS for a in call.args)
        if (length is not None and length > 1000) or bad:
            yield StaticFinding(RULE_BUDGET, "range() of more than 1,000 items is not allowed in a template",
                                call.lineno)
    if not isinstance(target, nodes.Getattr):
        return
    if target.attr in WIDTH_METHODS and call.args:
        value = _const(call.args[0])
        if isinstance(value, int) and value > MAX_WIDTH:
            yield StaticFinding(RULE_BUDGET, f".{target.attr}({_shown(value)}): width over the limit of "
                                f"{MAX_WIDTH:,}", call.lineno)
    if target.attr in ("format", "format_map") and isinstance(target.node, nodes.Const) \
            and isinstance(target.node.value, str):
        problem = format_spec_problem(target.node.value)
        if problem:
            yield StaticFinding(RULE_BUDGET, f".format: {problem}", call.lineno)


def _operator_findings(node: Any) -> Iterator[StaticFinding]:
    from jinja2 import nodes

    left, right = _const(node.left), _const(node.right)
    if isinstance(node, nodes.Pow) and isinstance(right, (int, float)) and abs(right) > MAX_POWER:
        yield StaticFinding(RULE_BUDGET, f"exponent {_shown(right)} is over the limit of {MAX_POWER}", node.lineno)
    elif isinstance(node, nodes.Mul):
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str) and isinstance(count, int) and count * max(len(seq), 1) > MAX_REPEAT:
                yield StaticFinding(RULE_BUDGET, f"repeating a text {_shown(count)} times makes more than "
                                    f"{MAX_REPEAT:,} characters", node.lineno)
    elif isinstance(node, nodes.Mod) and isinstance(left, str):
        problem = printf_problem(left)
        if problem:
            yield StaticFinding(RULE_BUDGET, f"'%' format: {problem}", node.lineno)


def _loop_findings(ast: Any) -> Iterator[StaticFinding]:
    """Loops over constant ranges nested in each other whose product passes MAX_STEPS."""
    from jinja2 import nodes

    def inner_loops(node: Any) -> Iterator[Any]:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.For):
                yield child
            else:
                yield from inner_loops(child)

    def cost(loop: Any) -> int:
        own = _range_length(loop.iter) or 1  # a loop over data: unknown statically, counted once
        return own * max((cost(inner) for inner in inner_loops(loop)), default=1)

    for outer in inner_loops(ast):
        total = cost(outer)
        if total > MAX_STEPS:
            yield StaticFinding(RULE_BUDGET, f"nested loops over constant ranges run {total:,} times, over "
                                f"the budget of {MAX_STEPS:,} steps per render", outer.lineno)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 24 else text[:23] + "…"
