"""Churn, customer lifetime and LTV for one period, from counts or a customer export.

Units, all per one period (a month, a quarter, a year: the one your counts cover):

* churn    = (customers at start − those of them still active at the end) / customers at
  start; a fraction of the period's starting customers (shown also in %). Customers who
  arrived during the period are left out: they were not there at the start.
* lifetime = 1 / churn, in periods. 40 % churn a year gives 1 / 0.4 = 2.5 years (30 months),
  not 0.025 years: churn is a fraction, never the number 40.
* LTV      = average order value × purchases per customer per period × lifetime in periods,
  in the currency of the order value. The purchase frequency must be per the same period
  as the churn: with a yearly churn, purchases per year.

With no churn at all (everybody stayed) the lifetime has no finite value and LTV is not
given. A churn interval (Wilson, 95 %) shows how much one period's churn can move by chance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.errors import CrisisplayError
from crisisplay.metrics.parsing import parse_bool, parse_number
from crisisplay.metrics.periods import is_before
from crisisplay.metrics.stats import wilson
from crisisplay.metrics.table import Issue, Note, Table, count_issues, data_quality, date_cell, issue, read_table
from crisisplay.wording import Wording


@dataclass(frozen=True)
class Retention:
    """The figures for one period; ``period_unit`` names the period (``year``, ``month``)."""

    customers_start: int
    retained: int
    churn: float
    churn_low: float
    churn_high: float
    lifetime: float | None
    aov: float | None = None
    purchases_per_period: float | None = None
    ltv: float | None = None
    period_unit: str = "period"

    @property
    def churned(self) -> int:
        return self.customers_start - self.retained

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None, digits: int = 6) -> float | None:
            return None if x is None else round(x, digits)

        return {
            "period_unit": self.period_unit,
            "customers_start": self.customers_start,
            "retained": self.retained,
            "churned": self.churned,
            "churn": r(self.churn),
            "churn_pct": r(100.0 * self.churn, 4),
            "churn_ci_pct": [r(100.0 * self.churn_low, 4), r(100.0 * self.churn_high, 4)],
            "lifetime_periods": r(self.lifetime),
            "aov": r(self.aov, 4),
            "purchases_per_period": r(self.purchases_per_period),
            "ltv": r(self.ltv, 4),
        }


def compute(
    customers_start: int,
    retained: int,
    *,
    aov: float | None = None,
    purchases_per_period: float | None = None,
    period_unit: str = "period",
) -> Retention:
    """Churn, lifetime and (when AOV and frequency are known) LTV for one period."""

    if customers_start <= 0:
        raise CrisisplayError("there must be at least one customer at the start of the period")
    if not 0 <= retained <= customers_start:
        raise CrisisplayError(
            f"retained customers ({retained}) must be between 0 and the customers at the "
            f"start ({customers_start}); new customers do not count"
        )
    inputs = (("average order value", aov), ("purchases per period", purchases_per_period))
    for name, value in inputs:
        if value is not None and value < 0:
            raise CrisisplayError(f"{name} cannot be negative ({value:g})")
    churn = (customers_start - retained) / customers_start
    low, high = wilson(customers_start - retained, customers_start)
    lifetime = None if churn == 0 else 1.0 / churn
    ltv = None
    if lifetime is not None and aov is not None and purchases_per_period is not None:
        ltv = aov * purchases_per_period * lifetime
    return Retention(
        customers_start,
        retained,
        churn,
        low,
        high,
        lifetime,
        aov,
        purchases_per_period,
        ltv,
        period_unit,
    )


@dataclass(frozen=True)
class CohortColumns:
    customer: str = "customer_id"
    active_start: str = "active_at_start"
    active_end: str = "active_at_end"
    first_seen: str = "first_seen"
    last_seen: str = "last_seen"
    orders: str = "orders"
    revenue: str = "revenue"


@dataclass
class RetentionReport:
    path: str
    result: Retention | None
    rows_read: int = 0
    new_customers: int = 0
    inactive: int = 0
    order_customers: int = 0
    orders: float = 0.0
    revenue: float = 0.0
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    start: datetime | None = None
    end: datetime | None = None

    @property
    def issue_counts(self) -> dict[str, int]:
        return count_issues(self.issues)

    def to_dict(self, words: Wording | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.path or None}
        if self.start is not None and self.end is not None:
            data["start"] = self.start.isoformat()
            data["end"] = self.end.isoformat()
        data.update(self.result.to_dict() if self.result else {})
        data["customers"] = {
            "rows_read": self.rows_read,
            "new_excluded": self.new_customers,
            "inactive_excluded": self.inactive,
            "with_order_data": self.order_customers,
        }
        data["orders"] = round(self.orders, 4)
        data["revenue"] = round(self.revenue, 4)
        data.update(data_quality(self.issues, self.notes, words))
        return data


def analyse_file(
    path: str | Path,
    columns: CohortColumns | None = None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    aov: float | None = None,
    purchases_per_period: float | None = None,
    period_unit: str = "period",
    encoding: str = "utf-8-sig",
    delimiter: str | None = None,
) -> RetentionReport:
    """Count a one-row-per-customer export and compute :func:`compute` on the cohort.

    ``result`` is ``None`` when no usable customer was active at the start.

    With ``start``/``end`` the export has ``first_seen``/``last_seen`` dates: a customer
    is active from the first to the last date, counts at the start when that span covers
    ``start``, stays when it reaches ``end``, and is new when first seen after ``start``.
    Without them the export has yes/no columns ``active_at_start`` and ``active_at_end``.
    Optional ``orders`` (count) and ``revenue`` (money) columns for the period give the
    average order value (revenue / orders) and purchases per customer (orders / customers
    at start), both over the starting customers; ``aov``/``purchases_per_period`` override.
    """

    table = read_table(path, encoding=encoding, delimiter=delimiter)
    cols = columns or CohortColumns()
    if (start is None) != (end is None):
        raise CrisisplayError("give both --start and --end, or neither")
    if start is not None and end is not None and not is_before(start, end):
        raise CrisisplayError("--end must be after --start")
    report = RetentionReport(table.path, None, rows_read=len(table.rows), start=start, end=end)
    cohort, retained = _count(table, cols, report)
    if cohort == 0:
        return report  # no result: the caller reports the issues, then the error
    if aov is None and report.orders > 0 and report.revenue > 0:
        aov = report.revenue / report.orders
    if purchases_per_period is None and report.order_customers > 0:
        purchases_per_period = report.orders / report.order_customers
    report.result = compute(
        cohort,
        retained,
        aov=aov,
        purchases_per_period=purchases_per_period,
        period_unit=period_unit,
    )
    return report


def _count(table: Table, cols: CohortColumns, report: RetentionReport) -> tuple[int, int]:
    by_dates = report.start is not None
    i_id = table.column(cols.customer, option="--id-column", required=False)
    if by_dates:
        i_a = table.column(cols.first_seen, option="--first-seen-column")
        i_b = table.column(cols.last_seen, option="--last-seen-column")
    else:
        i_a = table.column(cols.active_start, option="--start-column")
        i_b = table.column(cols.active_end, option="--end-column")
    i_orders = table.column(cols.orders, option="--orders-column", required=False)
    i_revenue = table.column(cols.revenue, option="--revenue-column", required=False)
    if i_id is None:
        report.notes.append(Note("note_no_customer_check", column=repr(cols.customer)))
    names = (cols.first_seen, cols.last_seen) if by_dates else (cols.active_start, cols.active_end)
    seen: dict[str, int] = {}
    cohort = retained = 0
    width = len(table.header)
    for row in table.rows:
        found: list[Issue] = []
        extra = row.extra_cells(width)
        if extra is not None:
            found.append(extra)
        cid = row.get(i_id)
        if i_id is not None and not cid:
            found.append(issue(row.line, cols.customer, "empty", "", "issue_no_customer"))
        if by_dates:
            at_start, at_end, new = _by_dates(
                row.get(i_a), row.get(i_b), row.line, names, report, found
            )
        else:
            at_start, at_end, new = _by_flags(row.get(i_a), row.get(i_b), row.line, names, found)
        money: list[Issue] = []
        orders = _money_cell(row.get(i_orders), i_orders, row.line, cols.orders, money)
        revenue = _money_cell(row.get(i_revenue), i_revenue, row.line, cols.revenue, money)
        if found:
            report.issues.extend(found + money)
            continue
        if i_id is not None:
            if cid in seen:
                report.issues.append(issue(row.line, cols.customer, "duplicate", cid, "issue_duplicate_customer",
                                           who=repr(cid), first=seen[cid]))
                continue
            seen[cid] = row.line
        # A bad order cell keeps the customer in the churn count but out of AOV and
        # frequency, which are then taken over the customers with good order data.
        report.issues.extend(money)
        if new:
            report.new_customers += 1
        elif not at_start:
            report.inactive += 1
        else:
            cohort += 1
            retained += at_end
            if not money and orders is not None:
                report.order_customers += 1
                report.orders += orders
                report.revenue += revenue or 0.0
    return cohort, retained


def _by_flags(
    a: str, b: str, line: int, names: tuple[str, str], found: list[Issue]
) -> tuple[bool, bool, bool]:
    flags: list[bool] = []
    for text, name in ((a, names[0]), (b, names[1])):
        value = parse_bool(text)
        if value is None:
            if text:
                found.append(issue(line, name, "bad_value", text, "issue_not_yes_no", text=repr(text)))
            else:
                found.append(issue(line, name, "empty", text, "issue_no_yes_no"))
        flags.append(bool(value))
    at_start, at_end = flags
    return at_start, at_end, at_end and not at_start


def _by_dates(
    a: str,
    b: str,
    line: int,
    names: tuple[str, str],
    report: RetentionReport,
    found: list[Issue],
) -> tuple[bool, bool, bool]:
    first = date_cell(a, line, names[0], found)
    last = date_cell(b, line, names[1], found)
    if first is None or last is None:
        return False, False, False
    if is_before(last, first):
        found.append(issue(line, names[1], "bad_value", b, "issue_seen_order", last=b, first=a))
        return False, False, False
    assert report.start is not None and report.end is not None
    new = is_before(report.start, first)
    at_start = not new and not is_before(last, report.start)
    return at_start, at_start and not is_before(last, report.end), new


def _money_cell(
    text: str, index: int | None, line: int, column: str, found: list[Issue]
) -> float | None:
    if index is None:
        return None
    if not text:
        found.append(issue(line, column, "empty", "", "issue_no_amount", column=column))
        return None
    value = parse_number(text)
    if value is None:
        found.append(issue(line, column, "non_numeric", text, "issue_not_a_number", text=repr(text)))
        return None
    if value < 0:
        found.append(issue(line, column, "out_of_range", text, "issue_negative", value=text))
        return None
    return value
