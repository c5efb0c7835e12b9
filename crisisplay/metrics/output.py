"""Formatters: survey and retention reports as a text table, JSON or CSV; the bad-data report.

Pure functions from a report to a string; the CLI decides where each string goes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from crisisplay.metrics.retention import RetentionReport
from crisisplay.metrics.stats import Estimate
from crisisplay.metrics.survey import ChangeRow, SurveyReport
from crisisplay.metrics.table import Issue

TITLES = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}
SMALL_SAMPLE = 30
Paint = Callable[[str, str], str]  # (text, colour name) -> text


def _plain(text: str, colour: str) -> str:
    return text


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> str:
    """Columns padded to their widest cell; the first ``left`` columns left-aligned."""

    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    return "\n".join(out)


def fmt_value(kind: str, value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    digits = 2 if kind == "ces" else 1
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return text.replace("-", "−")


def _ci(kind: str, est: Estimate) -> str:
    if est.low is None or est.high is None:
        return "n/a"
    return f"{fmt_value(kind, est.low)} … {fmt_value(kind, est.high)}"


def _details(kind: str, est: Estimate) -> list[str]:
    d = est.details
    if kind == "nps":
        return [
            f"{d['promoters_pct']:.1f}%",
            f"{d['passives_pct']:.1f}%",
            f"{d['detractors_pct']:.1f}%",
        ]
    if kind == "csat":
        return [str(d["satisfied"]), f"{d['mean_score']:.2f}"]
    sd = d.get("sd")
    return ["n/a" if sd is None else f"{sd:.2f}"]


DETAIL_HEADERS = {
    "nps": ["promoters", "passives", "detractors"],
    "csat": ["satisfied", "mean score"],
    "ces": ["sd"],
}


def survey_text(report: SurveyReport, paint: Paint = _plain) -> str:
    m = report.metric
    kind = m.kind
    title = TITLES[kind]
    scale = f"scale {m.scale}"
    if kind == "csat":
        scale += f", satisfied = {m.satisfied_from:g} and above"
    period = {
        "phase": "by crisis phase",
        "all": "all answers",
        "month": "by month",
        "week": "by ISO week",
    }[report.period_mode]
    group = ", by group" if report.grouped else ""
    out = [f"{title} ({scale}), {period}{group}: {report.path}"]
    if report.t0 is not None:
        resolved = report.resolved.isoformat() if report.resolved else "not resolved"
        out.append(f"T0 {report.t0.isoformat()}, resolved {resolved}")
    unit = "pp" if kind == "nps" else ("%" if kind == "csat" else "")
    headers = ["period"] + (["group"] if report.grouped else [])
    headers += ["n", title, "95% CI", f"±{unit}".rstrip()] + DETAIL_HEADERS[kind]
    rows = []
    for r in report.rows:
        est = r.estimate
        cells = [r.period.label] + ([r.group] if report.grouped else [])
        cells += [
            str(est.n),
            fmt_value(kind, est.value, signed=kind == "nps"),
            _ci(kind, est),
            fmt_value(kind, est.margin),
            *_details(kind, est),
        ]
        rows.append(cells)
    out += ["", render_table(headers, rows, left=2 if report.grouped else 1)]
    if report.changes:
        out += ["", "Changes (larger than noise when |Δ| > 1.96·√(var₁ + var₂)):"]
        ch_rows = []
        for c in report.changes:
            ch = c.change
            if ch.significant is None:
                verdict = "unknown (one answer)"
            elif ch.significant:
                colour = "yellow" if kind == "ces" else ("green" if ch.delta > 0 else "red")
                verdict = paint("larger than noise", colour)
            else:
                verdict = "within noise"
            cells = ([c.group] if report.grouped else []) + [
                f"{c.start.label} → {c.end.label}",
                fmt_value(kind, ch.delta, signed=True),
                "n/a" if ch.noise is None else "±" + fmt_value(kind, ch.noise),
                verdict,
            ]
            ch_rows.append(cells)
        ch_headers = (["group"] if report.grouped else []) + ["change", "Δ", "noise", "verdict"]
        out.append(render_table(ch_headers, ch_rows, left=2 if report.grouped else 1))
    small = min((r.estimate.n for r in report.rows), default=SMALL_SAMPLE)
    if small < SMALL_SAMPLE:
        out += [
            "",
            f"note: fewer than {SMALL_SAMPLE} answers in some rows (as few as {small}): "
            "their intervals are rough and may reach past the scale.",
        ]
    return "\n".join(out) + "\n"


def issues_text(
    path: str,
    issues: Sequence[Issue],
    rows_read: int,
    rows_used: int | None,
    notes: Sequence[str],
    *,
    limit: int = 20,
) -> str:
    """The bad-data report: a summary line, one line per issue (up to ``limit``), notes."""

    out: list[str] = []
    if issues:
        counts: dict[str, int] = {}
        for i in issues:
            counts[i.kind] = counts.get(i.kind, 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        left_out = (
            f"{rows_read - rows_used} of {rows_read} rows left out"
            if rows_used is not None
            else f"{len(issues)} bad cells"
        )
        out.append(f"bad data in {path}: {left_out} ({summary})")
        shown = issues if limit <= 0 else issues[:limit]
        out.extend(f"  {path}:{i.line}: {i.column}: {i.message}" for i in shown)
        if len(shown) < len(issues):
            out.append(
                f"  … and {len(issues) - len(shown)} more "
                "(--max-issues 0 shows all; --format json lists them)"
            )
    out.extend(f"note: {n}" for n in notes)
    return "\n".join(out) + ("\n" if out else "")


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def survey_csv(report: SurveyReport) -> str:
    """One row per period and group; the change columns compare with the previous period."""

    rows = [r.to_dict() for r in report.rows]
    previous: dict[tuple[str, str], ChangeRow] = {}
    for change in report.changes:
        previous.setdefault((change.end.label, change.group), change)
    extra = ["change_from", "delta", "noise", "significant"]
    fields: list[str] = []
    for row in rows:
        fields.extend(k for k in row if k not in fields)
        found = previous.get((row["period"], row["group"]))
        row.update(dict.fromkeys(extra, ""))
        if found is not None:
            row.update({"change_from": found.start.label, **found.change.to_dict()})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields + extra, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def retention_text(report: RetentionReport) -> str:
    r = report.result
    assert r is not None
    unit = r.period_unit
    source = report.path or "counts given on the command line"
    out = [f"Retention for one {unit}: {source}"]
    if report.start is not None and report.end is not None:
        out.append(f"from {report.start.isoformat()} to {report.end.isoformat()}")
    rows: list[list[str]] = [
        ["customers at start", f"{r.customers_start}"],
        ["  of them still active at the end", f"{r.retained}"],
        ["  of them left", f"{r.churned}"],
    ]
    if report.path:
        rows.append(["new customers (not counted)", f"{report.new_customers}"])
        rows.append(["not active at the start (not counted)", f"{report.inactive}"])
    rows.append(
        [
            "churn = left / at start",
            f"{100 * r.churn:.1f}% per {unit} "
            f"(95% CI {100 * r.churn_low:.1f}–{100 * r.churn_high:.1f}%)",
        ]
    )
    if r.lifetime is None:
        rows.append(["lifetime = 1 / churn", "unbounded: nobody left this " + unit])
    else:
        rows.append(["lifetime = 1 / churn", f"{r.lifetime:.2f} {unit}s"])
    rows.append(["average order value (AOV)", "n/a" if r.aov is None else _money(r.aov)])
    rows.append(
        [
            "purchases per customer",
            "n/a" if r.purchases_per_period is None else f"{r.purchases_per_period:.2f} per {unit}",
        ]
    )
    if r.ltv is not None:
        ltv = _money(r.ltv)
    elif r.lifetime is None:
        ltv = "n/a (lifetime unbounded)"
    else:
        ltv = "n/a (needs --aov and --purchases-per-period, or orders/revenue columns)"
    rows.append(["LTV = AOV × purchases × lifetime", ltv])
    width = max(len(k) for k, _ in rows)
    out += [""] + [f"{k.ljust(width)}  {v}" for k, v in rows]
    return "\n".join(out) + "\n"


def _money(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ")


def retention_csv(report: RetentionReport) -> str:
    data = report.to_dict()
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("issues", "notes", "issue_counts"):
            continue
        if isinstance(value, dict):
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            flat.update({f"{key}_{i}": v for i, v in enumerate(value)})
        else:
            flat[key] = value
    flat["issues"] = len(report.issues)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(flat), lineterminator="\n")
    writer.writeheader()
    writer.writerow({k: "" if v is None else v for k, v in flat.items()})
    return buf.getvalue()


__all__ = [
    "issues_text",
    "render_table",
    "retention_csv",
    "retention_text",
    "survey_csv",
    "survey_text",
    "to_json",
]
