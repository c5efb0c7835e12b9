"""The positional safe loader: values, positions, and every refusal with a location."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import Limits, load_bytes, load_file, parse_text


def test_values_and_positions() -> None:
    doc = parse_text(
        "a: 1\nb:\n  - x\n  - 'no'\n  - no\n  - 2026-03-15\nc: {d: null, e: true}\n", "f.yaml"
    )
    assert doc.data == {"a": 1, "b": ["x", "no", "no", "2026-03-15"], "c": {"d": None, "e": True}}
    assert str(doc.source.values[("b", 1)]) == "f.yaml:4:5"
    assert str(doc.source.keys[("c", "e")]) == "f.yaml:7:14"
    assert str(doc.source.locate(("c", "missing", 3))) == "f.yaml:7:4"


def test_yaml11_surprises_stay_text() -> None:
    doc = parse_text("a: yes\nb: off\nc: 1:30\nd: 0o17\ne: 2026-01-01T10:00\n", "f.yaml")
    assert doc.data == {"a": "yes", "b": "off", "c": "1:30", "d": "0o17", "e": "2026-01-01T10:00"}


def _error(text: str, **kwargs: object) -> CrisisplayError:
    with pytest.raises(CrisisplayError) as info:
        parse_text(text, "f.yaml", **kwargs)  # type: ignore[arg-type]
    return info.value


def test_duplicate_key_is_an_error_with_both_lines() -> None:
    exc = _error("id: a\ntitle: x\nid: b\n")
    assert exc.location is not None and (exc.location.line, exc.location.column) == (3, 1)
    assert "duplicate key 'id'" in exc.message and "line 1" in exc.message


def test_nested_duplicate_key() -> None:
    exc = _error("facts:\n  a: 1\n  b: 2\n  a: 3\n")
    assert exc.location is not None and exc.location.line == 4


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        ("a:\n\t- x\n", "tab", 2),
        ("a: !!python/object/apply:os.system ['ls']\n", "not allowed", 1),
        ("a: !custom x\n", "not allowed", 1),
        ("a: !!binary aGVsbG8=\n", "not allowed", 1),
        ("a: [1, 2\n", "not closed", 1),  # the opening bracket, not the end of the file
        ("<<: {a: 1}\n", "merge keys", 1),
        ("? [a, b]\n: c\n", "plain text", 1),
        ("a: 1\n---\nb: 2\n", "more than one", 3),
        ("# only a comment\n", "no YAML document", 1),
    ],
)
def test_refusals_have_locations(text: str, needle: str, line: int) -> None:
    exc = _error(text)
    assert needle in exc.message
    assert exc.location is not None and exc.location.line == line


def test_empty_file() -> None:
    assert "empty" in _error("  \n").message


def test_depth_limit() -> None:
    deep = "a: " + "[" * 100 + "]" * 100 + "\n"
    assert "nesting deeper" in _error(deep).message


def test_billion_laughs_refused_fast_with_bounded_memory() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    start = time.perf_counter()
    exc = _error(text)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "billion laughs" in exc.message
    assert elapsed < 1
    assert peak < 200 * 1024 * 1024


def test_small_node_limit() -> None:
    assert "more than 3 values" in _error("a: [1, 2, 3, 4]\n", limits=Limits(max_nodes=3)).message


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(CrisisplayError, match="larger than"):
        load_file(path, Limits(max_bytes=1000))


def test_non_utf8_points_at_byte(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.yaml"
    path.write_bytes("title: ok\nname: Привет\n".encode("cp1251"))
    with pytest.raises(CrisisplayError) as info:
        load_file(path)
    assert "UTF-8" in info.value.message
    assert info.value.location is not None and info.value.location.line == 2


def test_utf8_bom_is_accepted_utf16_refused() -> None:
    assert load_bytes("\ufeffa: б\n".encode(), "f.yaml").data == {"a": "б"}
    with pytest.raises(CrisisplayError, match="UTF-16"):
        load_bytes("a: 1\n".encode("utf-16"), "f.yaml")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CrisisplayError, match="no such file"):
        load_file(tmp_path / "nope.yaml")
    with pytest.raises(CrisisplayError, match="directory"):
        load_file(tmp_path)
