"""What every channel shares: its parts, its limits, its native output, its findings.

A channel turns the rendered parts of a message (``body``, ``subject``, ``title`` …)
into its native form (an ``.eml``, SSML, a Telegram payload …), measures it with the
figure that matters on that channel (SMS segments, X's weighted length, seconds of
speech …) and checks it against limits. Limits come in three kinds:

* ``hard``: the platform rejects or cuts the message (an error);
* ``advised``: the platform shows a truncated text or charges more (a warning);
* ``playbook``: the playbook set a stricter limit in ``channels.<name>`` (an error).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.playbook.model import ChannelConfig, Playbook, Stage
from crisisplay.render import rules
from crisisplay.render.filters import Filters


@dataclass(frozen=True)
class LimitRule:
    """One limit: which figure, how much, what kind, where the number comes from."""

    figure: str
    value: int | None
    kind: str  # hard | advised
    config_key: str | None
    label: str
    source: str
    part: str | None = None


@dataclass
class BuildInput:
    """Everything a channel needs to build its native output."""

    parts: dict[str, str]
    playbook: Playbook
    stage: Stage
    config: ChannelConfig | None
    locale: str
    at: datetime
    filters: Filters
    locations: dict[str, Location] = field(default_factory=dict)
    location: Location | None = None

    def option(self, key: str, default: Any = None) -> Any:
        return self.config.options.get(key, default) if self.config is not None else default

    def where(self, part: str | None = None) -> Location | None:
        if part and part in self.locations:
            return self.locations[part]
        return self.location


@dataclass
class ChannelOutput:
    text: str
    native: Any  # str, bytes, or a picklable zero-argument builder of either
    file: str
    figures: dict[str, Any]
    limits: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class JsonNative:
    """A JSON payload written out only when asked for (pretty-printing is slow in Python)."""

    data: Any

    def __call__(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"


def finding(rule: str, message: str, location: Location | None, *, severity: Severity | None = None,
            category: str | None = None, span: str = "", fix: str = "") -> Diagnostic:
    info = rules.RULES_BY_ID[rule]
    return Diagnostic(rule, severity or info.severity, category or info.category, message, location,
                      span=span, fix=fix, source="render")


class Channel:
    """Base channel: plain text in ``body``; subclasses add parts, limits and output."""

    name = "generic"
    title = "Generic text"
    parts: tuple[str, ...] = ("body",)
    required: tuple[str, ...] = ("body",)
    aliases: Mapping[str, str] = {}
    short = False
    markup = "text"
    spoken = False
    extension = "txt"
    limit_rules: tuple[LimitRule, ...] = ()

    def html_parts(self, config: ChannelConfig | None) -> frozenset[str]:
        """Parts written as HTML: rendered with autoescaping so that facts cannot inject markup."""
        return frozenset()

    def file_name(self) -> str:
        return f"{self.name}.{self.extension}"

    def build(self, data: BuildInput) -> ChannelOutput:
        text = data.parts.get("body", "")
        figures = {"characters": len(text)}
        return self.finish(data, ChannelOutput(text, text + "\n", self.file_name(), figures))

    # -- shared helpers ------------------------------------------------------------------
    def finish(self, data: BuildInput, output: ChannelOutput) -> ChannelOutput:
        """Apply the limit rules to the figures.

        Text checks that do not depend on the channel (mixed-script words) run on the facts
        and the templates instead (see the renderer): once per value, not once per message.
        """
        limits, found = apply_limits(self, data, output.figures)
        output.limits.update(limits)
        output.diagnostics.extend(found)
        return output


@dataclass(frozen=True)
class LimitCheck:
    """One comparison to make: figure against limit, and how to report it."""

    rule: LimitRule
    limit: int
    kind: str  # hard | advised | playbook
    key: str


_CHECKS: dict[tuple[str, tuple[tuple[str, int], ...]], tuple[LimitCheck, ...]] = {}


def limit_checks(channel: Channel, configured: dict[str, int]) -> tuple[LimitCheck, ...]:
    """The checks for a channel and a playbook's limits (computed once per combination)."""
    cache_key = (channel.name, tuple(sorted(configured.items())))
    checks = _CHECKS.get(cache_key)
    if checks is not None:
        return checks
    found: list[LimitCheck] = []
    for rule in channel.limit_rules:
        own = configured.get(rule.config_key) if rule.config_key else None
        key = rule.config_key or f"max_{rule.figure}"
        if rule.value is not None and (rule.kind == "hard" or own is None):
            found.append(LimitCheck(rule, rule.value, rule.kind, key))
        if own is not None and (rule.value is None or rule.kind == "advised" or own < rule.value):
            found.append(LimitCheck(rule, own, "playbook", key))
    checks = _CHECKS[cache_key] = tuple(found)
    return checks


def apply_limits(
    channel: Channel, data: BuildInput, figures: dict[str, Any]
) -> tuple[dict[str, int], list[Diagnostic]]:
    """Check figures against hard, advised and playbook limits; the playbook's may only be stricter."""
    limits: dict[str, int] = {}
    found: list[Diagnostic] = []
    configured = data.config.limits if data.config is not None else {}
    for check in limit_checks(channel, configured):
        rule = check.rule
        amount = figures.get(rule.figure)
        if amount is None or isinstance(amount, (bool, str)):
            continue
        limit, key = check.limit, check.key
        if key not in limits or limit < limits[key]:
            limits[key] = limit
        if amount <= limit:
            continue
        if check.kind == "playbook":
            where = data.config.location if data.config is not None else None
            where = where or data.where(rule.part)
            message = f"{channel.name}: {rule.label} is {_num(amount)}, over the playbook's {key} of {limit}"
            found.append(finding(rules.LIMIT_EXCEEDED, message, where))
        else:
            hard = check.kind == "hard"
            message = (f"{channel.name}: {rule.label} is {_num(amount)}, over the "
                       f"{'limit' if hard else 'advised maximum'} of {limit} ({rule.source})")
            found.append(finding(rules.LIMIT_EXCEEDED if hard else rules.LIMIT_ADVISED, message,
                                 data.where(rule.part)))
    return limits, _dedupe(found) if len(found) > 1 else found


def _dedupe(found: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, str]] = set()
    result = []
    for diag in found:
        if (diag.rule, diag.message) not in seen:
            seen.add((diag.rule, diag.message))
            result.append(diag)
    return result


def _num(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:.1f}"


_WORD_RE = re.compile(r"\w+", re.UNICODE)
_LATIN = "A-Za-z\u00c0-\u024f"
_CYRILLIC = "\u0400-\u04ff"
_HAS_LATIN = re.compile(f"[{_LATIN}]")
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
#: A word holding both a Latin and a Cyrillic letter, tried only at word starts.
_MIXED_RE = re.compile(f"(?<!\\w)(?=\\w*[{_LATIN}])(?=\\w*[{_CYRILLIC}])\\w+")


def script_of(char: str) -> str:
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "Latin"
    if name.startswith("CYRILLIC"):
        return "Cyrillic"
    return ""


def mixed_script_words(text: str, channel: str, location: Location | None) -> list[Diagnostic]:
    """Words that mix Latin and Cyrillic letters ('Cбой' with a Latin C); ``channel`` is
    the label the message starts with (a channel, or "fact 'incident'")."""
    if not (_HAS_LATIN.search(text) and _HAS_CYRILLIC.search(text) and _MIXED_RE.search(text)):
        return []
    found = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        scripts = [script_of(ch) for ch in word]
        latin = scripts.count("Latin")
        cyrillic = scripts.count("Cyrillic")
        if not latin or not cyrillic:
            continue
        odd = "Latin" if latin <= cyrillic else "Cyrillic"
        details = ", ".join(
            f"{ch!r} ({unicodedata.name(ch, '?')}) at {position_label(text, match.start() + i)}"
            for i, ch in enumerate(word) if scripts[i] == odd
        )
        found.append(finding(
            rules.MIXED_SCRIPT,
            f"{channel}: the word {word!r} mixes scripts; {odd} letter(s): {details}",
            location, span=word, fix=f"retype the {odd} letters in the word's own alphabet",
        ))
    return found


def position_label(text: str, index: int) -> str:
    """``character 23 (line 2, column 5)`` for a 0-based index into ``text``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"character {index + 1} (line {line}, column {column})"


_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|blockquote|pre|ul|ol)\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACED_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment: what a customer reads, for figures and lint.

    Regular expressions rather than a parser: the fragments are our own templates' output
    (facts escaped), and this runs for every message of a mass render.
    """
    text = _LI_TAG.sub("\n• ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_ANY_TAG.sub("", text))
    text = _SPACED_NEWLINE.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def text_to_html(text: str) -> str:
    """Paragraphs and line breaks for text that is not already HTML (facts are escaped)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n".join(f"<p>{'<br>'.join(line for line in p.splitlines())}</p>" for p in paragraphs)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][^>]*>", text))


def escape(text: str) -> str:
    return html.escape(text, quote=True)


class TagChecker(HTMLParser):
    """Checks an HTML fragment: allowed tags only (when a set is given) and balanced."""

    VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr"})

    def __init__(self, allowed: frozenset[str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.allowed is not None and tag not in self.allowed:
            self.problems.append(f"tag <{tag}> is not supported")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"closing </{tag}> does not match an open tag")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def check(self, markup: str) -> list[str]:
        self.feed(markup)
        self.close()
        return self.problems + [f"<{tag}> is never closed" for tag in self.stack]


_TAG_PROBLEMS: dict[tuple[frozenset[str] | None, tuple[str, ...]], tuple[str, ...]] = {}


def tag_problems(markup: str, allowed: frozenset[str] | None = None) -> tuple[str, ...]:
    """Problems of the tag structure, cached by that structure (facts are escaped, so the
    tags come from the template alone and repeat across a mass render)."""
    skeleton = tuple(_ANY_TAG.findall(markup))
    key = (allowed, skeleton)
    found = _TAG_PROBLEMS.get(key)
    if found is None:
        found = tuple(TagChecker(allowed).check("".join(skeleton)))
        if len(_TAG_PROBLEMS) < 1024:
            _TAG_PROBLEMS[key] = found
    return found
