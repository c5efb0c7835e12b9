"""The crisis room as the team meets it: a real server process on a free loopback port.

Only the team gets in (invitations work once), viewers change nothing, every form needs
its CSRF token, every change is in the audit log under the person's name, and twenty
managers changing things at once lose nothing and never see "database is locked".
"""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import httpx
import pytest
from room_helpers import Server, csrf_of, running_room, sign_in

#: Every POST that changes something, with a form that would be valid for an editor.
CHANGES: list[tuple[str, dict[str, object]]] = [
    ("/runs/{run}/items/first_hour.confirm_facts/take", {}),
    ("/runs/{run}/items/first_hour.confirm_facts/done", {}),
    ("/runs/{run}/items/first_hour.keep_voice_line/skip", {"note": "no voice line here"}),
    ("/runs/{run}/items/first_hour.keep_voice_line/block", {"note": "vendor"}),
    ("/runs/{run}/items/first_hour.confirm_facts/reopen", {}),
    ("/runs/{run}/sent", {"stage": "first_notice", "channel": ["sms"]}),
    ("/runs/{run}/facts", {"fact:incident": "Приложение не открывается."}),
    ("/runs/{run}/close", {"force": "1"}),
    ("/runs/{run}/resume", {}),
    ("/runs", {"playbook": "bundled:it-outage.en"}),
]


def _events(db: Path, run_id: str) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute("SELECT kind, target, actor FROM events WHERE run_id = ? ORDER BY seq", (run_id,)))


def test_anonymous_people_get_the_sign_in_page(room: Server) -> None:
    anonymous = httpx.Client(base_url=room.url, follow_redirects=False)
    for path in ("/", f"/runs/{room.run_id}", f"/runs/{room.run_id}/log", f"/runs/{room.run_id}/download/report.md"):
        answer = anonymous.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), path
    page = anonymous.get("/login")
    assert page.status_code == 200 and 'name="token"' in page.text
    assert "content-security-policy" in page.headers and "script-src 'self'" in page.headers["content-security-policy"]
    for path, form in CHANGES:
        answer = anonymous.post(path.format(run=room.run_id), data=form)  # type: ignore[arg-type]
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), path
    assert anonymous.get(f"/runs/{room.run_id}/live").status_code == 401


def test_the_first_invitation_is_printed_and_an_invitation_works_once(tmp_path: Path) -> None:
    with running_room(tmp_path) as server:
        assert server.first_invitation.startswith(f"{server.url}/join/")
        first = sign_in(server.url, server.first_invitation)
        assert first.get("/").status_code == 200
        again = httpx.Client(base_url=server.url, follow_redirects=False)
        page = again.get(server.first_invitation)
        refused = again.post(server.first_invitation, data={"csrf": csrf_of(page.text)})
        assert refused.status_code == 403 and "не действует" in refused.text
        assert again.get("/").status_code == 303  # still outside
        code = server.invite("Olga").rsplit("/", 1)[1]  # the code pasted on the sign-in page works too
        login = again.get("/login")
        entered = again.post("/login", data={"csrf": csrf_of(login.text), "token": code, "next": "/"})
        assert entered.status_code == 303 and again.get("/").status_code == 200


def test_a_viewer_sees_everything_and_changes_nothing(room: Server) -> None:
    viewer = room.client("Duty director", "viewer")
    page = viewer.get(f"/runs/{room.run_id}")
    assert page.status_code == 200 and "наблюдатель" in page.text
    assert "/items/" not in page.text  # no buttons for a viewer
    for name in ("report.html", "report.md", "calendar.ics"):
        assert viewer.get(f"/runs/{room.run_id}/download/{name}").status_code == 200
    before = _events(room.db, room.run_id)
    token = csrf_of(page.text)
    for path, form in CHANGES:
        answer = viewer.post(path.format(run=room.run_id), data={**form, "csrf": token})  # type: ignore[arg-type]
        assert answer.status_code == 403, (path, answer.status_code)
    assert _events(room.db, room.run_id) == before


def test_every_form_needs_the_sessions_csrf_token(room: Server) -> None:
    editor = room.client("Anna", "editor")
    other = room.client("Boris", "editor")
    foreign = csrf_of(other.get("/").text)
    before = _events(room.db, room.run_id)
    for path, form in CHANGES:
        url = path.format(run=room.run_id)
        assert editor.post(url, data=form).status_code == 403, path  # type: ignore[arg-type]
        assert editor.post(url, data={**form, "csrf": foreign}).status_code == 403, path  # type: ignore[arg-type]
    assert _events(room.db, room.run_id) == before
    assert editor.post("/logout", data={}).status_code == 403


def test_changes_are_recorded_under_the_persons_name(room: Server) -> None:
    anna = room.client("Anna K.", "editor")
    token = csrf_of(anna.get(f"/runs/{room.run_id}").text)
    done = anna.post(f"/runs/{room.run_id}/items/first_hour.name_next_update/done", data={"csrf": token})
    assert done.status_code == 303
    sent = anna.post(f"/runs/{room.run_id}/sent", data={"csrf": token, "stage": "first_notice", "channel": ["sms"]})
    assert sent.status_code == 303
    kinds = _events(room.db, room.run_id)[-2:]
    assert kinds == [("done", "first_hour.name_next_update", "Anna K."), ("sent", "first_notice", "Anna K.")]
    page = anna.get(f"/runs/{room.run_id}").text
    assert "Записано: отправлено сообщение «Первое сообщение» (sms); этим выполнено: send_first_notice" in page
    refused = anna.post(f"/runs/{room.run_id}/items/first_hour.name_next_update/done", data={"csrf": token})
    assert refused.status_code == 409 and "already done" in refused.text  # told, not silently dropped


def test_revoked_member_is_out_at_once(room: Server, tmp_path: Path) -> None:
    import subprocess
    import sys

    olga = room.client("Olga R.", "editor")
    assert olga.get("/").status_code == 200
    subprocess.run([sys.executable, "-m", "crisisplay", "serve", "revoke", "Olga R.", "--db", str(room.db)],
                   check=True, capture_output=True)  # fmt: skip
    assert olga.get("/").status_code == 303


@pytest.mark.slow
def test_twenty_managers_fifty_changes_each_lose_nothing(tmp_path: Path) -> None:
    clients, per_client = 20, 50
    with running_room(tmp_path) as server:
        people = [server.client(f"manager {n:02d}", "editor") for n in range(clients)]
        tokens = [csrf_of(p.get(f"/runs/{server.run_id}").text) for p in people]
        acknowledged: list[list[int]] = [[] for _ in range(clients)]
        problems: list[str] = []

        def work(n: int) -> None:
            person, token = people[n], tokens[n]
            for i in range(per_client):
                # Facts change on every call, so every one of them must be recorded.
                answer = person.post(
                    f"/runs/{server.run_id}/facts", data={"csrf": token, f"fact:progress_{n:02d}": str(i)}
                )
                if answer.status_code == 303:
                    acknowledged[n].append(int(re.sub(r".*#seq-", "", answer.headers["location"])))
                else:
                    problems.append(f"{n}/{i}: {answer.status_code} {answer.text[:200]}")
                if "locked" in answer.text:
                    problems.append(f"{n}/{i}: database is locked reached a user")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not problems, problems[:5]
        with sqlite3.connect(server.db) as conn:
            rows = conn.execute(
                "SELECT seq, actor, data FROM events WHERE run_id = ? AND kind = 'facts'", (server.run_id,)
            ).fetchall()
        recorded = {seq: actor for seq, actor, _ in rows}
        for n in range(clients):
            assert len(acknowledged[n]) == per_client
            for seq in acknowledged[n]:
                assert recorded.get(seq) == f"manager {n:02d}", seq  # acknowledged means in the audit log
        assert len(rows) == clients * per_client
        final = people[0].get(f"/runs/{server.run_id}/log").text
        assert final.count("факты: progress_") == clients * per_client


def test_signing_in_never_redirects_off_the_site(room: Server) -> None:
    for target in ("//evil.example/", "/\\evil.example", "https://evil.example/"):
        client = httpx.Client(base_url=room.url, follow_redirects=False)
        login = client.get("/login")
        code = room.invite(f"Redirect {len(target)}").rsplit("/", 1)[1]
        answer = client.post("/login", data={"csrf": csrf_of(login.text), "token": code, "next": target})
        assert answer.status_code == 303 and answer.headers["location"] == "/", target
