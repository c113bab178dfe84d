"""Fuzz inputs for tidyink: hypothesis strategies and a runner that never raises.

Shared by the short fuzz run in the test suite (``tests/test_fuzz.py``) and the long
one on demand (``benchmarks/fuzz.py``). Every input is ``(data, name, to)``: bytes,
a file name whose suffix picks the reader, and the output format.

Strategies: random bytes; mutated prose, Markdown and HTML (seeds written for this
harness, then characters inserted, deleted, repeated, swapped for awkward ones); and
pathological shapes (long runs of one character, long words, deep nesting, long
single lines) that expose patterns whose cost grows faster than the input.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from tidyink import api
from tidyink.errors import TidyinkError
from tidyink.safety import SafetyError

PROSE_SEEDS = (
    'The lamp went out. "Who\'s there?" asked Wren -- twice... then nothing.\n\n'
    "She waited; the clock struck 9:45 and the rain kept on.\n",
    "CHAPTER ONE\n\nThe ferry left at dawn.\n\n* * *\n\nBy noon the island was a smudge.\n",
    "Dear diary,\n\nIt's 1914-18 again in my dreams -- or so it seems.  I can't say 'why'.\n",
    "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d \u2018single\u2019\u2026"
    " soft\u00adhyphen nbsp\u00a0here.\n",
    "He said: \u00e2\u20ac\u0153hello\u00e2\u20ac\u009d and the caf\u00c3\u00a9 was shut.\n",
    "A/N: thanks for reading! Disclaimer: not mine.\n\nThe story starts here, quietly.\n",
)
MARKDOWN_SEEDS = (
    "# Title\n\n## Chapter 1\n\nSome *emphasis* and _more_, a [link](http://example.com) and `code`.\n\n"
    "> A quote\n> over two lines\n\n- one\n- two\n  - nested\n\n```\nfenced 'code'\n```\n",
    "---\ntitle: A Story\n---\n\nText with <!-- tidyink: off -->raw \"quotes\"<!-- tidyink: on --> and more.\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. first\n2. second\n\nLine with two spaces  \nbreak.\n",
)
HTML_SEEDS = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>T</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Chapter 1</h1><p>She said &quot;hi&quot; &amp; left"
    "&hellip;</p><p><em>Italic</em> and <b>bold</b><br>line</p><blockquote><p>Quoted.</p></blockquote>"
    "</article><footer>Posted by admin</footer></body></html>",
    "<div class='entry'><p>One<p>Two &nbsp; three<ul><li>a<li>b</ul><pre>  keep  'this'  </pre>"
    "<table><tr><td>x</td></tr></table><script>var x = '<p>';</script><!-- comment --></div>",
)
AWKWARD = (
    *"\"'`*_#>[](){}<>&;-\u2014\u2013\u2026.!?\n\r\t \u00a0\u00ad\u200b\u200d\ufeff\ufffd",
    *("\u00e2\u20ac\u2122", "\u00c3\u00a9", "&amp;", "&#8220;", "--", "...", "<p>", "</p>", "<!--", "-->"),
    *("```", "\n\n", "\r\n", "<?p>", "<![CDATA[", "\\", "|", "~~~"),
)
SUFFIXES = (".txt", ".md", ".html", "")
OUTPUTS = ("markdown", "text")
MAX_PATHOLOGICAL = 20_000  # characters of a pathological shape in the fuzz runs


@st.composite
def _mutated(draw: st.DrawFn, seeds: tuple[str, ...], fast: bool = False) -> str:
    """A seed with up to 12 mutations; ``fast``: its choices made by a random generator
    that hypothesis seeds (a fifth of the drawing cost, but not shrunk to a small case)."""
    if fast:
        return _mutate(draw(st.sampled_from(seeds)), draw(st.randoms(use_true_random=True)))
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(0, 12))):
        if not text:
            text = draw(st.sampled_from(AWKWARD))
            continue
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 20)))
        op = draw(st.sampled_from(("insert", "delete", "repeat", "replace", "random")))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(AWKWARD)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] * draw(st.integers(1, 8)) + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(AWKWARD)) + text[j:]
        else:
            text = text[:i] + draw(st.text(max_size=8)) + text[j:]
    return text


def _mutate(text: str, rnd: random.Random) -> str:
    """The mutations of :func:`_mutated`, their choices made by ``rnd``."""
    for _ in range(rnd.randint(0, 12)):
        if not text:
            text = rnd.choice(AWKWARD)
            continue
        i = rnd.randint(0, len(text))
        j = min(len(text), i + rnd.randint(0, 20))
        op = rnd.choice(("insert", "delete", "repeat", "replace", "random"))
        if op == "insert":
            text = text[:i] + rnd.choice(AWKWARD) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] * rnd.randint(1, 8) + text[j:]
        elif op == "replace":
            text = text[:i] + rnd.choice(AWKWARD) + text[j:]
        else:
            text = text[:i] + _random_text(rnd, rnd.randint(0, 8)) + text[j:]
    return text


def _random_text(rnd: random.Random, n: int) -> str:
    """``n`` characters: ASCII, or any code point but a surrogate (as ``st.text`` draws)."""
    out = []
    for _ in range(n):
        if rnd.random() < 0.5:
            out.append(chr(rnd.randint(0, 127)))
        else:
            code = rnd.randint(0x80, 0x10FFFF)
            out.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
    return "".join(out)


def _run_of(ch: str, n: int) -> str:
    return ch * n


def _long_word(ch: str, n: int) -> str:
    return "A " + ("ab" + ch) * (n // 3) + " end.\n"


def _deep_markdown(ch: str, n: int) -> str:
    return "> " * (n // 2) + "deep " + ch + "\n"


def _deep_html(ch: str, n: int) -> str:
    k = n // 11
    return "<div><p>" * k + "deep " + ch + "</p></div>" * k


def _nested_emphasis(ch: str, n: int) -> str:
    k = n // 4
    return "*_" * k + "word" + ch + "_*" * k + "\n"


def _long_line(ch: str, n: int) -> str:
    sentence = f'She said "wait" {ch} then left... '
    return sentence * max(1, n // len(sentence)) + "\n"


def _brackets(ch: str, n: int) -> str:
    return "[(" * (n // 2) + ch + ")]" * (n // 2)


#: name -> (maker(character, size) -> text, suffix)
SHAPES: dict[str, tuple[Callable[[str, int], str], str]] = {
    "run-of-one-character": (_run_of, ".txt"),
    "long-word": (_long_word, ".txt"),
    "deep-blockquotes": (_deep_markdown, ".md"),
    "deep-html": (_deep_html, ".html"),
    "nested-emphasis": (_nested_emphasis, ".md"),
    "long-single-line": (_long_line, ".txt"),
    "nested-brackets": (_brackets, ".md"),
}
SHAPE_CHARACTERS = ("a", " ", "\u00a0", "-", ".", "'", '"', "*", "_", "\u2014", "\u00ad", "&", "<", "#", "\n")


@st.composite
def pathological(draw: st.DrawFn, max_size: int = MAX_PATHOLOGICAL) -> tuple[str, str]:
    """(text, suffix) of one pathological shape."""
    name = draw(st.sampled_from(sorted(SHAPES)))
    maker, suffix = SHAPES[name]
    return maker(draw(st.sampled_from(SHAPE_CHARACTERS)), draw(st.integers(1, max_size))), suffix


@st.composite
def inputs(draw: st.DrawFn, max_size: int = MAX_PATHOLOGICAL, fast: bool = False) -> tuple[bytes, str, str]:
    """One fuzz input: (bytes, file name, output format). ``fast``: mutations chosen by a
    seeded random generator (the long run, which does not shrink)."""
    kind = draw(st.sampled_from(("bytes", "prose", "markdown", "html", "pathological")))
    suffix = draw(st.sampled_from(SUFFIXES))
    if kind == "bytes":
        data = draw(st.binary(max_size=2000))
    elif kind == "pathological":
        text, suffix = draw(pathological(max_size))
        data = text.encode("utf-8")
    else:
        seeds = {"prose": PROSE_SEEDS, "markdown": MARKDOWN_SEEDS, "html": HTML_SEEDS}[kind]
        text = draw(_mutated(seeds, fast))
        suffix = draw(st.sampled_from((suffix, {"prose": ".txt", "markdown": ".md", "html": ".html"}[kind])))
        encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-16", "cp1252")))
        data = text.encode(encoding, errors="replace")
        if draw(st.booleans()) and len(data) > 2:  # cut short, as a truncated download is
            data = data[: draw(st.integers(1, len(data) - 1))]
    return data, f"fuzz{suffix}", draw(st.sampled_from(OUTPUTS))


@dataclass
class Outcome:
    """What one input did: its CPU seconds and, for a crash, the error."""

    seconds: float
    crash: str = ""  # "" unless an exception other than a one-line TidyinkError (or a safety failure)


def run_one(data: bytes, name: str, to: str) -> Outcome:
    """Convert one input with the safety check on; never raises."""
    start = time.process_time()
    crash = ""
    try:
        api.convert(data, path=name, to=to, safe=True)
    except SafetyError as exc:
        crash = f"SafetyError: {exc}"
    except TidyinkError:
        pass  # a clear refusal (binary, undecodable): the expected answer
    except Exception as exc:  # a crash is what we are looking for
        crash = f"{type(exc).__name__}: {exc}"
    return Outcome(time.process_time() - start, crash[:300])


def scaling(data: bytes, name: str, to: str, factors: tuple[int, ...] = (1, 2, 4)) -> list[float]:
    """CPU seconds of ``data`` repeated 1, 2 and 4 times (best of two runs each)."""
    out = []
    for factor in factors:
        out.append(min(run_one(data * factor, name, to).seconds for _ in range(2)))
    return out
