"""X (Twitter): weighted length per twitter-text v3, limit 280.

From twitter/twitter-text ``config/v3.json``: ``maxWeightedTweetLength`` 280, ``scale``
100, ``defaultWeight`` 200, ``transformedURLLength`` 23, ``emojiParsingEnabled`` true,
and weight 100 (one character) for the code point ranges 0–4351 (U+0000–U+10FF, which
includes Latin *and Cyrillic*, U+0400–U+04FF), 8192–8205, 8208–8223 and 8242–8247.
Everything else (CJK, most emoji code points) weighs 2. The text is NFC-normalised
first; a URL counts 23 whatever its length; an emoji sequence (ZWJ, skin tone, flag,
keycap) counts as one default weight (2), as twitter-text's ``parseTweet`` does.
"""

from __future__ import annotations

import re
import unicodedata

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule

MAX_WEIGHTED_LENGTH = 280
SCALE = 100
DEFAULT_WEIGHT = 200
URL_LENGTH = 23
RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))

_TLDS = "com|org|net|ru|рф|su|io|info|biz|me|co|uk|de|app|online|shop|site|dev|by|kz|ua|eu|us"
URL_RE = re.compile(
    rf"(?:https?://[^\s]+|www\.[^\s]+|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s]*)?)",
    re.IGNORECASE,
)
_PICTO = (
    "\U0001F000-\U0001FAFF\u2600-\u27BF\u2300-\u23FF\u2B00-\u2BFF\u2190-\u21FF"
    "\u25A0-\u25FF\u2934\u2935\u3030\u303D\u3297\u3299\u00A9\u00AE\u203C\u2049\u2122\u2139"
)
_EMOJI_START = re.compile(f"[{_PICTO}\U0001F1E6-\U0001F1FF\u20E3]")
EMOJI_RE = re.compile(
    "(?:"
    "[\U0001F1E6-\U0001F1FF]{2}"  # flags: a pair of regional indicators
    "|[0-9#*]\uFE0F?\u20E3"  # keycaps
    f"|[{_PICTO}][\uFE0E\uFE0F]?[\U0001F3FB-\U0001F3FF]?"
    f"(?:\u200D[{_PICTO}][\uFE0E\uFE0F]?[\U0001F3FB-\U0001F3FF]?)*"
    "[\U000E0020-\U000E007F]*"  # tag sequences (subdivision flags)
    ")"
)


def char_weight(char: str) -> int:
    code = ord(char)
    for start, end, weight in RANGES:
        if start <= code <= end:
            return weight
    return DEFAULT_WEIGHT


#: Characters outside the weight-100 ranges: each adds one more to the length.
_HEAVY_RE = re.compile("[^" + "".join(f"{chr(a)}-{chr(b)}" for a, b, _w in RANGES) + "]")


def _trim_url(url: str) -> str:
    return url.rstrip(".,;:!?)»\"'")


def weighted_length(text: str) -> float:
    """twitter-text v3 ``weightedLength`` of ``text``.

    URLs (23 each) and emoji sequences (2 each) are counted and cut out first; every other
    code point weighs 1, or 2 when outside the config's ranges (counted with one regex).
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    total = 0.0
    if "." in text:
        pieces = []
        last = 0
        for match in URL_RE.finditer(text):
            url = _trim_url(match.group(0))
            if not url:
                continue
            pieces.append(text[last:match.start()])
            last = match.start() + len(url)
            total += URL_LENGTH
        pieces.append(text[last:])
        text = "".join(pieces)
    if not text.isascii() and _EMOJI_START.search(text):
        emoji = [m for m in EMOJI_RE.findall(text) if m and not m.isascii()]
        if emoji:
            total += len(emoji) * DEFAULT_WEIGHT / SCALE
            text = EMOJI_RE.sub(lambda m: "" if m.group(0) and not m.group(0).isascii() else m.group(0), text)
    return total + len(text) + len(_HEAVY_RE.findall(text))


class XChannel(Channel):
    name = "x"
    title = "X (Twitter)"
    short = True
    extension = "txt"
    limit_rules = (
        LimitRule("weighted_length", MAX_WEIGHTED_LENGTH, "hard", "max_length", "weighted length",
                  "twitter-text v3 config: maxWeightedTweetLength 280"),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        text = data.parts.get("body", "")
        weighted = weighted_length(text)
        figures = {
            "characters": len(text),
            "weighted_length": int(weighted) if weighted.is_integer() else weighted,
        }
        return self.finish(data, ChannelOutput(text, text + "\n", self.file_name(), figures))


CHANNEL = XChannel()
