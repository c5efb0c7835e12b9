"""Template specialisation: render what is the same for every recipient once.

In a mass render the whole context except ``recipient`` is fixed for the run: facts,
services, stage, ``now``. A template like ``Hello {{ recipient.name }}, {{ incident }}
… {% for s in services %}…{% endfor %}`` therefore has one personal expression and a
lot of text that every recipient gets identically. :func:`specialise` parses the
template, renders each part that provably does not depend on the recipient (an
expression in ``{{ }}``, a whole ``{% for %}``/``{% if %}``, an ``{% include %}`` of
a partial) once against the fixed context, replaces it with its text, and compiles
the rest. Per recipient only the personal parts run.

An ``{% include %}`` that reads the recipient (a greeting partial) is *inlined* when
the partial is simple: no ``set``, macros, blocks or includes of its own, so its nodes
mean the same in the including template. Its fixed parts then fold like any other, and
the recipient pays neither the include's context copy nor the partial's fixed text.

A part is folded only when it is *closed*: it reads no ``recipient``, no name that
the template assigns anywhere (``{% set %}``, loop and macro variables from outside
it), calls nothing (``{{ f() }}``, macros, ``caller``), uses no ``random`` filter and
holds no statements with side effects (``set``, ``macro``, ``import``, ``block``,
``with``, ``autoescape``). Filters are pure functions of their input. If rendering a
part fails at preparation it stays in the template, so the error is reported per
recipient exactly as without folding. ``tests/batch/test_batch_fold.py`` checks that
folded and plain templates give the same text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import nodes
from jinja2.environment import Environment, Template

#: Names whose value changes per recipient or per call site.
_DYNAMIC_NAMES = frozenset({"recipient", "loop", "caller", "varargs", "kwargs", "self", "super"})
#: Statements that bind names, change scoping or evaluation, or pull in other templates.
_STATEFUL = (nodes.Assign, nodes.AssignBlock, nodes.Macro, nodes.CallBlock, nodes.FilterBlock,
             nodes.Import, nodes.FromImport, nodes.Extends, nodes.Block, nodes.With, nodes.Scope,
             nodes.ScopedEvalContextModifier, nodes.EvalContextModifier, nodes.Call)


def _blocked(tree: nodes.Template) -> frozenset[str]:
    """Names the template binds other than as a loop variable: ``set``, macros, imports.

    Loop variables are scoped to their loop in Jinja2, so a loop elsewhere binding ``s``
    does not change what ``s`` means outside it; any other binding might.
    """
    loop_targets = {id(name) for loop in tree.find_all(nodes.For)
                    for name in _with_self(loop.target, nodes.Name)}
    bound = {name.name for name in tree.find_all(nodes.Name)
             if name.ctx in ("store", "param") and id(name) not in loop_targets}
    return frozenset(bound | {macro.name for macro in tree.find_all(nodes.Macro)})


def _with_self(node: nodes.Node, kind: type[nodes.Node] | tuple[type[nodes.Node], ...]) -> list[Any]:
    """``node`` itself (when of ``kind``) and its descendants of ``kind``."""
    return ([node] if isinstance(node, kind) else []) + list(node.find_all(kind))


def _reads_fixed(node: nodes.Node, blocked: frozenset[str], local: frozenset[str] = frozenset()) -> bool:
    """Whether every name ``node`` reads is fixed for the run, following loop scopes."""
    if isinstance(node, nodes.For):
        inner = local | {name.name for name in _with_self(node.target, nodes.Name)} | {"loop"}
        return (_reads_fixed(node.iter, blocked, local)
                and all(_reads_fixed(child, blocked, inner)
                        for child in [*([node.test] if node.test is not None else []), *node.body])
                and all(_reads_fixed(child, blocked, local) for child in node.else_))
    if isinstance(node, nodes.Name):
        if node.ctx != "load" or node.name in local:
            return True
        return node.name not in _DYNAMIC_NAMES and node.name not in blocked
    return all(_reads_fixed(child, blocked, local) for child in node.iter_child_nodes())


def _closed(node: nodes.Node, blocked: frozenset[str]) -> bool:
    """Whether ``node`` prints the same for every recipient (see the module docstring)."""
    if _with_self(node, _STATEFUL) or _with_self(node, nodes.Include):
        return False
    if any(f.name == "random" for f in _with_self(node, nodes.Filter)):
        return False
    if any(loop.recursive for loop in _with_self(node, nodes.For)):
        return False
    return _reads_fixed(node, blocked)


class _Folder:
    def __init__(self, env: Environment, context: Mapping[str, Any], tree: nodes.Template) -> None:
        self.env = env
        self.context = dict(context)
        self.blocked = _blocked(tree)
        self.folded = 0
        self.inlined = 0

    def render(self, body: list[nodes.Node]) -> str | None:
        """The output of ``body`` on its own with the fixed context, or None if it fails."""
        tree = nodes.Template(body, lineno=1)
        tree.set_environment(self.env)
        try:
            template = self.env.template_class.from_code(
                self.env, self.env.compile(tree), self.env.make_globals(None), None)
            return template.render(self.context)
        except Exception:  # left in place: the per-recipient render reports it as usual
            return None

    def fold_body(self, body: list[nodes.Node], blocked: frozenset[str]) -> list[nodes.Node]:
        """``blocked``: names that are not fixed here (template bindings, enclosing loop variables)."""
        result: list[nodes.Node] = []
        for node in body:
            replacement = self.fold_statement(node, blocked)
            if replacement is not None:
                result.append(replacement)
                continue
            inlined = self.inline(node) if isinstance(node, nodes.Include) else None
            if inlined is not None:
                result.extend(self.fold_body(inlined, blocked))
                continue
            result.append(self.descend(node, blocked))
        return result

    def inline(self, node: nodes.Include) -> list[nodes.Node] | None:
        """The body of a simple included partial, to stand in for the include; else None.

        With context and without ``ignore missing``, an include renders the partial with
        the including template's variables (loop variables too); a partial that binds
        nothing and includes nothing means the same when its nodes stand in its place.
        """
        if node.ignore_missing or not node.with_context:
            return None
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            return None
        try:
            source = self.env.loader.get_source(self.env, node.template.value)[0] if self.env.loader else None
            tree = self.env.parse(source) if source is not None else None
        except Exception:  # a missing or broken partial fails per recipient, as without folding
            return None
        if tree is None or _with_self(tree, _STATEFUL) or _with_self(tree, nodes.Include):
            return None
        self.inlined += 1
        return list(tree.body)

    def fold_statement(self, node: nodes.Node, blocked: frozenset[str]) -> nodes.Node | None:
        statement = isinstance(node, (nodes.For, nodes.If)) and _closed(node, blocked)
        if not (statement or (isinstance(node, nodes.Include) and self.include_closed(node, blocked))):
            return None
        text = self.render([node])
        if text is None:
            return None
        self.folded += 1
        return nodes.Output([nodes.TemplateData(text, lineno=node.lineno)], lineno=node.lineno)

    def include_closed(self, node: nodes.Include, blocked: frozenset[str]) -> bool:
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            return False
        if not node.with_context:
            return True
        return not self.template_reads(node.template.value, set(blocked | _DYNAMIC_NAMES), set())

    def template_reads(self, name: str, names: set[str], seen: set[str]) -> bool:
        """Whether the named template (or what it includes) reads any of ``names``."""
        from jinja2 import meta

        if name in seen:
            return False
        seen.add(name)
        try:
            source = self.env.loader.get_source(self.env, name)[0] if self.env.loader else ""
            tree = self.env.parse(source)
        except Exception:
            return True
        if meta.find_undeclared_variables(tree) & names or any(
                f.name == "random" for f in tree.find_all(nodes.Filter)):
            return True
        return any(child is None or self.template_reads(child, names, seen)
                   for child in meta.find_referenced_templates(tree))

    def descend(self, node: nodes.Node, blocked: frozenset[str]) -> nodes.Node:
        if isinstance(node, nodes.Output):
            node.nodes = [self.fold_expression(child, blocked) for child in node.nodes]
        elif isinstance(node, nodes.For):
            inner = blocked | {name.name for name in _with_self(node.target, nodes.Name)}
            node.body = self.fold_body(node.body, inner)
            node.else_ = self.fold_body(node.else_, blocked)
        elif isinstance(node, nodes.If):
            node.body = self.fold_body(node.body, blocked)
            node.elif_ = [self.descend(branch, blocked) for branch in node.elif_]  # type: ignore[misc]
            node.else_ = self.fold_body(node.else_, blocked)
        return node

    def fold_expression(self, child: nodes.Expr, blocked: frozenset[str]) -> nodes.Expr:
        if isinstance(child, nodes.TemplateData) or not _closed(child, blocked):
            return child
        text = self.render([nodes.Output([child], lineno=child.lineno)])
        if text is None:
            return child
        self.folded += 1
        return nodes.TemplateData(text, lineno=child.lineno)


def specialise(env: Environment, name: str, context: Mapping[str, Any]) -> tuple[Template, str | None, int]:
    """(compiled template with fixed parts folded, its text if *all* of it is fixed, folds made)."""
    source, filename, _uptodate = env.loader.get_source(env, name) if env.loader else ("", name, None)
    tree = env.parse(source, name, filename)
    folder = _Folder(env, context, tree)
    tree.body = folder.fold_body(tree.body, folder.blocked)
    tree.set_environment(env)
    if all(isinstance(node, nodes.Output) and all(isinstance(c, nodes.TemplateData) for c in node.nodes)
           for node in tree.body):
        text = "".join(c.data for node in tree.body for c in node.nodes)  # type: ignore[attr-defined]
        whole = env.template_class.from_code(env, env.compile(tree, name, filename), env.make_globals(None), None)
        return whole, text, folder.folded
    code = env.compile(tree, name, filename)
    return env.template_class.from_code(env, code, env.make_globals(None), None), None, folder.folded
