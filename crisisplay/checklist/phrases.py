"""How a run is put into words: one object per run and language for every face.

The terminal, the reports, the calendar and the crisis room all name times, owners,
stages and events the same way: times in the playbook locale's CLDR patterns
(``6 декабря, 06:03 МСК``), owners by their role's display name, stages by their title
(never a bare stage id in prose), and items by a short title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisplay.checklist.clock import Moments
from crisisplay.checklist.domain import ItemState, Run
from crisisplay.playbook.model import ChecklistItem
from crisisplay.playbook.timing import RESOLVED, event_stage
from crisisplay.wording import LANGUAGES, Wording, language_of, wording_for

#: How long a derived item title may be (calendar summaries, headings in the room).
TITLE_LIMIT = 60


def short_title(item: ChecklistItem, limit: int = TITLE_LIMIT) -> str:
    """The item's ``title``, else its text cut at a word boundary (``…`` when cut)."""
    if item.title:
        return item.title
    flat = " ".join(item.text.split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return head.rstrip(" ,;:—-") + "…"


def choose_language(run_locale: str, override: str | None = None) -> str:
    """``--lang`` when given (``auto`` = the playbook's), else the playbook's language."""
    if override and override != "auto":
        if override not in LANGUAGES:
            from crisisplay.errors import CrisisplayError

            raise CrisisplayError(f"unknown language {override!r}", hint=f"use one of: auto, {', '.join(LANGUAGES)}")
        return override
    return language_of(run_locale)


@dataclass
class Phrases:
    """Words, times and names for one run in one language."""

    run: Run
    words: Wording
    moments: Moments

    @property
    def language(self) -> str:
        return self.words.language

    def text(self, key: str, **values: object) -> str:
        return self.words.text(key, **values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """The CLDR plural form for ``count``; the text names the number ``{n}``."""
        return self.words.plural(key, count, n=count, **values)

    def time(self, moment: datetime, *, date: bool = True) -> str:
        return self.moments.show(moment, date=date)

    def span(self, delta: timedelta) -> str:
        return self.words.span(delta)

    def relative(self, moment: datetime, now: datetime) -> str:
        return self.words.relative(moment, now)

    def owner(self, owner: str) -> str:
        """A role's display name (``Руководитель клиентского опыта``), or the person as typed."""
        return self.run.snapshot.role_name(owner) if owner else ""

    def stage(self, stage_id: str) -> str:
        """A stage's title, else its kind's name, else (an unknown stage) its id."""
        stage = self.run.snapshot.stages.get(stage_id)
        if stage is None:
            return stage_id
        return stage.title or self.words.term("kind", stage.kind)

    def checklists(self) -> str:
        """The run's checklists by title: ``Первый час, Первый день и Восстановление``."""
        snap = self.run.snapshot
        titles = [snap.checklists[c].title if c in snap.checklists else c for c in self.run.checklist_ids]
        return self.words.join(titles)

    def title(self, item: ItemState) -> str:
        return short_title(item.item)

    def state(self, item: ItemState) -> str:
        if item.waits_on and not item.is_closed:
            return self.text("state_waiting")
        key = f"state_{item.state}"
        return self.text(key) if key in self.words.entries else item.state

    def waits(self, item: ItemState) -> str:
        """``30 мин после завершения кризиса``: when an event-relative deadline starts to run."""
        ref, due = item.item.due_after, item.item.due or timedelta(0)
        if ref == RESOLVED:
            return self.text("waits_resolved", span=self.span(due))
        return self.text("waits_sent", span=self.span(due), stage=self.stage(event_stage(ref) or ""))

    def completes(self, item: ItemState) -> str:
        """``выполнится, когда сообщение «…» отметят отправленным``, or "" for an ordinary item."""
        ref = item.item.completes_on
        if not ref:
            return ""
        if ref == RESOLVED:
            return self.text("completes_resolved")
        return self.text("completes_sent", stage=self.stage(event_stage(ref) or ""))


def phrases_for(run: Run, language: str | None = None) -> Phrases:
    """The run's phrases in ``language`` (``None``/``auto``: the playbook's language)."""
    chosen = choose_language(run.snapshot.locale, language)
    return Phrases(run, wording_for("checklist", chosen), Moments(chosen, run.tz))
