"""Churn, lifetime and LTV: the arithmetic, pinned on hand-checked numbers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crisisplay.errors import CrisisplayError
from crisisplay.metrics import CohortColumns, analyse_file, compute_retention


def test_seed_fitness_club_example_computed_correctly() -> None:
    # 250 members at the start of the year, 150 of them still there at the end (the 130
    # who joined during the year are not counted).
    r = compute_retention(250, 150, period_unit="year")
    assert r.churn == pytest.approx(0.40)  # (250 − 150) / 250
    assert r.churned == 100
    # lifetime = 1 / churn = 1 / 0.4 = 2.5 years — not the 0.025 years of the source article
    assert r.lifetime == pytest.approx(2.5)
    assert r.lifetime != pytest.approx(0.025)
    assert r.lifetime * 12 == pytest.approx(30.0)  # months
    assert r.ltv is None  # no order value and frequency given


def test_ltv_units_must_match_the_period() -> None:
    # average check 1 550, 4 visits a year, yearly churn 40 % → 1 550 × 4 × 2.5 = 15 500
    r = compute_retention(250, 150, aov=1550, purchases_per_period=4, period_unit="year")
    assert r.ltv == pytest.approx(15_500.0)
    # The article's own inputs (1 550 × 35 a month) over the correct lifetime of 30 months
    # give 1 627 500, not 16 275: with a yearly churn, purchases per year are 35 × 12.
    r = compute_retention(250, 150, aov=1550, purchases_per_period=35 * 12, period_unit="year")
    assert r.ltv == pytest.approx(1550 * 35 * 30)
    assert r.ltv == pytest.approx(1_627_500.0)


def test_issue_example_direct_counts() -> None:
    r = compute_retention(1000, 600, aov=1500, purchases_per_period=4)
    assert (r.churn, r.lifetime, r.ltv) == pytest.approx((0.4, 2.5, 15_000.0))


def test_churn_interval_is_wilson() -> None:
    # 100 of 250: p = 0.4, n = 250 → Wilson 95 % 0.3412 … 0.4618
    r = compute_retention(250, 150)
    assert (r.churn_low, r.churn_high) == pytest.approx((0.3412, 0.4618), abs=1e-4)


def test_no_churn_means_no_finite_lifetime() -> None:
    r = compute_retention(10, 10, aov=100, purchases_per_period=2)
    assert r.churn == 0 and r.lifetime is None and r.ltv is None
    assert compute_retention(10, 0).lifetime == pytest.approx(1.0)  # all left: one period


@pytest.mark.parametrize(
    ("start", "retained", "match"),
    [(0, 0, "at least one customer"), (10, 11, "between 0 and"), (10, -1, "between 0 and")],
)
def test_impossible_counts(start: int, retained: int, match: str) -> None:
    with pytest.raises(CrisisplayError, match=match):
        compute_retention(start, retained)


def test_negative_money_is_refused() -> None:
    with pytest.raises(CrisisplayError, match="negative"):
        compute_retention(10, 5, aov=-1, purchases_per_period=1)


FLAGS = (
    "customer_id;active_at_start;active_at_end;orders;revenue\n"
    "c1;1;1;4;6 000\n"  # 2 stays; AOV data
    "c2;да;нет;1;1 500,00\n"  # 3 leaves
    "c3;0;1;2;3000\n"  # 4 new: not counted
    "c4;yes;yes;;\n"  # 5 stays; empty order cells → reported, kept out of AOV
    "c5;maybe;1;1;1\n"  # 6 bad flag → row left out
    "c1;1;0;1;1\n"  # 7 duplicate of line 2
    "c6;0;0;0;0\n"  # 8 inactive at both ends
)


def test_customer_export_with_flags(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(FLAGS, encoding="utf-8")
    report = analyse_file(path, period_unit="month")
    r = report.result
    assert r is not None
    assert (r.customers_start, r.retained) == (3, 2)  # c1, c2, c4; c1 and c4 stay
    assert r.churn == pytest.approx(1 / 3)
    assert r.lifetime == pytest.approx(3.0)
    assert report.new_customers == 1 and report.inactive == 1
    # order data from c1 and c2 only: AOV = 7 500 / 5 orders; 5 orders / 2 customers
    assert r.aov == pytest.approx(1500.0)
    assert r.purchases_per_period == pytest.approx(2.5)
    assert r.ltv == pytest.approx(1500 * 2.5 * 3)
    assert [(i.line, i.column, i.kind) for i in report.issues] == [
        (5, "orders", "empty"),
        (5, "revenue", "empty"),
        (6, "active_at_start", "bad_value"),
        (7, "customer_id", "duplicate"),
    ]


def test_options_override_order_columns(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(FLAGS, encoding="utf-8")
    r = analyse_file(path, aov=100, purchases_per_period=1).result
    assert r is not None and r.ltv == pytest.approx(100 * 1 * 3)


def test_customer_export_with_dates(tmp_path: Path) -> None:
    path = tmp_path / "seen.csv"
    path.write_text(
        "customer_id,first_seen,last_seen\n"
        "a,2023-05-01,2024-12-20\n"  # there at start, still there at end
        "b,2023-11-01,2024-06-30\n"  # there at start, gone before the end
        "c,2024-02-01,2024-12-31\n"  # new during the year: not counted
        "d,2022-01-01,2023-10-01\n"  # gone before the start: not counted
        "e,01.01.2024,15.12.2024\n"  # first seen on the start day: counted, stays
        "f,2024-03-01,2024-01-01\n",  # last before first: bad row
        encoding="utf-8",
    )
    report = analyse_file(path, start=datetime(2024, 1, 1), end=datetime(2024, 12, 1))
    r = report.result
    assert r is not None
    assert (r.customers_start, r.retained) == (3, 2)
    assert report.new_customers == 1 and report.inactive == 1
    assert [(i.line, i.kind) for i in report.issues] == [(7, "bad_value")]
    with pytest.raises(CrisisplayError, match="both --start and --end"):
        analyse_file(path, start=datetime(2024, 1, 1))
    with pytest.raises(CrisisplayError, match="no column 'active_at_start'"):
        analyse_file(path)


def test_custom_column_names_and_no_cohort(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,was,is\n1,0,1\n2,0,0\n", encoding="utf-8")
    cols = CohortColumns(customer="id", active_start="was", active_end="is")
    report = analyse_file(path, cols)
    assert report.result is None and report.new_customers == 1
