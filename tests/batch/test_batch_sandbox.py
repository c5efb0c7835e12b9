"""The batch's faster attribute path allows exactly what the stock sandbox allows."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from crisisplay.batch.sandbox import _install
from crisisplay.render.context import RecipientView

TEMPLATES = [
    "{{ recipient.name }}",
    "{{ recipient.name.upper() }}",
    "{{ recipient._values }}",
    "{{ recipient.__class__ }}",
    "{{ recipient.missing }}",
    "{{ recipient['name'] }}",
    "{{ recipient.name.format(1) }}",
    "{{ '{0.__class__}'.format(recipient.name) }}",
    "{{ recipient.services[0].name }}",
    "{{ recipient.nested.format }}",
]


def _render(env: SandboxedEnvironment, source: str, view: RecipientView) -> tuple[str, Any]:
    try:
        # A bound method prints with its address ("<function str.format at 0x…>"): not an answer.
        return "ok", re.sub(r" at 0x[0-9a-f]+", "", env.from_string(source).render(recipient=view))
    except (SecurityError, UndefinedError) as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("source", TEMPLATES)
def test_same_answers_as_the_stock_sandbox(source: str) -> None:
    class Service:
        name = "Payments"

    values = {"name": "Анна", "services": (Service(),), "nested": "{0}"}
    stock = SandboxedEnvironment(undefined=StrictUndefined)
    fast = SandboxedEnvironment(undefined=StrictUndefined)
    _install(fast)
    assert _render(fast, source, RecipientView(dict(values))) == _render(stock, source, RecipientView(dict(values)))
