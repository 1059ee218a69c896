"""The country an event's source belongs to when neither the actor index nor the phrase says.

Event coders (and the PLOVER gold records: "actor primary codes were inferred from these
locations") read an unplaced actor as belonging to the one country the sentence places the event
in or names: "rebels blocked roads in Algiers", "the president extended the curfew in Abidjan",
"the court opened an inquiry into Chilean officials". The country is taken only when the sentence
names exactly one, apart from the other side's: two candidates, or none, leave the actor unplaced.
"""

from __future__ import annotations

from typing import Any

from ...actors import gazetteer as gaz

_PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
# adjuncts that bring in another event and its participants ("withdrew after French air strikes")
_OTHER_EVENT = ("after", "before", "following", "despite", "amid", "since", "during")
# a meeting's venue is often abroad: it places the meeting, not its participants
_MEETINGS = ("talks", "talk", "negotiations", "meeting", "meetings", "summit", "conference", "round")


def sentence_countries(sent: Any) -> list[str]:
    """Countries a sentence (or clause span) names, in text order: states, capitals, places, demonyms."""
    try:
        g = gaz.load()
    except Exception:  # gazetteer data missing: no country is read from words
        return []
    out: list[str] = []
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS or _elsewhere(ent.root) or _locative(ent.root):
            continue  # a place the event happens at is read by _located, for acts done at home
        if _counterpart(ent.root):
            continue  # "his invitation to Iran", "talks with Israel": the other side, not the actor's home
        country = _country_of(g, ent.text)
        if country is not None and country not in out:
            out.append(country)
    return out


def _country_of(g: Any, text: str) -> str | None:
    name = text[4:] if text.lower().startswith("the ") else text
    name = name[:-2] if name.endswith(("'s", "’s")) else name
    entry = g.lookup(name)
    if entry is not None and entry.type == "state" and entry.country:
        return str(entry.country)
    capital = g.capital_of(name)
    if capital is not None and capital.country:
        return str(capital.country)
    place = g.place(name)
    if place is not None:
        return str(place[1])
    entry = g.demonym(name)
    return str(entry.country) if entry is not None and entry.country else None


_LOCATIVE = ("in", "at", "near", "outside", "inside", "across", "around", "into", "throughout")


def _locative(tok: Any) -> bool:
    """Is the word the object of a place preposition ("in Lahore and Delhi")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE


_COUNTERPART = ("to", "with", "against", "toward", "towards")


def _counterpart(tok: Any) -> bool:
    """Is the word (itself, not a modifier of another noun) the object of a relational preposition?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _COUNTERPART


def _elsewhere(tok: Any) -> bool:
    """Is the word inside an adjunct about another event, or a meeting's venue ("talks in Geneva")?"""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" and anc.lower_ in _OTHER_EVENT:
            return True
        if anc.dep_ == "prep" and anc.lower_ in ("in", "at") and anc.head.lower_ in _MEETINGS:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


# CAMEO roots of acts done where the actor is (yield, threaten, protest .. assault); talks, visits,
# appeals and agreements are often made abroad, at a venue that says nothing of the parties
_DONE_AT_HOME = ("08", "13", "14", "15", "17", "18", "19", "20")


def home_country(verb: Any, others: set[str], code: str = "") -> str | None:
    """The one country the event's clause places it in (for acts done at home), else the one it
    names besides ``others`` (the other side's); None when there are several or none.

    The clause is the predicate's subtree: an attribution around it ("..., a spokeswoman for the
    US embassy said") places the speaker, not the event.
    """
    clause = verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
    places = _located(clause) if code[:2] in _DONE_AT_HOME else []
    if len(set(places)) == 1:
        return places[0]
    left = [c for c in sentence_countries(clause) if c not in others]
    return left[0] if len(left) == 1 else None


def _located(clause: Any) -> list[str]:
    """Countries of the places the clause's locative phrases name ("in Algiers", "near Basra")."""
    try:
        g = gaz.load()
    except Exception:  # gazetteer data missing: no country is read from words
        return []
    out = []
    for ent in clause.ents:
        # any entity label: a tagger may take a capital for an organisation; the gazetteer decides
        if _locative(ent.root) and not _elsewhere(ent.root):
            country = _country_of(g, ent.text)
            if country is not None:
                out.append(country)
    return out
