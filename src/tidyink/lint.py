"""Check files and folders: repair, then lint, with names learned across a folder.

``check_paths`` is what ``tidyink check`` runs. Every file is decoded and the
*repair* filters run first (so mojibake is repaired, not flagged as misspelt);
positions in findings are in the input file. When several files or a folder are
checked, capitalised words are counted in all of them first and each file is
linted knowing the names of the others (``Context.state[names.STATE_KEY]``, less
``Context.state[names.OWN_KEY]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidyink import api, names, pipeline
from tidyink.decoding.source import Source
from tidyink.errors import TidyinkError
from tidyink.options import Options
from tidyink.records import SEVERITIES, Finding

if TYPE_CHECKING:
    from tidyink.config import Resolver

CHECK_STAGES = ("repair",)  # filters `check` runs before linting, unless told otherwise


@dataclass
class Checked:
    """One file's findings and the text they point into."""

    path: str
    text: str  # the decoded input: what positions refer to
    findings: list[Finding] = field(default_factory=list)


@dataclass
class CheckReport:
    files: list[Checked] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a folder with nothing to check

    @property
    def findings(self) -> list[Finding]:
        return [f for checked in self.files for f in checked.findings]

    def failing(self, threshold: str) -> list[Finding]:
        """Findings at or above severity ``threshold``."""
        floor = SEVERITIES.index(threshold)
        return [f for f in self.findings if SEVERITIES.index(f.severity) >= floor]


HTML_PATTERNS = ("*.html", "*.htm", "*.xhtml", "*.epub", "*.docx")  # walked by check on top of the project's include


def expand(
    paths: list[str],
    resolver: Resolver | None = None,
    exclude: tuple[str, ...] = (),
    replace_exclude: tuple[str, ...] | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Files named or inside named folders, errors, and warnings (a folder with no file
    to check, like ruff: said, but not a failure).

    Folders are walked like ``tidyink fix`` walks them (the project's include and
    exclude, .gitignore) plus HTML files; ``resolver`` finds each folder's
    configuration (none given: no configuration file, .gitignore still counts).
    """
    from tidyink.config import Resolver
    from tidyink.manuscript import Finder

    finder = Finder(
        resolver or Resolver(isolated=True), also=HTML_PATTERNS, exclude=exclude, replace_exclude=replace_exclude
    )
    files: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
    for name in paths:
        path = Path(name)
        if name == "-" or path.is_file():
            files.append(name)
        elif path.is_dir():
            found = [str(p) for p in finder.files([path]) if isinstance(p, Path)]
            if not found:
                warnings.append(f"{name}: no files to check in this folder")
            files.extend(found)
        else:
            errors.append(f"{name}: no such file or folder")
    return list(dict.fromkeys(files)), errors, warnings


def check_options(options: Options | None = None, **overrides: Any) -> Options:
    """Options for checking: the repair stage only, unless filters were chosen."""
    opts = api.resolve_options(options, **overrides)
    if opts.only is None:
        opts = opts.with_(only=CHECK_STAGES)
    if opts.severity not in SEVERITIES:
        from tidyink.errors import UsageError

        raise UsageError(f"unknown severity {opts.severity!r} (use {', '.join(SEVERITIES)})")
    pipeline.select_rules(opts)  # unknown codes fail before any file is read
    from tidyink.rules._project import project_words

    project_words(opts)  # an unreadable words file fails once, up front
    return opts


def check_paths(
    paths: list[str],
    options: Options | None = None,
    stdin: bytes | None = None,
    options_for: Callable[[str], Options] | None = None,
    resolver: Resolver | None = None,
    stdin_name: str | None = None,
    exclude: tuple[str, ...] = (),
    replace_exclude: tuple[str, ...] | None = None,
    **overrides: Any,
) -> CheckReport:
    """Lint every file of ``paths`` (files, folders, or '-' for ``stdin``).

    ``options_for(path)`` gives per-file options (e.g. from the nearest
    configuration file); they are narrowed to checking like ``options``.
    """
    opts = check_options(options, **overrides)

    def file_options(name: str) -> Options:
        if name == "-":
            name = stdin_name or "-"  # standard input: as the file it stands for
        return check_options(options_for(name)) if options_for and name != "-" else opts

    files, errors, warnings = expand(paths, resolver, exclude, replace_exclude)
    report = CheckReport(errors=errors, warnings=warnings)
    sources: dict[str, tuple[bytes, Source]] = {}
    for name in files:
        try:
            data = stdin if name == "-" and stdin is not None else api.read_bytes(name)
            opts_i = file_options(name)
            shown = stdin_name if name == "-" and stdin_name else name
            sources[name] = (data, api.load(data, path=shown, encoding=opts_i.encoding, fmt=opts_i.input_format))
        except TidyinkError as exc:
            report.errors.append(str(exc))
    counts = {name: names.count_names(src.text) for name, (_, src) in sources.items()}
    total: Counter[str] = Counter()
    if len(counts) > 1:
        for counter in counts.values():
            total.update(counter)
    for name, (data, source) in sources.items():
        state: dict[str, Any] = {}
        if total:  # the same counter for every file (the rule takes each file's own share out)
            state = {names.STATE_KEY: total, names.OWN_KEY: counts[name]}
        try:
            path = (stdin_name or None) if name == "-" else name
            result = api.convert(data, path=path, options=file_options(name), state=state, source=source)
        except TidyinkError as exc:  # e.g. a format without a reader: report, go on
            report.errors.append(str(exc))
            continue
        parts = result.document.meta.get("parts")
        if parts:  # an EPUB or Word file: findings are located by part (chapter file, notes)
            from tidyink.readers.containers import part_texts

            for part_path, text in part_texts(source.text, result.document, path or "-").items():
                found = [f for f in result.findings if f.path == part_path]
                report.files.append(Checked(part_path, text, found))
            named = set(part_texts(source.text, result.document, path or "-"))
            rest = [f for f in result.findings if f.path not in named]
            if rest:
                report.files.append(Checked(path or "-", "", rest))
            continue
        report.files.append(Checked(path or "-", source.text, result.findings))
    return report
