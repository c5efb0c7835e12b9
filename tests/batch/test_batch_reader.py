"""The streaming readers: records, byte positions, and every kind of bad row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisplay.batch.reader import BadRow, RecipientReader, Row
from crisisplay.errors import CrisisplayError


def _read(path: Path) -> list[Row | BadRow]:
    with RecipientReader(path) as reader:
        return list(reader.items())


def test_csv_rows_and_header(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('id,name,note\n1,Anna,"two\nlines"\n2,"Bo, Jr.",x\n', "utf-8")
    with RecipientReader(path) as reader:
        assert reader.header == ("id", "name", "note")
        items = list(reader.items())
    assert [(i.line, i.values) for i in items if isinstance(i, Row)] == [
        (2, ["1", "Anna", "two\nlines"]), (4, ["2", "Bo, Jr.", "x"])]
    assert items[-1].end.offset == path.stat().st_size


def test_semicolon_delimiter_and_leading_bom(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeffid;name\n1;Анна\n".encode())
    with RecipientReader(path) as reader:
        assert reader.delimiter == ";"
        assert reader.header == ("id", "name")
        assert [i.values for i in reader.items()] == [["1", "Анна"]]


def test_bad_rows_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(
        b"id,name\n"
        b"1,Anna\n"
        b"2,\xcf\xf0\xe8\xe2\xe5\xf2\n"      # cp1251, not UTF-8
        b"\n"                                 # empty line
        b"3,Bob,extra\n"                      # too many fields
        b"\xef\xbb\xbfid,name\n"              # a second export glued on
        b'4,"Unclosed\n'                      # a quote that never closes
        b"5,Eve\n"
    )
    items = _read(path)
    bad = [(i.line, i.reason) for i in items if isinstance(i, BadRow)]
    good = [(i.line, i.values) for i in items if isinstance(i, Row)]
    assert bad == [(3, "bad_encoding"), (4, "empty_line"), (5, "bad_csv"), (6, "bom"), (7, "bad_csv")]
    # the stray quote on line 7 does not take line 8 down with it
    assert good == [(2, ["1", "Anna"]), (8, ["5", "Eve"])]


def test_runaway_quote_is_cut_after_a_bounded_number_of_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('id,name\n1,"open\n' + "".join(f"{n},N{n}\n" for n in range(2, 200)), "utf-8")
    items = _read(path)
    assert isinstance(items[0], BadRow) and items[0].line == 2
    rows = [i for i in items if isinstance(i, Row)]
    assert rows[0].line == 3 and rows[-1].values == ["199", "N199"]


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": 1}\n[1, 2]\n{"id": \n\n{"id": "x", "services": ["a"]}\n\xff\n')
    items = _read(path)
    assert [(i.line, i.reason) for i in items if isinstance(i, BadRow)] == [
        (2, "bad_json"), (3, "bad_json"), (4, "empty_line"), (6, "bad_encoding")]
    assert [i.values for i in items if isinstance(i, Row)] == [{"id": 1}, {"id": "x", "services": ["a"]}]


def test_reading_resumes_from_any_record_end(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('id,note\n1,a\n2,"b\nc"\n3,d\n4,e\n', "utf-8")
    with RecipientReader(path) as reader:
        items = list(reader.items())
        for index, item in enumerate(items):
            rest = list(reader.items(item.end))
            assert [(r.line, r.values) for r in rest if isinstance(r, Row)] == [
                (r.line, r.values) for r in items[index + 1:] if isinstance(r, Row)]


@pytest.mark.parametrize("text, message", [
    ("", "no header"),
    ("id,id\n", "twice"),
    ("id,,name\n", "empty column"),
])
def test_unusable_header_is_a_user_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(CrisisplayError, match=message):
        RecipientReader(path)


def test_unknown_extension_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_text("x", "utf-8")
    with pytest.raises(CrisisplayError, match="extension"):
        RecipientReader(path)


_cell = st.text(alphabet=st.sampled_from(list('ab ,;"\n\r\tя€🙂\'')), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=12))
def test_csv_round_trip_property(tmp_path: Path, rows: list[list[str]]) -> None:
    """Whatever csv.writer writes (quotes, separators, newlines, emoji), the reader gives back."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "b", "c"])
    writer.writerows(rows)
    path = tmp_path / "p.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    items = _read(path)
    assert [item.values for item in items] == rows
    assert all(isinstance(item, Row) for item in items)
    assert items == [] or items[-1].end.offset == path.stat().st_size


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.dictionaries(st.text(max_size=5), st.one_of(st.text(max_size=8), st.integers()),
                                     max_size=4), max_size=10))
def test_jsonl_round_trip_property(tmp_path: Path, rows: list[dict[str, object]]) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    assert [item.values for item in _read(path)] == rows


_FIELD = st.text(alphabet=st.sampled_from([*'ab ;,"\n\r\t', "ё", "\u00a0"]), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_FIELD, min_size=3, max_size=3), min_size=1, max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]), crlf=st.booleans())
def test_reading_agrees_with_the_csv_module(tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]],
                                            delimiter: str, crlf: bool) -> None:
    """Lines without quotes take a shortcut past the csv module: it must read what csv reads."""
    if not crlf:  # csv.writer leaves a lone \r unquoted unless \r is in its line terminator
        rows = [[field.replace("\r", "") for field in row] for row in rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["id", "name", "note"])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "r.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    expected = list(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=delimiter))[1:]
    got = [item.values for item in _read(path) if isinstance(item, Row)]
    bad = [item for item in _read(path) if isinstance(item, BadRow)]
    wanted = [row for row in expected if row and not (len(row) == 1 and not row[0].strip())]
    assert got == wanted and all(b.reason == "empty_line" for b in bad)
