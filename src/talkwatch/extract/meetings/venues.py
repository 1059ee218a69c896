"""Where a meeting takes place: venues from the meeting noun, its verb, or the dateline.

"the Geneva talks", "talks in Doha", "a meeting in the Turkish resort of Antalya",
"consultations expected to open in Stockholm", "in the Ethiopian capital";
a city the gazetteer lacks is still a venue when the parser tags it as a place.
"""

from __future__ import annotations

import re
from typing import Any

from ... import nlp
from ...actors import gazetteer as gaz
from ...context import Context
from ...model import Meeting
from .. import _clauses as clauses


def venue(ctx: Context, tok: Any) -> tuple[str | None, str | None]:
    """The city a meeting noun names: compound ('Geneva talks') or 'in/at City'."""
    g = gaz.load()
    candidates = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod", "npadvmod")]
    after = _after_head(tok)
    if after[0]:  # "a Darfur rebel meeting in Juba": the place named after the noun is the venue
        return after
    for c in candidates:
        ent = entity_text(c)
        place = g.place(ent) if ent else None
        if place and (place[0] or c.i == tok.i - 1):  # "the Syria peace conference": its theme
            return place
    for c in candidates:  # "the Shepherdstown talks": a town the gazetteer lacks
        adjacent = c.i == tok.i - 1  # "Darfur rebel talks": a region, not the venue
        ent = entity_text(c) if c.ent_type_ in ("GPE", "FAC") and adjacent else None
        if ent and g.lookup(ent) is None and g.demonym(ent) is None:
            return ent, None
    return after


def _after_head(tok: Any) -> tuple[str | None, str | None]:
    """'talks in Doha', 'round of talks in X', 'meeting held at Y': the place after the noun."""
    inner = [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for c in [*tok.rights, *(r for i in inner for r in i.rights)]:  # "talks in Doha", "round of talks in X"
        preps = [c] if c.dep_ == "prep" else _clause_preps(c) if c.dep_ == "acl" else []
        for prep in (p for p in preps if p.lower_ in VENUE_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                found = place_of(obj)
                if found != (None, None):
                    return found
    return None, None


def _clause_preps(clause: Any) -> list[Any]:
    """'talks held in X', 'talks scheduled to begin at Y in X': the phrases of a clause
    on the noun and of the verbs it chains to."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    return [p for v in verbs for p in v.children if p.dep_ == "prep"]


def other_venues(ctx: Context, tok: Any, past: bool) -> list[tuple[str, str | None, str | None, str | None]]:
    """'their October 6 meetings in Prague and October 31 in Sochi', 'attempts at dialogue in
    Oslo and Barbados' (earlier meetings): each further place of a plural noun names a meeting of its own, as
    (place text, city, country, the day told before it)."""
    preps = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in VENUE_PREPS]
    objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj" and past]  # 'in Oslo and Barbados'
    found = sorted(((o, place_of(o)) for o in objs), key=lambda pair: pair[0].i)
    found = [(o, place) for o, place in found if place != (None, None)]
    out: list[tuple[str, str | None, str | None, str | None]] = []
    for (before, first), (obj, (city, country)) in zip(found, found[1:], strict=False):
        if (city, country) == found[0][1] or (city, country) == first and not city:
            continue
        day = next((d.value for d in ctx.dates_in(before.idx + len(before), obj.idx) if d.value), None)
        out.append((entity_text(obj) or obj.text, city, country, day))
    return out if tok.tag_ == "NNS" else []


def verb_venue(ctx: Context, tok: Any) -> tuple[str | None, str | None]:
    """'talks will be held in Doha', 'consultations expected to open in Stockholm',
    'on his way to Naivasha for talks', 'invited the rivals to Doha for talks'."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "for":
        found = _destination(tok.head.head, tok)
        if found != (None, None):
            return found
    purpose = purpose_of(tok)
    if purpose is not None:  # "arrived in Doha for what is billed as the first talks"
        found = clause_venue(purpose)
        if found != (None, None):
            return found
    for verb in clauses.governing_verbs(tok):
        found = clause_venue(verb, tok)
        if found != (None, None):
            return found
    return None, None


def phrase_city(tok: Any, heads: set[str]) -> tuple[str | None, str | None]:
    """'talks scheduled to begin on Friday ... at the UN headquarters in Geneva': a city
    named anywhere in the meeting's own phrase, outside relative clauses and other meetings."""
    skip = {
        t.i
        for c in tok.subtree
        if c.i != tok.i and (c.dep_ == "relcl" or c.lower_ in heads or _topic(c))
        for t in c.subtree
    }
    for prep in (t for t in tok.subtree if t.i not in skip and t.dep_ == "prep" and t.lower_ in VENUE_PREPS):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found = place_of(obj)
            if found[0]:
                return found
    return None, None


def purpose_of(tok: Any) -> Any:
    """The verb a meeting is the purpose of: 'arrived in X for talks', also through a
    free relative that names them ('for what is described as talks')."""
    node = tok
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "pcomp", "oprd", "attr") or node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "prep" and node.lower_ == "for" and node.head.pos_ == "VERB":
            return node.head
    return None


def _destination(verb: Any, meeting: Any) -> tuple[str | None, str | None]:
    """The place a 'to' phrase of the verb (or of its object) names, outside the meeting noun."""
    inside = {t.i for t in meeting.subtree}
    near = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "pobj", "prep"))]
    near += [g for c in near[1:] for g in c.children if g.dep_ == "pobj"]
    for prep in (c for t in near for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.i not in inside):
            found = place_of(obj)
            if found != (None, None):
                return found
    return None, None


def _topic(tok: Any) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _TOPIC_PREPS


def clause_venue(verb: Any, meeting: Any = None) -> tuple[str | None, str | None]:
    """The place a verb's 'in/at' phrase names: 'was to begin in Mexico' (not a place
    inside the meeting's own name: 'take part in the Syria peace conference')."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None, None
    adverbs = [c for c in verb.children if c.dep_ == "advmod"]  # 'scheduled later in Havana'
    preps = [c for a in [verb, *adverbs] for c in a.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS]
    for obj in (o for p in preps for o in p.children if o.dep_ == "pobj"):
        if meeting is not None and meeting.i in {t.i for t in obj.subtree}:
            continue
        found = place_of(obj)
        if found != (None, None):
            return found
    return None, None


def place_of(obj: Any) -> tuple[str | None, str | None]:
    """A city (with its country), a state's capital ('the Ethiopian capital'), or a country."""
    g = gaz.load()
    named = [a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    if obj.lemma_ == "capital" and named:  # "the capital, Juba"
        found = place_of(named[0])
        if found != (None, None):
            return found
    if obj.lemma_ == "capital":
        for tok in obj.subtree:
            state = g.demonym(tok.text) or g.lookup(re.sub(r"[’']s$", "", tok.text))
            if state is not None and state.type == "state" and state.capital:
                return g.place(state.capital) or (state.capital, state.country)
    for tok in obj.subtree:
        text = entity_text(tok)
        if text and g.place(text):
            return g.place(text)
    for tok in obj.subtree:  # "the Gomel Region of Belarus": the city inside a region's name
        if tok.pos_ == "PROPN" and g.place(tok.text):
            return g.place(tok.text)
    for tok in obj.subtree:
        text = entity_text(tok)
        entry = g.lookup(text) if text else None
        if entry is not None and entry.type == "state":
            return None, entry.country
    return _unknown_city(obj)


def _unknown_city(obj: Any) -> tuple[str | None, str | None]:
    """A place the gazetteer lacks: 'in the Spanish city of Granada' -> (Granada, ESP)."""
    g = gaz.load()
    ents = [
        e
        for e in obj.doc.ents
        if e.label_ == "GPE" and obj.left_edge.i <= e.start and e.end <= obj.right_edge.i + 1
    ]
    if not ents or g.lookup(ents[0].text) is not None:
        return None, None
    country = None
    for tok in obj.subtree:
        state = g.demonym(tok.text)
        if state is not None and state.type == "state":
            country = state.country
    return re.sub(r"[’']s$", "", ents[0].text), country


def entity_text(tok: Any) -> str | None:
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "WORK_OF_ART", "NORP"):
        ent = nlp.entity_at(tok)  # not doc.ents: it rebuilds every entity per call
        if ent is not None:
            return re.sub(r"[’']s$", "", ent.text)
    return tok.text if tok.text[:1].isupper() else None


def processes(ctx: Context, lex: dict[str, Any]) -> dict[str, str]:
    """'the Doha process' -> {'Doha': 'Doha process'}: process names by city."""
    g = gaz.load()
    out: dict[str, str] = {}
    for tok in ctx.tokens:
        if tok.lower_ in lex["process_heads"] and tok.pos_ == "NOUN":
            for c in tok.lefts:
                place = g.place(entity_text(c) or "")
                if place and place[0] not in out:
                    out[place[0]] = f"{place[0]} {tok.lower_}"
    return out


def dateline_venue(ctx: Context, meetings: list[Meeting]) -> None:
    """'ARUSHA, Tanzania (Reuters) - Peace talks ... were postponed': when no meeting of the
    report names a venue, talks reported from a dateline city are placed there."""
    if any(m.city or m.country for m in meetings):
        return
    place = dateline_place(ctx)
    if place is None:
        return
    for meeting in meetings:
        if not meeting.past:
            meeting.city, meeting.country = place


def dateline_place(ctx: Context) -> tuple[str | None, str | None] | None:
    """The (city, country) of the report's dateline, if it names a known place."""
    match = re.match(_DATELINE, ctx.body[:80])
    return gaz.load().place(match.group(1).strip().title()) if match else None


# 'ARUSHA, Tanzania (Reuters) -', 'Santo Domingo, Jan 12 (efe) -', 'Palermo, Italy –': a place
# in capitals or title case, an optional country or date after a comma, then a credit or a dash.
_DATELINE = re.compile(
    r"\s*([A-Z][A-Za-z .'\-]+?)(?:/[A-Z .'\-]+)?(?:,[^(\-\u2013\u2014]*)?\s*(?:\(|-|\u2013|\u2014)"
)

# Prepositions of what a meeting is about or for ("talks on the crisis in Darfur"): a place
# inside them is no venue.
_TOPIC_PREPS = ("on", "about", "over", "of", "concerning", "regarding", "for", "to", "from", "against")

# Prepositions that place a meeting ("talks in Doha", "held near Washington").
VENUE_PREPS = ("in", "at", "near", "outside")
