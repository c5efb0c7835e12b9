"""HTML and Markdown outputs people's screens show: e-mail HTML, website banner, Markdown.

The browser checks (layout, contrast, dark mode, no-JS dismiss) are in
tests/e2e/test_outputs_browser.py; these pin the markup those rely on.
"""

from __future__ import annotations

import re
from datetime import datetime
from email import message_from_bytes, policy
from html.parser import HTMLParser
from typing import Any

import pytest
from helpers_render import make_playbook

from crisisplay.playbook.model import Playbook
from crisisplay.preview.style import CONTRAST_PAIRS
from crisisplay.render.channels.contact_links import link_contacts
from crisisplay.render.channels.email import DARK, LIGHT, body_to_html
from crisisplay.render.channels.markdown import escape_html
from crisisplay.render.channels.website_banner import BANNER_CSS, ascii_html, banner_html
from crisisplay.render.output import format_result_markdown
from crisisplay.render.renderer import Renderer

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> &amp; AT&T'


def render(playbook: Playbook, at: datetime, stage: str = "first_notice", **facts: object) -> Any:
    return Renderer(playbook).render(stage, {**playbook.example_facts(), **facts}, at=at)


def html_part(native: bytes) -> str:
    parsed = message_from_bytes(native, policy=policy.default)
    body = parsed.get_body(("html",))
    assert body is not None
    return str(body.get_content())


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- e-mail ------------------------------------------------------------------------------

def test_email_html_is_a_600px_single_column_with_inline_styles(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("email")
    markup = html_part(message.native)
    found = tags(markup)
    tables = [attrs for tag, attrs in found if tag == "table"]
    assert all(attrs.get("role") == "presentation" for attrs in tables)
    card = next(attrs for attrs in tables if "cp-card" in (attrs.get("class") or ""))
    assert "max-width:600px" in (card.get("style") or "")
    assert '<!--[if mso]><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600">' in markup
    paragraphs = [attrs for tag, attrs in found if tag == "p"]
    assert paragraphs and all((attrs.get("style") or "").startswith("margin:") for attrs in paragraphs)
    assert all(attrs.get("style") for tag, attrs in found if tag == "a")  # clients drop <style>


def test_email_phones_and_addresses_are_links(bank_ru: Playbook, at_ru: datetime) -> None:
    markup = html_part(render(bank_ru, at_ru).message("email").native)
    hrefs = [attrs.get("href") for tag, attrs in tags(markup) if tag == "a"]
    assert "tel:+78005553535" in hrefs
    assert any(href and href.startswith("mailto:") for href in hrefs) or "@" not in markup.split("<body", 1)[1]
    assert re.search(r'<a href="tel:\+78005553535" style="[^"]*white-space:nowrap">\+7 800 555-35-35</a>', markup)


def test_email_dark_mode_colours_read_well() -> None:
    assert contrast(LIGHT["text"], LIGHT["card"]) >= 7 and contrast(LIGHT["link"], LIGHT["card"]) >= 4.5
    assert contrast(DARK["text"], DARK["card"]) >= 7 and contrast(DARK["link"], DARK["card"]) >= 4.5


def test_email_declares_both_colour_schemes(bank_en: Playbook, at_en: datetime) -> None:
    markup = html_part(render(bank_en, at_en).message("email").native)
    assert '<meta name="color-scheme" content="light dark">' in markup
    assert "@media (prefers-color-scheme:dark)" in markup and "[data-ogsc]" in markup


def test_email_escapes_facts(bank_en: Playbook, at_en: datetime) -> None:
    markup = html_part(render(bank_en, at_en, incident=HOSTILE).message("email").native)
    body = markup.split("<body", 1)[1]
    assert "<script" not in body and "<img" not in body and "onerror=alert(2)&gt;" in body
    assert "&amp;amp; AT&amp;T" in body


def test_body_to_html_links_without_touching_the_text() -> None:
    markup = body_to_html("Call +7 800 555-35-35 or write to help@example.ru.\n\nSee https://example.ru/a?b=1&c=2.",
                          "ru")
    assert '<a href="tel:+78005553535"' in markup and '<a href="mailto:help@example.ru"' in markup
    assert '<a href="https://example.ru/a?b=1&amp;c=2"' in markup and "c=2</a>." in markup
    assert re.sub(r"<[^>]+>", "", markup).replace("&amp;", "&") == (
        "Call +7 800 555-35-35 or write to help@example.ru.\nSee https://example.ru/a?b=1&c=2."
    )


# -- contact links -----------------------------------------------------------------------

def test_link_contacts_leaves_tags_and_existing_links_alone() -> None:
    markup = ('<p title="+7 800 555-35-35">Звоните <a href="tel:88005553535">8 800 555-35-35</a>'
              " или +7 495 123-45-67</p>")
    linked = link_contacts(markup, "ru")
    assert linked.count("<a ") == 2
    assert 'title="+7 800 555-35-35"' in linked
    assert '<a href="tel:+74951234567" style="white-space:nowrap">+7 495 123-45-67</a>' in linked


def test_link_contacts_in_english_regions() -> None:
    linked = link_contacts("Call +44 20 7946 0000 or (212) 555-0182, www.example.com.", "en")
    assert 'href="tel:+442079460000"' in linked and 'href="https://www.example.com"' in linked


# -- website banner ----------------------------------------------------------------------

def test_banner_is_a_self_contained_ascii_snippet(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("website_banner")
    native = str(message.native)
    assert native.isascii()  # reads right in a UTF-8 or a windows-1251 page alike
    assert f"<style>{BANNER_CSS}</style>" in native
    css_selectors = re.findall(r"(?:^|})\s*([^{}@]+)\{", BANNER_CSS)
    assert all(part.strip().startswith(".crisisplay-banner") for sel in css_selectors for part in sel.split(","))
    assert "rem" not in BANNER_CSS and "url(" not in BANNER_CSS and "@import" not in BANNER_CSS
    found = tags(native)
    assert ("input", {"type": "checkbox", "id": found[2][1]["id"], "class": "crisisplay-banner__toggle",
                      "aria-label": "Скрыть сообщение"}) in found
    assert any(tag == "label" and attrs.get("for") == found[2][1]["id"] for tag, attrs in found)
    assert 'role="region" aria-label="&#1042;&#1072;&#1078;' in native  # «Важное сообщение»
    assert "script" not in native.lower()


def test_banner_text_and_figures_are_unchanged_by_the_wrapper(bank_ru: Playbook, at_ru: datetime) -> None:
    message = render(bank_ru, at_ru).message("website_banner")
    assert "<" not in message.text and "crisisplay" not in message.text
    assert message.figures["characters"] == len(message.text)


def test_banner_options_and_tone(tmp_path: Any) -> None:
    plain = banner_html("", "<p>Всё снова работает.</p>", kind="resolution", locale="ru", dismissible=False)
    assert "crisisplay-banner--calm" in plain and "<input" not in plain and "<label" not in plain
    alert = banner_html("<b>Сбой</b>", "<p>x</p>", kind="first_notice", locale="en_GB")
    assert "crisisplay-banner--alert" in alert and 'lang="en-GB"' in alert and 'aria-label="Hide this notice"' in alert
    assert ascii_html("«Пример» — 13:00") == "&#171;&#1055;&#1088;&#1080;&#1084;&#1077;&#1088;&#187; &#8212; 13:00"


def test_banner_dismissible_option_from_the_playbook(tmp_path: Any, at_ru: datetime) -> None:
    playbook = make_playbook(tmp_path, channels={"website_banner": {"dismissible": False}},
                             templates={"website_banner": "{{ incident }}. Звоните {{ hotline }}."})
    message = Renderer(playbook).render("first_notice", None, at=at_ru).message("website_banner")
    assert "<input" not in str(message.native) and "&#1079;&#1074;&#1086;&#1085;" not in message.text
    assert 'href="tel:+78005553535"' in str(message.native)


def test_banner_escapes_facts(bank_ru: Playbook, at_ru: datetime) -> None:
    native = str(render(bank_ru, at_ru, incident=HOSTILE).message("website_banner").native)
    assert "<script" not in native and "<img" not in native and "&lt;script&gt;" in native


def test_banner_colours_meet_wcag_aa() -> None:
    pairs = [("#1f2328", "#fff8c5"), ("#0550ae", "#fff8c5"), ("#1f2328", "#dafbe1"), ("#0550ae", "#dafbe1")]
    assert all(f"color:{fg}" in BANNER_CSS or fg in BANNER_CSS for fg, _ in pairs)
    assert all(contrast(fg, bg) >= 4.5 for fg, bg in pairs)
    assert all(contrast(fg, bg) >= 4.5 for _, fg, bg in CONTRAST_PAIRS)


# -- Markdown ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)">'),
    ("AT&T, 5 < 7, &lt; and &#60;", "AT&T, 5 &lt; 7, &amp;lt; and &amp;#60;"),
    ("plain **bold** text", "plain **bold** text"),
])
def test_markdown_escape_html(text: str, shown: str) -> None:
    assert escape_html(text) == shown


def test_status_page_escapes_html_in_facts(bank_en: Playbook, at_en: datetime) -> None:
    message = render(bank_en, at_en, incident=HOSTILE).message("status_page")
    native = str(message.native)
    assert "<script" not in native and "<img" not in native and "&lt;script>" in native
    assert "<script>" in message.text  # lint and the preview read what was typed


def test_contact_centre_script_escapes_html(bank_ru: Playbook, at_ru: datetime) -> None:
    native = str(render(bank_ru, at_ru, incident=HOSTILE).message("contact_center").native)
    assert "<script" not in native and "<img" not in native


def test_render_markdown_keeps_messages_fenced_and_escapes_the_rest(bank_en: Playbook, at_en: datetime) -> None:
    result = render(bank_en, at_en, incident="```` <script>x</script>")
    markdown = format_result_markdown(result)
    assert "\n`````text\n" in markdown  # a fence longer than the message's own backticks
    outside = re.sub(r"(`{4,})text\n.*?\n\1\n", "", markdown, flags=re.S)
    assert "<script" not in outside


def test_lint_reads_the_ascii_banner_as_it_displays(bank_ru: Playbook, at_ru: datetime, tmp_path: Any) -> None:
    """`crisisplay lint outbox/` sees the banner's words, and points at them in the file."""
    from click.testing import CliRunner

    from crisisplay.cli.main import cli
    from crisisplay.tone.sources import read_source

    message = render(bank_ru, at_ru, incident="Срочно! Катастрофа с приложением").message("website_banner")
    path = tmp_path / "website_banner.html"
    path.write_text(str(message.native), encoding="ascii")
    read = read_source(str(path)).messages[0].text
    assert " ".join(message.text.split()) in " ".join(read.split())
    result = CliRunner().invoke(cli, ["lint", str(path), "--lang", "ru", "--stage", "first_notice"])
    found = re.search(r"website_banner\.html:(\d+):(\d+): warning \[ru\.alarm\] «Катастрофа»", result.output)
    assert found, result.output
    line = path.read_text(encoding="ascii").splitlines()[int(found.group(1)) - 1]
    assert line[int(found.group(2)) - 1:].startswith("&#1050;&#1072;&#1090;")  # К, а, т …


def test_an_empty_e_mail_body_is_an_empty_card() -> None:
    """Found by fuzzing: a template whose body renders empty crashed the HTML part."""
    from crisisplay.render.channels.email import body_to_html

    assert body_to_html("", "ru") == "" and body_to_html("\n\n", "en") == ""
