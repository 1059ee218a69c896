"""Political events (CAMEO codes with PLOVER type and mode) for the digest.

Runs last: the facts found by the other extractors give their implied events
(``events.from_facts``); quotes are coded with their speaker as the source;
every other sentence goes through the general coder (``events.coder``).
"""

from __future__ import annotations

from typing import Any

from ...model import Event, Evidence
from .coder import Coded, Coder, Party
from .from_facts import fact_events, make_event, sentence_date

NAME = "events.v1"
REQUIRES = {"meetings", "participations", "delegations", "quotes", "positions", "agreements"}
MAX_PER_CLAUSE = 4


def extract(ctx: Any) -> list[Event]:
    events = fact_events(ctx)
    covered = _covered(ctx)
    coder = Coder(ctx.actors)
    quotes = ctx.facts.get("quotes", [])
    for sent in ctx.doc.sents:
        quote = next((q for q in quotes if q.start < sent.end_char and sent.start_char < q.end), None)
        if quote is not None:
            speaker = _speaker(ctx, quote)
            coder.first_person = speaker
            fact = "quote"
        elif any(s < sent.end_char and sent.start_char < e for s, e in covered):
            continue
        else:
            coder.first_person = None
            fact = "sentence"
        for coded in coder.code_sentence(sent):
            events.extend(to_events(ctx, coded, Evidence.from_span(sent), fact))
    return _dedupe(events)


def to_events(ctx: Any, coded: Coded, evidence: Evidence, fact: str = "sentence") -> list[Event]:
    """One event per source x target pair of a coded clause (a few at most)."""
    sources: list[Party | None] = list(coded.sources) or [None]
    targets: list[Party | None] = list(coded.targets) or [None]
    out = []
    date = sentence_date(ctx, evidence)
    for s in sources:
        for t in targets:
            if s is not None and t is not None and (s.actor, s.code) == (t.actor, t.code):
                continue
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


def _speaker(ctx: Any, quote: Any) -> list[Party] | None:
    if not quote.speaker or ctx.actors is None:
        return None
    try:
        actor = ctx.actors.get(quote.speaker)
    except KeyError:
        return None
    return [Party(actor.id, actor.cameo or actor.country, quote.speaker_text or actor.name)]


def _covered(ctx: Any) -> list[tuple[int, int]]:
    """Evidence spans of facts whose events come from ``fact_events``."""
    spans = []
    for kind in ("participations", "delegations", "positions", "agreements"):
        for fact in ctx.facts.get(kind, []):
            spans.append((fact.evidence.start, fact.evidence.end))
    for m in ctx.facts.get("meetings", []):
        spans.extend(
            (h.evidence.start, h.evidence.end)
            for h in m.history
            if h.evidence is not None and h.status in ("suspended", "cancelled")
        )
    return spans


def _dedupe(events: list[Event]) -> list[Event]:
    seen = set()
    out = []
    for e in events:
        key = (e.cameo, e.source, e.target, e.source_code, e.target_code, e.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
