"""WhatsApp: a message template's components (header, body, footer) as the Cloud API takes them.

Business-initiated WhatsApp messages must use an approved template. Meta's template
components reference: a text ``header`` up to 60 characters (one line, no formatting),
a ``body`` up to 1024 characters, a ``footer`` up to 60 characters. The native output is
the ``components`` list of a template (ready to submit for approval with the rendered
text), plus the body as WhatsApp shows it.
"""

from __future__ import annotations

from crisisplay.render import rules
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, JsonNative, LimitRule, finding

MAX_HEADER = 60
MAX_BODY = 1024
MAX_FOOTER = 60
SOURCE = "WhatsApp Business Platform, message template components"


class WhatsAppChannel(Channel):
    name = "whatsapp"
    title = "WhatsApp"
    parts = ("header", "body", "footer")
    extension = "json"
    limit_rules = (
        LimitRule("header_length", MAX_HEADER, "hard", "max_title_length", "header length", SOURCE, part="header"),
        LimitRule("characters", MAX_BODY, "hard", "max_length", "body length", SOURCE, part="body"),
        LimitRule("footer_length", MAX_FOOTER, "hard", None, "footer length", SOURCE, part="footer"),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        header = data.parts.get("header", "").strip()
        body = data.parts.get("body", "")
        footer = data.parts.get("footer", "").strip()
        components: list[dict[str, str]] = []
        if header:
            components.append({"type": "HEADER", "format": "TEXT", "text": header})
        components.append({"type": "BODY", "text": body})
        if footer:
            components.append({"type": "FOOTER", "text": footer})
        text = "\n\n".join(part for part in (header, body, footer) if part)
        native = JsonNative({"language": data.locale, "components": components})
        figures = {"characters": len(body), "header_length": len(header), "footer_length": len(footer)}
        output = ChannelOutput(text, native, self.file_name(), figures)
        for part, value in (("header", header), ("footer", footer)):
            if "\n" in value:
                output.diagnostics.append(finding(
                    rules.MARKUP_INVALID, f"whatsapp: the {part} must be one line", data.where(part)))
        return self.finish(data, output)


CHANNEL = WhatsAppChannel()
