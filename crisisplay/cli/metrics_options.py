"""Options of ``crisisplay metrics``: input files, columns, scales and periods, checked at parse time.

Kept apart from the commands so each command reads as what it computes; converters turn
bad values into click usage errors (exit 2) before any file is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click

from crisisplay.cli.common import format_option
from crisisplay.metrics.parsing import parse_number, parse_scale, parse_timestamp
from crisisplay.metrics.retention import CohortColumns

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("text", "json", "csv")
DELIMITERS = {"auto": None, ",": ",", ";": ";", "tab": "\t"}
PERIOD_UNITS = ("period", "day", "week", "month", "quarter", "year")


def to_time(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = parse_timestamp(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not ISO 8601 (2024-03-01T10:00+03:00) or DD.MM.YYYY", ctx, param)
    return parsed


def to_number(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """A number that may use a decimal comma or grouped thousands (``1 550,50``)."""
    if value is None:
        return None
    parsed = parse_number(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a number", ctx, param)
    return parsed


def to_scale(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    parsed = parse_scale(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a scale like 1-5 or 0-5", ctx, param)
    return parsed


def time_option(*names: str, help: str) -> Callable[[F], F]:
    return click.option(*names, metavar="TIME", default=None, callback=to_time, help=help)


def scale_option(default: str, help: str) -> Callable[[F], F]:
    return click.option(
        "--scale",
        default=default,
        show_default=True,
        callback=to_scale,
        metavar="LOW-HIGH",
        help=help,
    )


def number_option(*names: str, help: str) -> Callable[[F], F]:
    return click.option(*names, metavar="NUMBER", default=None, callback=to_number, help=help)


def input_options(func: F) -> F:
    func = click.option(
        "--lang",
        type=click.Choice(["en", "ru"]),
        default=None,
        help="Language of the report (default: the --playbook's, else English).",
    )(func)
    func = click.option(
        "--playbook",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="PLAYBOOK",
        help="Write the report in this playbook's language (its locale).",
    )(func)
    func = click.option(
        "--strict",
        is_flag=True,
        help="Any row that would be left out is an error (exit 2): nothing is computed on partial data.",
    )(func)
    func = click.option(
        "--max-issues",
        type=click.IntRange(min=0),
        default=20,
        show_default=True,
        help="Bad cells listed in text mode (0: all).",
    )(func)
    func = click.option("--fail-on-bad-data", is_flag=True, help="Exit 1 when any row had to be left out.")(func)
    func = click.option(
        "--delimiter",
        type=click.Choice(list(DELIMITERS)),
        default="auto",
        show_default=True,
        help="Cell separator; auto reads it off the header.",
    )(func)
    func = click.option(
        "--encoding",
        default="utf-8-sig",
        show_default=True,
        help="Text encoding (UTF-8 with or without BOM by default).",
    )(func)
    return format_option(*FORMATS)(func)


def survey_options(func: F) -> F:
    options = [
        click.argument("file", type=click.Path(dir_okay=False)),
        click.option("--score-column", default="score", show_default=True, help="Column with the answer."),
        click.option(
            "--date-column",
            default=None,
            help="Column with the answer's date (default: 'date', if present).",
        ),
        click.option(
            "--id-column",
            default=None,
            help="Respondent id column for duplicates (default: 'respondent_id', if present).",
        ),
        click.option(
            "--by",
            "--group-column",
            "group_column",
            default=None,
            metavar="COLUMN",
            help="Also break down by this column, e.g. channel or segment.",
        ),
        click.option(
            "--period",
            type=click.Choice(["month", "week"]),
            default=None,
            help="Calendar period (default: month).",
        ),
        time_option(
            "--t0",
            help="Crisis start (ISO 8601): label answers before/during/after instead of by calendar period.",
        ),
        time_option("--resolved", help="Crisis resolution time (ISO 8601); needs --t0."),
        click.option(
            "--chart",
            type=click.Path(dir_okay=False),
            default=None,
            help="Also write the trend as a chart: FILE.svg or FILE.html.",
        ),
    ]
    func = input_options(func)  # innermost: listed last in --help
    for option in reversed(options):
        func = option(func)
    return func


#: retention's column options: (option, CohortColumns field and parameter name, help)
COHORT_OPTIONS = (
    ("--id-column", "customer", "Customer id column, for duplicates (optional column)."),
    ("--start-column", "active_start", "Yes/no: active at the start of the period."),
    ("--end-column", "active_end", "Yes/no: active at the end of the period."),
    ("--first-seen-column", "first_seen", "First activity date (with --start/--end)."),
    ("--last-seen-column", "last_seen", "Last activity date (with --start/--end)."),
    ("--orders-column", "orders", "Orders per customer in the period (optional column)."),
    ("--revenue-column", "revenue", "Money per customer in the period (optional column)."),
)


def cohort_options(func: F) -> F:
    defaults = CohortColumns()
    for option, attr, help_text in reversed(COHORT_OPTIONS):
        default = getattr(defaults, attr)
        func = click.option(option, attr, default=default, show_default=True, help=help_text)(func)
    return func
