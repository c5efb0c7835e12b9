"""Whole runs: ``crisisplay render --recipients``, run_recipients, outputs, summary, options, jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import AT, many_rows, outputs, read_jsonl, write_csv, write_jsonl
from click.testing import CliRunner

from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.cli.batch import run_recipients
from crisisplay.cli.main import cli
from crisisplay.errors import CrisisplayError
from crisisplay.moments import parse_moment

AT_TEXT = "2026-03-15T11:00:00+00:00"


def _cli(*args: str) -> tuple[int, str]:
    """``crisisplay render PLAYBOOK --recipients …``; the test playbook's facts are defaults, so
    without --facts/--set the run says --example (a mass send with no facts at all is refused)."""
    own_facts = "--facts" in args or "--set" in args
    result = CliRunner().invoke(cli, ["render", *args, *(() if own_facts else ("--example",))])
    return result.exit_code, result.output


def test_command_writes_one_file_per_channel_and_a_summary(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(40))
    out = tmp_path / "out"
    code, text = _cli(str(playbook.with_name("notice")), "--recipients", str(recipients), "--out", str(out),
                      "--sms-price", "1.25", "--at", AT_TEXT)
    assert code == 0, text
    files = outputs(out)
    assert set(files) == {"sms.jsonl", "email.jsonl", "push.jsonl", "rejected.jsonl"}
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["complete"] is True and summary["rows"] == 40
    total = sum(len(lines) for lines in files.values())
    assert total == 40  # nothing dropped: every row is a message or a rejection
    assert summary["messages"] + summary["rejected"]["total"] == 40
    sms = files["sms.jsonl"]
    assert summary["sms"]["segments"] == sum(line["segments"] for line in sms)
    assert summary["sms"]["estimated_cost"] == round(summary["sms"]["segments"] * 1.25, 2)
    assert set(summary["channels"]["sms"]["by_locale"]) == {"en", "ru"}
    assert {"id", "address", "text", "encoding", "segments"} <= set(sms[0])
    assert "rejected:" in text and "est. cost" in text


def test_run_recipients_returns_the_summary(playbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipients = write_jsonl(tmp_path / "r.jsonl", [
        {"id": "a", "name": "Ann", "channels": ["email"], "email": "ann@example.com", "account": "1"},
        {"id": "b", "name": "Борис", "locale": "ru", "phone": "+79161234567"},
    ])
    summary = run_recipients(str(playbook), str(recipients), out=str(tmp_path / "out"), sms_price=2.0,
                             at=parse_moment(AT_TEXT), progress=False)
    assert summary.complete and summary.total_messages == 2 and summary.total_rejected == 0
    assert summary.counters.messages == {"email": {"en": 1}, "sms": {"ru": 1}}
    assert summary.estimated_cost == 2.0 * summary.sms_segments
    assert "written to" in capsys.readouterr().out


def test_existing_run_is_never_overwritten(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(5))
    args = [str(playbook), "--recipients", str(recipients), "--out", str(tmp_path / "out"), "--at", AT_TEXT]
    assert _cli(*args)[0] == 0
    before = outputs(tmp_path / "out")
    code, text = _cli(*args)
    assert code == 2 and "already holds a batch run" in text
    code, text = _cli(*args, "--resume")
    assert code == 0 and "already complete" in text
    assert outputs(tmp_path / "out") == before


@pytest.mark.parametrize("args, message", [
    (["--resume"], "nothing to resume"),
    (["--stage", "resolved"], "no channel that reaches one person"),
    (["--stage", "nope"], "no stage 'nope'"),
    (["--jobs", "0"], "Invalid value"),
])
def test_user_errors_exit_2(playbook: Path, tmp_path: Path, args: list[str], message: str) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(3))
    code, text = _cli(str(playbook), "--recipients", str(recipients), "--out", str(tmp_path / "o"), *args)
    assert code == 2 and message in text


def test_a_mass_send_without_any_facts_is_refused(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(3))
    result = CliRunner().invoke(cli, ["render", str(playbook), "--recipients", str(recipients), "--out",
                                      str(tmp_path / "o")])
    assert result.exit_code == 2 and "a mass send needs your facts" in result.output
    assert not (tmp_path / "o").exists()


def test_out_is_required(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(3))
    code, text = _cli(str(playbook), "--recipients", str(recipients))
    assert code == 2 and "--out" in text


def test_csv_without_id_column(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", [["Ann"]], header=["name"])
    with pytest.raises(CrisisplayError, match="no 'id' column"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "o"), at=AT))


def test_on_error_stop_then_fix_and_resume(playbook: Path, tmp_path: Path) -> None:
    rows = many_rows(30)
    good = write_csv(tmp_path / "good.csv", rows)
    clean = tmp_path / "clean"
    run_batch(BatchOptions(str(playbook), str(good), str(clean), at=AT))
    broken = tmp_path / "r.csv"
    lines = good.read_bytes().split(b"\n")
    lines[12] = b"\xff\xfe broken line"
    broken.write_bytes(b"\n".join(lines))
    out = tmp_path / "out"
    with pytest.raises(CrisisplayError, match=r"r.csv:13: line 13 is not UTF-8"):
        run_batch(BatchOptions(str(playbook), str(broken), str(out), at=AT, on_error="stop", chunk_size=4,
                                commit_seconds=0))
    assert 0 < sum(len(v) for v in outputs(out).values()) <= 11
    broken.write_bytes(good.read_bytes())  # the fix: only the bad line and later ones changed
    summary = run_batch(BatchOptions(str(playbook), str(broken), str(out), resume=True, on_error="stop"))
    assert summary.complete and summary.counters.rows == 30
    assert outputs(out) == outputs(clean)


def test_skip_reports_bad_rows_with_line_numbers(playbook: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"id,name,phone\n1,Ann,+447400123456\n\n2,\"Bo,+447400123457\n3,Cy,+447400123458\n")
    summary = run_batch(BatchOptions(str(playbook), str(path), str(tmp_path / "o"), at=AT))
    rejected = read_jsonl(tmp_path / "o" / "rejected.jsonl")
    assert [(r["line"], r["reason"]) for r in rejected] == [(3, "empty_line"), (4, "bad_csv")]
    assert [r["id"] for r in read_jsonl(tmp_path / "o" / "sms.jsonl")] == ["1", "3"]
    assert summary.counters.rejected == {"empty_line": 1, "bad_csv": 1}


def test_jobs_two_keeps_the_input_order(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(150))
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(BatchOptions(str(playbook), str(recipients), str(one), at=AT, chunk_size=9))
    summary = run_batch(BatchOptions(str(playbook), str(recipients), str(two), at=AT, chunk_size=9, jobs=2,
                                     start_method="spawn"))  # spawn: the work really pickles
    assert summary.counters.rows == 150
    for name in ("sms.jsonl", "email.jsonl", "push.jsonl", "rejected.jsonl"):
        assert (one / name).read_bytes() == (two / name).read_bytes()
    lines = [line["line"] for line in read_jsonl(two / "sms.jsonl")]
    assert lines == sorted(lines)


def test_resume_refuses_other_options_or_input(playbook: Path, tmp_path: Path) -> None:
    recipients = write_csv(tmp_path / "r.csv", many_rows(20))
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), at=AT, chunk_size=5, commit_seconds=0),
                  progress=_interrupt_after(2))
    with pytest.raises(CrisisplayError, match="--stage differs"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True, stage="update"))
    with pytest.raises(CrisisplayError, match="--at"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True, at=AT.replace(hour=9)))
    data = recipients.read_bytes()
    recipients.write_bytes(data.replace(b"Name1,", b"Nome1,", 1))
    with pytest.raises(CrisisplayError, match="not the file the run read"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(out), resume=True))


def _interrupt_after(commits: int):  # type: ignore[no-untyped-def]
    seen = []

    def progress(_: object) -> None:
        seen.append(1)
        if len(seen) >= commits:
            raise KeyboardInterrupt

    return progress


def test_render_rows_is_a_partition_function(playbook: Path) -> None:
    """What Dask's map_partitions or Spark's mapPartitions would call (docs/batch.md)."""
    import pickle

    from crisisplay.batch.locales import discover
    from crisisplay.batch.worker import JobSpec, render_rows

    spec = pickle.loads(pickle.dumps(JobSpec(discover(playbook), "first_notice", AT)))
    rows = [{"id": 1, "name": "Ann", "phone": "+447400123456", "channels": "sms"},
            {"id": 2, "locale": "ru", "email": "b@example.com", "name": "Б", "account": "9"},
            {"name": "no id"}]
    result = list(render_rows(spec, rows))
    assert [target for target, _ in result] == ["sms", "email", "rejected"]
    assert result[1][1]["locale"] == "ru" and result[2][1]["reason"] == "missing_field"


def test_facts_file_with_a_locale_sibling(playbook: Path, tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("incident: payments are slow\nnext_update_at: '14:00'\n", "utf-8")
    (tmp_path / "facts.ru.yaml").write_text("incident: платежи идут медленно\nnext_update_at: '14:00'\n", "utf-8")
    recipients = write_jsonl(tmp_path / "r.jsonl", [
        {"id": "a", "name": "Ann", "phone": "+447400123456"},
        {"id": "b", "name": "Борис", "locale": "ru", "phone": "+79161234567"},
    ])
    code, text = _cli(str(playbook), "--recipients", str(recipients), "--out", str(tmp_path / "o"),
                      "--facts", str(tmp_path / "facts.yaml"), "--set", "company=ACME", "--at", AT_TEXT)
    assert code == 0, text
    sms = read_jsonl(tmp_path / "o" / "sms.jsonl")
    assert sms[0]["text"].startswith("ACME: Ann, payments are slow.")
    assert sms[1]["text"].startswith("ACME: Борис, платежи идут медленно.")


def test_progress_bar_shows_rate_and_eta() -> None:
    import io

    from crisisplay.batch.runner import BatchProgress
    from crisisplay.cli.batch import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(BatchProgress(rows=5_000, bytes_done=250, bytes_total=1000, elapsed=2.0, messages=4_900, rejected=100))
    bar.finish()
    line = stream.getvalue()
    assert "25%" in line and "2,500 rows/s" in line and "ETA 0:00:06" in line and line.endswith("\n")


def test_a_channel_no_row_uses_still_stops_the_run_when_it_does_not_compile(tmp_path: Path) -> None:
    """Channels are folded on first use, but every channel compiles before the first row:
    a broken push template stops a run whose rows all ask for SMS, before any output."""
    import yaml
    from batch_helpers import playbook_data

    folder = tmp_path / "playbooks"
    folder.mkdir()
    for locale in ("en", "ru"):
        data = playbook_data(locale)
        data["stages"]["first_notice"]["templates"]["push"]["body"] = "{{ incident | no_such_filter }}"
        (folder / f"notice.{locale}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    rows = [[*row[:3], "sms", *row[4:]] for row in many_rows(12)]
    recipients = write_csv(tmp_path / "r.csv", rows)
    out = tmp_path / "out"
    code, text = _cli(str(folder / "notice"), "--recipients", str(recipients), "--out", str(out), "--at", AT_TEXT)
    assert code == 2, text
    assert "push" in text and "no_such_filter" in text and "Traceback" not in text
    assert not out.exists() or not any(out.glob("*.jsonl"))
