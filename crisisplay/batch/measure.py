"""Per-message figures for limit checks, cheap enough to run a million times.

The channel modules measure a message while building its native output (an ``.eml``,
SSML, a JSON payload) and run authoring checks such as mixed-script words; that costs
0.4 ms for an SMS and several ms for an e-mail, which is right for one announcement
and wrong for a million. Here the batch computes only the figures the channel's limit
rules look at, with the channel modules' own functions, and hands them to the
channels' :func:`~crisisplay.render.channels.base.apply_limits`: the limits and their
meaning stay defined in one place.

:func:`sms_count` is :func:`crisisplay.render.gsm.count_sms` with a fast path for the
common cases (no GSM escape characters, no characters outside the BMP), where the
segment count is a division; anything else goes to ``count_sms`` itself.
``tests/batch/test_batch_measure.py`` checks that both agree on random texts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from crisisplay.render.gsm import (
    GSM_BASIC,
    GSM_EXTENSION,
    GSM_PART,
    GSM_SINGLE,
    UCS2_PART,
    UCS2_SINGLE,
    SmsCount,
    count_sms,
)

_NOT_GSM_BASIC = re.compile("[^" + re.escape("".join(sorted(GSM_BASIC))) + "]")
#: Characters the division shortcut cannot count: GSM escapes (two septets) and astral ones.
_NOT_SIMPLE = re.compile("[" + re.escape("".join(sorted(GSM_EXTENSION))) + "\U00010000-\U0010ffff]")


def sms_count(text: str) -> SmsCount:
    """Encoding, units and segments of an SMS, as ``count_sms`` computes them."""
    length = len(text)
    if length == 0:
        return count_sms(text)
    if _NOT_GSM_BASIC.search(text) is None:
        segments = 1 if length <= GSM_SINGLE else -(-length // GSM_PART)
        return SmsCount("GSM-7", length, length, segments, GSM_SINGLE if segments == 1 else GSM_PART)
    if _NOT_SIMPLE.search(text) is not None:
        return count_sms(text)
    segments = 1 if length <= UCS2_SINGLE else -(-length // UCS2_PART)
    return SmsCount("UCS-2", length, length, segments, UCS2_SINGLE if segments == 1 else UCS2_PART)


def sms_figures(text: str) -> dict[str, Any]:
    """``count_sms(text).as_figures()``: the common cases without building a ``SmsCount``."""
    length = len(text)
    if length:
        if _NOT_GSM_BASIC.search(text) is None:
            encoding, single, part = "GSM-7", GSM_SINGLE, GSM_PART
        elif _NOT_SIMPLE.search(text) is None:
            encoding, single, part = "UCS-2", UCS2_SINGLE, UCS2_PART
        else:
            return count_sms(text).as_figures()
        segments = 1 if length <= single else -(-length // part)
        return {"characters": length, "encoding": encoding, "units": length, "segments": segments,
                "per_segment": single if segments == 1 else part}
    return count_sms(text).as_figures()


def squeezer(fixed: Iterable[str]) -> Callable[[str], str]:
    """Inner whitespace collapsed, edges trimmed (how a subject, preheader or title is sent),
    with ``fixed`` (a channel's parts that are the same for everyone) done once."""
    done = {text: " ".join(text.split()) for text in fixed}

    def squeeze(text: str) -> str:
        found = done.get(text)
        return found if found is not None else " ".join(text.split())

    return squeeze


def fast_message(channel: str, parts: dict[str, str], squeeze: Callable[[str], str]) -> tuple[dict[str, Any],
                                                                                            dict[str, Any]]:
    """(:func:`figures`, the output line's message fields) of an SMS, e-mail or push message."""
    body = parts.get("body", "")
    if channel == "sms":
        counted = sms_figures(body)
        return counted, {"text": body, "encoding": counted["encoding"], "segments": counted["segments"]}
    record: dict[str, Any] = {}
    if channel == "email":
        subject, preheader = squeeze(parts.get("subject", "")), squeeze(parts.get("preheader", ""))
        found = {"subject_length": len(subject), "preheader_length": len(preheader), "characters": len(body)}
        record["subject"] = subject
        if parts.get("preheader"):
            record["preheader"] = preheader
        record["text"] = body
        if parts.get("html"):
            record["html"] = parts["html"]
    else:  # push
        found = figures(channel, parts)
        record["title"] = squeeze(parts.get("title", ""))
        record["text"] = body.strip()
    record.update(encoding="UTF-8", segments=None)
    return found, record


def figures(channel: str, parts: dict[str, str]) -> dict[str, Any]:
    """The figures ``channel``'s limit rules check, from its rendered parts."""
    body = parts.get("body", "")
    if channel == "sms":
        return sms_figures(body)
    if channel == "email":
        return {
            "subject_length": len(" ".join(parts.get("subject", "").split())),
            "preheader_length": len(" ".join(parts.get("preheader", "").split())),
            "characters": len(body),
        }
    if channel == "push":
        title = " ".join(parts.get("title", "").split())
        alert = {"aps": {"alert": {"title": title, "body": body.strip()}, "sound": "default"}}
        compact = json.dumps(alert, ensure_ascii=False, separators=(",", ":"))
        return {"title_length": len(title), "characters": len(body.strip()),
                "payload_bytes": len(compact.encode("utf-8"))}
    if channel == "whatsapp":
        return {"characters": len(body), "header_length": len(parts.get("header", "").strip()),
                "footer_length": len(parts.get("footer", "").strip())}
    if channel == "telegram":
        from crisisplay.render.channels.telegram import utf16_length

        title = parts.get("title", "").strip()
        return {"characters": utf16_length(f"{title}\n\n{body}" if title else body)}
    return {"characters": len(body)}
