"""Name normalization shared by actor resolution, evaluation and the store.

Names compare equal after case-folding, straightening quotes, dropping
possessives, punctuation and a leading "the" (the rule of the gold format).
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^\w\s]")
_PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "bin", "ibn", "abu", "ul", "la", "le", "du"}


def name_key(text: str) -> str:
    """Case-folded, punctuation-free form of a name, without a leading 'the'."""
    s = unicodedata.normalize("NFKC", str(text)).replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').casefold()
    s = re.sub(r"'s\b", "", s)
    words = _DROP.sub(" ", s).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _core_words(name: str) -> list[str]:
    """Words of a personal name with particles (al-, de, bin) dropped."""
    words = name_key(name.replace("-", " ")).split()
    return [w for w in words if w not in _PARTICLES]


def surname_of(full: str, short: str) -> bool:
    """True when ``short`` names the same person as ``full`` by surname ("Van der Berg")."""
    full_words, short_words = _core_words(full), _core_words(short)
    if not short_words or len(short_words) >= len(full_words):
        return False
    return full_words[-len(short_words) :] == short_words


def acronym(name: str) -> str:
    """Initials of the capitalized words: 'High Negotiations Committee' -> 'HNC'."""
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_FILLER = {"of", "and", "for", "the", "in", "on", "to"}


def content_words(name: str) -> frozenset[str]:
    """The words of a name that carry identity (no 'of', 'and', 'the')."""
    return frozenset(w for w in name_key(name.replace("-", " ")).split() if w not in _FILLER)


def short_form_of(short: str, full: str) -> bool:
    """'National Coalition', 'Opposition National Coalition' shorten 'National Coalition of Syrian
    Revolution and Opposition Forces': two content words or more, all of them in the longer name."""
    words = content_words(short)
    return len(words) >= 2 and words < content_words(full)
