"""The ``claims`` rule kind: what a message says about services and times, checked against the
facts it was made from.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``);
reading the claims is :mod:`crisisplay.tone.claims`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from crisisplay.tone.base import Observation, Options, Result, Rule, SetRule, SetRun
from crisisplay.tone.kinds.setup import Setup

if TYPE_CHECKING:
    from crisisplay.tone.truth import ServiceTruth, Truth

CLAIMS = ("services", "times")


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
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
        wanted = f"claims-{self.claim}"
        for seen in run.observed("claims", lambda: claim_findings(run.texts, run.truth, run.services)):
            if seen.aspect == wanted:
                yield self.stamp(seen)


def claim_findings(
    messages: Sequence[tuple[str, str, str]], truth: Truth | None, services: Sequence[ServiceTruth] = ()
) -> list[Observation]:
    """What the claims of a set of (channel, text, lang) messages show.

    With ``truth`` (the facts the set was made from): an observation for every claim the
    facts do not support, aspect ``claims-services`` or ``claims-times``. With only
    ``services`` known (hand-written texts linted with ``--playbook``): aspect ``services``
    where two channels state different statuses for one service.
    """
    from crisisplay.tone.claims import GROUP, Claim, check_claims, describe_contradiction, find_service_claims
    from crisisplay.wording import wording_for

    found: list[Observation] = []
    if truth is not None:
        for index, (channel, text, lang) in enumerate(messages):
            for contradiction in check_claims(text, truth):
                claim = contradiction.claim
                aspect = "claims-services" if claim.kind == "service" else "claims-times"
                found.append(Observation(
                    index, aspect, describe_contradiction(contradiction, truth, channel, lang), claim.start, claim.end,
                    suggestion=wording_for("lint", lang).text("claims.fix"),
                ))
        return found
    if not services:
        return found
    said: dict[str, list[tuple[int, Claim]]] = {}
    for index, (_channel, text, lang) in enumerate(messages):
        for claim in find_service_claims(text, lang, services):
            if claim.value != "affected":  # "not as usual" agrees with limited and unavailable alike
                said.setdefault(claim.subject, []).append((index, claim))
    for service_id, claims in said.items():
        groups = {GROUP.get(str(c.value)) for _i, c in claims}
        if len(groups) < 2:
            continue
        name = next((s.name for s in services if s.id == service_id), service_id)
        for index, claim in claims:
            words = wording_for("lint", messages[index][2])
            summary = "; ".join(words.text("said", channel=messages[i][0],
                                           value=words.term("claim_status", str(c.value))) for i, c in claims)
            found.append(Observation(index, "services", words.text("claims_differ", name=name, summary=summary),
                                     claim.start, claim.end))
    return found
