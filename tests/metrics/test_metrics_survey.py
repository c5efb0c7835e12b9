"""Survey exports to per-period, per-group estimates; bad data reported with CSV lines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crisisplay.errors import CrisisplayError
from crisisplay.metrics import Columns, Metric, Periodizer, analyse_survey
from crisisplay.metrics.periods import ALL_PERIOD


def write(tmp_path: Path, text: str, name: str = "survey.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


RU_EXPORT = (
    "respondent_id;date;score;channel\n"
    "r1;01.02.2024;10;chat\n"  # 2
    "r2;05.02.2024;9;phone\n"  # 3
    "r3;2024-02-10;6;chat\n"  # 4
    "r4;2024-02-11;7;phone\n"  # 5
    "r1;2024-02-12;3;chat\n"  # 6 duplicate of line 2 in 2024-02
    "r5;2024-03-01;11;chat\n"  # 7 out of range
    "r6;2024-03-02;;phone\n"  # 8 empty
    "r7;2024-03-03;abc;phone\n"  # 9 non-numeric
    "r8;2024-03-04;8,0;chat\n"  # 10 decimal comma, a whole point: fine
    "r9;2024-03-05;0;chat\n"  # 11
    "r10;31.02.2024;5;chat\n"  # 12 bad date
    "r1;2024-03-06;9;phone\n"  # 13 r1 again, but another month: not a duplicate
    "r12;2024-03-07;9,5;chat\n"  # 14 not a whole point
)


def test_nps_by_month_with_every_kind_of_bad_data(tmp_path: Path) -> None:
    report = analyse_survey(write(tmp_path, RU_EXPORT, bom=True), Metric.nps())
    assert report.period_mode == "month"
    assert [(r.period.label, r.group, r.estimate.n) for r in report.rows] == [
        ("2024-02", "(all)", 4),
        ("2024-03", "(all)", 3),
    ]
    feb, mar = (r.estimate for r in report.rows)
    assert feb.value == pytest.approx(25.0)  # 10, 9 | 7 | 6 → 50 % − 25 %
    assert mar.value == pytest.approx(0.0)  # 9 | 8 | 0 → 33.3 % − 33.3 %
    assert [(i.line, i.column, i.kind) for i in report.issues] == [
        (6, "respondent_id", "duplicate"),
        (7, "score", "out_of_range"),
        (8, "score", "empty"),
        (9, "score", "non_numeric"),
        (12, "date", "bad_date"),
        (14, "score", "not_integer"),
    ]
    assert "line 2" in report.issues[0].message
    assert report.rows_read == 13 and report.rows_used == 7
    assert report.issue_counts == {
        "bad_date": 1,
        "duplicate": 1,
        "empty": 1,
        "non_numeric": 1,
        "not_integer": 1,
        "out_of_range": 1,
    }
    [change] = report.changes
    assert (change.start.label, change.end.label) == ("2024-02", "2024-03")
    assert change.change.delta == pytest.approx(-25.0)


def test_group_breakdown_adds_an_all_row_per_period(tmp_path: Path) -> None:
    report = analyse_survey(write(tmp_path, RU_EXPORT), Metric.nps(), Columns(group="channel"))
    labels = [(r.period.label, r.group, r.estimate.n) for r in report.rows]
    assert labels == [
        ("2024-02", "chat", 2),
        ("2024-02", "phone", 2),
        ("2024-02", "(all)", 4),
        ("2024-03", "chat", 2),
        ("2024-03", "phone", 1),
        ("2024-03", "(all)", 3),
    ]
    assert [c.group for c in report.changes] == ["chat", "phone", "(all)"]


def test_crisis_phases_and_before_after_comparison(tmp_path: Path) -> None:
    periodizer = Periodizer("phase", datetime(2024, 2, 11), datetime(2024, 3, 4))
    report = analyse_survey(write(tmp_path, RU_EXPORT), Metric.nps(), periodizer=periodizer)
    got = {r.period.label: (r.estimate.n, r.estimate.value) for r in report.rows}
    # before: 10, 9, 6; during (from 11 Feb 00:00): 7, 3 (r1 again, another phase);
    # after (from 4 Mar 00:00, a bare date counts from midnight): 8, 0, 9
    assert got["before"] == (3, pytest.approx(100 / 3))
    assert got["during"] == (2, pytest.approx(-50.0))
    assert got["after"] == (3, pytest.approx(0.0))
    assert [(c.start.label, c.end.label) for c in report.changes] == [
        ("before", "during"),
        ("during", "after"),
        ("before", "after"),
    ]
    assert not any(i.kind == "duplicate" for i in report.issues)


def test_phase_boundaries_and_offsets() -> None:
    from datetime import timedelta, timezone

    msk = timezone(timedelta(hours=3))
    p = Periodizer("phase", datetime(2024, 3, 1, 10, 0, tzinfo=msk), datetime(2024, 3, 2, 18, 0))
    assert p.period_of(datetime(2024, 3, 1, 9, 59)).label == "before"
    assert p.period_of(datetime(2024, 3, 1, 10, 0)).label == "during"  # at T0: during
    assert p.period_of(datetime(2024, 3, 1, 7, 30, tzinfo=timezone.utc)).label == "during"
    assert p.period_of(datetime(2024, 3, 2, 18, 0)).label == "after"  # at resolution: after
    open_crisis = Periodizer("phase", datetime(2024, 3, 1))
    assert open_crisis.period_of(datetime(2030, 1, 1)).label == "during"
    with pytest.raises(CrisisplayError, match="not after"):
        Periodizer("phase", datetime(2024, 3, 2), datetime(2024, 3, 1))


def test_iso_weeks_sort_across_the_new_year() -> None:
    p = Periodizer("week")
    assert p.period_of(datetime(2024, 12, 30)).label == "2025-W01"
    assert p.period_of(datetime(2024, 12, 29)).label == "2024-W52"
    assert p.period_of(datetime(2024, 12, 29)) < p.period_of(datetime(2024, 12, 30))


def test_csat_and_ces_scales(tmp_path: Path) -> None:
    path = write(tmp_path, "score\n5\n4\n4,5\n3\n0\n6\n1\n")
    report = analyse_survey(path, Metric.csat((1, 5)))
    # 0 and 6 are outside 1–5; of 5, 4, 4.5, 3, 1 three are ≥ 4
    assert [(i.line, i.kind) for i in report.issues] == [(6, "out_of_range"), (7, "out_of_range")]
    assert report.rows[0].period == ALL_PERIOD
    assert report.rows[0].estimate.value == pytest.approx(60.0)
    zero_based = analyse_survey(path, Metric.csat((0, 5)))
    assert zero_based.rows[0].estimate.n == 6  # 0 is on a 0–5 scale
    ces = analyse_survey(path, Metric.ces((0, 5)))
    assert ces.rows[0].estimate.value == pytest.approx((5 + 4 + 4.5 + 3 + 0 + 1) / 6)


def test_csat_threshold_must_fit_the_scale() -> None:
    assert Metric.csat((1, 5)).satisfied_from == 4
    assert Metric.csat((0, 10)).satisfied_from == 9
    with pytest.raises(CrisisplayError, match="threshold"):
        Metric.csat((1, 5), satisfied_from=6)


def test_notes_when_optional_columns_are_absent(tmp_path: Path) -> None:
    report = analyse_survey(write(tmp_path, "score\n9\n9\n"), Metric.nps())
    assert report.rows[0].estimate.n == 2
    assert any("one period" in n for n in report.notes)
    assert any("duplicated respondents not checked" in n for n in report.notes)


def test_required_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "Оценка,Дата\n9,2024-01-05\n")
    with pytest.raises(CrisisplayError, match="no column 'score'"):
        analyse_survey(path, Metric.nps())
    report = analyse_survey(path, Metric.nps(), Columns(score="Оценка", date="Дата"))
    assert report.rows[0].period.label == "2024-01"
    with pytest.raises(CrisisplayError, match="no column 'date'"):
        analyse_survey(write(tmp_path, "score\n9\n", "b.csv"), Metric.nps(), Columns(date_required=True))


def test_empty_group_and_id_cells_are_reported(tmp_path: Path) -> None:
    text = "respondent_id,score,channel\n,9,chat\nr2,9,\nr3,10,chat\n"
    report = analyse_survey(write(tmp_path, text), Metric.nps(), Columns(group="channel"))
    assert [(i.line, i.column, i.kind) for i in report.issues] == [
        (2, "respondent_id", "empty"),
        (3, "channel", "empty"),
    ]
    assert report.rows_used == 1


def test_json_shape(tmp_path: Path) -> None:
    data = analyse_survey(write(tmp_path, RU_EXPORT), Metric.nps()).to_dict()
    assert data["metric"] == "nps" and data["scale"] == [0, 10]
    assert data["responses"] == {"read": 13, "used": 7, "excluded": 6}
    assert data["rows"][0]["period"] == "2024-02"
    assert {"value", "ci_low", "ci_high", "margin", "n", "promoters_pct"} <= set(data["rows"][0])
    assert data["issues"][0]["line"] == 6


def test_unquoted_decimal_comma_in_a_comma_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, 'respondent_id,score\nr1,4,5\nr2,"4,5"\nr3,5,,\n')
    report = analyse_survey(path, Metric.ces())
    assert [(i.line, i.kind, i.value) for i in report.issues] == [(2, "extra_cells", "5")]
    assert [r.estimate.n for r in report.rows] == [2]  # "4,5" quoted and "5" with empty tail
    assert report.rows[0].estimate.value == pytest.approx(4.75)


def test_single_column_file_keeps_decimal_comma_whole(tmp_path: Path) -> None:
    report = analyse_survey(write(tmp_path, "score\n4,5\n3\n"), Metric.ces())
    assert report.rows[0].estimate.value == pytest.approx(3.75)
    assert report.issues == []
