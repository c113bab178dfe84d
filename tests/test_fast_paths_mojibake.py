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


def _look_ahead_form(exact: bool) -> str:
    """The scan patterns as first written: a look-ahead for the first character, then
    the alternatives (the reference the faster form must match exactly)."""
    import re

    import ftfy  # noqa: F401
    from ftfy.chardata import CHARMAP_ENCODINGS

    def chars(encodings, byte_values) -> str:
        return re.escape("".join(sorted({c for e in encodings for c in scan._chars(e, byte_values)})))

    controls = r"\x80-\x9f\ud800-\udfff"
    groups = [[e] for e in CHARMAP_ENCODINGS] if exact else [list(CHARMAP_ENCODINGS)]
    parts = []
    for encodings in groups:
        cont = chars(encodings, range(0x80, 0xC0))
        parts.append(rf"[{chars(encodings, range(0xC2, 0xF5))}][{cont}?\x1a\ufffd]")
        parts.append(rf"[{chars(encodings, scan._SPACE_LEAD)}] ")
        parts.append(rf"[{chars(encodings, scan._SPACE_MID)}] [{cont}]")
    parts.append(rf"[{controls}]")
    first = chars(CHARMAP_ENCODINGS, range(0xC2, 0xF5))
    return rf"(?=[{first}{controls}])(?:{'|'.join(parts)})"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(CHARS, st.characters()), max_size=40).map("".join))
@example("Ã© Â «â€ \u009d“?\ud800")
@example("Ù Ã\x1a")
@example("â €")  # a space between a longer sequence's lead and its continuation
@example("Ð ")  # a lead whose 0xA0 byte became a space
@example("Ã\ufffd")
def test_the_scan_patterns_match_where_their_look_ahead_forms_do(text):
    import re

    for exact, pattern in ((True, scan._pattern()), (False, scan._quick())):
        reference = re.compile(_look_ahead_form(exact))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]
