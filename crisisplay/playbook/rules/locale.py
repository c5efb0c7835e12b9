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
    """The playbook's ``timezone`` is not an IANA time zone name (e.g. Europe/Moscow).

    ``Factory`` (shown as "Unknown"), ``localtime`` (the server's setting) and
    ``posixrules`` exist as files in the tz database but are not places; they are refused.
    """
    from crisisplay.errors import CrisisplayError
    from crisisplay.playbook.fact_types import playbook_zone

    try:
        playbook_zone(context.playbook)
    except CrisisplayError as exc:
        yield exc.message, exc.location


@rule("CP152", "unknown-phone-region", Severity.ERROR, "locale")
def unknown_phone_region(context: RuleContext) -> Iterator[Finding]:
    """``phone_region`` is not a country libphonenumber has a numbering plan for (e.g. RU, GB)."""
    import phonenumbers

    playbook = context.playbook
    if playbook.phone_region and playbook.phone_region not in phonenumbers.SUPPORTED_REGIONS:
        yield (
            f"phone_region {playbook.phone_region!r} is not a country with a known numbering plan "
            "(use an ISO 3166 code such as RU, KZ or GB)",
            playbook.locate(("phone_region",)),
        )
