"""A recipient row as the batch sees it, and as templates see it (``recipient``).

Known columns (matched case-insensitively): ``id`` (required), ``name``, ``locale``,
``channels`` (preferred channels, in order), ``phone``, ``email``, ``telegram``,
``whatsapp``, ``vk``, ``push`` (addresses) and ``services`` (ids of the services that
concern this recipient). Every other column is a per-recipient field the templates
can use as ``recipient.<column>`` (or ``recipient['column name']``).

An empty cell counts as absent, because CSV has no null: ``{{ recipient.name }}`` on a
row without a name is a ``missing_field`` rejection, never "Dear ,". Templates that
can do without say so: ``{{ recipient.name | default('customer') }}``.

Recipient fields never override facts: facts are the company's single source of truth
for the incident, and a stray CSV column must not be able to change what one customer
is told about it. Anything personal lives under ``recipient``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crisisplay.batch.preferences import NONE, Preferences, parse_preferences, parse_value
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.model import Playbook
from crisisplay.render.context import RecipientSample, RecipientView

__all__ = ["KNOWN_FIELDS", "Recipient", "RecipientView", "column_keys", "from_values", "sample_recipient"]

KNOWN_FIELDS = ("id", "name", "locale", "channels", "phone", "email", "services",
                "telegram", "whatsapp", "vk", "push", "country")
_LIST_SPLIT = re.compile(r"[;,|\s]+")


@dataclass(slots=True)
class Recipient:
    """The parsed row: known fields pulled out, all non-empty fields kept for templates."""

    line: int
    id: str
    locale: str
    preferences: Preferences
    services: tuple[str, ...]
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def channels(self) -> tuple[str, ...]:
        return self.preferences.channels

    @property
    def country(self) -> str:
        return _cell_text(self.fields.get("country"))

    def address(self, name: str) -> str:
        value = self.fields.get(name)
        return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return not (isinstance(value, (list, tuple, dict)) and not value)


@functools.lru_cache(maxsize=4096)
def _split_text(text: str) -> tuple[str, ...]:
    """``"payments; app"`` → ``("payments", "app")``; cached: a file has few distinct values here."""
    return tuple(dict.fromkeys([item for item in _LIST_SPLIT.split(text.lower()) if item]))


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(dict.fromkeys([text for text in (str(item).strip().lower() for item in value) if text]))
    return _split_text(str(value))


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if value is not None else ""


def column_keys(header: Sequence[str]) -> tuple[str, ...]:
    """The field name for each CSV column: known columns in lower case, others as written."""
    return tuple(name.lower() if name.lower() in KNOWN_FIELDS else name for name in header)


def from_values(line: int, values: Sequence[str] | Mapping[str, Any], keys: Sequence[str]) -> Recipient:
    """Build a :class:`Recipient` from CSV values (aligned with ``keys``) or a JSON object.

    The name is trimmed and its inner whitespace collapsed (``" ЁЛКИН  АЛЕКСЕЙ "`` →
    ``"ЁЛКИН АЛЕКСЕЙ"``); letter case is the ``name`` filter's business.
    """
    if not isinstance(values, Mapping):  # CSV: every value is a string (the hot path of a big file)
        fields: dict[str, Any] = {key: value for key, value in zip(keys, values, strict=True)
                                  if value and not value.isspace()}
        get = fields.get
        name, rid, locale, channels, services = get("name"), get("id"), get("locale"), get("channels"), get("services")
        if name is not None:
            fields["name"] = " ".join(name.split())
        return Recipient(line, rid.strip() if rid else "", locale.strip() if locale else "",
                         parse_preferences(channels) if channels else NONE, _split_text(services) if services else (),
                         fields)
    pairs: Iterator[tuple[str, Any]] = (
        (key.lower() if key.lower() in KNOWN_FIELDS else key, value) for key, value in values.items()
    )
    fields = {key: value for key, value in pairs if _present(value)}
    get = fields.get
    name = get("name")
    if isinstance(name, str):
        fields["name"] = " ".join(name.split())
    channels = get("channels")
    return Recipient(line, _cell_text(get("id")), _cell_text(get("locale")),
                     parse_value(channels) if channels is not None else NONE,
                     _as_list(get("services")), fields)


def sample_recipient(options: Iterable[str], playbook: Playbook) -> RecipientSample:
    """``render --recipient name=Anna --recipient phone=…``: one row, typed and checked as the batch does."""
    from crisisplay.batch.address import ADDRESS_FIELDS, ADDRESS_NAMES, PhoneCheck, checker_for
    from crisisplay.batch.countries import country_region
    from crisisplay.playbook.fact_types import phone_region

    values: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise CrisisplayError(
                f"--recipient expects field=value, got {option!r}",
                hint="e.g. --recipient name=Anna --recipient services=payments,chat",
            )
        values[name.strip()] = value
    row = from_values(0, values, ())
    if row.preferences.unknown:
        raise CrisisplayError(f"--recipient channels: {row.preferences.problem()}")
    region = country_region(row.country) if row.country else phone_region(playbook)
    if region is None:
        raise CrisisplayError(f"--recipient country: {row.country!r} is not a country (write RU, KZ, Россия …)")
    phones = PhoneCheck(region)
    addresses: dict[str, str] = {}
    for field_name, label in ADDRESS_NAMES.items():
        raw = row.address(field_name)
        if raw:
            normalised = phones.e164(raw) if field_name in ("phone", "whatsapp") else checker_for(field_name)(raw)
            if not normalised:
                raise CrisisplayError(f"--recipient {field_name}: {label} {raw!r} is not valid")
            addresses[field_name] = normalised
    return RecipientSample(row.fields, row.id or "sample", row.channels, row.services, ADDRESS_FIELDS, addresses)
