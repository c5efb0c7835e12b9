"""Required elements: real phrasings count, vague promises do not, stages decide."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crisisplay.diagnostics.model import Diagnostic, Severity

LintOne = Callable[..., list[Diagnostic]]


def categories(found: list[Diagnostic]) -> set[str]:
    return {d.category for d in found}

MISSING = {"missing-what-happened", "missing-service-status", "missing-contact", "missing-next-update",
           "missing-empathy"}


@pytest.mark.parametrize(
    "phrase",
    ["Следующее сообщение — в 15:00.", "Сообщим новости в 15.00 по МСК.", "Новое сообщение через 2 часа.",
     "Обновляем информацию каждые 3 часа.", "Следующее обновление 15 марта.", "Расскажем о ходе работ завтра утром.",
     "Напишем в течение получаса."],
)
def test_next_update_phrasings_ru(lint_one: LintOne, phrase: str) -> None:
    found = lint_one(f"Не работает приложение, переводы работают. Извините. {phrase} Тел. 8 800 100-20-30")
    assert "missing-next-update" not in categories(found)


@pytest.mark.parametrize(
    "phrase", ["Next update at 3 PM.", "We'll post an update in two hours.", "We update this page every 30 minutes.",
               "We will share more news tomorrow.", "Next update by noon."],
)
def test_next_update_phrasings_en(lint_one: LintOne, phrase: str) -> None:
    found = lint_one(f"The app is down; transfers work. Sorry. {phrase} Call 0800 123 4567.", lang="en")
    assert "missing-next-update" not in categories(found)


@pytest.mark.parametrize(
    ("text", "lang", "vague"),
    [("Будем держать вас в курсе.", "ru", "держать вас в курсе"), ("We'll keep you posted.", "en", "keep you posted"),
     ("Сообщим, как только всё заработает.", "ru", "как только"), ("Офис откроется в 15:00.", "ru", None),
     ("Мы сообщим о восстановлении.", "ru", "сообщим"), ("Будем сообщать о ходе работ.", "ru", "Будем сообщать"),
     ("Следующее сообщение пришлём отдельно.", "ru", "Следующее сообщение"),
     ("We'll share more details.", "en", "We'll share"), ("Next update to follow.", "en", "Next update"),
     # update words that promise nothing: a software update, what a press office said, an instruction
     ("Идут технические работы по обновлению информационных систем.", "ru", None),
     ("В пресс-службе сообщили, что сбой устранён.", "ru", None),
     ("Никогда не сообщайте код из СМС.", "ru", None), ("Статус платежей: не работают.", "ru", None),
     ("The system update failed.", "en", None), ("The status of payments is unknown.", "en", None),
     ("We will keep working on it.", "en", None)],
)
def test_vague_promises_are_named(lint_one: LintOne, text: str, lang: str, vague: str | None) -> None:
    found = [d for d in lint_one(text, lang=lang) if d.category == "missing-next-update"]
    assert len(found) == 1
    if vague:
        assert found[0].span == vague and ("vague promise" in found[0].message or "расплывчатое" in found[0].message)
    else:
        message = found[0].message
        assert found[0].span == "" and ("does not commit" in message or "не названо время" in message)


def test_a_time_of_something_else_is_not_a_next_update(lint_one: LintOne) -> None:
    found = lint_one("Сбой начался в 10:00, сообщим подробности позже.")
    assert "missing-next-update" in categories(found)


@pytest.mark.parametrize(
    "contact",
    ["Звоните 8 800 555-35-35.", "Пишите на help@bank.ru.", "Подробнее: bank.ru/status", "Вопросы — в чате приложения.",
     "Позвоните на горячую линию.", "Звоните на 900."],
)
def test_contacts(lint_one: LintOne, contact: str) -> None:
    found = lint_one(f"Не работает приложение. Следующее сообщение в 12:00. {contact}")
    assert "missing-contact" not in categories(found)


def test_status_needs_a_statement_not_work_on(lint_one: LintOne) -> None:
    assert "missing-service-status" in categories(lint_one("Произошёл сбой. Мы работаем над решением."))
    assert "missing-service-status" not in categories(lint_one("Произошёл сбой. Платежи работают."))
    assert "missing-service-status" in categories(lint_one("We are working on a fix for the outage.", lang="en"))
    assert "missing-service-status" not in categories(lint_one("Card payments are not working.", lang="en"))


def test_stage_decides_what_is_required(lint_one: LintOne) -> None:
    text = "Сбой устранён, приложение снова работает. Извините. Вопросы: 8 800 100-20-30."
    assert not categories(lint_one(text, stage="resolution")) & MISSING
    assert "missing-next-update" in categories(lint_one(text, stage="update"))
    assert not categories(lint_one("Всё хорошо", stage="internal")) & MISSING


def test_empathy_is_info_on_short_channels_and_voice_needs_no_contact(lint_one: LintOne) -> None:
    text = "Не работают переводы. Следующее сообщение в 12:00."
    sms = {d.category: d.severity for d in lint_one(text, channel="sms")}
    assert sms["missing-empathy"] == Severity.INFO and sms["missing-contact"] == Severity.WARNING
    assert "missing-contact" not in categories(lint_one(text, channel="voice"))


def test_stage_is_inferred_and_said(lint_one: LintOne) -> None:
    found = lint_one("Всё снова работает, сбой устранён.", stage=None)
    assert "missing-next-update" not in categories(found)
    assert any("определён по тексту" in d.message for d in found)
