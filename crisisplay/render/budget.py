"""Sandbox budgets at render time: no template works forever or fills memory.

The numbers live in :mod:`crisisplay.playbook.template_limits` (``validate`` checks what it
can see of them statically); this module and :mod:`crisisplay.render.guards` enforce them
while a template runs in :class:`crisisplay.render.sandbox.BudgetedSandbox`:

* **steps** — every loop charges its length when it starts (a loop over an iterator,
  each item), every call (macro, method, ``caller()``) one step; past
  :data:`MAX_STEPS` per render of one part the render stops;
* **output** — the characters a part yields, and those of every block buffer (macros,
  ``{% set %}`` blocks, filter and call blocks), are counted as they are written;
* **values** — every text or list an operation builds (``*``, ``+``, ``~``, ``%``,
  ``**`` on integers, list and dict literals, calls, the building filters) is measured
  (nested items included, shared ones once) against :data:`MAX_VALUE`, and all of them
  together against :data:`MAX_CREATED`; widths, paddings and precisions
  (``center``, ``indent``, ``format``, ``'{:>N}'.format``, ``round``, ``number``…) are
  checked *before* the work is done;
* **CPU** — a render of one part that has used :data:`MAX_CPU_SECONDS` of CPU stops at the
  next loop, call or write: the net under all of the above;
* **compile** — a template over the size, tag or nesting limits is refused before Jinja2
  parses it, and one nested too deep for Python (RecursionError, "too many statically
  nested blocks") is refused with its name instead of crashing.

A breach raises :class:`BudgetExceeded`; the engine reports it as CP219 at the template
line. The bookkeeping is one :class:`Meter` per render of one part, held in a context
variable opened by the compiled template's root function (an ``include`` shares its
caller's meter), so the per-recipient hot path of a mass render pays one length check
per loop and per written chunk, not per item.
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import Template
from jinja2.exceptions import TemplateRuntimeError, TemplateSyntaxError
from jinja2.utils import Namespace

from crisisplay.playbook.template_limits import (
    MAX_CPU_SECONDS,
    MAX_CREATED,
    MAX_OUTPUT,
    MAX_STEPS,
    MAX_VALUE,
)

#: Loops up to this length are charged at once and not watched item by item.
_SHORT_LOOP = 256
_TICKS_PER_CLOCK = 256
#: Output chunks measured at once before counting one by one (a chunk is at most one value).
_HEAD = 32
_SMALL = 256


class BudgetExceeded(TemplateRuntimeError):
    """A template went over a sandbox budget (steps, output, value size, width, CPU)."""


class TemplateTooComplex(TemplateSyntaxError):
    """A template over the size, tag or nesting limits, refused before it compiles."""


class Meter:
    """The budgets of one render of one part.

    The CPU clock is first read at the 256th step: most renders never read it (reading the
    process clock costs more than a short SMS template), and a runaway one is stopped
    within :data:`MAX_CPU_SECONDS` of that step.
    """

    __slots__ = ("created", "deadline", "steps", "ticks")

    def __init__(self) -> None:
        self.steps = 0
        self.created = 0
        self.ticks = 0
        self.deadline = 0.0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise BudgetExceeded(f"the template ran more than {MAX_STEPS:,} loop iterations and calls "
                                 "(the budget of one render)")
        self.ticks += 1
        if self.ticks >= _TICKS_PER_CLOCK:
            self.clock()

    def clock(self) -> None:
        self.ticks = 0
        now = time.process_time()
        if not self.deadline:
            self.deadline = now + MAX_CPU_SECONDS
        elif now > self.deadline:
            raise BudgetExceeded(f"the template used more than {MAX_CPU_SECONDS:g} s of CPU in one render")

    def create(self, size: int) -> None:
        self.created += size
        if self.created > MAX_CREATED:
            raise BudgetExceeded(f"the template built more than {MAX_CREATED:,} characters and items in one "
                                 "render")


_ACTIVE: contextvars.ContextVar[Meter | None] = contextvars.ContextVar("crisisplay_meter", default=None)


def meter() -> Meter:
    """The meter of the render in progress (a fresh, unshared one outside any render)."""
    return _ACTIVE.get() or Meter()


def _metered_root(root: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
    """The template's root function inside a meter, with its output counted.

    The first :data:`_HEAD` chunks are pulled at C speed and measured together; most
    messages end there, and a render then pays no Python step per chunk. Longer output
    continues chunk by chunk. An included template runs inside its caller's meter and
    output (only the outermost root counts), so each chunk is counted once.
    """

    def rest(head: list[str], chunks: Iterator[str], written: int) -> Iterator[str]:
        try:
            if written > MAX_OUTPUT:
                raise BudgetExceeded(f"the rendered text is longer than {MAX_OUTPUT:,} characters")
            yield from head
            for chunk in chunks:
                written += len(chunk)
                if written > MAX_OUTPUT:
                    raise BudgetExceeded(f"the rendered text is longer than {MAX_OUTPUT:,} characters")
                yield chunk
        finally:
            _ACTIVE.set(None)

    get, put, islice = _ACTIVE.get, _ACTIVE.set, itertools.islice  # the hot path of a mass render

    @functools.wraps(root)
    def run(context: Any) -> Iterator[str]:
        if get() is not None:
            return root(context)
        put(Meter())
        chunks = root(context)
        try:
            head = list(islice(chunks, _HEAD))
        except BaseException:
            put(None)
            raise
        if len(head) < _HEAD:  # the whole output: joined once (cheaper than summing lengths)
            put(None)
            text = "".join(head)
            if len(text) > MAX_OUTPUT:
                raise BudgetExceeded(f"the rendered text is longer than {MAX_OUTPUT:,} characters")
            return iter((text,))
        return rest(head, chunks, sum(map(len, head)))

    return run


class MeteredTemplate(Template):
    """A compiled template whose root function runs inside a :class:`Meter`."""

    @classmethod
    def _from_namespace(cls, environment: Any, namespace: Any, globals: Any) -> Template:
        template = super()._from_namespace(environment, namespace, globals)
        template.root_render_func = _metered_root(template.root_render_func)
        return template


class OutputBuffer(list):  # type: ignore[type-arg]
    """A block's output buffer (macro, ``{% set %}`` block…) that counts what it holds."""

    __slots__ = ("size",)

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def append(self, chunk: Any) -> None:
        self.size += len(chunk)
        if self.size > MAX_OUTPUT:
            raise BudgetExceeded(f"a block's text is longer than {MAX_OUTPUT:,} characters")
        list.append(self, chunk)

    def extend(self, chunks: Iterable[Any]) -> None:
        chunks = tuple(chunks)
        self.size += sum(map(len, chunks))
        if self.size > MAX_OUTPUT:
            raise BudgetExceeded(f"a block's text is longer than {MAX_OUTPUT:,} characters")
        list.extend(self, chunks)


_CONTAINERS = (list, tuple, dict, set, frozenset, Namespace)
_SCALARS = frozenset({int, float, bool, type(None)})


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """Characters plus items of ``value``, nested ones included (shared ones counted as often
    as they appear, as ``str()`` would print them); stops counting past ``limit``."""
    memo: dict[int, int] = {}

    def walk(item: Any, depth: int) -> int:
        if isinstance(item, (str, bytes)):
            return len(item)
        if not isinstance(item, _CONTAINERS):
            return 1
        if isinstance(item, Namespace):
            item = item._Namespace__attrs
        if len(item) > limit:
            return limit + 1
        key = id(item)
        if key in memo:
            return memo[key]
        if depth > 64:
            raise BudgetExceeded("a value nested more than 64 levels deep")
        if not isinstance(item, dict) and set(map(type, item)) <= _SCALARS:
            memo[key] = 1 + len(item)  # numbers only: no need to walk them one by one
            return memo[key]
        memo[key] = limit + 1  # a value that contains itself counts as too big
        children: Iterable[Any] = (part for pair in item.items() for part in pair) if isinstance(item, dict) else item
        total = 1
        for child in children:
            total += walk(child, depth + 1)
            if total > limit:
                break
        memo[key] = total
        return total

    return walk(value, 0)


def measure(value: Any, *, created: bool = True) -> Any:
    """``value`` if it is within :data:`MAX_VALUE` (charged to the render when ``created``).

    Texts under :data:`_SMALL` characters are not charged: they cost less to build than
    to count, and where they pile up (output, buffers) they are counted there.
    """
    if isinstance(value, str):
        size = len(value)
        if size < _SMALL:
            return value
    elif isinstance(value, (bytes, *_CONTAINERS)):
        size = weight(value)
    else:
        return value
    if size > MAX_VALUE:
        raise BudgetExceeded(f"the template built a text or list of more than {MAX_VALUE:,} characters "
                             "and items")
    if created:
        meter().create(size)
    return value


def metered_iter(iterable: Any) -> Any:
    """A loop's iterable: charged by its length, watched item by item when it is long."""
    current = meter()
    try:
        length = len(iterable)
    except TypeError:  # an iterator: charge each item as it comes
        return _charged(iter(iterable), current, each=1)
    current.step(length)
    return iterable if length <= _SHORT_LOOP else _charged(iter(iterable), current, each=0)


def _charged(items: Iterator[Any], current: Meter, each: int) -> Iterator[Any]:
    for item in items:
        current.step(each)
        yield item
