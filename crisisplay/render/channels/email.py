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

import functools
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from crisisplay.playbook.model import ChannelConfig
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule
from crisisplay.render.channels.html import escape, looks_like_html
from crisisplay.render.locale import language

ADVISED_SUBJECT = 60
ADVISED_PREHEADER = 100
GMAIL_CLIP_BYTES = 102 * 1024


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
        own_html = data.parts.get("html")
        if own_html:
            from crisisplay.render.channels.contact_links import link_contacts

            html_body = link_contacts(own_html, language(data.locale), style=_LINK)
        else:
            html_body = body_to_html(body, data.locale)
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


#: Light and dark colours (text/background pairs are checked for contrast in tests/render).
LIGHT = {"page": "#f6f8fa", "card": "#ffffff", "text": "#1f2328", "link": "#0550ae", "line": "#d0d7de"}
DARK = {"page": "#0d1117", "card": "#161b22", "text": "#e6edf3", "link": "#58a6ff", "line": "#30363d"}
_FONT = "Arial,Helvetica,sans-serif"
_PARAGRAPH = "margin:0 0 16px"
_LINK = f"color:{LIGHT['link']};text-decoration:underline"
#: Dark mode for clients that honour prefers-color-scheme (Apple Mail, iOS, Outlook for Mac);
#: ``[data-ogsc]`` is Outlook.com's. ``!important`` beats the inline light colours.
_HEAD_STYLE = f"""
body{{margin:0;padding:0;width:100%!important;-webkit-text-size-adjust:100%;text-size-adjust:100%}}
@media (max-width:620px){{.cp-pad{{padding:20px 16px!important}}.cp-outer{{padding:12px 8px!important}}}}
@media (prefers-color-scheme:dark){{
.cp-page{{background:{DARK['page']}!important}}
.cp-card{{background:{DARK['card']}!important;border-color:{DARK['line']}!important}}
.cp-text,.cp-text p{{color:{DARK['text']}!important}}
.cp-text a{{color:{DARK['link']}!important}}
}}
[data-ogsc] .cp-text,[data-ogsc] .cp-text p{{color:{DARK['text']}!important}}
[data-ogsc] .cp-text a{{color:{DARK['link']}!important}}
""".strip()


def body_to_html(text: str, locale: str = "en") -> str:
    """Paragraphs, line breaks and links (web, ``tel:``, ``mailto:``) from plain text;
    everything escaped first. Inline styles: many clients drop a ``<style>`` block."""
    from crisisplay.render.channels.contact_links import link_text

    lang = language(locale)
    paragraphs = [p for p in re.split(r"\n\s*\n", escape(text.strip())) if p.strip()]
    # the card's padding ends the last paragraph (an empty body has none)
    styles = [_PARAGRAPH] * (len(paragraphs) - 1) + ["margin:0"] if paragraphs else []
    # Linked line by line: the text holds no tags yet, and a line repeated across renders
    # (the hotline, the status list) is linked once.
    return "\n".join(f'<p style="{css}">' + "<br>\n".join(link_text(line, lang, _LINK) for line in p.split("\n"))
                     + "</p>" for css, p in zip(styles, paragraphs, strict=True))


def html_document(body: str, preheader: str, subject: str, locale: str) -> str:
    """The standard single-column e-mail: a centred 600 px card on a tinted page.

    Table layout with inline styles, which Outlook (Word's renderer), Gmail and the mobile
    apps all draw alike; on a phone the card takes the screen's width. An author's own
    complete ``<html>`` document is sent as written.
    """
    if looks_like_html(body) and "<html" in body.lower():
        return body
    head, tail = _shell(preheader, subject, locale)
    return f"{head}{body}{tail}"


@functools.lru_cache(maxsize=256)
def _shell(preheader: str, subject: str, locale: str) -> tuple[str, str]:
    """The document around the body (the same for every recipient of a mass mailing)."""
    lang = escape(locale.replace("_", "-"))
    # The preheader, then blank characters, so the inbox line does not run on into the body.
    hidden = (
        '<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;'
        f'overflow:hidden;mso-hide:all">{escape(preheader)}{"&#8199;&#847; " * 40}</div>\n'
        if preheader else ""
    )
    page, card, ink, line = LIGHT["page"], LIGHT["card"], LIGHT["text"], LIGHT["line"]
    table = 'role="presentation" cellpadding="0" cellspacing="0" border="0"'
    head = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="x-apple-disable-message-reformatting">\n'
        '<meta name="color-scheme" content="light dark">\n<meta name="supported-color-schemes" content="light dark">\n'
        f"<title>{escape(subject)}</title>\n<style>\n{_HEAD_STYLE}\n</style>\n</head>\n"
        f'<body class="cp-page" style="margin:0;padding:0;background:{page}">\n{hidden}'
        f'<table {table} width="100%" class="cp-page" style="background:{page}">\n'
        f'<tr><td class="cp-outer" align="center" style="padding:24px 12px">\n'
        f'<!--[if mso]><table {table} width="600"><tr><td><![endif]-->\n'
        f'<table {table} width="100%" class="cp-card" style="max-width:600px;background:{card};'
        f'border:1px solid {line};border-radius:6px">\n'
        f'<tr><td class="cp-pad cp-text" style="padding:28px 32px;font-family:{_FONT};font-size:16px;'
        f'line-height:1.5;color:{ink};text-align:left;overflow-wrap:anywhere;word-break:break-word">\n'
    )
    tail = ("\n</td></tr>\n</table>\n<!--[if mso]></td></tr></table><![endif]-->\n"
            "</td></tr>\n</table>\n</body>\n</html>\n")
    return head, tail


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
