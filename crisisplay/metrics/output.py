"""Formatters: survey and retention reports as a text table, JSON or CSV; the bad-data report.

Pure functions from a report to a string; the CLI decides where each string goes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from crisisplay.metrics.retention import RetentionReport
from crisisplay.metrics.stats import Estimate
from crisisplay.metrics.survey import TOTAL, ChangeRow, SurveyReport
from crisisplay.metrics.table import Issue, note_text
from crisisplay.wording import Wording, wording_for

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


def fmt_value(kind: str, value: float | None, *, signed: bool = False, words: Wording | None = None) -> str:
    if value is None:
        return words.text("not_available") if words is not None else "n/a"
    digits = 2 if kind == "ces" else 1
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return _decimal(text.replace("-", "−"), words)


def _decimal(text: str, words: Wording | None) -> str:
    """The language's decimal separator (``7,5`` in Russian)."""
    return text.replace(".", ",") if words is not None and words.language == "ru" else text


def _ci(kind: str, est: Estimate, words: Wording) -> str:
    if est.low is None or est.high is None:
        return words.text("not_available")
    return f"{fmt_value(kind, est.low, words=words)} … {fmt_value(kind, est.high, words=words)}"


def _details(kind: str, est: Estimate, words: Wording) -> list[str]:
    d = est.details
    if kind == "nps":
        return [_decimal(f"{d[key]:.1f}%", words) for key in ("promoters_pct", "passives_pct", "detractors_pct")]
    if kind == "csat":
        return [str(d["satisfied"]), _decimal(f"{d['mean_score']:.2f}", words)]
    sd = d.get("sd")
    return [words.text("not_available") if sd is None else _decimal(f"{sd:.2f}", words)]


DETAIL_HEADERS = {
    "nps": ["col_promoters", "col_passives", "col_detractors"],
    "csat": ["col_satisfied", "col_mean"],
    "ces": ["col_sd"],
}


def _label(text: str, words: Wording) -> str:
    """A period label as people read it: crisis phases in the report's language."""
    return words.term("phase", text) if text in ("before", "during", "after", "all") else text


def _group(text: str, words: Wording) -> str:
    return words.text("all_groups") if text == TOTAL else text


def scale_warning(report: SurveyReport, words: Wording | None = None, *, prefix: bool = True) -> str:
    """The out-of-scale problem in a sentence (empty when every number fit the scale)."""
    words = words or wording_for("metrics", "en")
    check = report.metric, report.scale_check
    metric, found = check
    if found is None:
        return ""
    share = words.percent(found.outside / found.numeric) if found.numeric else "—"
    text = words.plural("scale_outside", found.numeric, n=found.outside, total=found.numeric, share=share,
                        scale=metric.scale)
    if found.suggested is not None:
        low, high = found.suggested
        key = "scale_suggest_all" if found.fit == found.outside else "scale_suggest_most"
        text += ". " + words.text(key, fit=found.fit, suggested=f"{low}–{high}", option=f"{low}-{high}")
    elif metric.kind == "nps":
        text += ". " + words.text("scale_nps")
    return words.text("scale_warning", text=text) if prefix else text[:1].upper() + text[1:]


def survey_text(report: SurveyReport, paint: Paint = _plain, words: Wording | None = None) -> str:
    words = words or wording_for("metrics", "en")
    m = report.metric
    kind = m.kind
    title = TITLES[kind]
    scale = words.text("scale", scale=m.scale)
    if kind == "csat":
        scale += ", " + words.text("satisfied_from", value=_decimal(f"{m.satisfied_from:g}", words))
    period = words.text(f"period_{report.period_mode}")
    group = words.text("by_group") if report.grouped else ""
    out = [words.text("title", metric=title, scale=scale, period=period, group=group, path=report.path)]
    if report.t0 is not None:
        resolved = report.resolved.isoformat() if report.resolved else words.text("not_resolved")
        out.append(words.text("t0_line", t0=report.t0.isoformat(), resolved=resolved))
    warning = scale_warning(report, words)
    if warning:
        out.append(paint(warning, "yellow"))
    unit = "pp" if kind == "nps" else ("%" if kind == "csat" else "")
    headers = [words.text("col_period")] + ([words.text("col_group")] if report.grouped else [])
    headers += [words.text("col_n"), title, words.text("col_ci"), f"±{unit}".rstrip()]
    headers += [words.text(key) for key in DETAIL_HEADERS[kind]]
    rows = []
    for r in report.rows:
        est = r.estimate
        cells = [_label(r.period.label, words)] + ([_group(r.group, words)] if report.grouped else [])
        cells += [
            str(est.n),
            fmt_value(kind, est.value, signed=kind == "nps", words=words),
            _ci(kind, est, words),
            fmt_value(kind, est.margin, words=words),
            *_details(kind, est, words),
        ]
        rows.append(cells)
    out += ["", render_table(headers, rows, left=2 if report.grouped else 1)]
    if report.changes:
        out += ["", words.text("changes")]
        if warning:
            out.append(words.text("changes_caveat"))
        ch_rows = []
        for c in report.changes:
            ch = c.change
            if ch.significant is None:
                verdict = words.text("verdict_unknown")
            elif ch.significant:
                colour = "yellow" if kind == "ces" else ("green" if ch.delta > 0 else "red")
                verdict = paint(words.text("verdict_larger"), colour)
            else:
                verdict = words.text("verdict_within")
            cells = ([_group(c.group, words)] if report.grouped else []) + [
                f"{_label(c.start.label, words)} → {_label(c.end.label, words)}",
                fmt_value(kind, ch.delta, signed=True, words=words),
                words.text("not_available") if ch.noise is None else "±" + fmt_value(kind, ch.noise, words=words),
                verdict,
            ]
            ch_rows.append(cells)
        ch_headers = ([words.text("col_group")] if report.grouped else []) + [
            words.text(key) for key in ("col_change", "col_delta", "col_noise", "col_verdict")]
        out.append(render_table(ch_headers, ch_rows, left=2 if report.grouped else 1))
    small = min((r.estimate.n for r in report.rows), default=SMALL_SAMPLE)
    if small < SMALL_SAMPLE:
        out += ["", words.text("small_sample", limit=SMALL_SAMPLE, small=small)]
    return "\n".join(out) + "\n"


def left_out_text(rows_read: int, rows_used: int | None, issues: Sequence[Issue], words: Wording) -> str:
    if rows_used is not None:
        return words.plural("rows_left_out", rows_read, n=rows_read - rows_used, total=rows_read)
    return words.plural("bad_cells", len(issues), n=len(issues))


def issues_text(
    path: str,
    issues: Sequence[Issue],
    rows_read: int,
    rows_used: int | None,
    notes: Sequence[str],
    *,
    limit: int = 20,
    words: Wording | None = None,
) -> str:
    """The bad-data report: a summary line, one line per issue (up to ``limit``), notes."""

    words = words or wording_for("metrics", "en")
    out: list[str] = []
    if issues:
        counts: dict[str, int] = {}
        for i in issues:
            counts[i.kind] = counts.get(i.kind, 0) + 1
        summary = ", ".join(f"{words.term('kind', k)} {v}" for k, v in sorted(counts.items()))
        out.append(words.text("bad_data", path=path, left_out=left_out_text(rows_read, rows_used, issues, words),
                              summary=summary))
        shown = issues if limit <= 0 else issues[:limit]
        out.extend(f"  {path}:{i.line}: {i.column}: {i.text(words)}" for i in shown)
        if len(shown) < len(issues):
            out.append("  " + words.text("more_issues", count=len(issues) - len(shown)))
    out.extend(words.text("note", text=note_text(n, words)) for n in notes)
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


def _unit(words: Wording, unit: str, count: float | None = None) -> str:
    """A period unit's name, or ``count`` of them in the form CLDR's plural rule picks."""
    if count is None:
        return words.term("unit_name", unit)
    forms = words.entries.get(f"unit_count_{unit}")
    number = _decimal(f"{count:.2f}", words)
    if not isinstance(forms, dict):
        return f"{number} {unit}"
    from babel import Locale

    # the form follows the number as shown: "5,00" has two visible decimals, so CLDR says "other"
    category = Locale.parse(words.language).plural_form(Decimal(f"{count:.2f}"))
    return str(forms.get(category, forms["other"])).format(count=number)


def retention_text(report: RetentionReport, words: Wording | None = None) -> str:
    words = words or wording_for("metrics", "en")
    r = report.result
    assert r is not None
    unit = r.period_unit
    na = words.text("not_available")
    source = report.path or words.text("retention_counts")
    out = [words.text("retention_title", unit=_unit(words, unit), source=source)]
    if report.start is not None and report.end is not None:
        out.append(words.text("retention_span", start=report.start.isoformat(), end=report.end.isoformat()))
    rows: list[list[str]] = [
        [words.text("ret_start"), f"{r.customers_start}"],
        [words.text("ret_retained"), f"{r.retained}"],
        [words.text("ret_left"), f"{r.churned}"],
    ]
    if report.path:
        rows.append([words.text("ret_new"), f"{report.new_customers}"])
        rows.append([words.text("ret_inactive"), f"{report.inactive}"])
    percent = (words.language == "ru" and " %") or "%"
    rows.append([words.text("ret_churn"), words.text(
        "ret_churn_value", churn=_decimal(f"{100 * r.churn:.1f}", words) + percent, unit=_unit(words, unit),
        low=_decimal(f"{100 * r.churn_low:.1f}", words), high=_decimal(f"{100 * r.churn_high:.1f}", words) + percent)])
    if r.lifetime is None:
        rows.append([words.text("ret_lifetime"), words.text("ret_unbounded", unit=_unit(words, unit))])
    else:
        rows.append([words.text("ret_lifetime"), _unit(words, unit, r.lifetime)])
    rows.append([words.text("ret_aov"), na if r.aov is None else _money(r.aov, words)])
    rows.append([words.text("ret_purchases"), na if r.purchases_per_period is None else words.text(
        "ret_purchases_value", count=_decimal(f"{r.purchases_per_period:.2f}", words), unit=_unit(words, unit))])
    if r.ltv is not None:
        ltv = _money(r.ltv, words)
    elif r.lifetime is None:
        ltv = words.text("ret_ltv_unbounded")
    else:
        ltv = words.text("ret_ltv_missing")
    rows.append([words.text("ret_ltv"), ltv])
    width = max(len(k) for k, _ in rows)
    out += [""] + [f"{k.ljust(width)}  {v}" for k, v in rows]
    return "\n".join(out) + "\n"


def _money(x: float, words: Wording | None = None) -> str:
    return _decimal(f"{x:,.2f}".replace(",", " "), words)


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
    "scale_warning",
    "survey_csv",
    "survey_text",
    "to_json",
]
