"""Status page: an incident update in Markdown (title, stage, time, text).

Status pages (Atlassian Statuspage, Instatus, a static page) take Markdown; there is no
length limit that matters, so only a playbook's ``max_length`` applies. HTML in the text
(a fact holding ``<script>``) is escaped: Markdown renderers pass raw HTML through.
"""

from __future__ import annotations

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule
from crisisplay.render.channels.markdown import escape_html
from crisisplay.render.locale import language

STAGE_LABELS = {
    "ru": {"first_notice": "Расследуем", "update": "Обновление", "resolution": "Решено",
           "follow_up": "После инцидента", "internal": "Для сотрудников", "custom": "Сообщение"},
    "en": {"first_notice": "Investigating", "update": "Update", "resolution": "Resolved",
           "follow_up": "Follow-up", "internal": "Internal", "custom": "Notice"},
}
UPDATED = {"ru": "Обновлено", "en": "Updated"}


class StatusPageChannel(Channel):
    name = "status_page"
    title = "Status page"
    parts = ("title", "body")
    markup = "markdown"
    extension = "md"
    limit_rules = (LimitRule("characters", None, "hard", "max_length", "text length", ""),)

    def build(self, data: BuildInput) -> ChannelOutput:
        lang = language(data.locale)
        labels = STAGE_LABELS.get(lang, STAGE_LABELS["en"])
        title = data.parts.get("title", "").strip() or data.stage.title or data.playbook.title
        body = data.parts.get("body", "")
        when = data.filters.datetime(data.at)
        status = labels.get(data.stage.kind, data.stage.kind)
        native = (f"# {escape_html(title)}\n\n**{status}** · {UPDATED.get(lang, UPDATED['en'])}: {when}\n\n"
                  f"{escape_html(body)}\n")
        text = f"{title}\n\n{body}"
        return self.finish(data, ChannelOutput(text, native, self.file_name(), {"characters": len(body)}))


CHANNEL = StatusPageChannel()
