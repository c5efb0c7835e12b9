"""End-to-end: the README's CX-lead quick start, run as written with the installed command.

Issue 12: a facts file with only what the CX lead knows (the playbook's required facts)
gives a sendable message on every channel, without ``--example``, and the outbox that
``--out --lint`` writes has no example facts, no unsendable channel and no claim the facts
do not give.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.e2e


def _cx_lead_script() -> str:
    """The shell block of the README's CX-lead example, exactly as written."""
    section = README.split("**CX lead — render.**", 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_readme_quick_start_gives_sendable_messages_on_every_channel(tmp_path: Path) -> None:
    exe = shutil.which("crisisplay")
    if exe is None:
        pytest.fail("the crisisplay executable is not installed (pip install -e . first)")
    script = _cx_lead_script()
    assert "--example" not in script
    (tmp_path / "playbooks").symlink_to(ROOT / "playbooks")
    env = {**os.environ, "NO_COLOR": "1", "PATH": f"{Path(exe).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=180, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "not sendable" not in done.stdout
    assert "EXAMPLE" not in done.stdout
    bundle = json.loads((tmp_path / "outbox" / "bundle.json").read_text(encoding="utf-8"))
    assert bundle["example_facts"] == []
    assert len(bundle["messages"]) == 11 and all(m["ok"] for m in bundle["messages"])
    errors = [d for d in bundle["diagnostics"] if d["severity"] == "error"]
    assert errors == []
    assert not [d for d in bundle["diagnostics"] if d["rule"] in ("CP327", "CP328", "CP251", "CP252")]
    email = (tmp_path / "outbox" / "email.eml").read_bytes()
    assert b"multipart/alternative" in email
