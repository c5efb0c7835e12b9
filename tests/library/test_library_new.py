"""``crisisplay new``: a company playbook started from a bundled scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from library_helpers import LOCALES, scenario_names

from crisisplay.cli.main import cli
from crisisplay.cli.new import find_scenario, list_scenarios, start_playbook
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.build import load_playbook, resolve


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_every_scenario_with_titles_and_locales() -> None:
    code, out, _err = _run("new", "--list", "--locale", "en")
    assert code == 0
    for name in scenario_names():
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert "en, ru" in line
        assert load_playbook(Path(list_scenarios()[name].files["en"])).title in line
    assert "base" not in out.split()


@pytest.mark.parametrize("name", scenario_names())
@pytest.mark.parametrize("locale", LOCALES)
def test_new_playbook_extends_the_bundled_base_and_loads(name: str, locale: str, tmp_path: Path) -> None:
    target = tmp_path / "my-playbook.yaml"
    code, out, err = _run(
        "new", name, "--locale", locale, "--out", str(target), "--id", "acme-1", "--company", "Acme «Север»"
    )
    assert code == 0, err
    assert str(target) in out
    raw = yaml.safe_load(target.read_text("utf-8"))
    assert raw["id"] == "acme-1"
    assert raw["extends"] == f"bundled:base/base.{locale}.yaml"
    assert raw["owner"] == "Acme «Север»"
    assert raw["facts"]["company"]["default"] == "Acme «Север»"
    resolution = resolve(target)
    assert resolution.diagnostics == []
    playbook = resolution.playbook
    assert playbook is not None and playbook.locale == locale
    assert playbook.example_facts()["company"] == "Acme «Север»"
    assert set(playbook.stages) == set(load_playbook(list_scenarios()[name].files[locale]).stages)
    assert list(tmp_path.iterdir()) == [target], "no temporary files are left behind"


def test_new_playbook_renders_out_of_the_box(tmp_path: Path) -> None:
    render = pytest.importorskip("crisisplay.render", reason="the render engine is not installed yet")
    target = tmp_path / "acme.ru.yaml"
    assert _run("new", "it-outage", "--out", str(target), "--company", "Акме")[0] == 0
    result = render.render_stage(load_playbook(target), "first_notice")
    assert result.ok
    assert "Акме" in result.message("sms").text


def test_defaults_write_my_scenario_file_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, err = _run("new", "pandemic")
    assert code == 0, err
    written = tmp_path / "my-pandemic.ru.yaml"
    assert yaml.safe_load(written.read_text("utf-8"))["id"] == "my-pandemic"


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me", "utf-8")
    code, _out, err = _run("new", "it-outage", "--out", str(target))
    assert code == 2
    assert "already exists" in err and "--force" in err
    assert target.read_text("utf-8") == "keep me"
    code, _out, err = _run("new", "it-outage", "--out", str(target), "--force")
    assert code == 0, err
    assert "extends" in target.read_text("utf-8")


def test_dash_writes_to_standard_output() -> None:
    code, out, _err = _run("new", "data-incident", "--locale", "en", "--out", "-")
    assert code == 0
    assert yaml.safe_load(out)["extends"] == "bundled:base/base.en.yaml"


def test_unknown_scenario_suggests_near_matches() -> None:
    code, _out, err = _run("new", "it-outge")
    assert code == 2
    assert "unknown scenario 'it-outge'" in err and "'it-outage'" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("new", "pandemic", "--locale", "de"), "not written in locale 'de'"),
        (("new", "base"), "not a scenario"),
        (("new",), "name a scenario"),
        (("new", "it-outage", "--id", "Not An Id"), "invalid playbook id"),
    ],
)
def test_user_errors_exit_with_code_two(args: tuple[str, ...], expected: str) -> None:
    code, _out, err = _run(*args)
    assert code == 2
    assert expected in err


def test_library_functions_raise_crisisplay_errors() -> None:
    scenarios = list_scenarios()
    with pytest.raises(CrisisplayError, match="unknown scenario"):
        find_scenario("nothing-like-it", scenarios)
    with pytest.raises(CrisisplayError, match="locale"):
        start_playbook(scenarios["pandemic"], "fr")
    text = start_playbook(scenarios["pandemic"], "en", playbook_id="x1")
    assert 'id: "x1"' in text and "# yaml-language-server" not in text
