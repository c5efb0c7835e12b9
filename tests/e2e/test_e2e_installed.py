"""End-to-end: the installed ``crisisplay`` executable, and a non-editable install elsewhere."""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "playbooks" / "outage.ru.yaml"

pytestmark = pytest.mark.e2e


def _exe() -> str:
    exe = shutil.which("crisisplay")
    if exe is None:
        pytest.fail("the crisisplay executable is not installed (pip install -e . first)")
    return exe


def _run(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def test_installed_executable_validates(tmp_path: Path) -> None:
    result = _run(_exe(), "validate", str(FIXTURE), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: a\nid: b\n", encoding="utf-8")
    result = _run(_exe(), "validate", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{bad}:2:1" in result.stdout and "Traceback" not in result.stdout + result.stderr
    result = _run(_exe(), "validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_python_dash_m() -> None:
    result = _run(sys.executable, "-m", "crisisplay", "--version")
    assert result.returncode == 0 and "crisisplay" in result.stdout


def test_help_starts_fast_without_heavy_imports() -> None:
    code = (
        "import sys, time; t=time.perf_counter();"
        "from crisisplay.cli.main import cli;"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: cli.main(['--help'], standalone_mode=False)\n"
        "    except SystemExit: pass\n"
        "heavy=[m for m in ('jinja2','babel','pymorphy3','jsonschema','phonenumbers','razdel') if m in sys.modules];"
        "print(heavy)"
    )
    result = _run(sys.executable, "-c", code)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
    start = time.perf_counter()
    assert _run(_exe(), "--help").returncode == 0
    assert time.perf_counter() - start < 2.0


def _dependency_dirs() -> list[str]:
    """The directories this interpreter imports installed packages from.

    In a venv they are the venv's own site-packages (and the base's, when created with
    ``--system-site-packages``); in a plain interpreter, its site-packages and the user's.
    """
    dirs = list(site.getsitepackages())
    user = site.getusersitepackages() if site.ENABLE_USER_SITE else ""
    if user and Path(user).is_dir():
        dirs.append(user)
    return [d for d in dict.fromkeys(dirs) if Path(d).is_dir()]


def _fresh_venv(env_dir: Path) -> Path:
    """A venv of its own (no system site-packages), seeing this environment's packages.

    ``system_site_packages=True`` would expose the *base* interpreter's packages, which in
    a newcomer's venv lack the dependencies. Instead a ``.pth`` file appends the running
    environment's site directories after the new venv's own: the dependencies (and pip)
    resolve there, offline, while a package installed into the new venv comes first. Only
    the directories are added, not their ``.pth`` files, so the editable install of this
    checkout is not activated in the new venv.
    """
    venv.EnvBuilder(system_site_packages=False, with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    own = _run(str(python), "-c", "import site; print(site.getsitepackages()[0])")
    assert own.returncode == 0, own.stderr
    own_site = Path(own.stdout.strip())
    (own_site / "_outer_environment.pth").write_text("\n".join(_dependency_dirs()) + "\n", encoding="utf-8")
    return python


def test_fresh_venv_sees_dependencies_but_not_this_checkout(tmp_path: Path) -> None:
    python = _fresh_venv(tmp_path / "venv")
    probe = _run(str(python), "-c", "import click, phonenumbers, yaml, pip; import crisisplay", cwd=tmp_path)
    assert "No module named 'crisisplay'" in probe.stderr, probe.stdout + probe.stderr


@pytest.mark.slow
def test_non_editable_install_ships_bundled_data(tmp_path: Path) -> None:
    """`pip install .` into a fresh venv; the bundled playbooks work from another directory."""
    env_dir = tmp_path / "venv"
    python = _fresh_venv(env_dir)
    build = _run(
        str(python),
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--quiet",
        "--ignore-installed",
        str(ROOT),
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = _run(
        str(python),
        "-c",
        "import crisisplay, pathlib; from crisisplay.playbook.bundled import bundled_root, bundled_templates;"
        "print(crisisplay.__file__); print(sorted(p.name for p in bundled_root().rglob('*.yaml'))[:3]);"
        "print(bundled_templates().is_dir())",
        cwd=elsewhere,
    )
    assert probe.returncode == 0, probe.stderr
    assert str(env_dir) in probe.stdout.splitlines()[0], (
        "imported the source tree, not the installed copy"
    )
    exe = env_dir / "bin" / "crisisplay"
    schema = _run(str(exe), "schema", cwd=elsewhere)
    assert schema.returncode == 0 and '"$schema"' in schema.stdout
    bundled = sorted((ROOT / "crisisplay" / "data" / "playbooks").rglob("*.yaml"))
    if bundled:
        installed_root = probe.stdout.splitlines()[0].rsplit("/", 1)[0] + "/data/playbooks"
        result = _run(str(exe), "validate", installed_root, cwd=elsewhere)
        assert result.returncode == 0, result.stdout + result.stderr
    # The wording catalogs ship too: a Russian run reports in Russian from the installed copy.
    db = {"CRISISPLAY_DB": str(tmp_path / "runs.sqlite3"), "CRISISPLAY_NOW": "2026-03-10T10:00Z"}
    started = _run(str(exe), "checklist", "start", "bundled:it-outage.ru", "--t0", "-40m", cwd=elsewhere, env=db)
    assert started.returncode == 0, started.stdout + started.stderr
    report = _run(str(exe), "checklist", "report", "--format", "md", cwd=elsewhere, env=db)
    assert report.returncode == 0, report.stderr
    assert "## Сводка" in report.stdout and re.search(r"закрыто 0 из \d+ пункт", report.stdout), report.stdout
