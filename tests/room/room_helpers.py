"""The crisis room under test: a real ``crisisplay serve`` process on a free loopback port.

A plain module (conftest is not importable). Every server the tests start listens on
127.0.0.1 only, and is stopped (by its own process id) when the test is done.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Server:
    url: str
    db: Path
    process: subprocess.Popen[str]
    first_invitation: str
    run_id: str

    def invite(self, name: str, role: str = "editor") -> str:
        """A fresh one-time link, made the way a person makes it: ``crisisplay serve invite``."""
        made = subprocess.run(
            [sys.executable, "-m", "crisisplay", "serve", "invite", name, "--role", role, "--db", str(self.db),
             "--url", self.url],
            capture_output=True, text=True, check=True, env=_env(),
        )  # fmt: skip
        return made.stdout.strip().splitlines()[-1]

    def client(self, name: str, role: str = "editor") -> httpx.Client:
        """A signed-in browser-like client (cookies kept, redirects not followed)."""
        return sign_in(self.url, self.invite(name, role))


def sign_in(base: str, link: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=30)
    page = client.get(link)
    assert page.status_code == 200, page.text
    answer = client.post(link, data={"csrf": csrf_of(page.text)})
    assert answer.status_code == 303, answer.text
    return client


def csrf_of(html: str) -> str:
    found = CSRF_RE.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRISISPLAY_")}
    env.update({"NO_COLOR": "1", "CRISISPLAY_USER": "lead", **extra})
    return env


@contextmanager
def running_room(tmp_path: Path, *, playbook: str = "bundled:it-outage.ru", t0: str = "-25m") -> Iterator[Server]:
    """A database with one run, and the room serving it; yields when it answers."""
    db = tmp_path / "room.sqlite3"
    run_id = subprocess.run(
        [sys.executable, "-m", "crisisplay", "checklist", "start", playbook, "--t0", t0, "-q", "--db", str(db)],
        capture_output=True, text=True, check=True, env=_env(),
    ).stdout.strip()  # fmt: skip
    # --port 0: the room binds a free port itself and prints it (no race with another test
    # taking a port found free a moment before)
    process = subprocess.Popen(
        [sys.executable, "-m", "crisisplay", "serve", "--port", "0", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(),
    )  # fmt: skip
    try:
        url, first = _wait_until_up(process)
        yield Server(url, db, process, first, run_id)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_up(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The room's address and first invitation, once it answers."""
    assert process.stdout is not None
    lines = [process.stdout.readline(), process.stdout.readline()]  # the address, the first invitation
    first = next((line.split(": ", 1)[1].strip() for line in lines if line.startswith("first invitation")), "")
    shown = re.search(r"http://127\.0\.0\.1:(\d+)/", lines[0])
    if shown is None or shown.group(1) == "0":
        raise AssertionError(f"the room printed no address with a real port: {''.join(lines)}{process.stdout.read()}")
    url = f"http://127.0.0.1:{shown.group(1)}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the room stopped: {''.join(lines)}{process.stdout.read()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return url, first
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("the room did not answer within 30 s")

