"""Text is data: make article text safe to tokenize, to print in a terminal and to show in a page.

Three audiences, three functions:

- ``normalize_body`` runs once when an article is read, before its id is taken:
  it removes invisible characters that split words and cuts runs of
  punctuation or symbols, the one shape that makes spaCy's tokenizer quadratic;
- ``for_terminal`` is applied to every piece of article text the CLI prints:
  rich markup is escaped, control characters (escape sequences) and bidi
  controls are dropped, so a title can neither restyle nor rewrite the screen;
- ``isolate_bidi`` is the dashboard's: an override inside a name cannot
  reverse the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.markup import escape
from rich.text import Text

from .limits import MAX_PUNCT_RUN, MAX_WORD_CHARS, message

# U+200B zero width space, U+2060 word joiner, U+FEFF (a BOM inside text), U+00AD soft hyphen:
# invisible, and each one splits a word in two for the tokenizer
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# zero width (non-)joiners matter in Arabic, Persian and emoji sequences, not between Latin letters
_JOINER_IN_LATIN = re.compile(r"(?<=[A-Za-z])[\u200c\u200d](?=[A-Za-z])")
# a run of punctuation or symbols (not letters, digits, "_" or spaces) past the limit
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
# a word (no space inside) past the limit: each extractor pattern run over a token costs its length
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
# C0/C1 controls except tab and newline, and DEL
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) and the marks LRM RLM ALM
_BIDI_CHARS = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
               "\u2069", "\u200e", "\u200f", "\u061c")
_BIDI = re.compile("[" + "".join(_BIDI_CHARS) + "]")

Warn = Callable[[str], None]


def normalize_body(body: str, *, where: str = "", on_warning: Warn | None = None) -> str:
    """The body the pipeline reads: invisible word-splitters removed, long punctuation runs cut,
    words longer than any real one split."""
    body = _JOINER_IN_LATIN.sub("", _INVISIBLE.sub("", body))
    body, longest = _replace(_PUNCT_RUN, body, lambda run: run[:MAX_PUNCT_RUN])
    if longest and on_warning:
        on_warning(message("punct_run", where=where, length=longest, limit=MAX_PUNCT_RUN))
    body, longest = _replace(_LONG_WORD, body, _split_word)
    if longest and on_warning:
        on_warning(message("long_word", where=where, length=longest, limit=MAX_WORD_CHARS))
    return body


def _replace(pattern: re.Pattern[str], text: str, change: Callable[[str], str]) -> tuple[str, int]:
    """``pattern.sub`` with ``change`` on each match, and the length of the longest match."""
    longest = 0

    def one(match: re.Match[str]) -> str:
        nonlocal longest
        longest = max(longest, len(match.group()))
        return change(match.group())

    return pattern.sub(one, text), longest


def _split_word(word: str) -> str:
    return " ".join(word[i : i + MAX_WORD_CHARS] for i in range(0, len(word), MAX_WORD_CHARS))


def plain(text: str) -> str:
    """Text without control or bidi characters (tabs and newlines kept)."""
    return _BIDI.sub("", _CONTROL.sub("", text))


def for_terminal(text: object) -> str:
    """Article text to place inside a rich markup string: markup escaped, no escape sequences or bidi
    controls. (A trailing backslash is doubled so that it cannot escape the markup that follows.)"""
    return escape(plain("" if text is None else str(text)))


def as_text(text: object) -> Text:
    """Article text as a rich ``Text`` for a table cell: never parsed as markup at all."""
    return Text(plain("" if text is None else str(text)))


def one_line(text: object) -> str:
    """A message for stderr: plain text on one line (newlines of hostile names become spaces)."""
    return plain(str(text)).replace("\n", " ").replace("\t", " ")


def isolate_bidi(text: object) -> str:
    """Text for a web page: bidi controls dropped (the page isolates each field with ``dir=auto``).

    A page calls this thousands of times, mostly on text without any: ASCII text (``isascii``
    is a flag CPython keeps) and text where none of the few characters is found (a search per
    character is several times faster than the pattern over a long cell) skip the pattern."""
    s = "" if text is None else str(text)
    if s.isascii() or not any(c in s for c in _BIDI_CHARS):
        return s
    return _BIDI.sub("", s)
