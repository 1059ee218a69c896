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
    assert events_extractor.NAME.startswith("events.v")
    assert {"meetings", "quotes", "positions"} <= events_extractor.REQUIRES


def _first_event(digest: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    event = digest["events"][0]
    actors = {a["id"]: a for a in digest["actors"]}
    return event, actors.get(event["source"], {})


def test_the_coders_event_comes_before_events_implied_by_facts(run: Any) -> None:
    # the agreement mentioned in passing implies an event, but the sentence's own predicate is the attack
    digest = run("Government troops shelled rebel positions on Sunday, breaking the ceasefire signed in May.")
    event, _ = _first_event(digest)
    assert event["fact"] == "sentence" and event["plover"] == "ASSAULT"


def test_events_keep_text_order_across_sentences(run: Any) -> None:
    digest = run("Troops shelled the border villages. Later the two sides signed a truce in Doha.")
    starts = [e["evidence"]["start"] for e in digest["events"]]
    assert starts == sorted(starts)


def test_a_side_coded_from_a_demonym_becomes_an_actor_with_its_country(run: Any) -> None:
    event, source = _first_event(run("French warships shelled the rebel-held port on Monday."))
    assert event["plover"] == "ASSAULT"
    assert source.get("country") == "FRA" and source.get("cameo", "").startswith("FRA")


def test_us_in_capitals_is_the_country_not_a_pronoun(run: Any) -> None:
    event, source = _first_event(run("The US on Tuesday rejected the proposal for a new summit."))
    assert event["plover"] == "REJECT"
    assert source.get("country") == "USA"


def test_an_international_organisation_takes_its_cameo_root_as_country(run: Any) -> None:
    event, source = _first_event(run("The United Nations on Friday condemned the attack on the convoy."))
    assert source.get("name") == "United Nations" and source.get("country") == "IGO"
