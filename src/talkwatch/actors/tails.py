"""Officers' names the tagger swallowed into an organisation entity.

"President of the National Assembly Jorge Rodriguez" often comes back as one
ORG entity; the name-shaped tail after the body's head word is a person.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import load as load_lexicon
from . import gazetteer as gaz


def person_tail(doc: Any, start: int, end: int) -> int:
    """Where a name-shaped tail (two or three capitalised words, none a body's head word nor a
    known place or organisation; or a known person's name) begins after a body's head word in one
    ORG entity; else end."""
    heads = set(load_lexicon("actors")["body_heads"])
    g = gaz.load()
    for size in (3, 2):
        cut = end - size
        if cut - 1 < start or doc[cut - 1].lower_ not in heads:
            continue
        tail = doc[cut:end]
        shaped = all(t.is_alpha and t.is_title and t.lower_ not in heads for t in tail)
        known = g.lookup(tail.text)
        if known is not None and known.type == "person":
            return cut  # a known officer: "the National Assembly Jorge Rodriguez"
        if shaped and known is None and not any(g.lookup(t.text) for t in tail):
            return cut
    return end
