"""Patterns for the boilerplate filter: Project Gutenberg markers, site chrome, notes.

Every navigation pattern matches a WHOLE line (or a whole ``|``-separated piece
of one), so story sentences that merely contain these words never match.
Each is compiled on first use: a text that is no Gutenberg e-book never compiles
the Gutenberg patterns.
"""

from __future__ import annotations

import regex

from tidyink.lazy_regex import lazy

_I = regex.IGNORECASE | regex.VERSION1

# --- Project Gutenberg ---------------------------------------------------------

# "*** START OF THIS PROJECT GUTENBERG EBOOK X ***", "***START OF THE PROJECT
# GUTENBERG EBOOK X***", "*** START OF THE PROJECT GUTENBERG ETEXT X", and the
# end of the small-print header of the 1990s files.
PG_START = lazy(
    r"^\W{0,8}start\W+of\W+(?:the\W+|this\W+)?project\W+gutenberg"
    r"|^\W{0,8}end\W*the\W+small\W+print\b",
    _I,
)
# "*** END OF THIS PROJECT GUTENBERG EBOOK X ***", "End of the Project Gutenberg
# EBook of X", "End of Project Gutenberg's X", "End of this Project Gutenberg Etext".
PG_END = lazy(r"^\W{0,8}end\W+of\W+(?:the\W+|this\W+)?project\W+gutenberg", _I)
PG_WORD = lazy(r"gutenberg", _I)  # in every line PG_END matches (what _pg_end looks for first)
# Where the licence starts when the end marker is missing.
PG_LICENCE = lazy(
    r"^\W{0,8}start\W*:?\W*full\W+licen[cs]e"
    r"|^\W{0,8}start\W*the\W+small\W+print"
    r"|^\W{0,8}the\W+full\W+project\W+gutenberg\W+licen[cs]e",
    _I,
)
# A hint that a file is a Project Gutenberg text at all (checked in its first lines).
PG_HINT = lazy(r"project\W+gutenberg|gutenberg\.org|small\W+print", _I)
# Credits right after the start marker.
PG_CREDITS = lazy(
    r"^\W{0,4}(?:(?:this\s+)?e-?(?:text|book)\s+(?:was\s+)?(?:produced|prepared|created)\s+by"
    r"|produced\s+by|prepared\s+by|transcribed\s+(?:from|by)|scanned\s+(?:and\s+proofed\s+)?by"
    r"|e-?text\s+(?:scanned|prepared)\s+by|this\s+file\s+was\s+(?:produced|prepared))\b",
    _I,
)
# Words that make a "Produced by" paragraph after the title page surely PG credits.
PG_CREDITS_TRADE = lazy(
    r"pgdp|proofread|gutenberg|volunteer|transcri|scann|e-?text|online|html\s+version|images",
    _I,
)
# "Title: ...", "Author: ..." lines of the header.
PG_FIELD = lazy(r"^(Title|Author|Translator|Language|Editor)\s*:\s*(\S.*?)\s*$", _I)

# Licence phrases, for checking that none is left (benchmarks and tests).
PG_LICENCE_PHRASES = lazy(
    r"project\W+gutenberg|gutenberg\.org|gutenberg-tm|gutenberg literary archive"
    r"|this ebook is for the use of anyone anywhere|small print!",
    _I,
)

# --- site navigation and widgets ---------------------------------------------

_ORD = r"(?:\d+|[ivxlc]+|[a-z]+(?:[ -][a-z]+)?)"
# Strong: these lines are navigation wherever they sit at an edge of the text.
NAV_STRONG = lazy(
    r"^(?:"
    rf"(?:go\s+|on\s+|skip\s+|jump\s+|continue\s+|proceed\s+|onward\s+|onwards\s+)?to\s+(?:the\s+)?"
    rf"(?:next|previous|prev|last|first|final)?\s*(?:chapter|part|page|section|episode)(?:\s+{_ORD})?"
    r"|(?:next|previous|prev|last|first|final|newer|older)(?:\s+(?:chapter|page|part|story|entry|episode))?"
    r"|chapter\s+(?:index|list|listing|select(?:ion)?)|story\s+index"
    r"|(?:chapter|page|part)\s+\d+\s+of\s+\d+|\d+\s+of\s+\d+"
    r"|(?:follow|fav(?:ou?rite)?s?)(?:\s*/\s*(?:follow|fav(?:ou?rite)?s?))*(?:\s+(?:story|author|this))?"
    r"|(?:story|author)\s+alerts?|add\s+to\s+(?:favou?rites|community|communities|library|c2)"
    r"|(?:leave|post|write|submit|add)\s+(?:a\s+)?(?:review|comment)s?(?:\s+as\s+guest)?"
    r"|reviews?(?:\s*\(\s*\d+\s*\))?|comments?\s*\(\s*\d+\s*\)|kudos(?:\s*\(\s*\d+\s*\))?"
    r"|(?:sign|view|read)\s+(?:my\s+|the\s+|our\s+)?guest\s*book"
    r"|read\s+the\s+rest(?:\s+of\s+(?:this|the)\s+(?:entry|post|story))?"
    r"|continue\s+reading(?:\s+[\"“'‘].{1,60})?|\d+\s+comments?|no\s+comments|permalink"
    r"|posted\s+by\s+\S+(?:\s+at\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?"
    r"|share(?:\s+(?:this|it))?(?:\s+(?:post|story|page|entry|chapter))?(?:\s+on\s+\w+)?\s*:?"
    r"|bookmark(?:\s+this)?|subscribe|report(?:\s+abuse)?|download|print(?:\s+chapter)?"
    r"|(?:epub|pdf|mobi|azw3|html)(?:\s*[|,/]\s*(?:epub|pdf|mobi|azw3|html))*"
    r")$",
    _I,
)
# A date as blogs print it: "April 4, 2020", "4 April 2020", "2020-04-04", "4/4/2020".
_DATE = (
    r"(?:(?:[a-z]+day,?\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
# Site sentences: strong navigation even with a full stop.
SITE_SENTENCE = lazy(
    r"^(?:"
    r"(?:this\s+(?:page|site)\s+(?:is\s+)?)?best\s+viewed\s+(?:in|with|at|using)\b.*"
    r"|(?:you\s+are\s+)?visitor\s+(?:number|no\.?|#)\s*\d.*|hit\s+counter.*"
    r"|please\s+drop\s+by\s+the\s+archive\s+and\s+comment\b.*"
    r"|[(\[]?\s*read\s+more(?:\s*(?:\.{2,}|…))?\s*[)\]]?"
    r"|(?:works?\s+inspired\s+by\s+this\s+one|series\s+this\s+work\s+belongs\s+to)\s*:?"
    r"|posted\s+originally\s+on\s+the\s+archive\s+of\s+our\s+own\b.*"
    r"|\(?see\s+the\s+end\s+of\s+the\s+(?:chapter|work)\s+for\s+(?:more\s+)?notes\.?\)?"
    rf"|(?:posted|published)\s+(?:on\s+)?{_DATE}(?:\s+(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?"
    r"(?:\s+(?:by|in)\s+[^.!?\n]{1,40})?(?:\s*[·|•]\s*(?:\d+|no|leave\s+a)\s+comments?)?"
    r"|(?:tags|tagged(?:\s+with)?|categories|category|filed\s+under|posted\s+in)\s*:\s*[^.!?\n]{1,100}"
    r"|(?:this\s+(?:page|site)\s+(?:was\s+)?(?:last\s+)?|(?:page\s+)?last\s+)(?:updated|modified)\b.{0,40}"
    r")$",
    _I,
)
# Lines only an archive writes, removed wherever they stand (even inside a block).
ARCHIVE_WORD = lazy(r"archive", _I)  # in every ARCHIVE_LINE: blocks without it are passed over
ARCHIVE_LINE = lazy(
    r"^(?:posted\s+originally\s+on\s+the\s+archive\s+of\s+our\s+own\s+at\s+\S+"
    r"|please\s+drop\s+by\s+the\s+archive\s+and\s+comment\s+to\s+let\s+the\s+(?:creator|author)\s+know\b.{0,60})$",
    _I,
)
# Weak: navigation only next to strong navigation, or in a block made of links.
NAV_WEAK = lazy(
    r"^(?:"
    r"(?:back|return|go\s+back|up)\s+to\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}"
    r"|(?:table\s+of\s+)?contents|home(?:\s*page)?|main(?:\s+page)?|(?:back\s+to\s+)?top|up|index|stories|links|fics?"
    r"|fan\s*fiction|archive|(?:my\s+)?(?:other\s+)?stories|author(?:'s)?\s+(?:page|profile)"
    r"|e-?mail(?:\s+(?:me|the\s+author))?|feedback|guestbook|site\s+map"
    r"|log\s*in|log\s*out|sign\s*(?:in|up|out)|register|join|search|authors|browse|members|forums?"
    r"|communit(?:y|ies)|about(?:\s+us)?|faq|help|news|categories|genres|fandoms|rss"
    r"|(?:most\s+)?recent(?:\s+stories)?|new\s+stories|top\s+rated|random(?:\s+story)?"
    r"|(?:copyright|©|\(c\))\s.{0,60}|all\s+rights\s+reserved\.?"
    r")$",
    _I,
)
# Piece separators on one navigation line: "« Previous | Contents | Next »".
NAV_SEPARATORS = lazy(r"\s*(?:\||•|·|::|\s/\s|\s-\s|\]\s*\[)\s*")
NAV_SEPARATOR_CHARS = "|•·:/-]"  # every separator holds one of these (lines without any are one piece)
# Arrows, brackets and the like around navigation words.
_NAV_TRIM_CHAR = r"[\s<>«»‹›←→⇐⇒|•·:*~=_-]"
NAV_TRIM = lazy(rf"^{_NAV_TRIM_CHAR}+|{_NAV_TRIM_CHAR}+$")
NAV_TRIM_EDGE = lazy(_NAV_TRIM_CHAR)  # a piece whose ends are not this is already trimmed
# A piece in brackets: "[Next]", "(Previous)".
NAV_BRACKETS = lazy(r"^[\[({]\s*(.*?)\s*[\])}]$")

# --- author's notes and disclaimers --------------------------------------------

NOTE = lazy(
    r"^[\s\[(*_~-]*(?:"
    r"a\s*/\s*n\b|a\.\s*n\.|an\s*:|author'?s?'?\s+notes?\b|authors?\s+notes?\b"
    r"|note\s+from\s+the\s+author|(?:end\s+|chapter\s+)?notes?\s*:"
    r"|disclaimer\b|dislaimer\b|warnings?\s*:|beta(?:'?d|\s+read)\s+by\b|dedicated\s+to\b"
    r"|(?:i|we)\s+(?:do\s+not|don'?t|don’t|dont|never\s+will|will\s+never|still\s+don'?t)\s+own\b"
    r"|(?:please\s+)?(?:read\s+and\s+)?review(?:\s+please)?[!.]*$|r\s*&\s*r\b"
    r"|please\s+(?:read\s+and\s+)?review\s*[!.,:]"
    r"|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?(?:for|to)\s+(?:reading|all|everyone|every|my)\b"
    r")",
    _I,
)
