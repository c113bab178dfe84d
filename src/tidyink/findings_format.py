"""Findings as text: human (like ruff), JSON, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tidyink import __version__
from tidyink.docs_links import rule_url
from tidyink.findings_human import human
from tidyink.records import Finding

FORMATS = ("human", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/tidyink/tidyink"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def to_json(findings: Iterable[Finding]) -> str:
    """A JSON list of findings (1-based lines and code-point columns)."""
    return json.dumps([finding_dict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "suggestions": list(f.suggestions),
    }


def from_json(text: str) -> list[Finding]:
    """Findings back from :func:`to_json` output."""
    return [
        Finding(
            code=d["code"],
            message=d["message"],
            line=d["line"],
            column=d["column"],
            end_line=d["end_line"],
            end_column=d["end_column"],
            suggestions=tuple(d.get("suggestions", ())),
            severity=d.get("severity", "warning"),
            path=d.get("path"),
            name=d.get("name", ""),
        )
        for d in json.loads(text)
    ]


def to_sarif(findings: Iterable[Finding], rules: Sequence[Any] = ()) -> str:
    """A SARIF 2.1.0 log (GitHub code scanning); ``rules`` are Rule classes to describe."""
    findings = list(findings)
    described = {r.code: r for r in rules}
    codes = sorted({f.code for f in findings} | set(described))
    index = {code: i for i, code in enumerate(codes)}
    names = {f.code: f.name for f in findings}
    driver_rules = []
    for code in codes:
        rule = described.get(code)
        entry: dict[str, Any] = {"id": code, "name": getattr(rule, "name", names.get(code, code))}
        if rule is not None:
            entry["shortDescription"] = {"text": rule.description}
            entry["defaultConfiguration"] = {"level": _SARIF_LEVEL.get(rule.severity, "warning")}
            entry["helpUri"] = rule_url(rule.name)
        driver_rules.append(entry)
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": max(f.end_column, f.column),
                        },
                    }
                }
            ],
        }
        if f.suggestions:
            result["properties"] = {"suggestions": list(f.suggestions)}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tidyink",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str | None) -> str:
    if not path or path == "-":
        return "stdin"
    from pathlib import PurePath

    return PurePath(path).as_posix()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: one ``::warning file=...::message`` per finding."""
    lines = []
    for f in findings:
        props = [
            f"file={_escape_property(_uri(f.path))}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={_escape_property(f'{f.code} {f.name}'.strip())}",
        ]
        level = _GITHUB_LEVEL.get(f.severity, "warning")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


def render(
    fmt: str,
    findings: Sequence[Finding],
    sources: Mapping[str | None, str] | None = None,
    rules: Sequence[Any] = (),
    color: bool = False,
) -> str:
    """Findings in output format ``fmt`` (one of :data:`FORMATS`); ``color``: human only."""
    if fmt == "json":
        return to_json(findings)
    if fmt == "sarif":
        return to_sarif(findings, rules)
    if fmt == "github":
        return to_github(findings)
    return human(findings, sources, color)
