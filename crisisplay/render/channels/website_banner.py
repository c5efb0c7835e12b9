"""Website banner: an HTML fragment for the top of the site, visible text kept short.

The body is written as HTML or plain text; facts are HTML-escaped (autoescaping), plain
text becomes paragraphs. There is no platform limit; a banner over ~250 characters
pushes the page down and is skimmed, so that is the advised maximum (``max_length``
sets the playbook's own).
"""

from __future__ import annotations

from crisisplay.playbook.model import ChannelConfig
from crisisplay.render import rules
from crisisplay.render.channels.base import (
    BuildInput,
    Channel,
    ChannelOutput,
    LimitRule,
    escape,
    finding,
    html_to_text,
    looks_like_html,
    tag_problems,
    text_to_html,
)

ADVISED_LENGTH = 250


class WebsiteBannerChannel(Channel):
    name = "website_banner"
    title = "Website banner"
    parts = ("title", "body")
    markup = "html"
    extension = "html"
    limit_rules = (
        LimitRule("characters", ADVISED_LENGTH, "advised", "max_length", "visible text length",
                  "a banner longer than two lines is skimmed", part="body"),
    )

    def html_parts(self, config: ChannelConfig | None) -> frozenset[str]:
        return frozenset({"title", "body"})

    def build(self, data: BuildInput) -> ChannelOutput:
        title = data.parts.get("title", "").strip()
        body = data.parts.get("body", "")
        inner = body if looks_like_html(body) else text_to_html(body)
        heading = f'  <strong class="crisisplay-banner__title">{title}</strong>\n' if title else ""
        kind = escape(data.stage.kind)
        fragment = (
            f'<div class="crisisplay-banner crisisplay-banner--{kind}" role="status" '
            f'lang="{escape(data.locale.replace("_", "-"))}">\n{heading}  {inner}\n</div>\n'
        )
        text = html_to_text((f"<p>{title}</p>" if title else "") + inner)
        output = ChannelOutput(text, fragment, self.file_name(), {"characters": len(text)})
        for problem in tag_problems(fragment):
            output.diagnostics.append(finding(rules.MARKUP_INVALID, f"website_banner: {problem}",
                                              data.where("body"), severity=None))
        return self.finish(data, output)


CHANNEL = WebsiteBannerChannel()
