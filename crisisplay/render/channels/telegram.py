"""Telegram: a sendMessage payload with ``parse_mode`` HTML (default), MarkdownV2 or plain.

Bot API (core.telegram.org/bots/api): ``text`` is 1–4096 characters after entities
parsing (a media ``caption`` would be 0–1024; crisisplay sends text messages).
Telegram measures text in UTF-16 code units, so an
emoji counts 2 here too.

* HTML: templates may use the tags Telegram supports (b, i, u, s, a, code, pre,
  blockquote, tg-spoiler …); facts are HTML-escaped by Jinja's autoescaping, so a fact
  with ``<`` or ``&`` cannot break the message. Other tags are an error.
* MarkdownV2: the template is plain text; every character in ``_*[]()~`>#+-=|{}.!`` and
  the backslash are escaped, as the Bot API requires outside entities. The ``title``
  part becomes bold.
"""

from __future__ import annotations

import html
import re

from crisisplay.playbook.model import ChannelConfig
from crisisplay.render import rules
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, JsonNative, LimitRule, finding
from crisisplay.render.channels.html import tag_problems

MAX_TEXT = 4096
MAX_CAPTION = 1024
PARSE_MODES = ("HTML", "MarkdownV2", "plain")
ALLOWED_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "a", "tg-emoji", "code", "pre", "blockquote",
})
_MD_TABLE = str.maketrans({char: "\\" + char for char in "_*[]()~`>#+-=|{}.!\\"})
_TAG = re.compile(r"<[^>]*>")


def escape_markdown_v2(text: str) -> str:
    """Escape text for MarkdownV2 outside entities (Bot API, 'MarkdownV2 style')."""
    return text.translate(_MD_TABLE)


def unescape_markdown_v2(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_mode(config: ChannelConfig | None) -> str:
    mode = config.options.get("parse_mode", "HTML") if config is not None else "HTML"
    return str(mode) if mode in PARSE_MODES else "HTML"


class TelegramChannel(Channel):
    name = "telegram"
    title = "Telegram"
    parts = ("title", "body")
    extension = "json"

    def html_parts(self, config: ChannelConfig | None) -> frozenset[str]:
        return frozenset({"title", "body"}) if parse_mode(config) == "HTML" else frozenset()

    limit_rules = (
        LimitRule("characters", MAX_TEXT, "hard", "max_length", "text length (UTF-16 units)",
                  "Bot API sendMessage: 1-4096 characters after entities parsing"),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        mode = parse_mode(data.config)
        title = data.parts.get("title", "").strip()
        body = data.parts.get("body", "")
        if mode == "HTML":
            markup = f"<b>{title}</b>\n\n{body}" if title else body
            text = html.unescape(_TAG.sub("", markup))  # Telegram HTML keeps literal newlines
        elif mode == "MarkdownV2":
            plain = f"{title}\n\n{body}" if title else body
            markup = (f"*{escape_markdown_v2(title)}*\n\n" if title else "") + escape_markdown_v2(body)
            text = plain
        else:
            markup = text = f"{title}\n\n{body}" if title else body
        payload: dict[str, object] = {}
        if data.option("sender"):
            payload["chat_id"] = data.option("sender")
        payload["text"] = markup
        if mode != "plain":
            payload["parse_mode"] = mode
        payload["link_preview_options"] = {"is_disabled": True}
        figures: dict[str, object] = {"characters": utf16_length(text), "parse_mode": mode}
        output = ChannelOutput(text, JsonNative(payload), self.file_name(), figures)
        if mode == "HTML":
            for problem in tag_problems(markup, ALLOWED_TAGS):
                output.diagnostics.append(finding(
                    rules.MARKUP_INVALID, f"telegram: {problem} in parse_mode HTML", data.where("body"),
                    fix="use only the tags the Bot API lists, or set parse_mode: plain"))
        if not text.strip():
            output.diagnostics.append(finding(rules.LIMIT_EXCEEDED, "telegram: the message is empty "
                                              "(the Bot API needs 1-4096 characters)", data.where("body")))
        return self.finish(data, output)


CHANNEL = TelegramChannel()
