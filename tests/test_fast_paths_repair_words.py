"""Fast paths of the repair stage's word finding give exactly what the plain way gives
(property tests on random text, and fixtures of our own)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
from tidyink.filters import _repair

# Letters of several scripts, marks, digits of other scripts, letter-like symbols and
# punctuation: which of them \p{L} holds is what the fast path must get right.
MIXED = st.text(
    alphabet=st.sampled_from(
        [*"ab Z\n'’-_1", *"éÉßẞſİı\u0301\u0345ªºª²³¹½Ⅻⅻ٣ΩωЖжשא中文ｱ\u02bc\u02b0ǅ“”«»—–…\u00ad\u200b\ud800"]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(MIXED)
@example("Ⅻ ª º ² ǅemal na\u0301ive \u02b0x")
@example("“Oh,” said she—“the café’s straße!”")
@example("")
@example("".join(map(chr, range(128))) + "é")
def test_letter_runs_are_found_as_by_the_letter_pattern(text):
    assert _repair.letter_runs(text) == _repair._WORD.findall(text)


def test_letter_runs_of_a_text_of_many_letters_are_found_as_by_the_letter_pattern():
    text = " ".join(chr(c) * 2 for c in range(0x4E00, 0x4E00 + 2 * _repair.CLASS_MAX)) + " abc ²"
    assert _repair.letter_runs(text) == _repair._WORD.findall(text)


def _sample_plain(doc: Document, size: int) -> list[str]:
    """The sample as first gathered: every span of the document looked at."""
    sample: list[str] = []
    total = 0
    for block in doc.prose_blocks():
        for span in block.spans:
            if span.kind == TEXT and total < size:
                sample.append(span.text)
                total += len(span.text)
    return sample


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.sampled_from([TEXT, "code", "link"]), st.text("ab ", max_size=9)), max_size=4)),
    st.integers(0, 40),
)
def test_the_language_sample_is_the_first_spans_as_when_every_span_is_looked_at(paragraphs, size):
    doc = Document([Block(PARAGRAPH, [Span(kind, text) for kind, text in spans]) for spans in paragraphs])
    assert _repair._sample(doc, size) == _sample_plain(doc, size)


def _candidate_plain(token: str) -> bool:
    """The candidate test as first written: every character of the token looked at."""
    from tidyink.filters._codepage_chars import _next_to_letter, _odd
    from tidyink.filters._codepages import suspects

    keys = suspects()
    return any(ch in keys and (ch.isalpha() or _odd(ch) or _next_to_letter(token, i)) for i, ch in enumerate(token))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab.,!-'", *"“”‘’é´Ñ‚½╗\x81\x93—ìÒ"]), max_size=12))
@example("“Oh!")
@example("said.”")
@example("na´ve")
@example("ab")
def test_a_candidate_token_is_told_as_when_every_character_is_looked_at(token):
    from tidyink.filters._codepages import candidate

    assert candidate(token) == _candidate_plain(token)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab .,!-'", *"“”‘’é´Ñ‚ìÒî"]), max_size=10))
@example("“My")
@example("cos“")
@example("na´ve")
def test_the_word_test_is_the_same_for_a_token_and_its_repair_in_either_order_of_its_checks(token):
    """``judge`` checks whether the repair changed anything after its cheaper word check:
    a token left as it is never passes, whatever the checks' order."""
    from tidyink.filters import _codepages as cp

    lex = cp.Lexicon(langs=("en", "fr"))
    lex.words_of = lambda: set()
    assert cp.judge(token, token, lex) is False
    for mixup in cp.mixups():
        fixed = token.translate(mixup.table)
        plain = fixed != token and cp.judge(token, fixed, lex)
        assert cp.judge(token, fixed, lex) == plain


def test_every_cased_letter_of_the_letter_pattern_is_cased_alike_to_str():
    """What ``own_word`` rests on: a \\p{Lu} letter is upper case to ``str`` and a \\p{Ll}
    one lower case (letters that ``str`` does not know as letters are set aside before)."""
    import sys

    import regex

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert not [c for c in regex.findall(r"\p{Lu}", every) if c.isalpha() and not c.isupper()]
    assert not [c for c in regex.findall(r"\p{Ll}", every) if c.isalpha() and not c.islower()]


def _own_word_plain(lex, word: str) -> bool:
    """``Lexicon.own_word`` as first written: every word's case steps and shape searched."""
    from tidyink.filters._codepage_words import _MIXED_CASE, odd_shape

    if word.isascii():
        return word.isalpha()
    if not word.isalpha() or _MIXED_CASE.search(word) or odd_shape(word):
        return False
    return all(ch.isascii() or ch.casefold() in lex.alphabet for ch in word)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aZ'’-", *"éÉßẞſİıǅǆǄΣσςЖжÞþ\u0301\u1c90\u10d0Ꮳꮳŉ"]), min_size=1, max_size=8))
@example("tÚ")
@example("ÉTÉ")
@example("Été")
@example("volontÚ")
@example("ǅemal")
@example("ŽŽn")
@example("ÉtÉ")
@example("éTé")
def test_a_word_is_told_the_document_own_as_when_its_case_steps_are_searched(word):
    from tidyink.filters._codepage_words import Lexicon

    lex = Lexicon(langs=("en",), alphabet=frozenset("éßσςжþ"))
    assert lex.own_word(word) == _own_word_plain(lex, word)


WORDY = st.text(
    alphabet=st.sampled_from([*"ab Z\n'’-_1.", *"éÉßẞſİıŉǰΐﬁ\u0301\u0345ªº²½ⅻ٣ΩσςЖשא中\u00ad\u200b"]), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(WORDY)
@example("Straße ẞ İstanbul ﬁne ŉ l’été don't ²x")
@example("ǰΐ ſ ª º 中文 a_b 1a")
@example("".join(map(chr, range(128))) + "é")
def test_the_words_of_a_text_and_of_its_folding_are_found_as_by_the_word_pattern(text):
    from tidyink.filters._codepage_doc import HIDDEN, VOCAB_WORD, DocumentWords

    findall = DocumentWords(text)._word_finder()
    for variant in (text, text.casefold(), HIDDEN.sub("", text)):
        assert findall(variant) == VOCAB_WORD.findall(variant)


def test_the_words_of_a_text_of_many_letters_are_found_as_by_the_word_pattern():
    from tidyink.filters._codepage_doc import VOCAB_WORD, DocumentWords

    text = " ".join(chr(c) * 2 for c in range(0x4E00, 0x4E00 + 400)) + " ab’cd é"
    assert DocumentWords(text)._word_finder()(text) == VOCAB_WORD.findall(text)


@settings(max_examples=200, deadline=None)
@given(WORDY)
@example("na´ve café l’été \u00adhidden")
def test_the_words_seen_are_those_of_the_word_pattern(text):
    from collections import Counter

    from tidyink.filters._codepage_doc import HIDDEN, VOCAB_WORD, DocumentWords
    from tidyink.filters._codepage_tables import suspect_spans

    plain = Counter(VOCAB_WORD.findall(HIDDEN.sub("", text)))
    assert DocumentWords(text).seen() == plain
    assert DocumentWords(text, spans=suspect_spans(text)).seen() == plain


PARTS = st.sampled_from(["the", "l", "été", "don", "t", "'", "’", "était", "zzq", "", "É"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PARTS, max_size=4).map("".join))
@example("don’t")
@example("'")
@example("")
def test_a_word_frequency_in_the_main_language_is_that_of_its_parts(word):
    from tidyink import lexicon
    from tidyink.filters._codepage_words import _APOSTROPHE, Lexicon

    lex = Lexicon(langs=("fr", "en"), lang="fr")
    parts = [p for p in _APOSTROPHE.split(word) if p] or [word]
    assert lex.primary(word) == min(lexicon.zipf(p, "fr") for p in parts)
    assert lex.primary_common(word) == min(lexicon.common_zipf(p, "fr") for p in parts)


def _trusted_plain(lex, word: str) -> bool:
    """``Lexicon._trusted`` as first written: every word searched for case steps, odd
    shapes and ligatures."""
    from tidyink.filters._codepage_words import _MIXED_CASE, DAMAGED_ZIPF, SHORT_ZIPF, odd_shape

    if _MIXED_CASE.search(word) or odd_shape(word):
        return False
    if any(0xFB00 <= ord(c) < 0xFB50 for c in word):
        return False
    if len(word) <= 2 and not word.isascii():
        return lex.reaches(word, SHORT_ZIPF)
    return lex.reaches(word, DAMAGED_ZIPF)


TRUSTED_PIECES = st.sampled_from(
    ["the", "The", "THE", "été", "Été", "ÉTÉ", "l", "'", "’", "ﬂe", "tÚ", "iPhone", "²", "ǅ", "\u1c90", "ß", "a"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TRUSTED_PIECES, min_size=1, max_size=4).map("".join))
@example("volontÚ")
@example("ﬂe")
@example("l’Été")
@example("aǅ")
@example("x²")
@example("a\u1c89")  # (a capital of a Unicode newer than str knows: no letter to it)
def test_a_word_is_trusted_as_when_every_word_is_searched(word):
    from tidyink.filters._codepage_words import Lexicon

    assert Lexicon(langs=("en", "fr"))._trusted(word) == _trusted_plain(Lexicon(langs=("en", "fr")), word)


def test_no_letter_is_odd():
    """What ``plainly_correct`` rests on when it passes over letters: no character that
    ``str`` takes for a letter is a symbol, a control or a number of another kind."""
    import sys

    from tidyink.filters._codepage_chars import _odd

    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha() and _odd(c)]


def _plainly_correct_plain(token: str, lex) -> bool:
    """``plainly_correct`` as first written: every character looked at."""
    from tidyink.filters import _codepages as cp
    from tidyink.filters._codepage_chars import _glued, _inside, _next_to_letter, _odd

    keys = cp.suspects()
    for i, ch in enumerate(token):
        if _odd(ch) or (not ch.isalpha() and _inside(token, i)):
            return False
        if ch in keys and not ch.isalpha() and _next_to_letter(token, i):
            return False
    return all(not _glued(token, s, e) and lex.correct(w) for s, e, w in cp.words(token))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["été", "the", "a", ",", "“", "”", "‡", "´", "½", "-", "’", "Ñ", "x"]), max_size=5))
@example(["est", "‡"])
@example(["“", "the"])
@example(["a", "½"])
def test_a_token_is_plainly_correct_as_when_every_character_is_looked_at(parts):
    from tidyink.filters import _codepages as cp

    token = "".join(parts)
    lex = cp.Lexicon(langs=("en", "fr"))
    assert cp.plainly_correct(token, lex) == _plainly_correct_plain(token, lex)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from([*"ab.,!-'", *"“”‘’é´Ñ‚½╗\x81\x93—ìÒ²ß"]), max_size=8), max_size=6))
@example(["“Oh!", "said.”", "na´ve", "ab", "é", "‚a", "a‚", "½"])
@example(["“", "”"])
def test_candidate_tokens_are_found_as_by_the_candidate_test(tokens):
    from tidyink.filters._codepages import candidate, candidates_in

    found = candidates_in("\n".join(tokens))
    for token in tokens:
        assert found(token) == candidate(token), token
