"""EPUB output: a valid EPUB 3 (structure by an XML parser, EPUBCheck, Chromium), split at chapters."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tidyink import api
from tidyink.cli import main

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"

STORY = """\
The Salt Roads

Chapter One

The ferry left at six. Ines was the only one on it, and she sat by the rail
with her bag at her feet.

"You'll want a coat," the ferryman said.

* * *

By noon she had found the key.

Chapter Two

The ledger was a list of ships & their fates: safe, late, lost.
"""


def _epub(text: str = STORY, **kw) -> bytes:
    return api.convert(text.encode("utf-8"), path="story.txt", to="epub", **kw).output


def _parse(zf: zipfile.ZipFile, name: str):
    return etree.fromstring(zf.read(name), etree.XMLParser(resolve_entities=False, no_network=True))


def structure(data: bytes) -> dict:
    """Check the package with a real XML parser; return what was found."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    first = zf.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert zf.read("mimetype") == b"application/epub+zip"
    container = _parse(zf, "META-INF/container.xml")
    opf_name = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    opf = _parse(zf, opf_name)
    assert opf.get("version") == "3.0"
    base = opf_name.rpartition("/")[0]
    md = opf.find(f"{OPF}metadata")
    uid = opf.get("unique-identifier")
    assert md.find(f"{DC}identifier[@id='{uid}']").text
    assert md.find(f"{OPF}meta[@property='dcterms:modified']").text.endswith("Z")
    items = {i.get("id"): i for i in opf.iter(f"{OPF}item")}
    for item in items.values():
        assert f"{base}/{item.get('href')}" in zf.namelist()
    navs = [i for i in items.values() if "nav" in (i.get("properties") or "")]
    assert len(navs) == 1
    spine = [items[r.get("idref")].get("href") for r in opf.iter(f"{OPF}itemref")]
    chapters = {}
    for href in spine:
        doc = _parse(zf, f"{base}/{href}")
        assert doc.tag == f"{XHTML}html"
        chapters[href] = " ".join("".join(doc.find(f"{XHTML}body").itertext()).split())
    nav = _parse(zf, f"{base}/{navs[0].get('href')}")
    toc = [n for n in nav.iter(f"{XHTML}nav") if n.get(f"{EPUB}type") == "toc"]
    assert len(toc) == 1
    links = [a.get("href") for a in toc[0].iter(f"{XHTML}a")]
    assert links and all(link.split("#")[0] in spine for link in links)
    return {
        "title": md.find(f"{DC}title").text,
        "language": md.find(f"{DC}language").text,
        "spine": spine,
        "chapters": chapters,
        "toc": ["".join(a.itertext()) for a in toc[0].iter(f"{XHTML}a")],
        "zip": zf,
        "base": base,
    }


def test_text_to_epub_splits_at_chapters_and_keeps_the_text():
    found = structure(_epub())
    assert found["title"] == "The Salt Roads"
    assert found["language"] == "en-US"
    assert found["toc"] == ["Chapter One", "Chapter Two"]  # the book's title shares Chapter One's file
    texts = list(found["chapters"].values())
    assert len(texts) == 2
    assert "Chapter One" in texts[0] and "The ferry left at six." in texts[0]
    assert texts[1].startswith("Chapter Two") and "ships & their fates" in texts[1]
    raw = found["zip"].read(f"{found['base']}/{found['spine'][1]}").decode()
    assert "ships &amp; their fates" in raw
    assert '<hr class="scene-break"/>' in found["zip"].read(f"{found['base']}/{found['spine'][0]}").decode()


def test_epub_to_epub_keeps_metadata_and_footnotes_link(fixtures):
    data = api.convert_path(fixtures / "formats" / "fff-shaped.epub", to="epub").output
    found = structure(data)
    opf = found["zip"].read(f"{found['base']}/content.opf").decode()
    assert "<dc:creator>wren_of_the_north</dc:creator>" in opf
    assert 'property="belongs-to-collection" id="series">Salt Roads<' in opf
    assert 'property="group-position">2<' in opf
    assert found["language"] == "en-GB"
    word = api.convert_path(fixtures / "formats" / "manuscript.docx", to="epub").output
    found = structure(word)
    assert "notes.xhtml" in found["spine"]
    first = found["zip"].read(f"{found['base']}/{found['spine'][0]}").decode()
    assert '<a epub:type="noteref" href="notes.xhtml#note-1">1</a>' in first
    notes = found["zip"].read(f"{found['base']}/notes.xhtml").decode()
    assert '<li id="note-1" epub:type="endnote"><p>The light was built in 1871 and never <em>once</em>' in notes


def test_same_input_same_bytes_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _epub() == _epub()
    assert b"2023-11-14T22:13:20Z" in zipfile.ZipFile(io.BytesIO(_epub())).read("EPUB/content.opf")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_well_formed_xhtml(text):
    structure(api.convert(text, path="x.txt", to="epub").output)


def test_cli_output_suffix_picks_epub_and_stdout_is_refused(tmp_path, fixtures):
    source = tmp_path / "chapter.txt"
    source.write_text(STORY, encoding="utf-8")
    out = tmp_path / "chapter.epub"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    structure(out.read_bytes())
    refused = CliRunner().invoke(main, ["convert", str(source), "--to", "epub"])
    assert refused.exit_code == 2
    assert refused.output.strip().splitlines() == [
        "tidyink: error: --to epub: an EPUB is a binary file; name it with -o FILE.epub"
    ]


def _epubcheck() -> list[str] | None:
    found = shutil.which("epubcheck")
    if found is None:
        return None
    with open(found, "rb") as handle:  # Debian installs the jar itself as /usr/bin/epubcheck
        is_jar = handle.read(2) == b"PK"
    java = shutil.which("java")
    if is_jar:
        return [java, "-jar", found] if java else None
    return [found]


@pytest.mark.slow
def test_epubcheck_accepts_our_epubs(tmp_path, fixtures):
    command = _epubcheck()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian: apt-get install epubcheck)")
    books = {
        "from-text.epub": _epub(),
        "from-word.epub": api.convert_path(fixtures / "formats" / "manuscript.docx", to="epub").output,
        "from-ao3.epub": api.convert_path(fixtures / "formats" / "ao3-shaped.epub", to="epub").output,
    }
    for name, data in books.items():
        path = tmp_path / name
        path.write_bytes(data)
        run = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, f"{name}:\n{run.stdout}\n{run.stderr}"
        assert "0 fatals / 0 errors / 0 warnings" in run.stdout


@pytest.mark.slow
def test_first_chapter_loads_in_headless_chromium(tmp_path, fixtures):
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    data = api.convert_path(fixtures / "formats" / "manuscript.docx", to="epub").output
    unpacked = tmp_path / "book"
    zipfile.ZipFile(io.BytesIO(data)).extractall(unpacked)
    chapter = unpacked / "EPUB" / "chapter-001.xhtml"
    profile = tmp_path / "profile"
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--dump-dom", chapter.as_uri(),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert "<h2>Chapter One</h2>" in dom
    assert "she had <em>two</em>, both in the bag at her feet." in dom
    assert "parsererror" not in dom  # an XML error page would say so


MARKDOWN = """\
---
title: "A Markdown Story"
author: Someone
---

# A Markdown Story

## One

She said *hello*, see [the map](http://example.org/map) and ![a picture](map.png).

- a list item
- another

## Two

Last line with `code` and <span>raw html</span>.
"""


def test_markdown_to_epub_keeps_its_markup_and_reads_its_front_matter():
    found = structure(api.convert(MARKDOWN, path="story.md", to="epub").output)
    assert found["title"] == "A Markdown Story"
    first = found["zip"].read(f"{found['base']}/{found['spine'][0]}").decode()
    assert "title:" not in first  # the front matter is metadata, not text
    assert "<ul>\n<li>a list item</li>" in first and '<a href="http://example.org/map">the map</a>' in first
    assert "<img" not in first  # no image files in the book: the image stays text
    second = found["zip"].read(f"{found['base']}/{found['spine'][1]}").decode()
    assert "&lt;span&gt;raw html&lt;/span&gt;" in second
    opf = found["zip"].read(f"{found['base']}/content.opf").decode()
    assert "<dc:creator>Someone</dc:creator>" in opf


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #*_-[]()<>&!`>\n\t\u00a0\x0c\u2028")), max_size=200))
def test_any_markdown_gives_well_formed_xhtml(text):
    structure(api.convert(text, path="x.md", to="epub").output)
