"""Political events (CAMEO codes with PLOVER type and mode) for the digest.

Runs last: the facts found by the other extractors give their implied events
(``events.from_facts``); quotes are coded with their speaker as the source;
every other sentence goes through the general coder (``events.coder``).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import replace
from typing import Any

from ...model import Event, Evidence
from . import actor_codes, home
from .coder import Coded, Coder, Party
from .from_facts import fact_events, make_event, sentence_date
from .lexicon import load as load_lexicon
from .syntax import pruned, subject_token

NAME = "events.v2"
REQUIRES = {"meetings", "participations", "delegations", "quotes", "positions", "agreements"}
MAX_PER_CLAUSE = 4


def extract(ctx: Any) -> list[Event]:
    """Events of every sentence, the sentence coder's first, then those the other facts imply."""
    coded = _coded_events(ctx)
    derived = fact_events(ctx)
    return [_complete_sides(ctx, e) for e in _dedupe(rank(ctx, coded, derived))]


def _complete_sides(ctx: Any, event: Event) -> Event:
    """Each side with an actor carries the actor's code, and the actor the country its code implies
    (derived events come from facts whose actors the coder never read)."""
    if ctx.actors is None:
        return event
    codes = {}
    for side in ("source", "target"):
        actor_id, code = getattr(event, side), getattr(event, side + "_code")
        if actor_id is None:
            continue
        actor = ctx.actors.get(actor_id)
        if code is None and (actor.cameo or actor.country):
            codes[side + "_code"] = actor.cameo or actor.country
        elif code is not None and actor.country is None:
            actor.country = actor_codes.country_root(code)
    return replace(event, **codes) if codes else event


def _coded_events(ctx: Any) -> list[Event]:
    """The sentence coder's events; in a quote the speaker is the first person."""
    coder = Coder(ctx.actors)
    quotes = ctx.facts.get("quotes", [])
    events: list[Event] = []
    for sent in ctx.doc.sents:
        quote = next((q for q in quotes if q.covers(sent.start_char, sent.end_char)), None)
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
    # the other side's country, when it is a listed actor's (not a thing placed somewhere: "roads in X")
    others = {p.code[:3] for p in coded.targets if p.actor is not None and p.code}
    sources = [_indexed(ctx, p) for p in sources]
    targets = [_indexed(ctx, p) for p in targets]
    if sources == [None]:
        sources = [_unnamed_source(ctx, coded, others)]
    _place_sources(ctx, coded, sources, others)
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


def _unnamed_source(ctx: Any, coded: Coded, others: set[str]) -> Party | None:
    """A subject the index does not list ("Islamic fundamentalists", "striking workers") becomes an
    actor when its clause names one country besides the target's: the event then says whose it is."""
    if ctx.actors is None or not 0 <= coded.verb < len(ctx.doc) or coded.code[:2] == "04":
        return None
    verb = ctx.doc[coded.verb]
    subj = subject_token(verb)
    # a passive agent may be a weapon ("killed by a bomb"), a subject no actor ("the dialogue failed")
    if subj is None or subj.dep_ != "nsubj" or not _agentive(_counted(subj)):
        return None
    country = home.home_country(verb, others, coded.code)
    if country is None:
        return None
    if _counted(subj).lower_ in _SEVERAL_STATES:
        country = None  # "ten other countries": several states, none of them the one named
    span = pruned(subj)
    start, end = span[0].idx, span[-1].idx + len(span[-1])
    text = ctx.doc[span[0].i : span[-1].i + 1].text
    actor = ctx.actors.add(text, "group", start, end, country=country)
    return Party(actor.id, country, text, (start, end))


_QUANTITIES = ("hundreds", "thousands", "dozens", "millions", "scores", "tens")


def _counted(tok: Any) -> Any:
    """The counted noun of a quantity ("hundreds of thousands of people" -> people)."""
    while tok.lower_ in _QUANTITIES or tok.pos_ == "NUM":
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        pobj = of[0] if of else None
        if pobj is None:
            break
        tok = pobj
    return tok


def _agentive(head: Any) -> bool:
    """Can the noun act: a listed actor head ("workers", "supporters"), or a plural that names no event
    ("dockers", not "talks" or "clashes")?"""
    lex = load_lexicon()
    if head.lower_ in lex.sectors or head.lower_ in _actor_heads():
        return True
    named_event = any(c.nouns is not None and c.nouns.fullmatch(head.lower_) for c in lex.classes)
    return head.tag_ == "NNS" and not named_event


@functools.cache
def _actor_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon().raw.get("actor_heads", []))


def _place_sources(ctx: Any, coded: Coded, sources: list[Party | None], others: set[str]) -> None:
    """A source actor with no country takes the one the sentence names besides the target's."""
    if ctx.actors is None or not 0 <= coded.verb < len(ctx.doc) or coded.code[:2] == "04":
        return  # a consultation's place is where the parties met, not where they belong
    unplaced = [ctx.actors.get(p.actor) for p in sources if p is not None and p.actor is not None]
    unplaced = [a for a in unplaced if a.country is None and a.cameo is None and not _international(ctx, a)]
    if not unplaced:
        return
    country = home.home_country(ctx.doc[coded.verb], others, coded.code)
    for actor in unplaced if country is not None else []:
        actor.country = country


_SEVERAL_STATES = ("countries", "nations", "states", "powers", "governments")


def _international(ctx: Any, actor: Any) -> bool:
    """An organisation, or a phrase naming an international one ("Red Cross officials"): no country
    of the places where it acts."""
    if actor.type in ("organization", "igo", "ngo") or actor.name.split()[-1].lower() in _SEVERAL_STATES:
        return True  # "10 additional countries", "major powers": several states, no one home
    inner = {m.actor for start, end in actor.mentions for m in ctx.actors.mentions_in(start, end)}
    return any(ctx.actors.get(i).type in ("igo", "ngo") for i in inner if i != actor.id)


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
    if root is None or party.span is None or party.meeting:
        return party  # "boycotting the talks in Quito": the talks are coded by their venue, no actor
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
