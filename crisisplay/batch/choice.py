"""Which channel, and which address, one recipient gets: their choice, or a refusal with its reason.

The order is the person's own: the channels their row names, first one that works.
Only when none of them works (or the row names none) may another channel be used, and
only a channel the playbook allows for that (``channels.<name>.fallback: true``), in the
playbook's ``channel_order``; the message then carries ``"fallback": <reason>`` and the
summary counts fallbacks by reason. Otherwise the row is rejected with the reason of the
first channel that failed and a detail that lists every one.

A channel works when the row has a usable address for it: a valid e-mail, messenger id
or push token; for phone channels a valid number (read in the company's ``phone_region``
or the row's ``country``) of a type the channel accepts (``number_types``, mobile by
default), never a toll-free or premium-rate number and never one of the company's own
numbers (the playbook's ``phone`` facts such as the hotline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from crisisplay.batch.address import ADDRESS_FIELDS, ADDRESS_NAMES, PHONE_CHANNELS, checker_for
from crisisplay.batch.countries import country_region
from crisisplay.batch.phones import ACCEPTS, KIND_LABELS, Phone, PhoneCheck
from crisisplay.batch.recipient import Recipient

#: Why a channel did not work: a rejection reason, and the fallback reason it gives.
NO_VALID_ADDRESS = "no_valid_address"
NUMBER_TYPE = "number_type"
OWN_NUMBER = "own_number"
UNKNOWN_COUNTRY = "unknown_country"
CHANNEL_UNAVAILABLE = "channel_unavailable"
NO_PREFERENCE = "no_preference"
UNKNOWN_CHANNEL = "unknown_channel"
OPTED_OUT = "opted_out"
DEFAULT_NUMBER_TYPES = ("mobile",)


@dataclass(frozen=True)
class ChannelPolicy:
    """One channel's mass-send settings: accepted phone number types, fallback allowed."""

    accepts: frozenset[str] = ACCEPTS["mobile"]
    fallback: bool = False
    wanted: str = "a mobile number"


def channel_policy(options: dict[str, object]) -> ChannelPolicy:
    """From a channel's playbook options (``number_types``, ``fallback``)."""
    raw = options.get("number_types")
    types = tuple(str(t) for t in raw) if isinstance(raw, (list, tuple)) and raw else DEFAULT_NUMBER_TYPES
    accepts = frozenset().union(*(ACCEPTS.get(name, frozenset()) for name in types))
    wanted = " or ".join({"mobile": "a mobile", "fixed_line": "a landline", "voip": "a VoIP"}.get(t, t)
                         for t in types) + " number"
    return ChannelPolicy(accepts, options.get("fallback") is True, wanted)


@dataclass
class Numbers:
    """The run's phone rules: one home region for every recipient, and the company's own numbers."""

    phones: PhoneCheck
    own: dict[str, str] = field(default_factory=dict)  # E.164 → the fact that holds it

    @property
    def region(self) -> str:
        return self.phones.default_region


class Choice(NamedTuple):
    channel: str
    address: str
    fallback: str | None = None


def _reason(failures: list[tuple[str, str]], default: str) -> str:
    """The first failure that is about an address (a channel not sent in this run says less)."""
    return next((reason for reason, _text in failures if reason != CHANNEL_UNAVAILABLE), default)


def _detail(failures: list[tuple[str, str]]) -> str:
    return "; ".join(dict.fromkeys(text for _reason, text in failures))


class Chooser:
    """Channel choice for one locale version of the playbook."""

    def __init__(self, order: tuple[str, ...], policies: dict[str, ChannelPolicy], numbers: Numbers,
                 unavailable: dict[str, str]) -> None:
        self.available = frozenset(order)
        self.policies = policies
        self.fallback_order = tuple(name for name in order if policies[name].fallback)
        self.numbers = numbers
        #: channels a row may name that this run does not send on, and why
        self.unavailable = unavailable

    def phone(self, rec: Recipient, raw: str, cache: dict[str, Phone | str | None]) -> Phone | str | None:
        """The row's number, or a problem text (an unknown ``country``), or None (not a number)."""
        if raw in cache:
            return cache[raw]
        country = rec.fields.get("country")
        region = country_region(str(country)) if country else self.numbers.phones.default_region
        found: Phone | str | None
        if region is None:
            found = f"country {str(country).strip()!r} is not a country with a numbering plan (RU, KZ, Россия …)"
        else:
            found = self.numbers.phones.check(raw, region)
        cache[raw] = found
        return found

    def address(self, rec: Recipient, name: str, cache: dict[str, Phone | str | None],
                failures: list[tuple[str, str]]) -> str | None:
        """The normalised address for channel ``name``, or None (the failure is recorded)."""
        fields = ADDRESS_FIELDS[name]
        get = rec.fields.get
        raw = ""
        for field_name in fields:  # the first field with something in it (whatsapp, then phone)
            value = get(field_name)
            if value is not None:
                raw = value.strip() if isinstance(value, str) else str(value)
                if raw:
                    break
        if not raw:
            failures.append((NO_VALID_ADDRESS, f"{name}: no {ADDRESS_NAMES[fields[0]]}"))
            return None
        if name not in PHONE_CHANNELS:
            checked = checker_for(field_name)(raw)
            if checked is None:
                failures.append((NO_VALID_ADDRESS, f"{name}: {ADDRESS_NAMES[field_name]} {raw!r} is not valid"))
            return checked
        found = self.phone(rec, raw, cache)
        if found is None:
            failures.append((NO_VALID_ADDRESS, f"{name}: {ADDRESS_NAMES[field_name]} {raw!r} is not a valid number "
                                               f"(read as {rec.country or self.numbers.region})"))
            return None
        if isinstance(found, str):
            failures.append((UNKNOWN_COUNTRY, f"{name}: {found}"))
            return None
        e164, kind = found
        own = self.numbers.own.get(e164)
        if own is not None:
            failures.append((OWN_NUMBER, f"{name}: {e164} is the company's own number ({own})"))
            return None
        policy = self.policies[name]
        if kind not in policy.accepts:
            failures.append((NUMBER_TYPE, f"{name}: {e164} is {KIND_LABELS.get(kind, kind)}; "
                                          f"{name} needs {policy.wanted}"))
            return None
        return e164

    def choose(self, rec: Recipient) -> Choice | tuple[str, str]:
        """The channel and address, or (reason, detail) when the row cannot be sent."""
        prefs = rec.preferences
        if prefs.unknown:
            return UNKNOWN_CHANNEL, prefs.problem()
        if prefs.opted_out:
            return OPTED_OUT, f"the row refuses contact (channels: {rec.fields.get('channels')!r})"
        failures: list[tuple[str, str]] = []
        cache: dict[str, Phone | str | None] = {}
        available = self.available
        for name in prefs.channels:
            if name not in available:
                failures.append((CHANNEL_UNAVAILABLE, f"{name}: {self.unavailable.get(name, 'not sent in this run')}"))
                continue
            address = self.address(rec, name, cache, failures)
            if address is not None:
                return Choice(name, address)
        first = _reason(failures, CHANNEL_UNAVAILABLE) if prefs.channels else NO_PREFERENCE
        for name in self.fallback_order:
            if name in prefs.channels:
                continue
            address = self.address(rec, name, cache, failures)
            if address is not None:
                return Choice(name, address, first)
        if not prefs.channels and not failures:
            return NO_PREFERENCE, ("the row names no channel, and the playbook lets no channel reach people "
                                   "who did not choose it (set fallback: true on a channel, docs/batch.md)")
        if prefs.channels and not self.fallback_order:
            failures.append((first, "the playbook allows no fallback channel"))
        return _reason(failures, first), _detail(failures)
