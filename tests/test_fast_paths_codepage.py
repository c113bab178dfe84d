"""Fast paths of the code-page repair give exactly what the plain way gives
(property tests): the document's words counted only when a test needs them, a
vocabulary never built for a word with a letter the document lacks, a word's
likelier reading judged once per word."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters import _codepages as cp
from tidyink.filters._codepage_doc import DocumentWords

# Words and marks of our own, with letters whose case folding is out of the
# ordinary (İ, ß, ẞ, ſ, the Kelvin sign, a ligature, a combining iota), hidden
# characters and the punctuation a mix-up makes.
PIECES = st.sampled_from(
    [
        *" \n.,«»“”‘’‚–—-'",
        *("é", "É", "ò", "Ò", "ì", "í", "ñ", "ü", "İ", "ß", "ẞ", "ſ", "\u212a", "ﬁ", "\u0345", "\u00ad", "\u200b"),
        *("the", "The", "café", "naïve", "été", "Été", "straße", "señor", "rôle", "don", "t", "l", "ist"),
        *("na´ve", "themÑrather", "caf‚", "ÒI", "ìthat", "zzq", "Qxé", "fi", "ss", "i"),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _lexicons(text: str) -> tuple[cp.Lexicon, cp.Lexicon]:
    """A lexicon that may skip the vocabulary, and one that always builds it."""
    words = DocumentWords(text)
    alphabet = frozenset("éòìíñüßſ")  # (the document's own words then count as known)
    fast = cp.Lexicon(langs=("en", "fr"), letters_of=words.letters, alphabet=alphabet)
    fast.words_of = lambda: words.words_of(fast)
    slow = cp.Lexicon(langs=("en", "fr"), alphabet=alphabet)
    slow.words_of = lambda: words.words_of(slow)
    return fast, slow


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.lists(st.lists(PIECES, min_size=1, max_size=5).map("".join), max_size=8))
@example("Straße ẞ \u212aelvin ﬁne İstanbul", ["STRASSE", "strasse", "kelvin", "fine", "i̇stanbul", "ßtraße"])
@example("caf\u00e9 na\u00efve", ["caf\u00e9", "cafè", "naïve"])
def test_a_word_is_known_as_when_the_vocabulary_is_built(text, queries):
    from tidyink.filters._codepage_doc import VOCAB_WORD

    fast, slow = _lexicons(text)
    for word in [*queries, *text.split(), *VOCAB_WORD.findall(text)]:
        assert fast.known(word) == slow.known(word), word


@settings(max_examples=150, deadline=None)
@given(TEXTS)
@example("Straße ẞ \u212aelvin ﬁne İstanbul \u0391\u0345")
def test_every_letter_of_the_vocabulary_is_among_the_document_letters(text):
    words = DocumentWords(text)
    lex = cp.Lexicon(langs=("en",), alphabet=frozenset("éòìíñüßſ"))
    letters = words.letters()
    assert all(ch in letters for word in words.words_of(lex) for ch in word if not ch.isascii())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["é", "É", "´", "Ñ", "‚", "t", "a", "ait", "'", "’", "l", "tre", "Ž"]), max_size=8))
@example(["Ž", "t", "ait"])
def test_a_token_is_likelier_as_by_every_mixup_of_the_whole_token(parts):
    from tidyink.filters.codepage import Codepage

    token = "".join(parts)
    f = Codepage()
    f._lex = cp.Lexicon(langs=("en", "fr"), lang="fr")
    plain = False
    for mixup in cp.mixups():  # the plain way: each mix-up over the whole token
        if mixup.keys.isdisjoint(token):
            continue
        fixed = token.translate(mixup.table)
        for start, end, word in cp.words(token):
            if fixed[start:end] != word and cp.much_likelier(word, fixed[start:end], f._lex):
                plain = True
    assert f._likelier(token) == plain
    assert f._likelier(token) == plain  # (the second time from what the first remembered)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


SENTENCES = [
    "The naïve café owner said: “Don’t touch the crème brûlée—it’s for the fiancée.”",
    "« Où est le château ? » demanda-t-il. L’élève répondit qu’il était très fâché.",
    "„Können Sie mir helfen?“ fragte die Frau. Die Straße war über fünfzig Meter breit.",
    "«¿Dónde está la estación?», preguntó el niño. La canción sonaba en el jardín.",
]
MIXED = [(w, r) for _, w, r in cp.MIXUPS]


def _damage(text: str, written_in: str, read_as: str) -> str:
    return "".join(bytes([b]).decode(read_as, errors="ignore") or chr(b) for b in text.encode(written_in))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Paragraphs of our sentences, some read with a mix-up (as a whole, or a word)."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
        how = draw(st.integers(0, 2))
        if how == 1:
            text = _damage(text, *draw(st.sampled_from(MIXED)))
        elif how == 2:
            words = text.split(" ")
            i = draw(st.integers(0, len(words) - 1))
            words[i] = _damage(words[i], *draw(st.sampled_from(MIXED)))
            text = " ".join(words)
        paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _repaired(text: str) -> tuple[str, list[dict]]:
    result = tidyink.convert(text, to="text", input_format="text", only=["codepage"])
    return result.text, [c.to_dict() for c in result.changes]


@settings(max_examples=60, deadline=None)
@given(documents())
def test_the_repair_is_the_same_when_every_vocabulary_is_built(text):
    import pytest

    fast = _repaired(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(DocumentWords, "letters", lambda self: _Everything())
        slow = _repaired(text)
    assert fast == slow


LETTERS = st.sampled_from(["é", "e", "t", "a", "i", "s", "l", "’", "'", "‚", "Ž", "de", "la", "the", "était"])


@settings(max_examples=200, deadline=None)
@given(st.lists(LETTERS, min_size=1, max_size=5).map("".join), st.lists(LETTERS, min_size=1, max_size=5).map("".join))
@example("Žtait", "était")
@example("le", "de")
@example("tha", "the")
def test_a_repair_is_much_likelier_as_by_the_plain_way(word, fixed):
    for lang in ("en", "fr"):
        lex = cp.Lexicon(langs=("en", "fr"), lang=lang)
        plain = fixed != word and lex.reaches(fixed, cp.KNOWN_ZIPF) and lex.primary(fixed) >= lex.primary(word) + 3.0
        assert cp.much_likelier(word, fixed, lex) == plain


@given(st.text(alphabet="ab’'é\u0301- .x", max_size=80))
def test_the_words_of_a_token_are_found_as_by_the_pattern(text):
    plain = tuple((m.start(), m.end(), m.group()) for m in cp.WORD.finditer(text))
    assert cp.words(text) == plain
    assert cp.words(text) == plain  # (remembered)


SURVEY_TEXT = st.lists(
    st.sampled_from([*"ab \n\n\t.é“”\x85\x93\u00ad\u200b", "na´ve", "*em*", "`code`", "Ã©", "\n\n", "\n\n# Title\n\n"]),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(SURVEY_TEXT, st.sampled_from(["text", "markdown"]))
@example("caf\x85e ab\n\nna´ve \x93x", "text")
def test_a_paragraph_suspect_tokens_are_found_as_in_the_paragraph_itself(text, fmt):
    from tidyink import readers
    from tidyink.filters._codepage_doc import Survey

    doc = readers.read(text, fmt)
    survey = Survey(doc)
    for block in doc.prose_blocks():
        prose = block.prose().text
        assert survey.spans_of(prose, block) == cp.suspect_spans(prose)


WORDS_TEXT = st.lists(
    st.sampled_from([*"ab \n.'’é“\x85\x93\u00ad", "İs", "ß", "\u0345", "Ab", "\u212a", "ﬁ", "na´ve", "l’été", "x\n"]),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(WORDS_TEXT)
@example("İstanbul l’été na´ve")
@example("ab\u0345c café")
@example("ab\x85cd ß’s")
def test_the_words_are_the_same_with_the_tokens_already_found(text):
    lex = cp.Lexicon(langs=("en",), alphabet=frozenset("éß"))
    fast, plain = DocumentWords(text, spans=cp.suspect_spans(text)), DocumentWords(text)
    assert fast.seen() == plain.seen()
    assert fast.words_of(lex) == plain.words_of(lex)


@given(st.text(alphabet="ab’'é\u0301- .xÑ´", max_size=40))
def test_the_word_owners_of_a_token_are_those_of_its_words(text):
    from tidyink.filters._codepage_chars import _owners

    assert list(cp.owners(text)) == _owners(list(cp.words(text)), len(text))


@given(st.text(alphabet="abé´ÑřýЖ1 .\u2014", max_size=20))
def test_a_mixup_could_read_a_text_as_by_the_plain_way(text):
    for mixup in cp.mixups():
        plain = all(ch.isascii() or ch in mixup.repertoire or not ch.isalpha() for ch in text)
        assert mixup.could_read(text) == plain


@settings(max_examples=40, deadline=None)
@given(documents())
def test_a_token_judged_once_is_judged_the_same_after_the_whole_repair(text):
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.filters.codepage import Codepage
    from tidyink.options import Options

    doc = readers.read(text, "text")
    f = Codepage()
    f.run(doc, Context(options=Options(), path=None, state={}))
    for token, verdict in f._judged.items():
        assert f._first_verdict(token) == verdict
    # a paragraph is only surveyed for votes when some token has a repair
    assert f._voted or f._whole is not None or all(v is None for v in f._verdicts.values())


def test_a_repair_found_while_editing_counts_as_a_vote():
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.filters.codepage import Codepage
    from tidyink.options import Options

    doc = readers.read("The naïve café owner said: “Don’t touch it.”", "text")
    f = Codepage()
    f.prepare(doc, Context(options=Options(), path=None, state={}))
    assert not f._voted
    assert f._verdict("na´ve") == ("naïve", "cp1252 read as cp850")
    assert f._voted


@st.composite
def marked_documents(draw: st.DrawFn) -> str:
    """Our documents with C1 controls, hidden characters and marks glued to words here and there."""
    text = draw(documents())
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(words) - 1))
        words[i] += draw(st.sampled_from(["\x81", "\x93", "\u00ad", ".”", "”\x9d", "\x85x", "´"]))
    return " ".join(words)


def _run(filter_: object, text: str) -> tuple[list[str], list[tuple[int, int, str, str]]]:
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.options import Options

    doc = readers.read(text, "text")
    ctx = Context(options=Options(), path=None, state={})
    filter_.run(doc, ctx)  # type: ignore[attr-defined]
    return [b.prose().text for b in doc.blocks], [(c.line, c.column, c.before, c.after) for c in ctx.changes]


@settings(max_examples=80, deadline=None)
@given(marked_documents())
@example("it.\x81” and na´ve it.” caf‚\u00ad")
def test_tokens_no_mixup_can_repair_are_repaired_as_when_judged_one_by_one(text):
    from tidyink.filters.codepage import Codepage

    class OneByOne(Codepage):
        def prepare(self, doc, ctx):  # type: ignore[no-untyped-def]
            super().prepare(doc, ctx)
            self._verdicts = {t: v for t, v in self._verdicts.items() if v is not None or cp.candidate(t)}
            self._settled = False  # (the tokens left out are no longer in _verdicts)

    assert _run(Codepage(), text) == _run(OneByOne(), text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab *_#>-`[]()\n.'\"", max_size=80), st.sampled_from(["text", "markdown"]))
@example("*em* and `code` [link](x)\n\n> quote", "markdown")
def test_a_document_of_ascii_prose_has_no_paragraph_for_the_filter(text, fmt):
    from tidyink import readers
    from tidyink.document import TEXT
    from tidyink.filters.codepage import Codepage

    doc = readers.read(text, fmt)
    f = Codepage()
    if all(s.text.isascii() for b in doc.prose_blocks() for s in b.spans if s.kind == TEXT):
        # (so ``prepare`` may stop at once: no paragraph is ever edited)
        assert not any(f._wanted(b) for b in doc.blocks if b.kind in f.block_kinds)


@st.composite
def quoted_documents(draw: st.DrawFn) -> tuple[str, str]:
    """Our marked documents, some paragraphs in curly quotes, some with emphasis (as Markdown)."""
    paragraphs = draw(marked_documents()).split("\n\n")
    for i, text in enumerate(paragraphs):
        how = draw(st.integers(0, 2))
        if how == 1:
            paragraphs[i] = f"“{text},” she said. “Yes.”"
        elif how == 2:
            paragraphs[i] = f"*“{text}*” and `co“de`"
    return "\n\n".join(paragraphs), draw(st.sampled_from(["text", "markdown"]))


@settings(max_examples=80, deadline=None)
@given(quoted_documents())
@example(("“The cat,” she said. “Yes.”\n\n*“na´ve*” and `co“de`", "markdown"))
@example(("“The cat,” she said.\n\n“it\x81.”", "text"))
@example(("“The cat\u00ad,” she said.", "text"))
def test_paragraphs_whose_tokens_the_survey_judged_are_skipped_as_the_token_loop_would(doc):
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.filters.codepage import Codepage
    from tidyink.options import Options

    class TokenByToken(Codepage):
        def prepare(self, doc, ctx):  # type: ignore[no-untyped-def]
            super().prepare(doc, ctx)
            self._settled = False

    def run(filter_: Codepage) -> tuple[list[str], list[tuple[int, int, str, str]]]:
        document = readers.read(doc[0], doc[1])
        ctx = Context(options=Options(), path=None, state={})
        filter_.run(document, ctx)
        return [b.prose().text for b in document.blocks], [(c.line, c.column, c.before, c.after) for c in ctx.changes]

    assert run(Codepage()) == run(TokenByToken())


def test_a_document_of_curly_quotes_and_correct_words_is_settled_by_its_survey():
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.filters.codepage import Codepage
    from tidyink.options import Options

    doc = readers.read("“The cat,” she said. “Yes.”\n\n“It was late.”", "text")
    f = Codepage()
    f.prepare(doc, Context(options=Options()))
    assert f._settled and not f._voted
    doc = readers.read("“The cat,” she said\x81. “Yes.”", "text")
    f.prepare(doc, Context(options=Options()))
    assert not f._settled


@given(
    st.dictionaries(st.sampled_from(["the", "The", "le", "der", "und", "de", "la", "och", "x"]), st.integers(1, 50)),
    st.sampled_from(["en", "fr", "de", "es", "sv", "pl", "zz"]),
)
def test_the_main_language_of_one_language_is_that_language_whatever_the_words(counts, lang):
    """(So the code-page repair counts a document's words for it only among several.)"""
    from collections import Counter

    assert cp.main_language(Counter(counts), (lang,)) == lang


@settings(max_examples=40, deadline=None)
@given(documents())
def test_the_repair_is_the_same_when_the_plain_words_are_counted_at_once(text):
    from tidyink import readers
    from tidyink.filters.base import Context
    from tidyink.filters.codepage import Codepage
    from tidyink.options import Options

    class Counted(Codepage):
        def prepare(self, doc, ctx):  # type: ignore[no-untyped-def]
            super().prepare(doc, ctx)
            if self._survey is not None:
                self._survey.plain_words()

    def run(f: Codepage) -> tuple[list[str], list[tuple[int, int, str, str]]]:
        doc = readers.read(text, "text")
        ctx = Context(options=Options(), path=None, state={})
        f.run(doc, ctx)
        return [b.prose().text for b in doc.blocks], [(c.line, c.column, c.before, c.after) for c in ctx.changes]

    assert run(Codepage()) == run(Counted())
