"""Fuzz the crisisplay CLI for a long time: inputs tried and exit codes, per target.

The generators are the test suite's (``tests/fuzzing.py``): mutated playbooks (loader),
hostile fact values (facts), templates from a Jinja grammar with hostile literals and
filters (template), and lint texts, JSON, HTML and raw bytes (lint). Each input runs one
real command in-process; exit 0, 1 and 2 are fine, anything else (3 = internal error, an
escaped exception, a case over ``--timeout`` seconds) is a bug and is saved under
``--save`` with the exact command and files to replay it.

    python tools/fuzz.py -n 100000 --jobs 2 --seed 1 --save fuzz-failures/
    python tools/fuzz.py -n 2000 --target template

Each worker process caps its address space (``--memory-mb``), so a memory blow-up shows as
a failure instead of swapping the machine.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import os
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzzing  # noqa: E402


def _alarm(_signum: int, _frame: Any) -> None:
    raise fuzzing.Timeout()


def _worker(job: tuple[int, int, tuple[str, ...], float, int, str | None]) -> dict[str, Any]:
    """Run ``count`` inputs from ``seed``; return counts and the failures seen."""
    seed, count, targets, timeout, memory_mb, save = job
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(seed)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    failures: list[dict[str, Any]] = []
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory(prefix="crisisplay-fuzz-") as work:
        for index in range(count):
            target = targets[index % len(targets)]
            choices = fuzzing.random_choices(rng)
            started = time.monotonic()
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                outcome = fuzzing.run_case(target, choices, Path(work))
                code: str = str(outcome.code)
            except fuzzing.Timeout:
                outcome, code = fuzzing.Outcome(target, "timeout", [], f"over {timeout:g} s"), "timeout"
            except MemoryError:
                outcome, code = fuzzing.Outcome(target, "memory", [], f"over {memory_mb} MB"), "memory"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.monotonic() - started
            if elapsed > slowest[0]:
                slowest = (elapsed, f"{target} {' '.join(outcome.args)[:160]}")
            counts[(target, code)] += 1
            if code not in ("0", "1", "2"):
                failure = {"seed": seed, "index": index, "target": target, "code": code, "args": outcome.args,
                           "detail": outcome.detail[:2000], "numbers": choices.numbers}
                failures.append(failure)
                if save:
                    _save(Path(save), failure, outcome.files)
            if index % 200 == 199:  # clear the temporary files of finished cases
                for entry in Path(work).iterdir():
                    _remove(entry)
    return {"counts": counts, "failures": failures, "slowest": slowest}


def _remove(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _save(folder: Path, failure: dict[str, Any], files: dict[str, bytes]) -> None:
    import json

    case = folder / f"{failure['target']}-{failure['seed']}-{failure['index']}"
    case.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (case / name).write_bytes(data)
    (case / "case.json").write_text(json.dumps(failure, ensure_ascii=False, indent=2), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--inputs", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", action="append", choices=fuzzing.TARGETS, help="default: all four, in turn")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per input before it counts as a hang")
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--batch", type=int, default=500, help="inputs per work unit")
    parser.add_argument("--save", default=None, help="folder for failing inputs")
    args = parser.parse_args()
    targets = tuple(args.target or fuzzing.TARGETS)
    units = [(args.seed * 1_000_003 + number, min(args.batch, args.inputs - start), targets, args.timeout,
              args.memory_mb, args.save) for number, start in enumerate(range(0, args.inputs, args.batch))]
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    failures: list[dict[str, Any]] = []
    slowest = (0.0, "")
    started = time.monotonic()
    print(f"fuzzing {args.inputs:,} inputs ({', '.join(targets)}), {args.jobs} job(s), seed {args.seed}, "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with multiprocessing.get_context("spawn").Pool(args.jobs, maxtasksperchild=1) as pool:
        for done, result in enumerate(pool.imap_unordered(_worker, units), start=1):
            counts.update(result["counts"])
            failures.extend(result["failures"])
            slowest = max(slowest, result["slowest"])
            tried = sum(counts.values())
            bad = sum(n for (_t, code), n in counts.items() if code not in ("0", "1", "2"))
            print(f"  {tried:,} inputs, {bad} failure(s), {time.monotonic() - started:,.0f} s "
                  f"({done}/{len(units)} units)", flush=True)
    tried = sum(counts.values())
    print(f"\ninputs tried: {tried:,} in {time.monotonic() - started:,.0f} s")
    for target in targets:
        row = {code: n for (t, code), n in counts.items() if t == target}
        print(f"  {target:9} " + "  ".join(f"exit {code}: {row[code]:,}" for code in sorted(row)))
    totals: collections.Counter[str] = collections.Counter()
    for (_t, code), n in counts.items():
        totals[code] += n
    print("  all       " + "  ".join(f"exit {code}: {n:,}" for code, n in sorted(totals.items())))
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]})")
    for failure in failures[:20]:
        print(f"FAIL {failure['target']} exit {failure['code']}: {' '.join(failure['args'])[:200]}\n"
              f"     {failure['detail'][:300]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
