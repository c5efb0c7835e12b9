"""Service-quality metrics from survey and customer exports: NPS, CSAT, CES, churn, LTV.

The ``follow_up`` stage of a playbook asks customers for feedback; these functions measure
what came back, per period or per crisis phase (before / during / after), with intervals
so that a manager can tell a real change from noise.

Library use::

    from crisisplay.metrics import Metric, Periodizer, analyse_survey, compute_retention
    report = analyse_survey("nps.csv", Metric.nps(), periodizer=Periodizer("month"))
    for row in report.rows:
        print(row.period.label, row.estimate.value, row.estimate.low, row.estimate.high)
    compute_retention(250, 150).lifetime  # 2.5 periods

Nothing here prints or exits; user-fixable problems raise
:class:`crisisplay.errors.CrisisplayError` with a file location.
"""

from __future__ import annotations

from crisisplay.metrics.metric import Metric
from crisisplay.metrics.parsing import parse_bool, parse_number, parse_scale, parse_timestamp
from crisisplay.metrics.periods import Period, Periodizer
from crisisplay.metrics.retention import CohortColumns, Retention, RetentionReport, analyse_file
from crisisplay.metrics.retention import compute as compute_retention
from crisisplay.metrics.stats import Change, Estimate, ces, compare_estimates, csat, nps, wilson
from crisisplay.metrics.survey import Columns, SurveyReport, analyse_survey
from crisisplay.metrics.table import Issue

__all__ = [
    "Change",
    "CohortColumns",
    "Columns",
    "Estimate",
    "Issue",
    "Metric",
    "Period",
    "Periodizer",
    "Retention",
    "RetentionReport",
    "SurveyReport",
    "analyse_file",
    "analyse_survey",
    "ces",
    "compare_estimates",
    "compute_retention",
    "csat",
    "nps",
    "parse_bool",
    "parse_number",
    "parse_scale",
    "parse_timestamp",
    "wilson",
]
