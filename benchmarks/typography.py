"""Typography accuracy on Standard Ebooks chapters: tidyink vs smartypants vs pandoc.

Each ``*.plain.txt`` in ``<corpus>/standard-ebooks/`` is the typewriter twin of its
``*.gold.txt`` (straight quotes, ``--``, ``. . .``). Every tool converts the
plain file; its output is aligned with the gold file line by line and every
typographic character of the gold file is scored by category. Also measured:
damage (any other character changed: the output folded back to typewriter
form must equal the plain file), changes made to the gold file when it is fed
in, and speed.

    python benchmarks/typography.py          # corpus at ../shared/corpus or $TIDYINK_CORPUS
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CATEGORIES = (
    "open double",
    "close double",
    "open single",
    "close single",
    "apostrophe in word",
    "word-start apostrophe",
    "word-end apostrophe",
    "em dash",
    "en dash",
    "ellipsis",
)
TYPO = frozenset("“”‘’—⸺⸻–…′″")
_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "′": "'",
        "—": "--", "⸺": "----", "⸻": "------", "–": "-", "…": ". . .",
    }
)  # fmt: skip


def corpus_dir() -> Path:
    env = os.environ.get("TIDYINK_CORPUS")
    if env:
        return Path(env) / "standard-ebooks"
    # ../shared/corpus from the repository root (a worktree may sit one level deeper)
    for base in (ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus"):
        if base.is_dir():
            return base / "standard-ebooks"
    return ROOT / ".." / "shared" / "corpus" / "standard-ebooks"


def fold(text: str) -> str:
    """Back to the typewriter form the plain twins use."""
    return text.translate(_FOLD)


def categorize(line: str) -> dict[int, str]:
    """Category of each typographic character of a gold line."""
    out: dict[int, str] = {}
    open_singles = 0

    def near(k: int, step: int) -> str:
        k += step
        while 0 <= k < len(line) and line[k] == "_":
            k += step
        return line[k] if 0 <= k < len(line) else ""

    for k, ch in enumerate(line):
        if ch not in TYPO:
            continue
        if ch == "“":
            out[k] = "open double"
        elif ch == "”":
            out[k] = "close double"
            open_singles = 0
        elif ch == "‘":
            out[k] = "open single"
            open_singles += 1
        elif ch == "’":
            before, after = near(k, -1), near(k, 1)
            b, a = before.isalnum(), after.isalnum()
            if b and a:
                out[k] = "apostrophe in word"
            elif a:
                out[k] = "word-start apostrophe"
            elif b and not open_singles:
                out[k] = "word-end apostrophe"
            else:
                out[k] = "close single"
                open_singles = max(open_singles - 1, 0)
        elif ch in "—⸺⸻":
            out[k] = "em dash"
        elif ch == "–":
            out[k] = "en dash"
        elif ch == "…":
            out[k] = "ellipsis"
    return out


def char_category(ch: str) -> str:
    return {
        "“": "open double",
        "”": "close double",
        "‘": "open single",
        "…": "ellipsis",
        "–": "en dash",
    }.get(ch, "em dash" if ch in "—⸺⸻" else "close single")


def _paired_lines(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    """Pair lines of ``a`` with lines of ``b`` (same count: by index; else by diff)."""
    if len(a) == len(b):
        return list(zip(a, b, strict=True))
    pairs = []
    sm = difflib.SequenceMatcher(None, [fold(x) for x in a], [fold(x) for x in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (i2 - i1) == (j2 - j1):
            pairs += list(zip(a[i1:i2], b[j1:j2], strict=True))
        else:
            pairs.append(("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return pairs


def score(output: str, gold: str) -> tuple[Counter, Counter, Counter]:
    """(gold positions, correct positions, spurious marks) per category."""
    total: Counter = Counter()
    right: Counter = Counter()
    extra: Counter = Counter()
    for out_line, gold_line in _paired_lines(output.split("\n"), gold.split("\n")):
        cats = categorize(gold_line)
        total.update(cats.values())
        sm = difflib.SequenceMatcher(None, out_line, gold_line, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                right.update(cats[k] for k in range(j1, j2) if k in cats)
            else:  # typographic characters the tool made where gold has none
                gold_typo = sum(1 for k in range(j1, j2) if k in cats)
                made = [c for c in out_line[i1:i2] if c in TYPO]
                extra.update(char_category(c) for c in made[gold_typo:])
    return total, right, extra


# What typography may change: quote marks, dashes, dots and spaces.
_TYPOGRAPHIC = str.maketrans(dict.fromkeys("\"'-. \u00a0\t", None))


def damage(a: str, b: str) -> int:
    """Characters other than quote marks, dashes, dots and spaces that differ.

    Both texts are folded to typewriter form by the caller; here those
    characters are dropped from both sides before diffing, so a change of
    spacing can never misalign the diff and count as damage.
    """
    return changed(a.translate(_TYPOGRAPHIC), b.translate(_TYPOGRAPHIC))


def changed(a: str, b: str) -> int:
    """Characters that differ at all (line by line)."""
    n = 0
    for x, y in _paired_lines(a.split("\n"), b.split("\n")):
        if x != y:
            sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
            n += sum(
                max(i2 - i1, j2 - j1) for t, i1, i2, j1, j2 in sm.get_opcodes() if t != "equal"
            )
    return n


def tidyink_tool() -> Callable[[str], str]:
    import tidyink

    def run(text: str) -> str:
        return tidyink.convert(
            text, to="text", input_format="text", only=["typography"], lint=False
        ).text

    return run


def smartypants_tool() -> Callable[[str], str] | None:
    try:
        import smartypants
    except ImportError:
        return None
    attrs = smartypants.Attr.q | smartypants.Attr.d | smartypants.Attr.e | smartypants.Attr.u

    def run(text: str) -> str:
        return smartypants.smartypants(text, attrs)

    return run


def pandoc_tool() -> Callable[[str], str] | None:
    exe = shutil.which("pandoc")
    if exe is None:
        return None

    def run(text: str) -> str:
        cmd = [exe, "-f", "markdown+smart", "-t", "plain", "--wrap=preserve"]
        done = subprocess.run(cmd, input=text, capture_output=True, text=True, check=True)
        return done.stdout

    return run


def run_set(
    title: str, files: list[tuple[str, str]], tools: dict, categories: tuple[str, ...]
) -> None:
    """Score every tool on (plain, gold) pairs and print one table."""
    results = {}
    gold_positions: Counter = Counter()
    for name, tool in tools.items():
        total: Counter = Counter()
        right: Counter = Counter()
        extra: Counter = Counter()
        damaged = gold_changed = 0
        size = sum(len(p.encode()) for p, _ in files)
        tool(files[0][0])  # warm up (word lists, imports)
        start = time.perf_counter()
        outputs = [tool(plain) for plain, _ in files]
        seconds = time.perf_counter() - start
        peak = 0
        if name == "tidyink":  # memory in a second pass: tracing slows everything down
            tracemalloc.start()
            for plain, _ in files:
                tool(plain)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        for out, (plain, gold) in zip(outputs, files, strict=True):
            out = out.rstrip("\n") + "\n"
            t, r, x = score(out, gold)
            total += t
            right += r
            extra += x
            damaged += damage(fold(out), plain)
            gold_changed += changed(tool(gold).rstrip("\n") + "\n", gold)
        gold_positions = total
        results[name] = (total, right, extra, damaged, gold_changed, size / seconds / 1e6, peak)

    names = list(results)
    print(f"\n{title}\n")
    print(f"{'category':<24}{'positions':>10}" + "".join(f"{n:>15}" for n in names))

    def pct(v: tuple, keys: tuple[str, ...]) -> str:
        total, right, extra = v[0], v[1], v[2]
        n = sum(total[k] + extra[k] for k in keys)
        return f"{100 * sum(right[k] for k in keys) / n:14.2f}%" if n else f"{'-':>15}"

    for cat in (*categories, "ALL"):
        keys = categories if cat == "ALL" else (cat,)
        positions = sum(gold_positions[k] for k in keys)
        print(f"{cat:<24}{positions:>10}" + "".join(pct(results[n], keys) for n in names))
    rows = (
        ("other characters damaged", lambda v: f"{v[3]:>15}"),
        ("gold characters changed", lambda v: f"{v[4]:>15}"),
        ("speed MB/s", lambda v: f"{v[5]:>15.2f}"),
        ("peak memory MB", lambda v: f"{v[6] / 1e6:>15.1f}" if v[6] else f"{'-':>15}"),
    )
    for label, fmt in rows:
        print(f"{label:<34}" + "".join(fmt(results[n]) for n in names))


def main() -> int:
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}, skipping")
        return 0
    stems = sorted(p.name.removesuffix(".plain.txt") for p in corpus.glob("*.plain.txt"))
    files = [
        (
            (corpus / f"{s}.plain.txt").read_text("utf-8"),
            (corpus / f"{s}.gold.txt").read_text("utf-8"),
        )
        for s in stems
    ]
    found = {
        "tidyink": tidyink_tool(),
        "smartypants": smartypants_tool(),
        "pandoc smart": pandoc_tool(),
    }
    for name, tool in found.items():
        if tool is None:
            print(f"{name}: not installed, skipped")
    tools = {name: tool for name, tool in found.items() if tool is not None}
    run_set(
        f"Standard Ebooks: {len(files)} chapters, plain twin vs gold ({corpus})",
        files,
        tools,
        CATEGORIES,
    )
    # A second, larger check of quotes alone: Project Gutenberg's curly edition
    # of Alice (single quotes outside), its marks made straight. PG's own curly
    # marks are not all right (a handful of ‘em and --“), so 100% is not reachable.
    alice = corpus.parent / "gutenberg" / "pg11-0.txt"
    if alice.is_file():
        gold = alice.read_text("utf-8-sig").replace("\r\n", "\n")
        plain = gold.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
        quote_cats = CATEGORIES[:7]
        run_set(
            "Project Gutenberg Alice (pg11-0.txt), curly quotes made straight",
            [(plain, gold)],
            tools,
            quote_cats,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
