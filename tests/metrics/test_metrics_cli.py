"""``crisisplay metrics`` through click's CliRunner: formats, chart, bad data, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import click
import pytest
from click.testing import CliRunner, Result

from crisisplay.cli.main import cli

SURVEY = (
    "respondent_id;date;score;channel\n"
    "r1;01.02.2024;10;chat\n"
    "r2;05.02.2024;9;phone\n"
    "r3;2024-02-10;6;chat\n"
    "r4;2024-02-11;7;phone\n"
    "r5;2024-03-01;11;chat\n"
    "r6;2024-03-04;8;chat\n"
    "r7;2024-03-05;0;chat\n"
    "r8;2024-03-06;9;<b>&amp\n"
)


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "survey.csv"
    path.write_bytes(b"\xef\xbb\xbf" + SURVEY.encode())
    return path


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["metrics", *map(str, args)], catch_exceptions=False)


def test_group_is_exposed_for_the_lazy_root() -> None:
    from crisisplay.cli.metrics import metrics

    assert isinstance(metrics, click.Group)
    assert set(metrics.commands) == {"nps", "csat", "ces", "retention"}


@pytest.mark.parametrize("command", ["nps", "csat", "ces", "retention"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and f"crisisplay metrics {command}" in result.output


def test_nps_text_table_and_bad_data_on_stderr(survey: Path) -> None:
    result = run("nps", survey)
    assert result.exit_code == 0
    assert "2024-02" in result.stdout and "+25.0" in result.stdout  # 10, 9 | 7 | 6
    assert "2024-03" in result.stdout and "within noise" in result.stdout
    assert "out_of_range 1" in result.stderr
    assert f"{survey}:6: score: 11 is outside the 0–10 scale" in result.stderr
    assert "out_of_range" not in result.stdout


def test_nps_json_includes_issues_and_phases(survey: Path) -> None:
    result = run(
        "nps", survey, "--t0", "2024-02-11T00:00", "--resolved", "2024-03-04", "--format", "json"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["period"] == "phase" and data["t0"] == "2024-02-11T00:00:00"
    assert [r["period"] for r in data["rows"]] == ["before", "during", "after"]
    assert [(c["from"], c["to"]) for c in data["changes"]][-1] == ("before", "after")
    assert data["issues"] == [
        {
            "line": 6,
            "column": "score",
            "kind": "out_of_range",
            "value": "11",
            "message": "11 is outside the 0–10 scale",
        }
    ]
    assert result.stderr == ""


def test_csv_output_by_channel(survey: Path) -> None:
    result = run("nps", survey, "--by", "channel", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["period"], r["group"]) for r in rows} >= {("2024-02", "chat"), ("2024-03", "(all)")}
    march_all = next(r for r in rows if (r["period"], r["group"]) == ("2024-03", "(all)"))
    assert march_all["change_from"] == "2024-02" and march_all["significant"] == "False"
    assert "bad data" in result.stderr


def test_chart_svg_is_well_formed_and_escaped(survey: Path, tmp_path: Path) -> None:
    chart = tmp_path / "out" / "nps.svg"
    result = run("nps", survey, "--by", "channel", "--chart", chart)
    assert result.exit_code == 0, result.output
    text = chart.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)  # parses: the group name "<b>&amp" was escaped
    assert root.tag.endswith("svg")
    assert "&lt;b&gt;&amp;amp" in text and "<b>" not in text
    assert "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not list(chart.parent.glob(".*.tmp"))  # atomic write left nothing behind
    html = tmp_path / "nps.html"
    assert run("nps", survey, "--chart", html).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_csat_and_ces_options(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("score\n5\n4\n3\n0\n", encoding="utf-8")
    result = run("csat", path, "--format", "json")
    data = json.loads(result.stdout)
    assert data["satisfied_from"] == 4 and data["rows"][0]["value"] == pytest.approx(200 / 3)
    assert data["issue_counts"] == {"out_of_range": 1}  # 0 is off a 1–5 scale
    data = json.loads(
        run("csat", path, "--scale", "0-5", "--satisfied-from", "5", "--format", "json").stdout
    )
    assert data["rows"][0]["n"] == 4 and data["rows"][0]["value"] == pytest.approx(25.0)
    data = json.loads(run("ces", path, "--format", "json").stdout)
    assert data["rows"][0]["value"] == pytest.approx(3.0)
    assert run("csat", path, "--scale", "five").exit_code == 2
    assert run("csat", path, "--satisfied-from", "9").exit_code == 2


def test_retention_direct_form() -> None:
    result = run(
        "retention",
        "--customers-start",
        "1000",
        "--retained",
        "600",
        "--aov",
        "1 500",
        "--purchases-per-period",
        "4",
        "--period-unit",
        "year",
    )
    assert result.exit_code == 0
    assert "40.0% per year" in result.stdout
    assert "2.50 years" in result.stdout and "15 000.00" in result.stdout
    data = json.loads(
        run("retention", "--customers-start", "250", "--retained", "150", "--format", "json").stdout
    )
    assert data["churn"] == 0.4 and data["lifetime_periods"] == 2.5 and data["ltv"] is None


def test_retention_file(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(
        "customer_id,active_at_start,active_at_end\nc1,1,1\nc2,1,0\nc3,1,\n", encoding="utf-8"
    )
    result = run("retention", path, "--format", "csv")
    assert result.exit_code == 0
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["churn"] == "0.5" and row["lifetime_periods"] == "2.0"
    assert f"{path}:4: active_at_end: no yes/no value" in result.stderr
    assert run("retention", path, "--fail-on-bad-data").exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ("nps", "missing.csv"),
        ("nps", "{survey}", "--score-column", "rating"),
        ("nps", "{survey}", "--period", "week", "--t0", "2024-01-01"),
        ("nps", "{survey}", "--resolved", "2024-01-01"),
        ("nps", "{survey}", "--t0", "next tuesday"),
        ("nps", "{survey}", "--t0", "2024-03-02", "--resolved", "2024-03-01"),
        ("retention",),
        ("retention", "{survey}", "--customers-start", "5"),
        ("retention", "--customers-start", "5"),
        ("retention", "--customers-start", "5", "--retained", "6"),
    ],
)
def test_bad_input_exits_2(survey: Path, args: tuple[str, ...]) -> None:
    result = run(*(a.format(survey=survey) for a in args))
    assert result.exit_code == 2, result.output


def test_missing_column_message_is_located(survey: Path) -> None:
    result = run("nps", survey, "--score-column", "rating")
    assert f"{survey}:1: no column 'rating'" in result.stderr


def test_only_bad_rows_report_then_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("score\n11\nabc\n", encoding="utf-8")
    result = run("nps", path)
    assert result.exit_code == 2
    assert "no usable answers" in result.stderr and f"{path}:3:" in result.stderr


def test_fail_on_bad_data(survey: Path) -> None:
    assert run("nps", survey, "--fail-on-bad-data").exit_code == 1
    assert run("nps", survey).exit_code == 0
