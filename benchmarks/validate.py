"""Validate a generated library of playbooks; compare with a schema-only pass.

Prints files/s for ``crisisplay validate`` (schema + every semantic rule, in-process and
through the CLI) next to check-jsonschema's schema-only pass over the same files, in the
same run. Usage: ``python benchmarks/validate.py [--count 1000]``.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import GOOD_PLAYBOOK  # noqa: E402


def generate(directory: Path, count: int) -> list[Path]:
    """``count`` distinct, valid playbooks (ids, services, checklists and texts vary)."""
    paths = []
    for index in range(count):
        data = copy.deepcopy(GOOD_PLAYBOOK)
        data["id"] = f"generated-{index}"
        data["title"] = f"Generated playbook {index}"
        for extra in range(index % 7):
            data["services"][f"service_{extra}"] = {
                "name": f"Service {extra}",
                "tier": "important",
                "status": "available",
            }
        items = data["checklists"]["first_hour"]["items"]
        for extra in range(index % 11):
            items.append(
                {
                    "id": f"task_{extra}",
                    "text": f"Task {extra}",
                    "due": f"{30 + extra}m",
                    "depends_on": ["notify"],
                    "principle": "one_voice",
                }
            )
        path = directory / f"playbook_{index:04d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    from crisisplay.playbook.schema import schema_text
    from crisisplay.playbook.validate import validate_paths

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = generate(directory, args.count)
        schema_file = directory / "schema.json"
        schema_file.write_text(schema_text(), encoding="utf-8")

        start = time.perf_counter()
        report = validate_paths([str(directory)])
        in_process = time.perf_counter() - start
        assert not report.diagnostics, report.diagnostics[:3]

        start = time.perf_counter()
        cli = subprocess.run(
            [sys.executable, "-m", "crisisplay", "validate", str(directory)],
            capture_output=True,
            text=True,
        )
        cli_time = time.perf_counter() - start
        assert cli.returncode == 0, cli.stdout[-500:]

        print(f"files: {len(paths)}")
        print(
            f"crisisplay validate (in-process, schema + {_rule_count()} rules): "
            f"{in_process:.2f} s, {len(paths) / in_process:.0f} files/s"
        )
        print(
            f"crisisplay validate (CLI process):              {cli_time:.2f} s, {len(paths) / cli_time:.0f} files/s"
        )
        checker = shutil.which("check-jsonschema")
        if checker is None:
            print(
                "check-jsonschema: not installed (pip install check-jsonschema) - baseline skipped"
            )
            return
        start = time.perf_counter()
        baseline = subprocess.run(
            [checker, "--schemafile", str(schema_file), *map(str, paths)],
            capture_output=True,
            text=True,
        )
        baseline_time = time.perf_counter() - start
        status = "ok" if baseline.returncode == 0 else f"exit {baseline.returncode}"
        print(
            f"check-jsonschema (schema only, {status}):          {baseline_time:.2f} s, "
            f"{len(paths) / baseline_time:.0f} files/s"
        )
        print(
            f"ratio crisisplay CLI / check-jsonschema: {baseline_time / cli_time:.2f}x the throughput"
        )


def _rule_count() -> int:
    from crisisplay.playbook.rules import RULES

    return len(RULES)


if __name__ == "__main__":
    main()
