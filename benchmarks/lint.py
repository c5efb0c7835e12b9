"""Speed of ``crisisplay lint``: words per second next to proselint, and start-up on an outbox.

1. Throughput. Generates messages in Russian and English (templates with varied services,
   times, phone numbers and problem words, plus sentences recombined from the labelled
   corpus), lints them in-process in sets of four channels (every pack rule, the built-in
   checks, the presence detectors and the consistency pass), and lints the same English
   text with proselint's Python API in the same run (when proselint is installed).
2. Start-up. Renders the bundled it-outage playbook (Russian, 11 channels) into a temporary
   outbox and times the whole command ``crisisplay lint OUTBOX`` in fresh processes: with an
   empty lint cache (the first run on a machine), with a warm one (every later run), and
   ``crisisplay --help`` and an empty interpreter as the floor. Byte-code caching is on for
   these processes, as for an installed package. The throughput figures run without the
   cache, so they measure the analysis itself.

Targets (docs/lint.md): Russian >= 30,000 words/s, English >= 2x proselint, lint of the
outbox <= 0.25 s wall including start-up. The load average is printed: on a shared machine
every figure is slower than on an idle one. Throughput is printed per wall second and per
CPU second of this process (``time.process_time``): on a busy machine the wall figure also
counts the time other processes held the CPU; on an idle one the two agree.

Throughput runs in rounds (``--rounds``, default 3), each in a fresh interpreter on its own
text; the figures compared with the targets are the medians over the rounds, and every
round is printed.

Usage: ``python benchmarks/lint.py [--words 40000] [--seed 7] [--rounds 3] [--runs 7] [--no-startup]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
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


def _speeds(words: int, wall: float, cpu: float) -> tuple[float, float]:
    return words / wall, words / max(cpu, 1e-9)


def bench_crisisplay(language: str, messages: list[str]) -> tuple[float, float, int, float]:
    """(words per wall second, words per CPU second, findings, wall seconds) linting sets of
    four channels."""
    lint_messages([MessageText("sms", messages[0], "warm")], locale=language, stage_kind="first_notice")
    words = sum(len(m.split()) for m in messages)
    findings = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(messages), SET_SIZE):
        chunk = messages[i : i + SET_SIZE]
        batch = [MessageText(CHANNELS[j % SET_SIZE], text, f"m{i + j}") for j, text in enumerate(chunk)]
        findings += len(lint_messages(batch, locale=language, stage_kind="first_notice"))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return *_speeds(words, elapsed, cpu), findings, elapsed


def bench_proselint(messages: list[str]) -> tuple[float, float, int, float] | None:
    """proselint's speed on the same text, or None when it is not installed."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    LintFile("warm", messages[0]).lint()
    words = sum(len(m.split()) for m in messages)
    findings = 0
    start, cpu = time.perf_counter(), time.process_time()
    for text in messages:
        findings += len(LintFile("bench", text).lint())
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return *_speeds(words, elapsed, cpu), findings, elapsed


def _timed(command: list[str], env: dict[str, str], runs: int, fresh_cache: Path | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds of ``command`` in fresh processes (CPU: user + system)."""
    import resource
    import shutil

    walls, cpus = [], []
    for _ in range(runs):
        if fresh_cache is not None:
            shutil.rmtree(fresh_cache, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def bench_startup(runs: int) -> list[tuple[str, float, float]]:
    """(what, wall, CPU) for the whole ``crisisplay lint`` of a rendered 11-channel outbox."""
    with tempfile.TemporaryDirectory(prefix="crisisplay-bench-") as folder:
        work = Path(folder)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["CRISISPLAY_CACHE_DIR"] = str(work / "cache")
        crisisplay = [sys.executable, "-m", "crisisplay.cli.main"]
        outbox = work / "outbox"
        subprocess.run([*crisisplay, "render", "bundled:it-outage.ru", "--out", str(outbox), "--example"],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        words = sum(len(p.read_text("utf-8", errors="replace").split()) for p in outbox.iterdir()
                    if p.name != "bundle.json")
        lint = [*crisisplay, "lint", str(outbox)]
        rows = [("python -c pass", *_timed([sys.executable, "-c", "pass"], env, runs)),
                ("crisisplay --help", *_timed([*crisisplay, "--help"], env, runs)),
                (f"lint outbox, empty cache ({words} words in files)", *_timed(lint, env, runs, work / "cache"))]
        subprocess.run(lint, env=env, stdout=subprocess.DEVNULL, check=False)  # fill the cache
        rows.append(("lint outbox, warm cache", *_timed(lint, env, runs)))
        return rows


def throughput_round(words: int, seed: int) -> dict[str, tuple[int, float, float, int, float]]:
    """One round in this process: Russian, English, then proselint on the same English text.
    Name → (messages, words per wall second, per CPU second, findings, wall seconds)."""
    # Throughput is the work per message: no help from lint's cache of word analyses (the
    # start-up figures show what the cache does).
    os.environ["CRISISPLAY_CACHE_DIR"] = "off"
    rng = random.Random(seed)
    rows: dict[str, tuple[int, float, float, int, float]] = {}
    english: list[str] = []
    for language in ("ru", "en"):
        messages = generate(language, words, rng)
        if language == "en":
            english = messages
        rows[language] = (len(messages), *bench_crisisplay(language, messages))
    baseline = bench_proselint(english)
    if baseline is not None:
        rows["proselint"] = (len(english), *baseline)
    return rows


def run_rounds(words: int, seed: int, rounds: int) -> list[dict[str, tuple[int, float, float, int, float]]]:
    """``rounds`` rounds, each in a fresh interpreter (every round's lint is the first in its
    process, as in one run of the command) on its own text (seeds ``seed``, ``seed + 1``, …).
    Within a round proselint runs right after crisisplay on the same text, so their ratio is
    taken under the same machine conditions; across rounds a shared machine drifts by ±20 %."""
    results = []
    for number in range(rounds):
        done = subprocess.run([sys.executable, __file__, "--words", str(words), "--seed", str(seed + number),
                               "--one-round"], capture_output=True, text=True, check=True)
        results.append({name: tuple(row) for name, row in json.loads(done.stdout.splitlines()[-1]).items()})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=40_000, help="words per language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds, each in a fresh process")
    parser.add_argument("--runs", type=int, default=7, help="processes per start-up figure")
    parser.add_argument("--no-startup", action="store_true", help="only the throughput figures")
    parser.add_argument("--one-round", action="store_true", help=argparse.SUPPRESS)  # a round's process
    args = parser.parse_args()
    if args.one_round:
        print(json.dumps(throughput_round(args.words, args.seed)))
        return
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    rounds = run_rounds(args.words, args.seed, max(1, args.rounds))
    names = {"ru": "crisisplay lint (ru)", "en": "crisisplay lint (en)", "proselint": "proselint (en, same text)"}
    print(f"{'round':<6}{'tool':<30}{'messages':>9}{'words/s':>10}{'words/CPU-s':>13}{'findings':>10}{'seconds':>9}")
    for number, rows in enumerate(rounds, 1):
        for key, (count, wall, cpu, findings, seconds) in rows.items():
            print(f"{number:<6}{names[key]:<30}{count:>9}{wall:>10.0f}{cpu:>13.0f}{findings:>10}{seconds:>9.1f}")
    median = statistics.median
    russian = [r["ru"][1] for r in rounds]
    russian_cpu = [r["ru"][2] for r in rounds]
    print(f"Russian: {median(russian):.0f} words/s, {median(russian_cpu):.0f} per CPU-second (target >= 30000; "
          f"median of {len(rounds)} rounds: {', '.join(f'{x:.0f}' for x in russian)})")
    if any("proselint" not in r for r in rounds):
        print("proselint is not installed (pip install proselint): no English baseline in this run")
    else:
        ratios = [r["en"][1] / r["proselint"][1] for r in rounds]
        cpu_ratios = [r["en"][2] / r["proselint"][2] for r in rounds]
        print(f"English: {median(ratios):.2f}x proselint, {median(cpu_ratios):.2f}x per CPU-second (target >= 2x; "
              f"median of {len(rounds)} rounds: {', '.join(f'{x:.2f}' for x in ratios)})")
    if not args.no_startup:
        print(f"\n{'start-up (median of ' + str(args.runs) + ' processes)':<52}{'wall s':>8}{'CPU s':>8}")
        for name, wall, cpu in bench_startup(args.runs):
            print(f"{name:<52}{wall:>8.3f}{cpu:>8.3f}")
        print("target: lint outbox <= 0.25 s wall")
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
