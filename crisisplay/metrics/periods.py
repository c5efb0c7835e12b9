"""Which period an answer belongs to: a calendar month or ISO week, or a crisis phase.

Crisis phases come from two moments, T0 (the crisis started: a checklist run's T0) and the
resolution time:

* ``before``: answered before T0;
* ``during``: at or after T0 and before the resolution (every answer after T0 while the
  crisis is still open, when no resolution time is given);
* ``after``: at or after the resolution.

An answer dated without a time counts from 00:00 of that day. When one side of a
comparison carries a UTC offset and the other does not, the naive one is read in the
offset of the other (a naive T0 takes the offset of the answer, a naive answer the offset
of T0), so a Moscow export compares correctly with ``--t0 2024-03-01T10:00+03:00``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from crisisplay.errors import CrisisplayError

PHASES = ("before", "during", "after")
ALL = "all"


@dataclass(frozen=True, order=True)
class Period:
    """A sortable period key and the label shown to people (``2024-03``, ``2024-W09``…)."""

    key: tuple[int, int]
    label: str


ALL_PERIOD = Period((0, 0), ALL)


@dataclass(frozen=True)
class Periodizer:
    """Turns an answer's time into its :class:`Period`.

    ``mode`` is ``month``, ``week``, ``phase`` or ``all`` (a single period, used when the
    export has no date column).
    """

    mode: str = "month"
    t0: datetime | None = None
    resolved: datetime | None = None

    def __post_init__(self) -> None:
        if self.mode not in ("month", "week", "phase", ALL):
            raise CrisisplayError(f"unknown period {self.mode!r}")
        if self.mode == "phase":
            if self.t0 is None:
                raise CrisisplayError("crisis phases need T0 (--t0)")
            if self.resolved is not None and not is_before(self.t0, self.resolved):
                raise CrisisplayError(
                    f"the resolution time {self.resolved.isoformat()} is not after "
                    f"T0 {self.t0.isoformat()}"
                )

    @property
    def needs_dates(self) -> bool:
        return self.mode != ALL

    def period_of(self, when: datetime | None) -> Period:
        if self.mode == ALL or when is None:
            return ALL_PERIOD
        if self.mode == "month":
            return Period((when.year, when.month), f"{when.year:04d}-{when.month:02d}")
        if self.mode == "week":
            year, week, _ = when.isocalendar()
            return Period((year, week), f"{year:04d}-W{week:02d}")
        assert self.t0 is not None
        if is_before(when, self.t0):
            index = 0
        elif self.resolved is None or is_before(when, self.resolved):
            index = 1
        else:
            index = 2
        return Period((index, 0), PHASES[index])

    def comparisons(self, periods: list[Period]) -> list[tuple[Period, Period]]:
        """Pairs of periods to compare: each with the next, plus before → after for phases."""

        ordered = sorted(periods)
        pairs = list(itertools.pairwise(ordered))
        labels = [p.label for p in ordered]
        if self.mode == "phase" and labels == list(PHASES):
            pairs.append((ordered[0], ordered[2]))
        return pairs


def is_before(a: datetime, b: datetime) -> bool:
    """``a < b``, reading a naive time in the other's UTC offset."""

    if (a.tzinfo is None) != (b.tzinfo is None):
        if a.tzinfo is None:
            a = a.replace(tzinfo=b.tzinfo)
        else:
            b = b.replace(tzinfo=a.tzinfo)
    return a < b
