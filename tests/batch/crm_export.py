"""A generated CRM-like export and what must happen to each of its rows.

Rows are what a Russian company's CRM really exports: ``;`` between cells, a byte-order
mark (or Windows-1251), phones in a dozen local formats and some foreign ones, landlines,
toll-free and premium-rate numbers, the company's own hotline, garbage; channel choices
written in Russian, English and as a JSON list; repeated customers; names in capitals and
surname first. Each row carries its expected outcome, worked out here from what the row
*is* (never by asking the engine): a mobile goes to its own E.164 number on a channel the
person chose, everything else is rejected with a given reason.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field

HEADER = ["id", "name", "locale", "channels", "phone", "email", "country"]


def mobile_formats(n: str) -> list[str]:
    """Eleven-plus ways a Russian mobile (10 national digits ``n``) is written by hand."""
    a, b, c, d = n[:3], n[3:6], n[6:8], n[8:]
    return [
        f"+7 {a} {b}-{c}-{d}", f"+7{n}", f"8{n}", f"8 ({a}) {b}-{c}-{d}", f"8-{a}-{b}-{c}-{d}", n,
        f"7{n}", f"7 ({a}) {b} {c} {d}", f"({a}) {b}-{c}-{d}", f"8 {a} {b}{c}{d}", f"+7({a}){b}{c}{d}",
        f"8.{a}.{b}.{c}.{d}", f"  +7 {a} {b} {c} {d} ", f"8 {a} {b}\u2013{c}\u2013{d}", f"7-{a}-{b}-{c}-{d}",
    ]


SMS_WORDS = ["смс", "SMS", "sms", "СМС", "Смс", '["sms"]', "text", "смс-сообщение"]
VOICE_WORDS = ["звонок", "voice", "Звонок", '["voice"]', "голосовой звонок"]
EMAIL_WORDS = ["почта", "E-mail", "email", "эл. почта", "электронная почта", '["email"]', "Почта", "e-mail"]
UNKNOWN_WORDS = ["факс", "телефон", "голубиная почта", "[broken", "pigeon"]
LOCALES = ["ru", "en", "", "de", "ru-RU", "en_GB", "RU"]
NAMES = [  # (as in the CRM, the Russian greeting, the English greeting)
    ("МАРИЯ", "Мария", "Мария"),
    ("соколов дмитрий сергеевич", "Дмитрий Сергеевич", "Дмитрий"),
    ("  ЁЛКИН   АЛЕКСЕЙ ", "Алексей", "Алексей"),
    ("Петров Иван", "Иван", "Иван"),
    ("ИВАНОВА ОЛЬГА ЮРЬЕВНА", "Ольга Юрьевна", "Ольга"),
    ("SMITH, JOHN", "John", "John"),
    ("Анна", "Анна", "Анна"),
]
HOTLINE = "8 800 555-35-35"  # the bundled base's ru hotline: the company's own number


def _mobile(rng: random.Random, region: str, make: Callable[[random.Random], str]) -> str:
    """National digits of a number libphonenumber (the reference) calls a mobile in ``region``."""
    import phonenumbers

    while True:
        digits = make(rng)
        number = phonenumbers.parse("+" + str(phonenumbers.country_code_for_region(region)) + digits)
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
            return digits


@dataclass
class Expected:
    """``sent`` (channel among ``channels``, to ``address``) or ``rejected`` with ``reason``."""

    outcome: str
    reason: str = ""
    channels: tuple[str, ...] = ()
    address: str = ""
    greeting: str = ""  # the e-mail's first line, when it goes by e-mail


@dataclass
class Export:
    rows: list[list[str]] = field(default_factory=list)
    expected: list[Expected] = field(default_factory=list)

    def text(self) -> str:
        lines = [";".join(HEADER)] + [";".join(_cell(value) for value in row) for row in self.rows]
        return "\r\n".join(lines) + "\r\n"


def _cell(value: str) -> str:
    if any(ch in value for ch in ';"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def generate(count: int, seed: int = 18) -> Export:
    rng = random.Random(seed)
    export = Export()
    sent_phones: dict[tuple[str, str], str] = {}  # (channel, E.164) → id that got it
    sent_rows: list[int] = []
    for index in range(count):
        rid = f"C{index:05d}"
        name, ru_greeting, en_greeting = rng.choice(NAMES)
        locale = rng.choice(LOCALES)
        english = locale.lower().startswith("en") or locale in ("", "de")  # no version: the English one
        roll = rng.random()
        phone, email, country, channels = "", "", "", ""
        expected: Expected
        if roll < 0.05 and sent_rows:  # the same customer exported twice
            original = rng.choice(sent_rows)
            export.rows.append(list(export.rows[original]))
            export.expected.append(Expected("rejected", "duplicate"))
            continue
        if roll < 0.08 and sent_phones:  # another id with a number already sent to on SMS
            (channel, e164), _first = rng.choice(sorted(sent_phones.items()))
            if channel == "sms":
                export.rows.append([rid, name, locale, "смс", e164, "", ""])
                export.expected.append(Expected("rejected", "duplicate"))
                continue
        if roll < 0.45:  # a mobile, in one of many local formats, by SMS or a call
            digits = _mobile(rng, "RU", lambda r: f"9{r.randrange(10**9):09d}")
            phone = rng.choice(mobile_formats(digits))
            voice = rng.random() < 0.25
            channels = rng.choice(VOICE_WORDS if voice else SMS_WORDS)
            channel = "voice" if voice else "sms"
            e164 = "+7" + digits
            if (channel, e164) in sent_phones:
                expected = Expected("rejected", "duplicate")
            else:
                expected = Expected("sent", channels=(channel,), address=e164)
                sent_phones[(channel, e164)] = rid
        elif roll < 0.50:  # a foreign mobile, written as it is abroad, with its country code
            phone, e164 = rng.choice([("+44 7400 123456", "+447400123456"), ("+375 29 123-45-67", "+375291234567"),
                                      ("+7 701 123 4567", "+77011234567"), ("+49 1512 3456789", "+4915123456789")])
            phone = phone if rng.random() < 0.5 else e164
            key = ("sms", e164)
            channels = rng.choice(SMS_WORDS)
            expected = (Expected("rejected", "duplicate") if key in sent_phones
                        else Expected("sent", channels=("sms",), address=e164))
            sent_phones.setdefault(key, rid)
        elif roll < 0.55:  # a customer in Belarus, number written as there: the country column reads it
            digits = _mobile(rng, "BY", lambda r: r.choice(["25", "29", "33", "44"]) + f"{r.randrange(10**7):07d}")
            phone = rng.choice([f"8 0{digits[:2]} {digits[2:5]}-{digits[5:7]}-{digits[7:]}",
                                f"8 (0{digits[:2]}) {digits[2:]}"])
            country = rng.choice(["BY", "Беларусь", "by", "Belarus"])
            channels = "sms"
            e164 = "+375" + digits
            key = ("sms", e164)
            expected = (Expected("rejected", "duplicate") if key in sent_phones
                        else Expected("sent", channels=("sms",), address=e164))
            sent_phones.setdefault(key, rid)
        elif roll < 0.60:  # a Moscow or St Petersburg landline: no SMS there
            phone = rng.choice(["8 (495) 123-45-67", "+7 495 765 43 21", "8 (812) 555-12-34", "4957654321"])
            channels = rng.choice(SMS_WORDS)
            expected = Expected("rejected", "number_type")
        elif roll < 0.64:  # toll-free and premium-rate numbers reach nobody
            phone = rng.choice(["8 800 100-20-30", "+7 800 200 3000", "8 809 123-45-67", "+7 803 765 43 21"])
            channels = rng.choice(SMS_WORDS + VOICE_WORDS)
            expected = Expected("rejected", "number_type")
        elif roll < 0.67:  # the company's own hotline, mistyped into the customer's card
            phone = rng.choice([HOTLINE, "+78005553535", "8 (800) 555-35-36"])
            channels = rng.choice(SMS_WORDS + VOICE_WORDS)
            expected = Expected("rejected", "own_number")
        elif roll < 0.72:  # garbage where the phone should be
            phone = rng.choice(["12345", "нет", "+7 (912) 17", "89121708", "телефон", "не звонить", "0"])
            channels = rng.choice(SMS_WORDS)
            expected = Expected("rejected", "no_valid_address")
        elif roll < 0.92:  # e-mail, written in every way
            email = f"client{index}@example.com"
            channels = rng.choice(EMAIL_WORDS)
            phone = f"+79{rng.randrange(10**9):09d}" if rng.random() < 0.5 else ""
            expected = Expected("sent", channels=("email",), address=email,
                                greeting=(f"Hello {en_greeting}," if english else f"Здравствуйте, {ru_greeting}."))
        elif roll < 0.95:  # several choices: the first that works
            phone = "8 (495) 123-45-67"  # a landline: SMS cannot go, e-mail can
            email = f"client{index}@example.com"
            channels = rng.choice(["смс; почта", '["sms", "email"]', "SMS, E-mail", "смс почта"])
            expected = Expected("sent", channels=("sms", "email"), address=email,
                                greeting=(f"Hello {en_greeting}," if english else f"Здравствуйте, {ru_greeting}."))
        elif roll < 0.98:  # a choice that is not a channel
            channels = rng.choice(UNKNOWN_WORDS)
            phone = f"+79{rng.randrange(10**9):09d}"
            expected = Expected("rejected", "unknown_channel")
        else:  # no choice at all: the test playbook allows no fallback
            phone = f"+79{rng.randrange(10**9):09d}"
            expected = Expected("rejected", "no_preference")
        export.rows.append([rid, name, locale, channels, phone, email, country])
        export.expected.append(expected)
        if expected.outcome == "sent":
            sent_rows.append(len(export.rows) - 1)
    return export


def playbook_yaml(locale: str) -> str:
    """A scenario on the bundled base (phone_region RU, the hotline) with SMS, voice and e-mail."""
    ru = locale == "ru"
    data = {
        "crisisplay": 1, "id": "crm", "title": "CRM", "locale": locale,
        "extends": f"bundled:base/base.{locale}.yaml",
        "facts": {"incident": {"type": "text", "required": True, "description": "What happened."}},
        "stages": {"first_notice": {"kind": "first_notice", "due": "20m", "templates": {
            "sms": ("{{ company }}: {{ incident }} Новости в {{ next_update_at | time }}. {{ hotline }}" if ru else
                    "{{ company }}: {{ incident }} Next update {{ next_update_at | time }}. {{ hotline }}"),
            "voice": ("{{ company }}. {{ incident }} Следующее сообщение в {{ next_update_at | time }}. "
                      "Горячая линия {{ hotline }}." if ru else
                      "{{ company }}. {{ incident }} Next update at {{ next_update_at | time }}. Call {{ hotline }}."),
            "email": {
                "subject": "{{ company }}: {{ incident }}",
                "body": (f"{{% include '{locale}/greeting.j2' %}}\n\n{{{{ incident }}}}\n\n"
                         + ("Следующее письмо — {{ next_update_at | datetime }}. Горячая линия {{ hotline }}."
                            if ru else "Next update: {{ next_update_at | datetime }}. Call {{ hotline }}.")),
            },
        }}},
    }
    data["facts"]["next_update_at"] = {"type": "datetime", "required": True, "description": "Next update."}
    return json.dumps(data, ensure_ascii=False)  # JSON is YAML
