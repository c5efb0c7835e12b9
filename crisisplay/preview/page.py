"""Render a :class:`PreviewPage` to one self-contained HTML document.

Jinja2 with ``autoescape=True``: every message, fact and finding is text, so a fact
holding ``<script>`` shows as those characters. The stylesheet is ours and goes in
unescaped; a Content-Security-Policy in the page forbids scripts and any network
request, so even a bug in escaping could not make the page call out.
"""

from __future__ import annotations

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
        # Our own stylesheet, not user text; "</" cannot end the <style> element early.
        css=Markup(css.replace("</", "<\\/")),
    ))
