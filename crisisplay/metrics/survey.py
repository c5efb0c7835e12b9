"""Survey exports to NPS, CSAT or CES per period and group, with changes and bad data.

The flow is one way: :func:`read_table` → :func:`load_responses` (every cell checked; a row
with any bad cell is left out and each bad cell becomes an :class:`Issue` with its CSV line)
→ :func:`summarise` (one :class:`Estimate` per period and group, and the change between
periods) → a :class:`SurveyReport` that the formatters turn into text, JSON, CSV or SVG.

Duplicated respondents: the same respondent id answering twice in one period counts once;
the first answer (in file order) is kept, every later one is reported as ``duplicate``. The
same respondent in two different periods is not a duplicate: that is a repeated survey.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisplay.metrics import stats
from crisisplay.metrics.metric import Metric, ScaleCheck
from crisisplay.metrics.parsing import parse_number
from crisisplay.metrics.periods import Period, Periodizer
from crisisplay.metrics.table import Issue, Note, Table, count_issues, data_quality, date_cell, issue, read_table
from crisisplay.wording import Wording

TOTAL = "(all)"


@dataclass(frozen=True)
class Columns:
    """Column names. Date and respondent columns are optional unless marked required."""

    score: str = "score"
    date: str = "date"
    respondent: str = "respondent_id"
    group: str | None = None
    date_required: bool = False
    respondent_required: bool = False


@dataclass(frozen=True)
class Response:
    line: int
    score: float
    period: Period
    group: str


@dataclass(frozen=True)
class ResultRow:
    period: Period
    group: str
    estimate: stats.Estimate

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period.label, "group": self.group, **self.estimate.to_dict()}


@dataclass(frozen=True)
class ChangeRow:
    group: str
    start: Period
    end: Period
    change: stats.Change

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "from": self.start.label,
            "to": self.end.label,
            **self.change.to_dict(),
        }


@dataclass
class SurveyReport:
    path: str
    metric: Metric
    period_mode: str
    grouped: bool
    rows: list[ResultRow] = field(default_factory=list)
    changes: list[ChangeRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    rows_used: int = 0
    notes: list[str] = field(default_factory=list)
    t0: datetime | None = None
    resolved: datetime | None = None
    scale_check: ScaleCheck | None = None

    @property
    def issue_counts(self) -> dict[str, int]:
        return count_issues(self.issues)

    def to_dict(self, words: Wording | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.path, **self.metric.to_dict()}
        data["period"] = self.period_mode
        if self.t0 is not None:
            data["t0"] = self.t0.isoformat()
            data["resolved"] = self.resolved.isoformat() if self.resolved else None
        data["responses"] = {
            "read": self.rows_read,
            "used": self.rows_used,
            "excluded": self.rows_read - self.rows_used,
        }
        data["scale_check"] = self.scale_check.to_dict() if self.scale_check else None
        data["rows"] = [r.to_dict() for r in self.rows]
        data["changes"] = [c.to_dict() for c in self.changes]
        data.update(data_quality(self.issues, self.notes, words))
        return data


def analyse_survey(
    path: str | Path,
    metric: Metric,
    columns: Columns | None = None,
    periodizer: Periodizer | None = None,
    *,
    encoding: str = "utf-8-sig",
    delimiter: str | None = None,
) -> SurveyReport:
    """Read a survey export and compute ``metric`` per period and group."""

    table = read_table(path, encoding=encoding, delimiter=delimiter)
    return summarise_table(table, metric, columns or Columns(), periodizer or Periodizer())


def summarise_table(
    table: Table, metric: Metric, columns: Columns, periodizer: Periodizer
) -> SurveyReport:
    numeric: list[float] = []
    responses, issues, notes, periodizer = load_responses(table, metric, columns, periodizer, numeric)
    report = SurveyReport(
        path=table.path,
        metric=metric,
        period_mode=periodizer.mode,
        grouped=columns.group is not None,
        issues=issues,
        rows_read=len(table.rows),
        rows_used=len(responses),
        notes=notes,
        t0=periodizer.t0,
        resolved=periodizer.resolved,
        scale_check=ScaleCheck.of(metric, numeric),
    )
    report.rows, report.changes = summarise(responses, metric, periodizer, report.grouped)
    return report


def load_responses(
    table: Table, metric: Metric, columns: Columns, periodizer: Periodizer, numeric: list[float] | None = None
) -> tuple[list[Response], list[Issue], list[str], Periodizer]:
    """Check every cell; return the good responses, the issues, notes and the periodizer used.

    ``numeric`` (when given) receives every score that is a number, in range or not.
    """

    notes: list[str] = []
    i_score = table.column(columns.score, option="--score-column")
    i_date = table.column(columns.date, option="--date-column", required=columns.date_required)
    i_id = table.column(
        columns.respondent, option="--id-column", required=columns.respondent_required
    )
    i_group = table.column(columns.group, option="--by") if columns.group is not None else None
    if i_date is None and periodizer.needs_dates:
        notes.append(Note("note_one_period", column=repr(columns.date)))
        periodizer = Periodizer("all")
    elif i_date is not None and not periodizer.needs_dates:
        i_date = None
    if i_id is None:
        notes.append(Note("note_no_respondent_check", column=repr(columns.respondent)))

    def name(index: int | None, default: str) -> str:  # as spelled in the header
        return default if index is None else table.header[index]

    n_score, n_date = name(i_score, columns.score), name(i_date, columns.date)
    n_id, n_group = name(i_id, columns.respondent), name(i_group, columns.group or "")
    responses: list[Response] = []
    issues: list[Issue] = []
    first_seen: dict[tuple[str, tuple[int, int]], int] = {}
    width = len(table.header)
    for row in table.rows:
        found: list[Issue] = []
        extra = row.extra_cells(width)
        if extra is not None:
            found.append(extra)
        score = _score(row.get(i_score), row.line, n_score, metric, found, numeric)
        when: datetime | None = None
        if i_date is not None:
            when = date_cell(row.get(i_date), row.line, n_date, found)
        respondent = row.get(i_id)
        if i_id is not None and not respondent:
            found.append(issue(row.line, n_id, "empty", "", "issue_no_respondent"))
        group = TOTAL
        if i_group is not None:
            group = row.get(i_group)
            if not group:
                found.append(issue(row.line, n_group, "empty", "", "issue_no_group"))
        if found or score is None:
            issues.extend(found)
            continue
        period = periodizer.period_of(when)
        if i_id is not None:
            key = (respondent, period.key)
            if key in first_seen:
                if period.label == "all":
                    found_issue = issue(row.line, n_id, "duplicate", respondent, "issue_duplicate_respondent",
                                        who=repr(respondent), first=first_seen[key])
                else:
                    found_issue = issue(row.line, n_id, "duplicate", respondent, "issue_duplicate_respondent_in",
                                        who=repr(respondent), first=first_seen[key], period=period.label)
                issues.append(found_issue)
                continue
            first_seen[key] = row.line
        responses.append(Response(row.line, score, period, group))
    return responses, issues, notes, periodizer


def _score(text: str, line: int, column: str, metric: Metric, found: list[Issue],
           numeric: list[float] | None) -> float | None:
    if not text:
        found.append(issue(line, column, "empty", text, "issue_no_score"))
        return None
    value = parse_number(text)
    if value is None:
        found.append(issue(line, column, "non_numeric", text, "issue_not_a_number", text=repr(text)))
        return None
    if numeric is not None:
        numeric.append(value)
    if not metric.low <= value <= metric.high:
        found.append(issue(line, column, "out_of_range", text, "issue_outside_scale", value=text, scale=metric.scale))
        return None
    if metric.integer and value != int(value):
        found.append(issue(line, column, "not_integer", text, "issue_not_whole", value=text, scale=metric.scale))
        return None
    return value


def summarise(
    responses: Sequence[Response], metric: Metric, periodizer: Periodizer, grouped: bool
) -> tuple[list[ResultRow], list[ChangeRow]]:
    """One estimate per (period, group) and, when grouped, per period for all groups;
    then the change between compared periods for every group."""

    buckets: dict[tuple[Period, str], list[float]] = defaultdict(list)
    for r in responses:
        buckets[(r.period, r.group)].append(r.score)
        if grouped:
            buckets[(r.period, TOTAL)].append(r.score)

    def order(key: tuple[Period, str]) -> tuple[Period, bool, str]:
        return (key[0], key[1] == TOTAL, key[1])

    keys = sorted(buckets, key=order)
    rows = [ResultRow(p, g, metric.estimate(buckets[(p, g)])) for p, g in keys]
    by_key = {(r.period, r.group): r.estimate for r in rows}
    periods = sorted({r.period for r in rows})
    groups = sorted({r.group for r in rows}, key=lambda g: (g == TOTAL, g))
    changes: list[ChangeRow] = []
    for group in groups:
        present = [p for p in periods if (p, group) in by_key]
        for start, end in periodizer.comparisons(present):
            change = stats.compare_estimates(by_key[(start, group)], by_key[(end, group)])
            changes.append(ChangeRow(group, start, end, change))
    return rows, changes
