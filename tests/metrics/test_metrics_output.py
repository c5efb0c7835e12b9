"""Formatters: the text table, the bad-data report and the SVG chart."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from crisisplay.metrics import Metric, analyse_survey, compute_retention
from crisisplay.metrics.chart import survey_svg
from crisisplay.metrics.output import issues_text, render_table, retention_text, survey_text
from crisisplay.metrics.retention import RetentionReport
from crisisplay.metrics.table import Issue


def test_render_table_aligns_columns() -> None:
    text = render_table(["period", "n"], [["2024-01", "5"], ["2024-02", "120"]])
    assert text.splitlines() == [
        "period     n",
        "-------  ---",
        "2024-01    5",
        "2024-02  120",
    ]


def test_issues_text_limits_the_listing() -> None:
    issues = [Issue(n, "score", "empty", "", "no score") for n in range(2, 30)]
    text = issues_text("a.csv", issues, 40, 12, ["a note"], limit=3)
    lines = text.splitlines()
    assert lines[0] == "bad data in a.csv: 28 of 40 rows left out (empty 28)"
    assert lines[1] == "  a.csv:2: score: no score"
    assert "… and 25 more" in lines[4]
    assert lines[-1] == "note: a note"
    assert issues_text("a.csv", [], 3, 3, []) == ""


def test_survey_text_flags_small_samples(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("score\n9\n10\n3\n", encoding="utf-8")
    text = survey_text(analyse_survey(path, Metric.nps()))
    assert "NPS (scale 0–10), all answers" in text
    assert "+33.3" in text and "fewer than 30 answers" in text


def test_retention_text_states_units() -> None:
    report = RetentionReport(
        "", compute_retention(250, 150, aov=1550, purchases_per_period=4, period_unit="year")
    )
    text = retention_text(report)
    assert "40.0% per year" in text
    assert "2.50 years" in text
    assert "15 500.00" in text
    unbounded = retention_text(RetentionReport("", compute_retention(5, 5)))
    assert "unbounded" in unbounded


def test_svg_single_period_and_ces_axis(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("score\n1\n5\n", encoding="utf-8")
    svg = survey_svg(analyse_survey(path, Metric.ces((1, 7))))
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}circle")) == 1
    labels = [t.text for t in root.findall(f"{ns}text")]
    assert "1.00" in labels and "7.00" in labels  # the declared scale is the axis
