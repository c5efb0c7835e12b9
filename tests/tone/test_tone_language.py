"""Findings speak the text's language: messages and hints from the lint catalogs, ids unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.diagnostics.model import Diagnostic
from crisisplay.tone.api import MessageText, lint_messages
from crisisplay.tone.claims import truth_from_values

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CYRILLIC = re.compile("[а-яё]", re.I)
#: English words of the catalog that must not leak into a Russian finding.
ENGLISH = re.compile(r"\b(?:the|message|does not|says|but|customers|channel|mention)\b")


def _lint(*texts: tuple[str, str], lang: str, stage: str = "first_notice") -> list[Diagnostic]:
    messages = [MessageText(channel, text, f"{channel}.txt") for channel, text in texts]
    return lint_messages(messages, locale=lang, stage_kind=stage)


def _outside_quotes(message: str) -> str:
    """The finding's own words: quoted text («…», "…", '…') is the message's, not ours."""
    return re.sub(r"«[^»]*»|\"[^\"]*\"|'[^']*'", "", message)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_finding_on_the_corpus_speaks_the_texts_language(language: str) -> None:
    data = yaml.safe_load((CORPUS / f"{language}.yaml").read_text("utf-8"))
    seen: set[str] = set()
    for entry in data["messages"]:
        for found in _lint((entry.get("channel", "text"), entry["text"]), lang=language, stage=entry.get("stage")):
            own = _outside_quotes(found.message + " " + found.fix)
            seen.add(found.rule)
            if language == "ru":
                assert CYRILLIC.search(own) and not ENGLISH.search(own), (found.rule, found.message)
            else:
                assert not CYRILLIC.search(own), (found.rule, found.message)
    assert {"CP310", "CP311", "CP312", "CP313", "CP314"} <= seen


SMS = "Офис на Тверской закрыт, откроется в 15:00. Извините. Новости в 13:00. 8 800 100-20-30"
EMAIL = (
    "Офис на Тверской закрыт из-за аварии и откроется в 16:00. Остальные офисы работают.\n"
    "Приносим извинения. Следующее сообщение — в 13:00. Телефон 8 800 100-20-30."
)


def test_cross_channel_findings_in_russian() -> None:
    found = {d.rule: d for d in _lint(("sms", SMS), ("email", EMAIL), lang="ru")}
    assert found["CP320"].message == (
        "email: 16:00 (восстановление), а sms: 15:00; клиент, увидевший разные значения, не поймёт, чему верить"
    )
    services = _lint(("website", "Платежи работают, переводы недоступны. Обновление в 18:00."),
                     ("agent_script", "Платежи сейчас не работают, переводы тоже. Обновление в 18:00."),
                     lang="ru", stage="update")
    (status,) = [d for d in services if d.rule == "CP321"]
    assert "платежи — «" in status.message and "один из каналов ошибается" in status.message


def test_cross_channel_findings_in_english() -> None:
    english = "Our branch is closed and reopens at 3 PM. Sorry. Next update 1 PM. Call 0800 100 2030"
    other = "The branch reopens at 4 PM. We apologise. Next update at 1 PM. Call 0800 100 2030."
    (found,) = [d for d in _lint(("sms", english), ("email", other), lang="en") if d.rule == "CP320"]
    assert "customers who see different values will not know which to believe" in found.message
    # times as an English reader writes them (CLDR's short time), not the 24-hour form
    assert "4:00 PM" in found.message and "3:00 PM" in found.message and "16:00" not in found.message


def test_hedged_and_ambiguous_clock_times_are_shown_in_the_texts_language() -> None:
    tail = " Sorry. Next update at 1 PM. Call 0800 100 2030."
    english = _lint(("sms", "Our branch is closed and reopens at 3 or 4 PM." + tail),
                    ("email", "The branch reopens at 5 PM." + tail), lang="en")
    (clash,) = [d for d in english if d.rule == "CP320"]
    assert "3:00 PM or 4:00 PM" in clash.message and "5:00 PM" in clash.message
    rest = " Извините. Новости в 13:00. 8 800 100-20-30."
    russian = _lint(("sms", "Офис закрыт, откроется в 15:00 или в 16:00." + rest),
                    ("email", "Офис закрыт из-за аварии и откроется в 17:00." + rest), lang="ru")
    (clash,) = [d for d in russian if d.rule == "CP320"]
    assert "15:00 или 16:00" in clash.message and "17:00" in clash.message


def test_english_findings_quote_the_text_as_english_does() -> None:
    """«…» are Russian quotation marks: an English finding quotes with "…" like the English pack."""
    text = "URGENT: card payments are down since 10:00. Sorry. Next update at 1 PM. Call 0800 100 2030."
    found = _lint(("sms", text), lang="en")
    (shouting,) = [d for d in found if d.rule == "CP302"]
    assert shouting.message.startswith('"URGENT" in capitals')
    russian = _lint(("sms", "СРОЧНО: не работает оплата картами с 10:00. Извините. Новости в 13:00. 8 800 100-20-30"),
                    lang="ru")
    assert next(d for d in russian if d.rule == "CP302").message.startswith("«СРОЧНО» заглавными")


def test_relative_times_and_cadences_are_shown_in_the_texts_language() -> None:
    found = _lint(("sms", "Сбой в приложении. Извините. Сообщим новости через 2 часа. 8 800 100-20-30"),
                  ("email", "Сбой в приложении. Приносим извинения. Сообщим новости через 3 часа. 8 800 100-20-30"),
                  lang="ru")
    (clash,) = [d for d in found if d.rule == "CP322"]
    assert "через 3 ч" in clash.message and "через 2 ч" in clash.message


def test_claims_against_the_facts_in_russian_and_english() -> None:
    services = [("payments", "Оплата связи", "unavailable", ())]
    truth = truth_from_values("ru", services, {})
    text = "Оплата связи работает как обычно. Следующее сообщение в 13:00."
    found = lint_messages([MessageText("sms", text, "sms.txt")], locale="ru", stage_kind="update", truth=truth)
    (claim,) = [d for d in found if d.rule == "CP327"]
    assert claim.message == "sms: сказано, что услуга «Оплата связи» работает как обычно, а по фактам она недоступна"
    assert claim.fix == "скажите это через статусы услуг (шаблоны статусов) или исправьте факты"
    english = truth_from_values("en", [("payments", "Paying your bill", "unavailable", ())], {})
    found = lint_messages([MessageText("sms", "Paying your bill: working as usual.", "sms.txt")], locale="en",
                          stage_kind="update", truth=english)
    (claim,) = [d for d in found if d.rule == "CP327"]
    assert claim.message.startswith("sms: says 'Paying your bill' is working as usual, but the facts say")


def test_rules_are_described_in_the_language_asked_for() -> None:
    runner = CliRunner()
    russian = runner.invoke(cli, ["rules", "--lang", "ru"])
    assert russian.exit_code == 0
    assert "Не названо время следующего сообщения" in russian.output and "Слова паники и катастрофы" in russian.output
    english = runner.invoke(cli, ["rules"])
    assert "No committed time for the next update" in english.output and "Слова паники" not in english.output
    doc = runner.invoke(cli, ["rules", "--lang", "ru", "--doc", "ru.alarm"])
    assert "Текст замечания:" in doc.output and "вид: existence — находит каждое вхождение" in doc.output


def test_sarif_describes_rules_in_the_messages_language(tmp_path: Path) -> None:
    (tmp_path / "sms.txt").write_text("ПАНИКА! Всё пропало.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(tmp_path / "sms.txt"), "--format", "sarif"])
    run = json.loads(result.output)["runs"][0]
    assert run["language"] == "ru"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["CP302"]["shortDescription"]["text"] == "Слова заглавными буквами (кроме аббревиатур)."
    assert all(CYRILLIC.search(r["message"]["text"]) for r in run["results"])
