"""A gazetteer entry and the normalized form its names are looked up by."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_ACRONYM = re.compile(r"^[A-Z0-9&]{2,5}$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "\u00b4": "'", "\u2010": " ", "\u2011": " ", "\u2012": " ",
                              "\u2013": " ", "\u2014": " ", "-": " ", ".": ""})


@dataclass(frozen=True)
class Entry:
    """One known actor: a state, body, group or person."""

    key: str
    name: str
    type: str
    country: str | None = None
    cameo: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    title: str | None = None
    affiliation: str | None = None
    process: str | None = None

    def forms(self) -> tuple[str, ...]:
        """The name and every alias: what the text may call this entry."""
        return (self.name, *self.aliases)


@functools.lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The surface form used as a dict key, before case folding.

    Accents are stripped, apostrophes straightened, dots dropped, hyphens and
    dashes read as spaces, spaces collapsed and a leading "the" removed.
    Cached: the resolver asks for the same few hundred forms again and again.
    """
    if text.isascii():  # fast path: str.replace beats a translate table
        plain = text.replace(".", "").replace("-", " ").replace("`", "'")
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        plain = plain.translate(_APOSTROPHES)
    plain = " ".join(plain.split())
    return plain[4:] if plain[:4].lower() == "the " else plain


def is_acronym(form: str) -> bool:
    """A short all-capital form ("UN", "M23", "AT&T"): it only matches a query that may be one."""
    return bool(_ACRONYM.match(form)) and any(c.isalpha() for c in form)
