"""The ``required`` rule kind: a phrase the message must contain.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.tone.base import CheckContext, Finding, Options, Rule
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.patterns import UserPattern
from crisisplay.tone.phrases import PhraseSet


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class RequiredRule(Rule):
    """required: the message must contain one of these phrases or patterns.

    Options: ``tokens`` and/or ``patterns``. Use ``stages`` to require it only in some stages
    (a compensation offer in ``resolution``). One finding at the start of the message.
    For the five built-in elements (what happened, service status, contact, next update,
    empathy) use the playbook's ``tone.required`` instead: those detectors understand times,
    phone numbers and real phrasings.
    """

    OPTIONS: ClassVar[Options] = {"tokens": ((list,), False), "patterns": ((list,), False)}
    tokens: PhraseSet | None = None
    patterns: tuple[UserPattern, ...] = ()

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), tokens=setup.phrases("tokens"), patterns=setup.patterns())]

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.tokens and self.tokens.search(doc):
            return
        if any(p.found_in(doc.text) for p in self.patterns):
            return
        yield self.finding(0, 0, self.message)
