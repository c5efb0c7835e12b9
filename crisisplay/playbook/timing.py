"""How a playbook writes time: durations, event references and checklist dues.

``90m``, ``2h``, ``1h30m``, ``1d`` (or a bare number of minutes) are durations;
``sent first_notice`` and ``resolved`` name the events a checklist item can wait for;
``30m after resolved`` is an item's due counted from such an event. The model, the
checklist and the ``--at``/``--t0`` time parser (:mod:`crisisplay.moments`) all read them here.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta

_DURATION_RE = re.compile(
    r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$"
)


#: The longest duration a playbook or fact may name; beyond it is a typo (and, near
#: ``timedelta``'s own limit, an overflow in date arithmetic).
MAX_DURATION = timedelta(days=3650)
_MAX_DURATION_DIGITS = 9


def parse_duration(value: object) -> timedelta | None:
    """``"90m"``, ``"2h"``, ``"1h30m"``, ``"1d"`` or a bare number of minutes; None if invalid.

    Negative, non-finite (``.inf``, NaN) and longer-than-:data:`MAX_DURATION` values are
    invalid too: ``99999999999d`` is a typo, not a ten-million-year grace period.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value < 0 or value > MAX_DURATION.total_seconds() / 60:
            return None
        return timedelta(minutes=value)
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    match = _DURATION_RE.match(value.lower())
    if not match or not any(match.groups()):
        return None
    if any(group and len(group) > _MAX_DURATION_DIGITS for group in match.groups()):
        return None
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    total_seconds = ((days * 24 + hours) * 60 + minutes) * 60 + seconds  # exact: ints never overflow
    if total_seconds > MAX_DURATION.total_seconds():
        return None
    return timedelta(seconds=total_seconds)


_EVENT_RE = re.compile(r"^\s*(?:(resolved|closed)|sent\s+([a-z][a-z0-9_]*))\s*$")
_DUE_AFTER_RE = re.compile(r"^\s*(.+?)\s+after\s+(.+?)\s*$")
#: The event a crisis ends with (``checklist close``); ``closed`` is read as the same event.
RESOLVED = "resolved"


def parse_event_ref(value: object) -> str | None:
    """``sent first_notice`` / ``resolved`` (``closed`` too) → ``"sent first_notice"`` / ``"resolved"``."""
    match = _EVENT_RE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    return RESOLVED if match.group(1) else f"sent {match.group(2)}"


def event_stage(ref: str) -> str | None:
    """The stage id of a ``sent STAGE`` reference; None for ``resolved``."""
    return ref[5:] if ref.startswith("sent ") else None


def parse_due(value: object) -> tuple[timedelta | None, str]:
    """An item's ``due``: ``(delta, "")`` from T0, or ``(delta, event)`` for ``30m after resolved``."""
    if isinstance(value, str):
        match = _DUE_AFTER_RE.match(value)
        if match:
            anchor = parse_event_ref(match.group(2))
            delta = parse_duration(match.group(1))
            return (delta, anchor) if anchor and delta is not None else (None, "")
    return parse_duration(value), ""


def format_duration(delta: timedelta) -> str:
    """The inverse of :func:`parse_duration`, shortest form: ``1h30m``."""
    total = int(delta.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        amount, total = divmod(total, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return "".join(parts) or "0m"
