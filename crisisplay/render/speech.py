"""How long a text takes to say: for IVR announcements and agents' scripts.

An estimate, not a measurement: words divided by a speaking rate (text-to-speech and
trained agents speak at roughly 130 words a minute in Russian, whose words are longer,
and 150 in English), plus the pauses between paragraphs. Numbers are counted as the
words they are read as (a phone number is about one word per digit pair).
"""

from __future__ import annotations

import re

from crisisplay.render.locale import language

WORDS_PER_MINUTE = {"ru": 130, "en": 150}
DEFAULT_WPM = 140
PARAGRAPH_PAUSE = 0.7
_NUMBER_RE = re.compile(r"\d+")


def spoken_words(text: str) -> int:
    """Words as read aloud: whitespace-separated words, and a run of digits read as one
    word per pair ("555 35 35"). Cheap on purpose: it runs for every voice message."""
    extra = sum((len(run) - 1) // 2 for run in _NUMBER_RE.findall(text))
    return len(text.split()) + extra


_PARAGRAPH_RE = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def estimate_seconds(text: str, locale: str, words: int | None = None) -> float:
    rate = WORDS_PER_MINUTE.get(language(locale), DEFAULT_WPM)
    pauses = max(0, len(_PARAGRAPH_RE.findall(text.strip()))) * PARAGRAPH_PAUSE
    count = spoken_words(text) if words is None else words
    return round(count * 60 / rate + pauses, 1)
