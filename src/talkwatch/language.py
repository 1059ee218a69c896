"""The language of an article, detected offline with py3langid.

The extractors read English only; an Arabic, Russian or Chinese article run
through them gives junk facts. py3langid (a maintained fork of langid.py, a
4.5 MB model inside the wheel) was picked over lingua-language-detector
(96 MB): both named all 40 of our short openings in ten languages correctly,
py3langid in 0.2-0.3 ms each against 2-380 ms and a 4 s load. Detection reads
the opening of the body and overrules "en" only with enough letters and
confidence, so a short English brief full of names keeps its label.
"""

from __future__ import annotations

import functools
from typing import Any

from . import limits


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect(text: str) -> str | None:
    """The code of the text's language when it is surely not English, else None (English or unsure).

    The model's probabilities are shared among close varieties (English and
    Nigerian Pidgin, Arabic and its dialects), so the test is on English's own
    share: text is taken for another language only when English gets almost none.
    """
    sample = text[: limits.LANGUAGE_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < limits.LANGUAGE_MIN_LETTERS:
        return None
    ranked = _identifier().rank(sample)
    english = dict(ranked).get(limits.EXTRACTED_LANGUAGE, 0.0)
    best, confidence = str(ranked[0][0]), ranked[0][1]
    sure = confidence >= limits.LANGUAGE_MIN_CONFIDENCE and english < limits.LANGUAGE_MAX_ENGLISH
    return best if sure and best != limits.EXTRACTED_LANGUAGE else None


def is_extracted(language: str | None) -> bool:
    """Whether the extractors read this language (missing means English, the default)."""
    return (language or limits.EXTRACTED_LANGUAGE).split("-")[0].lower() == limits.EXTRACTED_LANGUAGE
