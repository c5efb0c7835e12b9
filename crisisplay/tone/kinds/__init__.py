"""The rule kinds a rule pack can use, one module each; a kind's class docstring documents it.

Every rule, whatever its kind, has ``id``, ``kind``, ``category`` (one of the fixed lint
categories), ``severity`` (info, warning, error), ``message`` and optionally ``exceptions``
(phrases: a match that overlaps one is not reported), ``stages`` (stage kinds the rule
applies to), ``channels``, and the card keys (``name``, ``summary``, ``rationale``, ``fail``,
``pass``: :mod:`crisisplay.rulebook.cards`). Word lists use the phrase syntax of
:mod:`crisisplay.tone.phrases`: lemma matching, ``*`` wildcards, ``a|b`` alternatives. An
option may take its value from the playbook's tone or the lexicon
(:mod:`crisisplay.tone.bindings`).

Kinds that check one message at a time: existence, substitution, occurrence,
capitalization, consistency, required, cooccurrence, presence. Kinds that check the set of
messages sent together (:class:`~crisisplay.tone.base.SetRule`): cross-channel, claims.
"""

from __future__ import annotations

from crisisplay.tone.base import Options, Rule
from crisisplay.tone.kinds.capitalization import SHOUT_WORDS, CapitalizationRule
from crisisplay.tone.kinds.claims import ClaimsRule
from crisisplay.tone.kinds.consistency import ConsistencyRule
from crisisplay.tone.kinds.cooccurrence import CooccurrenceRule
from crisisplay.tone.kinds.cross_channel import CrossChannelRule
from crisisplay.tone.kinds.existence import ExistenceRule
from crisisplay.tone.kinds.occurrence import OccurrenceRule
from crisisplay.tone.kinds.presence import PresenceRule
from crisisplay.tone.kinds.required import RequiredRule
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.kinds.substitution import SubstitutionRule
from crisisplay.tone.patterns import compile_patterns

KINDS: dict[str, type[Rule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "occurrence": OccurrenceRule,
    "capitalization": CapitalizationRule,
    "consistency": ConsistencyRule,
    "required": RequiredRule,
    "cooccurrence": CooccurrenceRule,
    "presence": PresenceRule,
    "cross-channel": CrossChannelRule,
    "claims": ClaimsRule,
}


def kind_options(kind: str) -> Options:
    return KINDS[kind].OPTIONS


__all__ = [
    "KINDS", "SHOUT_WORDS", "CapitalizationRule", "ClaimsRule", "ConsistencyRule", "CooccurrenceRule",
    "CrossChannelRule", "ExistenceRule", "OccurrenceRule", "Options", "PresenceRule", "RequiredRule", "Setup",
    "SubstitutionRule", "compile_patterns", "kind_options",
]
