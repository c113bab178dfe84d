"""Decoding accuracy and speed: tidyink vs charset-normalizer alone vs chardet.

    python benchmarks/decode_archive.py            # from the repository root
    TIDYINK_CORPUS=/path/to/corpus python benchmarks/decode_archive.py

Three measurements:

1. archive-sample/: tidyink's decoder alone (no filters) on every file; files
   whose damage column is ``none`` must equal archive-sample-expected/ exactly.
   Damaged files (UTF-8 whose text is mojibake) show what was detected and
   the damage ``tidyink detect`` reports.
2. Detector comparison on archive-sample/ and on fixtures/encodings/: a
   detector is right when decoding with its answer gives the same text as the
   true encoding (so the manifests' ``same_text_also_with`` equivalents, and
   ascii for UTF-8 without non-ASCII bytes, count as right).
3. Transcoded prose: each clean corpus text re-encoded into every Western
   code page that can hold it (whole text, and a short excerpt around its
   first non-ASCII characters), scored the same way. Texts are read from the
   corpus at run time; nothing is stored.

Speed is MB/s of detection plus decoding; peak memory is from tracemalloc in
a separate pass.
"""

from __future__ import annotations

import codecs
import csv
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidyink.decoding.source import decode, normalize_newlines  # noqa: E402
from tidyink.errors import TidyinkError  # noqa: E402
from tidyink.report import damage_signs  # noqa: E402


def find_corpus() -> Path:
    """TIDYINK_CORPUS, else ../shared/corpus from the repository (or from a parent of it)."""
    if os.environ.get("TIDYINK_CORPUS"):
        return Path(os.environ["TIDYINK_CORPUS"]).resolve()
    for base in (ROOT, *ROOT.parents):
        if (base / ".." / "shared" / "corpus").is_dir():
            return (base / ".." / "shared" / "corpus").resolve()
    return (ROOT / ".." / "shared" / "corpus").resolve()


CORPUS = find_corpus()
FIXTURES = ROOT / "fixtures" / "encodings"
WESTERN = ("cp1252", "iso8859-1", "iso8859-15", "mac_roman", "cp850", "cp437")
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def truth(data: bytes, encoding: str) -> str:
    """The text of ``data`` in its true encoding: BOM removed, LF line endings."""
    for bom, name in BOMS:
        if data.startswith(bom) and codecs.lookup(name).name == codecs.lookup(encoding).name:
            data = data[len(bom) :]
            break
    return normalize_newlines(data.decode(encoding))[0]


def as_text(data: bytes, encoding: str | None) -> str | None:
    """What a detector's answer gives: decode (dropping a BOM of that encoding)."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    if name == "utf-8-sig":
        name = "utf-8"
    for bom, bom_name in BOMS:
        if data.startswith(bom) and (bom_name == name or bom_name.startswith(name)):
            if name in ("utf-16", "utf-32"):
                name = bom_name
            data = data[len(bom) :]
            break
    try:
        return normalize_newlines(data.decode(name))[0]
    except (UnicodeDecodeError, LookupError):
        return None


def detect_tidyink(data: bytes) -> tuple[str | None, str | None]:
    try:
        source = decode(data)
    except TidyinkError:
        return None, None
    return source.encoding, source.text


def detect_charset_normalizer(data: bytes) -> tuple[str | None, str | None]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = best.encoding if best else None
    return name, as_text(data, name)


def detect_chardet(data: bytes) -> tuple[str | None, str | None]:
    import chardet

    name = chardet.detect(data)["encoding"]
    return name, as_text(data, name)


DETECTORS: dict[str, Callable[[bytes], tuple[str | None, str | None]]] = {
    "tidyink": detect_tidyink,
    "charset-normalizer": detect_charset_normalizer,
}
try:  # chardet is only a peer to compare with, not a dependency
    import chardet  # noqa: F401
except ImportError:
    print("chardet not installed: comparing with charset-normalizer only")
else:
    DETECTORS["chardet"] = detect_chardet


def manifest(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def archive_table(root: Path) -> list[tuple[str, bytes, str]]:
    rows = manifest(root / "MANIFEST.tsv")
    print("== archive-sample: tidyink decoder alone ==")
    head = f"{'file':<44} {'true':<10} {'detected':<10} {'conf':>5} {'exact':>5} {'ms':>6}"
    print(head)
    cases = []
    clean = exact = 0
    for row in rows:
        data = (root / row["file"]).read_bytes()
        start = time.perf_counter()
        source = decode(data, path=row["file"])
        ms = (time.perf_counter() - start) * 1000
        cases.append((row["file"], data, row["encoding"]))
        if row["damage"] == "none":
            expected = (root / row["expected"]).read_text(encoding="utf-8")
            ok = source.text == expected
            clean += 1
            exact += ok
            verdict = "yes" if ok else "NO"
        else:
            verdict = "n/a"
        print(
            f"{row['file'][:44]:<44} {row['encoding']:<10} {source.encoding:<10} "
            f"{source.confidence:>5.2f} {verdict:>5} {ms:>6.1f}"
        )
    print(f"clean files decoded exactly: {exact}/{clean}")
    print("damaged files (valid UTF-8; repair is a filter's job):")
    for row in rows:
        if row["damage"] != "none":
            source = decode((root / row["file"]).read_bytes())
            signs = "; ".join(damage_signs(source.text)) or "none seen"
            print(f"  {row['file']}: detected {source.encoding}; damage: {signs}")
    return cases


def fixture_cases() -> list[tuple[str, bytes, str]]:
    return [
        (row["file"], (FIXTURES / row["file"]).read_bytes(), row["encoding"])
        for row in manifest(FIXTURES / "MANIFEST.tsv")
    ]


def transcoded_cases(corpus: Path) -> list[tuple[str, bytes, str]]:
    """Clean corpus prose re-encoded into each Western code page that holds it."""
    sources = sorted((corpus / "standard-ebooks").glob("*.gold.txt"))
    sources += [corpus / "gutenberg" / n for n in ("pg800-8.txt", "pg22367-8.txt")]
    cases = []
    for path in sources:
        if not path.exists():
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("iso8859-1")
        text = normalize_newlines(text.removeprefix("\ufeff"))[0]
        first = next((i for i, ch in enumerate(text) if not ch.isascii()), None)
        if first is None:
            continue
        excerpt = text[max(0, first - 60) : first + 100]
        for encoding in WESTERN:
            for label, sample in (("whole", text), ("excerpt", excerpt)):
                try:
                    encoded = sample.encode(encoding)
                except UnicodeEncodeError:
                    continue
                if encoded.isascii():
                    continue
                cases.append((f"{path.stem}/{label}", encoded, encoding))
    return cases


def window_cases(corpus: Path, size: int, count: int = 60) -> list[tuple[str, bytes, str]]:
    """Random ``size``-character windows of clean corpus prose holding a non-ASCII
    character, each re-encoded into every Western page that can hold it (seeded)."""
    rnd = random.Random(size)
    texts = []
    for path in sorted((corpus / "standard-ebooks").glob("*.gold.txt")) + [
        corpus / "gutenberg" / n for n in ("pg800-8.txt", "pg22367-8.txt", "pg1661-8.txt")
    ]:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("iso8859-1")
        text = normalize_newlines(text)[0]
        starts = [i for i, ch in enumerate(text) if not ch.isascii()]
        if starts:
            texts.append((path.stem, text, starts))
    cases = []
    for _ in range(count):
        stem, text, starts = rnd.choice(texts)
        at = max(0, rnd.choice(starts) - rnd.randrange(size))
        window = text[at : at + size]
        for encoding in WESTERN:
            try:
                cases.append((f"{stem}@{at}", window.encode(encoding), encoding))
            except UnicodeEncodeError:
                continue
    return cases


# Our own sentences in other scripts and Central European languages, to check
# that preferring Western pages does not break them (not a target, a guard).
OTHER_SCRIPTS = [
    ("ru", "Мы долго шли по берегу реки, и никто не хотел говорить первым. "
     "Вечер был тихий, тёплый, почти летний.", ("cp1251", "koi8_r", "cp866")),
    ("el", "Η θάλασσα ήταν ήρεμη και ο ψαράς κοίταζε τον ουρανό χωρίς να μιλάει.",
     ("cp1253", "iso8859_7")),
    ("pl", "Babcia powiedziała, że jutro pójdziemy nad rzekę, jeśli nie będzie padać.",
     ("cp1250", "iso8859_2")),
    ("cs", "Dědeček řekl, že v úterý půjdeme do města koupit nové boty a čaj.",
     ("cp1250", "iso8859_2")),
    ("tr", "Öğretmen çocuklara şöyle dedi: ağaçların altında oturup kitap okuyalım.",
     ("cp1254", "iso8859_9")),
    ("ja", "私たちは朝早く駅に着いたが、電車はもう出発していた。仕方なく、近くの喫茶店で"
     "次の電車を待つことにした。", ("shift_jis", "euc_jp")),
]


def other_script_cases() -> list[tuple[str, bytes, str]]:
    cases = []
    for lang, sentence, encodings in OTHER_SCRIPTS:
        for encoding in encodings:
            for reps in (1, 20):
                text = "\n".join([sentence] * reps) + "\n"
                cases.append((f"{lang}x{reps}", text.encode(encoding), encoding))
    return cases


def compare(title: str, cases: list[tuple[str, bytes, str]], show_misses: bool = True) -> None:
    total_bytes = sum(len(d) for _, d, _ in cases)
    print(f"\n== {title}: {len(cases)} files, {total_bytes / 1e6:.2f} MB ==")
    print(f"{'detector':<20} {'right':>9} {'accuracy':>9} {'MB/s':>8} {'peak MiB':>9}")
    misses: dict[str, list[str]] = {}
    for name, detector in DETECTORS.items():
        right = 0
        elapsed = 0.0
        for label, data, encoding in cases:
            expected = truth(data, encoding)
            start = time.perf_counter()
            answer, text = detector(data)
            elapsed += time.perf_counter() - start
            if text == expected:
                right += 1
            else:
                misses.setdefault(name, []).append(f"{label} ({encoding} -> {answer})")
        tracemalloc.start()
        for _, data, _ in cases:
            detector(data)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        speed = total_bytes / 1e6 / elapsed if elapsed else float("inf")
        print(
            f"{name:<20} {right:>4}/{len(cases):<4} {right / len(cases):>9.1%} "
            f"{speed:>8.2f} {peak:>9.1f}"
        )
    if show_misses:
        for name, items in misses.items():
            more = f", ... ({len(items)} in all)" if len(items) > 8 else ""
            shown = ", ".join(items[:8]) + more
            print(f"  {name} wrong on: {shown}")


def main() -> int:
    archive = CORPUS / "archive-sample"
    if not (archive / "MANIFEST.tsv").exists():
        print(f"corpus not found at {CORPUS}, skipping (set TIDYINK_CORPUS)")
        return 0
    cases = archive_table(archive)
    compare("archive-sample", cases)
    compare("fixtures/encodings", fixture_cases())
    compare("transcoded corpus prose (Western code pages)", transcoded_cases(CORPUS))
    for size in (60, 300):
        compare(
            f"random {size}-character windows of corpus prose in Western pages",
            window_cases(CORPUS, size),
            show_misses=False,
        )
    compare("own sentences in other scripts / Central European", other_script_cases())
    return 0


if __name__ == "__main__":
    sys.exit(main())
