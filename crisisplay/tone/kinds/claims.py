"""The ``claims`` rule kind: what a message says about services and times, checked against the
facts it was made from.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``);
reading the claims is :mod:`crisisplay.tone.claims`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone.base import Options, Result, Rule, SetRule, SetRun
from crisisplay.tone.kinds.setup import Setup

CLAIMS = ("services", "times")


@dataclass
class ClaimsRule(SetRule):
    """claims: a message may state nothing the facts it was made from do not say.

    Option: ``claim`` — ``services`` (a status list, a sentence that starts with a service's
    name, «Снова работают: …», «Все наши услуги работают как обычно» — each status must be
    the one the facts give) or ``times`` (every clock time, day and duration must be one the
    facts give: the next update, the start, the resolution, the time between two of them).
    Text inside a fact's own value is the user's and is not checked.

    Applies when the facts are known: ``render --lint``, the preview and the crisis room,
    and ``lint`` of a render's ``bundle.json``. The findings use crisisplay's own wording.
    """

    OPTIONS: ClassVar[Options] = {"claim": ((str,), True)}
    OWN_WORDING: ClassVar[bool] = True
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"claim": CLAIMS}
    claim: str = "services"

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), claim=setup.value("claim"))]

    def claims(self, run: SetRun) -> Iterator[Result]:
        if run.truth is None:
            return
        from crisisplay.tone.claims import claim_findings

        wanted = f"claims-{self.claim}"
        for seen in run.observed("claims", lambda: claim_findings(run.texts, run.truth, run.services)):
            if seen.aspect == wanted:
                yield self.stamp(seen)
