"""What a survey metric is: NPS, CSAT or CES, its declared scale, and how its answers are checked.

:class:`Metric` says what to compute on which scale (NPS 0–10, CSAT 1–5 with "satisfied"
from 4, CES 0–5 …); :class:`ScaleCheck` notices answers that fit another scale better
(a 1–5 export read as 0–10), which would make every figure wrong without a single bad cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crisisplay.errors import CrisisplayError
from crisisplay.metrics import stats


@dataclass(frozen=True)
class Metric:
    """What to compute and on which declared scale."""

    kind: str  # nps | csat | ces
    low: int
    high: int
    integer: bool = False
    satisfied_from: float | None = None  # CSAT only

    @classmethod
    def nps(cls) -> Metric:
        return cls("nps", 0, 10, integer=True)

    @classmethod
    def csat(cls, scale: tuple[int, int] = (1, 5), satisfied_from: float | None = None) -> Metric:
        low, high = scale
        threshold = float(high - 1) if satisfied_from is None else satisfied_from
        if not low < threshold <= high:
            raise CrisisplayError(
                f"the satisfied threshold {threshold:g} must lie above {low} and at most {high} "
                f"(the {low}–{high} scale)"
            )
        return cls("csat", low, high, satisfied_from=threshold)

    @classmethod
    def ces(cls, scale: tuple[int, int] = (0, 5)) -> Metric:
        return cls("ces", scale[0], scale[1])

    @property
    def scale(self) -> str:
        return f"{self.low}–{self.high}"

    @property
    def unit(self) -> str:
        return "points" if self.kind == "ces" else "%"

    def estimate(self, scores: Sequence[float]) -> stats.Estimate:
        if self.kind == "nps":
            return stats.nps(scores)
        if self.kind == "csat":
            assert self.satisfied_from is not None
            return stats.csat(scores, self.satisfied_from)
        return stats.ces(scores)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"metric": self.kind, "scale": [self.low, self.high]}
        if self.kind == "csat":
            data["satisfied_from"] = self.satisfied_from
        data["unit"] = "percentage points" if self.kind == "nps" else self.unit
        return data


#: Scales surveys commonly use; a wrong ``--scale`` usually means one of these was meant.
COMMON_SCALES = ((1, 5), (0, 5), (1, 7), (0, 10), (1, 10))


@dataclass(frozen=True)
class ScaleCheck:
    """Answers that are numbers but outside the declared scale, and the scale they suggest.

    ``suggested`` is the common scale that holds most of the answers outside the declared
    one and nearly all answers (the narrowest of those): a 1–7 survey read as 0–5 loses
    every 6 and 7, which is a wrong ``--scale``, not bad data.
    """

    outside: int
    numeric: int
    suggested: tuple[int, int] | None = None
    fit: int = 0

    @classmethod
    def of(cls, metric: Metric, values: Sequence[float]) -> ScaleCheck | None:
        outside = [v for v in values if not metric.low <= v <= metric.high]
        if not outside:
            return None
        best: tuple[int, int, tuple[int, int], int] | None = None
        if metric.kind != "nps":  # NPS is always 0–10: no other scale to suggest
            for low, high in COMMON_SCALES:
                if (low, high) == (metric.low, metric.high):
                    continue
                fit = sum(low <= v <= high for v in outside)
                total = sum(low <= v <= high for v in values)
                if 2 * fit > len(outside) and total >= 0.9 * len(values):
                    key = (total, -(high - low), (low, high), fit)
                    if best is None or key[:2] > best[:2]:
                        best = key
        if best is None:
            return cls(len(outside), len(values))
        return cls(len(outside), len(values), best[2], best[3])

    def to_dict(self) -> dict[str, Any]:
        return {"outside": self.outside, "numeric": self.numeric,
                "suggested": list(self.suggested) if self.suggested else None, "fit": self.fit}
