"""Property: fixing a fixed manuscript changes nothing (fix twice = fix once)."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tidyink.config import Settings
from tidyink.errors import TidyinkError
from tidyink.manuscript import fix_bytes

WORDS = ["the", "lamp", "Marta", "waited", "na\u00efve", "caf\u00e9", "don't", "'90s", "stair", "Tobias"]
PUNCT = ["...", ". . .", ". . . .", "--", "\u2014", '"', "'", "\u201c", "\u201d", ",", ".", "?", "!", "\u2026"]
DAMAGE = ["\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u00e2\u20ac\u0153", "\u00c3\u00af"]
DIRECTIVES = ["<!-- tidyink: off -->", "<!-- tidyink: on -->", "<!-- tidyink: skip -->", "[tidyink: off]"]

token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(DAMAGE), st.sampled_from(["*", "_", "`"])
)
sentence = st.lists(token, min_size=1, max_size=12).map(" ".join)
line = st.one_of(
    sentence,
    sentence.map(lambda s: "# " + s),
    sentence.map(lambda s: "* " + s),
    sentence.map(lambda s: "> " + s),
    sentence.map(lambda s: f"[{s}](http://example.com/a...b)"),
    st.sampled_from(DIRECTIVES),
    st.just(""),
    st.just("```"),
    st.just("* * *"),
)
manuscript = st.lists(line, min_size=1, max_size=14).map(lambda lines: "\n".join(lines) + "\n")
layout = st.tuples(
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from([("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)]),
)


def _fixed(data: bytes, name: str) -> bytes:
    return fix_bytes(data, path=name, settings=Settings())[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(manuscript, layout, st.sampled_from(["chapter.md", "chapter.txt"]))
def test_fix_is_idempotent(text, layout, name):
    newline, (encoding, bom) = layout
    data = bom + text.replace("\n", newline).encode(encoding)
    once = _fixed(data, name)
    assert _fixed(once, name) == once
    # the form is kept: same BOM, same line endings, same encoding
    assert once.startswith(bom)
    body = once[len(bom) :].decode(encoding)
    if newline != "\n":
        assert "\n" not in body.replace("\r\n", "") if newline == "\r\n" else "\n" not in body


@settings(max_examples=40, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=6), st.sampled_from(["chapter.md", "chapter.txt"]))
def test_off_region_is_byte_for_byte_untouched(sentences, name):
    inner = "\n\n".join(sentences)
    text = f"Before...\n\n<!-- tidyink: off -->\n{inner}\n<!-- tidyink: on -->\n\nAfter...\n"
    fixed = _fixed(text.encode(), name).decode()
    assert f"<!-- tidyink: off -->\n{inner}\n<!-- tidyink: on -->" in fixed


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["a.md", "a.txt"]))
def test_any_bytes_fix_or_fail_cleanly(data, name):
    try:
        once = _fixed(data, name)
    except TidyinkError:
        assume(False)
        return
    assert _fixed(once, name) == once
