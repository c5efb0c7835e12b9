"""Paths a playbook names stay inside its folder tree or the bundled library (CP013).

A playbook written by someone else must not read ``/proc/self/environ``, ``/etc/passwd``
or a key file into a customer message: absolute paths, ``..`` that climbs out, links that
point out, hidden files, FIFOs and devices are refused at validate time, and render prints
nothing of them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.playbook.paths import ROOT_ENV

SECRET = "TOP-SECRET-VALUE-4711"

PLAYBOOK = """\
crisisplay: 1
id: paths
title: Paths
locale: en
timezone: Europe/Moscow
{extends}
facts:
  incident: {{type: text, required: true, example: the app is down}}
  next_update_at: {{type: datetime, required: true, example: "2026-03-15T14:00"}}
channels:
  sms: {{}}
stages:
  first_notice:
    kind: first_notice
    due: 20m
    templates:
      sms: {sms}
"""
INLINE_SMS = '"{{ incident }}. Next update at {{ next_update_at | time }}."'


def _write(folder: Path, sms: str = INLINE_SMS, extends: str = "", name: str = "pb.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(PLAYBOOK.format(sms=sms, extends=extends), encoding="utf-8")
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _refused(path: Path, env: dict[str, str] | None = None, render_code: int = 2) -> str:
    """validate reports CP013 (exit 1); render refuses and prints no secret.

    ``extends`` and ``file:`` stop the load (exit 2); an include fails its channel (exit 1).
    """
    code, out = _run("validate", str(path), env=env)
    assert code == 1 and "CP013" in out, out
    assert SECRET not in out
    code, rendered = _run("render", str(path), "--at", "2026-03-15T10:00", env=env)
    assert code == render_code, rendered
    assert SECRET not in rendered
    return out


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside (not inside) the playbook's folder, readable by the user."""
    target = tmp_path / "secret.j2"
    target.write_text(SECRET, encoding="utf-8")
    return target


@pytest.mark.parametrize("reference", ["/proc/self/environ", "/etc/passwd", "/etc/hostname.j2"])
def test_file_absolute_path_is_refused(tmp_path: Path, reference: str) -> None:
    out = _refused(_write(tmp_path / "pb", sms=f"{{file: {reference}}}"))
    assert "absolute path" in out
    assert "HOME=" not in out and "root:" not in out


def test_file_dotdot_out_of_the_tree_is_refused(tmp_path: Path, secret: Path) -> None:
    out = _refused(_write(tmp_path / "pb", sms="{file: ../secret.j2}"))
    assert "outside the playbook's folder" in out


def test_file_deep_dotdot_to_proc_is_refused(tmp_path: Path) -> None:
    _refused(_write(tmp_path / "pb", sms="{file: ../../../../../../../../proc/self/environ}"))


def test_file_symlink_out_is_refused(tmp_path: Path, secret: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "body.j2").symlink_to(secret)
    out = _refused(_write(folder, sms="{file: body.j2}"))
    assert "a link to" in out


def test_file_symlink_to_proc_environ_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "env.j2").symlink_to("/proc/self/environ")
    _refused(_write(folder, sms="{file: env.j2}"))


def test_file_symlinked_folder_out_is_refused(tmp_path: Path, secret: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "shared").symlink_to(tmp_path)
    _refused(_write(folder, sms="{file: shared/secret.j2}"))


def test_file_device_via_link_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "zero.j2").symlink_to("/dev/zero")
    _refused(_write(folder, sms="{file: zero.j2}"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_file_fifo_inside_the_tree_is_refused_without_hanging(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    os.mkfifo(folder / "pipe.j2")  # nobody writes: opening it would block forever
    out = _refused(_write(folder, sms="{file: pipe.j2}"))
    assert "FIFO" in out


def test_hidden_file_inside_the_tree_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    (folder / ".secrets").mkdir(parents=True)
    (folder / ".secrets" / "key.j2").write_text(SECRET, encoding="utf-8")
    out = _refused(_write(folder, sms="{file: .secrets/key.j2}"))
    assert "hidden" in out


def test_file_without_a_template_suffix_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "config.env").write_text(SECRET, encoding="utf-8")
    _refused(_write(folder, sms="{file: config.env}"))


def test_file_inside_the_tree_still_works(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "sms.j2").write_text("{{ incident }}, next at {{ next_update_at | time }}", encoding="utf-8")
    path = _write(folder, sms="{file: parts/../parts/sms.j2}")
    code, out = _run("render", str(path), "--at", "2026-03-15T10:00")
    assert code == 0, out
    assert "the app is down, next at" in out


def test_symlink_inside_the_tree_still_works(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "real.j2").write_text("{{ incident }} at {{ next_update_at | time }}", encoding="utf-8")
    (folder / "sms.j2").symlink_to(folder / "parts" / "real.j2")
    code, out = _run("render", str(_write(folder, sms="{file: sms.j2}")), "--at", "2026-03-15T10:00")
    assert code == 0, out


def test_bundled_template_by_name_still_works(tmp_path: Path) -> None:
    path = _write(tmp_path / "pb", sms="{file: en/apology.j2}")
    _code, out = _run("validate", str(path))
    assert "CP013" not in out and "CP012" not in out, out


@pytest.mark.parametrize("extends", ["/etc/passwd", "../outside.yaml", "../../../../../etc/hostname.yaml"])
def test_extends_out_of_the_tree_is_refused(tmp_path: Path, extends: str) -> None:
    (tmp_path / "outside.yaml").write_text(f"crisisplay: 1\nid: {SECRET}\n", encoding="utf-8")
    _refused(_write(tmp_path / "pb", extends=f"extends: {extends}"))


def test_extends_symlink_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text(f"crisisplay: 1\nid: {SECRET}\n", encoding="utf-8")
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "base.yaml").symlink_to(tmp_path / "outside.yaml")
    _refused(_write(folder, extends="extends: base.yaml"))


def test_extends_a_non_playbook_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "notes.txt").write_text(SECRET, encoding="utf-8")
    _refused(_write(folder, extends="extends: notes.txt"))


def test_sibling_base_is_allowed_with_crisisplay_root(tmp_path: Path) -> None:
    """A company library laid out like the bundled one: scenario folders share ../base."""
    library = tmp_path / "library"
    (library / "base").mkdir(parents=True)
    base = "crisisplay: 1\nid: base\ntitle: Base\nlocale: en\nabstract: true\ntimezone: Europe/Moscow\n"
    (library / "base" / "base.yaml").write_text(base, encoding="utf-8")
    path = _write(library / "outage", extends="extends: ../base/base.yaml")
    code, out = _run("validate", str(path))
    assert code == 1 and "CP013" in out and ROOT_ENV in out, out
    code, out = _run("validate", str(path), env={ROOT_ENV: str(library)})
    assert "CP013" not in out, out


def test_extends_bundled_still_works(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "child.yaml").write_text(
        "crisisplay: 1\nid: child\ntitle: Child\nextends: bundled:base/base.en.yaml\n", encoding="utf-8"
    )
    _code, out = _run("validate", str(folder / "child.yaml"))
    assert "CP013" not in out and "CP010" not in out, out


def test_include_symlink_out_is_refused(tmp_path: Path, secret: Path) -> None:
    folder = tmp_path / "pb"
    folder.mkdir()
    (folder / "part.j2").symlink_to(secret)
    out = _refused(_write(folder, sms='"{% include \'part.j2\' %} {{ incident }} {{ next_update_at }}"'), render_code=1)
    assert "include refused" in out


@pytest.mark.parametrize("name", ["../secret.j2", "../../../../etc/passwd.txt", "/etc/hostname.txt"])
def test_include_climbing_out_is_refused(tmp_path: Path, secret: Path, name: str) -> None:
    sms = f'"{{% include \'{name}\' %}} {{{{ incident }}}} {{{{ next_update_at }}}}"'
    _refused(_write(tmp_path / "pb", sms=sms), render_code=1)


def test_include_inside_the_tree_still_works(tmp_path: Path) -> None:
    folder = tmp_path / "pb"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "hello.j2").write_text("Hello.", encoding="utf-8")
    path = _write(folder, sms='"{% include \'parts/hello.j2\' %} {{ incident }} {{ next_update_at | time }}"')
    code, out = _run("render", str(path), "--at", "2026-03-15T10:00")
    assert code == 0 and "Hello." in out, out


def test_stdin_playbook_is_confined_to_the_working_directory(tmp_path: Path, secret: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    text = PLAYBOOK.format(sms="{file: ../secret.j2}", extends="")
    result = CliRunner().invoke(cli, ["validate", "-"], input=text)
    assert result.exit_code == 1 and "CP013" in result.output and SECRET not in result.output


def test_no_secret_reaches_any_output_format(tmp_path: Path) -> None:
    """The environment of this very process never shows, in any format."""
    path = _write(tmp_path / "pb", sms="{file: ../../../../../../proc/self/environ}")
    for fmt in ("text", "json", "sarif", "github"):
        code, out = _run("validate", str(path), "--format", fmt)
        assert code == 1 and "CP013" in out
        assert sys.executable not in out and "PATH=" not in out
