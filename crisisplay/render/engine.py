"""The rendering engine: sandboxed Jinja2 environments, compiled once per playbook.

Templates are data. A playbook someone else wrote must not run code here, so every
template runs in Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` (no private
attributes, no ``__globals__``, no unsafe callables), with ``range`` and the ``*``/``**``
operators bounded so that a template cannot exhaust memory or CPU either.

``StrictUndefined`` makes a missing fact an error naming the fact and the YAML line of
the template line (never an empty string in a customer message). HTML parts
(e-mail HTML, the website banner, Telegram in HTML mode) render in an environment with
autoescaping, so a fact cannot inject markup; the voice channel uses filters that mark
values for SSML. Each environment and each compiled template is built once per
:class:`Engine` and reused for every render (the hot path of a mass mailing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, Undefined, pass_context
from jinja2 import Template as JinjaTemplate
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.fact_types import phone_region, playbook_zone
from crisisplay.playbook.model import Playbook, Template
from crisisplay.playbook.paths import find_template_file, read_template
from crisisplay.playbook.reading import MAX_FILE_BYTES
from crisisplay.render.budget import BudgetExceeded
from crisisplay.render.filters import FILTER_NAMES, Filters, SpokenFilters
from crisisplay.render.sandbox import BudgetedSandbox

ENV_KINDS = ("text", "html", "spoken")
MAX_RANGE = 1000
STAGE_PREFIX = "@stage/"
PARTIAL_PREFIX = "@partial/"
REMOVED_GLOBALS = ("lipsum", "cycler", "joiner")
#: An include/import tag closing with a plain ``%}`` at the end of a line.
_INCLUDE_AT_EOL = re.compile(r"(\{%-?\s*include\b(?:(?!%\}).)*?[^-]%\})(?=\r?\n)")
#: A line that starts with text and ends with a plain ``%}``: an inline ``{% if %}…{% endif %}``.
_INLINE_BLOCK_AT_EOL = re.compile(r"(?m)^([ \t]*(?!\{%)[^\s\n].*[^-]%\})(?=\r?\n)")


class IncludeKeepsNewline(Extension):
    """Lines that stand for text keep their line break despite ``trim_blocks``.

    ``trim_blocks`` removes the newline after every block tag, which is right for
    ``{% if %}``/``{% for %}`` lines of their own but surprising in two cases that stand
    for text: an include (``{% include "ru/next_update.j2" %}`` followed by another line
    would glue the two sentences) and a line of text ending in an inline block
    (``{{ incident }}{% if progress %} {{ progress }}{% endif %}`` would glue the next
    line on). An empty expression after the tag keeps the newline (and the line
    numbers, so errors still point at the right YAML line). ``-%}`` still trims.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if "%}" not in source:
            return source
        if "include" in source:
            source = _INCLUDE_AT_EOL.sub(r'\1{{ "" }}', source)
        return _INLINE_BLOCK_AT_EOL.sub(r'\1{{ "" }}', source)


def stage_template_name(stage: str, channel: str, part: str) -> str:
    return f"{STAGE_PREFIX}{stage}/{channel}/{part}"


class PlaybookLoader(BaseLoader):
    """Stage templates, the playbook's partials (by name) and files in its template dirs."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.sources: dict[str, Template] = {}
        for stage in playbook.stages.values():
            for channel, channel_template in stage.templates.items():
                for part, template in channel_template.parts.items():
                    self.sources[stage_template_name(stage.id, channel, part)] = template

    def find(self, name: str) -> tuple[str, str, Template | None]:
        """(source, filename, model template or None for a file) or TemplateNotFound."""
        if name in self.sources:
            return self.sources[name].source, name, self.sources[name]
        partial = self.playbook.partials.get(name)
        if partial is not None:
            return partial.source, PARTIAL_PREFIX + name, partial
        try:  # confined to the template folders, links resolved (crisisplay.playbook.paths)
            found = find_template_file(name, self.playbook.template_dirs)
            if found is None:
                raise TemplateNotFound(name)
            return read_template(found, MAX_FILE_BYTES, name), str(found), None
        except CrisisplayError as exc:
            raise TemplateNotFound(f"{name} ({exc.message})") from None

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, _ = self.find(template)
        return source, filename, lambda: True


class CrisisSandbox(BudgetedSandbox):
    """The sandbox with the budgets of crisisplay.render.sandbox (docs/templates.md).

    A partial that reads only values which repeat from render to render (the status lists
    read ``services`` and ``channel``) is rendered once per distinct set of those values:
    its output is remembered (:func:`memoize_partial`). ``memo_names`` (set by the engine)
    says which names a template reads, or None when it must always render.
    """

    memo_names: Callable[[str], tuple[str, ...] | None] | None = None

    def _load_template(self, name: str, globals: Any) -> Any:
        template = super()._load_template(name, globals)
        if self.memo_names is not None and not getattr(template, "_crisisplay_memo", False):
            names = self.memo_names(name)
            if names is not None:
                memoize_partial(template, names)
            template._crisisplay_memo = True  # type: ignore[attr-defined]  # a mark on the cached template
        return template


#: Distinct outputs kept per memoised partial (services × channel views in one render).
MEMO_SIZE = 256


def memoize_partial(template: Any, names: tuple[str, ...]) -> None:
    """Render ``template`` once per distinct value of ``names`` in its context.

    Sound because a partial's output depends only on what it reads: its own names (from
    the AST, includes followed), the environment's filters (pure) and globals. A value
    that cannot be a key (a mutable namespace the partial could change) renders as usual.
    """
    render = template.root_render_func
    cache: dict[tuple[Any, ...], str] = {}

    def root_render_func(context: Any) -> Any:
        key = tuple(context.get(name) for name in names)
        if not all(map(_immutable, key)):  # a namespace it could change: render, never remember
            yield from render(context)
            return
        hit = cache.get(key)
        if hit is None:
            hit = "".join(render(context))
            if len(cache) >= MEMO_SIZE:
                cache.clear()
            cache[key] = hit
        yield hit

    template.root_render_func = root_render_func


def _bounded_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise BudgetExceeded(f"range() of more than {MAX_RANGE} items is not allowed in a template")
    return result


@pass_context
def optional_fact(context: Any, name: str) -> Any:
    """``fact('website')``: an optional fact's value, or none when the playbook lacks it.

    Shared partials use it for facts a playbook may not declare, so that they stay valid
    everywhere (``validate`` knows this global) without ``is defined`` tests.
    """
    value = context.get(name)
    return None if value is None or isinstance(value, Undefined) else value


def known_filters() -> frozenset[str]:
    """Every filter and test name a template may use (``validate`` checks against it)."""
    env = SandboxedEnvironment()
    return frozenset(env.filters) | frozenset(FILTER_NAMES) | frozenset("test:" + t for t in env.tests)


def known_globals() -> frozenset[str]:
    env = SandboxedEnvironment()
    return frozenset(name for name in env.globals if name not in REMOVED_GLOBALS) | {"fact"}


class Engine:
    """Per-playbook environments and compiled templates; built lazily, reused forever."""

    def __init__(self, playbook: Playbook, locale: str | None = None) -> None:
        self.playbook = playbook
        self.locale = locale or playbook.locale
        self.zone = playbook_zone(playbook)
        self.region = phone_region(playbook)
        self.loader = PlaybookLoader(playbook)
        self._envs: dict[str, SandboxedEnvironment] = {}
        self._filters: dict[str, Filters] = {}
        self._compiled: dict[tuple[str, str], JinjaTemplate] = {}
        #: Static template analysis (names read), shared with validate's rules.
        self.analysis_cache: dict[str, Any] = {}

    def filters(self, kind: str = "text") -> Filters:
        spoken = kind == "spoken"
        key = "spoken" if spoken else "text"
        if key not in self._filters:
            cls = SpokenFilters if spoken else Filters
            self._filters[key] = cls(self.locale, self.zone, self.region)
        return self._filters[key]

    def environment(self, kind: str) -> SandboxedEnvironment:
        env = self._envs.get(kind)
        if env is None:
            filters = self.filters(kind)
            env = CrisisSandbox(
                loader=self.loader,
                undefined=StrictUndefined,
                autoescape=kind == "html",
                trim_blocks=True,
                lstrip_blocks=True,
                finalize=filters.finalize,
                auto_reload=False,
                cache_size=-1,
                extensions=[IncludeKeepsNewline],
            )
            env.filters.update(filters.table())
            for name in REMOVED_GLOBALS:
                env.globals.pop(name, None)
            env.globals["range"] = _bounded_range
            env.globals["fact"] = optional_fact
            env.memo_names = self._memo_names
            self._envs[kind] = env
        return env

    def _memo_names(self, name: str) -> tuple[str, ...] | None:
        """The names a partial reads when its output may be remembered; None otherwise.

        Only the playbook's own ``partials:`` (stage templates are the part rendered; files
        may read ``recipient``): no dynamic include, no ``recipient``, no ``now``-free guess.
        """
        from crisisplay.playbook.rules.templates import analyse

        partial = self.playbook.partials.get(name)
        if partial is None:
            return None
        info = analyse(self.playbook, partial, self.analysis_cache)
        if info.dynamic_include or info.error is not None or "recipient" in info.names:
            return None
        read = set(info.names) | set(_fact_arguments(partial.source))
        return tuple(sorted(read - _CONTEXT_FREE))

    def template(self, kind: str, name: str) -> JinjaTemplate:
        """The compiled template (compiled on first use, then cached)."""
        key = (kind, name)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self.environment(kind).get_template(name)
        return compiled


_IMMUTABLE = (str, int, float, bool, type(None), date, time, timedelta, Undefined)


def _immutable(value: Any) -> bool:
    """A value a partial cannot change and that compares by value (a memo key)."""
    if isinstance(value, _IMMUTABLE):
        return True
    if isinstance(value, tuple):
        return all(map(_immutable, value))
    params = getattr(type(value), "__dataclass_params__", None)
    return bool(params is not None and params.frozen)


#: Globals that read nothing from a render's context.
_CONTEXT_FREE = frozenset({"range", "dict", "namespace", "fact", "true", "false", "none", "True", "False", "None"})
_FACT_CALL = re.compile(r"""\bfact\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\)""")


def _fact_arguments(source: str) -> list[str]:
    """``fact('website')`` reads the fact ``website`` from the context."""
    return _FACT_CALL.findall(source)
