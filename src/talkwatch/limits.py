"""Every bound on the work one input may cause, and the messages that name it: data in one place.

Each limit keeps one step linear in its input or caps a size that no real news
article reaches, so that a hostile file costs seconds and megabytes, never a
hang, a crash or the rest of its batch. README's bad-input paragraph quotes
these numbers; ``tests/hostile`` checks each one.
"""

from __future__ import annotations

from datetime import date, timedelta

# --- sizes ------------------------------------------------------------------------------
#: bytes of one file (JSON Lines corpora excepted: they are streamed line by line) ...
MAX_BYTES = 50_000_000
#: ... and of a saved HTML page or a feed, whose parsers take about 2 s and 1 s a megabyte
MAX_HTML_BYTES = 5_000_000
MAX_FEED_BYTES = 20_000_000
#: bytes of one JSON line
MAX_LINE_BYTES = 5_000_000
#: characters of a body; a longer one is cut at a paragraph break
MAX_CHARS = 100_000
#: characters of YAML front matter (a ``key: value`` header is read line by line, its fields cut)
MAX_HEADER_CHARS = 10_000
#: YAML aliases (``*name``) in front matter: an alias bomb needs dozens
MAX_YAML_ALIASES = 8
#: nesting depth of YAML front matter or a JSON line
MAX_NESTING = 20
#: characters of a title; source and url get MAX_FIELD_CHARS
MAX_TITLE_CHARS = 300
MAX_FIELD_CHARS = 2_000
#: characters of a date string worth handing to the date parser
MAX_DATE_CHARS = 64

# --- shapes that make tokenizing or parsing superlinear -----------------------------------
#: a run of punctuation or symbols (quote marks, emoji) longer than this is cut to this length
MAX_PUNCT_RUN = 20
#: tokens of one sentence: the parser and the extractors slow down with the square of its length
MAX_SENTENCE_TOKENS = 150
#: characters of one word (no space inside): a longer run is split with a space every this many
MAX_WORD_CHARS = 200

# --- plausibility --------------------------------------------------------------------------
#: publication dates before this are taken for a mistake (1970-01-01 is a zero timestamp)
EARLIEST_PUBLISHED = date(1980, 1, 1)
#: how far ahead of today a publication date may be (time zones, embargoes)
LATEST_AHEAD = timedelta(days=2)
#: language detection reads this many characters of the body ...
LANGUAGE_SAMPLE_CHARS = 2_000
#: ... and overrules "en" only with this many letters, when the best language has at least
#: this probability and English's is below that
LANGUAGE_MIN_LETTERS = 12
LANGUAGE_MIN_CONFIDENCE = 0.5
LANGUAGE_MAX_ENGLISH = 0.05
#: the language the extractors read
EXTRACTED_LANGUAGE = "en"


def latest_published(today: date | None = None) -> date:
    """The last plausible publication date."""
    return (today or date.today()) + LATEST_AHEAD


# --- messages (each is one line; ``where`` is "path: " or "path:line: ") -------------------
MESSAGES = {
    "not_regular": "{where}not a regular file ({kind}); only files are read",
    "too_large": "{where}{size:,} bytes is too large for one article (limit {limit:,})",
    "line_too_long": "{where}JSON line longer than {limit:,} bytes",
    "json_broken": "{where}broken JSON line ({reason})",
    "json_not_object": "{where}not a JSON object",
    "json_no_text": "{where}no 'text' field",
    "json_type": "{where}'{field}' is not a string (a JSON {kind})",
    "cannot_read": "{where}cannot read ({reason})",
    "empty": "{where}empty article (no body text)",
    "nul": "{where}text contains NUL bytes (a binary file?); not read",
    "binary": "{where}binary file, not a text article",
    "pdf": "{where}PDF is not supported; convert it to text first",
    "not_utf8": "{where}not UTF-8 (bad byte at offset {offset}); re-encode the file as UTF-8",
    "utf16_no_bom": "{where}looks like UTF-16 without a byte order mark; re-encode the file as UTF-8",
    "surrogate": "{where}text contains a lone surrogate (invalid Unicode)",
    "front_matter": "{where}front matter ignored: {reason}",
    "field_not_text": "{where}header field '{field}' is not text; ignored",
    "field_cut": "{where}{field} longer than {limit:,} characters; cut",
    "body_cut": "{where}article longer than {limit:,} characters; only the first {kept:,} are read",
    "punct_run": "{where}run of {length:,} punctuation marks or symbols cut to {limit}",
    "long_word": "{where}word of {length:,} characters split every {limit}",
    "date_unreadable": "{where}unreadable date {text!r}; relative dates stay unresolved",
    "date_implausible": (
        "{where}implausible publication date {value} (outside {earliest}..{latest}); "
        "ignored, relative dates stay unresolved"
    ),
    "language": "{where}language {language} detected; only English is extracted, stored without facts",
    "language_header": "{where}header says language {header} but the text reads as {detected}",
}


def message(key: str, **fields: object) -> str:
    """The one-line message ``key`` filled with ``fields``."""
    return MESSAGES[key].format(**fields)
