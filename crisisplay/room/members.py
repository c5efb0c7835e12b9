"""Who may enter the crisis room: members, one-time invitations, the cookie-signing key.

Everything lives in the checklist database (schema step 3), so ``crisisplay serve invite``
in a terminal and the running server agree without talking to each other. Only a SHA-256
of an invitation token is stored: a copy of the database does not let anyone in. Using an
invitation is one ``UPDATE … WHERE used_at IS NULL``, so it works exactly once even when two
browsers race for it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisplay.checklist import clock
from crisisplay.checklist.store import Store
from crisisplay.errors import CrisisplayError

ROLES = ("editor", "viewer")
INVITE_LIFETIME = timedelta(days=7)
_NAME = re.compile(r"^[^\x00-\x1f<>\"'`]{1,60}$")


@dataclass(frozen=True)
class Member:
    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"


@dataclass(frozen=True)
class Invitation:
    """A fresh invitation: the token is shown once and never stored."""

    token: str
    name: str
    role: str
    expires_at: datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not _NAME.match(cleaned):
        raise CrisisplayError(f"{name!r} is not a usable name", hint="1-60 characters, no quotes or angle brackets")
    return cleaned


def invite(store: Store, name: str, role: str, *, by: str = "", now: datetime | None = None) -> Invitation:
    """A one-time invitation for ``name`` as ``role`` (valid :data:`INVITE_LIFETIME`)."""
    if role not in ROLES:
        raise CrisisplayError(f"unknown role {role!r}", hint=f"use one of: {', '.join(ROLES)}")
    who = check_name(name)
    current = now or clock.now()
    token = secrets.token_urlsafe(24)
    expires = current + INVITE_LIFETIME
    with store.transaction(write=True) as conn:
        conn.execute(
            "INSERT INTO room_invites (token_sha256, name, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            (_hash(token), who, role, clock.to_db(current), clock.to_db(expires)),
        )
    return Invitation(token, who, role, expires)


def redeem(store: Store, token: str, *, now: datetime | None = None) -> Member:
    """Use an invitation: the person becomes (or stays) a member with its role. Works once."""
    current = now or clock.now()
    with store.transaction(write=True) as conn:
        row = conn.execute(
            "SELECT name, role, expires_at FROM room_invites WHERE token_sha256 = ? AND used_at IS NULL",
            (_hash(token),),
        ).fetchone()
        if row is None or clock.from_db(row[2]) < current:
            raise CrisisplayError("this invitation is not valid: it was used already, has expired or never existed")
        name, role, _ = row
        conn.execute("UPDATE room_invites SET used_at = ? WHERE token_sha256 = ?", (clock.to_db(current), _hash(token)))
        conn.execute(
            "INSERT INTO room_members (name, role, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET role = excluded.role, revoked_at = NULL",
            (name, role, clock.to_db(current)),
        )
    return Member(name, role)


def member(store: Store, name: str) -> Member | None:
    """The member as they are now (a revoked member or a changed role takes effect at once)."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT name, role FROM room_members WHERE name = ? AND revoked_at IS NULL", (name,)
        ).fetchone()
    return Member(row[0], row[1]) if row else None


def members(store: Store) -> list[tuple[Member, datetime, datetime | None]]:
    with store.transaction() as conn:
        rows = conn.execute("SELECT name, role, created_at, revoked_at FROM room_members ORDER BY name").fetchall()
    return [(Member(n, r), clock.from_db(c), clock.from_db(v) if v else None) for n, r, c, v in rows]


def revoke(store: Store, name: str, *, now: datetime | None = None) -> None:
    current = now or clock.now()
    with store.transaction(write=True) as conn:
        found = conn.execute(
            "UPDATE room_members SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", (clock.to_db(current), name)
        ).rowcount
        conn.execute(
            "UPDATE room_invites SET used_at = ? WHERE name = ? AND used_at IS NULL", (clock.to_db(current), name)
        )
    if not found:
        raise CrisisplayError(f"{name!r} is not a member of the crisis room")


def has_members(store: Store) -> bool:
    with store.transaction() as conn:
        return conn.execute("SELECT 1 FROM room_members WHERE revoked_at IS NULL LIMIT 1").fetchone() is not None


def session_secret(store: Store) -> str:
    """The key that signs session cookies: made once per database, kept in it."""
    with store.transaction(write=True) as conn:
        row = conn.execute("SELECT value FROM room_settings WHERE key = 'session_secret'").fetchone()
        if row:
            return str(row[0])
        secret = secrets.token_urlsafe(48)
        conn.execute("INSERT INTO room_settings (key, value) VALUES ('session_secret', ?)", (secret,))
        return secret
