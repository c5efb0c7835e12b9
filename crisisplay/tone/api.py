"""The lint API: messages in, diagnostics out (docs/CONTRACTS.md, "Lint API").

>>> from crisisplay.tone.api import MessageText, lint_messages
>>> found = lint_messages([MessageText("sms", "ПАНИКА!!! Всё пропало", "sms.txt")],
...                       locale="ru", stage_kind="first_notice")
>>> sorted({d.category for d in found})[:3]
['alarm', 'missing-contact', 'missing-empathy']

``lint_messages`` runs the per-message checks and, when two or more messages are given,
the cross-channel consistency checks over the set. ``check_messages`` returns the same
findings with their offsets and safe replacements, for ``--fix``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.tone.base import Finding, Result, SetRule, SetRun
from crisisplay.tone.consistency import Analysed, Locator
from crisisplay.tone.doc import Doc
from crisisplay.tone.engine import RuleSet, address_style, build_ruleset, check_doc, context_for, lint_language
from crisisplay.tone.markup import suppress
from crisisplay.tone.packs import Pack
from crisisplay.tone.statements import extract_facts
from crisisplay.tone.text import PositionMap, detect_language
from crisisplay.tone.truth import ServiceTruth, Truth

if TYPE_CHECKING:
    from crisisplay.playbook.model import Playbook

MAX_SPAN = 160


class MessageText(NamedTuple):
    """One message to lint.

    ``channel`` names it (sms, email, …); ``file``/``line`` say where its text starts.
    Optional: ``column`` of the first character, ``stage`` (a stage kind) and ``locale`` for
    this message alone, ``positions`` when the text is not a verbatim slice of the file
    (an escaped JSON string) so that offsets still map to the file's lines and columns, and
    ``sent_at``, when the message goes out: relative times («через 2 часа», "in 30 minutes")
    are then compared with clock times in other channels.
    """

    channel: str
    text: str
    file: str
    line: int = 1
    column: int = 1
    stage: str | None = None
    locale: str | None = None
    positions: PositionMap | None = None
    sent_at: datetime | None = None


@dataclass
class MessageReport:
    """The outcome for one message: its language, stage and findings."""

    message: MessageText
    lang: str
    stage: str | None
    stage_inferred: bool
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _positions(message: MessageText) -> PositionMap:
    if message.positions is not None:
        return message.positions
    return PositionMap(message.text, line=message.line, column=message.column)


def locator(message: MessageText) -> Locator:
    """Offsets in ``message.text`` → a :class:`Location` in its file."""
    positions = _positions(message)

    def locate(start: int, end: int) -> Location:
        line, column = positions(start)
        end_line, end_column = positions(end) if end > start else (line, column)
        return Location(message.file, line, column, end_line, end_column)

    return locate


def to_diagnostic(message: MessageText, finding: Finding, locate: Locator | None = None) -> Diagnostic:
    """``locate``: the message's :func:`locator`, when the caller has one (it reads the whole text)."""
    location = (locate or locator(message))(finding.start, finding.end)
    span = message.text[finding.start : finding.end]
    if len(span) > MAX_SPAN:
        span = span[: MAX_SPAN - 1] + "…"
    return Diagnostic(
        rule=finding.rule,
        severity=finding.severity,
        category=finding.category,
        message=finding.message,
        location=location,
        span=span,
        fix=finding.suggestion,
        related=finding.related,
        source="lint",
    )


def check_messages(
    messages: Sequence[MessageText],
    *,
    locale: str | None,
    stage_kind: str | None,
    playbook: Playbook | None = None,
    packs: Sequence[Pack] = (),
    disable: Sequence[str] = (),
    consistency: bool = True,
    truth: Truth | None = None,
) -> list[MessageReport]:
    """Per-message checks, then consistency across the set; findings with offsets.

    ``truth`` is the state the set was rendered from (a render, a ``bundle.json``): every
    message's claims about services and times are then checked against it (CP327, CP328).
    """
    with _cycle_collector_paused():
        return _check_messages(messages, locale=locale, stage_kind=stage_kind, playbook=playbook, packs=packs,
                               disable=disable, consistency=consistency, truth=truth)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one set of messages is checked.

    Checking allocates tens of thousands of small objects per message (tokens, matches,
    facts), freed by reference counting when the set is done; meanwhile the collector would
    walk every live object again and again (7–12 % of lint's time, measured). The collector
    runs as usual once the set is checked. Nothing is lost meanwhile: checking makes no
    reference cycles, so all of its garbage is freed at once without the collector (a test
    keeps it so). Mercurial's ``util.nogc`` does the same while it builds large structures.
    A caller that had disabled the collector keeps it disabled.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_messages(
    messages: Sequence[MessageText],
    *,
    locale: str | None,
    stage_kind: str | None,
    playbook: Playbook | None,
    packs: Sequence[Pack],
    disable: Sequence[str],
    consistency: bool,
    truth: Truth | None,
) -> list[MessageReport]:
    default_lang = lint_language(locale) or (lint_language(playbook.locale) if playbook else None)
    rulesets: dict[str, RuleSet] = {}
    reports: list[MessageReport] = []
    analysed: list[Analysed] = []
    locators: list[Locator] = []
    for index, message in enumerate(messages):
        lang = lint_language(message.locale) or default_lang or detect_language(message.text)
        if lang not in rulesets:
            rulesets[lang] = build_ruleset(lang, playbook=playbook, packs=packs, disable=disable)
        ruleset = rulesets[lang]
        doc = Doc(suppress(message.text), lang)
        ctx = context_for(doc, ruleset, message.channel, message.stage or stage_kind)
        findings = check_doc(doc, ruleset, ctx)
        reports.append(MessageReport(message, lang, ctx.stage, ctx.stage_inferred, findings))
        locators.append(locator(message))
        if consistency and len(messages) > 1:
            style, capital = address_style(doc, ruleset.lexicon)
            facts = extract_facts(doc, ruleset.lexicon, sent_at=message.sent_at)
            analysed.append(Analysed(
                index, message.channel, doc, facts, locators[index], ctx.short, findings, style, capital
            ))
    services = _service_truths(playbook) if truth is None and consistency and len(messages) > 1 else ()
    run = SetRun(analysed, [(r.message.channel, r.message.text, r.lang) for r in reports], truth, services)
    set_rules = _set_rules(rulesets.values())
    for index, finding in _by_message(rule.compare(run) for rule in set_rules):
        reports[index].findings.append(finding)
    for index, finding in _by_message(rule.claims(run) for rule in set_rules):
        same = any(f.rule == finding.rule and f.start < max(finding.end, finding.start + 1)
                   and finding.start < max(f.end, f.start + 1) for f in reports[index].findings)
        if not same:
            reports[index].findings.append(finding)
    for report, locate in zip(reports, locators, strict=True):
        report.diagnostics = [to_diagnostic(report.message, f, locate) for f in report.findings]
    return reports


def _set_rules(rulesets: Iterable[RuleSet]) -> list[SetRule]:
    """The set rules of every language of the run, each id once (messages of two languages are
    still one set)."""
    found: dict[str, SetRule] = {}
    for ruleset in rulesets:
        for rule in ruleset.set_rules:
            found.setdefault(rule.id, rule)
    return list(found.values())


def _by_message(results: Iterable[Iterator[Result]]) -> list[Result]:
    """Every rule's results, grouped by message (each rule's own order kept)."""
    return sorted((result for per_rule in results for result in per_rule), key=lambda result: result[0])


def _service_truths(playbook: Playbook | None) -> tuple[ServiceTruth, ...]:
    """The playbook's services as names to look for (their statuses are not known here)."""
    if playbook is None:
        return ()
    return tuple(ServiceTruth(s.id, s.name, s.status or "available", tuple(s.phrases.items()))
                 for s in playbook.services)


def lint_messages(
    messages: Sequence[MessageText],
    *,
    locale: str | None,
    stage_kind: str | None,
    playbook: Playbook | None = None,
    packs: Sequence[Pack] = (),
    disable: Sequence[str] = (),
    consistency: bool = True,
    truth: Truth | None = None,
) -> list[Diagnostic]:
    """Lint ``messages`` (one set meant to go out together) and return every finding.

    ``locale`` (``ru``/``en``, or None to use the playbook's locale or detect it per message)
    chooses the rule pack; ``stage_kind`` (first_notice, update, resolution, follow_up, …)
    decides which required elements apply, unless a message carries its own ``stage``; when
    neither is known the stage is inferred and the findings say so.
    """
    reports = check_messages(
        messages, locale=locale, stage_kind=stage_kind, playbook=playbook,
        packs=packs, disable=disable, consistency=consistency, truth=truth,
    )
    found = [d for report in reports for d in report.diagnostics]
    return sorted(found, key=lambda d: d.sort_key())
