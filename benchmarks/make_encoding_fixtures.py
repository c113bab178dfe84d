"""Write fixtures/encodings/: our own English, French and German prose in many encodings.

Run from anywhere: ``python benchmarks/make_encoding_fixtures.py``. Each fixture
is a byte file plus its expected decoded text (UTF-8, LF) under ``expected/``,
listed in ``MANIFEST.tsv`` (file, encoding, bom, newline, same_text_also_with).
The texts are written for this project; nothing is taken from the corpus.
"""

from __future__ import annotations

import codecs
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "encodings"

ENGLISH = """\
“You’re late again,” said Maren, folding the letter twice—once for each lie in it.
“The ferry left at nine… or so the harbour-master claims.”

Tobias shrugged. ‘It’s only a crossing, not a coronation. Besides, the café by the
pier sells the best crêpes this side of Dover, at £2 a plate.’

She laughed despite herself. Gulls wheeled above the naïve little lighthouse, whose
keeper had painted it a hopeful shade of green – the colour of unripe pears.
"""

ENGLISH_PLAIN = """\
The Lantern Maker's Daughter

Every evening Hester lit the forty lamps of Sallow Lane, one after another,
while the baker's boy counted them aloud from his doorstep. "Thirty-nine," he
would say, and she would answer, "Forty, you goose," and they would both pretend
it was the first time.
"""

FRENCH = """\
Chapitre premier. Où l’on fait connaissance avec Mlle Élise

Le matin du 3 février, Élise Ferrand quitta la maison de sa tante à Besançon. Il
faisait un froid sec ; les pavés brillaient sous la gelée, et les fenêtres de
l’épicerie étaient déjà éclairées.

« Tu n’oublieras pas le pain de seigle, ni les œufs ! » cria la vieille dame
depuis le balcon.

Élise répondit qu’elle n’oubliait jamais rien, ce qui était faux, mais d’une
fausseté aimable. Elle traversa la place, salua le boulanger, un garçon très
sérieux qui lisait des poèmes entre deux fournées, et s’arrêta devant la fontaine
gelée où quelqu’un avait gravé un cœur dans la glace.

À midi, elle n’était toujours pas revenue.
"""

# For code pages without œ, curly apostrophes or the narrow spaces of FRENCH.
FRENCH_DOS = """\
Chapitre II. La lettre égarée

Le facteur, un homme âgé à la moustache grise, frappa trois fois à la porte de
l'atelier. « Une lettre pour vous, Monsieur Thibault, arrivée de Genève avec
huit jours de retard. » Le menuisier essuya ses mains sur son tablier, ouvrit
l'enveloppe et pâlit : sa sœur ne viendrait pas à Noël, elle s'était fiancée
à un horloger suisse, très sérieux, très économe et, disait-elle, très gai.

« Voilà bien ma chance », murmura-t-il en rangeant ses rabots. Dehors, la neige
tombait sur les toits de la rue Sainte-Cécile, et l'on entendait déjà les cloches
de l'église.
""".replace("œ", "oe")

GERMAN = """\
Die Straße nach Würzburg war im Herbst schöner als im Frühling, behauptete
Großvater Jörg, und niemand wagte, ihm zu widersprechen. Er saß am Küchentisch,
trank seinen Kaffee ohne Zucker und zählte die Äpfel, die der Sturm über Nacht
von den Bäumen geschüttelt hatte.

„Dreiundzwanzig“, sagte er schließlich, „und jeder einzelne ist süßer als die
aus dem Laden.“

Seine Enkelin Lütte öffnete das Fenster. Draußen roch es nach nassem Laub, nach
Rauch und ein wenig nach Übermut.
"""

# For code pages without „ “ (ISO-8859-1, DOS, Mac).
GERMAN_PLAIN = GERMAN.replace("„", "»").replace("“", "«")

SHORT_FRENCH = "Café crème, s’il vous plaît.\n"
SHORT_GERMAN = "Grüße aus Köln\n"

# (file, text, encoding, bom, newline, same_text_also_with)
FIXTURES: list[tuple[str, str, str, bool, str, str]] = [
    ("en-utf8.txt", ENGLISH, "utf-8", False, "\n", ""),
    ("fr-utf8-bom-crlf.txt", FRENCH, "utf-8", True, "\r\n", ""),
    ("en-ascii.txt", ENGLISH_PLAIN, "ascii", False, "\n", "utf-8,cp1252,latin_1"),
    ("de-utf16le-bom.txt", GERMAN, "utf-16-le", True, "\r\n", ""),
    ("en-utf16be-bom.txt", ENGLISH, "utf-16-be", True, "\n", ""),
    ("fr-utf16le-nobom.txt", FRENCH, "utf-16-le", False, "\n", ""),
    ("de-utf16be-nobom.txt", GERMAN, "utf-16-be", False, "\r\n", ""),
    ("en-utf16le-nobom-plain.txt", ENGLISH_PLAIN, "utf-16-le", False, "\n", ""),
    ("en-utf32le-bom.txt", ENGLISH, "utf-32-le", True, "\n", ""),
    ("fr-utf32be-bom.txt", FRENCH, "utf-32-be", True, "\n", ""),
    ("de-utf32le-nobom.txt", GERMAN, "utf-32-le", False, "\n", ""),
    ("en-cp1252.txt", ENGLISH, "cp1252", False, "\r\n", ""),
    ("fr-cp1252.txt", FRENCH, "cp1252", False, "\r\n", ""),
    ("de-cp1252.txt", GERMAN, "cp1252", False, "\r\n", ""),
    ("de-latin1.txt", GERMAN_PLAIN, "latin_1", False, "\r\n", "cp1252,iso8859_15,cp1250"),
    ("fr-latin1.txt", FRENCH_DOS, "latin_1", False, "\n", "cp1252,iso8859_15"),
    ("fr-macroman-cr.txt", FRENCH, "mac_roman", False, "\r", "mac_iceland"),
    ("de-macroman-cr.txt", GERMAN_PLAIN, "mac_roman", False, "\r", "mac_iceland"),
    ("en-macroman.txt", ENGLISH, "mac_roman", False, "\n", "mac_iceland"),
    ("fr-cp850-crlf.txt", FRENCH_DOS, "cp850", False, "\r\n", ""),
    ("de-cp850-crlf.txt", GERMAN_PLAIN, "cp850", False, "\r\n", "cp437"),
    ("de-cp437.txt", GERMAN_PLAIN.replace("»", "").replace("«", ""), "cp437", False, "\r\n",
     "cp850"),
    ("fr-short-cp1252.txt", SHORT_FRENCH, "cp1252", False, "\n", ""),
    ("de-short-latin1.txt", SHORT_GERMAN, "latin_1", False, "\n",
     "cp1252,iso8859_15,cp1250,iso8859_2"),
    ("de-short-cp850.txt", SHORT_GERMAN, "cp850", False, "\n", "cp437"),
    ("fr-short-macroman.txt", SHORT_FRENCH, "mac_roman", False, "\n", "mac_iceland"),
]

BOM = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def main() -> None:
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    rows = ["file\tencoding\tbom\tnewline\tsame_text_also_with"]
    for name, text, encoding, bom, newline, also in FIXTURES:
        data = (BOM[encoding] if bom else b"") + text.replace("\n", newline).encode(encoding)
        (OUT / name).write_bytes(data)
        (OUT / "expected" / name).write_text(text, encoding="utf-8", newline="\n")
        nl = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[newline]
        rows.append(f"{name}\t{encoding}\t{'yes' if bom else 'no'}\t{nl}\t{also or '-'}")
    (OUT / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(FIXTURES)} fixtures to {OUT}")


if __name__ == "__main__":
    main()
