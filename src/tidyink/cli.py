"""The ``tidyink`` command: a thin face over :mod:`tidyink.api`.

Only click is imported at start-up; everything else is imported by the command
that needs it, so ``tidyink --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import click

from tidyink import __version__
from tidyink._batch_cli import batch_options

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXTEND_EXCLUDE_HELP = (
    "Also skip these .gitignore-style patterns (comma-separated, relative to the current"
    " folder), on top of the configuration's exclude."
)


def _fail(message: str) -> NoReturn:
    click.echo(f"tidyink: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn TidyinkError (and any crash, unless --debug) into one line and exit 2."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from tidyink.errors import TidyinkError

        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except TidyinkError as exc:
            if debug:
                raise
            _fail(str(exc))
        except BrokenPipeError:  # `tidyink rules | head -1`: the reader left; stop quietly
            import contextlib
            import os

            with contextlib.suppress(OSError, ValueError):  # no flush error at exit either
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except (KeyboardInterrupt, SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if debug:
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")

    return wrapper


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="tidyink")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Turn messy prose files into clean Markdown or plain text.

    \b
    Examples:
      tidyink convert story.txt -o story.md     clean a file into Markdown
      tidyink fix chapters/                     fix a manuscript in place
      tidyink fix --check --diff chapters/      show what fix would change (exit 1)
      tidyink check chapters/                   flag typos and mix-ups
      tidyink detect old.txt                    encoding, BOM, line endings, damage
      tidyink config chapters/01.md             the settings that apply, and why

    Exit codes: 0 done, 1 files would change or findings, 2 usage or input error.
    """


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by every command that runs the pipeline."""
    decorators = [
        click.option("--only", metavar="NAMES", help="Run only these filters or stages (comma-separated)."),
        click.option("--skip", metavar="NAMES", help="Do not run these filters or stages."),
        click.option("--enable", metavar="NAMES", help="Also run these filters that are off by default."),
        click.option("--encoding", "-e", metavar="NAME", help="Decode with this encoding instead of detecting it."),
        click.option(
            "--from",
            "input_format",
            type=click.Choice(["text", "markdown", "html"]),
            help="Input format (default: from the file name, else sniffed).",
        ),
        click.option(
            "--ellipsis", type=click.Choice(["…", "...", ". . ."]), help="Ellipsis style (default …)."
        ),
        click.option(
            "--quotes",
            type=click.Choice(["curly", "straight", "keep"]),
            help="Quote style: curly (default), straight (ASCII) or keep.",
        ),
        click.option(
            "--primes",
            type=click.Choice(["prime", "straight"]),
            help="5′10″ (prime, default) or 5'10\" (straight).",
        ),
        click.option(
            "--dashes",
            type=click.Choice(["em", "en-spaced"]),
            help="Dash style: closed em dash (default) or spaced en dash.",
        ),
        click.option(
            "--ranges/--no-ranges", default=None, help="Number ranges with an en dash (1914–18)."
        ),
        click.option(
            "--language", metavar="TAG", help="Language (en-US, en-GB, fr, de...): quote marks."
        ),
        click.option("--scene-break", metavar="TEXT", help="Scene-break marker (default '* * *')."),
        click.option(
            "--heading-level",
            type=click.IntRange(1, 6),
            help="Markdown level of chapters (default 2).",
        ),
        click.option(
            "--author-notes",
            type=click.Choice(["keep", "strip", "end"]),
            help="Author's notes and disclaimers: keep (default), strip, or move to the end.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def config_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Where settings come from: the nearest configuration file, or one named."""
    decorators = [
        click.option(
            "--config",
            "config_file",
            metavar="FILE",
            help="Use this configuration file (pyproject.toml or tidyink.toml) for every file.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _overrides(**kwargs: Any) -> dict[str, Any]:
    out = {k: v for k, v in kwargs.items() if v is not None}
    for key in ("only", "skip", "enable"):
        if key in out:
            out[key] = _names(out[key])
    return out


@main.command(short_help="Convert a file, standard input, a folder or an archive.")
@click.argument("input", metavar="INPUT")
@click.option("-o", "--output", metavar="PATH", help="Write here ('-' or nothing: standard output).")
@click.option(
    "--to",
    type=click.Choice(["markdown", "text"]),
    help="Output format (default: from the output suffix, else Markdown).",
)
@filter_options
@click.option(
    "--wrap", type=click.IntRange(10), metavar="N", help="Text output: wrap at N columns."
)
@click.option(
    "--ascii", "ascii_", is_flag=True, default=None, help="Text output: ASCII quotes, dashes, ..."
)
@click.option(
    "--front-matter", is_flag=True, default=None, help="Markdown output: YAML front matter."
)
@click.option(
    "--verse-break",
    type=click.Choice(["backslash", "spaces"]),
    help="Markdown output: end verse lines with a backslash (default) or two spaces.",
)
@click.option("--explain", is_flag=True, help="List every change and finding on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@batch_options
@config_options
@guarded
def convert(
    input: str,
    output: str | None,
    to: str | None,
    config_file: str | None,
    isolated: bool,
    explain: bool,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Convert INPUT (a file, '-' for standard input, a folder or an archive) to Markdown/text.

    Settings come from the nearest pyproject.toml [tool.tidyink] or tidyink.toml
    (see `tidyink config`); options given here win.

    \b
      tidyink convert story.txt -o story.md
      tidyink convert page.html --to text --wrap 72 > page.txt
      cat old.txt | tidyink convert - --explain > clean.md
      tidyink convert downloads/ -o clean/
    """
    from pathlib import Path

    from tidyink import _batch_cli
    from tidyink.config import Resolver, check_flags

    kwargs["ascii"] = kwargs.pop("ascii_", None)
    check_flags(_overrides(**kwargs))
    batch = _batch_cli.split(kwargs)
    base = Resolver(config=config_file, isolated=isolated).for_path(input if input != "-" else ".").options
    if input != "-" and _batch_cli.is_batch_input(input):
        if explain:
            _fail("--explain: only for a single file (a folder conversion writes --report FILE.jsonl)")
        sys.exit(_batch_cli.run(input, output, to, quiet, _overrides(**kwargs), batch, base))
    _batch_cli.refuse_for_single_file(batch)

    from tidyink import api
    from tidyink.fileio import atomic_write, same_file

    to = to or _format_from_suffix(output)
    if output and output != "-" and input != "-" and same_file(input, output):
        _fail(f"{output}: is the input file; convert never overwrites its input (use `tidyink fix`)")
    if input == "-":
        data, path = sys.stdin.buffer.read(), None
    else:
        data, path = api.read_bytes(input), input
    result = api.convert(data, path=path, options=base, to=to, **_overrides(**kwargs))
    if output and output != "-":
        atomic_write(output, result.text.encode("utf-8"))
    else:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    from tidyink.report import describe_result, explain_lines

    if explain:
        for line in explain_lines(result):
            click.echo(line, err=True)
    if not quiet and output and output != "-":
        click.echo(describe_result(result, Path(output).name), err=True)


def _format_from_suffix(output: str | None) -> str | None:
    """The output format an output file name asks for; None when it names none."""
    from pathlib import PurePath

    if not output or output == "-":
        return None
    suffix = PurePath(output).suffix.lower()
    formats = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}
    if suffix and suffix not in formats:
        _fail(f"{output}: cannot write {suffix} files (name a .md or .txt file, or say --to markdown|text)")
    return formats.get(suffix)


@main.command(name="filters", short_help="List the filters, their stage and whether they are on.")
@click.option(
    "--format", "fmt", type=click.Choice(["human", "json"]), default="human", help="A table, or JSON for tools."
)
@guarded
def list_filters(fmt: str) -> None:
    """List the filters in pipeline order, with their stage and description."""
    from tidyink.filters import all_filters

    classes = all_filters()
    if fmt == "json":
        import json

        keys = ("name", "stage", "order", "default", "formats", "description")
        rows = [{k: getattr(f, k, None) for k in keys} for f in classes]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=list))
        return
    width = max(len(f.name) for f in classes)
    for f in classes:
        state = "on " if f.default else "off"
        click.echo(f"{f.name:<{width}}  {f.stage:<10}  {state}  {f.description}")


@main.command(short_help="Show encoding, BOM, line endings and damage of files.")
@click.argument("files", nargs=-1, required=True, metavar="PATH...")
@click.option("--encoding", "-e", metavar="NAME", help="Check decoding with this encoding.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    help="One line or one JSON object per file.",
)
@guarded
def detect(files: tuple[str, ...], encoding: str | None, fmt: str) -> None:
    """Print each file's encoding, confidence, BOM, line endings, size and damage.

    A folder is walked like `tidyink fix` walks it (Markdown and text files, minus
    .gitignore'd and excluded ones); one line per file:

    \b
      tidyink detect chapter1.txt
      tidyink detect manuscript/ --format json
    """
    import json

    from tidyink import api
    from tidyink.config import check_encoding
    from tidyink.errors import TidyinkError
    from tidyink.report import detect_record

    try:
        check_encoding(encoding)
    except TidyinkError as exc:
        raise type(exc)(f"--encoding: {exc}") from None
    failed = False
    for name in _walked(files):
        try:
            data = sys.stdin.buffer.read() if name == "-" else api.read_bytes(name)
            source = api.detect(data, path=name, encoding=encoding)
        except TidyinkError as exc:
            click.echo(f"tidyink: error: {exc}", err=True)
            failed = True
            continue
        record = detect_record(source)
        if fmt == "json":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(record["summary"])
    if failed:
        sys.exit(EXIT_ERROR)


def _walked(names: tuple[str, ...]) -> Iterator[str]:
    """Each name, with folders replaced by the files `tidyink fix` would find in them."""
    from pathlib import Path

    finder = None
    for name in names:
        if not Path(name).is_dir():
            yield name
            continue
        if finder is None:
            from tidyink.config import Resolver
            from tidyink.manuscript import Finder

            finder = Finder(Resolver())
        found = False
        for path in finder.files([name]):
            found = True
            yield str(getattr(path, "path", path))
        if not found:  # like check: said, not a failure
            click.echo(f"tidyink: warning: {name}: no files to detect in this folder", err=True)


@main.command(short_help="Fix Markdown and text files in place (like black).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if any file would change.")
@click.option("--diff", is_flag=True, help="Print a unified diff of each change; change nothing.")
@click.option(
    "--to-utf8",
    is_flag=True,
    default=None,
    help="Write fixed files as UTF-8 (default: keep each file's encoding).",
)
@filter_options
@config_options
@click.option("--explain", is_flag=True, help="List every change on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also name the files left unchanged.")
@click.option("--extend-exclude", metavar="PATTERNS", help=EXTEND_EXCLUDE_HELP)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-': the file the text comes from (picks its format and configuration).",
)
@guarded
def fix(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    to_utf8: bool | None,
    config_file: str | None,
    isolated: bool,
    explain: bool,
    quiet: bool,
    verbose: bool,
    extend_exclude: str | None,
    stdin_filename: str | None,
    **kwargs: Any,
) -> None:
    """Fix Markdown and text files in place, keeping format, encoding, BOM and line endings.

    PATH may be files or folders (folders: *.md, *.markdown, *.txt, minus
    .gitignore'd and excluded files). By default only the repair and typography
    filters run; a manuscript is never restructured unless asked (--enable, --only,
    or `stages` in the [fix] table of the configuration).
    PATH '-' fixes standard input and prints the result (for editors):

    \b
      tidyink fix .                     fix every manuscript file here
      tidyink fix --check --diff docs   show what would change, exit 1 if anything would
      tidyink fix - --stdin-filename ch1.md < ch1.md > fixed.md
    """
    from tidyink import manuscript
    from tidyink.config import Resolver
    from tidyink.errors import UsageError
    from tidyink.report import explain_lines

    if "-" in paths and len(paths) > 1:
        raise UsageError("-: standard input cannot be fixed together with other paths")
    if stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename: only with '-' (standard input) as the path")
    resolver = Resolver(
        _overrides(**kwargs), config=config_file, isolated=isolated, fix={"to_utf8": to_utf8}
    )
    dry = check or diff
    outcomes = []
    settle = not dry or diff or explain  # --check alone only needs to know what would change
    fixed_stdin = b""
    if paths == ("-",):
        outcome, fixed_stdin = manuscript.fix_stdin(
            sys.stdin.buffer.read(), resolver, name=stdin_filename, to_utf8=to_utf8, settle=settle
        )
        found: Any = [outcome]
    else:
        found = manuscript.run(
            paths, resolver, write=not dry, to_utf8=to_utf8, settle=settle, exclude=_names(extend_exclude) or ()
        )
    for outcome in found:
        outcomes.append(outcome)
        if outcome.status == manuscript.FAILED:
            click.echo(f"tidyink: error: {outcome.message}", err=True)
            continue
        if not outcome.changed:
            if verbose and not quiet:
                click.echo(f"unchanged {outcome.path}", err=True)
            continue
        if diff:
            sys.stdout.write(manuscript.unified_diff(outcome))
            sys.stdout.flush()
        if not quiet:
            click.echo(f"{'would change' if dry else 'fixed'} {outcome.path}", err=True)
        if explain and outcome.result is not None:
            for line in explain_lines(outcome.result):
                click.echo(line, err=True)
    if fixed_stdin and not dry:
        sys.stdout.buffer.write(fixed_stdin)
        sys.stdout.flush()
    if not quiet:
        click.echo(manuscript.summary(outcomes, would=dry), err=True)
    if any(o.status == manuscript.FAILED for o in outcomes):
        sys.exit(EXIT_ERROR)
    if check and any(o.changed for o in outcomes):
        sys.exit(EXIT_FINDINGS)


@main.command(name="config", short_help="Show the settings that apply to a file, and their origin.")
@click.argument("path", required=False, default=".", metavar="[PATH]")
@filter_options
@config_options
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml")
@guarded
def show_config(
    path: str, config_file: str | None, isolated: bool, fmt: str, **kwargs: Any
) -> None:
    """Print the settings that apply to PATH (default: here) and where each came from.

    \b
      tidyink config chapters/01.md
      tidyink config --format json
    """
    import json

    from tidyink.config import Resolver, effective, fix_filters, toml_value

    settings = Resolver(_overrides(**kwargs), config=config_file, isolated=isolated).for_path(path)
    rows = effective(settings)
    if fmt == "json":
        data = {
            "config": str(settings.path) if settings.path else None,
            "settings": {k: {"value": v, "from": o} for k, v, o in rows},
            "fix_filters": fix_filters(settings),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=list))
        return
    source = f"{settings.path}" if settings.path else "none found (defaults)"
    click.echo(f"# settings for {path}; configuration file: {source}")
    lines = []
    for key, value, origin in rows:
        shown = f"# {key} is not set" if value is None else f"{key} = {toml_value(value)}"
        lines.append((shown, origin))
    width = min(max(len(s) for s, _ in lines), 60)
    for shown, origin in lines:
        click.echo(f"{shown:<{width}}  # {origin}")
    for fmt, names in fix_filters(settings).items():
        click.echo(f"# tidyink fix runs on {fmt}: {', '.join(names) or 'no filter'}")


@main.command(short_help="Flag likely mistakes (like ruff check).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json", "sarif", "github"]),
    default="human",
    help="How to print findings (sarif: GitHub code scanning; github: workflow annotations).",
)
@click.option("--select", metavar="CODES", help="Run only these rules (codes or prefixes: C,S101).")
@click.option("--ignore", metavar="CODES", help="Do not run these rules (codes or prefixes).")
@click.option(
    "--severity",
    type=click.Choice(["info", "warning", "error"]),
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option("--words", metavar="WORDS", help="Extra correct words (comma-separated).")
@click.option("--words-file", metavar="PATH", help="A words file, one word per line.")
@config_options
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-': the file the text comes from (its format, configuration and name in findings).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (errors still exit 2).")
@click.option("--extend-exclude", metavar="PATTERNS", help=EXTEND_EXCLUDE_HELP)
@guarded
def check(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    exit_zero: bool,
    extend_exclude: str | None,
    config_file: str | None,
    isolated: bool,
    fmt: str,
    select: str | None,
    ignore: str | None,
    severity: str | None,
    words: str | None,
    words_file: str | None,
    **kwargs: Any,
) -> None:
    """Flag likely mistakes in PATH... (files, folders, or '-' for standard input).

    The repair filters run first; findings point at lines and columns of the input.
    Folders are walked like `tidyink fix` walks them, plus HTML files.
    Exit code: 0 clean, 1 findings at or above --severity, 2 usage or input errors.

    \b
      tidyink check chapters/
      tidyink check draft.md --select C1,R101 --format github
      tidyink check - < draft.txt
    """
    from tidyink.errors import UsageError
    from tidyink.findings_format import render
    from tidyink.lint import check_options, check_paths
    from tidyink.pipeline import select_rules

    if stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename: only with '-' (standard input) as a path")
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    overrides = _overrides(**kwargs)
    overrides.update(
        {
            k: v
            for k, v in {
                "select": _names(select),
                "ignore": _names(ignore),
                "severity": severity,
                "words": _names(words),
                "words_file": words_file,
            }.items()
            if v is not None
        }
    )
    from tidyink.config import Resolver

    resolver = Resolver(overrides, config=config_file, isolated=isolated)
    opts = check_options(resolver.for_path(".").options)
    report = check_paths(
        list(paths),
        options=opts,
        stdin=stdin,
        options_for=lambda name: resolver.for_path(name).options,
        resolver=resolver,
        stdin_name=stdin_filename,
        exclude=_names(extend_exclude) or (),
    )
    rules = [type(r) for r in select_rules(opts)]
    sources = {c.path if c.path != "-" else None: c.text for c in report.files}
    if fmt != "human" or report.findings or not report.errors:
        sys.stdout.write(render(fmt, report.findings, sources, rules))
        sys.stdout.flush()
    for warning in report.warnings:
        click.echo(f"tidyink: warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"tidyink: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if report.failing(opts.severity) and not exit_zero:
        sys.exit(EXIT_FINDINGS)


@main.command(name="rules", short_help="List the lint rules, or explain one.")
@click.argument("code", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["human", "json"]), default="human", help="Text, or JSON for tools."
)
@guarded
def list_rules(code: str | None, fmt: str) -> None:
    """List the lint rules, or explain rule CODE (a code such as C101, or a name)."""
    from tidyink.errors import UsageError
    from tidyink.rules import all_rules, get

    if fmt == "json":
        import json

        keys = ("code", "name", "severity", "default", "description", "examples")
        chosen = all_rules()
        if code is not None:
            chosen = [r for r in chosen if r.code == code.upper() or r.name == code]
            if not chosen:
                raise UsageError(f"unknown rule {code!r} (see `tidyink rules` for the list)")
        rows = [{k: getattr(r, k, None) for k in keys} for r in chosen]
        click.echo(json.dumps(rows if code is None else rows[0], ensure_ascii=False, indent=2, default=list))
        return
    if code is None:
        classes = all_rules()
        width = max(len(r.name) for r in classes)
        for r in classes:
            state = "on " if r.default else "off"
            click.echo(f"{r.code}  {r.name:<{width}}  {state}  {r.description}")
        return
    try:
        rule = get(code.upper() if code[:1].isalpha() and code[1:].isdigit() else code)
    except KeyError:
        raise UsageError(f"unknown rule {code!r} (see `tidyink rules` for the list)") from None
    import inspect

    state = "on" if rule.default else "off"
    click.echo(f"{rule.code} {rule.name} ({rule.severity}, {state} by default)")
    click.echo("")
    click.echo(rule.description)
    doc = inspect.getmodule(rule).__doc__ if inspect.getmodule(rule) else None
    if doc:
        click.echo("")
        click.echo(inspect.cleandoc(doc))
    for kind, title in (("wrong", "Flagged"), ("right", "Not flagged")):
        if rule.examples.get(kind):
            click.echo("")
            click.echo(f"{title}:")
            for sentence in rule.examples[kind]:
                click.echo(f"  {sentence!r}" if "\n" in sentence else f"  {sentence}")
