"""Locale and time zone: plural rules and dates need real CLDR and tz data."""

from __future__ import annotations

from collections.abc import Iterator

from crisisplay.playbook.rules.registry import Finding, RuleContext, check


@check("CP150")
def locale_without_data(context: RuleContext) -> Iterator[Finding]:
    """CP150: babel's CLDR data for the playbook's locale."""
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


@check("CP151")
def unknown_timezone(context: RuleContext) -> Iterator[Finding]:
    """CP151: the playbook's ``timezone`` through the one zone reader (``playbook_zone``)."""
    from crisisplay.errors import CrisisplayError
    from crisisplay.playbook.fact_types import playbook_zone

    try:
        playbook_zone(context.playbook)
    except CrisisplayError as exc:
        yield exc.message, exc.location


@check("CP152")
def unknown_phone_region(context: RuleContext) -> Iterator[Finding]:
    """CP152: ``phone_region`` against libphonenumber's regions."""
    import phonenumbers

    playbook = context.playbook
    if playbook.phone_region and playbook.phone_region not in phonenumbers.SUPPORTED_REGIONS:
        yield (
            f"phone_region {playbook.phone_region!r} is not a country with a known numbering plan "
            "(use an ISO 3166 code such as RU, KZ or GB)",
            playbook.locate(("phone_region",)),
        )
