"""The boilerplate patterns are compiled on first use: a text that is no Gutenberg
e-book never pays for the Gutenberg patterns."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from tidyink.filters import _boilerplate_patterns

_SRC = str(Path(_boilerplate_patterns.__file__).resolve().parents[2])
_RUN = (
    "import tidyink; from tidyink.filters import _boilerplate_patterns as B;"
    "tidyink.convert({text!r}, lint=False);"
    "print(sorted(n for n in ('PG_START', 'PG_END', 'PG_CREDITS', 'NAV_STRONG') if '_compiled' in vars(getattr(B, n))))"
)


def _compiled_after(text: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=_SRC)
    code = _RUN.format(text=text)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return ast.literal_eval(out)  # a printed list of names


def test_plain_prose_compiles_no_gutenberg_pattern() -> None:
    assert _compiled_after("The lamp went out.\n\nShe waited by the door.\n") == ["NAV_STRONG"]


def test_a_gutenberg_e_book_compiles_its_markers() -> None:
    book = (
        "The Project Gutenberg eBook of A Tale\n\n*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n"
        "The lamp went out.\n\n*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nLicence text.\n"
    )
    assert _compiled_after(book) == ["NAV_STRONG", "PG_CREDITS", "PG_END", "PG_START"]
