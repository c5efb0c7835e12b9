"""Tone lint: calm voice, required elements and cross-channel consistency of crisis messages.

The entry point is :func:`crisisplay.tone.api.lint_messages`. Nothing here imports pymorphy3,
razdel or phonenumbers at import time: they load on the first message checked.
"""

from __future__ import annotations
