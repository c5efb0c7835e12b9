"""Output formatters: text, JSON, SARIF (checked against the official schema), GitHub."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import pytest
from jsonschema import Draft4Validator

from crisisplay import __version__
from crisisplay.cli.common import FORMAT_CHOICES
from crisisplay.diagnostics.formatters import (
    FINGERPRINT_KEY,
    FORMATTERS,
    format_github,
    format_json,
    format_sarif,
    format_text,
    render_diagnostics,
)
from crisisplay.diagnostics.model import Diagnostic, Location, RuleInfo, Severity

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"

RU = Diagnostic(
    rule="CP301",
    severity=Severity.WARNING,
    category="alarm",
    message="Слово «катастрофа» пугает клиентов",
    location=Location("playbooks/сбой.ru.yaml", 12, 5, 12, 15),
    span="катастрофа",
    fix="скажите «сбой»",
    source="lint",
)
NO_LOCATION = Diagnostic("CP001", Severity.ERROR, "syntax", "file is empty")
RELATED = Diagnostic(
    rule="CP201",
    severity=Severity.ERROR,
    category="inconsistency",
    message="SMS says 14:00, email says 15:00",
    location=Location("playbooks/a b.yaml", 3, 1),
    related=(Location("playbooks/a b.yaml", 40, 7), Location("templates/email.txt", 2)),
)
FILE_ONLY = Diagnostic(
    "CP105", Severity.INFO, "checklist", "item x is never reached", Location("playbooks/a b.yaml")
)
# Deliberately unsorted: formatters must order by file/line/column themselves.
DIAGS = [RU, NO_LOCATION, RELATED, FILE_ONLY]

RULES = (
    RuleInfo(
        id="CP301",
        name="AlarmWords",
        severity=Severity.WARNING,
        category="alarm",
        summary="panic or alarm words",
        doc="Words like «катастрофа» frighten customers; say what happened instead.",
        tool="lint",
    ),
    RuleInfo("CP999", "Unused", Severity.INFO, "readability", "never fires here"),
)


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _sarif(diags: list[Diagnostic], validator: Draft4Validator, **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(format_sarif(diags, **kwargs))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


# --------------------------------------------------------------------------- text


def test_text_exact_layout() -> None:
    assert format_text(DIAGS) == "\n".join(
        [
            "<no file>: error [CP001] file is empty (syntax)",
            "",
            "playbooks/a b.yaml: info [CP105] item x is never reached (checklist)",
            "playbooks/a b.yaml:3:1: error [CP201] SMS says 14:00, email says 15:00"
            " (inconsistency)",
            "    see also: playbooks/a b.yaml:40:7",
            "    see also: templates/email.txt:2",
            "",
            "playbooks/сбой.ru.yaml:12:5: warning [CP301] Слово «катастрофа» пугает клиентов"
            " (alarm)",
            "    | катастрофа",
            "    fix: скажите «сбой»",
            "",
            "4 problems (2 errors, 1 warning, 1 info) in 2 files",
        ]
    )


def test_text_colour_only_when_asked() -> None:
    plain = format_text(DIAGS)
    coloured = format_text(DIAGS, color=True)
    assert "\x1b" not in plain
    assert click.unstyle(coloured) == plain
    assert click.style("error", fg="red", bold=True) in coloured
    assert click.style("warning", fg="yellow", bold=True) in coloured
    assert click.style("info", fg="blue", bold=True) in coloured


def test_text_summaries() -> None:
    assert format_text([]) == "no problems"
    assert format_text([], summary=False) == ""
    assert format_text([NO_LOCATION]).endswith("\n\n1 problem (1 error)")
    assert format_text([RU]).splitlines()[-1] == "1 problem (1 warning) in 1 file"
    assert "problem" not in format_text([RU], summary=False)


def test_text_escapes_control_characters_and_indents_multiline() -> None:
    diag = Diagnostic(
        "CP301",
        Severity.WARNING,
        "shouting",
        "first line\nsecond \x1b[2J line",
        Location("a.yaml", 1, 1),
        span="one\ntwo",
    )
    out = format_text([diag], summary=False)
    assert "\x1b" not in out
    assert out.splitlines() == [
        "a.yaml:1:1: warning [CP301] first line (shouting)",
        "    second \\x1b[2J line",
        "    | one",
        "      two",
    ]


# --------------------------------------------------------------------------- json


def test_json_document() -> None:
    text = format_json(DIAGS, extra={"playbook": "сбой"})
    assert "катастрофа" in text and "\\u" not in text  # ensure_ascii=False
    doc = json.loads(text)
    assert list(doc) == ["version", "diagnostics", "summary", "playbook"]
    assert doc["version"] == 1
    assert doc["summary"] == {"errors": 2, "warnings": 1, "infos": 1}
    assert [d["rule"] for d in doc["diagnostics"]] == ["CP001", "CP105", "CP201", "CP301"]
    assert doc["playbook"] == "сбой"


def _from_dict(data: dict[str, Any]) -> Diagnostic:
    def loc(d: dict[str, Any]) -> Location:
        return Location(d["file"], d["line"], d["column"], d["end_line"], d["end_column"])

    return Diagnostic(
        rule=data["rule"],
        severity=Severity.parse(data["severity"]),
        category=data["category"],
        message=data["message"],
        location=loc(data["location"]) if data["location"] else None,
        span=data.get("span", ""),
        fix=data.get("fix", ""),
        related=tuple(loc(r) for r in data.get("related", [])),
        source=data.get("source", ""),
    )


def test_json_round_trip() -> None:
    doc = json.loads(format_json(DIAGS))
    rebuilt = [_from_dict(d) for d in doc["diagnostics"]]
    expected = sorted(DIAGS, key=lambda d: d.sort_key())
    assert [d.to_dict() for d in rebuilt] == [d.to_dict() for d in expected]
    assert rebuilt[-1] == RU  # fully specified location survives exactly
    assert json.loads(format_json(rebuilt)) == doc


def test_json_extra_cannot_replace_fixed_keys() -> None:
    with pytest.raises(ValueError, match="summary"):
        format_json(DIAGS, extra={"summary": {}})


def test_json_empty() -> None:
    assert json.loads(format_json([])) == {
        "version": 1,
        "diagnostics": [],
        "summary": {"errors": 0, "warnings": 0, "infos": 0},
    }


# --------------------------------------------------------------------------- sarif

_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})+$")


def _uris(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["uri"]] if isinstance(node.get("uri"), str) else []
        return found + [u for v in node.values() for u in _uris(v)]
    if isinstance(node, list):
        return [u for v in node for u in _uris(v)]
    return []


def test_sarif_valid_and_complete(sarif_validator: Draft4Validator) -> None:
    log = _sarif(DIAGS, sarif_validator, rules=RULES)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "crisisplay"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")

    rules = driver["rules"]
    # given rules first, in order; then synthesised ones for rules results use, sorted
    assert [r["id"] for r in rules] == ["CP301", "CP999", "CP001", "CP105", "CP201"]
    alarm = rules[0]
    assert alarm["name"] == "AlarmWords"
    assert alarm["shortDescription"] == {"text": "panic or alarm words"}
    assert alarm["fullDescription"]["text"].startswith("Words like «катастрофа»")
    assert alarm["defaultConfiguration"] == {"level": "warning"}
    assert alarm["properties"]["tags"] == ["alarm"]
    synthesised = rules[4]
    assert synthesised["defaultConfiguration"] == {"level": "error"}
    assert synthesised["properties"]["tags"] == ["inconsistency"]
    assert synthesised["shortDescription"]["text"]

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["CP105", "CP201", "CP301"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"], "GitHub rejects the whole upload for a location-less result"
        assert set(result["partialFingerprints"]) == {FINGERPRINT_KEY}
    file_only, related, ru = results
    assert [r["level"] for r in results] == ["note", "error", "warning"]

    assert ru["message"] == {"text": "Слово «катастрофа» пугает клиентов"}
    assert ru["properties"] == {
        "category": "alarm",
        "tags": ["alarm"],
        "fix": "скажите «сбой»",
        "source": "lint",
    }
    physical = ru["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "playbooks/%D1%81%D0%B1%D0%BE%D0%B9.ru.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert physical["region"] == {
        "startLine": 12,
        "startColumn": 5,
        "endLine": 12,
        "endColumn": 15,
        "snippet": {"text": "катастрофа"},
    }
    assert "region" not in file_only["locations"][0]["physicalLocation"]
    assert related["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "playbooks/a%20b.yaml"
    )
    assert related["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "playbooks/a%20b.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 40, "startColumn": 7},
            },
        },
        {
            "id": 2,
            "physicalLocation": {
                "artifactLocation": {"uri": "templates/email.txt", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 2},
            },
        },
    ]

    # the location-less finding is kept, as a notification rather than a result
    (invocation,) = run["invocations"]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"] == {"text": "file is empty"}
    assert rules[note["associatedRule"]["index"]]["id"] == "CP001"

    for uri in _uris(log["runs"]):
        assert _URI_CHARS.match(uri), uri


def test_sarif_fingerprints_stable(sarif_validator: Draft4Validator) -> None:
    def fingerprint(diag: Diagnostic) -> str:
        log = _sarif([diag], sarif_validator)
        value: str = log["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY]
        return value

    moved = RU.with_location(Location("playbooks/сбой.ru.yaml", 99, 1))
    assert fingerprint(RU) == fingerprint(RU) == fingerprint(moved)
    assert fingerprint(RU).endswith(":1")
    assert fingerprint(RU) != fingerprint(RU.with_location(Location("other.yaml", 12, 5)))
    reworded = Diagnostic(RU.rule, RU.severity, RU.category, "другой текст", RU.location)
    assert fingerprint(RU) != fingerprint(reworded)

    twice = _sarif([RU, moved], sarif_validator)["runs"][0]["results"]
    values = [r["partialFingerprints"][FINGERPRINT_KEY] for r in twice]
    assert values[0].endswith(":1") and values[1].endswith(":2")
    assert values[0][:-2] == values[1][:-2]


def test_sarif_base_dir(tmp_path: Path, sarif_validator: Draft4Validator) -> None:
    root = tmp_path / "repo"
    inside = Diagnostic(
        "CP002", Severity.ERROR, "schema", "bad", Location(str(root / "p" / "x.yaml"), 2, 3)
    )
    outside = Diagnostic(
        "CP002", Severity.ERROR, "schema", "bad", Location(str(tmp_path / "y.yaml"), 1)
    )
    run = _sarif([inside, outside], sarif_validator, base_dir=str(root))["runs"][0]
    locations = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in run["results"]
    }
    assert set(locations) == {"p/x.yaml", (tmp_path / "y.yaml").as_uri()}
    in_loc = locations["p/x.yaml"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert in_loc["uriBaseId"] == "%SRCROOT%"
    out_loc = locations[(tmp_path / "y.yaml").as_uri()]["locations"][0]["physicalLocation"]
    assert "uriBaseId" not in out_loc["artifactLocation"]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == root.as_uri() + "/"


def test_sarif_drops_impossible_region_ends(sarif_validator: Draft4Validator) -> None:
    reversed_end = Diagnostic(
        "CP002", Severity.WARNING, "schema", "x", Location("a.yaml", 5, 9, 3, 2)
    )
    same_line_back = Diagnostic(
        "CP002", Severity.WARNING, "schema", "y", Location("a.yaml", 6, 9, 6, 2)
    )
    run = _sarif([reversed_end, same_line_back], sarif_validator)["runs"][0]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert regions == [
        {"startLine": 5, "startColumn": 9},
        {"startLine": 6, "startColumn": 9, "endLine": 6},
    ]


def test_sarif_empty_and_custom_tool(sarif_validator: Draft4Validator) -> None:
    log = _sarif([], sarif_validator, tool_name="crisisplay-lint", tool_version="9.9.9")
    (run,) = log["runs"]
    assert run["results"] == []
    assert "invocations" not in run
    assert run["tool"]["driver"]["name"] == "crisisplay-lint"
    assert run["tool"]["driver"]["version"] == "9.9.9"


# --------------------------------------------------------------------------- github


def test_github_commands() -> None:
    assert format_github(DIAGS).splitlines() == [
        "::error title=CP001::file is empty",
        "::notice file=playbooks/a b.yaml,title=CP105::item x is never reached",
        "::error file=playbooks/a b.yaml,line=3,col=1,title=CP201::"
        "SMS says 14:00, email says 15:00",
        "::warning file=playbooks/сбой.ru.yaml,line=12,col=5,endLine=12,endColumn=15,"
        "title=CP301::Слово «катастрофа» пугает клиентов%0Afix: скажите «сбой»",
    ]
    assert format_github([]) == ""


def test_github_escaping() -> None:
    diag = Diagnostic(
        "R:1,2%",
        Severity.ERROR,
        "schema",
        "50% done\r\n::error::injected, a: b",
        Location("dir,x/a:b%.yaml", 7),
    )
    (line,) = format_github([diag]).splitlines()
    assert line == (
        "::error file=dir%2Cx/a%3Ab%25.yaml,line=7,title=R%3A1%2C2%25::"
        "50%25 done%0D%0A::error::injected, a: b"
    )


def test_github_base_dir(tmp_path: Path) -> None:
    diag = RELATED.with_location(Location(str(tmp_path / "pb" / "a.yaml"), 4))
    assert format_github([diag], base_dir=str(tmp_path)).startswith(
        "::error file=pb/a.yaml,line=4,"
    )


# --------------------------------------------------------------------------- dispatch


def test_formatters_cover_cli_choices() -> None:
    assert set(FORMATTERS) == set(FORMAT_CHOICES)


def test_render_diagnostics_dispatch(tmp_path: Path) -> None:
    assert render_diagnostics(DIAGS, "text", color=True) == format_text(DIAGS, color=True)
    assert render_diagnostics(DIAGS, "json", extra={"k": 1}) == format_json(DIAGS, extra={"k": 1})
    assert render_diagnostics(DIAGS, "sarif", rules=RULES, base_dir=str(tmp_path)) == (
        format_sarif(DIAGS, rules=RULES, base_dir=str(tmp_path))
    )
    assert render_diagnostics(DIAGS, "github") == format_github(DIAGS)
    with pytest.raises(ValueError, match="allowed: text, json, sarif, github"):
        render_diagnostics(DIAGS, "xml")
