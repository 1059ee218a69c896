"""Person names the tagger misses, found by the title they carry.

"the Deputy Minister of Defense Aleksandar Fomin", "lawmakers Francisco
Torrealba, ...", "including Tomas Guanipa, former envoy of ...": two or three
capitalised words that no entity, gazetteer entry or known word claims, right
after a person's title (within a few words: "Minister of Defense X") or right
before a comma and a title, are a person's name.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import load as load_lexicon
from . import gazetteer as gaz

_WINDOW = 4  # "Deputy Minister of Defense X": the title may stand a few words before the name
_LEADS = {"former", "the", "a", "an", "then", "deputy", "chief", "senior", "top"}


def names(doc: Any) -> list[tuple[int, int]]:
    """Token spans of untagged person names next to a title."""
    heads = _title_heads()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        end = _run_end(doc, i)
        titled = _titled_before(doc, i, heads) or _titled_after(doc, end, heads)
        if end - i >= 2 and titled and _free(doc, i, end):
            whole = end - i == 2 or end - i == 3 and (i == 0 or doc[i - 1].lower_ != "of")
            out.append((i, end) if whole else (end - 2, end))  # "Minister of Defense X Y": X Y
            i = end
        else:
            i += 1
    return out


def _title_heads() -> set[str]:
    """Head words of person titles, singular and plural ('minister', 'lawmakers')."""
    words = {t.split()[-1] for t in load_lexicon("actors")["titles"]} | {"lawmaker", "legislator", "deputy"}
    return words | {w + "s" for w in words}


def _run_end(doc: Any, i: int) -> int:
    """End of the run of capitalised alphabetic proper nouns starting at ``i``."""
    end = i
    while end < len(doc) and doc[end].is_alpha and doc[end].is_title and doc[end].tag_ in ("NNP", "NNPS"):
        end += 1
    return end


def _free(doc: Any, start: int, end: int) -> bool:
    """Nothing else claims the words: no entity of a known kind, no gazetteer name, no title word
    (a place the gazetteer does not know, after a title, is a name the tagger took for one)."""
    g = gaz.load()
    span = doc[start:end]
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "DATE", "LOC") for t in span):
        return False
    heads = _title_heads()
    return g.lookup(span.text) is None and not any(g.lookup(t.text) or t.lower_ in heads for t in span)


def _titled_before(doc: Any, start: int, heads: set[str]) -> bool:
    return any(doc[j].lower_ in heads for j in range(max(0, start - _WINDOW), start))


def _titled_after(doc: Any, end: int, heads: set[str]) -> bool:
    """'X, former envoy of Y': a comma, maybe a determiner or rank, then a title."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    j = end + 1
    while j < len(doc) and doc[j].lower_ in _LEADS:
        j += 1
    return j < len(doc) and doc[j].lower_ in heads
