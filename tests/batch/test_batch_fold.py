"""Folding recipient-independent template parts never changes the text."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import DictLoader, StrictUndefined
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from crisisplay.batch.fold import specialise
from crisisplay.batch.recipient import RecipientView

CONTEXT: dict[str, Any] = {
    "company": "Example", "incident": "the app is down", "optional": None,
    "services": [{"name": "Payments", "status": "degraded"}, {"name": "App", "status": "down"}],
    "items": ["a", "b", "c"],
}
PARTIALS = {
    "status": "{% for s in services %}- {{ s.name }}: {{ s.status }}\n{% endfor %}",
    "hello": "Hello {{ recipient.name }}",
    "uses_label": "{{ label }}",
    "greet": "{% if recipient is defined and recipient.name is defined and recipient.name %}"
    "Dear {{ recipient.name }} of {{ company }}{% else %}Hello{% endif %}",
    "uses_x": "{{ x }}:{{ recipient.name }}",
    "nested": "{% include 'hello' %}!",
    "setter": "{% set z = recipient.name %}{{ z }}",
    "loopy": "{% for s in services %}{{ s.name }}/{{ recipient.name }} {% endfor %}",
}
TEMPLATES = [
    "{{ company }}: {{ incident }}.",
    "Hi {{ recipient.name }}, {{ company }} says {{ incident | upper }}.",
    "{% for s in services %}{{ s.name }}{{ ', ' if not loop.last }}{% endfor %} for {{ recipient.name }}",
    "{% for r in recipient.services %}{{ loop.index }}. {{ r }} / {{ company }}"
    "{% for s in services %}[{{ s.name }}{{ loop.index }}]{% endfor %}\n{% endfor %}",
    "{% set label = 'x' %}{{ label }} {{ company }}{% for s in services %}{{ label }}{% endfor %}",
    "{% if recipient.vip is defined %}VIP {% endif %}{% if company %}{{ company }}{% endif %}",
    "{% include 'status' %}{{ recipient.name }}",
    "{% include 'hello' %} / {{ company }}",
    "{% set label = recipient.name %}{% include 'uses_label' %}",
    "{{ items | random }} {{ company }}",
    "{% for x in items %}{{ x }}{% set y = x %}{% endfor %}{{ recipient.name }}",
    "{% macro m(v) %}<{{ v }}>{% endmacro %}{{ m(company) }}{{ m(recipient.name) }}",
    "{% for i in items recursive %}{{ i }}{% endfor %}{{ recipient.name }}",
    "{{- company -}}\n  {{ recipient.name }}\n{% if true %}\n  x {{ incident }}\n{% endif %}",
    "{{ '<b>' ~ company }} {{ recipient.name }}",
    "{% for s in recipient.services %}{{ s }}{% endfor %}|{% for s in services %}{{ s.name }}{% endfor %}",
    "{% set s = recipient.name %}{% for x in items %}{{ s }}{{ x }}{% endfor %}",
    "{% for r in recipient.services %}{% for s in services %}{{ r }}{{ s.name }}{% endfor %}"
    "{% for s in services %}{{ s.status }}{% endfor %}{% endfor %}",
    "{% for s in services if s.status != 'down' %}{{ s.name }}{% else %}none{% endfor %}{{ recipient.name }}",
    "{% include 'greet' %} / {{ company }}\n",
    "{% for x in items %}{% include 'uses_x' %};{% endfor %}",
    "{% include 'nested' %} {% include 'setter' %} {{ company }}",
    "{% include 'loopy' %}{% include 'greet' ignore missing %}{% include 'absent' ignore missing %}",
    "{% set x = 'outer' %}{% include 'uses_x' %}",
]


def _env(autoescape: bool) -> SandboxedEnvironment:
    loader = DictLoader({**PARTIALS, **{f"t{i}": source for i, source in enumerate(TEMPLATES)}})
    return SandboxedEnvironment(loader=loader, undefined=StrictUndefined, autoescape=autoescape,
                                trim_blocks=True, lstrip_blocks=True)


@pytest.mark.parametrize("autoescape", [False, True])
@pytest.mark.parametrize("index", range(len(TEMPLATES)))
def test_folded_text_equals_plain_text(index: int, autoescape: bool) -> None:
    env = _env(autoescape)
    name = f"t{index}"
    folded, whole, _folds = specialise(env, name, CONTEXT)
    for values in ({"name": "Anna <3", "services": ("x", "y"), "vip": True}, {"name": "Bo", "services": ()}):
        recipient = RecipientView(values)
        if "random" in TEMPLATES[index]:
            continue  # not deterministic, and never folded (checked below)
        expected = env.get_template(name).render(CONTEXT, recipient=recipient)
        assert folded.render(CONTEXT, recipient=recipient) == expected
        if whole is not None:
            assert whole == expected


def test_only_recipient_independent_parts_fold() -> None:
    env = _env(False)
    assert specialise(env, "t0", CONTEXT)[1] == "Example: the app is down."
    assert specialise(env, "t1", CONTEXT)[1] is None
    assert specialise(env, "t2", CONTEXT)[2] >= 1          # the services loop
    assert specialise(env, "t9", CONTEXT)[2] == 1          # company only, never the random filter
    assert specialise(env, "t7", CONTEXT)[2] == 1          # {{ company }}, not the include that greets
    assert specialise(env, "t15", CONTEXT)[2] == 1         # a loop variable reused by another loop
    assert specialise(env, "t16", CONTEXT)[2] == 0         # {% set s %} makes s per recipient
    assert specialise(env, "t17", CONTEXT)[2] == 1         # the inner loop that does not read r
    assert specialise(env, "t19", CONTEXT)[2] == 2         # greeting inlined: its {{ company }} folds too
    assert specialise(env, "t21", CONTEXT)[2] == 1         # nested includes and set stay includes


def test_a_failing_part_stays_and_fails_per_recipient() -> None:
    env = SandboxedEnvironment(loader=DictLoader({"t": "{{ missing }} {{ recipient.name }}"}),
                               undefined=StrictUndefined)
    folded, whole, folds = specialise(env, "t", CONTEXT)
    assert whole is None and folds == 0
    with pytest.raises(UndefinedError):
        folded.render(CONTEXT, recipient=RecipientView({"name": "A"}))
