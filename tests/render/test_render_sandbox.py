"""Templates are data: SSTI payloads are refused, missing facts are errors with lines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers_render import make_playbook

from crisisplay.diagnostics.model import Severity
from crisisplay.render.renderer import Renderer

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")

#: Known server-side template injection payloads for Jinja2 (PayloadsAllTheThings, HackTricks).
SSTI_PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    "{{ [].__class__.__base__.__subclasses__()[40]('/etc/passwd').read() }}",
    "{{ self.__init__.__globals__.__builtins__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
    "{{ range.__init__.__globals__ }}",
    "{{ dict.__init__.__globals__ }}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
    "{{ ''|attr('__class__')|attr('__mro__') }}",
    "{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ (''|attr('__class__')).__base__.__subclasses__() }}",
    "{{ '{0.__class__.__mro__}'.format('') }}",
    "{{ '%s'|format(''.__class__) }}",
    "{{ incident.__class__.__init__.__globals__ }}",
    "{{ services[0].__class__.__init__.__globals__ }}",
    "{{ now.__class__.__subclasses__() }}",
    "{{ playbook.__dict__ }}",
    "{{ channel.__reduce_ex__(2) }}",
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    "{% set x = ''.__class__ %}{{ x }}",
    "{{ 9 ** 99999999 }}",
    "{{ (9 ** 9) ** (9 ** 9) }}",
    "{{ 'a' * 100000000 }}",
    "{% for i in range(100000000) %}x{% endfor %}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../etc/passwd' %}",
    "{% include 'mini.ru.yaml' %}",
    "{% import 'os' as os %}{{ os.system('id') }}",
    "{{ get_flashed_messages.__globals__ }}",
    "{{ url_for.__globals__ }}",
]


@pytest.mark.parametrize("payload", SSTI_PAYLOADS)
def test_ssti_payloads_are_refused(tmp_path: Path, payload: str) -> None:
    playbook = make_playbook(tmp_path, {"sms": "Текст " + payload + " {{ hotline }} {{ next_update_at }}"})
    result = Renderer(playbook).render(None, None, at=AT)
    message = result.messages[0]
    assert not message.ok, f"payload rendered: {message.text!r}"
    errors = [d for d in message.diagnostics if d.severity == Severity.ERROR]
    assert errors and all(d.location is not None for d in errors)
    assert errors[0].rule in ("CP210", "CP211", "CP212", "CP219")
    for leaked in ("root:", "uid=", "subprocess", "__builtins__", "<class"):
        assert leaked not in message.text


def test_sandbox_refusal_is_cp211_at_the_yaml_line(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"email": {"subject": "Тема {{ hotline }}", "body": (
        "Строка 1 {{ hotline }} {{ next_update_at }}\nСтрока 2 {{ ''.__class__.__mro__ }}\n")}})
    message = Renderer(playbook).render(None, None, at=AT).messages[0]
    diag = next(d for d in message.diagnostics if d.rule == "CP211")
    body_line = playbook.stages["first_notice"].templates["email"].parts["body"].first_line
    assert diag.location is not None and diag.location.line == body_line + 1


def test_a_missing_fact_names_the_fact_and_the_yaml_line(tmp_path: Path) -> None:
    template = "Здравствуйте!\n{{ incident }}\nЗвоните {{ hotlne }} до {{ next_update_at }}\n"
    playbook = make_playbook(tmp_path, {"sms": template})
    message = Renderer(playbook).render(None, None, at=AT).messages[0]
    assert not message.ok and "body" not in message.parts  # never rendered with a blank
    diag = next(d for d in message.diagnostics if d.rule == "CP212")
    assert "'hotlne'" in diag.message and diag.fix == "did you mean 'hotline'?"
    text = Path(playbook.path).read_text("utf-8").splitlines()
    assert diag.location is not None and "{{ hotlne }}" in text[diag.location.line - 1]


def test_an_optional_fact_without_value_cannot_print_as_empty(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"sms": "{{ incident }}. {{ note }} {{ hotline }} {{ next_update_at }}"})
    message = Renderer(playbook).render(None, None, at=AT).messages[0]
    assert not message.ok
    found = [d for d in message.diagnostics if d.rule == "CP251"]
    assert found and "'note' has no value" in found[0].message and "{% if note %}" in found[0].fix
    guarded = make_playbook(tmp_path, {"sms": "{{ incident }}.{% if note %} {{ note }}{% endif %} {{ hotline }} "
                                              "{{ next_update_at }}"})
    assert Renderer(guarded).render(None, None, at=AT).messages[0].ok


def test_a_missing_fact_inside_a_partial_points_at_the_partial(tmp_path: Path) -> None:
    playbook = make_playbook(
        tmp_path, {"sms": "{% include 'tail' %} {{ hotline }} {{ next_update_at }}"},
        partials={"tail": "Хорошо.\nНомер: {{ phone_number }}"},
    )
    diag = next(d for d in Renderer(playbook).render(None, None, at=AT).messages[0].diagnostics if d.rule == "CP212")
    lines = Path(playbook.path).read_text("utf-8").splitlines()
    assert diag.location is not None and "phone_number" in lines[diag.location.line - 1]
    assert diag.related, "the including template is given as related location"


def test_syntax_error_is_reported_at_its_line(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"sms": "ok {{ hotline }} {{ next_update_at }}\n{% if %}\n"})
    diag = Renderer(playbook).render(None, None, at=AT).messages[0].diagnostics[0]
    assert diag.rule == "CP210"
    first = playbook.stages["first_notice"].templates["sms"].parts["body"].first_line
    assert diag.location is not None and diag.location.line == first + 1


def test_facts_are_escaped_in_html_parts_only(tmp_path: Path) -> None:
    playbook = make_playbook(
        tmp_path,
        {"email": {"subject": "{{ incident }}", "body": "{{ incident }} {{ hotline }} {{ next_update_at }}",
                   "html": "<p>{{ incident }}</p><p>{{ hotline }} {{ next_update_at }}</p>"},
         "sms": "{{ incident }} {{ hotline }} {{ next_update_at }}"},
    )
    facts = {**playbook.example_facts(), "incident": "<script>alert(1)</script> & Co"}
    result = Renderer(playbook).render(None, facts, at=AT)
    email, sms = result.message("email"), result.message("sms")
    assert email is not None and sms is not None
    assert "&lt;script&gt;" in email.parts["html"] and "<script>" not in email.parts["html"]
    assert email.parts["subject"].startswith("<script>")  # the subject is plain text, encoded by email
    assert sms.text.startswith("<script>alert(1)</script> & Co")
