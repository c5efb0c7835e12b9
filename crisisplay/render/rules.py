"""Render findings (CP2xx): facts, templates, channel limits, encoding, consistency.

Each rule has a stable id so that CI, SARIF and ``--fail-on`` can rely on it; the
``doc`` says *why* the rule exists, which ``crisisplay rules --doc CP2xx`` prints.
"""

from __future__ import annotations

from crisisplay.diagnostics.model import RuleInfo, Severity
from crisisplay.playbook.fact_input import (
    RULE_FACT_INVALID,
    RULE_FACT_MISSING,
    RULE_FACT_UNKNOWN,
    RULE_SERVICE_OVERRIDE,
)

FACT_INVALID = RULE_FACT_INVALID
FACT_MISSING = RULE_FACT_MISSING
FACT_UNKNOWN = RULE_FACT_UNKNOWN
SERVICE_OVERRIDE = RULE_SERVICE_OVERRIDE
TEMPLATE_ERROR = "CP210"
TEMPLATE_UNSAFE = "CP211"
UNDEFINED_NAME = "CP212"
CHANNEL_UNKNOWN = "CP213"
PART_MISSING = "CP214"
LOCALE_FALLBACK = "CP215"
TEMPLATE_BUDGET = "CP219"
LIMIT_EXCEEDED = "CP220"
LIMIT_ADVISED = "CP221"
ENCODING_SWITCH = "CP222"
MIXED_SCRIPT = "CP223"
MARKUP_INVALID = "CP224"
FACT_NOT_IN_TEMPLATE = "CP230"
FACT_NOT_IN_OUTPUT = "CP231"
STAGE_FACT_MISSING = "CP250"
FACT_WITHOUT_VALUE = "CP251"
EXAMPLE_FACT = "CP252"
NEXT_UPDATE_PAST = "CP253"
END_BEFORE_START = "CP254"
NEXT_UPDATE_BEYOND_CADENCE = "CP255"

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO


def _info(rule_id: str, name: str, severity: Severity, category: str, summary: str, doc: str) -> RuleInfo:
    return RuleInfo(rule_id, name, severity, category, summary, f"{summary}\n\n{doc}", tool="render")


RULES: tuple[RuleInfo, ...] = (
    _info(FACT_INVALID, "fact-invalid", _E, "schema", "A fact value does not fit its declared type or enum.",
          "Facts are checked before anything renders, so a wrong date or phone never reaches "
          "customers. Every bad value is reported at once, at its line in the facts file."),
    _info(FACT_MISSING, "fact-missing", _E, "schema", "A required fact has no value and no default.",
          "A message without the incident, the contact or the next-update time leaves customers "
          "guessing; the playbook marks such facts 'required'."),
    _info(FACT_UNKNOWN, "fact-unknown", _E, "schema", "The facts file names a fact the playbook does not declare.",
          "Usually a typo ('next_update' for 'next_update_at'): the value would be silently "
          "dropped while the message shows the example or fails."),
    _info(SERVICE_OVERRIDE, "service-override-invalid", _E, "services",
          "A 'services:' override names an unknown service or status.",
          "Service statuses drive the 'what works now' part of every message; an unknown id or "
          "status would leave a service out."),
    _info(TEMPLATE_ERROR, "template-error", _E, "template", "A template does not compile or fails while rendering.",
          "Reported at the YAML line of the template line that failed (or the partial's file "
          "line), so the playbook author can fix it without reading a traceback."),
    _info(TEMPLATE_UNSAFE, "template-unsafe", _E, "template",
          "A template tried something the sandbox forbids (private attributes, code execution).",
          "Templates are data: a playbook written by someone else must never run code on the "
          "machine that renders it. Jinja2's SandboxedEnvironment refuses such access."),
    _info(UNDEFINED_NAME, "undefined-name", _E, "reference",
          "A template uses a fact or variable that has no value.",
          "StrictUndefined: a missing fact is an error naming the fact and the line, never an "
          "empty string in a customer message."),
    _info(CHANNEL_UNKNOWN, "channel-unknown", _W, "reference",
          "A template targets a channel crisisplay has no limits for.",
          "The message is rendered as plain text, but no length, encoding or markup checks apply."),
    _info(PART_MISSING, "channel-part-missing", _E, "template",
          "A channel needs a part the template does not give (an e-mail subject, a push title).",
          "Each channel has its required parts; without them the native output cannot be built."),
    _info(LOCALE_FALLBACK, "locale-fallback", _I, "locale",
          "--locale differs from the playbook's language and no sibling playbook exists.",
          "Dates, numbers and plurals follow the requested locale, the wording stays as written."),
    _info(TEMPLATE_BUDGET, "template-budget-exceeded", _E, "template",
          "A template went over a sandbox budget: steps, output size, a width, a value's size, CPU.",
          "Loop iterations and calls (100,000), output per part (1,000,000 characters), widths "
          "and precisions (1,000), texts and lists a template builds, integer size, CPU (0.5 s) "
          "and the template's own size, tags and nesting are bounded, so that no template runs "
          "for minutes or takes gigabytes ('x'|center(10**9), three nested range(1000) loops). "
          "See 'Sandbox budgets' in docs/templates.md."),
    _info(LIMIT_EXCEEDED, "channel-limit-exceeded", _E, "channel-limit",
          "A message exceeds a channel's hard limit or a limit the playbook sets.",
          "The platform would reject or cut the message (an X post over 280 weighted characters, "
          "a Telegram text over 4096), or the playbook asked for less (max_segments)."),
    _info(LIMIT_ADVISED, "channel-length-advised", _W, "channel-limit",
          "A message exceeds what a channel shows without cutting (push title, e-mail subject).",
          "Not rejected by the platform, but customers see a truncated text; a splittable channel "
          "(SMS) is sent as more parts and costs more."),
    _info(ENCODING_SWITCH, "sms-encoding-switch", _W, "encoding",
          "A few characters force an SMS into UCS-2 and multiply its cost.",
          "One curly quote, dash or emoji in a Latin SMS switches GSM-7 (160/153 characters per "
          "part) to UCS-2 (70/67): the finding names each character and its position."),
    _info(MIXED_SCRIPT, "mixed-script-word", _W, "encoding",
          "A word mixes Latin and Cyrillic look-alike letters.",
          "'Cбой' with a Latin C looks right but breaks search, spell-checking and spam filters, "
          "and in a Latin SMS forces UCS-2."),
    _info(MARKUP_INVALID, "markup-invalid", _E, "template",
          "Rendered markup is not valid for the channel (Telegram HTML tags, SSML).",
          "The platform would refuse the message ('can't parse entities') in the first hour of "
          "a crisis; escaping is automatic for facts, this catches hand-written markup."),
    _info(FACT_NOT_IN_TEMPLATE, "mandatory-fact-not-in-template", _W, "coverage",
          "A channel template never mentions a mandatory fact (checked on the template AST).",
          "One voice in every channel: the next-update time, the contact and the status must be "
          "stated everywhere. Includes and the playbook's partials are followed. --strict makes "
          "this an error."),
    _info(FACT_NOT_IN_OUTPUT, "mandatory-fact-not-in-output", _W, "inconsistency",
          "A mandatory fact's value does not appear in a channel's rendered text.",
          "The template mentions the fact, but a condition or a filter dropped it: the phone in "
          "any of its formats, the time as the filters render it must be in every message. "
          "--strict makes this an error."),
    _info(STAGE_FACT_MISSING, "stage-fact-missing", _E, "schema",
          "A stage needs a fact (its mandatory_facts) that has no value.",
          "An optional fact can be essential to one stage: a resolution needs the time service came "
          "back, an update needs what changed. Listing it in the stage's mandatory_facts makes render "
          "ask for it by name and meaning instead of printing a message without it."),
    _info(FACT_WITHOUT_VALUE, "fact-without-value", _E, "template",
          "A template prints an optional fact that has no value in this render.",
          "The same analysis as validate's CP160, for the facts this render lacks: the channel is not "
          "sendable, and the finding names the fact and the template line. Guard the sentence with "
          "{% if fact %}…{% endif %} so the message reads well with or without it."),
    _info(EXAMPLE_FACT, "example-fact", _W, "example",
          "A fact's value is the playbook's example, not a fact the user gave.",
          "Examples make a playbook render out of the box, but they are fiction: an invented cause "
          "or a promise nobody made must never reach customers. Every message made with them is "
          "marked as an example, and --out, --recipients and preview refuse them without --example."),
    _info(NEXT_UPDATE_PAST, "next-update-in-past", _E, "time",
          "The next update time is already past at render time.",
          "Announcing a next message for a time that has gone tells customers nothing will come. "
          "Facts whose name starts with next_update (or that declare not_before: [now]) are checked "
          "against the render time (--at or now)."),
    _info(END_BEFORE_START, "end-before-start", _E, "time",
          "A date or time is earlier than a fact it may not precede (resolved before it started).",
          "Declared with not_before: [started_at] on the fact; the message would state an impossible "
          "timeline (a negative duration, a resolution before the incident)."),
    _info(NEXT_UPDATE_BEYOND_CADENCE, "next-update-beyond-cadence", _W, "time",
          "The next update is promised later than the stage's cadence (or the policy's longest silence).",
          "Long pauses between updates create anxiety; the playbook says how often customers must hear "
          "from us (stage 'every', policy.max_update_gap). Promise an earlier update, even with no news."),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
