"""Shared data for the batch tests: a small two-locale playbook and recipient files."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

AT = datetime(2026, 3, 15, 11, 0, tzinfo=timezone.utc)
HEADER = ["id", "name", "locale", "channels", "phone", "email", "services", "account", "push"]

_SMS = {
    "en": ("{{ company }}: {{ recipient.name | default('customer') }}, {{ incident }}."
           "{% if recipient.services %} {{ recipient.services | join_list(attribute='name') }}: "
           "{% for s in recipient.services %}{{ s.status_label }}{{ ', ' if not loop.last }}{% endfor %}."
           "{% endif %} Next update {{ next_update_at | time }}. Call {{ hotline }}"),
    "ru": ("{{ company }}: {{ recipient.name | default('клиент') }}, {{ incident }}."
           "{% if recipient.services %} {{ recipient.services | join_list(attribute='name') }}: "
           "{% for s in recipient.services %}{{ s.status_label }}{{ ', ' if not loop.last }}{% endfor %}."
           "{% endif %} Новости — в {{ next_update_at | time }}. Звоните {{ hotline }}"),
}
_INCIDENT = {"en": "the app does not open", "ru": "приложение не открывается"}
_SERVICES = {"en": ("Payments", "Mobile app"), "ru": ("Платежи", "Приложение")}


def playbook_data(locale: str) -> dict[str, Any]:
    pay, app = _SERVICES[locale]
    return {
        "crisisplay": 1,
        "id": "notice",
        "title": f"Notice ({locale})",
        "locale": locale,
        "timezone": "Europe/London" if locale == "en" else "Europe/Moscow",
        "phone_region": "GB",  # one company, one home country, whatever the language
        "facts": {
            "company": {"type": "string", "default": "Example"},
            # Defaults, not examples: a mass send refuses example facts (issue 12).
            "incident": {"type": "text", "required": True, "default": _INCIDENT[locale]},
            "hotline": {"type": "phone", "required": True, "default": "+44 20 7946 0000"},
            "next_update_at": {"type": "datetime", "required": True, "default": "2026-03-15T14:00"},
        },
        "services": {
            "payments": {"name": pay, "tier": "vital", "status": "degraded", "alternative": "pay by card"},
            "app": {"name": app, "tier": "important", "status": "unavailable"},
        },
        "channels": {"sms": {"max_segments": 2, "fallback": True}, "email": {"fallback": True},
                     "push": {"fallback": True}, "voice": {}, "x": {}},
        "channel_order": ["push", "sms", "email"],
        "mandatory_facts": ["hotline"],
        "stages": {
            "first_notice": {
                "kind": "first_notice",
                "due": "20m",
                "templates": {
                    "sms": _SMS[locale],
                    "email": {
                        "subject": "{{ company }}: {{ incident }}",
                        "body": ("Hello {{ recipient.name }},\n\n{{ incident }}.\n\n"
                                 "Account {{ recipient.account }}. Call {{ hotline }}. "
                                 "Next update: {{ next_update_at | datetime }}."),
                    },
                    "push": {"title": "{{ company }}",
                             "body": "{{ incident }}. Next update {{ next_update_at | time }}. {{ hotline }}"},
                },
            },
            "update": {"kind": "update", "every": "2h", "templates": {
                "sms": "Update: {{ incident }}. Next {{ next_update_at | time }}. {{ hotline }}"}},
            "resolved": {"kind": "resolution", "templates": {"x": "Fixed. Thank you. {{ hotline }}"}},
        },
    }


def write_playbooks(directory: Path, locales: tuple[str, ...] = ("en", "ru")) -> Path:
    """notice.<locale>.yaml for each locale; returns the English one."""
    directory.mkdir(parents=True, exist_ok=True)
    for locale in locales:
        text = yaml.safe_dump(playbook_data(locale), allow_unicode=True, sort_keys=False)
        (directory / f"notice.{locale}.yaml").write_text(text, "utf-8")
    return directory / f"notice.{locales[0]}.yaml"


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


def many_rows(count: int) -> list[list[str]]:
    """Deterministic recipients: both locales, SMS/e-mail/push, some bad addresses."""
    rows = []
    for index in range(count):
        locale = "ru" if index % 3 == 0 else "en"
        channels = ("sms", "email;sms", "email", "push;email")[index % 4]
        phone = f"+7916{index:07d}" if locale == "ru" else f"+447400{index:06d}"
        if index % 17 == 0:
            phone = "12345"
        email = f"user{index}@example.com" if index % 13 else f"user{index}@example"
        services = ("", "payments", "app;payments")[index % 3]
        push = f"token-{index}" if index % 8 == 3 else ""
        rows.append([f"c{index:05d}", f"Name{index}", locale, channels, phone, email, services, f"A-{index}", push])
    return rows


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def outputs(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every JSONL output of a run, by file name."""
    return {path.name: read_jsonl(path) for path in sorted(out.glob("*.jsonl"))}
