"""Benchmark: personalised mass rendering against bare Jinja2, jobs scaling, flat memory.

Generates N recipients (default 1,000,000; English and Russian, SMS and e-mail, a few
bad addresses) for a personalised version of the bundled it-outage playbook (greeting
by name, the recipient's own services), then in one run:

1. bare compiled Jinja2 (a plain ``jinja2.Environment``, same filters, same context,
   no sandbox) renders the same templates for a sample of the same rows, rows held in
   memory: the ceiling;
2. the batch engine renders the whole file with ``--jobs 1`` and ``--jobs 2``
   (reading, address checks, sandboxed render, limits, JSONL, fsync'd commits);
3. a fresh subprocess per size renders 100,000 and N rows with ``--jobs 1`` and
   reports its peak RSS (``resource.getrusage``): memory must not grow with the file.

    python benchmarks/batch.py                    # the full run (minutes)
    python benchmarks/batch.py -n 50000 --memory-sizes 10000,50000   # a quick look

Exit 1 when a target is missed: engine < 70 % of bare Jinja2, jobs 2 < 1.6 × jobs 1
(only checked with two or more cores), peak memory differing by 15 % or more.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AT = datetime(2026, 3, 15, 11, 0, tzinfo=timezone.utc)
SERVICES = ("connection", "payments", "support_chat", "app", "tariff_change", "bonus_program")
NAMES = {"en": ("Anna", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Harry"),
         "ru": ("Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Илья")}

TEMPLATES = {
    "en": {
        "sms": ("{{ company }}: {{ recipient.name }}, right now {{ incident_short }}. "
                "{% if recipient.services %}Your {{ recipient.services | join_list(attribute='name') }}: "
                "{% for s in recipient.services %}{{ s.status_label }}{{ '; ' if not loop.last }}{% endfor %}. "
                "{% endif %}Next update {{ next_update_at | datetime }}. Call {{ hotline }}"),
        "subject": "{{ company }}: {{ recipient.name }}, the app and online account will not open",
        "body": ("Hello {{ recipient.name }},\n\n{{ incident }} We know, and we are fixing it. We are sorry.\n\n"
                 "{{ cause }}\n\n{% if recipient.services %}Your services right now:\n"
                 "{% for s in recipient.services %}- {{ s.name }}: {{ s.status_label }}."
                 "{{ (' ' ~ s.alternative) if s.status != 'available' and s.alternative else '' }}\n"
                 "{% endfor %}\n{% endif %}What works and what does not:\n"
                 "{% for s in services %}- {{ s.name }}: {{ s.status_label }}\n{% endfor %}\n{{ grace }}\n\n"
                 "Account {{ recipient.account }}. Call {{ hotline }} ({{ hotline_hours }}) or write to "
                 "{{ support_email }}. We will write again on {{ next_update_at | datetime }}.\n\n{{ signature }}"),
    },
    "ru": {
        "sms": ("{{ company }}: {{ recipient.name }}, {{ incident_short }}. "
                "{% for s in recipient.services %}{{ s.name | capitalize }}: {{ s.status_label }}. {% endfor %}"
                "Новости {{ next_update_at | datetime }}. Тел. {{ hotline }}"),
        "subject": "{{ company }}: {{ recipient.name }}, не открываются приложение и личный кабинет",
        "body": ("Здравствуйте, {{ recipient.name }}.\n\n{{ incident }} Мы знаем об этом и уже чиним. "
                 "Просим прощения.\n\n{{ cause }}\n\n{% if recipient.services %}Ваши услуги сейчас:\n"
                 "{% for s in recipient.services %}- {{ s.name }}: {{ s.status_label }}."
                 "{{ (' ' ~ s.alternative) if s.status != 'available' and s.alternative else '' }}\n"
                 "{% endfor %}\n{% endif %}Что работает и что нет:\n"
                 "{% for s in services %}- {{ s.name }}: {{ s.status_label }}\n{% endfor %}\n{{ grace }}\n\n"
                 "Лицевой счёт {{ recipient.account }}. Горячая линия {{ hotline }} ({{ hotline_hours }}), "
                 "почта {{ support_email }}. Следующее письмо — {{ next_update_at | datetime }}.\n\n{{ signature }}"),
    },
}


def write_playbooks(directory: Path) -> Path:
    """bench.en.yaml and bench.ru.yaml: the bundled scenario with personalised SMS and e-mail."""
    import yaml

    directory.mkdir(parents=True, exist_ok=True)
    for locale, texts in TEMPLATES.items():
        data = {
            "crisisplay": 1, "id": "bench", "title": "Benchmark", "locale": locale,
            "extends": f"bundled:it-outage/it-outage.{locale}",
            "stages": {"first_notice": {"kind": "first_notice", "templates": {
                "sms": texts["sms"], "email": {"subject": texts["subject"], "body": texts["body"]}}}},
        }
        (directory / f"bench.{locale}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return directory / "bench.en.yaml"


def _phone(rng: random.Random, locale: str) -> str:
    """A company at home in Russia (the bundled base's phone_region): Russian mobiles, some
    written nationally, and English speakers' UK mobiles in international form."""
    if rng.random() < 0.01:
        return "12345"
    digits = f"916{rng.randrange(10**7):07d}"
    national = f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if locale == "ru":
        return f"+7{digits}" if rng.random() < 0.9 else national
    return f"+447400{rng.randrange(10**6):06d}" if rng.random() < 0.9 else national


def generate(path: Path, count: int, seed: int = 7) -> None:
    """Stream ``count`` recipients to a CSV file (never held in memory)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "locale", "channels", "phone", "email", "services", "account"])
        for index in range(count):
            locale = "ru" if rng.random() < 0.5 else "en"
            roll = rng.random()
            channels = "sms" if roll < 0.5 else ("email;sms" if roll < 0.9 else "email")
            email = f"user{index}@example.com" if rng.random() > 0.01 else f"user{index}@example"
            services = ";".join(rng.sample(SERVICES, rng.randrange(0, 3)))
            writer.writerow([f"c{index:08d}", rng.choice(NAMES[locale]), locale, channels,
                             _phone(rng, locale), email, services, f"{rng.randrange(10**9):09d}"])


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (pool workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_rate(playbook: Path, recipients: Path, sample: int) -> tuple[float, float]:
    """Recipients per second for the simplest bare script: read, render, discard.

    ``csv.DictReader`` over the same file and a plain compiled ``jinja2.Environment``
    (no sandbox, same filters, same context) rendering each row's first preferred
    channel. No address checks, no limits, no output: the ceiling for the engine.
    """
    import jinja2

    from crisisplay.batch.locales import discover
    from crisisplay.batch.prepared import build_locale
    from crisisplay.render.context import ChannelView

    locales = {loc: build_locale(path, None, AT, None, (), example=True) for loc, path in discover(playbook).versions}
    compiled: dict[tuple[str, str], list[Any]] = {}
    contexts: dict[tuple[str, str], dict[str, Any]] = {}
    for loc, prepared in locales.items():
        filters = prepared.engine.filters("text")
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                 finalize=filters.finalize, loader=prepared.engine.loader)
        env.filters.update(filters.table())
        for channel in ("sms", "email"):
            parts = prepared.stage.templates[channel].parts
            compiled[loc, channel] = [env.from_string(template.source) for template in parts.values()]
            contexts[loc, channel] = prepared.base.for_channel(ChannelView(channel, channel, False, "text"))
    views = {loc: prepared.services for loc, prepared in locales.items()}
    count = 0
    start, cpu = time.perf_counter(), _cpu()
    with recipients.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if count >= sample:
                break
            count += 1
            by_id = views[row["locale"]]
            row["services"] = tuple(by_id[s] for s in row["services"].split(";") if s)
            key = (row["locale"], row["channels"].split(";")[0])
            context = contexts[key]
            for template in compiled[key]:
                template.render(context, recipient=row)
    return count / (time.perf_counter() - start), count / (_cpu() - cpu)


def engine_rate(playbook: Path, recipients: Path, out: Path, jobs: int) -> tuple[float, float, dict[str, Any]]:
    """(rows/s wall clock, rows per CPU second of all processes, summary)."""
    from crisisplay.batch.runner import BatchOptions, run_batch

    shutil.rmtree(out, ignore_errors=True)
    start, cpu = time.perf_counter(), _cpu()
    summary = run_batch(BatchOptions(str(playbook), str(recipients), str(out), jobs=jobs, at=AT, sms_price=1.25,
                                     example=True))  # a rehearsal: the playbook's example facts
    elapsed, used = time.perf_counter() - start, _cpu() - cpu
    return summary.counters.rows / elapsed, summary.counters.rows / used, summary.to_dict()


def peak_memory(playbook: Path, recipients: Path, out: Path) -> float:
    """Peak RSS in MiB of a fresh process rendering ``recipients`` with --jobs 1."""
    shutil.rmtree(out, ignore_errors=True)
    code = ("import sys, json, resource; sys.path.insert(0, sys.argv[1]); import batch; "
            "batch.engine_rate(*map(batch.Path, sys.argv[2:5]), 1); "
            "print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))")
    result = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(playbook),
                             str(recipients), str(out)], check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--recipients", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=200_000, help="rows for the bare Jinja2 baseline")
    parser.add_argument("--memory-sizes", default=None, help="comma-separated sizes (default: 100000,N)")
    parser.add_argument("--workdir", default=None, help="keep files here (default: a temporary directory)")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="crisisplay-batch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    playbook = write_playbooks(work / "playbooks")
    base = playbook.with_name("bench")
    sizes = [int(s) for s in (args.memory_sizes or f"100000,{args.recipients}").split(",")]
    files: dict[int, Path] = {}
    for count in sorted({args.recipients, *sizes}):
        files[count] = work / f"recipients-{count}.csv"
        if not files[count].exists():
            started = time.perf_counter()
            generate(files[count], count)
            print(f"generated {count:,} recipients in {time.perf_counter() - started:.1f} s", flush=True)
    main_file = files[args.recipients]
    bare, bare_cpu = bare_rate(base, main_file, min(args.sample, args.recipients))
    print(f"bare Jinja2 (csv.DictReader + plain Environment, no output): {bare:,.0f} recipients/s "
          f"({bare_cpu:,.0f} per CPU second)", flush=True)
    rates: dict[int, float] = {}
    cpu_rates: dict[int, float] = {}
    summary: dict[str, Any] = {}
    for jobs in (1, 2):
        rates[jobs], cpu_rates[jobs], summary = engine_rate(base, main_file, work / f"out-jobs{jobs}", jobs)
        print(f"engine --jobs {jobs}: {rates[jobs]:,.0f} recipients/s ({cpu_rates[jobs]:,.0f} per CPU second)",
              flush=True)
    cores = os.cpu_count() or 1
    ratio, scaling = rates[1] / bare, rates[2] / rates[1]
    print(f"engine --jobs 1 / bare Jinja2: {ratio:.0%} wall clock, {cpu_rates[1] / bare_cpu:.0%} per CPU "
          "second (target >= 70 %)")
    print(f"--jobs 2 / --jobs 1: {scaling:.2f}x on {cores} core(s) (target >= 1.6x on two cores)")
    print(f"messages: {json.dumps({k: v['messages'] for k, v in summary['channels'].items()})}, "
          f"rejected: {summary['rejected']['total']:,}, SMS segments: {summary['sms']['segments']:,}")
    peaks = {count: peak_memory(base, files[count], work / f"out-mem-{count}") for count in sizes}
    for count, peak in peaks.items():
        print(f"peak RSS, {count:,} recipients, --jobs 1: {peak:.1f} MiB")
    spread = (max(peaks.values()) - min(peaks.values())) / min(peaks.values())
    print(f"peak memory spread: {spread:.1%} (target < 15 %)")
    print(f"one machine per hour at --jobs {cores if cores > 1 else 1}: "
          f"{rates[2 if cores > 1 else 1] * 3600:,.0f} recipients")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    failed = ratio < 0.7 or spread >= 0.15 or (cores >= 2 and scaling < 1.6)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
