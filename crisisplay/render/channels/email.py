"""E-mail: a real ``.eml`` (multipart/alternative: text and HTML) built with ``email``.

Parts: ``subject`` (required), ``preheader`` (the line inboxes show after the subject),
``body`` (plain text, required) and ``html`` (optional; otherwise built from the text
with every fact escaped). Headers are encoded by the standard library's SMTP policy
(RFC 2047 for non-ASCII subjects, CRLF line ends), so the file opens in any client.

Advised limits (not enforced by any server): a subject over ~60 characters is cut in
most inbox lists; a preheader shows ~100; Gmail clips a message whose HTML exceeds
~102 KB behind "View entire message".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from crisisplay.playbook.model import ChannelConfig
from crisisplay.render.channels.base import (
    BuildInput,
    Channel,
    ChannelOutput,
    LimitRule,
    escape,
    looks_like_html,
)

ADVISED_SUBJECT = 60
ADVISED_PREHEADER = 100
GMAIL_CLIP_BYTES = 102 * 1024
_URL_RE = re.compile(r"(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])")


class EmailChannel(Channel):
    name = "email"
    title = "E-mail"
    parts = ("subject", "preheader", "body", "html")
    required = ("subject", "body")
    markup = "html"
    extension = "eml"
    limit_rules = (
        LimitRule("subject_length", ADVISED_SUBJECT, "advised", "max_subject_length", "subject length",
                  "inbox lists cut longer subjects", part="subject"),
        LimitRule("preheader_length", ADVISED_PREHEADER, "advised", None, "preheader length",
                  "inboxes show about 100 characters of preview", part="preheader"),
        LimitRule("html_bytes", GMAIL_CLIP_BYTES, "advised", None, "HTML size in bytes",
                  "Gmail clips messages over 102 KB", part="html"),
        LimitRule("characters", None, "hard", "max_length", "text length", "", part="body"),
    )

    def html_parts(self, config: ChannelConfig | None) -> frozenset[str]:
        return frozenset({"html"})

    def build(self, data: BuildInput) -> ChannelOutput:
        subject = " ".join(data.parts.get("subject", "").split())
        preheader = " ".join(data.parts.get("preheader", "").split())
        body = data.parts.get("body", "")
        html_body = data.parts.get("html") or body_to_html(body)
        document = html_document(html_body, preheader, subject, data.locale)
        sender = data.option("sender")
        native = EmlBuilder(subject, body, document, str(sender) if sender else "", data.at,
                            data.locale, data.stage.id)
        text = "\n\n".join(part for part in (subject, preheader, body) if part)
        figures = {
            "subject_length": len(subject),
            "preheader_length": len(preheader),
            "characters": len(body),
            "html_bytes": len(document.encode("utf-8")),
        }
        return self.finish(data, ChannelOutput(text, native, self.file_name(), figures))


def body_to_html(text: str) -> str:
    """Paragraphs, line breaks and links from plain text; everything escaped first."""
    markup = _URL_RE.sub(r'<a href="\1">\1</a>', escape(text.strip()))
    paragraphs = [p for p in re.split(r"\n\s*\n", markup) if p.strip()]
    return "\n".join("<p>" + p.replace("\n", "<br>\n") + "</p>" for p in paragraphs)


def html_document(body: str, preheader: str, subject: str, locale: str) -> str:
    lang = locale.replace("_", "-")
    hidden = (
        f'<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">{escape(preheader)}</div>\n'
        if preheader else ""
    )
    if looks_like_html(body) and "<html" in body.lower():
        return body
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(subject)}</title>\n</head>\n"
        f'<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">\n'
        f"{hidden}{body}\n</body>\n</html>\n"
    )


@dataclass(frozen=True)
class EmlBuilder:
    """Builds the ``.eml`` on demand (picklable: a worker can send it back unbuilt)."""

    subject: str
    text: str
    document: str
    sender: str
    at: datetime
    locale: str
    stage: str

    def __call__(self) -> bytes:
        message = EmailMessage(policy=SMTP)
        if self.sender:
            message["From"] = self.sender
        message["Subject"] = self.subject
        message["Date"] = format_datetime(self.at)
        message["Content-Language"] = self.locale.replace("_", "-")
        message["X-Crisisplay-Stage"] = self.stage
        message.set_content(self.text.rstrip("\n") + "\n", charset="utf-8")
        message.add_alternative(self.document, subtype="html", charset="utf-8")
        # A boundary derived from the content: the same facts give byte-identical files.
        digest = hashlib.sha256((self.subject + self.text + self.document).encode("utf-8")).hexdigest()[:24]
        message.set_boundary(f"=_crisisplay_{digest}")
        return message.as_bytes(policy=SMTP)


CHANNEL = EmailChannel()
