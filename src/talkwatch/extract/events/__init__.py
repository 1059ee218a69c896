"""Political events (CAMEO codes with PLOVER type and mode) for the digest.

Runs last: the facts found by the other extractors give their implied events
(``events.from_facts``); quotes are coded with their speaker as the source;
every other sentence goes through the general coder (``events.coder``).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any

from ...model import Event, Evidence
from . import actor_codes
from .coder import Coded, Coder, Party
from .from_facts import fact_events, make_event, sentence_date

NAME = "events.v1"
REQUIRES = {"meetings", "participations", "delegations", "quotes", "positions", "agreements"}
MAX_PER_CLAUSE = 4


def extract(ctx: Any) -> list[Event]:
    """Events of every sentence, the sentence coder's first, then those the other facts imply."""
    coded = _coded_events(ctx)
    derived = fact_events(ctx)
    return _dedupe(rank(ctx, coded, derived))


def _coded_events(ctx: Any) -> list[Event]:
    """The sentence coder's events; in a quote the speaker is the first person."""
    coder = Coder(ctx.actors)
    quotes = ctx.facts.get("quotes", [])
    events: list[Event] = []
    for sent in ctx.doc.sents:
        quote = next((q for q in quotes if q.start < sent.end_char and sent.start_char < q.end), None)
        coder.first_person = _speaker(ctx, quote) if quote is not None else None
        fact = "sentence" if quote is None else "quote"
        for coded in coder.code_sentence(sent):
            events.extend(to_events(ctx, coded, Evidence.from_span(sent), fact))
    return events


def rank(ctx: Any, coded: list[Event], derived: list[Event]) -> list[Event]:
    """One list in text order; in each sentence the coder's events come first.

    The coder reads the sentence's own predicate, so its first event is the sentence's main event; an
    event implied by a fact (a participation, a position) is kept after it, and dropped when the coder
    coded the same source doing something of another PLOVER type in that sentence: the fact's reading
    of the sentence then contradicts a better-supported one.
    """
    starts = [sent.start_char for sent in ctx.doc.sents]
    main: dict[int, Event] = {}
    for event in coded:
        main.setdefault(_sentence_of(starts, event), event)
    kept = [e for e in derived if not _contradicts(e, main.get(_sentence_of(starts, e)))]
    tagged = [(_sentence_of(starts, e), 0, i, e) for i, e in enumerate(coded)]
    tagged += [(_sentence_of(starts, e), 1, i, e) for i, e in enumerate(kept)]
    return [e for *_, e in sorted(tagged, key=lambda t: t[:3])]


def _sentence_of(starts: list[int], event: Event) -> int:
    return bisect.bisect_right(starts, event.evidence.start) - 1


def _contradicts(derived: Event, main: Event | None) -> bool:
    if main is None or main.plover == derived.plover:
        return False
    return derived.source is not None and derived.source == main.source


def to_events(ctx: Any, coded: Coded, evidence: Evidence, fact: str = "sentence") -> list[Event]:
    """One event per source x target pair of a coded clause (a few at most)."""
    sources: list[Party | None] = list(coded.sources) or [None]
    targets: list[Party | None] = list(coded.targets) or [None]
    out = []
    date = sentence_date(ctx, evidence)
    sources = [_indexed(ctx, p) for p in sources]
    targets = [_indexed(ctx, p) for p in targets]
    for s in sources:
        # a side that is also the source ("X reneged on his commitment") is no target of X's event
        own = [t for t in targets if not _same(s, t)]
        for t in own or [None]:
            ev = make_event(
                ctx,
                coded.code,
                evidence,
                source=s.actor if s else None,
                target=t.actor if t else None,
                mode=coded.mode,
                date=date,
                location=coded.location,
                fact=fact,
                source_code=s.code if s else None,
                target_code=t.code if t else None,
            )
            if ev is not None:
                out.append(ev)
    return out[:MAX_PER_CLAUSE]


def _same(s: Party | None, t: Party | None) -> bool:
    """Do two sides name the same actor (or, without actors, the same code)?"""
    if s is None or t is None:
        return False
    if s.actor is not None or t.actor is not None:
        return s.actor == t.actor
    return s.code == t.code


def _indexed(ctx: Any, party: Party | None) -> Party | None:
    """The party with an actor of the index whenever its code names a country or an IGO.

    The coder codes phrases the actor finder does not list ("French warships", "Afghan rebel leaders");
    an event whose side has a code but no actor would tell a reader the country only through the code,
    so the phrase becomes an actor of its own. A known actor without a country takes the code's root.
    """
    if party is None or party.code is None or ctx.actors is None:
        return party
    root = actor_codes.country_root(party.code)
    if party.actor is not None:
        actor = ctx.actors.get(party.actor)
        if actor.country is None and root is not None:
            actor.country = root
        return party
    if root is None or party.span is None:
        return party
    kind = actor_codes.actor_type(party.code)
    actor = ctx.actors.add(party.text, kind, *party.span, country=root, cameo=party.code)
    return replace(party, actor=actor.id)


def _speaker(ctx: Any, quote: Any) -> list[Party] | None:
    if not quote.speaker or ctx.actors is None:
        return None
    try:
        actor = ctx.actors.get(quote.speaker)
    except KeyError:
        return None
    return [Party(actor.id, actor.cameo or actor.country, quote.speaker_text or actor.name)]


def _dedupe(events: list[Event]) -> list[Event]:
    seen = set()
    out = []
    for e in events:
        key = (e.cameo, e.source, e.target, e.source_code, e.target_code, e.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
