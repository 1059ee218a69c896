"""The events extractor: facts, quotes and remaining sentences of one article."""

from __future__ import annotations

from typing import Any

from talkwatch import actors
from talkwatch.context import Context
from talkwatch.extract import events as events_extractor
from talkwatch.model import Article, Evidence, Participation, Quote

BODY = (
    "Venezuelan government and opposition delegates arrived in Oslo on Monday for talks. "
    '"We will not sign any deal that ignores the prisoners," said opposition leader Ana Ruiz. '
    "Meanwhile, Colombian troops shelled guerrilla camps near the border."
)


def test_extractor_codes_facts_quotes_and_sentences(nlp: Any) -> None:
    doc = nlp(BODY)
    article = Article(body=BODY, id="t", published="2024-06-03")
    ctx = Context(article=article, doc=doc, actors=actors.resolve(doc, article))
    first = next(iter(doc.sents))
    gov = ctx.actors.lookup("Venezuelan government")
    assert gov is not None
    ctx.facts = {
        "meetings": [],
        "delegations": [],
        "positions": [],
        "agreements": [],
        "participations": [Participation("m1", gov.id, "arrived", Evidence.from_span(first))],
    }
    q_start = BODY.index("We will")
    q_end = BODY.index('," said')
    speaker = ctx.actors.lookup("Ana Ruiz")
    ctx.facts["quotes"] = [
        Quote(
            BODY[q_start:q_end],
            q_start,
            q_end,
            Evidence(q_start, q_end, BODY[q_start:q_end]),
            speaker=speaker.id if speaker else None,
            speaker_text="Ana Ruiz",
        )
    ]
    found = events_extractor.extract(ctx)
    by_fact = {e.fact: e for e in found}
    assert by_fact["participation"].cameo == "042" and by_fact["participation"].source == gov.id
    quote = by_fact["quote"]
    assert (quote.plover, quote.mode) == ("REJECT", "negated")
    assert quote.source == (speaker.id if speaker else None)
    shelling = by_fact["sentence"]
    assert (shelling.cameo, shelling.plover) == ("194", "ASSAULT")
    assert (shelling.source_code or "")[:3] == "COL" and shelling.date == "2024-06-03"
    assert all(isinstance(e.cameo, str) for e in found)
    assert events_extractor.NAME == "events.v1"
    assert {"meetings", "quotes", "positions"} <= events_extractor.REQUIRES
