"""The render engine's sandbox, made cheaper per attribute without changing what it allows.

Every ``{{ s.name }}`` in a sandboxed template goes through
``SandboxedEnvironment.getattr``, which calls ``wrap_str_format`` and
``is_safe_attribute`` (a dozen ``isinstance`` checks) on each access. A personalised
e-mail reads a few dozen attributes per recipient, so for a million recipients this is
seconds of pure bookkeeping. Two facts make it cacheable:

* the stock ``is_safe_attribute`` answer depends only on the object's *type* and the
  attribute name (``_``-prefixed names, and internals of functions, methods, code,
  frames, generators), never on the value: it is memoised per (type, name);
* ``wrap_str_format`` only ever wraps bound ``format``/``format_map`` methods: values of
  other kinds skip it;
* ``recipient.<field>`` is a row's data: read from the view's values directly.

:func:`speed_up` installs, per environment *instance*, a ``getattr`` that does exactly
what the stock one does with those two shortcuts. It leaves an environment alone when
its class overrides any of the three methods, so a stricter sandbox keeps its rules.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from crisisplay.render.context import RecipientView
from crisisplay.render.engine import ENV_KINDS, Engine

_METHODS = (types.MethodType, types.BuiltinMethodType)
_MISSING = object()


def _stock(env: Any) -> bool:
    from jinja2.sandbox import SandboxedEnvironment

    cls = type(env)
    return (isinstance(env, SandboxedEnvironment)
            and cls.getattr is SandboxedEnvironment.getattr
            and cls.is_safe_attribute is SandboxedEnvironment.is_safe_attribute
            and cls.wrap_str_format is SandboxedEnvironment.wrap_str_format)


def speed_up(engine: Engine) -> None:
    """Install the memoised attribute path on each of the engine's environments."""
    for kind in ENV_KINDS:
        env = engine.environment(kind)
        if getattr(env, "_batch_fast_getattr", False) or not _stock(env):
            continue
        _install(env)


def _install(env: Any) -> None:
    cache: dict[tuple[type, str], bool] = {}
    original_safe: Callable[[Any, str, Any], bool] = env.is_safe_attribute
    wrap = env.wrap_str_format
    unsafe_undefined = env.unsafe_undefined
    undefined = env.undefined

    def is_safe_attribute(obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        answer = cache.get(key)
        if answer is None:
            answer = cache[key] = original_safe(obj, attr, value)
        return answer

    def fast_getattr(obj: Any, attribute: str) -> Any:
        if obj.__class__ is RecipientView and attribute[:1] != "_":
            # ``recipient.name``: a row's data, read straight from the view. The stock path
            # answers the same: RecipientView has no public attribute of its own, a value
            # that is not a method needs no format wrapper, and a name without "_" on an
            # object that is no function, type or frame is safe.
            value = obj._values.get(attribute, _MISSING)
            if value is not _MISSING and not isinstance(value, _METHODS):
                return value
        # SandboxedEnvironment.getattr, step for step
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                pass
        else:
            if isinstance(value, _METHODS):
                fmt = wrap(value)
                if fmt is not None:
                    return fmt
            key = (type(obj), attribute)
            safe = cache.get(key)
            if safe is None:
                safe = cache[key] = original_safe(obj, attribute, value)
            if safe:
                return value
            return unsafe_undefined(obj, attribute)
        return undefined(obj=obj, name=attribute)

    env.is_safe_attribute = is_safe_attribute
    env.getattr = fast_getattr
    env._batch_fast_getattr = True
