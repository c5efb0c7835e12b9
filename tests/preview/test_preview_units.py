"""The preview's building blocks: spans, diff, fact cells, bundles, colours."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from preview_helpers import BUNDLE, bundle

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.errors import CrisisplayError
from crisisplay.preview.bundle import bundle_from_dict, load_bundle
from crisisplay.preview.diff import diff_bundles, diff_text
from crisisplay.preview.fact_table import cell_for, subject_for
from crisisplay.preview.highlight import Span, locate, offset_of, pieces, positions_in_message


def _diag(span: str = "", loc: Location | None = None, message: str = "m") -> Diagnostic:
    return Diagnostic("R1", Severity.WARNING, "alarm", message, loc, span=span)


def test_offset_of_lines_and_columns() -> None:
    text = "ab\ncde\nf"
    assert offset_of(text, 1, 1) == 0
    assert offset_of(text, 2, 2) == 4
    assert offset_of(text, 3, 1) == 7
    assert offset_of(text, 9, 9) == len(text)
    assert offset_of(text, 1, 99) == 2  # clamped to the end of the line


def test_locate_prefers_span_near_location() -> None:
    text = "panic here, panic there"
    second = Location("sms.txt", 1, 13, 1, 18)
    assert locate(_diag("panic", second), text) == (12, 17)
    assert locate(_diag("panic"), text) == (0, 5)
    assert locate(_diag("absent"), text) is None
    # a location with no extent and no span is about the whole message
    assert locate(_diag("", Location("sms.txt", 1, 1, 1, 1)), text) is None
    assert locate(_diag("", Location("sms.txt", 1, 1, 1, 24)), text) is None


def test_positions_named_in_render_messages() -> None:
    text = "Hello – world"
    diag = _diag("–", message="sms: 1 character(s): '–' EN DASH at character 7 (line 1, column 7)")
    assert positions_in_message(diag, text) == [(6, 7)]


def test_pieces_flatten_overlaps_and_keep_anchors_unique() -> None:
    text = "abcdefgh"
    spans = [Span(1, 1, 5, "warning"), Span(2, 3, 7, "error")]
    opened: set[int] = set()
    runs = pieces(text, spans, opened=opened)
    assert "".join(p.text for p in runs) == text
    assert [(p.text, p.marks) for p in runs] == [
        ("a", ()), ("bc", (1,)), ("de", (1, 2)), ("fg", (2,)), ("h", ()),
    ]
    assert [p.anchors for p in runs] == [(), ("m-1",), ("m-2",), (), ()]
    assert [p.closes for p in runs] == [(), (), (1,), (2,), ()]
    assert runs[2].severity == "error"
    again = pieces(text, [Span(1, 0, 1, "info")], opened=opened)
    assert again[0].anchors == ()  # m-1 already used on this page


def test_diff_text_groups_rewrites() -> None:
    runs = diff_text("We lose access to your account.", "We know the wait has been long.")
    ops = [(r.op, r.text) for r in runs]
    assert ops == [("equal", "We "), ("delete", "lose access to your account"),
                   ("insert", "know the wait has been long"), ("equal", ".")]
    before = "Next update at 13:00. Call us."
    after = "Next update at 14:00. Call us."
    runs = diff_text(before, after)
    assert "".join(r.text for r in runs if r.op != "delete") == after
    assert "".join(r.text for r in runs if r.op != "insert") == before


def test_diff_bundles_lists_added_removed_and_facts() -> None:
    old = bundle_from_dict(bundle())
    data = bundle(facts=dict(BUNDLE["facts"], next_update_at="2026-03-15T15:00:00+03:00"))
    data["messages"] = [*data["messages"][1:], dict(data["messages"][0], channel="x", file="x.txt")]
    new = bundle_from_dict(data)
    view = diff_bundles(old, new)
    states = {c.channel: c.state for c in view.channels}
    assert states == {"email": "unchanged", "push": "unchanged", "contact_center": "unchanged",
                      "x": "added", "sms": "removed"}
    assert [(f.name, f.after) for f in view.facts] == [("next_update_at", "2026-03-15T15:00:00+03:00")]


def test_fact_cells_state_differ_and_miss() -> None:
    when = subject_for("next_update_at", "datetime", "2026-03-15T13:00:00+00:00", "en", None)
    when.others.add(10 * 60 + 40)  # started_at 10:40 is another fact, not a contradiction
    assert cell_for(when, "Since 10:40. Next update at 13:00.", "en", True).state == "stated"
    differs = cell_for(when, "Since 10:40. Next update at 14:00.", "en", True)
    assert (differs.state, differs.shown) == ("differs", "14:00")
    assert cell_for(when, "Since 10:40 we are fixing it.", "en", True).state == "missing"
    assert cell_for(when, "We are fixing it.", "en", False).state == "absent"
    phone = subject_for("hotline", "phone", "+7 800 555-35-35", "ru", None)
    assert cell_for(phone, "Звоните 8 (800) 555-35-35 (круглосуточно)", "ru", True).state == "stated"
    other = cell_for(phone, "Звоните +7 800 555-35-36", "ru", True)
    assert (other.state, other.shown) == ("differs", "+7 800 555-35-36")
    assert cell_for(phone, "Номер заказа 2026-03-15", "ru", True).state == "missing"
    name = subject_for("company", "string", "Пример", "ru", None)
    assert cell_for(name, "«ПРИМЕР»: сбой", "ru", True).shown == "ПРИМЕР"


@pytest.mark.parametrize(("content", "needle"), [
    ("{", "not valid JSON"),
    ("[]", "not a crisisplay bundle"),
    ('{"crisisplay_bundle": 2, "messages": []}', "unsupported bundle version"),
    ('{"crisisplay_bundle": 1, "messages": {}}', "'messages' must be a list"),
    ('{"crisisplay_bundle": 1, "messages": [{"text": "x"}]}', "needs a 'channel'"),
])
def test_bad_bundles_are_user_errors(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bundle.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CrisisplayError, match=re.escape(needle)):
        load_bundle(path)


def test_load_bundle_from_directory_and_missing(tmp_path: Path) -> None:
    (tmp_path / "bundle.json").write_text(json.dumps(BUNDLE), encoding="utf-8")
    loaded = load_bundle(tmp_path)
    assert [m.channel for m in loaded.messages] == ["sms", "email", "push", "contact_center"]
    assert loaded.diagnostics[0].rule == "CP220"
    assert loaded.locale == "ru"
    with pytest.raises(CrisisplayError, match="bundle not found"):
        load_bundle(tmp_path / "nope.json")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_palette_meets_wcag_aa() -> None:
    from crisisplay.preview.style import CONTRAST_PAIRS, PREVIEW_CSS

    for name, fg, bg in CONTRAST_PAIRS:
        light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 4.5, f"{name}: {fg} on {bg} is {ratio:.2f}:1"
        for colour in (fg, bg):  # the pairs describe the real stylesheet
            assert colour == "#ffffff" or colour in PREVIEW_CSS, (name, colour)


def test_shared_css_covers_the_checklist_report() -> None:
    """``checklist report --format html`` takes REPORT_CSS from the preview unchanged (plus its own tables)."""
    from crisisplay.checklist.report_style import REPORT_CSS as CHECKLIST_CSS
    from crisisplay.checklist.report_style import REPORT_TABLES_CSS
    from crisisplay.preview.style import REPORT_CSS

    def selectors(css: str) -> set[str]:
        body = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^}]*\})*)\s*\}", r"\1", css)
        return {s.strip() for block in re.findall(r"([^{}]+)\{", body) for s in block.split(",")}

    assert CHECKLIST_CSS.startswith(REPORT_CSS)
    missing = selectors(CHECKLIST_CSS) - selectors(REPORT_CSS) - selectors(REPORT_TABLES_CSS)
    assert not missing, f"selectors the checklist report uses but the shared CSS lacks: {missing}"


def test_style_import_is_light() -> None:
    import subprocess
    import sys

    code = ("import sys, crisisplay.preview.style as s; "
            "print(any(m in sys.modules for m in ('jinja2', 'babel', 'crisisplay.render')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
