"""The room's pages: Jinja2 templates (autoescaped) filled from the checklist core.

Runs in worker threads (blocking SQLite, rendering); the app's async handlers call in.
A run's page speaks its playbook's language; the list and the sign-in page speak the
language ``serve --lang`` chose (auto: the newest run's).
"""

from __future__ import annotations

import functools
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crisisplay.checklist import clock
from crisisplay.checklist.phrases import Phrases, choose_language, phrases_for
from crisisplay.checklist.textview import describe_event
from crisisplay.checklist.views import StatusView, build_status
from crisisplay.errors import CrisisplayError
from crisisplay.room.members import Member
from crisisplay.room.messages import MessageCache, NextMessages, declared_facts
from crisisplay.room.pages import audit_rows, run_context, runs_context
from crisisplay.room.runs import Runs
from crisisplay.wording import Wording, wording_for

if TYPE_CHECKING:
    from crisisplay.room.app import RoomConfig

AUDIT_ON_PAGE = 20
_SAFE_NAME = re.compile(r"[^\w.-]+")


@functools.lru_cache(maxsize=1)
def _page_environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("crisisplay.room", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Pages:
    def __init__(self, config: RoomConfig, runs: Runs, messages: MessageCache) -> None:
        self.config = config
        self.runs = runs
        self.messages = messages

    # -- helpers ------------------------------------------------------------------------

    def _language(self) -> str:
        if self.config.language != "auto":
            return self.config.language
        rows = self.runs.rows()
        return choose_language(rows[0].run.snapshot.locale if rows else "en")

    def _page(self, request: Request, template: str, words: Wording, status: int = 200, **context: Any) -> Response:
        from crisisplay.room.app import Room

        html = _page_environment().get_template(template).render(
            w=words.texts(),
            lang=words.language,
            csrf=Room.csrf(request),
            poll_ms=int(self.config.poll_seconds * 1000),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def problem(self, request: Request, member: Member | None, status: int, key: str) -> Response:
        words = wording_for("room", self._language())
        return self._page(request, "problem.html", words, status, member=member, message=words.text(key))

    # -- anonymous ----------------------------------------------------------------------

    def login_page(
        self, request: Request, *, next_url: str = "/", invalid: bool = False, status: int = 200
    ) -> Response:
        words = wording_for("room", self._language())
        return self._page(request, "login.html", words, status, member=None, next_url=next_url, invalid=invalid)

    def join_page(self, request: Request, token: str) -> Response:
        words = wording_for("room", self._language())
        return self._page(request, "join.html", words, member=None, token=token)

    # -- signed in ----------------------------------------------------------------------

    def runs_page(self, request: Request, member: Member, *, error: str = "", status: int = 200) -> Response:
        words = wording_for("room", self._language())
        rows = self.runs.rows()
        phrases = {r.run.id: phrases_for(r.run) for r in rows}
        context = runs_context(rows, words, phrases, clock.now())
        playbooks = self.config.playbooks
        return self._page(
            request, "runs.html", words, status, member=member, error=error, playbooks=playbooks, **context
        )

    def _view(self, run_id: str) -> tuple[StatusView, Phrases]:
        state = self.runs.state(run_id)
        return build_status(state, clock.now(), check_sources=False), phrases_for(state.run)

    def run_page(
        self, request: Request, member: Member, run_id: str, *, error: str = "", status: int = 200
    ) -> Response:
        try:
            view, say = self._view(run_id)
        except CrisisplayError:
            return self.problem(request, member, 404, "not_found")
        words = wording_for("room", say.language)
        flash = request.session.pop("flash", None)
        stage = view.next_update.stage_id or ""
        upcoming: NextMessages | None = self.messages.get(view.state, stage, view.now) if stage else None
        events = self.runs.recent_events(view.state.run.id, AUDIT_ON_PAGE)
        shown = len(events)
        return self._page(
            request,
            "run.html",
            words,
            status,
            member=member,
            error=error,
            flash=flash if isinstance(flash, str) else "",
            seq=view.state.last_seq,
            audit=audit_rows(view.state, events, say),
            audit_label=words.plural("audit_latest", shown, n=shown),
            upcoming=upcoming,
            upcoming_title=say.stage(stage) if stage else "",
            facts=sorted(view.state.facts.items()),
            fact_names=_fact_names(view),
            **run_context(view, say, words, member.name),
        )

    def log_page(self, request: Request, member: Member, run_id: str) -> Response:
        try:
            state = self.runs.state(run_id)
        except CrisisplayError:
            return self.problem(request, member, 404, "not_found")
        say = phrases_for(state.run)
        events = self.runs.all_events(state.run.id)
        words = wording_for("room", say.language)
        audit = audit_rows(state, events, say)
        return self._page(request, "log.html", words, member=member, run=state.run, audit=audit)

    def download(self, request: Request, member: Member, run_id: str, name: str) -> Response:
        from crisisplay.checklist.ics import export_ics
        from crisisplay.checklist.report import render_report

        try:
            view, say = self._view(run_id)
        except CrisisplayError:
            return self.problem(request, member, 404, "not_found")
        base = _SAFE_NAME.sub("-", view.state.run.id)
        if name == "report.html":
            body, kind, file = render_report(view, "html", phrases=say).encode(), "text/html", f"{base}.html"
        elif name == "report.md":
            body, kind, file = render_report(view, "md", phrases=say).encode(), "text/markdown", f"{base}.md"
        elif name == "calendar.ics":
            body = export_ics(view, horizon=timedelta(hours=24), phrases=say)
            kind, file = "text/calendar", f"{base}.ics"
        else:
            return self.problem(request, member, 404, "not_found")
        headers = {"Content-Disposition": f'attachment; filename="{file}"'}
        return Response(body, media_type=f"{kind}; charset=utf-8", headers=headers)

    # -- changes ------------------------------------------------------------------------

    def record(
        self, request: Request, member: Member, run_id: str, action: str, target: str, options: dict[str, Any]
    ) -> Response:
        """One change in one transaction; answered with a redirect (a reload never repeats it)."""
        try:
            outcome = self.runs.act(run_id, action, target, **options)
        except CrisisplayError as exc:
            return self.run_page(request, member, run_id, error=str(exc), status=409)
        say = phrases_for(outcome.state.run)
        words = wording_for("room", say.language)
        request.session["flash"] = words.text("recorded", what=describe_event(outcome.state, outcome.event, say))
        return RedirectResponse(f"/runs/{outcome.state.run.id}#seq-{outcome.event.seq}", status_code=303)

    def start_run(self, request: Request, member: Member, form: FormData) -> Response:
        playbook = str(form.get("playbook", ""))
        if playbook not in self.config.playbooks:  # only what the server offers, never a typed path
            return self.runs_page(request, member, error=f"unknown playbook {playbook!r}", status=400)
        t0 = str(form.get("t0", "")).strip() or None
        try:
            run = self.runs.start(playbook, t0=t0, name=str(form.get("name", "")), actor=member.name)
        except CrisisplayError as exc:
            return self.runs_page(request, member, error=str(exc), status=409)
        return RedirectResponse(f"/runs/{run.id}", status_code=303)


def _fact_names(view: StatusView) -> list[str]:
    """The facts the form offers: those recorded, then the others the playbook declares."""
    names = list(view.state.facts)
    return [*names, *(n for n in declared_facts(view.state) if n not in names)]
