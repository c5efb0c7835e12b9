"""Hostile templates: each must end quickly with a located finding, never a hang.

Shared by ``tests/render/test_render_budget.py`` and ``benchmarks/hostile.py``: the ones
issue 14 reported (nested ``range`` loops, ``center(10**9)``, huge ``%``/``format``
widths, ``indent(10**9)``, string doubling, a 60,000-expression template, deep nesting,
``extends`` in a loop, a sandbox escape) and the neighbours found while closing them.
"""

from __future__ import annotations

_DAG = "".join(f"{{% set l{i} = [l{i - 1}, l{i - 1}, l{i - 1}, l{i - 1}, l{i - 1}, l{i - 1}, l{i - 1}, l{i - 1}] %}}"
               for i in range(1, 14))

#: name -> template source.
CASES: dict[str, str] = {
    "nested_range": "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
                    "{% endfor %}{% endfor %}{% endfor %}x",
    "center": "{{ 'x'|center(10**9) }}",
    "printf_width": "{{ '%01000000000d'|format(1) }}",
    "str_format_width": "{{ '{:>1000000000}'.format(1) }}",
    "indent": "{{ 'a\\nb'|indent(10**9) }}",
    "namespace_doubling": "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
                          "{% endfor %}{{ ns.s|length }}",
    "big_template": "{{ incident }} " * 60_000,
    "parentheses_3000": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "nested_if_500": "{% if 1 %}" * 500 + "x" + "{% endif %}" * 500,
    "extends_in_for": "{% for x in [1] %}{% extends 'a.j2' %}{% endfor %}",
    "sandbox_escape": "{{ stage.__class__.__init__.__globals__ }}",
    "list_doubling": "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}"
                     "{% endfor %}{{ ns.l|length }}",
    "int_squaring": "{% set ns = namespace(n=10**64) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}"
                    "{% endfor %}{{ ns.n > 1 }}",
    "macro_fanout": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "nested_literal_dag": "{% set l0 = [1] %}" + _DAG + "{{ l13 }}",
    "replace_amplify": "{{ ('x' * 10000)|replace('x', 'y' * 10000) }}",
    "method_replace": "{{ ('x' * 10000).replace('x', 'y' * 10000) }}",
    "join_repeated": "{{ (['x' * 10000] * 10000)|join }}",
    "round_precision": "{{ 5|round(-1000000000) }}",
    "batch_fill": "{{ [1]|batch(10**9, 'x')|list|length }}",
    "tojson_indent": "{{ range(1000)|list|tojson(indent=10**6) }}",
    "include_itself": "{% include 'again' %}",
    "power_tower": "{{ ((10**64)**64)**64 }}",
    "buffered_macro": "{% macro m() %}{% for i in range(1000) %}{% for j in range(100) %}{{ 'x' * 10000 }}"
                      "{% endfor %}{% endfor %}{% endmacro %}{{ m()|length }}",
    "mutate_in_place": "{% set l = [1] %}{% for i in range(30) %}{{ l.extend(l) or '' }}{% endfor %}{{ l|length }}",
    "upper_in_literal": "{% set s = 'x' * 10000 %}{% set big = s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s %}"
                        "{% for i in range(1000) %}{{ [big|upper, big|upper]|length }}{% endfor %}",
    "huge_range": "{% for i in range(10**6) %}x{% endfor %}",
    "nested_format_spec": "{{ '{:{}}'.format('x', 10**9) }}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "wordwrap_wrapstring": "{{ ('ab ' * 3000)|wordwrap(1, wrapstring='y' * 5000) }}",
    "printf_star": "{{ '%*d' % (10**9, 1) }}",
    "expandtabs": "{{ ('\t' * 5000).expandtabs(1000) }}",
    "translate": "{{ ('x' * 10000).translate({120: 'y' * 10000}) }}",
    "number_digits": "{{ 5|number(10**9) }}",
    "recursive_loop": "{% set t0 = [1, 1] %}"
                      + "".join(f"{{% set t{i} = [t{i - 1}, t{i - 1}] %}}" for i in range(1, 13))
                      + "{% for x in [t12] * 50 recursive %}{% if x is iterable %}{{ loop(x) }}{% endif %}{% endfor %}",
    "dict_dag": "{% set d0 = {'a': 'x' * 100} %}" + "".join(
        f"{{% set d{i} = {{'a': d{i - 1}, 'b': d{i - 1}, 'c': d{i - 1}, 'd': d{i - 1}}} %}}" for i in range(1, 12)
    ) + "{{ d11 }}",
    "endless_macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "integer_5000_digits": "{{ " + "9" * 5000 + " }}",
    "string_in_loop": "{% for i in range(1000) %}{% for j in range(99) %}{{ incident }}{% endfor %}{% endfor %}",
}

#: Templates at the edge of the budgets that must still render.
ALLOWED: dict[str, str] = {
    "loop_1000": "{% for i in range(1000) %}.{% endfor %}",
    "nested_99_by_1000": "{% for a in range(99) %}{% for b in range(1000) %}{% endfor %}{% endfor %}ok",
    "center_1000": "{{ 'x'|center(1000)|length }}",
    "repeat_10000": "{{ ('-' * 10000)|length }}",
    "format_width": "{{ '%-10s|'|format('ok') }} {{ '{:>8}'.format('ok') }}",
    "namespace_join": "{% set ns = namespace(s='') %}{% for i in range(100) %}{% set ns.s = ns.s ~ i %}{% endfor %}"
                      "{{ ns.s|length }}",
    "macro_calls": "{% macro m(x) %}[{{ x }}]{% endmacro %}{% for i in range(300) %}{{ m(i) }}{% endfor %}",
    "power": "{{ 2 ** 64 }}",
}

#: Cases ``validate`` reports before rendering (rule id expected in its findings).
STATIC: dict[str, str] = {
    "nested_range": "CP109",
    "center": "CP109",
    "printf_width": "CP109",
    "str_format_width": "CP109",
    "indent": "CP109",
    "big_template": "CP109",
    "parentheses_3000": "CP109",
    "nested_if_500": "CP109",
    "extends_in_for": "CP100",
    "sandbox_escape": "CP108",
    "round_precision": "CP109",
    "batch_fill": "CP109",
    "tojson_indent": "CP109",
    "integer_5000_digits": "CP109",
}
