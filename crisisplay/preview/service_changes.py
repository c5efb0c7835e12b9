"""Service changes between two bundles as sentences a reviewer reads at a glance.

A bundle keeps only the services a facts file overrode (``services: {payments:
unavailable}``); every other service has the playbook's own status. So "before" is the
previous bundle's override or, without one, the playbook's status, never "nothing".
Each change reads ``оплата связи: работала → недоступна`` / ``bill payment: working →
unavailable``: in Russian the status agrees with the service name (its head noun's
gender and number; names joined with «и» or a comma are plural), before in the
past tense, after in the present. The gender and number come from
:func:`crisisplay.render.agreement.agreement_form`, the same the rendered messages agree with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crisisplay.preview.model import ServiceChange
from crisisplay.render.agreement import FORMS, agreement_form

#: status → (before, after) per agreement form (masc, femn, neut, plur); English has one form.
_RU: dict[str, tuple[tuple[str, str, str, str], tuple[str, str, str, str]]] = {
    "available": (("работал", "работала", "работало", "работали"),
                  ("работает", "работает", "работает", "работают")),
    "degraded": (("работал с перебоями", "работала с перебоями", "работало с перебоями", "работали с перебоями"),
                 ("работает с перебоями", "работает с перебоями", "работает с перебоями", "работают с перебоями")),
    "unavailable": (("был недоступен", "была недоступна", "было недоступно", "были недоступны"),
                    ("недоступен", "недоступна", "недоступно", "недоступны")),
    "moved_online": (("работал онлайн", "работала онлайн", "работало онлайн", "работали онлайн"),
                     ("работает онлайн", "работает онлайн", "работает онлайн", "работают онлайн")),
    "frozen": (("был приостановлен", "была приостановлена", "было приостановлено", "были приостановлены"),
               ("приостановлен", "приостановлена", "приостановлено", "приостановлены")),
}
_EN = {"available": "working", "degraded": "working with interruptions", "unavailable": "unavailable",
       "moved_online": "online only", "frozen": "paused"}
_ALTERNATIVE = {"ru": "как обойтись", "en": "workaround"}
_NOT_SET = {"ru": "не указано", "en": "not set"}


@dataclass(frozen=True)
class ServiceInfo:
    """A service as the playbook declares it: the "before" when no facts file changed it."""

    id: str
    name: str
    status: str | None
    alternative: str = ""


def _override(value: Any) -> tuple[str | None, str | None]:
    """(status, alternative) of one ``services:`` override (a status, or a mapping)."""
    if isinstance(value, str):
        return value, None
    if isinstance(value, Mapping):
        status = value.get("status")
        alternative = value.get("alternative")
        return (str(status) if status is not None else None, str(alternative) if alternative is not None else None)
    return None, None


def _state(info: ServiceInfo, facts: Mapping[str, Any]) -> tuple[str | None, str]:
    overrides = facts.get("services")
    status, alternative = info.status, info.alternative
    if isinstance(overrides, Mapping) and info.id in overrides:
        new_status, new_alternative = _override(overrides[info.id])
        status = new_status if new_status is not None else status
        alternative = new_alternative if new_alternative is not None else alternative
    return status, alternative


def _status_words(status: str | None, language: str, form: str, before: bool) -> str:
    if status is None:
        return _NOT_SET.get(language, _NOT_SET["en"])
    if language == "ru" and status in _RU:
        return _RU[status][0 if before else 1][FORMS.index(form)]
    return _EN.get(status, status)


def service_changes(before: Mapping[str, Any], after: Mapping[str, Any], services: Sequence[ServiceInfo],
                    language: str) -> tuple[ServiceChange, ...]:
    """Every service whose status or alternative differs, as a sentence in ``language``."""
    known = {info.id: info for info in services}
    for facts in (before, after):  # an override of a service the playbook no longer lists
        overrides = facts.get("services")
        if isinstance(overrides, Mapping):
            for sid in overrides:
                known.setdefault(str(sid), ServiceInfo(str(sid), str(sid), None))
    changes = []
    for info in known.values():
        old_status, old_alternative = _state(info, before)
        new_status, new_alternative = _state(info, after)
        form = agreement_form(info.name) if language == "ru" else "neut"
        if old_status != new_status:
            changes.append(ServiceChange(info.id, f"{info.name}: {_status_words(old_status, language, form, True)} → "
                                                  f"{_status_words(new_status, language, form, False)}"))
        if (old_alternative or "") != (new_alternative or ""):
            label = _ALTERNATIVE.get(language, _ALTERNATIVE["en"])
            empty = "—"
            changes.append(ServiceChange(info.id, f"{info.name}, {label}: «{old_alternative or empty}» → "
                                                  f"«{new_alternative or empty}»" if language == "ru" else
                                                  f"{info.name}, {label}: “{old_alternative or empty}” → "
                                                  f"“{new_alternative or empty}”"))
    return tuple(changes)
