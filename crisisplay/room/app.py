"""The crisis room: a Starlette app over the checklist database.

Server-rendered pages that work without JavaScript (every change is a form POST answered
with a redirect), and a small script of our own that polls for changes and refreshes the
page when someone else acted. Sessions are Starlette's signed cookies (itsdangerous);
every form carries a per-session CSRF token; viewers may look, never change; every change
is recorded under the signed-in person's name. The handlers only translate HTTP to the
checklist API and back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from crisisplay.checklist.store import Store
from crisisplay.errors import CrisisplayError
from crisisplay.room import members
from crisisplay.room.members import Member
from crisisplay.room.messages import MessageCache
from crisisplay.room.runs import Runs
from crisisplay.room.security import SecurityHeaders, TooLarge
from crisisplay.room.views import Pages

ITEM_ACTIONS = ("take", "done", "skip", "block", "reopen")
SESSION_COOKIE = "crisisroom"
SESSION_AGE = 14 * 24 * 3600
MAX_FORM_FIELDS = 200


@dataclass
class RoomConfig:
    """How ``crisisplay serve`` runs the room."""

    db_path: str | None = None
    playbooks: tuple[str, ...] = ()
    language: str = "auto"
    secure_cookies: bool = False
    poll_seconds: float = 1.0
    secret: str = field(default="", repr=False)


class Room:
    """The handlers, with the shared run cache, message cache and page builder."""

    def __init__(self, config: RoomConfig) -> None:
        self.config = config
        self.runs = Runs(config.db_path)
        self.pages = Pages(config, self.runs, MessageCache())

    # -- who is asking ------------------------------------------------------------------

    def _member(self, request: Request) -> Member | None:
        name = request.session.get("member")
        if not isinstance(name, str):
            return None
        with self.runs.store() as store:
            found = members.member(store, name)
        if found is None:
            request.session.pop("member", None)
        return found

    @staticmethod
    def csrf(request: Request) -> str:
        token = request.session.get("csrf")
        if not isinstance(token, str):
            token = request.session["csrf"] = secrets.token_urlsafe(32)
        return token

    @staticmethod
    def _csrf_ok(request: Request, form: FormData) -> bool:
        expected, given = request.session.get("csrf"), form.get("csrf")
        return isinstance(expected, str) and isinstance(given, str) and secrets.compare_digest(expected, given)

    async def _form(self, request: Request) -> FormData:
        return await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)

    async def _guard(self, request: Request, *, change: bool) -> tuple[Member | None, FormData | None, Response | None]:
        """Signed in (else the sign-in page), a valid CSRF token on a POST, an editor for a change."""
        member = await run_in_threadpool(self._member, request)
        if member is None:
            target = quote(request.url.path if request.method == "GET" else "/", safe="/")
            return None, None, RedirectResponse(f"/login?next={target}", status_code=303)
        if request.method != "POST":
            return member, None, None
        form = await self._form(request)
        if not self._csrf_ok(request, form):
            return member, form, self.pages.problem(request, member, 403, "csrf_failed")
        if change and not member.can_edit:
            return member, form, self.pages.problem(request, member, 403, "forbidden")
        return member, form, None

    # -- pages --------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        member, _, refused = await self._guard(request, change=False)
        if refused or member is None:
            return refused or Response(status_code=500)
        return await run_in_threadpool(self.pages.runs_page, request, member)

    async def login(self, request: Request) -> Response:
        if request.method == "POST":
            form = await self._form(request)
            if not self._csrf_ok(request, form):
                return self.pages.problem(request, None, 403, "csrf_failed")
            token = str(form.get("token", "")).strip()
            return await self._redeem(request, token, str(form.get("next", "/")))
        return self.pages.login_page(request, next_url=request.query_params.get("next", "/"))

    async def join(self, request: Request) -> Response:
        token = request.path_params["token"]
        if request.method == "POST":
            form = await self._form(request)
            if not self._csrf_ok(request, form):
                return self.pages.problem(request, None, 403, "csrf_failed")
            return await self._redeem(request, token, "/")
        # A GET only shows the invitation: link previews and prefetchers must not use it up.
        return self.pages.join_page(request, token)

    async def _redeem(self, request: Request, token: str, next_url: str) -> Response:
        try:
            member = await run_in_threadpool(self._redeem_token, token)
        except CrisisplayError:
            return self.pages.login_page(request, next_url=next_url, invalid=True, status=403)
        request.session.clear()
        request.session["member"] = member.name
        request.session["csrf"] = secrets.token_urlsafe(32)
        # Only a path on this site: "//host" and "/\\host" would send the new session elsewhere.
        safe_next = next_url if next_url.startswith("/") and not next_url.startswith(("//", "/\\")) else "/"
        return RedirectResponse(safe_next, status_code=303)

    def _redeem_token(self, token: str) -> Member:
        with self.runs.store() as store:
            return members.redeem(store, token)

    async def logout(self, request: Request) -> Response:
        form = await self._form(request)
        if not self._csrf_ok(request, form):
            return self.pages.problem(request, None, 403, "csrf_failed")
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    async def run_page(self, request: Request) -> Response:
        member, _, refused = await self._guard(request, change=False)
        if refused or member is None:
            return refused or Response(status_code=500)
        return await run_in_threadpool(self.pages.run_page, request, member, request.path_params["run_id"])

    async def run_log(self, request: Request) -> Response:
        member, _, refused = await self._guard(request, change=False)
        if refused or member is None:
            return refused or Response(status_code=500)
        return await run_in_threadpool(self.pages.log_page, request, member, request.path_params["run_id"])

    async def live(self, request: Request) -> Response:
        member = await run_in_threadpool(self._member, request)
        if member is None:
            return JSONResponse({"signed_in": False}, status_code=401)
        try:
            state = await run_in_threadpool(self.runs.state, request.path_params["run_id"])
        except CrisisplayError:
            return JSONResponse({"found": False}, status_code=404)
        return JSONResponse({"seq": state.last_seq}, headers={"Cache-Control": "no-store"})

    async def download(self, request: Request) -> Response:
        member, _, refused = await self._guard(request, change=False)
        if refused or member is None:
            return refused or Response(status_code=500)
        name = request.path_params["name"]
        return await run_in_threadpool(self.pages.download, request, member, request.path_params["run_id"], name)

    async def healthz(self, request: Request) -> Response:
        return PlainTextResponse("ok")

    # -- changes --------------------------------------------------------------------------

    async def change(self, request: Request) -> Response:
        member, form, refused = await self._guard(request, change=True)
        if refused or member is None or form is None:
            return refused or Response(status_code=500)
        run_id = request.path_params["run_id"]
        what = request.path_params.get("what", "")
        try:
            action, target, options = _action(what, request.path_params.get("key", ""), form, member)
        except CrisisplayError as exc:
            return await run_in_threadpool(self.pages.run_page, request, member, run_id, error=str(exc), status=400)
        return await run_in_threadpool(self.pages.record, request, member, run_id, action, target, options)

    async def start(self, request: Request) -> Response:
        member, form, refused = await self._guard(request, change=True)
        if refused or member is None or form is None:
            return refused or Response(status_code=500)
        return await run_in_threadpool(self.pages.start_run, request, member, form)


def _action(what: str, key: str, form: FormData, member: Member) -> tuple[str, str, dict[str, Any]]:
    """The checklist action a form asks for, with its options (the person is the actor)."""
    note = str(form.get("note", ""))
    force = form.get("force") == "1"
    options: dict[str, Any] = {"actor": member.name, "note": note}
    if what in ITEM_ACTIONS:
        if what == "take":
            return "assign", key, {**options, "owner": member.name}
        return what, key, {**options, "force": force} if what == "done" else options
    if what == "sent":
        channels = [str(c) for c in form.getlist("channel")]
        return "sent", str(form.get("stage", "")), {**options, "channels": channels}
    if what == "close":
        return "close", "", {**options, "force": force}
    if what == "resume":
        return "resume", "", options
    if what == "facts":
        prefix = "fact:"
        values = {str(k)[len(prefix) :]: str(v) for k, v in form.multi_items() if str(k).startswith(prefix)}
        return "facts", "", {**options, "facts": values}
    raise CrisisplayError(f"unknown action {what!r}")


def create_app(config: RoomConfig) -> Starlette:
    """The ASGI app for ``config`` (the session key comes from the database unless given)."""
    room = Room(config)
    if config.secret:
        secret = config.secret
    else:
        with Store.open(config.db_path) as store:
            secret = members.session_secret(store)
    routes = [
        Route("/", room.home),
        Route("/healthz", room.healthz),
        Route("/login", room.login, methods=["GET", "POST"]),
        Route("/logout", room.logout, methods=["POST"]),
        Route("/join/{token}", room.join, methods=["GET", "POST"]),
        Route("/runs", room.start, methods=["POST"]),
        Route("/runs/{run_id}", room.run_page),
        Route("/runs/{run_id}/live", room.live),
        Route("/runs/{run_id}/log", room.run_log),
        Route("/runs/{run_id}/download/{name}", room.download),
        Route("/runs/{run_id}/items/{key}/{what}", room.change, methods=["POST"]),
        Route("/runs/{run_id}/{what}", room.change, methods=["POST"]),
        Mount("/static", app=StaticFiles(packages=[("crisisplay.room", "static")]), name="static"),
    ]
    middleware = [
        Middleware(TooLarge),
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_AGE,
            same_site="lax",
            https_only=config.secure_cookies,
        ),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.room = room
    return app

