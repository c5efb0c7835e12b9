"""Each channel's native output and limits: .eml, Telegram payloads, SSML, X, push …"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from helpers_render import make_playbook

from crisisplay.playbook.model import Playbook
from crisisplay.render.channels.telegram import escape_markdown_v2
from crisisplay.render.channels.x import weighted_length
from crisisplay.render.renderer import Renderer
from crisisplay.render.result import RenderResult

AT = datetime.fromisoformat("2026-03-15T10:00+03:00")


def render(playbook: Playbook, at: datetime, stage: str = "first_notice", **facts: object) -> RenderResult:
    return Renderer(playbook).render(stage, {**playbook.example_facts(), **facts}, at=at)


def test_email_is_a_real_multipart_eml(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("email")
    assert message is not None and isinstance(message.native, bytes)
    assert message.native.isascii() and b"\r\n" in message.native  # SMTP policy: 7-bit, CRLF
    parsed = message_from_bytes(message.native, policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert str(make_header(decode_header(parsed["Subject"]))) == "Банк «Пример»: не открывается мобильное приложение"
    assert "news@bank.example" in str(parsed["From"])
    plain = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert plain is not None and html is not None
    text, markup = plain.get_content(), html.get_content()
    assert "Следующее сообщение — 15 марта в 14:00 МСК." in text
    assert "+7 800 555-35-35" in text and "+7 800 555-35-35" in markup
    assert markup.startswith("<!DOCTYPE html>") and 'lang="ru"' in markup
    assert "Следующее сообщение — 15 марта в 14:00 МСК." in markup  # the preheader, hidden
    assert '<a href="https://bank.example/status" style=' in markup


def test_email_is_byte_identical_for_the_same_facts(bank_ru: Playbook, at_ru: datetime) -> None:
    first = render(bank_ru, at_ru).message("email")
    second = Renderer(bank_ru).render("first_notice", None, ["email"], at=at_ru).message("email")
    assert first is not None and second is not None and first.native == second.native


def test_telegram_markdown_v2_escapes_every_special_character() -> None:
    assert escape_markdown_v2("1.5% (ok) - a_b *c* [d] ~e~ `f` >g #h +i =j |k {l} !m \\n") == (
        "1\\.5% \\(ok\\) \\- a\\_b \\*c\\* \\[d\\] \\~e\\~ \\`f\\` \\>g \\#h \\+i \\=j \\|k \\{l\\} \\!m \\\\n"
    )


def test_telegram_payload_in_markdown_v2(bank_en: Playbook, at_en: datetime) -> None:
    message = render(bank_en, at_en, incident="the app (v2.1) is down!").message("telegram")
    assert message is not None
    payload = json.loads(message.native)
    assert payload["parse_mode"] == "MarkdownV2"
    assert payload["text"].startswith("*Example Bank: the app \\(v2\\.1\\) is down\\!*\n\n")
    assert "\\+44 20 7946 0000" in payload["text"]
    assert message.figures["characters"] == len(message.text.encode("utf-16-le")) // 2


def test_telegram_html_escapes_facts_and_checks_tags(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru, incident="сбой <b>не</b> & приложение").message("telegram")
    assert message is not None and message.ok
    payload = json.loads(message.native)
    assert payload["parse_mode"] == "HTML"
    assert "сбой &lt;b&gt;не&lt;/b&gt; &amp; приложение" in payload["text"]
    assert "<b>Следующее сообщение" in payload["text"]  # the template's own tag stays


def test_telegram_html_rejects_unsupported_tags(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"telegram": "<div>{{ incident }}</div> {{ hotline }} {{ next_update_at }}"},
                             channels={"telegram": {"parse_mode": "HTML"}})
    message = Renderer(playbook).render(None, None, at=AT).messages[0]
    assert any(d.rule == "CP224" and "<div>" in d.message for d in message.diagnostics)


def test_telegram_over_4096_is_an_error(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path, {"telegram": "{{ incident }} {{ hotline }} {{ next_update_at }}"},
                             channels={"telegram": {"parse_mode": "plain"}})
    result = Renderer(playbook).render(None, {**playbook.example_facts(), "incident": "я" * 4100}, at=AT)
    diag = next(d for d in result.messages[0].diagnostics if d.rule == "CP220")
    assert "telegram" in diag.message and "4096" in diag.message


def test_voice_is_valid_ssml_with_say_as(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("voice")
    assert message is not None and isinstance(message.native, str)
    root = ElementTree.fromstring(message.native.encode("utf-8"))
    ns = "{http://www.w3.org/2001/10/synthesis}"
    assert root.tag == f"{ns}speak" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru-RU"
    says = {(e.get("interpret-as"), e.get("format"), e.text) for e in root.iter(f"{ns}say-as")}
    assert ("telephone", None, "+7 800 555 35 35") in says
    assert ("time", "hms24", "14:00") in says and ("date", "dm", "15.03") in says
    assert root.findall(f".//{ns}break")
    assert "по московскому времени" in message.text and "МСК" not in message.text
    assert "\ue000" not in message.text and 10 < message.figures["seconds"] < 90


def test_voice_escapes_xml_in_facts(bank_en: Playbook, at_en: datetime) -> None:
    message = render(bank_en, at_en, incident="R&D <systems> fail").message("voice")
    assert message is not None and message.ok
    assert "R&amp;D &lt;systems&gt;" in str(message.native)
    ElementTree.fromstring(str(message.native).encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("hello", 5),
        ("привет", 6),  # Cyrillic is in 0-4351: weight 1, as twitter-text v3 config says
        ("日本語", 6),  # CJK weighs 2
        ("see https://example.com/a/very/long/path/that/goes/on?and=on", 4 + 23),
        ("👨‍👩‍👧 ok", 2 + 3),  # one emoji sequence counts 2
        ("🇷🇺", 2),
        ("café", 4),  # NFC first
    ],
)
def test_x_weighted_length(text: str, weight: float) -> None:
    assert weighted_length(text) == weight


def test_x_over_280_is_an_error(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru, incident="日本語" * 60).message("x")
    assert message is not None and message.figures["weighted_length"] > 280
    assert any(d.rule == "CP220" and "280" in d.message for d in message.diagnostics)


def test_whatsapp_components_and_limits(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru, company="Б" * 70).message("whatsapp")
    assert message is not None
    components = json.loads(message.native)["components"]
    assert [c["type"] for c in components] == ["HEADER", "BODY", "FOOTER"]
    assert any(d.rule == "CP220" and "header length is 70" in d.message for d in message.diagnostics)


def test_push_payload_and_advised_title(bank_en: Playbook, at_en: datetime) -> None:
    message = render(bank_en, at_en, company="A very long company name that goes on").message("push")
    assert message is not None
    payload = json.loads(message.native)
    assert payload["aps"]["alert"]["title"].startswith("A very long company")
    advice = [d for d in message.diagnostics if d.rule == "CP221"]
    assert advice and "title length" in advice[0].message and advice[0].severity.label == "warning"


def test_website_banner_is_an_escaped_fragment(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru, incident='<img src=x onerror="alert(1)">').message("website_banner")
    assert message is not None
    fragment = str(message.native)
    assert '<div class="crisisplay-banner crisisplay-banner--alert crisisplay-banner--first_notice"' in fragment
    assert "<img" not in str(message.native) and "&lt;img" in str(message.native)


def test_contact_center_script_lists_forbidden_words(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("contact_center")
    assert message is not None
    native = str(message.native)
    assert "## Что говорить" in native and "## Чего не говорить" in native
    assert "Не используйте слова: паника, катастрофа." in native
    assert "паника" not in message.text  # lint sees what agents say, not the forbidden list


def test_status_page_is_markdown_with_the_stage(bank_en: Playbook, at_en: datetime) -> None:
    message = render(bank_en, at_en).message("status_page")
    assert message is not None
    assert str(message.native).startswith("# Our mobile app does not open.\n\n**Investigating** · Updated: March 15")


def test_services_are_listed_vital_first_with_alternatives(bank_ru: Playbook, at_ru: datetime) -> None:
    text = render(bank_ru, at_ru).message("vk")
    assert text is not None
    body = text.text
    assert body.index("Платежи") < body.index("Переводы") < body.index("Вклады")
    assert "оплата картой в интернет-банке" in body and "Новый дизайн сайта" not in body


def test_service_override_from_facts(bank_ru: Playbook, at_ru: datetime) -> None:
    result = render(bank_ru, at_ru, services={"transfers": "unavailable"})
    vk = result.message("vk")
    assert vk is not None and "Переводы: временно недоступны" in vk.text
