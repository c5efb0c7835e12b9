"""The ``cross-channel`` rule kind: messages sent together must agree on one aspect.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``);
the comparisons themselves are :mod:`crisisplay.tone.consistency`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone.base import Options, Result, Rule, SetRule, SetRun
from crisisplay.tone.consistency import ASPECTS, compare
from crisisplay.tone.kinds.setup import Setup


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class CrossChannelRule(SetRule):
    """cross-channel: messages meant to go out together must agree; one aspect per rule.

    Option: ``compare`` — ``times`` (times and dates on the same topic: «офис откроется в
    15:00» in one channel, «в 16:00» in another), ``services`` (a service works in one
    channel and not in another; a milder case, one severity lower, when one of them only
    says "limited"), ``numbers`` (durations, relative times, cadences, amounts,
    percentages), ``contacts`` (different phone numbers; links or e-mail addresses that
    differ by a typo), ``omissions`` (a channel leaves out a key fact another states: the
    next update, the restore time, a service that is down; milder for short channels and
    secondary facts), ``tone`` (one channel much more alarmed than the others) or
    ``address`` (ты/вы or «Вы»/«вы» differ between channels).

    The value most channels state wins: each deviating statement is reported where it
    stands, with the places that say otherwise as related locations. The findings use
    crisisplay's own wording in each message's language. With ``--playbook`` and no facts,
    ``services`` also reads the statuses written next to the playbook's service names.

    Example (a different hotline in two channels is an error for us)::

        - id: acme.one-hotline
          kind: cross-channel
          compare: contacts
          category: inconsistency
          severity: error
    """

    OPTIONS: ClassVar[Options] = {"compare": ((str,), True)}
    OWN_WORDING: ClassVar[bool] = True
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"compare": ASPECTS}
    aspect: str = "times"

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), aspect=setup.value("compare"))]

    def compare(self, run: SetRun) -> Iterator[Result]:
        for seen in run.observed("compare", lambda: compare(run.analysed)):
            if seen.aspect == self.aspect:
                yield self.stamp(seen)

    def claims(self, run: SetRun) -> Iterator[Result]:
        if self.aspect != "services" or run.truth is not None:
            return
        from crisisplay.tone.kinds.claims import claim_findings

        for seen in run.observed("claims", lambda: claim_findings(run.texts, run.truth, run.services)):
            if seen.aspect == "services":
                yield self.stamp(seen)
