"""``bundled:NAME`` references, and the help examples that point at bundled playbooks."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.bundled import bundled_names, bundled_path, bundled_root

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = bundled_root() / "it-outage" / "it-outage.ru.yaml"


@pytest.mark.parametrize(
    "reference",
    [
        "bundled:it-outage.ru",  # what people type
        "bundled:it-outage.ru.yaml",
        "bundled:it-outage/it-outage.ru",  # what extends uses
        "bundled:it-outage/it-outage.ru.yaml",
        "bundled: it-outage/it-outage.ru ",
    ],
)
def test_short_and_folder_forms_name_the_same_file(reference: str) -> None:
    assert bundled_path(reference, must_exist=True) == EXPECTED


def test_library_and_scenario_folders() -> None:
    assert bundled_path("bundled:") == bundled_root()
    assert bundled_path("bundled:pandemic", must_exist=True) == bundled_root() / "pandemic"
    assert {"base.ru", "base.en", "it-outage.ru", "it-outage.en"} <= set(bundled_names())


def test_a_typo_lists_the_library_with_the_closest_name() -> None:
    with pytest.raises(CrisisplayError) as caught:
        bundled_path("bundled:it-outge.ru", must_exist=True)
    assert "did you mean 'it-outage.ru'" in caught.value.message
    assert caught.value.hint is not None and "pandemic.en" in caught.value.hint


def test_without_must_exist_a_missing_name_still_maps_to_a_path() -> None:
    """``extends`` reports a missing parent as a finding with the chain, not as an exception."""
    assert bundled_path("bundled:nope/nope.ru") == bundled_root() / "nope" / "nope.ru.yaml"


def test_load_playbook_takes_the_short_form() -> None:
    assert load_playbook("bundled:delivery-delay.en").locale == "en"


@pytest.mark.parametrize("reference", ["bundled:it-outage", "bundled:"])
def test_load_playbook_names_the_files_of_a_folder(reference: str) -> None:
    with pytest.raises(CrisisplayError) as caught:
        load_playbook(reference)
    assert "is a folder of playbooks" in caught.value.message
    assert caught.value.hint is not None and "it-outage.ru" in caught.value.hint


def test_checklist_start_takes_the_short_form(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["checklist", "start", "bundled:it-outage.ru", "--t0", "-5m"],
        env={"CRISISPLAY_DB": str(tmp_path / "db.sqlite3"), "NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.output
    assert "запуск it-outage-" in result.output  # the Russian playbook speaks Russian


def _help_texts(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    texts = [(" ".join(path), (command.help or "") + "\n" + (command.epilog or ""))]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            texts += _help_texts(sub, (*path, name))
    return texts


def test_every_playbook_in_a_help_example_exists() -> None:
    """A copied help example must work: no renamed or invented playbook paths."""
    from crisisplay.cli import main

    checked = 0
    for name in main.COMMANDS:
        for where, text in _help_texts(cli.get_command(click.Context(cli), name), (name,)):  # type: ignore[arg-type]
            for path in re.findall(r"\bplaybooks/[\w./-]+\.ya?ml", text):
                assert (ROOT / path).is_file(), f"'crisisplay {where} --help' shows a missing {path}"
                checked += 1
            for reference in re.findall(r"\bbundled:[\w./-]*", text):
                bundled_path(reference, must_exist=True)
                checked += 1
    assert checked >= 5, "the help examples no longer name playbooks; update this test"


@pytest.mark.parametrize("reference", ["bundled:../../etc/hostname", "bundled:/etc/hostname", "bundled:base/../../x"])
def test_bundled_names_cannot_leave_the_library(reference: str) -> None:
    with pytest.raises(CrisisplayError, match="stays inside the library"):
        bundled_path(reference)


def test_extends_leaving_the_library_is_a_finding_at_its_line(tmp_path: Path) -> None:
    from crisisplay.playbook.build import resolve

    child = tmp_path / "child.yaml"
    child.write_text('crisisplay: 1\nid: x\ntitle: X\nextends: "bundled:../../../etc/hostname"\n', encoding="utf-8")
    found = [d for d in resolve(child).diagnostics if d.rule == "CP010"]
    assert len(found) == 1 and "stays inside the library" in found[0].message
    assert found[0].location is not None and found[0].location.line == 4
