"""Finding formats: human (ruff-like), JSON round trip, SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json

import jsonschema

from tidyink.findings_format import from_json, human, to_github, to_json, to_sarif
from tidyink.records import Finding
from tidyink.rules import all_rules

FINDINGS = [
    Finding(
        "C101",
        "'then' should probably be 'than'",
        2,
        8,
        2,
        12,
        ("than",),
        "warning",
        "ch1.txt",
        "then-than",
    ),
    Finding(
        "S101",
        "'chipstiks': unknown, 100% sure, a:b",
        3,
        3,
        3,
        12,
        ("chopsticks", "chips"),
        "info",
        "dir/ch 2.md",
        "spelling",
    ),
    Finding("R101", "'the' is repeated", 1, 1, 1, 8, ("the",), "error", None, "repeated-word"),
]

# The parts of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS) that a log
# of results must satisfy: required properties, types, enums and minimums.
_REGION = {
    "type": "object",
    "properties": {
        "startLine": {"type": "integer", "minimum": 1},
        "startColumn": {"type": "integer", "minimum": 1},
        "endLine": {"type": "integer", "minimum": 1},
        "endColumn": {"type": "integer", "minimum": 1},
    },
}
_MESSAGE = {
    "type": "object",
    "properties": {"text": {"type": "string"}},
    "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
}
SARIF_SUBSET = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "informationUri": {"type": "string", "format": "uri"},
                                    "rules": {
                                        "type": "array",
                                        "uniqueItems": True,
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "name": {"type": "string"},
                                                "shortDescription": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {
                                                        "level": {
                                                            "enum": [
                                                                "none",
                                                                "note",
                                                                "warning",
                                                                "error",
                                                            ]
                                                        }
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": -1},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": _MESSAGE,
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "properties": {"uri": {"type": "string"}},
                                                    },
                                                    "region": _REGION,
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_json_round_trips() -> None:
    text = to_json(FINDINGS)
    assert from_json(text) == FINDINGS
    first = json.loads(text)[0]
    assert {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "message",
        "suggestions",
    } <= set(first)
    assert first["suggestions"] == ["than"]


def test_sarif_validates_and_says_what_was_found() -> None:
    log = json.loads(to_sarif(FINDINGS, all_rules()))
    jsonschema.validate(log, SARIF_SUBSET)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"  # our columns count code points
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {r.code for r in all_rules()}
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["C101", "S101", "R101"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["warning", "note", "error"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 12}
    uri = results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "dir/ch 2.md"


def test_sarif_subset_rejects_a_broken_log() -> None:
    log = json.loads(to_sarif(FINDINGS))
    log["runs"][0]["results"][0]["level"] = "fatal"
    try:
        jsonschema.validate(log, SARIF_SUBSET)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema subset accepted an invalid level")


def test_github_annotations_escape_properties_and_data() -> None:
    lines = to_github(FINDINGS).splitlines()
    assert lines[0] == (
        "::warning file=ch1.txt,line=2,col=8,endLine=2,endColumn=12,title=C101 then-than::"
        "'then' should probably be 'than'"
    )
    assert lines[1].startswith("::notice file=dir/ch 2.md,line=3,")
    assert lines[1].endswith("::'chipstiks': unknown, 100%25 sure, a:b")
    assert lines[2].startswith("::error file=stdin,")


def test_human_shows_line_and_caret_under_the_span() -> None:
    sources = {"ch1.txt": "Title\nBetter then ever.\n"}
    out = human(FINDINGS[:1], sources).splitlines()
    assert out[0] == "ch1.txt:2:8: C101 'then' should probably be 'than'"
    assert out[2] == "2 | Better then ever."
    assert out[3] == "  |        ^^^^ C101"
    assert "did you mean 'than'?" in out[5]
    assert out[-1] == "Found 1 finding."


def test_human_caret_accounts_for_wide_characters() -> None:
    finding = Finding("S101", "m", 1, 4, 1, 7, (), "warning", "w.txt", "spelling")
    out = human([finding], {"w.txt": "日本 abc"}).splitlines()
    assert out[3] == "  |      ^^^ S101"


def test_human_with_nothing_found() -> None:
    assert human([], {}) == "All clear.\n"
