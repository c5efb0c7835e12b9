"""A small standalone SVG chart of a metric's trend: one line per group, 95 % whiskers.

Hand-built markup, no plotting library and nothing fetched: every piece of text from the
data (file name, period and group labels) is XML-escaped. Colours are the Okabe–Ito
palette, which colour-blind readers can tell apart; each point has a tooltip (``<title>``).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from crisisplay.metrics.output import TITLES, fmt_value
from crisisplay.metrics.periods import Period
from crisisplay.metrics.survey import TOTAL, SurveyReport

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
WIDTH, HEIGHT = 720, 400
LEFT, RIGHT, TOP, BOTTOM = 64, 160, 48, 56


def _y_range(report: SurveyReport) -> tuple[float, float]:
    kind = report.metric.kind
    if kind == "nps":
        return -100.0, 100.0
    if kind == "csat":
        return 0.0, 100.0
    return float(report.metric.low), float(report.metric.high)


def survey_svg(report: SurveyReport) -> str:
    """The trend of ``report`` as an SVG document (a string)."""

    kind = report.metric.kind
    periods: list[Period] = sorted({r.period for r in report.rows})
    groups = sorted({r.group for r in report.rows}, key=lambda g: (g == TOTAL, g))
    y_lo, y_hi = _y_range(report)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    inset = 24  # keep the first and last points off the axis labels

    def x_of(i: int) -> float:
        span = plot_w - 2 * inset
        return LEFT + inset + (span / 2 if len(periods) == 1 else span * i / (len(periods) - 1))

    def y_of(v: float) -> float:
        v = min(max(v, y_lo), y_hi)
        return TOP + plot_h * (y_hi - v) / (y_hi - y_lo)

    title = f"{TITLES[kind]} ({report.metric.scale} scale): {report.path}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label={quoteattr(title)} '
        'font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="24" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    # horizontal grid with five ticks, and a zero line for NPS
    for k in range(5):
        v = y_lo + (y_hi - y_lo) * k / 4
        y = y_of(v)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
            f'stroke="{"#888888" if v == 0 else "#e0e0e0"}"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(fmt_value(kind, v))}</text>"
        )
    for i, period in enumerate(periods):
        parts.append(
            f'<text x="{x_of(i):.1f}" y="{TOP + plot_h + 20}" text-anchor="middle">'
            f"{escape(period.label)}</text>"
        )
    by_key = {(r.period, r.group): r.estimate for r in report.rows}
    for g_index, group in enumerate(groups):
        colour = PALETTE[g_index % len(PALETTE)]
        dodge = (g_index - (len(groups) - 1) / 2) * 7  # side by side, so bars do not overlap
        points = [(i, by_key[(p, group)]) for i, p in enumerate(periods) if (p, group) in by_key]
        if len(points) > 1:
            path = " ".join(f"{x_of(i) + dodge:.1f},{y_of(e.value):.1f}" for i, e in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for i, est in points:
            x, y = x_of(i) + dodge, y_of(est.value)
            if est.low is not None and est.high is not None:
                y1, y2 = y_of(est.low), y_of(est.high)
                parts.append(
                    f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" '
                    f'stroke="{colour}" stroke-opacity="0.5" stroke-width="6"/>'
                )
            ci = (
                ""
                if est.low is None or est.high is None
                else (f", 95% CI {fmt_value(kind, est.low)} … {fmt_value(kind, est.high)}")
            )
            tip = f"{group} {periods[i].label}: {fmt_value(kind, est.value)} (n={est.n}{ci})"
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">'
                f"<title>{escape(tip)}</title></circle>"
            )
        ly = TOP + 18 * g_index
        lx = LEFT + plot_w + 16
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 18}" y="{ly + 10}">{escape(group)}</text>')
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 12}" fill="#555555">'
        "Bars: 95% confidence interval. "
        f"{escape(_sample_note(report))}</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _sample_note(report: SurveyReport) -> str:
    excluded = report.rows_read - report.rows_used
    note = f"{report.rows_used} answers"
    if excluded:
        note += f", {excluded} bad rows left out"
    return note + "."


def survey_html(report: SurveyReport) -> str:
    """The same chart inline in a minimal standalone HTML page."""

    title = escape(f"{TITLES[report.metric.kind]}: {report.path}")
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body>\n{survey_svg(report)}</body></html>\n"
    )
