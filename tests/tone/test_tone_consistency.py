"""Cross-channel consistency: contradictions, omissions, tone and address across a set."""

from __future__ import annotations

from crisisplay.diagnostics.model import Diagnostic, Severity
from crisisplay.tone.api import MessageText, lint_messages


def _lint(*texts: tuple[str, str], lang: str = "ru", stage: str = "first_notice") -> list[Diagnostic]:
    messages = [MessageText(channel, text, f"{channel}.txt") for channel, text in texts]
    return [d for d in lint_messages(messages, locale=lang, stage_kind=stage) if d.rule.startswith("CP32")]


SMS = "Офис на Тверской закрыт, откроется в 15:00. Извините. Новости в 13:00. 8 800 100-20-30"
EMAIL = (
    "Офис на Тверской закрыт из-за аварии и откроется в 16:00. Остальные офисы работают.\n"
    "Приносим извинения. Следующее сообщение — в 13:00. Телефон 8 800 100-20-30."
)


def test_contradicting_times_point_at_both_places() -> None:
    (found,) = [d for d in _lint(("sms", SMS), ("email", EMAIL)) if d.rule == "CP320"]
    assert found.severity == Severity.ERROR and found.category == "inconsistency"
    assert found.location is not None and found.location.file == "email.txt" and found.span == "16:00"
    assert [loc.file for loc in found.related] == ["sms.txt"]
    assert found.related[0].column == SMS.index("15:00") + 1


def test_the_value_most_channels_state_wins_and_a_tie_keeps_the_first() -> None:
    first = "Офис на Тверской закрыт, откроется в 15:00. Извините. 8 800 100-20-30"
    second = "Офис на Тверской закрыт, откроется в 16:00. Извините. 8 800 100-20-30"
    (found,) = [d for d in _lint(("sms", first), ("email", second), ("push", second)) if d.rule == "CP320"]
    assert found.location is not None and found.location.file == "sms.txt" and found.span == "15:00"
    assert [loc.file for loc in found.related] == ["email.txt", "push.txt"]
    (found,) = [d for d in _lint(("sms", first), ("email", second)) if d.rule == "CP320"]
    assert found.location is not None and found.location.file == "email.txt"
    # a channel that also states the other channel's value is not a clear contradiction
    both = "Офис на Тверской закрыт, откроется в 15:00. Если не успеем, откроется в 16:00. 8 800 100-20-30"
    assert [d.rule for d in _lint(("sms", both), ("email", second)) if d.rule == "CP320"] == []


def test_equal_facts_in_other_words_agree() -> None:
    english = "Our branch is closed and reopens at 3 PM. Sorry. Next update 1 PM. Call 0800 100 2030"
    other = "The branch reopens at 15:00. We apologise. Next update at 13:00. Call 0800 100 2030."
    assert not [d for d in _lint(("sms", english), ("email", other), lang="en") if d.rule == "CP320"]


def test_service_status_contradiction() -> None:
    found = _lint(("website", "Платежи работают, переводы недоступны. Обновление в 18:00."),
                  ("agent_script", "Платежи сейчас не работают, переводы тоже. Обновление в 18:00."),
                  stage="update")
    assert [d.rule for d in found if d.severity == Severity.ERROR] == ["CP321"]


def test_different_phone_numbers_and_link_typos() -> None:
    found = _lint(("email", "Не работает приложение. Звоните 8 800 100-20-30, bank.ru/status"),
                  ("telegram", "Не работает приложение. Звоните 8 800 100-20-31, bank.ru/statu"))
    assert sum(d.rule == "CP323" for d in found) == 2


def test_omissions_are_milder_on_short_channels() -> None:
    long_text = "С 10:00 не работают переводы, карты работают. Извините. Следующее сообщение в 14:00. 8 800 100-20-30"
    found = _lint(("email", long_text), ("push", "Не работают переводы. Извините."),
                  ("status_page", "Не работают переводы, карты работают. Извините. Звоните 8 800 100-20-30."))
    omitted = {(d.location.file if d.location else "", d.severity) for d in found if d.rule == "CP324"}
    assert ("push.txt", Severity.INFO) in omitted
    assert ("status_page.txt", Severity.WARNING) in omitted


def test_one_channel_more_alarmed() -> None:
    calm = "Не работает вход в приложение. Извините. Следующее сообщение в 12:00. 8 800 100-20-30"
    loud = "КАТАСТРОФА!!! Не работает вход в приложение. Извините. Следующее сообщение в 12:00. 8 800 100-20-30"
    found = [d for d in _lint(("email", calm), ("vk", loud)) if d.rule == "CP325"]
    assert len(found) == 1 and found[0].location is not None and found[0].location.file == "vk.txt"


def test_address_differs_between_channels() -> None:
    formal = "Не работает доставка. Приносим Вам извинения. Следующее сообщение в 15:00. 8 800 100-20-30"
    informal = "Не работает доставка. Прости нас, напиши в чат. Следующее сообщение в 15:00. 8 800 100-20-30"
    assert [d.rule for d in _lint(("email", formal), ("telegram", informal))].count("CP326") == 1


def test_consistent_set_is_clean() -> None:
    sms = "С 10:00 не работают переводы в приложении. Карты работают. Извините. Новости в 14:00. 8 800 100-20-30"
    email = (
        "Здравствуйте! С 10:00 в приложении не проходят переводы. Картами можно платить как обычно.\n"
        "Приносим извинения. Следующее сообщение пришлём в 14:00. Телефон 8 800 100-20-30."
    )
    assert _lint(("sms", sms), ("email", email)) == []


def test_a_single_message_has_no_consistency_findings() -> None:
    assert _lint(("sms", SMS)) == []


def test_a_status_page_date_line_is_not_a_next_update() -> None:
    """The rendered status page's "Updated: December 6 at 11:42 AM" is not a next update the other
    channels leave out (CP324 fired on every English outbox)."""
    page = ("# Payments are down\n\n**Investigating** · Updated: December 6 at 11:42 AM London time\n\n"
            "Since 10:40 AM card payments fail. We are sorry. Next update at 1 PM. Call 0800 100 2030.")
    sms = "Since 10:40 AM card payments fail. We are sorry. Next update at 1 PM. Call 0800 100 2030."
    assert _lint(("status_page", page), ("sms", sms), lang="en") == []


def test_alternative_times_are_one_hedged_time() -> None:
    """«в 15:00 или в 16:00» states both: a channel that says one of them agrees with it, one
    that says a third time contradicts it, and the finding shows the alternatives together."""
    hedged = "Офис на Тверской закрыт, откроется в 15:00 или в 16:00. Извините. 8 800 100-20-30"
    one = "Офис на Тверской закрыт, откроется в 16:00. Извините. 8 800 100-20-30"
    other = "Офис на Тверской закрыт, откроется в 17:00. Извините. 8 800 100-20-30"
    assert [d for d in _lint(("sms", hedged), ("email", one)) if d.rule == "CP320"] == []
    (found,) = [d for d in _lint(("sms", hedged), ("email", other)) if d.rule == "CP320"]
    assert "15:00 или 16:00" in found.message and found.span == "17:00"
    english = [("sms", "The branch reopens at 3 PM or at 4 PM. Sorry. Call 0800 123 4567."),
               ("email", "The branch reopens at 4 PM. Sorry. Call 0800 123 4567.")]
    assert [d for d in _lint(*english, lang="en") if d.rule == "CP320"] == []


def test_a_cause_is_not_what_a_time_is_about() -> None:
    """«из-за аварии» names the cause: the time after it is still about the office, so two
    channels that disagree on the reopening time contradict each other (no "not mentioned")."""
    sms = "Офис закрыт, откроется в 15:00. Извините. Новости в 13:00. 8 800 100-20-30"
    rest = " Извините. Новости в 13:00. 8 800 100-20-30."
    for email in ("Офис закрыт из-за аварии и откроется в 17:00." + rest,
                  "В связи с аварией на подстанции офис откроется в 17:00." + rest):
        found = _lint(("sms", sms), ("email", email))
        assert "CP320" in {d.rule for d in found}, (email, found)
        assert not [d for d in found if d.rule == "CP324" and "15:00" in d.message], (email, found)
    tail = " Sorry. Next update at 1 PM. Call 0800 100 2030."
    english = _lint(("sms", "The branch is closed and reopens at 3 PM." + tail),
                    ("email", "The branch is closed because of flooding and reopens at 5 PM." + tail), lang="en")
    assert "CP320" in {d.rule for d in english}
