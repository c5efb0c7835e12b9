"""Phone numbers, e-mail addresses and web addresses in HTML text made into links.

A customer reading an e-mail or a banner on a phone taps the hotline to call it: every
phone becomes a ``tel:`` link (its E.164 form), every address a ``mailto:`` link, every
``http(s)://`` or ``www.`` address a link. Numbers and addresses are found by the same
code lint uses (:mod:`crisisplay.tone.contacts`: the phonenumbers library, region by
language). A phone or address link never breaks across lines (``white-space: nowrap``):
«555-35-35» split at a hyphen reads as two numbers. Short service numbers («звоните на
900») stay text: a paragraph is searched for phones only when it holds a long digit run.

Text already inside an ``<a>`` is left alone; tags and attributes are never touched.
"""

from __future__ import annotations

import functools
import html
import re

_SPLIT_RE = re.compile(r"(<[^>]*>)")
_OPEN_A_RE = re.compile(r"<a[\s>]", re.IGNORECASE)
_CLOSE_A_RE = re.compile(r"</a\s*>", re.IGNORECASE)
_DIALABLE_RE = re.compile(r"\+?\d{3,15}")
#: A run of digits long enough to be a phone number (with its "+"): only such runs are
#: given to phonenumbers (it is slow, and most text holds only dates and times). Each run is
#: looked up once: a mass render repeats the hotline in every message.
_MAYBE_PHONE_RE = re.compile(r"\+?\(?\d[\d\s().\-\u00a0]{4,}\d")
_NOWRAP = "white-space:nowrap"


def link_contacts(markup: str, lang: str, *, style: str = "") -> str:
    """``markup`` with phones, e-mail addresses and URLs in its text turned into links.

    ``style`` is added to each link's inline style (e-mail clients drop stylesheets).
    """
    out: list[str] = []
    inside_link = 0
    for piece in _SPLIT_RE.split(markup):
        if piece.startswith("<"):
            if _OPEN_A_RE.match(piece):
                inside_link += 1
            elif _CLOSE_A_RE.match(piece):
                inside_link = max(0, inside_link - 1)
            out.append(piece)
        elif piece and not inside_link:
            out.append(_linked_text(piece, lang, style))
        else:
            out.append(piece)
    return "".join(out)


def link_text(escaped: str, lang: str, style: str = "") -> str:
    """One run of escaped text (no tags) with its contacts linked, as :func:`link_contacts` would."""
    return _linked_text(escaped, lang, style) if escaped else escaped


@functools.lru_cache(maxsize=4096)
def _phones_in(run: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """Dialable phone numbers in one digit run: (start, end, E.164)."""
    from crisisplay.tone.contacts import find_phones

    return tuple((c.start, c.end, c.value) for c in find_phones(run, lang) if _DIALABLE_RE.fullmatch(c.value))


@functools.lru_cache(maxsize=4096)
def _linked_text(escaped: str, lang: str, style: str) -> str:
    """One run of escaped text, linked (cached: a mass render repeats its paragraphs)."""
    plain = html.unescape(escaped)
    phones = _MAYBE_PHONE_RE.search(plain) is not None
    if not (phones or "@" in plain or "://" in plain or "www." in plain.lower()):
        return escaped
    from crisisplay.tone.contacts import find_emails, find_urls

    found: list[tuple[int, int, str]] = []
    for run in _MAYBE_PHONE_RE.finditer(plain) if phones else ():
        offset = run.start()
        for start, end, value in _phones_in(run.group(), lang):
            found.append((offset + start, offset + end, f"tel:{value}"))
    for contact in find_emails(plain) if "@" in plain else ():
        found.append((contact.start, contact.end, f"mailto:{contact.display}"))
    for contact in find_urls(plain):
        shown = contact.display
        if shown.lower().startswith(("http://", "https://")):
            found.append((contact.start, contact.end, shown))
        elif shown.lower().startswith("www."):
            found.append((contact.start, contact.end, f"https://{shown}"))
    if not found:
        return escaped
    parts: list[str] = []
    cursor = 0
    for start, end, href in sorted(found):
        if start < cursor:
            continue  # overlaps a contact already linked (a phone inside a URL)
        attrs = f'href="{html.escape(href, quote=True)}"'
        nowrap = href.startswith(("tel:", "mailto:"))
        css = ";".join(x for x in (style, _NOWRAP if nowrap else "") if x)
        if css:
            attrs += f' style="{html.escape(css, quote=True)}"'
        parts += [html.escape(plain[cursor:start], quote=False), f"<a {attrs}>",
                  html.escape(plain[start:end], quote=False), "</a>"]
        cursor = end
    parts.append(html.escape(plain[cursor:], quote=False))
    return "".join(parts)
