"""``crisisplay metrics``: NPS, CSAT, CES, churn and LTV from survey and customer exports."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

import click

from crisisplay.cli.common import EXIT_FINDINGS, handle_errors, style, use_color
from crisisplay.cli.metrics_options import (
    COHORT_OPTIONS,
    DELIMITERS,
    PERIOD_UNITS,
    cohort_options,
    input_options,
    number_option,
    scale_option,
    survey_options,
    time_option,
)
from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.metrics import output
from crisisplay.metrics.metric import Metric
from crisisplay.metrics.periods import Periodizer
from crisisplay.metrics.retention import CohortColumns, RetentionReport, analyse_file, compute
from crisisplay.metrics.survey import Columns, SurveyReport, analyse_survey
from crisisplay.wording import Wording, wording_for


def _report_wording(opts: dict[str, Any]) -> Wording:
    """The report's language: --lang, else the --playbook's locale, else English."""
    if opts.get("lang"):
        return wording_for("metrics", opts["lang"])
    if opts.get("playbook"):
        from crisisplay.playbook.build import load_playbook

        return wording_for("metrics", load_playbook(opts["playbook"]).locale)
    return wording_for("metrics", "en")


def _refuse_partial(report: SurveyReport | RetentionReport, opts: dict[str, Any], words: Wording) -> None:
    """--strict: a left-out row stops the command before any figure is shown."""
    if not opts["strict"] or not report.issues:
        return
    _echo_issues(report, opts["max_issues"], words)
    used = report.rows_used if isinstance(report, SurveyReport) else None
    text = output.left_out_text(report.rows_read, used, report.issues, words)
    hint = output.scale_warning(report, words, prefix=False) if isinstance(report, SurveyReport) else ""
    raise CrisisplayError(words.text("strict_refused", left_out=text), Location(report.path), hint=hint)


def _periodizer(period: str | None, t0: datetime | None, resolved: datetime | None) -> Periodizer:
    if resolved is not None and t0 is None:
        raise click.UsageError("--resolved needs --t0 (the crisis start).")
    if t0 is not None:
        if period is not None:
            raise click.UsageError("use either --period or --t0/--resolved, not both.")
        return Periodizer("phase", t0, resolved)
    return Periodizer(period or "month")


def _run_survey(metric: Metric, opts: dict[str, Any]) -> None:
    periodizer = _periodizer(opts["period"], opts["t0"], opts["resolved"])
    explicit_dates = any(opts[k] is not None for k in ("date_column", "period", "t0"))
    columns = Columns(
        score=opts["score_column"],
        date=opts["date_column"] or "date",
        respondent=opts["id_column"] or "respondent_id",
        group=opts["group_column"],
        date_required=explicit_dates,
        respondent_required=opts["id_column"] is not None,
    )
    report = analyse_survey(
        opts["file"],
        metric,
        columns,
        periodizer,
        encoding=opts["encoding"],
        delimiter=DELIMITERS[opts["delimiter"]],
    )
    fmt = opts["output_format"]
    words = _report_wording(opts)
    if not report.rows:
        _echo_issues(report, opts["max_issues"], words)
        raise CrisisplayError("no usable answers in the file", Location(report.path),
                              hint=output.scale_warning(report, prefix=False))
    _refuse_partial(report, opts, words)
    if opts["chart"]:
        _write_chart(report, opts["chart"])
    if fmt == "json":
        click.echo(output.to_json(report.to_dict(words)), nl=False)
    else:
        if fmt == "csv":
            click.echo(output.survey_csv(report), nl=False)
            warning = output.scale_warning(report, words)
            if warning:
                click.echo(warning, err=True)
        else:
            colour = use_color(sys.stdout)

            def paint(text: str, fg: str) -> str:
                return style(text, color=colour, fg=fg, bold=True)

            click.echo(output.survey_text(report, paint, words), nl=False)
        _echo_issues(report, opts["max_issues"], words)
    if opts["fail_on_bad_data"] and report.issues:
        sys.exit(EXIT_FINDINGS)


def _echo_issues(report: SurveyReport | RetentionReport, limit: int, words: Wording | None = None) -> None:
    used = report.rows_used if isinstance(report, SurveyReport) else None
    text = output.issues_text(
        report.path, report.issues, report.rows_read, used, report.notes, limit=limit, words=words
    )
    if text:
        click.echo(text, nl=False, err=True)


def _write_chart(report: SurveyReport, path: str) -> None:
    from crisisplay.fsutil import write_text_atomic
    from crisisplay.metrics.chart import survey_html, survey_svg

    html = path.lower().endswith((".html", ".htm"))
    write_text_atomic(path, survey_html(report) if html else survey_svg(report))
    click.echo(f"chart written to {path}", err=True)


_COMMON_EPILOG = (
    "Answers with an empty, non-numeric or out-of-range score, a bad date or a repeated "
    "respondent are left out and listed with their CSV line (stderr; in JSON under "
    "'issues'); scores outside the scale are counted and a common scale that fits them is "
    "suggested. --lang ru (or --playbook) writes the report in Russian. Exit codes: 0 ok, "
    "1 bad rows with --fail-on-bad-data, 2 bad input (or any bad row with --strict)."
)


@click.group(
    epilog="Examples:\n\n\b\n"
    "  crisisplay metrics nps survey.csv --by channel\n"
    "  crisisplay metrics nps survey.csv --t0 2024-03-01T09:00 --resolved 2024-03-03T18:00\n"
    "  crisisplay metrics retention --customers-start 250 --retained 150 --period-unit year\n",
)
def metrics() -> None:
    """Measure service quality before, during and after a crisis.

    The playbook's follow_up stage asks customers for feedback; these commands read the
    survey export (CSV, ',' or ';', decimal comma accepted) and show whether the response
    kept customers: NPS, CSAT and CES with 95% intervals per period or crisis phase, and
    whether each change is larger than the noise; churn, lifetime and LTV for one period.
    """


@metrics.command(
    name="nps",
    short_help="NPS: % promoters - % detractors, with a 95% interval.",
    epilog="Examples:\n\n\b\n"
    "  crisisplay metrics nps survey.csv\n"
    "  crisisplay metrics nps survey.csv --period week --by channel --chart nps.svg\n"
    "  crisisplay metrics nps export.csv --score-column Оценка --date-column Дата\n"
    "  crisisplay metrics nps survey.csv --t0 2024-03-01T09:00+03:00 \\\n"
    "      --resolved 2024-03-03T18:00+03:00 --format json\n\n" + _COMMON_EPILOG,
)
@survey_options
@handle_errors
def nps_command(**opts: Any) -> None:
    """Net Promoter Score of 0-10 answers, with its 95% interval.

    Promoters answer 9-10, passives 7-8, detractors 0-6; NPS = % promoters - % detractors,
    in percentage points. The interval is NPS ± 1.96·sqrt((p + d - (p - d)²)/n).
    """
    _run_survey(Metric.nps(), opts)


@metrics.command(
    name="csat",
    short_help="CSAT: % satisfied answers, with a Wilson interval.",
    epilog="Examples:\n\n\b\n"
    "  crisisplay metrics csat contacts.csv                  # 1-5 scale, 4 and 5 satisfied\n"
    "  crisisplay metrics csat contacts.csv --scale 0-5 --by channel\n"
    "  crisisplay metrics csat contacts.csv --satisfied-from 5 --format csv\n\n" + _COMMON_EPILOG,
)
@scale_option("1-5", "The survey's declared scale, e.g. 1-5 or 0-5.")
@number_option(
    "--satisfied-from", help="Lowest satisfied answer (default: the top two points, e.g. 4 on 1-5)."
)
@survey_options
@handle_errors
def csat_command(scale: tuple[int, int], satisfied_from: float | None, **opts: Any) -> None:
    """Customer satisfaction: % of answers at the top of the declared scale.

    By default the top two points count as satisfied (4-5 on a 1-5 scale). The interval
    is Wilson's score interval at 95%.
    """
    _run_survey(Metric.csat(scale, satisfied_from), opts)


@metrics.command(
    name="ces",
    short_help="CES: mean effort, with its standard error.",
    epilog="Examples:\n\n\b\n"
    "  crisisplay metrics ces effort.csv                     # 0 (hard) to 5 (easy)\n"
    "  crisisplay metrics ces effort.csv --scale 1-7 --period week\n\n" + _COMMON_EPILOG,
)
@scale_option("0-5", "The survey's declared scale (0 very hard … 5 easy by default).")
@survey_options
@handle_errors
def ces_command(scale: tuple[int, int], **opts: Any) -> None:
    """Customer effort score: mean answer on the declared scale, with its standard error.

    The interval is mean ± 1.96·SE, SE = sd/sqrt(n).
    """
    _run_survey(Metric.ces(scale), opts)


@metrics.command(
    epilog="Examples:\n\n\b\n"
    "  crisisplay metrics retention --customers-start 250 --retained 150 \\\n"
    "      --aov 1550 --purchases-per-period 4 --period-unit year\n"
    "  crisisplay metrics retention customers.csv          # active_at_start, active_at_end\n"
    "  crisisplay metrics retention customers.csv --start 2024-01-01 --end 2024-12-31\n\n"
    "Units: churn is a share of the customers at the start, per period; lifetime = 1/churn "
    "in periods (40% a year: 2.5 years); LTV = AOV × purchases per period × lifetime, in "
    "the currency of the AOV. Exit codes: 0 ok, 1 bad rows with --fail-on-bad-data, "
    "2 bad input.",
)
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@click.option(
    "--customers-start",
    type=click.IntRange(min=0),
    default=None,
    help="Customers at the start of the period (instead of FILE).",
)
@click.option(
    "--retained",
    type=click.IntRange(min=0),
    default=None,
    help="Of those, still active at the end (new customers excluded).",
)
@number_option("--aov", help="Average order value (decimal comma accepted).")
@number_option("--purchases-per-period", help="Purchases per customer per period.")
@click.option(
    "--period-unit",
    type=click.Choice(PERIOD_UNITS),
    default="period",
    show_default=True,
    help="What one period is, for the labels.",
)
@time_option(
    "--start", help="Period start, with first_seen/last_seen dates (e.g. a checklist run's T0)."
)
@time_option("--end", help="Period end, with --start.")
@cohort_options
@input_options
@handle_errors
def retention(file: str | None, **opts: Any) -> None:
    """Churn, customer lifetime and LTV for one period.

    Give either a customer export FILE (one row per customer) or the counts directly with
    --customers-start and --retained. New customers of the period are not counted.
    """
    direct = opts["customers_start"] is not None or opts["retained"] is not None
    if file is not None and direct:
        raise click.UsageError("give either FILE or --customers-start/--retained, not both.")
    if file is None and not direct:
        raise click.UsageError("give a customer export FILE or --customers-start and --retained.")
    if file is None:
        if opts["customers_start"] is None or opts["retained"] is None:
            raise click.UsageError("--customers-start and --retained go together.")
        if opts["start"] is not None or opts["end"] is not None:
            raise click.UsageError("--start/--end apply to a customer export FILE.")
        result = compute(
            opts["customers_start"],
            opts["retained"],
            aov=opts["aov"],
            purchases_per_period=opts["purchases_per_period"],
            period_unit=opts["period_unit"],
        )
        report = RetentionReport("", result)
    else:
        columns = CohortColumns(**{attr: opts[attr] for _, attr, _ in COHORT_OPTIONS})
        report = analyse_file(
            file,
            columns,
            start=opts["start"],
            end=opts["end"],
            aov=opts["aov"],
            purchases_per_period=opts["purchases_per_period"],
            period_unit=opts["period_unit"],
            encoding=opts["encoding"],
            delimiter=DELIMITERS[opts["delimiter"]],
        )
    words = _report_wording(opts)
    if report.result is None:
        _echo_issues(report, opts["max_issues"], words)
        raise CrisisplayError(
            "no usable customer was active at the start of the period",
            Location(report.path),
            hint="check the start column, or --start/--end",
        )
    _refuse_partial(report, opts, words)
    fmt = opts["output_format"]
    if fmt == "json":
        click.echo(output.to_json(report.to_dict(words)), nl=False)
    else:
        text = output.retention_csv(report) if fmt == "csv" else output.retention_text(report, words)
        click.echo(text, nl=False)
        _echo_issues(report, opts["max_issues"], words)
    if opts["fail_on_bad_data"] and report.issues:
        sys.exit(EXIT_FINDINGS)
