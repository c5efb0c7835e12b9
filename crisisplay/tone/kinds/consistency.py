"""The ``consistency`` rule kind: one of several alternatives in a text, never a mix.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.phrases import PhraseSet


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class ConsistencyRule(Rule):
    """consistency: a text uses one of several alternatives, never a mix.

    Options: ``groups`` (mapping: name → phrases, or a lexicon list), ``prefer`` (a group
    name: every other group is reported even when used alone) and ``labels`` (group name →
    how ``{group}`` and ``{other}`` show it, one text or one per language). Without
    ``prefer``, when several groups occur the less frequent ones are reported. The message
    may use ``{match}``, ``{group}`` and ``{other}``. The built-in CP303 uses it for ты/вы:
    «ты», «твой» and verbs in the 2nd person singular against «вы», «ваш» and the 2nd person
    plural, with ``prefer`` taken from the playbook's ``formal_address``.
    """

    OPTIONS: ClassVar[Options] = {
        "groups": ((dict,), True), "prefer": ((str,), False), "gap": ((int,), False), "labels": ((dict,), False),
    }
    groups: dict[str, PhraseSet] = field(default_factory=dict)
    prefer: str | None = None
    labels: dict[str, str] = field(default_factory=dict)  # how ``{group}`` and ``{other}`` are shown

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        return [cls(**setup.common(), groups=setup.groups(), prefer=setup.value("prefer"), labels=setup.labels())]

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        hits = {name: phrases.find(doc) for name, phrases in self.groups.items()}
        used = {name: found for name, found in hits.items() if found}
        if self.prefer in self.groups:
            keep = self.prefer
        elif len(used) > 1:
            keep = max(used, key=lambda name: len(used[name]))
        else:
            return
        for name, found in used.items():
            if name == keep:
                continue
            for match in found:
                start, end = match.offsets(doc)
                if self.excepted(doc, start, end):
                    continue
                yield self.finding(start, end, fill(
                    self.message, match=doc.text[start:end], group=self.labels.get(name, name),
                    other=self.labels.get(keep, keep),
                ))
