"""Regenerate ``src/tidyink/data/pos.txt``: the parts of speech of English words.

    pip install lemminflect wordfreq
    python scripts/make_pos_lexicon.py

Source: lemminflect's inflection table (built by its authors from the NIH
SPECIALIST Lexicon: every lemma with its part of speech and all its inflected
forms, shipped inside the package). Each lower-case form that wordfreq knows at
Zipf >= MIN_ZIPF gets its tags (one letter each):

    N noun, singular or mass   P noun, plural
    V verb, base or present    Z verb, 3rd person -s   D verb, past tense
    G verb, -ing form          E verb, past participle
    A adjective                C comparative (adjective or adverb)
    S superlative              R adverb

tidyink reads the file, not lemminflect, so linting loads no model and no
numpy (lemminflect is only needed to regenerate the file).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

MIN_ZIPF = 1.5  # rarer forms are left out: the rules never need them
OUT = Path(__file__).resolve().parents[1] / "src" / "tidyink" / "data" / "pos.txt"
TAGS = {
    "NN": "N",
    "NNS": "P",
    "VB": "V",
    "VBP": "V",
    "VBZ": "Z",
    "VBD": "D",
    "VBG": "G",
    "VBN": "E",
    "JJ": "A",
    "JJR": "C",
    "RBR": "C",
    "JJS": "S",
    "RBS": "S",
    "RB": "R",
}
UPOS = ("NOUN", "VERB", "ADJ", "ADV")
BASE = {"NOUN": "N", "VERB": "V", "ADJ": "A", "ADV": "R"}


def build() -> dict[str, set[str]]:
    import lemminflect
    import wordfreq

    # every form with the lemmas it belongs to, by universal part of speech
    forms: dict[str, dict[str, tuple[str, ...]]] = lemminflect.Lemmatizer()._getLemmaDict()
    tags: dict[str, set[str]] = defaultdict(set)
    for form, by_pos in forms.items():
        if not form.isalpha() or not form.islower():
            continue
        for upos, lemmas in by_pos.items():
            if upos not in UPOS:
                continue
            for lemma in lemmas:
                if form == lemma:
                    tags[form].add(BASE[upos])
                    continue
                table = lemminflect.getAllInflections(lemma, upos=upos)
                if not table:  # a regular lemma: its forms follow the rules
                    table = lemminflect.getAllInflectionsOOV(lemma, upos=upos)
                for tag, inflected in table.items():
                    letter = TAGS.get(tag)
                    if letter is None or form not in inflected:
                        continue
                    if letter == "P" and form == lemma:
                        continue  # a mass noun's "plural" is the noun itself
                    tags[form].add(letter)
    return {
        w: t
        for w, t in tags.items()
        if wordfreq.zipf_frequency(w, "en", wordlist="best") >= MIN_ZIPF
    }


def main() -> int:
    import lemminflect

    tags = build()
    order = "NPVZDGEACSR"
    lines = [
        "# Parts of speech of English words, made by scripts/make_pos_lexicon.py from",
        f"# lemminflect {lemminflect.__version__} (NIH SPECIALIST Lexicon). Tags: N noun, P plural,",
        "# V verb, Z verb -s, D past, G -ing, E past participle, A adjective, C comparative,",
        "# S superlative, R adverb.",
    ]
    lines += [f"{w} {''.join(c for c in order if c in t)}" for w, t in sorted(tags.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(tags):,} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
