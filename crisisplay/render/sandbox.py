"""The render sandbox: Jinja2's sandbox, values never changed in place, every budget enforced.

:class:`BudgetedSandbox` is the environment the engine builds (docs/templates.md,
"Sandbox budgets"): its code generator writes the budget hooks into the compiled
template (loops charged by length, block buffers counted, ``~`` and literals measured),
its root functions run inside a :class:`~crisisplay.render.budget.Meter`, building filters
and ``str`` methods are checked before they run, and templates over the size, tag or
nesting limits are refused before Jinja2 parses them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment as _Sandbox
from jinja2.sandbox import modifies_known_mutable

from crisisplay.playbook.template_limits import (
    MAX_POWER,
    MAX_REPEAT,
    MAX_VALUE,
    check_source,
    format_spec_problem,
    printf_problem,
)
from crisisplay.render.budget import (
    BudgetExceeded,
    MeteredTemplate,
    OutputBuffer,
    TemplateTooComplex,
    measure,
    meter,
    metered_iter,
    weight,
)
from crisisplay.render.guards import GuardedFilters, int_result, method_estimate

_METERED_ITER = "metered_iter"


class MeteredCodeGenerator(CodeGenerator):
    """Jinja2's code generator with the budget hooks written into the template code."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not node.recursive:  # a recursive loop's calls of loop() are counted as calls
            node = copy.copy(node)
            hook = nodes.EnvironmentAttribute(_METERED_ITER, lineno=node.lineno)
            node.iter = nodes.Call(hook, [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        """The loop hook is called directly: it is ours, not the template's, and costs no step."""
        if isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name == _METERED_ITER:
            self.write(f"environment.{_METERED_ITER}(")
            self.visit(node.args[0], frame)
            self.write(")")
            return
        super().visit_Call(node, frame, forward_caller=forward_caller)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.measured(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._measured(node, frame, super().visit_List)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._measured(node, frame, super().visit_Dict)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":
            super().visit_Tuple(node, frame)
            return
        self._measured(node, frame, super().visit_Tuple)

    def _measured(self, node: nodes.Node, frame: Frame, visit: Callable[[Any, Frame], None]) -> None:
        """Literals holding non-constant items are measured: ``[l, l, l]`` nests exponentially."""
        if all(isinstance(child, nodes.Const) for child in node.find_all(nodes.Expr)):
            visit(node, frame)
            return
        self.write("environment.measured(")
        visit(node, frame)
        self.write(")")


#: Method names that modify a list, dict, set or deque: only calls of these pay for Jinja2's
#: type check (``modifies_known_mutable``), so every other call stays as fast as before.
_MUTATING = frozenset({
    "add", "append", "appendleft", "clear", "difference_update", "discard", "extend", "extendleft", "insert",
    "intersection_update", "pop", "popitem", "popleft", "remove", "reverse", "rotate", "setdefault", "sort",
    "symmetric_difference_update", "update",
})


class BudgetedSandbox(_Sandbox):
    """The sandbox with every budget of :mod:`crisisplay.playbook.template_limits` enforced."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})
    code_generator_class = MeteredCodeGenerator
    template_class = MeteredTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        table = GuardedFilters()
        table.update(self.filters)
        self.filters = table

    metered_iter = staticmethod(metered_iter)

    @staticmethod
    def output_buffer() -> OutputBuffer:
        return OutputBuffer()

    @staticmethod
    def measured(value: Any) -> Any:
        return measure(value)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None, raw: bool = False,
                defer_init: bool = False) -> Any:
        """Compile after the size/tag/nesting check; deep nesting is a finding, not a crash."""
        self._check(source, name, filename)
        try:
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except (RecursionError, MemoryError, SyntaxError) as exc:  # Python's own, in parser or compile()
            raise _too_complex(exc, name, filename) from None

    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> nodes.Template:
        """Parse after the same check (the mass renderer parses templates to fold them)."""
        self._check(source, name, filename)
        try:
            return super().parse(source, name, filename)
        except (RecursionError, MemoryError) as exc:
            raise _too_complex(exc, name, filename) from None

    def _check(self, source: Any, name: str | None, filename: str | None) -> None:
        if isinstance(source, str):
            problem = check_source(source, self)
            if problem is not None:
                raise TemplateTooComplex(problem.message, problem.line, name, filename)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and not isinstance(right, bool) \
                and abs(right) > MAX_POWER:
            raise BudgetExceeded(f"exponent {right} is over the limit of {MAX_POWER}")
        if operator in ("*", "**"):
            int_result(operator, left, right)
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(count, int) and not isinstance(count, bool)
                if sized and (count * max(len(seq), 1) > MAX_REPEAT or count * weight(seq) > MAX_VALUE):
                    raise BudgetExceeded("repeating a text or list that many times is over the limit of "
                                         f"{MAX_REPEAT:,} items")
        if operator == "%" and isinstance(left, str):
            problem = printf_problem(left)
            if problem:
                raise BudgetExceeded(f"'%' format: {problem}")
        return measure(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call a template makes: a step, its estimate, no in-place change, a measured result.

        Methods that modify a list, dict or set are refused (``l.append(l)`` would grow a value
        in place, past every measure); templates build new values instead.
        """
        meter().step()
        name = getattr(__obj, "__name__", None)
        if name in _MUTATING and modifies_known_mutable(getattr(__obj, "__self__", None), name):
            raise SecurityError(f"{name}() would change a value in place; templates cannot modify lists, "
                                "dicts or sets")
        wrapped = getattr(__obj, "__wrapped__", None)  # str.format, as the sandbox wraps it
        if wrapped is not None and getattr(wrapped, "__name__", "") in ("format", "format_map") \
                and isinstance(getattr(wrapped, "__self__", None), str):
            problem = format_spec_problem(wrapped.__self__)
            if problem:
                raise BudgetExceeded(f".format: {problem}")
        method_estimate(__obj, args)
        return measure(super().call(__context, __obj, *args, **kwargs), created=False)


def _too_complex(exc: BaseException, name: str | None, filename: str | None) -> TemplateTooComplex:
    detail = "too large" if isinstance(exc, MemoryError) else "nested too deeply"
    return TemplateTooComplex(f"the template is {detail} to compile ({type(exc).__name__}); "
                              "simplify it or split it into partials", 1, name, filename)


def is_budget_error(exc: BaseException) -> bool:
    """A render failure that is a budget (CP219), not a template bug (CP210)."""
    return isinstance(exc, (BudgetExceeded, TemplateTooComplex, RecursionError, MemoryError))


def budget_message(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "the template nests includes, macros or loops too deeply (endless recursion?)"
    if isinstance(exc, MemoryError):
        return "the template needs more memory than a message may take"
    return str(getattr(exc, "message", None) or exc)
