"""Render a :class:`PreviewPage` to one self-contained HTML document.

Jinja2 with ``autoescape=True``: every message, fact and finding is text, so a fact
holding ``<script>`` shows as those characters. The stylesheet is ours and goes in
unescaped; a Content-Security-Policy in the page forbids scripts and any network
request, so even a bug in escaping could not make the page call out.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from crisisplay.preview.labels import labels_for, plural_for
from crisisplay.preview.model import PreviewPage
from crisisplay.preview.style import PREVIEW_CSS

TEMPLATE = "page.html.j2"


def environment() -> Any:
    """The Jinja2 environment over the package's templates (no filesystem paths)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("crisisplay.preview", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(page: PreviewPage, *, css: str = PREVIEW_CSS) -> str:
    """The HTML text of the page (``css`` lets a company theme replace the look)."""
    from markupsafe import Markup

    titles = {f.number: f.title for card in page.cards for f in card.findings}
    titles.update({f.number: f.title for f in page.general_findings})

    def marks_title(numbers: Iterable[int]) -> str:
        return " | ".join(titles.get(n, "") for n in numbers)

    template = environment().get_template(TEMPLATE)
    return str(template.render(
        page=page,
        t=labels_for(page.lang),
        plural=plural_for(page.lang),
        titles={card.channel: card.title for card in page.cards},
        marks_title=marks_title,
        keep_together=functools.partial(keep_phones_together, lang=page.lang.split("-")[0]),
        site_banner=site_banner,
        # Our own stylesheet, not user text; "</" cannot end the <style> element early.
        css=Markup(css.replace("</", "<\\/")),
    ))


def keep_phones_together(text: str, *, lang: str) -> Any:
    """Escaped ``text`` with each phone number in a no-break span: «555-35-35» split at a
    hyphen reads as two numbers. Numbers are found as lint finds them (phonenumbers)."""
    from markupsafe import Markup, escape

    if sum(ch.isdigit() for ch in text) < 6:
        return escape(text)
    from crisisplay.tone.contacts import find_phones

    out = Markup("")
    cursor = 0
    for phone in find_phones(text, lang):
        if phone.start < cursor:
            continue
        out += escape(text[cursor:phone.start]) + Markup('<span class="nowrap">') + escape(
            text[phone.start:phone.end]) + Markup("</span>")
        cursor = phone.end
    return out + escape(text[cursor:])


def site_banner(title: Any, body: Any, kind: str, lang: str, dismissible: object = True) -> Any:
    """The website banner exactly as the channel writes it (``title``/``body`` are the
    page's escaped, highlighted markup)."""
    from markupsafe import Markup

    from crisisplay.render.channels.contact_links import link_contacts
    from crisisplay.render.channels.website_banner import banner_html

    language = lang.split("-")[0]
    return Markup(banner_html(str(title).strip(), link_contacts(str(body).strip(), language), kind=kind,
                              locale=lang, dismissible=bool(dismissible)))
