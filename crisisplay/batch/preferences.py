"""Channel preferences as CRM exports write them: a vocabulary in Russian and English.

A customer's choice of channel is consent: a message on a channel they did not choose
(a robocall instead of an e-mail) is worse than none. So a preference is read, never
guessed: ``почта``, ``E-mail``, ``смс``, ``телеграм``, ``звонок`` and the JSON list form
``["email","sms"]`` (also inside a CSV cell) are understood; anything else makes the row a
rejection (``unknown_channel``) that names the word, and an ambiguous word (``телефон``:
a call or an SMS?) says what to write instead. ``нет`` / ``none`` (and the like) is an
explicit refusal of contact (``opted_out``).

Items are separated by ``;`` ``,`` ``|`` ``/`` ``+`` or a new line; within an item, words
are matched as phrases first (``электронная почта``, ``push notification``), so space-
separated lists (``sms email``) work too. Case, ``ё`` and stray quotes do not matter.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: Every word or phrase, normalised (lower case, ё → е), and the channel it names.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "sms": ("sms", "смс", "эсэмэс", "эсэмэска", "смска", "смс-ка", "sms-сообщение", "смс-сообщение",
            "sms сообщение", "смс сообщение", "text", "text message", "texts", "текстовое сообщение"),
    "email": ("email", "e-mail", "e mail", "mail", "емейл", "емэйл", "имейл", "имэйл", "емайл", "мейл",
              "почта", "эл. почта", "эл.почта", "эл почта", "электронная почта", "электронное письмо",
              "письмо", "по почте", "на почту"),
    "voice": ("voice", "call", "calls", "phone call", "voice call", "звонок", "звонки", "голос",
              "голосовой звонок", "телефонный звонок", "обзвон", "позвонить"),
    "telegram": ("telegram", "телеграм", "телеграмм", "tg", "тг", "телега"),
    "whatsapp": ("whatsapp", "whats app", "what's app", "wa", "вотсап", "вотсапп", "ватсап", "ватсапп",
                 "вацап", "вацапп"),
    "vk": ("vk", "вк", "вконтакте", "в контакте", "vkontakte"),
    "push": ("push", "пуш", "push-уведомление", "пуш-уведомление", "push уведомление", "пуш уведомление",
             "push notification", "notification", "уведомление", "уведомление в приложении",
             "в приложении", "app", "app notification"),
}
#: Words that refuse contact altogether.
OPT_OUT = frozenset({"none", "no", "нет", "никак", "не беспокоить", "не связываться", "do not contact",
                     "do not disturb", "отказ"})
#: Words that do not say which channel, with what to write instead.
AMBIGUOUS = {
    "phone": "a call (voice) or an SMS (sms)?",
    "телефон": "звонок (voice) или смс (sms)?",
    "тел": "звонок (voice) или смс (sms)?",
    "mobile": "a call (voice) or an SMS (sms)?",
    "мобильный": "звонок (voice) или смс (sms)?",
    "messenger": "telegram, whatsapp or vk?",
    "мессенджер": "telegram, whatsapp или vk?",
}
WORDS: dict[str, str] = {word: channel for channel, words in VOCABULARY.items() for word in words}
_LONGEST = max(len(word.split()) for word in (*WORDS, *OPT_OUT))
_ITEM_SPLIT = re.compile(r"[;,|/+\n\r]+")
_STRIP = " \t\"'«»“”„`.:!?()[]{}"


@dataclass(frozen=True)
class Preferences:
    """The channels a row names, in order; what could not be read; an explicit refusal."""

    channels: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    opted_out: bool = False

    def problem(self) -> str:
        """The rejection detail for unknown words ("" when there are none)."""
        if not self.unknown:
            return ""
        parts = []
        for word in self.unknown:
            hint = AMBIGUOUS.get(_normalise(word))
            parts.append(f"{word!r} ({hint})" if hint else repr(word))
        return (f"channel preference {', '.join(parts)} is not a channel crisisplay knows; "
                f"write one of {', '.join(VOCABULARY)} (or смс, почта, звонок, телеграм …; docs/batch.md)")


NONE = Preferences()


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").replace("\u2011", "-").replace("\u2010", "-").split()).strip(_STRIP)


def _item(text: str, channels: list[str], unknown: list[str]) -> bool:
    """Read one item into ``channels``/``unknown``; True when it refuses contact."""
    normal = _normalise(text)
    if not normal:
        return False
    if normal in WORDS:
        channels.append(WORDS[normal])
        return False
    if normal in OPT_OUT:
        return True
    words = normal.split()
    index = 0
    refused = False
    while index < len(words):
        for size in range(min(_LONGEST, len(words) - index), 0, -1):
            phrase = " ".join(words[index:index + size]).strip(_STRIP)
            if phrase in WORDS:
                channels.append(WORDS[phrase])
                break
            if phrase in OPT_OUT:
                refused = True
                break
        else:
            size = 1
            if words[index].strip(_STRIP):
                unknown.append(words[index].strip(_STRIP))
        index += size
    return refused


def _from_items(items: Iterable[str]) -> Preferences:
    channels: list[str] = []
    unknown: list[str] = []
    refused = False
    for item in items:
        refused = _item(item, channels, unknown) or refused
    return Preferences(tuple(dict.fromkeys(channels)), tuple(dict.fromkeys(unknown)), refused and not channels)


@functools.lru_cache(maxsize=4096)
def parse_preferences(text: str) -> Preferences:
    """A CSV cell: ``смс; почта``, ``E-mail, SMS``, ``["email","sms"]``; cached (few distinct values)."""
    stripped = text.strip()
    if not stripped:
        return NONE
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except ValueError:
            return Preferences(unknown=(stripped,))
        if isinstance(value, list):
            return parse_value(value)
        return Preferences(unknown=(stripped,))
    return _from_items(_ITEM_SPLIT.split(stripped))


def parse_value(value: Any) -> Preferences:
    """A CSV cell or a JSONL value (a string or a list of strings)."""
    if value is None:
        return NONE
    if isinstance(value, (list, tuple)):
        texts = [item for item in value if isinstance(item, str)]
        odd = [json.dumps(item, ensure_ascii=False) for item in value if not isinstance(item, str)]
        found = _from_items(texts)
        return Preferences(found.channels, found.unknown + tuple(odd), found.opted_out) if odd else found
    return parse_preferences(str(value))
