"""Channel preferences as exports write them: Russian and English words, JSON lists, refusals."""

from __future__ import annotations

import pytest

from crisisplay.batch.preferences import parse_preferences, parse_value


@pytest.mark.parametrize(("cell", "channels"), [
    ("смс", ("sms",)), ("SMS", ("sms",)), ("СМС", ("sms",)), ("смс-сообщение", ("sms",)), ("text", ("sms",)),
    ("почта", ("email",)), ("E-mail", ("email",)), ("e mail", ("email",)), ("эл. почта", ("email",)),
    ("Электронная почта", ("email",)), ("емейл", ("email",)),
    ("звонок", ("voice",)), ("голосовой звонок", ("voice",)), ("call", ("voice",)),
    ("телеграм", ("telegram",)), ("Telegram", ("telegram",)), ("тг", ("telegram",)),
    ("вотсап", ("whatsapp",)), ("WhatsApp", ("whatsapp",)), ("вконтакте", ("vk",)), ("ВК", ("vk",)),
    ("пуш-уведомление", ("push",)), ("push notification", ("push",)),
    ("смс; почта", ("sms", "email")), ("SMS, E-mail", ("sms", "email")), ("sms email", ("sms", "email")),
    ("звонок / смс", ("voice", "sms")), ("смс|почта|смс", ("sms", "email")), ("«смс»", ("sms",)),
    ('["email","sms"]', ("email", "sms")), ('["почта", "телеграм"]', ("email", "telegram")), ("", ()),
])
def test_words_and_lists(cell: str, channels: tuple[str, ...]) -> None:
    found = parse_preferences(cell)
    assert (found.channels, found.unknown, found.opted_out) == (channels, (), False)


@pytest.mark.parametrize(("cell", "unknown", "hint"), [
    ("факс", ("факс",), ""),
    ("голубиная почта", ("голубиная",), ""),
    ("телефон", ("телефон",), "звонок (voice) или смс (sms)?"),
    ("phone", ("phone",), "a call (voice) or an SMS (sms)?"),
    ("[broken", ("[broken",), ""),
    ('{"a": 1}', ("a", "1"), ""),
])
def test_anything_else_is_named_never_guessed(cell: str, unknown: tuple[str, ...], hint: str) -> None:
    found = parse_preferences(cell)
    assert found.unknown == unknown
    problem = found.problem()
    assert repr(unknown[0]) in problem and hint in problem and "смс, почта" in problem


@pytest.mark.parametrize("cell", ["нет", "none", "Не беспокоить", "do not contact"])
def test_a_refusal_of_contact(cell: str) -> None:
    assert parse_preferences(cell).opted_out


def test_jsonl_values() -> None:
    assert parse_value(["SMS", "почта"]).channels == ("sms", "email")
    assert parse_value(["sms", 5]).unknown == ("5",)
    assert parse_value(None).channels == ()
