"""Meetings told by their verb: 'Aliyev and Pashinyan met in Prague', 'agreed to meet again'.

A meeting verb names a meeting when the clause gives its place (or says 'again') and
no meeting noun of the clause already tells it; one body meeting by itself is no meeting.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from .. import _clauses as clauses
from . import mentions, venues


def verb_mentions(ctx: Context, lex: dict[str, Any]) -> list[mentions._Mention]:
    """'Aliyev and Pashinyan met in Prague', 'the emir will host them in Doha': a meeting
    named by its verb and place, when no meeting noun of the clause names one."""
    heads = set(lex["heads"])
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_ not in lex["meeting_verbs"]:
            continue
        if mentions.names_meeting(tok, heads) or clauses.negated(tok):
            continue
        found = _verb_place(tok)
        again = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "again"), None)
        if found is None and again is not None and tok.lemma_ == "meet" and not _one_side(tok):
            # 'agreed to meet again soon'
            m = mentions._Mention(tok, tok.i, again.i + 1, verb=True, later=True)
            m.extras["names"] = [ctx.doc[tok.i : again.i + 1].text, "next meeting"]
            out.append(m)
            continue
        if found is None and tok.lemma_ in lex["gathering_verbs"] and _sides_gather(tok, lex):
            found = _reported_from(ctx, tok)  # 'BEIJING - ... his counterparts gathered to plan talks'
        if found is None or _one_side(tok):
            continue
        obj, place = found
        m = mentions._Mention(tok, tok.i, tok.i + 1, verb=True)
        if obj is tok:  # a gathering placed by the dateline: beside the talks it prepares, not them
            m.extras["pair"] = ("gathering", tok.i)  # keyed apart from people's encounters
        m.city, m.country = place
        where = m.city or next((venues.entity_text(t) for t in obj.subtree if t.ent_type_ in _PLACES), None)
        said = [ctx.doc[tok.i : obj.i + 1].text] if obj.i - tok.i < 8 else []
        m.extras["names"] = [f"meeting in {where}", f"{where} meeting", *said] if where else []
        m.extras["names"] += ["gathering", f"{where} gathering"] if obj is tok else []
        out.append(m)
    return out


_PLACES = ("GPE", "LOC")
_AT = ("in", "at")


def _sides_gather(verb: Any, lex: dict[str, Any]) -> bool:
    """'his counterparts from A, B and C gathered': people who speak for sides come together
    (envoys, counterparts, delegates; not 'protesters gathered'), with no object, told as
    done or going on, not planned."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    plural = subj is not None and subj.tag_ == "NNS" and subj.lemma_.lower() in lex["gathering_people"]
    objects = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return plural and not objects and not clauses.future(verb) and verb.tag_ in ("VBD", "VBZ", "VBP", "VBG")


def _reported_from(ctx: Context, verb: Any) -> tuple[Any, tuple[str | None, str | None]] | None:
    """A gathering told with no place of its own is where the report is filed from."""
    place = venues.dateline_place(ctx)
    return (verb, place) if place is not None and place != (None, None) else None


def _one_side(verb: Any) -> bool:
    """'the coalition met in Istanbul': one body meeting by itself, not talks between sides
    (a plural or coordinated subject, an object or a 'with' side makes it a meeting)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ not in ("NN", "NNP") or any(c.dep_ == "conj" for c in subj.children):
        return False
    sides = [c for c in verb.children if c.dep_ in ("dobj", "dative") or c.lower_ == "with"]
    return not sides


def _verb_place(verb: Any) -> tuple[Any, tuple[str | None, str | None]] | None:
    """The place object of a meeting verb's 'in/at' phrase, with the venue it names."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in venues.VENUE_PREPS]
    preps += [c for o in _people_met(verb) for c in o.children if c.dep_ == "prep" and c.lower_ in _AT]
    for obj in (o for pr in preps for o in pr.children if o.dep_ == "pobj"):
        place = venues.place_of(obj)
        if place != (None, None):
            return obj, place
    return None


def _people_met(verb: Any) -> list[Any]:
    """'met the chief negotiator, Anton Bala, in Paris': the parser often hangs the place on the
    person met (after an apposition); a person is not named by a city, so the place is the
    meeting's. Only objects that name a person (an apposed or tagged PERSON) count."""
    objs = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_ == "meet" else []
    return [o for o in objs if any(t.ent_type_ == "PERSON" for t in [o, *o.children])]
