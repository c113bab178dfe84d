"""Boilerplate removal and HTML reading, measured.

    python benchmarks/boilerplate.py

1. Each Project Gutenberg book of the corpus through ``--only boilerplate``:
   licence lines left (lines with PG licence phrases; must be 0) and story
   words lost (words between the START and END markers, less the production
   credits and the "End of the Project Gutenberg EBook" line, that are missing
   from the output; must be 0).
2. The fan-fiction chapter: navigation lines at the end gone, every other
   paragraph kept exactly.
3. HTML: parse time of lexbor (selectolax), lxml and html5lib on the same page,
   and tidyink's whole HTML reader, in MB/s, on a page built from the project's
   fixtures; main-content extraction on the fixtures against jusText (if
   installed): story paragraphs kept and chrome strings left.
"""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidyink.api import convert, load  # noqa: E402
from tidyink.filters._boilerplate_patterns import PG_LICENCE_PHRASES  # noqa: E402
from tidyink.readers.html import read as read_html  # noqa: E402

CORPUS = Path(os.environ.get("TIDYINK_CORPUS", ROOT / ".." / "shared" / "corpus"))
FIXTURES = ROOT / "fixtures" / "html"

# The benchmark finds the markers and credits itself, independently of the filter.
START = regex.compile(r"^\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG", regex.I)
END = regex.compile(r"^\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG", regex.I)
END_LINE = regex.compile(r"^End of (?:the )?Project Gutenberg", regex.I)
CREDITS = regex.compile(r"^(?:Produced by|This e-?text was produced)", regex.I)
WORD = regex.compile(r"\w+")


def story_of(text: str) -> str:
    """The words between the markers that are story (credits and end line excluded)."""
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if START.match(ln))
    end = next(i for i in range(start + 1, len(lines)) if END.match(lines[i]))
    body = lines[start + 1 : end]
    k = 0
    while k < len(body) and not body[k].strip():
        k += 1
    if k < len(body) and CREDITS.match(body[k]):
        while k < len(body) and body[k].strip():
            body[k] = ""
            k += 1
    for k, ln in enumerate(body):  # "End of the Project Gutenberg EBook of ..." (may wrap)
        if END_LINE.match(ln):
            while k < len(body) and body[k].strip():
                body[k] = ""
                k += 1
    return "\n".join(body)


def gutenberg() -> None:
    books = sorted((CORPUS / "gutenberg").glob("*.txt"))
    print("== Project Gutenberg: licence left and story lost (--only boilerplate)")
    print(f"{'book':16} {'MB':>5} {'licence lines left':>18} {'story words':>11} "
          f"{'lost':>5} {'extra':>5} {'removals':>8} {'MB/s':>6}")  # fmt: skip
    total_left = total_lost = 0
    for path in books:
        data = path.read_bytes()
        source = load(data, path=str(path))
        t0 = time.perf_counter()
        result = convert(data, path=str(path), only=["boilerplate"], to="text")
        seconds = time.perf_counter() - t0
        left = [ln for ln in result.text.split("\n") if PG_LICENCE_PHRASES.search(ln)]
        story = Counter(WORD.findall(story_of(source.text)))
        out = Counter(WORD.findall(result.text))
        lost = sum((story - out).values())
        extra = sum((out - story).values())
        total_left += len(left)
        total_lost += lost
        mb = len(data) / 1e6
        print(f"{path.name:16} {mb:5.2f} {len(left):18d} {sum(story.values()):11d} {lost:5d} "
              f"{extra:5d} {len(result.changes):8d} {mb / seconds:6.2f}")  # fmt: skip
        for ln in left[:3]:
            print("   left:", ln[:90])
    print(f"total: licence lines left {total_left} (goal 0), "
          f"story words lost {total_lost} (goal 0)")  # fmt: skip
    print("peers: pandoc, calibre and plain copies keep 100% of the licence (issue 5).")


def fanfic() -> None:
    path = CORPUS / "fanfic" / "chapter-nine.txt"
    if not path.exists():
        return
    data = path.read_bytes()
    source = load(data, path=str(path))
    result = convert(data, path=str(path), only=["boilerplate"], to="text")
    paragraphs = [p for p in regex.split(r"\n\s*\n", source.text) if p.strip()]
    nav = [p for p in paragraphs if p.strip().split("\n")[0].startswith("To chapter")]
    story = [p for p in paragraphs if p not in nav]
    kept = sum(1 for p in story if p in result.text)
    tail = [ln for ln in result.text.strip().split("\n")[-3:]]
    nav_left = sum(1 for p in nav for ln in p.split("\n") if ln.strip() and ln in tail)
    print("\n== fanfic/chapter-nine.txt (--only boilerplate)")
    print(f"paragraphs kept exactly: {kept}/{len(story)}; navigation lines left at the end: "
          f"{nav_left} (of {sum(len(p.split(chr(10))) for p in nav)}); "
          f"removals: {[c.before for c in result.changes]}")  # fmt: skip


# --- HTML ----------------------------------------------------------------------------


def big_page(target_bytes: int = 2_000_000) -> str:
    """A long AO3-style page: the fixture's chapters repeated with numbered headings."""
    page = (FIXTURES / "ao3.html").read_text(encoding="utf-8")
    head, rest = page.split('<div id="chapters" class="userstuff">', 1)
    chapters, tail = rest.split('<div id="afterword">', 1)
    chapters = chapters.rsplit("</div>", 1)[0]  # inside #chapters
    body = []
    n = 0
    while sum(map(len, body)) < target_bytes:
        n += 1
        body.append(chapters.replace("Chapter 1:", f"Chapter {2 * n - 1}:").replace(
            "Chapter 2:", f"Chapter {2 * n}:"))  # fmt: skip
    return (
        f'{head}<div id="chapters" class="userstuff">{"".join(body)}</div>\n'
        f'<div id="afterword">{tail}'
    )


def timed(fn, *args, repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs (CPU, not wall: the machine may be shared)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - t0)
    return max(best, 1e-9)


def parsers() -> None:
    text = big_page()
    mb = len(text.encode("utf-8")) / 1e6
    print(f"\n== HTML parsing, {mb:.2f} MB AO3-style page built from fixtures/html/ao3.html")

    def lexbor(t: str) -> None:
        from selectolax.lexbor import LexborHTMLParser

        LexborHTMLParser(t).body  # noqa: B018

    def lxml_html(t: str) -> None:
        import lxml.html

        lxml.html.document_fromstring(t)

    def html5lib_parse(t: str) -> None:
        import html5lib

        html5lib.parse(t)

    small = text[: len(text) // 10]
    rows = [
        ("selectolax/lexbor parse", lexbor, text, mb),
        ("lxml (libxml2) parse", lxml_html, text, mb),
        ("html5lib parse (1/10 page)", html5lib_parse, small, mb / 10),
        ("tidyink HTML reader (all)", read_html, text, mb),
    ]
    for name, fn, arg, size in rows:
        seconds = timed(fn, arg, repeat=1 if "html5lib" in name else 3)
        print(f"{name:28} {seconds * 1000:8.1f} ms CPU  {size / seconds:7.2f} MB/s  "
              f"{seconds / size * 1000:7.1f} ms/MB")  # fmt: skip
    tracemalloc.start()
    read_html(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"tidyink reader peak Python memory: {peak / 1e6:.1f} MB for {mb:.2f} MB of HTML")
    misnested = "<p><b>bold <i>both</b> italic</i> plain<p>next"
    print("misnested '<p><b>bold <i>both</b> italic</i> plain<p>next' reads as:",
          [b.text for b in read_html(misnested).blocks])  # fmt: skip


# Story sentences (must stay) and chrome (must go) in each fixture.
EXPECT = {
    "ao3.html": (
        ["Marta trimmed the wick", "The fifth boat had no light", "By morning the sea"],
        ["Posted originally", "Rating:", "drop by the Archive"],
    ),
    "ffn.html": (
        ["The roof was colder", "Meet me where the cranes fly", "She waited until the"],
        ["Follow/Fav", "Post Review", "Privacy", "Rated:", "Login", "Sign Up"],
    ),
    "old-page.html": (
        ["The porch light drew them", "Old Mr. Fenn said", "In the morning the screen"],
        ["Stories", "Links", "Back to stories", "Netscape"],
    ),
}


def extraction() -> None:
    print("\n== main content on the fixtures: story sentences kept / chrome strings left")
    try:
        import justext
    except ImportError:
        justext = None
        print("(jusText not installed: pip install justext to compare)")
    # jusText keeps only long paragraphs: the "long" variant pads each story paragraph
    # with sentences of ordinary prose, as real chapters have.
    filler = (
        "It was the kind of evening when the whole town seemed to hold its breath, and "
        "nobody could say what they were waiting for, only that it would come. "
    ) * 3
    for variant in ("as is", "long"):
        for name, (story, chrome) in EXPECT.items():
            data = (FIXTURES / name).read_bytes()
            if variant == "long":
                for sentence in story:
                    data = data.replace(sentence.encode(), filler.encode() + sentence.encode())
            ours = convert(data, path=name, only=["boilerplate"], to="text").text
            row = f"{name:14} {variant:6} tidyink: {_score(ours, story, chrome)}"
            if justext is not None:
                paragraphs = justext.justext(data, justext.get_stoplist("English"))
                theirs = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
                row += f"   jusText: {_score(theirs, story, chrome)}"
            print(row)


def _score(text: str, story: list[str], chrome: list[str]) -> str:
    kept = sum(1 for s in story if s in text)
    left = sum(1 for c in chrome if c in text)
    return f"story {kept}/{len(story)}, chrome left {left}/{len(chrome)}"


def main() -> int:
    if (CORPUS / "gutenberg").is_dir():
        gutenberg()
        fanfic()
    else:
        print(f"corpus not found at {CORPUS}, skipping the corpus part")
    parsers()
    extraction()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
