"""Error analysis output: each finding with its sentence; article text never read as markup."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from talkwatch.evaluate import ArticleResult, score_digest
from talkwatch.evaluate_misses import candidate, print_misses, sentence_at

BODY = (
    "The envoy said talks would open in Lisbon on Friday. "
    "The [bold]northern[/bold] alliance said it would stay away.\n\n"
    '"We want a ceasefire first," its leader Ana Roca said.'
)
GOLD = {
    "meetings": [{"key": "l", "names": ["Lisbon talks"], "venue_city": "Lisbon", "status": "scheduled"}],
    "participations": [{"meeting": "l", "actor": ["northern alliance"], "status": "declined"}],
    "quotes": [{"speaker": ["Ana Roca"], "starts_with": "We want a ceasefire"}],
    "positions": [],
    "agreements": [],
}


def _digest() -> dict:
    second = BODY.index("The [bold]")
    return {
        "actors": [{"id": "a1", "name": "northern alliance", "aliases": []}],
        "meetings": [
            {
                "id": "m1",
                "name": "Lisbon talks",
                "aliases": [],
                "venue": {"city": "Lisbon"},
                "status": "held",
                "evidence": [{"start": 0, "end": second - 1, "text": BODY[: second - 1]}],
            }
        ],
        "participations": [
            {
                "meeting": "m1",
                "actor": "a1",
                "status": "will_attend",
                "evidence": {
                    "start": second,
                    "end": BODY.index("\n"),
                    "text": BODY[second : BODY.index("\n")],
                },
            }
        ],
        "quotes": [],
        "positions": [],
        "agreements": [],
    }


def _render() -> str:
    digest = _digest()
    result = ArticleResult(Path("a.txt"), Path("a.yaml"), BODY, GOLD, digest, score_digest(GOLD, digest))
    out = io.StringIO()
    print_misses([result], Console(file=out, width=300, color_system=None, highlight=False))
    return out.getvalue()


def test_sentence_at_cuts_at_sentence_ends():
    assert sentence_at(BODY, BODY.index("Friday")) == "The envoy said talks would open in Lisbon on Friday."
    assert sentence_at(BODY, BODY.index("Roca")).startswith('"We want a ceasefire')


def test_missed_fact_shows_the_nearest_prediction_and_its_sentence():
    text = _render()
    assert "missed  Lisbon talks [gold: l] | northern alliance | declined" in text
    assert "nearest: Lisbon talks [gold: l] | northern alliance | will_attend" in text
    assert "extra   Lisbon talks [gold: l] | northern alliance | will_attend" in text


def test_missed_quote_without_candidate_shows_where_it_is():
    assert 'text: \u00ab"We want a ceasefire first," its leader Ana Roca said.\u00bb' in _render()


def test_wrong_status_is_shown_with_the_meeting_evidence():
    text = _render()
    assert "wrong   status: gold=scheduled predicted=held" in text
    assert "\u00abThe envoy said talks would open in Lisbon on Friday.\u00bb" in text


def test_article_text_is_not_markup():
    assert "The [bold]northern[/bold] alliance said it would stay away." in _render()


def test_no_candidate_for_an_unrelated_actor():
    gold = {"meeting": "l", "actor": ["southern front"], "status": "declined"}
    assert candidate("participations", gold, _digest()) is None
