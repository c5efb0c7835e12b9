"""The formulas: NPS, CSAT and CES with their 95 % intervals, and the change between two.

Units: NPS and CSAT are in percent (NPS from −100 to +100, a change in percentage points);
CES is in the points of its declared scale. Every :class:`Estimate` carries the variance of
its value in those same units, so two estimates compare_estimates the same way whatever the metric:

    change = b.value − a.value
    noise  = 1.96 · sqrt(var_a + var_b)
    the change is larger than the noise when |change| > noise

NPS
    p = promoters / n, d = detractors / n, NPS = 100 · (p − d).
    Each answer scores +1 (promoter), 0 (passive) or −1 (detractor); NPS/100 is their mean,
    so var(NPS/100) = (p + d − (p − d)²) / n (the multinomial variance), and
    the 95 % interval is NPS ± 1.96 · 100 · sqrt(var).
CSAT
    share of satisfied answers, s = satisfied / n, CSAT = 100 · s; the interval is Wilson's
    score interval (it stays inside 0–100 % for small or extreme samples); the variance used
    for a change is the normal one, 100² · s (1 − s) / n.
CES
    mean effort, with standard error SE = sd / sqrt(n) (sd with n − 1); interval mean ± 1.96 SE.
    With a single answer the spread is unknown: no interval and no verdict on a change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Z95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """A metric's value over ``n`` answers with its 95 % interval and variance."""

    value: float
    n: int
    low: float | None
    high: float | None
    variance: float | None  # of ``value``, in its own units squared
    details: dict[str, float | int | None] = field(default_factory=dict)

    @property
    def margin(self) -> float | None:
        """Half-width of the normal 95 % interval, 1.96 · sqrt(variance)."""
        return None if self.variance is None else Z95 * math.sqrt(self.variance)

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        return {
            "n": self.n,
            "value": _round(self.value, digits),
            "ci_low": _round(self.low, digits),
            "ci_high": _round(self.high, digits),
            "margin": _round(self.margin, digits),
            "variance": _round(self.variance, 8),
            **{k: _round(v, digits) for k, v in self.details.items()},
        }


@dataclass(frozen=True)
class Change:
    """The difference ``b − a`` between two estimates and whether it beats the noise."""

    delta: float
    noise: float | None
    significant: bool | None  # None when a variance is unknown

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        return {
            "delta": _round(self.delta, digits),
            "noise": _round(self.noise, digits),
            "significant": self.significant,
        }


def _round(x: float | int | None, digits: int) -> float | int | None:
    if x is None or isinstance(x, int):
        return x
    return round(x, digits) + 0.0  # +0.0 turns -0.0 into 0.0


def nps(scores: Sequence[float]) -> Estimate:
    """NPS of 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6."""

    n = len(scores)
    if n == 0:
        raise ValueError("NPS of no answers")
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    passives = n - promoters - detractors
    p, d = promoters / n, detractors / n
    value = 100.0 * (p - d)
    var = 100.0**2 * max(0.0, p + d - (p - d) ** 2) / n
    half = Z95 * math.sqrt(var)
    return Estimate(
        value=value,
        n=n,
        low=value - half,
        high=value + half,
        variance=var,
        details={
            "promoters": promoters,
            "passives": passives,
            "detractors": detractors,
            "promoters_pct": 100.0 * p,
            "passives_pct": 100.0 * passives / n,
            "detractors_pct": 100.0 * d,
        },
    )


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion, as fractions in [0, 1]."""

    if n <= 0:
        raise ValueError("interval of no answers")
    p = successes / n
    z2 = z * z
    denom = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def csat(scores: Sequence[float], satisfied_from: float) -> Estimate:
    """Percent of answers at or above ``satisfied_from`` (the top two points by default)."""

    n = len(scores)
    if n == 0:
        raise ValueError("CSAT of no answers")
    satisfied = sum(1 for s in scores if s >= satisfied_from)
    share = satisfied / n
    low, high = wilson(satisfied, n)
    return Estimate(
        value=100.0 * share,
        n=n,
        low=100.0 * low,
        high=100.0 * high,
        variance=100.0**2 * share * (1 - share) / n,
        details={"satisfied": satisfied, "mean_score": sum(scores) / n},
    )


def ces(scores: Sequence[float]) -> Estimate:
    """Mean effort score with its standard error (unknown for a single answer)."""

    n = len(scores)
    if n == 0:
        raise ValueError("CES of no answers")
    mean = sum(scores) / n
    if n < 2:
        return Estimate(mean, n, None, None, None, {"sd": None, "se": None})
    sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / (n - 1))
    se = sd / math.sqrt(n)
    return Estimate(
        value=mean,
        n=n,
        low=mean - Z95 * se,
        high=mean + Z95 * se,
        variance=se * se,
        details={"sd": sd, "se": se},
    )


def compare_estimates(a: Estimate, b: Estimate) -> Change:
    """``b − a`` and whether |b − a| > 1.96 · sqrt(var_a + var_b)."""

    delta = b.value - a.value
    if a.variance is None or b.variance is None:
        return Change(delta, None, None)
    noise = Z95 * math.sqrt(a.variance + b.variance)
    return Change(delta, noise, abs(delta) > noise)
