"""--diff: every part of every channel, labelled; services as sentences with the right "before"."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from preview_helpers import PLAYBOOK_RU, bundle, parse_html

from crisisplay.preview.api import preview_bundle, preview_playbook
from crisisplay.preview.bundle import bundle_from_dict
from crisisplay.preview.diff import diff_bundles
from crisisplay.preview.labels import labels_for
from crisisplay.preview.service_changes import ServiceInfo, service_changes
from crisisplay.render.agreement import agreement_form


def _with_part(channel: str, part: str, text: str) -> dict[str, Any]:
    data = bundle()
    message = next(m for m in data["messages"] if m["channel"] == channel)
    message["parts"][part] = text
    if part != "avoid":  # the contact centre's text leaves "avoid" out: the old diff missed it
        message["text"] = "\n\n".join(message["parts"].values())
    return data


def test_a_change_only_in_the_scripts_avoid_list_is_shown() -> None:
    old = bundle_from_dict(bundle())
    new = bundle_from_dict(_with_part("contact_center", "avoid", "— Обещать сроки, которых нет в скрипте."))
    view = diff_bundles(old, new, labels=labels_for("ru"))
    script = next(c for c in view.channels if c.channel == "contact_center")
    assert script.state == "changed"
    states = {(p.part, p.label): p.state for p in script.parts}
    assert states == {("say", "Сказать"): "unchanged", ("avoid", "Избегать"): "changed"}
    avoid = next(p for p in script.parts if p.part == "avoid")
    assert [p.text for p in avoid.pieces if p.op == "insert"]


def test_email_parts_are_labelled() -> None:
    old = bundle_from_dict(bundle())
    new = bundle_from_dict(_with_part("email", "subject", "Пример: приложение снова открывается"))
    view = diff_bundles(old, new, labels=labels_for("en"))
    email = next(c for c in view.channels if c.channel == "email")
    assert [(p.label, p.state) for p in email.parts] == [
        ("Subject", "changed"), ("Preheader", "unchanged"), ("Text", "unchanged")]


SERVICES = (ServiceInfo("payments", "оплата связи", "available", "в банке"),
            ServiceInfo("connection", "связь и домашний интернет", "available"),
            ServiceInfo("app", "приложение", "degraded"),
            ServiceInfo("bonus", "начисление бонусов", "available"))


def test_service_changes_read_as_sentences_with_the_playbooks_status_before() -> None:
    before: dict[str, Any] = {}  # the first notice changed nothing: every service had the playbook's status
    after = {"services": {"payments": "unavailable", "connection": {"status": "unavailable"},
                          "app": {"status": "available"}, "bonus": {"alternative": "начислим позже"}}}
    sentences = [c.sentence for c in service_changes(before, after, SERVICES, "ru")]
    assert sentences == [
        "оплата связи: работала → недоступна",
        "связь и домашний интернет: работали → недоступны",
        "приложение: работало с перебоями → работает",
        "начисление бонусов, как обойтись: «—» → «начислим позже»",
    ]
    back = [c.sentence for c in service_changes(after, before, SERVICES, "ru")]
    assert back[0] == "оплата связи: была недоступна → работает"
    english = [c.sentence for c in service_changes(before, after, SERVICES, "en")]
    assert english[0] == "оплата связи: working → unavailable"


@pytest.mark.parametrize(("name", "form"), [
    ("оплата связи", "femn"), ("приложение", "neut"), ("личный кабинет", "masc"),
    ("связь и домашний интернет", "plur"), ("начисление бонусов", "neut"), ("бонусы", "plur"),
])
def test_agreement_with_the_head_noun(name: str, form: str) -> None:
    """The diff agrees with the same form as the rendered messages (one agreement helper)."""
    assert agreement_form(name) == form


def test_services_and_list_facts_are_never_raw_json() -> None:
    old_data = bundle()
    new_data = copy.deepcopy(old_data)
    new_data["facts"]["services"] = {"payments": {"status": "unavailable"}}
    new_data["facts"]["improvements"] = ["проверяем обновления", "добавили запасной вход"]
    view = diff_bundles(bundle_from_dict(old_data), bundle_from_dict(new_data), services=SERVICES)
    assert [f.name for f in view.facts] == ["improvements"]
    assert view.facts[0].after == "проверяем обновления; добавили запасной вход"
    assert [s.sentence for s in view.services] == ["оплата связи: работала → недоступна"]


def test_the_page_shows_labelled_parts_and_service_sentences(tmp_path: Any) -> None:
    from crisisplay.playbook.build import load_playbook
    from crisisplay.render.bundle import write_bundle
    from crisisplay.render.renderer import Renderer

    playbook = load_playbook(PLAYBOOK_RU)
    facts = playbook.example_facts()
    first = Renderer(playbook).render("first_notice", facts)
    write_bundle(first, tmp_path)
    page = preview_playbook(PLAYBOOK_RU, stage="update", previous=tmp_path, example=True,
                            set_options=["services.payments=unavailable"])
    root, problems = parse_html(page.html)
    assert problems == []
    diff = root.find("section", id="diff")
    assert any("оплата связи:" in li.text and "→ недоступна" in li.text
               for li in diff.find_all("ul", class_="service-changes")[0].find_all("li"))
    script = next(s for s in diff.find_all("section", class_="diff-channel")
                  if s.attrs["aria-labelledby"] == "diff-contact_center-h")
    assert [h.text.split(" (")[0] for h in script.find_all("h4")] == ["Сказать", "Избегать", "Вопросы и ответы"]
    email = next(s for s in diff.find_all("section", class_="diff-channel")
                 if s.attrs["aria-labelledby"] == "diff-email-h")
    assert [h.text.split(" (")[0] for h in email.find_all("h4")] == ["Тема", "Прехедер", "Текст"]
    assert "services" not in [f.name for f in page.page.diff.facts]  # type: ignore[union-attr]


def test_a_bundle_preview_without_a_playbook_still_names_service_changes() -> None:
    old_data = bundle()
    new_data = copy.deepcopy(old_data)
    new_data["facts"]["services"] = {"payments": "unavailable"}
    page = preview_bundle(bundle_from_dict(new_data), previous=bundle_from_dict(old_data))
    assert [s.sentence for s in page.page.diff.services] == [  # type: ignore[union-attr]
        "payments: не указано → недоступно"]
