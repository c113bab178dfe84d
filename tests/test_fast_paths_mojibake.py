"""The mojibake scan's quick pattern never misses a place the exact pattern finds
(property test): a text the quick one finds nothing in needs no exact scan."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.filters import _mojibake_scan as scan

# Readings of high bytes in the code pages ftfy knows, and what follows mojibake.
CHARS = st.sampled_from([*"Ã©â€™œ\u009dÂ ÐŸÑ€Ùâ„¢ÎŒ¬√≈–—“”‘’ΓπéèàçÇüÅ░│┤½«»¿?\x1a\ufffd", *" \n.abc", "\x85", "\x93"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=12).map("".join))
@example("Ã©")
@example("Ù ")
@example("â€ \u009d")
@example("“?")
def test_the_quick_pattern_finds_something_wherever_the_exact_one_does(text):
    if scan._pattern().search(text):
        assert scan._quick().search(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(CHARS, max_size=30).map("".join))
def test_suspect_lines_are_those_the_exact_pattern_finds(text):
    from unittest import mock

    with mock.patch.object(scan, "_quick", return_value=scan._pattern()):
        plain = scan.suspect_lines(text)  # (the exact pattern as its own pre-test)
    assert scan.suspect_lines(text) == plain


NFC_CHARS = st.sampled_from([*"e\u0301\u0327\u0308\u1100\u1161\u11a8\uac00 \u212b\u00c5A\u030a\u0f73\u0344", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(CHARS, NFC_CHARS), max_size=10).map("".join), max_size=5))
@example(["e", "\u0301x"])
@example(["\u1100", "\u1161"])
@example(["Ã", "©"])
def test_texts_that_may_hold_no_mojibake_joined_have_no_suspect_line_apart(texts):
    import unicodedata

    joined_nfc = unicodedata.is_normalized("NFC", "\n".join(texts))
    assert joined_nfc == all(unicodedata.is_normalized("NFC", t) for t in texts)
    if not scan.may_hold_mojibake(texts):
        assert not any(scan.suspect_lines(t) for t in texts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(CHARS, NFC_CHARS), max_size=10).map("".join), min_size=1, max_size=4))
def test_the_repair_is_the_same_when_every_block_is_scanned(paragraphs):
    from unittest import mock

    import tidyink

    text = "\n\n".join(p.strip() or "x" for p in paragraphs)

    def run() -> tuple[str, list]:
        result = tidyink.convert(text, to="text", input_format="text", only=["mojibake"], lint=False)
        return result.text, [c.to_dict() for c in result.changes]

    fast = run()
    with mock.patch.object(scan, "may_hold_mojibake", return_value=True):
        slow = run()
    assert fast == slow
