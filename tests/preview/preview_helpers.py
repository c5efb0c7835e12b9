"""Shared data for the preview tests: a small bundle in the contract's format, and a DOM."""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOK_RU = ROOT / "playbooks" / "it-outage" / "it-outage.ru.yaml"
PLAYBOOK_EN = ROOT / "playbooks" / "it-outage" / "it-outage.en.yaml"

SMS_TEXT = (
    "Пример: сейчас не открываются приложение и личный кабинет. Связь работает. "
    "Извините нас. Новости — 15 марта, 13:00 МСК. Тел. +7 800 555-35-35"
)
EMAIL_SUBJECT = "Пример: не открываются приложение и личный кабинет"
EMAIL_PRE = "Связь работает. Рассказываем, как обойтись без приложения."
EMAIL_BODY = (
    "Здравствуйте.\n\nС 10:40 не открываются приложение и личный кабинет. Это катастрофа, "
    "но мы уже чиним.\n\nГорячая линия +7 800 555-35-35. Следующее письмо пришлём "
    "15 марта, 14:00 МСК.\n\nКоманда «Пример»"
)
PUSH_TITLE = "Не открываются приложение и кабинет"
PUSH_BODY = "Связь работает. Новости — 15 марта, 13:00 МСК. Помощь: +7 800 555-35-35"


def _message(channel: str, parts: dict[str, str], text: str, figures: dict[str, Any],
             limits: dict[str, int] | None = None, ok: bool = True, ext: str = "txt") -> dict[str, Any]:
    return {"channel": channel, "stage": "first_notice", "locale": "ru", "parts": parts,
            "text": text, "file": f"{channel}.{ext}", "figures": figures,
            "limits": limits or {}, "ok": ok}


BUNDLE: dict[str, Any] = {
    "crisisplay_bundle": 1,
    "playbook": {"id": "it-outage", "title": "Сбой цифрового сервиса", "locale": "ru",
                 "path": "playbooks/it-outage/it-outage.ru.yaml"},
    "stage": {"id": "first_notice", "kind": "first_notice"},
    "generated_at": "2026-03-15T11:00:00+03:00",
    "facts": {"company": "Пример", "hotline": "+7 800 555-35-35",
              "next_update_at": "2026-03-15T13:00:00+03:00",
              "started_at": "2026-03-15T10:40:00+03:00"},
    "messages": [
        _message("sms", {"body": SMS_TEXT}, SMS_TEXT,
                 {"characters": len(SMS_TEXT), "segments": 4, "encoding": "UCS-2"},
                 {"max_segments": 3}, ok=False),
        _message("email", {"subject": EMAIL_SUBJECT, "preheader": EMAIL_PRE, "body": EMAIL_BODY},
                 f"{EMAIL_SUBJECT}\n\n{EMAIL_PRE}\n\n{EMAIL_BODY}",
                 {"subject_length": len(EMAIL_SUBJECT), "preheader_length": len(EMAIL_PRE),
                  "characters": len(EMAIL_BODY)},
                 {"max_subject_length": 60, "max_preheader_length": 100}, ext="eml"),
        _message("push", {"title": PUSH_TITLE, "body": PUSH_BODY}, f"{PUSH_TITLE}\n\n{PUSH_BODY}",
                 {"title_length": len(PUSH_TITLE), "characters": len(PUSH_BODY),
                  "payload_bytes": 300},
                 {"payload_bytes": 4096, "max_title_length": 50, "max_length": 178}, ext="json"),
        _message("contact_center",
                 {"say": "«Пример, здравствуйте». Следующее обновление — 15 марта, 13:00 МСК.",
                  "avoid": "— Называть время, когда всё заработает."},
                 "«Пример, здравствуйте». Следующее обновление — 15 марта, 13:00 МСК.\n\n"
                 "— Называть время, когда всё заработает.", {"characters": 110}, ext="md"),
    ],
    "diagnostics": [
        {"rule": "CP220", "severity": "error", "category": "channel-limit",
         "message": "sms: segments is 4, over the playbook's max_segments of 3",
         "location": {"file": "playbooks/base/base.ru.yaml", "line": 77, "column": 5},
         "source": "render"},
    ],
}


def bundle(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BUNDLE)
    data.update(changes)
    return data


class Node:
    """A tiny DOM: tag, attributes, children and text, enough to assert on structure."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node] = []
        self.items: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(item if isinstance(item, str) else item.text for item in self.items)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                (child.attrs.get(k.rstrip("_")) or "").split().__contains__(v) if k == "class_"
                else child.attrs.get(k) == v for k, v in attrs.items()
            ):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def ancestors(self) -> list[Node]:
        result = []
        node = self.parent
        while node is not None:
            result.append(node)
            node = node.parent
        return result


VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "wbr", "col", "source"})


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.items.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.problems.append(f"</{tag}> closes <{self.current.tag}>")
            node = self.current
            while node is not None and node.tag != tag:
                node = node.parent
            if node is None:
                return
            self.current = node
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.items.append(data)


def parse_html(html: str) -> tuple[Node, list[str]]:
    """The document and any nesting problems (an unclosed or mismatched tag)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    if builder.current is not builder.root:
        builder.problems.append(f"<{builder.current.tag}> never closed")
    return builder.root, builder.problems

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
TEST_PLAYBOOK = DATA / "preview.en.yaml"
AT = "2026-03-15T11:00"
#: Facts a hostile or careless editor could type: each must show as text, never run.
HOSTILE = {
    "company": '<script>alert("company")</script>',
    "incident": '"><img src=x onerror=alert(1)> </style><script>alert(2)</script> & <b>bold</b>',
}


def hostile_sets() -> list[str]:
    return [f"{name}={value}" for name, value in HOSTILE.items()]
