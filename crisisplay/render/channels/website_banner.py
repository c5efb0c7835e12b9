"""Website banner: a self-contained HTML snippet for the top of the site.

The body is written as HTML or plain text; facts are HTML-escaped (autoescaping), plain
text becomes paragraphs. There is no platform limit; a banner over ~250 characters
pushes the page down and is skimmed, so that is the advised maximum (``max_length``
sets the playbook's own).

``website_banner.html`` is what the web team pastes or includes as it is:

* **self-contained**: its own ``<style>``, every selector under ``.crisisplay-banner`` and
  sizes in ``px`` (a host's ``html { font-size: 62.5% }`` cannot shrink it); no script,
  font, image or request;
* **charset-independent**: pure ASCII, every other character a numeric reference, so it
  reads right in a UTF-8 page, a windows-1251 one, or opened on its own;
* **accessible**: colours at least 4.5:1 (WCAG AA), a labelled region, 44 px close target;
  phones are ``tel:`` links kept on one line, addresses ``mailto:`` links;
* **dismissible without JavaScript** (``dismissible: false`` in ``channels.website_banner``
  removes it): a checkbox and its label hide the banner for this page view.

The preview (``crisisplay preview``) draws the banner with :func:`banner_html` too, so
what is approved is what is published.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from crisisplay.playbook.model import ChannelConfig
from crisisplay.render import rules
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule, finding
from crisisplay.render.channels.contact_links import link_contacts
from crisisplay.render.channels.html import escape, html_to_text, looks_like_html, tag_problems, text_to_html
from crisisplay.render.locale import language

ADVISED_LENGTH = 250
#: The banner's own words, in the playbook's language (English for any other).
WORDS = {
    "ru": {"region": "Важное сообщение", "close": "Скрыть сообщение"},
    "en": {"region": "Important notice", "close": "Hide this notice"},
}
#: Stage kinds that report good news: a green banner instead of an amber one.
CALM_KINDS = frozenset({"resolution", "follow_up"})

#: Scoped styles (text/background pairs checked for contrast in tests/render).
BANNER_CSS = """
.crisisplay-banner{display:block;margin:0;padding:0;border:0;text-align:left;direction:ltr}
.crisisplay-banner__toggle{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;
overflow:hidden;clip:rect(0 0 0 0);opacity:0}
.crisisplay-banner__box{display:flex;align-items:flex-start;gap:8px;box-sizing:border-box;width:100%;
margin:0;padding:12px 12px 12px 16px;background:#fff8c5;color:#1f2328;border:0;border-left:6px solid #9a6700;
border-bottom:1px solid #d4a72c;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
letter-spacing:normal;word-spacing:normal;text-transform:none;overflow-wrap:break-word}
.crisisplay-banner--calm .crisisplay-banner__box{background:#dafbe1;border-left-color:#1a7f37;
border-bottom-color:#4ac26b}
.crisisplay-banner__text{flex:1 1 auto;min-width:0;max-width:48em}
.crisisplay-banner__title,.crisisplay-banner p{margin:0 0 4px;padding:0;font:inherit;color:inherit}
.crisisplay-banner__title{font-weight:700}
.crisisplay-banner p:last-child{margin-bottom:0}
.crisisplay-banner a{color:#0550ae;text-decoration:underline}
.crisisplay-banner__close{flex:none;display:flex;align-items:center;justify-content:center;width:44px;height:44px;
margin:-10px -8px -10px 0;border-radius:6px;color:#1f2328;font:28px/1 Arial,sans-serif;cursor:pointer;user-select:none}
.crisisplay-banner__close:hover{background:rgba(31,35,40,.08)}
.crisisplay-banner__toggle:focus-visible~.crisisplay-banner__box .crisisplay-banner__close{outline:3px solid #0550ae;
outline-offset:-3px}
.crisisplay-banner__toggle:checked~.crisisplay-banner__box{display:none}
@media print{.crisisplay-banner__close{display:none}}
""".strip()


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
        # The snippet (links, scoped styles, ASCII references) is built when written out:
        # figures and checks need only the text, and a mass render may never write it.
        native = BannerBuilder(title, inner, data.stage.kind, data.locale, bool(data.option("dismissible", True)),
                               data.playbook.id, data.stage.id)
        text = html_to_text((f"<p>{title}</p>" if title else "") + inner)
        output = ChannelOutput(text, native, self.file_name(), {"characters": len(text)})
        for problem in tag_problems(title + inner):
            output.diagnostics.append(finding(rules.MARKUP_INVALID, f"website_banner: {problem}",
                                              data.where("body"), severity=None))
        return self.finish(data, output)


@dataclass(frozen=True)
class BannerBuilder:
    """Builds ``website_banner.html`` on demand (picklable: a worker can send it back unbuilt)."""

    title: str
    inner: str
    kind: str
    locale: str
    dismissible: bool
    playbook_id: str
    stage_id: str

    def __call__(self) -> str:
        fragment = banner_html(self.title, link_contacts(self.inner, language(self.locale)), kind=self.kind,
                               locale=self.locale, dismissible=self.dismissible)
        return ascii_html(f"<!-- crisisplay website banner: {escape(self.playbook_id)}, stage "
                          f"{escape(self.stage_id)}. Paste into the page body as it is. -->\n{fragment}")


def banner_html(title: str, body: str, *, kind: str, locale: str, dismissible: bool = True) -> str:
    """The banner around ``title`` and ``body`` (both HTML, facts already escaped)."""
    words = WORDS.get(language(locale), WORDS["en"])
    tone = "calm" if kind in CALM_KINDS else "alert"
    # An id from the content: stable output, and two banners on one page do not clash.
    ident = "crisisplay-banner-" + hashlib.sha256((kind + title + body).encode("utf-8")).hexdigest()[:10]
    heading = f'<div class="crisisplay-banner__title">{title}</div>\n' if title else ""
    toggle = close = ""
    if dismissible:
        # The checkbox carries the name for screen readers; the label is its visible,
        # clickable face, hidden from them so the control is announced once.
        toggle = (f'<input type="checkbox" id="{ident}" class="crisisplay-banner__toggle" '
                  f'aria-label="{escape(words["close"])}">\n')
        close = (f'\n<label class="crisisplay-banner__close" for="{ident}" title="{escape(words["close"])}" '
                 f'aria-hidden="true">&times;</label>')
    return (
        f'<div class="crisisplay-banner crisisplay-banner--{tone} crisisplay-banner--{escape(kind)}" '
        f'lang="{escape(locale.replace("_", "-"))}">\n<style>{BANNER_CSS}</style>\n{toggle}'
        f'<div class="crisisplay-banner__box" role="region" aria-label="{escape(words["region"])}">\n'
        f'<div class="crisisplay-banner__text">\n{heading}{body.strip()}\n</div>{close}\n</div>\n</div>\n'
    )


def ascii_html(markup: str) -> str:
    """Every non-ASCII character as a numeric reference: the same page in any charset."""
    return markup.encode("ascii", "xmlcharrefreplace").decode("ascii")


CHANNEL = WebsiteBannerChannel()
