"""``crisisplay validate`` finds nothing in the bundled library (schema and every rule)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from library_helpers import ROOT

from crisisplay.cli.main import cli

validate = pytest.importorskip("crisisplay.playbook.validate", reason="crisisplay validate is not installed yet")


def test_validate_api_finds_nothing() -> None:
    try:
        from crisisplay.render.engine import known_filters, known_globals
    except ImportError:  # validate then skips the filter check, like the CLI does
        filters, names = None, frozenset[str]()
    else:
        filters, names = known_filters(), known_globals()
    report = validate.validate_paths([str(ROOT)], known_filters=filters, extra_names=names)
    assert len(report.files) >= 12
    assert [str(d) for d in report.diagnostics] == []


def test_validate_cli_on_the_bundled_library_is_clean() -> None:
    result = CliRunner().invoke(cli, ["validate", str(ROOT), "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output
