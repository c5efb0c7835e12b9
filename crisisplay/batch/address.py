"""Recipient addresses: phone numbers (see :mod:`crisisplay.batch.phones`), e-mail syntax,
messenger ids.

A gateway upload with a malformed address fails late, per message, and costs money;
so addresses are checked while choosing the channel, and a recipient whose addresses
are all unusable is rejected with the reason instead of being sent to nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crisisplay.batch.phones import PhoneCheck

__all__ = ["ADDRESS_FIELDS", "ADDRESS_NAMES", "PERSONAL_CHANNELS", "PHONE_CHANNELS", "PhoneCheck",
           "check_email", "check_telegram", "check_token", "check_vk", "checker_for"]

_EMAIL_RE = re.compile(
    r"(?P<local>[^\s@\"(),:;<>\[\]\\]{1,64})@"
    r"(?P<domain>(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{2,59}))"
)
_TELEGRAM_RE = re.compile(r"-?\d{1,20}|@?[A-Za-z][A-Za-z0-9_]{4,31}")
_VK_RE = re.compile(r"\d{1,20}|id\d{1,20}|[A-Za-z][A-Za-z0-9_.]{2,31}")
MAX_TOKEN = 4096


def check_email(text: str) -> str | None:
    """The address with its domain in lower case, or None when it is not an address."""
    value = text.strip()
    match = _EMAIL_RE.fullmatch(value)
    if match is None or len(value) > 254:
        return None
    local = match.group("local")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    return f"{local}@{match.group('domain').lower()}"


def check_telegram(text: str) -> str | None:
    """A numeric chat id or a @username."""
    value = text.strip()
    return value if _TELEGRAM_RE.fullmatch(value) else None


def check_vk(text: str) -> str | None:
    value = text.strip()
    return value if _VK_RE.fullmatch(value) else None


def check_token(text: str) -> str | None:
    """A push token: opaque, but one word and of sane length."""
    value = text.strip()
    return value if value and len(value) <= MAX_TOKEN and not any(c.isspace() for c in value) else None


#: Which recipient field holds each personal channel's address, and how it is checked.
#: Broadcast channels (x, website_banner, status_page, contact_center) reach no one person.
ADDRESS_FIELDS: dict[str, tuple[str, ...]] = {
    "sms": ("phone",),
    "voice": ("phone",),
    "whatsapp": ("whatsapp", "phone"),
    "email": ("email",),
    "telegram": ("telegram",),
    "vk": ("vk",),
    "push": ("push",),
}
PERSONAL_CHANNELS = tuple(ADDRESS_FIELDS)
#: Channels that reach a phone number: its type decides (``number_types``).
PHONE_CHANNELS = frozenset({"sms", "voice", "whatsapp"})
ADDRESS_NAMES = {"phone": "phone number", "whatsapp": "WhatsApp number", "email": "e-mail address",
                 "telegram": "Telegram chat id", "vk": "VK id", "push": "push token"}


def checker_for(field: str) -> Callable[[str], str | None]:
    """The check for a non-phone address field."""
    return {"email": check_email, "telegram": check_telegram, "vk": check_vk}.get(field, check_token)
