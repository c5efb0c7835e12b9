"""The README's worked example for managers runs as written: the terminal part, then the room."""

from __future__ import annotations

import shlex
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from room_helpers import ROOT

from crisisplay.cli.main import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> list[str]:
    tail = README.split(marker, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("   #", 1)[0].strip() for line in tail.splitlines() if line.strip()]


def test_managers_terminal_example_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = _block_after("**Manager — checklist, in the terminal and in the room.**")
    assert commands[0].startswith("crisisplay checklist start playbooks/it-outage/it-outage.ru.yaml --t0 09:40")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "playbooks").symlink_to(ROOT / "playbooks")
    monkeypatch.setenv("CRISISPLAY_DB", str(tmp_path / "readme.sqlite3"))
    monkeypatch.setenv("NO_COLOR", "1")
    clock = datetime(2026, 3, 15, 6, 55, tzinfo=timezone.utc)  # 09:55 in Moscow
    outputs = []
    for command in commands:
        clock += timedelta(minutes=3)
        monkeypatch.setenv("CRISISPLAY_NOW", clock.isoformat())
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.output)
    text = "\n".join(outputs)
    assert "этим выполнено: send_first_notice" in text  # the send completed its item
    assert "Клиенты: следующее обновление" in text
    assert "кризис вернулся" in text
    assert (tmp_path / "report.html").is_file() and (tmp_path / "crisis.ics").is_file()


def test_the_room_is_one_command_and_the_team_is_invited_by_name() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("## A worked example", 1)[0]
    assert "```sh\ncrisisplay serve\n```" in quick_start
    room = _block_after("The rest of the team works in the room, on the same run:")
    assert room[0] == "crisisplay serve"
    for line in room[1:]:
        args = shlex.split(line)
        assert args[:3] == ["crisisplay", "serve", "invite"] and "--role" in args
