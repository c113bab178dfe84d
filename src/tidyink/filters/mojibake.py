"""Repair mojibake (UTF-8 read as a single-byte code page, and similar) with ftfy."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from tidyink.document import Block
from tidyink.filters.base import Context, TextFilter
from tidyink.records import Edit
from tidyink.textdiff import diff_edits


@cache
def _config() -> Any:
    """ftfy, configured to repair encodings and nothing that is ours to decide."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,  # the `entities` filter decides, knowing the input format
        remove_terminal_escapes=False,  # `invisibles`
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,  # ligatures are typography, not damage
        fix_character_width=False,  # full-width forms are deliberate in CJK text
        uncurl_quotes=False,  # typography is ours: keep curly quotes
        fix_line_breaks=False,  # decoding already normalised line endings
        fix_surrogates=True,
        remove_control_chars=False,  # `invisibles`
        normalization="NFC",  # never NFKC: it would change ², ﬁ, ½ and friends
        explain=True,
    )


def _describe(explanation: Any) -> str:
    steps = [f"{action} {parameter}" for action, parameter in explanation or []]
    return "mojibake: " + (", ".join(steps) if steps else "repaired by ftfy")


class Mojibake(TextFilter):
    name = "mojibake"
    description = "Repair mojibake such as â€™ or Ã© (text decoded with the wrong code page), via ftfy."
    stage = "repair"
    order = 110

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if text.isascii():
            return []
        import ftfy

        fixed, explanation = ftfy.fix_and_explain(text, config=_config())
        return diff_edits(text, fixed, _describe(explanation))
