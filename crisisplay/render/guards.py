"""Checks that run before a template builds something big: widths, estimates, integers.

Used by :mod:`crisisplay.render.sandbox`: building filters are wrapped so that their
width-like arguments are checked and their results measured (:func:`guard_filter`); calls
of ``str`` methods are estimated before Python builds the result (:func:`method_estimate`);
integer ``*`` and ``**`` stay under :data:`MAX_INT_BITS` (:func:`int_result`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crisisplay.playbook.template_limits import (
    MAX_INT_BITS,
    MAX_VALUE,
    WIDTH_ARGUMENTS,
    WIDTH_METHODS,
    printf_problem,
    width_limit,
)
from crisisplay.render.budget import BudgetExceeded, measure

_WIDTH_KEYWORDS = ("width", "indent", "precision", "digits", "linecount", "slices")


def check_width(label: str, value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return
    size = len(value) if isinstance(value, str) else abs(value)
    limit = width_limit(label)
    if size > limit:
        raise BudgetExceeded(f"{where}: {label} {size:,} is over the limit of {limit:,}")


def _estimate_text(value: Any, extra: int) -> None:
    """Refuse before building a text of ``len(value) + extra`` characters past the limit."""
    base = len(value) if isinstance(value, (str, bytes)) else 0
    if base + extra > MAX_VALUE:
        raise BudgetExceeded(f"the result would be more than {MAX_VALUE:,} characters")


def guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter with its width-like arguments checked first and its result measured after."""
    widths = dict(WIDTH_ARGUMENTS.get(name, ()))
    offset = 1 + (1 if getattr(func, "jinja_pass_arg", None) is not None else 0)

    def guarded(*args: Any, **kwargs: Any) -> Any:
        for index, label in widths.items():
            if len(args) > offset + index:
                check_width(label, args[offset + index], name)
        for key, value in kwargs.items():
            if key in _WIDTH_KEYWORDS:
                check_width(key, value, name)
        if len(args) >= offset:
            _estimate_growth(name, args[offset - 1], args[offset:], kwargs)
        return measure(func(*args, **kwargs))

    guarded.__name__ = getattr(func, "__name__", name)
    guarded.__doc__ = getattr(func, "__doc__", None)
    pass_arg = getattr(func, "jinja_pass_arg", None)
    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return guarded


def _estimate_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Estimates for the filters whose output can outgrow their input by far."""
    if name == "format" and isinstance(value, str):
        problem = printf_problem(value)
        if problem:
            raise BudgetExceeded(f"format: {problem}")
    elif name == "replace" and isinstance(value, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        count = value.count(old) if old else len(value) + 1
        _estimate_text(value, count * max(len(new) - len(old), 0))
    elif name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        size = len(width) if isinstance(width, str) else int(width) if isinstance(width, int) else 0
        _estimate_text(value, (value.count("\n") + 1) * size)
    elif name == "wordwrap" and isinstance(value, str):
        wrap = args[3] if len(args) > 3 else kwargs.get("wrapstring")
        width = args[0] if args else kwargs.get("width", 79)
        if isinstance(wrap, str) and isinstance(width, int):
            _estimate_text(value, (len(value) // max(width, 1) + value.count("\n") + 1) * len(wrap))
    elif name == "join":
        separator = args[0] if args else kwargs.get("d", "")
        if isinstance(separator, str) and hasattr(value, "__len__"):
            _estimate_text("", len(value) * len(separator))
    elif name in ("batch", "slice") and (len(args) > 1 or "fill_with" in kwargs):
        count = args[0] if args else kwargs.get("linecount", kwargs.get("slices", 0))
        check_width("linecount", count, name)


#: Builtin filters that build new texts or lists (measured); the others pass values through.
GUARDED_FILTERS = frozenset({
    "batch", "capitalize", "center", "dictsort", "e", "escape", "forceescape", "format", "indent", "items",
    "join", "list", "lower", "number", "pprint", "replace", "reverse", "round", "slice", "sort", "string",
    "striptags", "sum", "title", "tojson", "trim", "truncate", "unique", "upper", "urlencode", "urlize",
    "wordwrap", "xmlattr",
})


class GuardedFilters(dict):  # type: ignore[type-arg]
    """The filter table: a building filter is guarded whenever it is (re)installed."""

    def __setitem__(self, name: str, func: Any) -> None:
        if name in GUARDED_FILTERS and callable(func) and not getattr(func, "_crisisplay_guarded", False):
            func = guard_filter(name, func)
            func._crisisplay_guarded = True
        super().__setitem__(name, func)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, func in dict(*args, **kwargs).items():
            self[name] = func


def method_estimate(method: Any, args: tuple[Any, ...]) -> None:
    """``'x'.center(10**9)``, ``s.replace('x', s)``: refused before Python builds the result."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, (str, bytes, bytearray)):
        return
    name = getattr(method, "__name__", "")
    if name in WIDTH_METHODS and args:
        check_width("tabsize" if name == "expandtabs" else "width", args[0], f".{name}()")
        if name == "expandtabs" and isinstance(args[0], int):
            tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
            _estimate_text(owner, tabs * args[0])
    elif name == "replace" and len(args) >= 2 and isinstance(owner, str) and isinstance(args[0], str) \
            and isinstance(args[1], str):
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        _estimate_text(owner, count * max(len(args[1]) - len(args[0]), 0))
    elif name == "replace" and len(args) >= 2 and isinstance(args[1], (bytes, bytearray)):
        _estimate_text(owner, len(owner) * len(args[1]))
    elif name == "join" and args and hasattr(args[0], "__len__"):
        _estimate_text("", len(args[0]) * len(owner))
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, (str, bytes))), default=1)
        _estimate_text("", len(owner) * longest)


def int_result(operator: str, left: Any, right: Any) -> None:
    """Integers stay below :data:`MAX_INT_BITS`: ``n * n`` sixty times is a denial of service."""
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (left, right)):
        return
    if operator == "*":
        bits = abs(left).bit_length() + abs(right).bit_length()
    else:
        bits = abs(left).bit_length() * max(right, 0) if abs(left) > 1 else 0
    if bits > MAX_INT_BITS:
        raise BudgetExceeded(f"the result would be an integer of more than {MAX_INT_BITS:,} bits")
