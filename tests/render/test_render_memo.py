"""Memoised partials: a partial renders once per distinct set of the values it reads."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from helpers_render import make_playbook

from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import SERVICE_STATUSES
from crisisplay.render.renderer import Renderer

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")
ROOT = Path(__file__).resolve().parents[2]
IT_RU = ROOT / "crisisplay" / "data" / "playbooks" / "it-outage" / "it-outage.ru.yaml"
FACTS = {"incident": "не работает приложение", "next_update_at": "2026-03-15T12:00", "hotline": "+7 800 555-35-35"}


def _without_memo(playbook: Any) -> Renderer:
    renderer = Renderer(playbook)
    renderer.engine._memo_names = lambda name: None  # type: ignore[method-assign]
    return renderer


@pytest.mark.parametrize("statuses", [("available",) * 3, ("unavailable", "degraded", "frozen"),
                                      ("moved_online", "available", "unavailable")])
def test_remembered_partials_give_what_rendering_gives(statuses: tuple[str, ...]) -> None:
    playbook = load_playbook(IT_RU)
    remembered = Renderer(playbook)
    facts = {**playbook.example_facts()}
    for round_ in range(2):  # the second round reads the memo
        for services in ({"connection": statuses[0], "payments": statuses[1], "app": statuses[2]},
                         {"connection": statuses[2], "payments": statuses[0]}):
            given = {**facts, "services": services, "incident": f"{facts['incident']} {round_}"}
            got = remembered.render("first_notice", given, at=AT)
            expected = _without_memo(playbook).render("first_notice", given, at=AT)
            assert [m.text for m in got.messages] == [m.text for m in expected.messages]
    assert set(SERVICE_STATUSES) >= set(statuses)


def test_a_partial_reading_the_recipient_or_a_namespace_always_renders(tmp_path: Path) -> None:
    playbook = make_playbook(
        tmp_path,
        {"sms": "{% set ns = namespace(n=0) %}{% include 'count' %}{% include 'count' %} {{ ns.n }} "
                "{% include 'who' %} {{ incident }} {{ hotline }} {{ next_update_at }}"},
        partials={"count": "{% set ns.n = ns.n + 1 %}", "who": "{{ recipient.name if recipient is defined else '—' }}"},
    )
    renderer = Renderer(playbook)
    engine = renderer.engine
    assert engine._memo_names("who") is None  # reads recipient
    assert engine._memo_names("count") == ("ns",)
    text = renderer.render(None, FACTS, at=AT).messages[0].text
    assert text.startswith("2 ")  # the namespace is mutable: both includes ran and changed it
    assert renderer.render(None, FACTS, at=AT).messages[0].text == text
