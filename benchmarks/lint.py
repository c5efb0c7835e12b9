"""Words per second of ``crisisplay lint`` on a large generated corpus, next to proselint.

Generates messages in Russian and English (templates with varied services, times, phone
numbers and problem words, plus sentences recombined from the labelled corpus), lints them
in-process message by message (every pack rule, the built-in checks and the presence
detectors; one consistency pass per set of four channels), and lints the same English
text with proselint's Python API in the same run.

Usage: ``python benchmarks/lint.py [--words 40000] [--seed 7]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crisisplay.tone.api import MessageText, lint_messages  # noqa: E402

SET_SIZE = 4
CHANNELS = ("sms", "email", "website_banner", "status_page")
TEMPLATES = {
    "ru": [
        "С {time} у части клиентов не работают {service}.",
        "{service_cap} работают с задержками, {other} доступны как обычно.",
        "Приносим извинения за неудобства, понимаем, как это важно.",
        "Следующее сообщение пришлём в {time2}, вопросы — по телефону {phone}.",
        "Из-за сбоя у нашего партнёра {service} временно недоступны.",
        "Будем держать вас в курсе, в настоящее время специалисты осуществляют ремонт.",
        "Обновляем информацию каждые {hours} часа в чате приложения.",
        "ВНИМАНИЕ! Гарантируем, что {service} заработают через {hours} часа!!",
    ],
    "en": [
        "Since {time} some customers cannot use {service}.",
        "{service_cap} are slow to respond, while {other} work as usual.",
        "We are sorry for the disruption and we know how important this is.",
        "We will post the next update at {time2}; call {phone} with questions.",
        "Due to a failure at our payment provider, {service} are unavailable.",
        "We'll keep you posted; at this point in time engineers are investigating.",
        "We update this page every {hours} hours in the app chat.",
        "URGENT! We guarantee {service} will be back in {hours} hours!!",
    ],
}
SERVICES = {
    "ru": ["платежи", "переводы", "карты", "банкоматы", "заказы", "доставки", "вклады", "звонки"],
    "en": ["payments", "transfers", "cards", "cash machines", "orders", "deliveries", "savings", "calls"],
}
PHONES = {"ru": "8 800 {a}-{b}-{c}", "en": "0800 {a} {b}{c}"}


def _corpus_sentences(language: str) -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "corpus" / f"{language}.yaml").read_text("utf-8"))
    sentences: list[str] = []
    for entry in data["messages"]:
        sentences.extend(s.strip() + "." for s in entry["text"].replace("\n", " ").split(".") if len(s.split()) > 3)
    return sentences


def generate(language: str, words: int, rng: random.Random) -> list[str]:
    """Messages of 40–90 words until ``words`` words in total."""
    borrowed = _corpus_sentences(language)
    messages: list[str] = []
    total = 0
    while total < words:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < rng.randint(40, 90):
            if rng.random() < 0.55:
                services = rng.sample(SERVICES[language], 2)
                parts.append(rng.choice(TEMPLATES[language]).format(
                    time=f"{rng.randint(7, 12)}:{rng.choice(['00', '15', '30', '45'])}",
                    time2=f"{rng.randint(13, 20)}:00",
                    service=services[0], service_cap=services[0].capitalize(), other=services[1],
                    hours=rng.randint(2, 4),
                    phone=PHONES[language].format(
                        a=rng.randint(100, 999), b=rng.randint(10, 99), c=rng.randint(10, 99)
                    ),
                ))
            else:
                parts.append(rng.choice(borrowed))
        text = " ".join(parts)
        messages.append(text)
        total += len(text.split())
    return messages


def bench_crisisplay(language: str, messages: list[str]) -> tuple[float, int, float]:
    """(words per second, findings, seconds) linting sets of four channels."""
    lint_messages([MessageText("sms", messages[0], "warm")], locale=language, stage_kind="first_notice")
    words = sum(len(m.split()) for m in messages)
    findings = 0
    start = time.perf_counter()
    for i in range(0, len(messages), SET_SIZE):
        chunk = messages[i : i + SET_SIZE]
        batch = [MessageText(CHANNELS[j % SET_SIZE], text, f"m{i + j}") for j, text in enumerate(chunk)]
        findings += len(lint_messages(batch, locale=language, stage_kind="first_notice"))
    elapsed = time.perf_counter() - start
    return words / elapsed, findings, elapsed


def bench_proselint(messages: list[str]) -> tuple[float, int, float]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    LintFile("warm", messages[0]).lint()
    words = sum(len(m.split()) for m in messages)
    findings = 0
    start = time.perf_counter()
    for text in messages:
        findings += len(LintFile("bench", text).lint())
    elapsed = time.perf_counter() - start
    return words / elapsed, findings, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=40_000, help="words per language")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = []
    english: list[str] = []
    for language in ("ru", "en"):
        messages = generate(language, args.words, rng)
        if language == "en":
            english = messages
        speed, findings, seconds = bench_crisisplay(language, messages)
        rows.append((f"crisisplay lint ({language})", len(messages), speed, findings, seconds))
    speed, findings, seconds = bench_proselint(english)
    rows.append(("proselint 0.16 (en, same text)", len(english), speed, findings, seconds))
    print(f"{'tool':<34}{'messages':>9}{'words/s':>10}{'findings':>10}{'seconds':>9}")
    for name, count, speed, findings, seconds in rows:
        print(f"{name:<34}{count:>9}{speed:>10.0f}{findings:>10}{seconds:>9.1f}")


if __name__ == "__main__":
    main()
