"""``crisisplay preview`` from the command line: files, errors, exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from preview_helpers import AT, TEST_PLAYBOOK, parse_html

from crisisplay.cli.main import cli


def _run(*args: str) -> tuple[int, str, str]:
    example = [] if "--facts" in args or "--help" in args else ["--example"]
    result = CliRunner().invoke(cli, ["preview", *args, *example])
    return result.exit_code, result.stdout, result.stderr


def test_writes_page_and_reports_summary(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "review.html"
    code, stdout, _ = _run(str(TEST_PLAYBOOK), "--at", AT, "--out", str(out))
    assert code == 0
    assert f"wrote {out}" in stdout and "1 over limit" in stdout and "1 inconsistent fact" in stdout
    root, problems = parse_html(out.read_text(encoding="utf-8"))
    assert problems == [] and len(root.find_all("article")) == 10
    assert [p.name for p in out.parent.iterdir()] == ["review.html"]  # no temporary left


def test_stdout_stage_and_facts(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("incident: Card payments fail.\nnext_update_at: '2026-03-15T16:30'\n", encoding="utf-8")
    code, stdout, stderr = _run(str(TEST_PLAYBOOK), "--stage", "update", "--facts", str(facts),
                                "--at", AT, "--out", "-", "--no-lint")
    assert code == 0
    root, _ = parse_html(stdout)
    assert [a.attrs["id"] for a in root.find_all("article")] == ["channel-sms", "channel-email"]
    assert "4:30 PM" in root.find("article", id="channel-sms").text
    assert "2 channel(s)" in stderr


def test_diff_against_rendered_bundle(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    render = CliRunner().invoke(cli, ["render", str(TEST_PLAYBOOK), "--at", AT, "--out", str(outbox),
                                      "--fail-on", "never", "--example"])
    assert render.exit_code == 0, render.output
    out = tmp_path / "p.html"
    code, _, _ = _run(str(TEST_PLAYBOOK), "--stage", "update", "--at", AT, "--no-lint",
                      "--diff", str(outbox / "bundle.json"), "--out", str(out))
    assert code == 0
    root, _ = parse_html(out.read_text(encoding="utf-8"))
    diff = root.find("section", id="diff")
    states = [h.find("span").text for h in diff.find_all("h3")]
    assert len(states) == 10 and states.count("channel dropped") == 8
    assert diff.find_all("ins") and diff.find_all("del")


def test_user_errors_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args, needle in [
        (["--diff", str(bad)], "not valid JSON"),
        (["--diff", str(tmp_path / "missing.json")], "bundle not found"),
        (["--at", "yesterday-ish"], "--at"),
        (["--stage", "nope"], "no stage 'nope'"),
        (["--set", "next_update_at=soon"], "problem"),
        (["--out", str(tmp_path)], "directory"),
    ]:
        code, _, stderr = _run(str(TEST_PLAYBOOK), "--at", AT, "--no-lint", *args)
        assert code == 2, (args, stderr)
        assert needle in stderr, (args, stderr)
        assert "Traceback" not in stderr
    code, _, stderr = _run(str(tmp_path / "none.yaml"))
    assert code == 2 and "error" in stderr


def test_fail_on_counts_findings(tmp_path: Path) -> None:
    out = str(tmp_path / "p.html")
    code, _, _ = _run(str(TEST_PLAYBOOK), "--at", AT, "--out", out, "--no-lint", "--fail-on", "error")
    assert code == 1  # the SMS is over its limit
    code, _, _ = _run(str(TEST_PLAYBOOK), "--at", AT, "--out", out, "--no-lint")
    assert code == 0  # default: never


def test_help_lists_options() -> None:
    code, stdout, _ = _run("--help")
    assert code == 0
    for option in ("--stage", "--facts", "--set", "--at", "--out", "--open", "--diff"):
        assert option in stdout


def test_examples_are_refused_without_example_and_marked_with_it(tmp_path: Path) -> None:
    """Issue 12: a preview approved with invented facts would be approved fiction."""
    out = tmp_path / "p.html"
    refused = CliRunner().invoke(cli, ["preview", str(TEST_PLAYBOOK), "--at", AT, "--out", str(out)])
    assert refused.exit_code == 2 and "--example" in refused.output and not out.exists()
    code, _, _ = _run(str(TEST_PLAYBOOK), "--at", AT, "--out", str(out), "--no-lint")
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert 'class="example-banner"' in page and "<code>incident</code>" in page
