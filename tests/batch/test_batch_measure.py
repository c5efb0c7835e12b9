"""The batch's fast measures equal the render engine's reference functions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.batch.measure import fast_message, figures, sms_count, sms_figures, squeezer
from crisisplay.render.gsm import GSM_BASIC, GSM_EXTENSION, count_sms

_SMS_ALPHABET = sorted(GSM_BASIC) + sorted(GSM_EXTENSION) + list("абвгдЖЭЯ«»—…") + ["🙂", "𝄞", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(
    st.text(alphabet=sorted(GSM_BASIC), max_size=400),
    st.text(alphabet=_SMS_ALPHABET, max_size=400),
    st.text(alphabet=[*"абвгд ,.", "🙂"], max_size=300),
))
def test_sms_count_matches_count_sms(text: str) -> None:
    assert sms_count(text) == count_sms(text)
    assert sms_figures(text) == count_sms(text).as_figures()


def test_figures_per_channel() -> None:
    assert figures("sms", {"body": "Hello"})["segments"] == 1
    email = figures("email", {"subject": " Outage  today ", "body": "Text", "preheader": "p"})
    assert email == {"subject_length": 12, "preheader_length": 1, "characters": 4}
    push = figures("push", {"title": "T", "body": "Body "})
    assert push["title_length"] == 1 and push["characters"] == 4 and push["payload_bytes"] > 0
    assert figures("telegram", {"title": "T", "body": "🙂"})["characters"] == 5
    assert figures("vk", {"body": "abc"}) == {"characters": 3}


@settings(max_examples=100, deadline=None)
@given(channel=st.sampled_from(["sms", "email", "push"]),
       texts=st.lists(st.text(alphabet=[*"ab ЖЯ\n\t«»", "\u00a0", "🙂"], max_size=40), min_size=4, max_size=4),
       fixed=st.booleans())
def test_fast_message_figures_match(channel: str, texts: list[str], fixed: bool) -> None:
    """The batch's one-pass figures equal :func:`figures`, memoised fixed parts or not."""
    parts = dict(zip(("subject", "preheader", "title", "body"), texts, strict=True))
    squeeze = squeezer(parts.values() if fixed else ())
    found, record = fast_message(channel, parts, squeeze)
    assert found == figures(channel, parts)
    heading = {"email": "subject", "push": "title"}.get(channel)
    if heading is not None:
        assert record[heading] == " ".join(parts[heading].split())
    if channel == "email":
        assert record.get("preheader", "") == (" ".join(parts["preheader"].split()) if parts["preheader"] else "")
