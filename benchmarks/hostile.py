"""Hostile templates: time and peak memory of ``validate`` and ``render`` on each.

Each case is one SMS template (the ones issue 14 reported, and the neighbours the fuzz
work found); every run is a fresh ``crisisplay`` process with a wall-clock timeout and an
address-space cap, so the figures are the process's own: wall seconds and peak RSS
(``wait4``). The budget (docs/templates.md, "Sandbox budgets") says every case must end in
≤ 2 s and ≤ 256 MB with a located finding. Usage::

    python benchmarks/hostile.py                  # this checkout
    python benchmarks/hostile.py --tree /old/src  # another source tree (a baseline)
    python benchmarks/hostile.py --timeout 60 --memory-mb 4096 --case center
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "render"))

from hostile_templates import CASES  # noqa: E402  (shared with tests/render/test_render_budget.py)

PLAYBOOK = """\
crisisplay: 1
id: hostile
title: Hostile
locale: en
timezone: Europe/Moscow
facts:
  incident: {type: text, required: true, example: the app is down}
  next_update_at: {type: datetime, required: true, example: "2026-03-15T14:00"}
channels:
  sms: {}
partials:
  again: "{% include 'again' %}"
stages:
  first_notice:
    kind: first_notice
    due: 20m
    templates:
      sms: {file: body.j2}
"""

def run(args: list[str], tree: Path, timeout: float, memory_mb: int, cwd: Path) -> tuple[str, float, float, str]:
    """(exit code or 'timeout', wall seconds, peak RSS MB, the first finding line)."""
    env = dict(os.environ, PYTHONPATH=str(tree), NO_COLOR="1")
    limit = memory_mb * 1024 * 1024

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.monotonic()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "crisisplay.cli.main", *args], cwd=cwd, env=env,
                                stdout=out, stderr=subprocess.STDOUT, preexec_fn=cap)
        deadline = started + timeout
        status: str | None = None
        rusage = None
        while True:
            pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(wait_status)
                status, rusage = str(code), usage
                break
            if time.monotonic() > deadline:
                proc.kill()
                _pid, _status, rusage = os.wait4(proc.pid, 0)
                status = "timeout"
                break
            time.sleep(0.01)
        proc.returncode = 0
        elapsed = time.monotonic() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if "CP" in line or "error" in line or "Error" in line]
    peak = rusage.ru_maxrss / 1024 if rusage is not None else 0.0
    return status, elapsed, peak, (lines[0] if lines else text.strip()[:80])[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", type=Path, default=ROOT, help="source tree to run (default: this checkout)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a run is killed")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space cap per run")
    parser.add_argument("--case", action="append", help="run only these cases")
    parser.add_argument("--commands", default="validate,render")
    args = parser.parse_args()
    names = args.case or list(CASES)
    print(f"tree {args.tree} · timeout {args.timeout:g} s · cap {args.memory_mb} MB · "
          f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'case':22} {'command':9} {'exit':>7} {'seconds':>8} {'peak MB':>8}  first finding")
    worst_time = worst_memory = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            folder = Path(tmp) / name
            folder.mkdir()
            (folder / "playbook.yaml").write_text(PLAYBOOK, encoding="utf-8")
            (folder / "body.j2").write_text(CASES[name], encoding="utf-8")
            for command in args.commands.split(","):
                extra = ["--at", "2026-03-15T10:00"] if command == "render" else []
                status, seconds, peak, first = run([command, "playbook.yaml", *extra], args.tree, args.timeout,
                                                   args.memory_mb, folder)
                worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, peak)
                print(f"{name:22} {command:9} {status:>7} {seconds:8.2f} {peak:8.0f}  {first}", flush=True)
    print(f"worst: {worst_time:.2f} s, {worst_memory:.0f} MB")


if __name__ == "__main__":
    main()
