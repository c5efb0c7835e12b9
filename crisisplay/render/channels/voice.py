"""Voice (IVR): an SSML announcement for text-to-speech, for customers who cannot use
digital channels.

The template is plain text. Values printed through the filters (dates, times, numbers)
and phone facts reach this builder wrapped in markers; they become W3C SSML ``<say-as>``
elements (``telephone``, ``date`` with ``format="dm"``/``"md"``, ``time`` with
``hms24``/``hms12``, ``cardinal``) so that the engine reads "14:00" as a time and a
phone number digit group by digit group. Paragraphs get a pause (``<break>``). Time
zones are spoken as words ("по московскому времени"), not abbreviations.

The figure that matters is the estimated duration; an IVR message over a minute is
advised against, and ``max_seconds`` sets the playbook's own limit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule
from crisisplay.render.filters import MARKER_RE, strip_markers
from crisisplay.render.speech import estimate_seconds, paragraphs, spoken_words

ADVISED_SECONDS = 60
PAUSE = "700ms"
SSML_NS = "http://www.w3.org/2001/10/synthesis"


def _say_as(kind: str, ssml: str, display: str) -> str:
    interpret, _, fmt = kind.partition(":")
    content = display.replace("-", " ") if interpret == "telephone" else ssml
    attrs = f' interpret-as="{escape(interpret)}"' + (f' format="{escape(fmt)}"' if fmt else "")
    return f"<say-as{attrs}>{escape(content)}</say-as>"


def to_ssml_fragment(text: str) -> str:
    """Escape text for XML and turn value markers into ``<say-as>``."""
    pieces: list[str] = []
    last = 0
    for match in MARKER_RE.finditer(text):
        pieces.append(escape(text[last:match.start()]))
        pieces.append(_say_as(match.group(1), match.group(2), match.group(3)))
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


@functools.lru_cache(maxsize=64)
def xml_lang(locale: str, timezone: str) -> str:
    """``ru-RU``, ``en-GB``: the locale's region, else the company zone's country when the
    language is spoken there (CLDR territory data), else the language's likely region."""
    from babel.core import get_global

    parts = locale.replace("-", "_").split("_")
    if len(parts) > 1:
        return f"{parts[0]}-{parts[-1].upper()}"
    territory = str(get_global("zone_territories").get(timezone, ""))
    info = get_global("territory_languages").get(territory, {}).get(parts[0], {})
    if territory and territory != "001" and (info.get("official_status") or info.get("population_percent", 0) >= 50):
        return f"{parts[0]}-{territory}"
    likely = str(get_global("likely_subtags").get(parts[0], "")).split("_")
    return f"{parts[0]}-{likely[-1]}" if len(likely) > 1 else parts[0]


@dataclass(frozen=True)
class SsmlBuilder:
    """The SSML document, built when written out (picklable)."""

    marked: str
    lang: str
    voice: str | None

    def __call__(self) -> str:
        return build_ssml(self.marked, self.lang, self.voice)


def build_ssml(text: str, lang: str, voice: str | None = None) -> str:
    blocks = [f"  <p>{to_ssml_fragment(' '.join(p.split()))}</p>" for p in paragraphs(text)]
    inner = f'\n  <break time="{PAUSE}"/>\n'.join(blocks)
    if voice:
        inner = f"  <voice name={quoteattr(voice)}>\n{inner}\n  </voice>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<speak version="1.1" xmlns="{SSML_NS}" xml:lang="{escape(lang)}">\n{inner}\n</speak>\n'
    )


class VoiceChannel(Channel):
    name = "voice"
    title = "Voice (IVR, SSML)"
    spoken = True
    markup = "ssml"
    extension = "ssml"
    limit_rules = (
        LimitRule("seconds", ADVISED_SECONDS, "advised", "max_seconds", "estimated duration in seconds",
                  "callers hang up on IVR messages over a minute"),
        LimitRule("characters", None, "hard", "max_length", "text length", ""),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        marked = data.parts.get("body", "")
        text = strip_markers(marked)
        voice = data.option("voice")
        ssml = SsmlBuilder(marked, xml_lang(data.locale, data.playbook.timezone), str(voice) if voice else None)
        figures = {
            "characters": len(text),
            "words": (words := spoken_words(text)),
            "seconds": estimate_seconds(text, data.locale, words),
        }
        # Well-formed by construction (every text run is escaped); tests parse it back.
        return self.finish(data, ChannelOutput(text, ssml, self.file_name(), figures))


CHANNEL = VoiceChannel()
