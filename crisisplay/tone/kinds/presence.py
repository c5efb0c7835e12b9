"""The ``presence`` rule kind: one of the five elements a crisis message needs must be in it.

The class docstring is the kind's documentation (docs/lint.md, ``crisisplay rules --doc``);
what counts as each element is :mod:`crisisplay.tone.elements`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from crisisplay.diagnostics.model import Severity
from crisisplay.tone.base import CheckContext, Finding, Options, Rule, fill
from crisisplay.tone.doc import Doc
from crisisplay.tone.elements import ELEMENTS, STAGE_ELEMENTS, detect
from crisisplay.tone.kinds.setup import Setup
from crisisplay.tone.lexicon import Lexicon


@dataclass(eq=False, repr=False)  # a rule is compared by identity (see Rule)
class PresenceRule(Rule):
    """presence: the message must state one of the five elements a crisis message needs.

    Option: ``element`` — ``what_happened`` (the event or its cause), ``service_status``
    (what works and what does not), ``contact`` (a phone number, a link, an e-mail address
    or a named channel), ``next_update`` (a committed time for the next message: a time, a
    relative time or a cadence; «будем держать в курсе» is a vague promise and is reported
    as one) or ``empathy`` (apology, regret, understanding, thanks). The detectors read real
    phrasings, times and phone numbers, not one keyword each.

    The rule applies only in the stages that need the element (first notice: all five;
    update: all but empathy; resolution: all but the next update; follow-up: contact and
    empathy), narrowed by the playbook's ``tone.required``; a short channel (SMS, push,
    banner) gets an info-level finding for empathy and service status, and a voice message
    needs no contact. Without ``message`` the finding uses crisisplay's own wording in the
    message's language, with an example; a ``message`` of yours may use ``{example}``.

    Example (the next update is an error for us, not a warning)::

        - id: acme.next-update
          kind: presence
          element: next_update
          category: missing-next-update
          severity: error
    """

    OPTIONS: ClassVar[Options] = {"element": ((str,), True)}
    OWN_WORDING: ClassVar[bool] = True
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"element": ELEMENTS}
    element: str = "what_happened"
    lexicon: Lexicon | None = None
    required: frozenset[str] | None = None

    @classmethod
    def build(cls, setup: Setup) -> list[Rule]:
        tone = setup.tone
        required = frozenset(tone.required) if tone is not None and tone.required else None
        return [cls(**setup.common(), element=setup.value("element"), lexicon=setup.lexicon, required=required)]

    def needed(self, ctx: CheckContext) -> bool:
        stage = ctx.stage or "first_notice"
        if self.element not in STAGE_ELEMENTS.get(stage, ()):
            return False
        if self.required is not None and self.element not in self.required:
            return False
        return not (self.element == "contact" and ctx.channel.lower() in ("voice", "ivr"))

    def check(self, doc: Doc, ctx: CheckContext) -> Iterator[Finding]:
        if self.lexicon is None or not self.needed(ctx) or not doc.tokens:
            return
        evidence = detect(self.element, doc, self.lexicon, ctx)
        if evidence.found:
            return
        from crisisplay.wording import wording_for

        words = wording_for("lint", doc.lang)  # the findings speak the message's language
        example = words.text(f"example.{self.element}")
        severity = self.severity
        if ctx.short and self.element in ("empathy", "service_status"):
            severity = Severity.INFO
        if evidence.vague:
            match = doc.text[evidence.start : evidence.end]
            message = words.text("missing.vague", match=match, example=example)
            start, end = evidence.start, evidence.end
        else:
            own = fill(self.message, example=example) if self.message else ""
            message = own or words.text(f"missing.{self.element}", example=example)
            start = end = 0
        if ctx.stage_inferred:
            message += words.text("stage_note", stage=words.term("stage", ctx.stage or "first_notice"))
        yield Finding(self.id, severity, self.category, message, start, end)
