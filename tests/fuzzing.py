"""Input generators for fuzzing the CLI: playbooks, facts, templates and lint input.

Every generator draws its decisions from a :class:`Choices` stream of integers, so the same
code serves hypothesis (``st.lists(st.integers())``: shrinkable, in ``tests/test_fuzz.py``)
and a seeded ``random`` source (``tools/fuzz.py``: hundreds of thousands of inputs). Each
case runs a real command in-process (click's ``CliRunner``); the only exit codes allowed
are 0, 1 and 2 — 3 is an internal error, a crash is a bug.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from crisisplay.cli.main import cli

AT = "2026-03-15T10:00"

PLAYBOOK = """\
crisisplay: 1
id: fuzz
title: Fuzz
locale: ru
timezone: Europe/Moscow
facts:
  incident: {type: text, required: true, example: не открывается приложение}
  next_update_at: {type: datetime, required: true, example: "2026-03-15T14:00"}
  hotline: {type: phone, required: true, example: "+7 800 555-35-35"}
  rate: {type: number, example: 12.5}
  count: {type: integer, example: 3}
  link: {type: url, example: "https://bank.example/status"}
  wait: {type: duration, example: 2h}
  mail: {type: email, example: help@bank.example}
  items: {type: list, example: [платежи, переводы]}
  level: {type: enum, values: [minor, major], example: major}
  start: {type: date, example: "2026-03-15"}
  clock: {type: time, example: "14:00"}
  flag: {type: boolean, example: true}
  note: {type: text}
services:
  payments: {name: Платежи, tier: vital, status: degraded, alternative: картой на сайте, channels: [website]}
  redesign: {name: Новый дизайн, tier: deferrable, status: frozen}
channels:
  sms: {max_segments: 3}
  email: {}
  voice: {}
mandatory_facts: [hotline, next_update_at]
partials:
  status: "{% for s in services %}{{ s.name }}: {{ s.status_label }}. {% endfor %}"
stages:
  first_notice:
    kind: first_notice
    due: 20m
    templates:
      sms: "{{ incident }}. {% include 'status' %}Новости в {{ next_update_at | time }}. {{ hotline }}"
      email:
        subject: "{{ incident }}"
        body: {file: body.j2}
      voice: "{{ incident }}. Новости в {{ next_update_at | time }}. Звоните {{ hotline }}."
  update:
    kind: update
    every: 2h
    templates:
      sms: "Обновление: {{ incident }}. Далее в {{ next_update_at | time }}. {{ hotline }}"
checklists:
  first_hour:
    items:
      - {id: notify, text: Отправить первое сообщение, due: 20m, priority: critical}
      - {id: freeze, text: Заморозить редизайн, due: 1h, depends_on: [notify], services: [redesign]}
"""
BODY = ("Здравствуйте!\n{{ incident }}.\n{% if note %}{{ note }}\n{% endif %}Ставка {{ rate | number }}, "
        "{{ count | plural('раз') }}, {{ items | join_list }}.\n"
        "Следующее сообщение — {{ next_update_at | datetime }}.\nТелефон: {{ hotline }}, {{ link }}, {{ mail }}.\n")

#: Bytes that break YAML, templates and limits in interesting ways.
SPECIALS: tuple[bytes, ...] = tuple(s if isinstance(s, bytes) else s.encode("utf-8") for s in (
    b":", b": ", b"- ", b"\t", b"\n", b"  ", b"*a ", b"&a ", b"!!python/object/apply:os.system ['id'] ", b"<<: ",
    b"{", b"}", b"[", b"]", b"'", b'"', b"#", b"%", b"@", b"`", b"|", b">-\n  ", b"\x00", b"\xff", b"\xef\xbb\xbf",
    "Причина: ошибка в обновлении", "\u202e", "\u200b", b"1e400", b".inf", b".nan", b"9" * 5000, b"-0x1F",
    b"99999999999d", b"Factory", b"localtime", b"{{", b"}}", b"{%", b"%}", b"{{ 'x'|center(10**9) }}",
    b"{% for i in range(1000) %}", b"{% endfor %}", b"(" * 40, b"file: /proc/self/environ",
    b"extends: ../../../../etc/passwd.yaml", b"0001-01-01T00:00+14:00", b"9999-12-31T23:59-12:00", b"~",
    b"null", b"no", b"1:30", b"? ", b"---\n", b"...\n", b"\r\n", b"\\", b"\"\\x\"", b"&a [*a, *a]",
))
HOSTILE_LINES: tuple[str, ...] = (
    "x: &a [*a]", "a: &a [1, 2]\nb: [*a, *a, *a, *a]", "timezone: " + "A" * 300, "timezone: posixrules",
    "locale: xx_YY", "extends: /etc/hostname.yaml", "policy: {first_notice_within: 99999999999d}",
    "tone: {max_sentence_words: 1e400}", "id: " + "9" * 200, "title: 'unclosed", "title: \"a\" b",
    "facts: {x: {type: number, example: .nan}}", "channels: {sms: {max_segments: -1}}",
)

FACT_NAMES = ("incident", "next_update_at", "hotline", "rate", "count", "link", "wait", "mail", "items", "level",
              "start", "clock", "flag", "note", "services", "unknown_fact")
VALUES: tuple[Any, ...] = (
    "", " ", "текст", "x" * 5000, "Причина: сбой", "\u202e evil", "a\u200bb", "tab\there", "line\nbreak",
    "{{ 7 * 7 }}", "{% raw %}", "<b>жирный</b> & «ёлочки»", "nan", "NaN", "inf", "-inf", "1e400", "1e308", "-1",
    "0", "1" * 5000, "12,5", "1 000", "14:00", "25:00", "2026-03-15T14:00", "0001-01-01T00:00+14:00",
    "9999-12-31T23:59-12:00", "2026-02-30", "30m", "99999999999d", "1h30m", "-5m", "https://[::1",
    "https://bank.ru/\u202emoc", "http://x", "ftp://x.ru", "mailto:a@b.c", "a@b.c", "@", "+7 800 555-35-35",
    "8 800 555 35 35", "+0", "1" * 70, "major", "minor", "MAJOR", True, False, None, 0, -1, 10**30, 1.5,
    float("inf"), [], ["a"], ["x" * 100] * 50, [[1]], {}, {"a": 1}, {"payments": "unavailable"},
    {"payments": {"status": "down"}}, {"nope": "available"},
)

EXPR_ATOMS = ("incident", "rate", "count", "items", "next_update_at", "wait", "hotline", "services", "now",
              "stage", "playbook", "channel", "note", "flag", "loop", "recipient", "range(3)", "range(1000)",
              "range(10**6)", "[1, 2, 3]", "[items, items]", "{'a': 1}", "namespace(x='y')", "10**9", "9**9**9",
              "2**64", "-1", "0", "1.5", "'x'", "'x' * 10000", "'%01000000000d'", "'{:>1000000000}'",
              "'{0.__class__}'", "''.__class__", "stage.__class__.__init__.__globals__", "lipsum", "cycler",
              "services[0]", "services[0].name", "items[10]", "fact('website')", "'a\\nb'", "true", "none",
              "(1, 2)", "dict(a=1)", "incident.upper()", "incident.center(10**9)", "'x'.ljust(5000)")
SAFE_ATOMS = ("incident", "rate", "count", "items", "next_update_at", "wait", "hotline", "services", "link",
              "mail", "level", "start", "clock", "flag", "'текст'", "3", "[1, 2]", "services[0].name")
FILTERS = ("center(10**9)", "center(50)", "indent(10**9)", "indent(4)", "format(1)", "format(incident)",
           "replace('x', 'y' * 1000)", "replace('а', 'б')", "join", "join(', ')", "list", "upper", "lower",
           "round(-10**9)", "round(2)", "batch(10**9, 'x')", "batch(2)", "slice(10**9)", "slice(2)",
           "tojson(indent=10**6)", "tojson", "wordwrap(1, wrapstring='y' * 100)", "wordwrap(40)", "truncate(10)",
           "default('-')", "int", "float", "string", "length", "sort", "unique", "first", "last", "sum", "reverse",
           "join_list", "join_list('or')", "plural('минута')", "plural", "number", "number(10**9)", "number(2)",
           "datetime", "time", "date", "duration", "relative", "phone", "phone('e164')", "sentence", "e",
           "striptags", "urlize", "title", "trim", "attr('__class__')", "map(attribute='name')",
           "selectattr('vital')", "dictsort", "items", "xmlattr", "pprint", "abs", "capitalize", "wordcount")


class Choices:
    """Decisions from a stream of integers: a given stream always gives the same input."""

    def __init__(self, numbers: Sequence[int]) -> None:
        self.numbers = list(numbers)
        self.index = 0

    def next(self, bound: int) -> int:
        if bound <= 0:
            return 0
        if self.index >= len(self.numbers):
            return 0
        value = self.numbers[self.index]
        self.index += 1
        return abs(value) % bound

    def pick(self, items: Sequence[Any]) -> Any:
        return items[self.next(len(items))]

    def chance(self, percent: int) -> bool:
        return self.next(100) < percent


def random_choices(rng: random.Random, size: int = 200) -> Choices:
    return Choices([rng.randrange(1 << 30) for _ in range(size)])


# -- playbooks ------------------------------------------------------------------------------
def mutate(data: bytes, choices: Choices, rounds: int | None = None) -> bytes:
    """Byte-level mutations of ``data``: inserts of special bytes, deletions, duplications…"""
    out = bytearray(data)
    for _ in range(rounds if rounds is not None else 1 + choices.next(6)):
        where = choices.next(len(out) + 1)
        kind = choices.next(7)
        if kind == 0:
            out[where:where] = choices.pick(SPECIALS)
        elif kind == 1:
            del out[where:where + 1 + choices.next(40)]
        elif kind == 2:
            piece = out[where:where + 1 + choices.next(200)]
            out[where:where] = piece * (1 + choices.next(4))
        elif kind == 3 and out:
            out[min(where, len(out) - 1)] = choices.next(256)
        elif kind == 4:
            lines = bytes(out).split(b"\n")
            index = choices.next(len(lines))
            lines.insert(index, choices.pick(HOSTILE_LINES).encode("utf-8"))
            out = bytearray(b"\n".join(lines))
        elif kind == 5:
            lines = bytes(out).split(b"\n")
            a, b = choices.next(len(lines)), choices.next(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            out = bytearray(b"\n".join(lines))
        else:
            del out[where:]
    return bytes(out)


# -- facts ------------------------------------------------------------------------------------
GOOD: dict[str, tuple[Any, ...]] = {
    "incident": ("сбой входа в приложение", "the app is down"), "next_update_at": ("2026-03-15T16:00", "16:30"),
    "hotline": ("+7 800 555-35-35", "8 (800) 100-00-00"), "rate": (12.5, "3,5", 0), "count": (1, 2, 5, 21),
    "link": ("https://bank.example/status",), "wait": ("2h", "45m", 90), "mail": ("help@bank.example",),
    "items": (["платежи"], "вклады, кредиты"), "level": ("minor", "major"), "start": ("2026-03-15",),
    "clock": ("14:00",), "flag": (True, "нет"), "note": ("Заявки сохранены.",),
    "services": ({"payments": "unavailable"}, {"payments": {"status": "available"}}, {"redesign": "frozen"}),
}


def facts_document(choices: Choices) -> str:
    """A facts file (YAML or JSON) with random values for real and unknown facts."""
    data = {}
    for _ in range(1 + choices.next(6)):
        name = choices.pick(FACT_NAMES)
        data[name] = choices.pick(GOOD[name]) if name in GOOD and choices.chance(60) else choices.pick(VALUES)
    if choices.chance(30):
        import json

        return json.dumps(data, ensure_ascii=False, default=str, allow_nan=True)
    return yaml.safe_dump(data, allow_unicode=True)


def set_options(choices: Choices) -> list[str]:
    options = []
    for _ in range(choices.next(4)):
        name = choices.pick((*FACT_NAMES, "services.payments", "services.x", "services.payments.alternative", ""))
        value = choices.pick(VALUES)
        options += ["--set", f"{name}={value if isinstance(value, str) else yaml.safe_dump(value).strip()}"]
    return options


# -- templates --------------------------------------------------------------------------------
def template(choices: Choices, depth: int = 0) -> str:
    """A template from a small Jinja grammar: mostly valid, sometimes broken on purpose."""
    parts = []
    for _ in range(1 + choices.next(4)):
        kind = choices.next(8 if depth < 4 else 3)
        if kind == 0:
            parts.append(choices.pick(("Здравствуйте. ", "Next update: ", "\n", " — ", "{#c#}", "{{", "%}")))
        elif kind in (1, 2):
            parts.append("{{ " + expression(choices) + " }}")
        elif kind == 3:
            parts.append("{% if " + expression(choices) + " %}" + template(choices, depth + 1)
                         + ("{% else %}" + template(choices, depth + 1) if choices.chance(30) else "")
                         + ("{% endif %}" if choices.chance(95) else ""))
        elif kind == 4:
            parts.append("{% for x in " + expression(choices) + " %}" + template(choices, depth + 1)
                         + ("{% endfor %}" if choices.chance(95) else ""))
        elif kind == 5:
            parts.append("{% set v = " + expression(choices) + " %}{{ v }}")
        elif kind == 6:
            parts.append("{% macro m(a) %}" + template(choices, depth + 1) + "{% endmacro %}{{ m(1) }}{{ m(2) }}")
        else:
            parts.append(choices.pick(("{% include 'status' %}", "{% include '../x.j2' %}", "{% extends 'x.j2' %}",
                                       "{% raw %}{{{% endraw %}", "{{ x.append(1) }}", "{% include 'body.j2' %}")))
    return "".join(parts)


def expression(choices: Choices) -> str:
    value: str = choices.pick(SAFE_ATOMS if choices.chance(50) else EXPR_ATOMS)
    if choices.chance(25):
        value = f"({value} {choices.pick(('+', '*', '~', '%', '**', '//', '-', 'in', '==', 'and'))} "\
                f"{choices.pick(EXPR_ATOMS)})"
    for _ in range(choices.next(3)):
        value = f"{value}|{choices.pick(FILTERS)}"
    return value


# -- lint input -------------------------------------------------------------------------------
WORDS = ("Уважаемые", "клиенты", "сбой", "приложение", "не", "работает", "ПАНИКА", "срочно", "катастрофа",
         "извините", "сообщим", "в", "14:00", "15:30", "+7 800 555-35-35", "8 800 555 35 35", "https://bank.ru",
         "www.bank.ru", "help@bank.ru", "900", "*900#", "ты", "вы", "Вы", "!!!", "???", "2 часа", "50%", "Dear",
         "customers", "outage", "we", "apologize", "call", "tomorrow", "at", "3pm", "URGENT", "guaranteed",
         "номером", "телефону", "a" * 3000, "a@" * 50, "номер" * 100, "\u202e", "<b>", "</b>", "**", "#", "\n\n")


def lint_text(choices: Choices) -> bytes:
    words = " ".join(choices.pick(WORDS) for _ in range(1 + choices.next(60)))
    form = choices.next(6)
    if form == 0:
        import json

        return json.dumps({"text": words, "title": choices.pick(WORDS)}, ensure_ascii=False).encode()
    if form == 1:
        return ("{" * choices.next(3000) + '"text": "' + words).encode()
    if form == 2:
        return f"<html><body><p>{words}</p><script>{words}</script></body></html>".encode()
    if form == 3:
        return ('{"crisisplay_bundle": 1, "messages": [{"channel": "sms", "text": "' + words
                + '"}, 5, null], "stage": "x"}').encode()
    if form == 4:
        return mutate(words.encode(), choices, 2)
    return words.encode()


# -- running ----------------------------------------------------------------------------------
@dataclass
class Outcome:
    target: str
    code: int | str
    args: list[str]
    detail: str = ""
    files: dict[str, bytes] = field(default_factory=dict)


class Timeout(BaseException):
    """Raised by the fuzz script's alarm: passes through the CLI's error mapping on purpose."""


def invoke(args: list[str], stdin: bytes | None = None) -> tuple[int | str, str]:
    result = CliRunner().invoke(cli, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return "crash", f"{type(result.exception).__name__}: {result.exception}"
    return result.exit_code, result.output[-2000:]


def run_case(target: str, choices: Choices, workdir: Path) -> Outcome:
    """One input for ``target`` (loader, facts, template, lint), run through the CLI."""
    folder = Path(tempfile.mkdtemp(dir=workdir))
    files: dict[str, bytes] = {"playbook.yaml": PLAYBOOK.encode("utf-8"), "body.j2": BODY.encode("utf-8")}
    args: list[str]
    stdin: bytes | None = None
    if target == "loader":
        files["playbook.yaml"] = mutate(files["playbook.yaml"], choices, 1 if choices.chance(40) else None)
        args = choices.pick((["validate", "{dir}/playbook.yaml"], ["validate", "-"],
                             ["render", "{dir}/playbook.yaml", "--at", AT],
                             ["render", "{dir}/playbook.yaml", "--at", AT, "--stage", "update", "--format", "json"]))
        if args[1] == "-":
            stdin = files["playbook.yaml"]
    elif target == "facts":
        files["facts.yaml"] = facts_document(choices).encode("utf-8")
        args = ["render", "{dir}/playbook.yaml", "--at", AT, "--facts", "{dir}/facts.yaml",
                *(["--example"] if choices.chance(60) else []), *set_options(choices)]
    elif target == "template":
        files["body.j2"] = template(choices).encode("utf-8")
        args = choices.pick((["render", "{dir}/playbook.yaml", "--at", AT, "--example"],
                             ["validate", "{dir}/playbook.yaml"]))
    else:
        files["message"] = lint_text(choices)
        suffix = choices.pick((".txt", ".json", ".html", ".md", ".eml", ""))
        if suffix:
            files[f"message{suffix}"] = files.pop("message")
            args = ["lint", f"{{dir}}/message{suffix}", "--lang", choices.pick(("ru", "en", "auto"))]
        else:
            stdin = files.pop("message")
            args = ["lint", "-", "--lang", choices.pick(("ru", "en", "auto"))]
    for name, data in files.items():
        (folder / name).write_bytes(data)
    args = [a.replace("{dir}", str(folder)) for a in args]
    code, detail = invoke(args, stdin)
    return Outcome(target, code, args, detail, files if code not in (0, 1, 2) else {})


TARGETS = ("loader", "facts", "template", "lint")


def cases(rng: random.Random, count: int) -> Iterator[tuple[str, Choices]]:
    for index in range(count):
        yield TARGETS[index % len(TARGETS)], random_choices(rng)


Runner = Callable[[str, Choices, Path], Outcome]
