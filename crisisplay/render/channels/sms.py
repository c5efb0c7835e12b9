"""SMS: plain text, counted in GSM-7 septets or UCS-2 units and segments (3GPP TS 23.038/23.040).

A Russian SMS is UCS-2 anyway (Cyrillic is not in GSM-7). A Latin one is GSM-7 until a
single curly quote, long dash or emoji switches the whole message to UCS-2 and can
double its price: that switch is reported with each character and its position.
"""

from __future__ import annotations

from crisisplay.diagnostics.model import Diagnostic
from crisisplay.render import rules
from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule, finding
from crisisplay.render.gsm import GSM_ALL, MAX_PARTS, count_sms, gsm_alternative, stray_characters
from crisisplay.render.mixed_script import position_label

#: More stray characters than this and the text is simply not Latin: no advice to give.
MAX_STRAY_REPORTED = 8
ADVISED_SEGMENTS = 6


class SmsChannel(Channel):
    name = "sms"
    title = "SMS"
    short = True
    extension = "txt"
    limit_rules = (
        LimitRule("segments", MAX_PARTS, "hard", "max_segments", "segments",
                  "3GPP TS 23.040: the concatenation header numbers parts in one octet"),
        LimitRule("segments", ADVISED_SEGMENTS, "advised", "max_segments", "segments",
                  "each part is billed; many phones show long SMS badly"),
        LimitRule("characters", None, "hard", "max_length", "characters", ""),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        text = data.parts.get("body", "")
        counted = count_sms(text)
        figures = counted.as_figures()
        output = ChannelOutput(text, text + "\n", self.file_name(), dict(figures))
        output.diagnostics.extend(encoding_switch(text, data))
        return self.finish(data, output)


def encoding_switch(text: str, data: BuildInput) -> list[Diagnostic]:
    """Warn when a few characters force UCS-2 and cost more segments than GSM-7 would."""
    if len(set(text).difference(GSM_ALL)) > MAX_STRAY_REPORTED:
        return []  # simply not a Latin text (Cyrillic, say): UCS-2 is its nature, no advice
    counted = count_sms(text)
    if counted.encoding != "UCS-2":
        return []
    strays = stray_characters(text)
    if not strays or len(strays) > MAX_STRAY_REPORTED:
        return []
    cheaper = count_sms(gsm_alternative(text))
    if cheaper.encoding != "GSM-7" or cheaper.segments >= counted.segments:
        return []
    listed = "; ".join(
        f"{stray.char!r} {stray.name} at {position_label(text, stray.index)}"
        + (f" (use {stray.replacement!r})" if stray.replacement else " (remove it)")
        for stray in strays
    )
    return [finding(
        rules.ENCODING_SWITCH,
        f"sms: {len(strays)} character(s) switch the message from GSM-7 to UCS-2: {listed}; "
        f"it costs {counted.segments} segment(s) instead of {cheaper.segments}",
        data.where("body"),
        span=strays[0].char,
        fix="replace them with plain GSM-7 characters (straight quotes, '-', '...')",
    )]


CHANNEL = SmsChannel()
