"""Locale and time zone: plural rules and dates need real CLDR and tz data."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.diagnostics.model import Severity
from crisisplay.playbook.rules.registry import Finding, RuleContext, rule


@rule("CP150", "locale-without-data", Severity.ERROR, "locale")
def locale_without_data(context: RuleContext) -> Iterator[Finding]:
    """The playbook's locale has no CLDR data (plural rules, month names) in Babel."""
    from babel import Locale, UnknownLocaleError

    playbook = context.playbook
    try:
        locale = Locale.parse(playbook.locale.replace("-", "_"))
        locale.plural_form(2)
    except (UnknownLocaleError, ValueError, TypeError):
        yield (
            f"locale {playbook.locale!r} has no plural and date data in CLDR (Babel)",
            playbook.locate(("locale",)),
        )


@rule("CP151", "unknown-timezone", Severity.ERROR, "locale")
def unknown_timezone(context: RuleContext) -> Iterator[Finding]:
    """The playbook's ``timezone`` is not an IANA time zone name (e.g. Europe/Moscow)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    playbook = context.playbook
    try:
        ZoneInfo(playbook.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        yield (
            f"unknown time zone {playbook.timezone!r} (use an IANA name such as Europe/Moscow)",
            playbook.locate(("timezone",)),
        )
