"""States named by nationality adjectives ('Syrian', 'Ukrainian'): the actor for the state,
added to the index when the text names it only by its adjective."""

from __future__ import annotations

from typing import Any

from ...actors import gazetteer as gaz
from ...context import Context


def state_of(ctx: Context, tok: Any, *, tagged: bool = True) -> str | None:
    """The state actor a nationality word names, if it is one ('Syrian' -> Syria). With
    ``tagged``, only for words the tagger took for a nationality or place; without, for any
    adjective or name (the second half of 'Syrian-Israeli', which the tagger often misses)."""
    if tok.ent_type_ not in ("NORP", "GPE") and (tagged or tok.pos_ not in ("ADJ", "PROPN")):
        return None
    entry = gaz.load().demonym(tok.text)
    if entry is None or entry.type != "state":
        return None
    known = next((a for a in ctx.actors.actors if a.key == entry.key), None)
    actor = known or ctx.actors.add(
        entry.name, entry.type, tok.idx, tok.idx + len(tok), key=entry.key, country=entry.country
    )
    return actor.id
