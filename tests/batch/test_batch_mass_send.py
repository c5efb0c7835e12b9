"""Who gets what: the run's phone region, number types, fallbacks, --channel, duplicates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from batch_helpers import AT, HEADER, outputs, playbook_data, write_csv
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisplay.batch.input_lines import Position
from crisisplay.batch.locales import discover
from crisisplay.batch.reader import Row
from crisisplay.batch.recipient import column_keys
from crisisplay.batch.runner import BatchOptions, run_batch
from crisisplay.batch.worker import JobSpec, RowOutcome, WorkerState, render_item
from crisisplay.errors import CrisisplayError

LOCALES = ["ru", "en", "", "de", "ru-RU", "en_GB", "fr"]


def _playbooks(folder: Path, **changes: Any) -> Path:
    """notice.en/ru.yaml: London and Moscow time zones, one home region; ``changes`` per version."""
    folder.mkdir(parents=True, exist_ok=True)
    for locale in ("en", "ru"):
        data = playbook_data(locale)
        data["phone_region"] = "RU"
        data["channels"] = {"sms": {"max_segments": 2}, "email": {}, "push": {}, "voice": {}, "x": {}}
        data["stages"]["first_notice"]["templates"]["voice"] = "{{ company }}. {{ incident }}. {{ hotline }}"
        for key, value in changes.items():
            data[key] = value(locale) if callable(value) else value
            if data[key] is None:
                del data[key]
        (folder / f"notice.{locale}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder / "notice"


def _state(playbook: Path, **spec: Any) -> WorkerState:
    state = WorkerState(JobSpec(discover(playbook), None, AT, column_keys([*HEADER, "country"]), **spec))
    state.preload()
    return state


def _row(state: WorkerState, **values: str) -> RowOutcome:
    values.setdefault("id", "c1")
    return render_item(state, Row(7, [values.get(name, "") for name in [*HEADER, "country"]], Position(0, 0)))


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> WorkerState:
    """No fallback anywhere: only the person's own choice is ever used."""
    return _state(_playbooks(tmp_path_factory.mktemp("strict")))


_PHONES = st.one_of(
    st.text(alphabet="0123456789", min_size=5, max_size=12),
    st.builds(lambda p, d: p + d, st.sampled_from(["8", "+7", "7", "8 (", "+44 ", "+375 ", "0"]),
              st.text(alphabet="0123456789 -()", min_size=6, max_size=14)),
    st.sampled_from(["8 (912) 170-81-25", "9122048701", "89121708125", "07400 123456", "8 800 555-35-35"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phone=_PHONES, channel=st.sampled_from(["sms", "voice", "смс", "звонок"]))
def test_the_number_sent_to_never_depends_on_the_rows_locale(strict: WorkerState, phone: str, channel: str) -> None:
    """The issue's bug: an English-speaking customer's Russian number read as a UK one."""
    seen = set()
    for locale in LOCALES:
        out = _row(strict, locale=locale, channels=channel, phone=phone)
        seen.add(out.record.get("address") if out.target != "rejected" else ("rejected", out.record["reason"]))
    assert len(seen) == 1, (phone, seen)


def test_the_issue_reproduction(strict: WorkerState) -> None:
    for locale in ("ru", "en"):
        assert _row(strict, locale=locale, channels="sms", phone="9122048701").record["address"] == "+79122048701"
    assert _row(strict, locale="en", channels="sms", phone="89121708125").record["address"] == "+79121708125"


def test_versions_that_disagree_on_the_region_are_refused(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb", phone_region=lambda locale: "GB" if locale == "en" else "RU")
    with pytest.raises(CrisisplayError, match="different countries") as caught:
        _state(playbook)
    assert "phone_region" in caught.value.hint
    unset = _playbooks(tmp_path / "tz", phone_region=lambda locale: None)
    with pytest.raises(CrisisplayError, match=r"notice.en.yaml: GB \(from its time zone Europe/London\)"):
        _state(unset)


def test_the_country_column_reads_a_number_as_written_there(strict: WorkerState) -> None:
    assert _row(strict, channels="sms", phone="8 029 123-45-67", country="BY").record["address"] == "+375291234567"
    assert _row(strict, channels="sms", phone="8 029 123-45-67", country="Беларусь").record["address"] == (
        "+375291234567")
    assert _row(strict, channels="sms", phone="8 029 123-45-67").record["reason"] == "no_valid_address"
    out = _row(strict, channels="sms", phone="8 029 123-45-67", country="Нарния")
    assert out.record["reason"] == "unknown_country" and "'Нарния'" in out.record["detail"]
    # an e-mail does not care about the country
    assert _row(strict, channels="email", email="a@example.com", account="1", name="A", country="Нарния").target == (
        "email")


@pytest.mark.parametrize(("phone", "channel", "reason", "detail"), [
    ("8 (495) 123-45-67", "sms", "number_type", "+74951234567 is a landline number; sms needs a mobile number"),
    ("8 (495) 123-45-67", "voice", "number_type", "voice needs a mobile number"),
    ("8 800 100-20-30", "voice", "number_type", "is a toll-free number"),
    ("8 809 123-45-67", "sms", "number_type", "is a premium-rate number"),
    ("+44 20 7946 0000", "sms", "own_number", "is the company's own number (hotline)"),
    ("12345", "sms", "no_valid_address", "'12345' is not a valid number (read as RU)"),
    ("", "sms", "no_valid_address", "sms: no phone number"),
])
def test_numbers_a_channel_must_not_reach(strict: WorkerState, phone: str, channel: str, reason: str,
                                          detail: str) -> None:
    out = _row(strict, channels=channel, phone=phone)
    assert (out.target, out.record["reason"]) == ("rejected", reason)
    assert detail in out.record["detail"]


def test_a_channel_may_accept_landlines(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb", channels={"sms": {"max_segments": 2}, "email": {}, "push": {}, "x": {},
                                                     "voice": {"number_types": ["mobile", "fixed_line"]}})
    state = _state(playbook)
    assert _row(state, channels="voice", phone="8 (495) 123-45-67").record["address"] == "+74951234567"
    assert _row(state, channels="sms", phone="8 (495) 123-45-67").record["reason"] == "number_type"
    assert _row(state, channels="voice", phone="8 800 100-20-30").record["reason"] == "number_type"


def test_no_fallback_unless_the_playbook_allows_it(strict: WorkerState, tmp_path: Path) -> None:
    out = _row(strict, channels="email", phone="+79161234567")  # no e-mail address: never a silent SMS
    assert (out.record["reason"], out.record["detail"]) == (
        "no_valid_address", "email: no e-mail address; the playbook allows no fallback channel")
    assert _row(strict, phone="+79161234567").record["reason"] == "no_preference"
    assert _row(strict, channels="telegram", phone="+79161234567").record["reason"] == "channel_unavailable"
    allowing = _state(_playbooks(tmp_path / "fb", channels={
        "sms": {"max_segments": 2, "fallback": True}, "email": {}, "push": {}, "x": {}, "voice": {}}))
    out = _row(allowing, channels="email", phone="+79161234567")
    assert (out.target, out.record["fallback"]) == ("sms", "no_valid_address")
    assert _row(allowing, phone="+79161234567").record["fallback"] == "no_preference"
    assert _row(allowing, channels="push", phone="8 (495) 123-45-67").record["reason"] == "no_valid_address"


def test_fallbacks_are_counted_by_reason(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb", channels={
        "sms": {"max_segments": 2, "fallback": True}, "email": {}, "push": {}, "x": {}, "voice": {}})
    rows = [["1", "A", "en", "email", "+79161234567", "", "", "", ""],
            ["2", "B", "en", "", "+79161234568", "", "", "", ""],
            ["3", "C", "en", "", "+79161234569", "", "", "", ""],
            ["4", "D", "en", "sms", "+79161234570", "", "", "", ""]]
    summary = run_batch(BatchOptions(str(playbook), str(write_csv(tmp_path / "r.csv", rows)), str(tmp_path / "o"),
                                     at=AT))
    data = json.loads((tmp_path / "o" / "summary.json").read_text("utf-8"))
    assert data["fallbacks"] == {"total": 3, "by_reason": {"no_preference": 2, "no_valid_address": 1}}
    assert "sent on a channel the person did not choose (fallback): 3" in summary.table()


def test_channel_option_limits_the_run(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb")
    rows = [["1", "A", "en", "sms", "+79161234567", "", "", "", ""],
            ["2", "B", "en", "email", "", "b@example.com", "", "A-2", ""]]
    recipients = write_csv(tmp_path / "r.csv", rows)
    run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "o"), at=AT, channels=("email",)))
    written = outputs(tmp_path / "o")
    assert [r["id"] for r in written["email.jsonl"]] == ["2"]
    assert written["rejected.jsonl"][0]["reason"] == "channel_unavailable"
    assert "left out by --channel" in written["rejected.jsonl"][0]["detail"]
    with pytest.raises(CrisisplayError, match="--channel x"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "p"), at=AT, channels=("x",)))
    with pytest.raises(CrisisplayError, match="--channel telegram: stage 'first_notice' has no such message"):
        run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "q"), at=AT, channels=("telegram",)))


def test_a_file_without_choices_and_a_playbook_without_fallback_is_refused(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb")
    recipients = tmp_path / "r.csv"
    recipients.write_text("id,phone\n1,+79161234567\n", "utf-8")
    with pytest.raises(CrisisplayError, match="no 'channels' column") as caught:
        run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "o"), at=AT))
    assert "fallback: true" in caught.value.hint


def test_duplicates_are_sent_once_and_counted(tmp_path: Path) -> None:
    playbook = _playbooks(tmp_path / "pb")
    rows = [["1", "A", "en", "sms", "+79161234567", "", "", "", ""],
            ["1", "A", "en", "sms", "+79161234599", "", "", "", ""],      # the same id
            ["2", "B", "en", "смс", "8 916 123-45-67", "", "", "", ""],   # the same number, written otherwise
            ["3", "C", "en", "voice", "+79161234567", "", "", "", ""],    # the same number on another channel
            ["4", "D", "en", "email", "", "A@Example.com", "", "X", ""],
            ["5", "E", "en", "email", "", "a@example.COM", "", "X", ""],  # the same mailbox
            ["6", "F", "en", "sms", "8 (495) 123-45-67", "", "", "", ""],  # rejected: a landline
            ["6", "F", "en", "sms", "+79161234500", "", "", "", ""]]      # so this row of id 6 is sent
    recipients = write_csv(tmp_path / "r.csv", rows)
    summary = run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "o"), at=AT, chunk_size=3))
    written = outputs(tmp_path / "o")
    assert [r["id"] for r in written["sms.jsonl"]] == ["1", "6"]
    assert [r["id"] for r in written["voice.jsonl"]] == ["3"]
    assert [r["id"] for r in written["email.jsonl"]] == ["4"]
    duplicates = [r for r in written["rejected.jsonl"] if r["reason"] == "duplicate"]
    assert [(r["line"], r["detail"]) for r in duplicates] == [
        (3, "id '1' already got this message (line 2)"),
        (4, "sms +79161234567 already gets this message (line 2)"),
        (7, "email a@example.com already gets this message (line 6)"),
    ]
    assert summary.counters.rejected == {"duplicate": 3, "number_type": 1}
    assert summary.counters.messages == {"sms": {"en": 2}, "voice": {"en": 1}, "email": {"en": 1}}
    again = run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "all"), at=AT,
                                   allow_duplicates=True))
    assert "duplicate" not in again.counters.rejected and sum(again.counters.messages["sms"].values()) == 4
    assert not (tmp_path / "o" / ".duplicate-check").exists()


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_duplicates_with_worker_processes(tmp_path: Path, start_method: str) -> None:
    """Pool workers hash the keys when they share the main process's hash secret (fork);
    spawned workers do not, and the main process hashes instead: the same result either way."""
    playbook = _playbooks(tmp_path / "pb")
    rows = [[str(i % 7), "A", "en", "sms", f"+7916123{i % 5:04d}", "", "", "", ""] for i in range(40)]
    recipients = write_csv(tmp_path / "r.csv", rows)
    one = run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "one"), at=AT, chunk_size=6))
    two = run_batch(BatchOptions(str(playbook), str(recipients), str(tmp_path / "two"), at=AT, chunk_size=6, jobs=2,
                                 start_method=start_method))
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert one.counters.to_dict() == two.counters.to_dict() and one.counters.rejected["duplicate"] == 35
