"""A wrong --scale is named and a fitting one suggested; --strict; reports in Russian."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crisisplay.cli.main import cli
from crisisplay.metrics import Metric, analyse_survey

PLAYBOOK_RU = Path(__file__).resolve().parents[2] / "playbooks" / "it-outage" / "it-outage.ru.yaml"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["metrics", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def effort_1_to_7(tmp_path: Path) -> Path:
    """A 1–7 effort survey: 1,000 answers before the crisis, 1,000 during, lower during."""
    rng = random.Random(5)
    lines = ["respondent_id;date;score"]
    for index in range(2000):
        before = index < 1000
        score = min(7, max(1, round(rng.gauss(5.2 if before else 4.6, 1.3))))
        lines.append(f"r{index};{'2024-02-20' if before else '2024-03-02'};{score}")
    path = tmp_path / "effort.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_the_scale_check_counts_and_suggests(effort_1_to_7: Path) -> None:
    report = analyse_survey(effort_1_to_7, Metric.ces())  # the default 0–5
    check = report.scale_check
    assert check is not None and check.numeric == 2000 and check.outside == report.issue_counts["out_of_range"]
    assert check.outside > 500 and check.suggested == (1, 7) and check.fit == check.outside
    assert analyse_survey(effort_1_to_7, Metric.ces((1, 7))).scale_check is None
    assert analyse_survey(effort_1_to_7, Metric.nps()).scale_check is None  # every 1–7 answer is on 0–10


def test_a_few_typos_suggest_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("score\n" + "4\n" * 50 + "44\n", "utf-8")
    check = analyse_survey(path, Metric.csat()).scale_check
    assert check is not None and check.outside == 1 and check.suggested is None


def test_text_report_warns_above_the_table_and_before_the_verdicts(effort_1_to_7: Path) -> None:
    result = run("ces", effort_1_to_7, "--t0", "2024-03-01")
    assert result.exit_code == 0
    head = result.stdout.splitlines()[2]
    assert head.startswith("warning: ") and "outside the declared 0–5 scale" in head
    assert "run again with --scale 1-7" in head
    assert "The verdicts below leave out the answers outside the scale." in result.stdout
    fixed = run("ces", effort_1_to_7, "--t0", "2024-03-01", "--scale", "1-7")
    assert "warning" not in fixed.stdout and "−0.55" in fixed.stdout  # the real drop, not the −0.2x of 0–5


def test_json_carries_the_scale_check(effort_1_to_7: Path) -> None:
    data = json.loads(run("ces", effort_1_to_7, "--format", "json").stdout)
    assert data["scale_check"]["suggested"] == [1, 7] and data["scale_check"]["numeric"] == 2000


def test_strict_refuses_partial_data(effort_1_to_7: Path, tmp_path: Path) -> None:
    result = run("ces", effort_1_to_7, "--strict")
    assert result.exit_code == 2
    assert "--strict:" in result.stderr and "nothing was computed" in result.stderr
    assert "--scale 1-7" in result.stderr and not result.stdout
    assert run("ces", effort_1_to_7, "--strict", "--scale", "1-7").exit_code == 0
    customers = tmp_path / "c.csv"
    customers.write_text("customer_id;active_at_start;active_at_end\nc1;1;1\nc2;да;может быть\n", "utf-8")
    assert run("retention", customers, "--strict").exit_code == 2
    assert run("retention", customers).exit_code == 0


def test_report_in_russian(effort_1_to_7: Path) -> None:
    result = run("ces", effort_1_to_7, "--t0", "2024-03-01", "--lang", "ru", "--max-issues", "1")
    assert result.exit_code == 0
    out = result.stdout
    assert "CES (шкала 0–5), по фазам кризиса" in out
    assert "внимание: вне заявленной шкалы 0–5:" in out and "запустите снова с --scale 1-7" in out
    assert "до кризиса → во время кризиса" in out and "больше шума" in out
    assert "4,30" in out or "," in out.split("до кризиса", 1)[1].split()[1]  # decimal comma
    assert "плохие данные в" in result.stderr and "— вне шкалы 0–5" in result.stderr
    assert "… и ещё" in result.stderr


def test_language_from_the_playbook(effort_1_to_7: Path) -> None:
    result = run("ces", effort_1_to_7, "--scale", "1-7", "--playbook", PLAYBOOK_RU)
    assert "CES (шкала 1–7), по месяцам" in result.stdout and "больше шума" in result.stdout


def test_retention_in_russian_with_cldr_plurals() -> None:
    out = run("retention", "--customers-start", "250", "--retained", "150", "--aov", "1550",
              "--purchases-per-period", "4", "--period-unit", "year", "--lang", "ru").stdout
    assert "Удержание за год" in out and "40,0 % в год" in out and "2,50 года" in out and "15 500,00" in out
    out = run("retention", "--customers-start", "100", "--retained", "80", "--period-unit", "month",
              "--lang", "ru").stdout
    assert "5,00 месяца" in out
    out = run("retention", "--customers-start", "5", "--retained", "5", "--period-unit", "week", "--lang", "ru").stdout
    assert "не ограничен: за неделю никто не ушёл" in out


def test_json_messages_follow_the_language(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("score\n9\nabc\n", "utf-8")
    data = json.loads(run("nps", path, "--format", "json", "--lang", "ru").stdout)
    assert data["issues"][0]["message"] == "'abc' — не число" and data["issues"][0]["kind"] == "non_numeric"
    assert any("все ответы — один период" in note for note in data["notes"])
