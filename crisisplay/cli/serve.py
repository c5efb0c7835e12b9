"""``crisisplay serve``: start the crisis room, and invite the team into it.

The face only: options, the invitation commands, and starting uvicorn with the app from
:mod:`crisisplay.room.app`. Everything is kept in the checklist database (``--db``).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import sys

import click

from crisisplay.cli.common import db_option, handle_errors
from crisisplay.errors import CrisisplayError

DEFAULT_PORT = 8765
EPILOG = """Examples:

\b
  crisisplay serve                                  # the room on http://127.0.0.1:8765/
  crisisplay serve invite 'Olga (PR)' --role editor
  crisisplay serve invite 'Duty director' --role viewer
  crisisplay serve --host 0.0.0.0 --behind-proxy --url https://crisis.example.com

The first start prints an invitation for you. Invitations work once and last 7 days;
'serve members' lists who is in and 'serve revoke NAME' takes someone out at once.
Serving beyond this machine needs TLS in front (a reverse proxy): see docs/room.md.
"""


def _url_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--url", "base_url", metavar="URL", help=f"The room's address as people open it (default http://127.0.0.1:{DEFAULT_PORT})."
    )(func)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/join/{token}"


@click.group(invoke_without_command=True, epilog=EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only this machine by default).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port, shown at start).")
@_url_option
@click.option("--playbook", "playbooks", multiple=True, metavar="PLAYBOOK",
              help="A playbook the room offers for new runs (repeatable; default: the bundled scenarios).")
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True,
              help="Language of the list and sign-in pages (a run's page speaks its playbook's).")
@click.option("--behind-proxy", is_flag=True,
              help="A TLS reverse proxy is in front: cookies are Secure and its X-Forwarded-* headers are trusted.")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True, metavar="IPS",
              help="With --behind-proxy: the proxy addresses whose forwarded headers are trusted.")
@db_option
@click.pass_context
@handle_errors
def serve(ctx: click.Context, host: str, port: int, base_url: str | None, playbooks: tuple[str, ...], lang: str,
          behind_proxy: bool, forwarded_allow_ips: str, db: str | None) -> None:  # fmt: skip
    """Start the crisis room: the team's checklists and next messages in a browser.

    Pages work without JavaScript; with it they update live. Only invited people get in;
    viewers can look but not change anything; every change is logged with the person's
    name. Stop with Ctrl+C.
    """
    if ctx.invoked_subcommand is not None:
        return
    import uvicorn

    from crisisplay.checklist.api import default_actor
    from crisisplay.checklist.store import Store
    from crisisplay.playbook.bundled import BUNDLED_PREFIX, bundled_names
    from crisisplay.room import members
    from crisisplay.room.app import RoomConfig, create_app

    offered = playbooks or tuple(f"{BUNDLED_PREFIX}{n}" for n in bundled_names() if not n.startswith("base."))
    # The socket is bound here, before anything is printed or invited: a busy port is a clear
    # error (exit 2), and with --port 0 the address shown is the one the system picked.
    listener = _listen(host, port)
    port = int(listener.getsockname()[1])
    shown_host = f"[{host}]" if ":" in host else host
    url = base_url or f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown_host}:{port}"
    if not is_loopback(host) and not behind_proxy:
        click.secho(
            f"warning: serving on {host} without TLS in front: invitation links and session cookies would cross "
            "the network in clear text. Put a TLS reverse proxy in front and pass --behind-proxy (docs/room.md).",
            fg="yellow",
            err=True,
        )
    with Store.open(db) as store:
        first = None if members.has_members(store) else members.invite(store, default_actor(), "editor", by="serve")
    config = RoomConfig(db_path=db, playbooks=offered, language=lang, secure_cookies=behind_proxy)
    app = create_app(config)
    click.echo(f"crisis room: {url}/  (Ctrl+C stops it)")
    if first is not None:
        click.echo(f"first invitation, for {first.name} (editor): {_link(url, first.token)}")
        click.echo("invite the team with: crisisplay serve invite NAME --role editor|viewer")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=behind_proxy,
        forwarded_allow_ips=forwarded_allow_ips if behind_proxy else None,
        server_header=False,
    ))
    with listener:
        server.run(sockets=[listener])


def _listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: any free port), or a clear error."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise CrisisplayError(f"cannot listen on {host}: unknown address ({exc})") from None
    family, kind, proto, _name, address = infos[0]
    listener = socket.socket(family, kind, proto)
    try:
        if os.name == "posix":  # a restart right after a stop may reuse the port (not on Windows: it shares it)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as exc:
        listener.close()
        reason = "the port is in use (another room or program); pick another with --port" \
            if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise CrisisplayError(f"cannot listen on {host}:{port}: {reason}") from None
    return listener


@serve.command(name="invite", epilog="Examples:\n\n  crisisplay serve invite 'Olga (PR)' --role editor\n\n"
               "  crisisplay serve invite 'Duty director' --role viewer --url https://crisis.example.com")  # fmt: skip
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "viewer"]), default="editor", show_default=True,
              help="editor: may change items and record sends; viewer: may only look.")  # fmt: skip
@_url_option
@db_option
@handle_errors
def invite_command(name: str, role: str, base_url: str | None, db: str | None) -> None:
    """Print a one-time invitation link for NAME (valid 7 days)."""
    from crisisplay.checklist.store import Store
    from crisisplay.room import members

    with Store.open(db) as store:
        made = members.invite(store, name, role)
    url = base_url or f"http://127.0.0.1:{DEFAULT_PORT}"
    click.echo(f"invitation for {made.name} ({made.role}), works once, until {made.expires_at:%Y-%m-%d %H:%M} UTC:")
    click.echo(_link(url, made.token))
    click.echo(f"code (to paste on the sign-in page): {made.token}", err=True)


@serve.command(name="members", epilog="Examples:\n\n  crisisplay serve members")
@db_option
@handle_errors
def list_members(db: str | None) -> None:
    """Who may enter the room, and in which role."""
    from crisisplay.checklist.store import Store
    from crisisplay.room import members

    with Store.open(db) as store:
        rows = members.members(store)
    if not rows:
        click.echo("nobody yet: 'crisisplay serve' prints a first invitation")
    for member, since, revoked in rows:
        status = f"revoked {revoked:%Y-%m-%d %H:%M}" if revoked else f"since {since:%Y-%m-%d %H:%M}"
        click.echo(f"{member.name}  {member.role}  {status} UTC")


@serve.command(name="revoke", epilog="Examples:\n\n  crisisplay serve revoke 'Olga (PR)'")
@click.argument("name")
@db_option
@handle_errors
def revoke_command(name: str, db: str | None) -> None:
    """Take NAME out of the room at once (their open sessions stop working; their history stays)."""
    from crisisplay.checklist.store import Store
    from crisisplay.room import members

    with Store.open(db) as store:
        members.revoke(store, name)
    click.echo(f"{name} can no longer enter the crisis room")
