"""Reading inputs: text, Markdown, HTML, .eml, bundle.json, other JSON, directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisplay.errors import CrisisplayError
from crisisplay.tone.api import lint_messages
from crisisplay.tone.markup import decode_json_string, strip_markdown, strip_tags
from crisisplay.tone.sources import read_inputs, read_source


def _alarm_location(path: Path) -> tuple[int, int]:
    source = read_source(str(path))
    found = lint_messages(source.messages, locale="ru", stage_kind="internal")
    alarm = next(d for d in found if d.category == "alarm")
    assert alarm.location is not None and alarm.span.lower() == "паника"
    return alarm.location.line, alarm.location.column


def test_markup_is_blanked_in_place() -> None:
    html = "<p>Сбой&nbsp;<b>сети</b></p><script>var x='паника'</script>"
    text = strip_tags(html)
    assert len(text) == len(html) and "паника" not in text and text.index("сети") == html.index("сети")
    markdown = "# Заголовок\n**Жирный** [ссылка](https://bank.ru) `код`"
    cleaned = strip_markdown(markdown)
    assert len(cleaned) == len(markdown) and "https://bank.ru" in cleaned and "**" not in cleaned


def test_positions_in_markdown_and_html(tmp_path: Path) -> None:
    (tmp_path / "status_page.md").write_text("# Статус\n\nУж **паника**, всё работает.\n", encoding="utf-8")
    assert _alarm_location(tmp_path / "status_page.md") == (3, 6)
    (tmp_path / "banner.html").write_text("<div>\n  <p>Вот <i>паника</i></p>\n</div>", encoding="utf-8")
    assert _alarm_location(tmp_path / "banner.html") == (2, 13)


def test_eml_subject_and_body(tmp_path: Path) -> None:
    eml = (
        "From: bank@example.com\nSubject: =?utf-8?b?0KHQsdC+0Lk=?=\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\nЗдравствуйте!\nНастала паника.\n"
    )
    path = tmp_path / "email.eml"
    path.write_bytes(eml.encode("utf-8"))
    source = read_source(str(path))
    assert source.messages[0].channel == "email" and source.messages[0].text.startswith("Сбой\n\n")
    assert _alarm_location(path) == (7, 9)


def test_bundle_messages_and_positions(tmp_path: Path) -> None:
    bundle = {
        "crisisplay_bundle": 1, "playbook": {"id": "p", "title": "t", "locale": "ru", "path": "p.yaml"},
        "stage": {"id": "first", "kind": "first_notice"}, "generated_at": "2026-03-15T10:00:00+03:00",
        "facts": {}, "messages": [
            {"channel": "sms", "stage": "first", "locale": "ru", "parts": {}, "text": "Сбой\n«паника»",
             "file": "sms.txt"},
            {"channel": "email", "stage": "first", "locale": "ru", "parts": {}, "text": "Всё хорошо", "file": "e.eml"},
        ], "diagnostics": [],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle, ensure_ascii=True, indent=2), encoding="utf-8")
    source = read_source(str(path))
    assert source.kind == "bundle" and source.stage == "first_notice" and source.locale == "ru"
    assert [m.channel for m in source.messages] == ["sms", "email"]
    line, column = _alarm_location(path)
    raw = path.read_text("utf-8")
    assert raw.splitlines()[line - 1][column - 1 :].startswith("\\u043f")


def test_other_json_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "telegram.json"
    path.write_text('{"chat_id": 1, "text": "<b>Паника</b> в чате"}', encoding="utf-8")
    assert _alarm_location(path) == (1, 28)
    (tmp_path / "bad.json").write_text('{"x": 1}', encoding="utf-8")
    with pytest.raises(CrisisplayError, match="no message text"):
        read_source(str(tmp_path / "bad.json"))
    (tmp_path / "broken.json").write_text('{"x": ', encoding="utf-8")
    with pytest.raises(CrisisplayError, match="invalid JSON"):
        read_source(str(tmp_path / "broken.json"))


def test_directory_uses_the_bundle_metadata(tmp_path: Path) -> None:
    (tmp_path / "sms.txt").write_text("Сбой", encoding="utf-8")
    (tmp_path / "voice.ssml").write_text("<speak>Сбой</speak>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bundle.json").write_text(json.dumps(
        {"crisisplay_bundle": 1, "stage": {"kind": "update"}, "playbook": {"locale": "ru"}, "messages": []}
    ), encoding="utf-8")
    sources = read_inputs((str(tmp_path),))
    assert [s.messages[0].channel for s in sources] == ["sms", "voice"]
    assert {s.stage for s in sources} == {"update"}


def test_missing_inputs() -> None:
    with pytest.raises(CrisisplayError, match="no such file"):
        read_inputs(("/nonexistent/sms.txt",))
    with pytest.raises(CrisisplayError, match="nothing to lint"):
        read_inputs(("-",), stdin=b"")


def test_decode_json_string() -> None:
    raw = '"a\\nb\\u00e9\\ud83d\\ude00"'
    text, offsets, end = decode_json_string(raw, 0)
    assert text == "a\nbé😀" and offsets[:4] == [1, 2, 4, 5] and end == len(raw)


@given(st.text(), st.booleans(), st.text(alphabet='ab" ', max_size=3))
def test_decode_json_string_reads_what_json_writes(value: str, ascii_only: bool, after: str) -> None:
    """Runs of plain characters are read in one step: each character still maps to the
    character (or the escape) of the file it came from, as json.loads reads the literal."""
    literal = json.dumps(value, ensure_ascii=ascii_only)
    raw = "x" + literal + after
    text, offsets, end = decode_json_string(raw, 1)
    assert text == json.loads(literal) == value and end == 1 + len(literal)
    assert len(offsets) == len(text) + 1 and offsets == sorted(set(offsets)) and offsets[-1] == len(literal)
    for char, at in zip(text, offsets, strict=False):
        assert raw[at] in (char, "\\")  # the character itself, or the escape that wrote it


def test_suppressed_regions(tmp_path: Path) -> None:
    path = tmp_path / "script.md"
    path.write_text(
        "Сбой.\n<!-- crisisplay-lint off -->\nНе используйте слова: паника, катастрофа.\n"
        "<!-- crisisplay-lint on -->\nПАНИКА\n", encoding="utf-8",
    )
    found = lint_messages(read_source(str(path)).messages, locale="ru", stage_kind="internal")
    assert [(d.span, d.location.line if d.location else 0) for d in found if d.category == "alarm"] == [("ПАНИКА", 5)]
