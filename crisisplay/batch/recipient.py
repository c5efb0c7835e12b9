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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

KNOWN_FIELDS = ("id", "name", "locale", "channels", "phone", "email", "services",
                "telegram", "whatsapp", "vk", "push")
_LIST_SPLIT = re.compile(r"[;,|\s]+")


@dataclass(slots=True)
class Recipient:
    """The parsed row: known fields pulled out, all non-empty fields kept for templates."""

    line: int
    id: str
    locale: str
    channels: tuple[str, ...]
    services: tuple[str, ...]
    fields: dict[str, Any] = field(default_factory=dict)

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
    """``"SMS; email"`` → ``("sms", "email")``; cached: a file has few distinct values here."""
    return tuple(dict.fromkeys([item for item in _LIST_SPLIT.split(text.lower()) if item]))


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(dict.fromkeys([text for text in (str(item).strip().lower() for item in value) if text]))
    return _split_text(str(value))


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if value is not None else ""


def column_keys(header: Sequence[str]) -> tuple[str, ...]:
    """The field name for each CSV column: known columns in lower case, others as written."""
    return tuple(name.lower() if name.lower() in KNOWN_FIELDS else name for name in header)


def from_values(line: int, values: Sequence[str] | Mapping[str, Any], keys: Sequence[str]) -> Recipient:
    """Build a :class:`Recipient` from CSV values (aligned with ``keys``) or a JSON object."""
    if isinstance(values, Mapping):
        pairs: Iterator[tuple[str, Any]] = (
            (key.lower() if key.lower() in KNOWN_FIELDS else key, value) for key, value in values.items()
        )
        fields = {key: value for key, value in pairs if _present(value)}
    else:  # CSV: every value is a string (the hot path of a big file)
        fields = {key: value for key, value in zip(keys, values, strict=True) if value and not value.isspace()}
    get = fields.get
    return Recipient(line, _text(get("id")), _text(get("locale")), _as_list(get("channels")),
                     _as_list(get("services")), fields)


class RecipientView:
    """``recipient`` in templates: attribute or item access to the row's non-empty fields.

    A missing field raises ``AttributeError``/``KeyError``, which Jinja2 turns into an
    undefined value; under ``StrictUndefined`` printing it fails, and the batch reports
    the recipient as ``missing_field`` with the field's name.
    """

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a recipient view is read-only")

    def __str__(self) -> str:
        return str(self._values.get("name") or self._values.get("id") or "")

    def __repr__(self) -> str:
        return f"RecipientView({self._values.get('id')!r})"
