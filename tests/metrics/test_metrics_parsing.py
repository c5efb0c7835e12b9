"""Cell parsers and CSV reading: numbers (with a hypothesis property), dates, delimiters."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.errors import CrisisplayError
from crisisplay.metrics.parsing import parse_bool, parse_number, parse_scale, parse_timestamp
from crisisplay.metrics.table import read_table, sniff_delimiter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4", 4.0),
        (" 10 ", 10.0),
        ("4.5", 4.5),
        ("4,5", 4.5),
        ("-3", -3.0),
        ("\u22123,5", -3.5),
        (",5", 0.5),
        ("1 550", 1550.0),
        ("1\u00a0550,50", 1550.5),
        ("1\u202f234\u202f567", 1234567.0),
        ("1,550.25", 1550.25),
        ("1.550,25", 1550.25),
        ("1,550", 1.55),  # a lone comma is a decimal comma
    ],
)
def test_parse_number_accepts_spreadsheet_forms(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "abc",
        "nan",
        "inf",
        "1e3",
        "4,5,6",
        "1 55",
        "4.5.6",
        "10%",
        "5 баллов",
        "12 345 6",
        "1,55.0",
        "--1",
        ".",
    ],
)
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


decimals = st.decimals(
    min_value=Decimal("-1000000"),
    max_value=Decimal("1000000"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)


@settings(max_examples=200, deadline=None)
@given(decimals, st.sampled_from([".", ","]))
def test_parse_number_round_trips_either_decimal_mark(value: Decimal, mark: str) -> None:
    text = f"{value:f}".replace(".", mark)
    assert parse_number(text) == pytest.approx(float(value), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([" ", "\u00a0", "\u202f"]),
    st.integers(min_value=0, max_value=99),
)
def test_parse_number_round_trips_grouped_thousands(whole: int, sep: str, cents: int) -> None:
    grouped = f"{whole:,}".replace(",", sep)
    assert parse_number(grouped) == whole
    assert parse_number(f"{grouped},{cents:02d}") == pytest.approx(whole + cents / 100)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_parse_number_never_raises_and_is_finite(text: str) -> None:
    value = parse_number(text)
    assert value is None or math.isfinite(value)


def test_parse_datetime_forms() -> None:
    assert parse_timestamp("2024-03-01") == datetime(2024, 3, 1)
    assert parse_timestamp("01.03.2024") == datetime(2024, 3, 1)
    assert parse_timestamp("1.3.2024 9:05") == datetime(2024, 3, 1, 9, 5)
    assert parse_timestamp("2024-03-01T10:30:00") == datetime(2024, 3, 1, 10, 30)
    assert parse_timestamp("2024-03-01 10:30") == datetime(2024, 3, 1, 10, 30)
    assert parse_timestamp("2024-03-01T10:30Z") == datetime(2024, 3, 1, 10, 30, tzinfo=timezone.utc)
    msk = timezone(timedelta(hours=3))
    assert parse_timestamp("2024-03-01T10:30+03:00") == datetime(2024, 3, 1, 10, 30, tzinfo=msk)
    for bad in ("", "31.02.2024", "2024-13-01", "yesterday", "03/01/2024"):
        assert parse_timestamp(bad) is None


def test_parse_bool_and_scale() -> None:
    assert [parse_bool(t) for t in ("1", "Yes", "да", "TRUE", "0", "нет", "no")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert parse_bool("maybe") is None and parse_bool("") is None
    assert parse_scale("1-5") == (1, 5)
    assert parse_scale("0–5") == (0, 5)
    assert parse_scale("1..7") == (1, 7)
    assert parse_scale("5-1") is None and parse_scale("five") is None


def test_sniff_delimiter_reads_the_header() -> None:
    assert sniff_delimiter("id;date;score") == ";"
    assert sniff_delimiter("id,date,score") == ","
    assert sniff_delimiter("id\tdate\tscore") == "\t"
    assert sniff_delimiter('"a;b",c') == ","  # the ; is inside quotes
    assert sniff_delimiter("score") == "\t"  # one column: keep "4,5" whole


def test_read_table_bom_semicolon_quotes_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes('\ufeffid;comment;score\n1;"two\nlines";4,5\n\n2;ok;5\n'.encode())
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.header == ["id", "comment", "score"]
    assert [(r.line, r.cells) for r in table.rows] == [
        (2, ["1", "two\nlines", "4,5"]),
        (5, ["2", "ok", "5"]),
    ]


def test_read_table_errors_are_located(tmp_path: Path) -> None:
    with pytest.raises(CrisisplayError, match="file not found"):
        read_table(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CrisisplayError, match="empty"):
        read_table(empty)
    cp = tmp_path / "cp1251.csv"
    cp.write_bytes("оценка\n5\n".encode("cp1251"))
    with pytest.raises(CrisisplayError, match="--encoding cp1251"):
        read_table(cp)
    assert read_table(cp, encoding="cp1251").header == ["оценка"]


def test_column_lookup(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Score,date,x,x\n5,2024-01-01,1,2\n", encoding="utf-8")
    table = read_table(path)
    assert table.column("score", option="--score-column") == 0  # case-insensitive fallback
    assert table.column("respondent_id", option="--id-column", required=False) is None
    with pytest.raises(CrisisplayError, match="no column 'nps'") as info:
        table.column("nps", option="--score-column")
    assert str(info.value).startswith(f"{path}:1: ")
    with pytest.raises(CrisisplayError, match="appears 2 times"):
        table.column("x", option="--by")
