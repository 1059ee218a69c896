"""Quoted words that are not quotations: no speaker, a headline, a title in a name's slot."""

from __future__ import annotations

import pytest

from fake_actors import FakeIndex
from talkwatch.context import Context
from talkwatch.extract import quotes
from talkwatch.extract.quotes import _headline_end
from talkwatch.model import Article


def run(nlp, text: str, title: str | None = None) -> list:
    doc = nlp(text)
    article = Article(body=text, id="t", title=title)
    ctx = Context(article=article, doc=doc, actors=FakeIndex.from_entities(doc))
    return quotes.extract(ctx)


@pytest.mark.slow
def test_long_quote_nobody_speaks_is_dropped(nlp) -> None:
    text = ("The lake district sent its “most experienced team of river engineers” to the border "
            "town on Friday.")
    assert run(nlp, text) == []


@pytest.mark.slow
def test_headline_quote_is_left_to_the_body(nlp) -> None:
    text = ("Envoy Says Talks Are ‘At a Dead End’\n\n"
            "The envoy, Karin Holm, said on Monday that the talks were “at a dead end for now.”")
    got = run(nlp, text)
    assert [q.text for q in got] == ["at a dead end for now."]
    assert got[0].speaker_text == "Karin Holm"


@pytest.mark.slow
def test_first_line_is_no_headline_when_the_title_is_known(nlp) -> None:
    text = "“We are ready,” Karin Holm said.\n\nThe round opens on Monday."
    assert [q.text for q in run(nlp, text, title="Holm ready")] == ["We are ready,"]


@pytest.mark.parametrize(("body", "end"), [
    ("Short Headline Here\n\nBody text follows.", 19),
    ("A body with one paragraph only.", 0),
    (" ".join(["word"] * 30) + "\n\nNext.", 0),
    ("“A line that is all quotation.”\n\nSaid Doe.", 0),
])
def test_headline_end(body: str, end: int) -> None:
    assert _headline_end(body, quotes.find_spans(body)) == end


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Asked about the vote, Governor Ana Ruiz told Radio Norte’s “Morning Desk” that the count was fair.",
    "The minister said on the channel’s “Evening Review” that nothing was signed.",
])
def test_show_title_after_a_possessor_is_a_name(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.slow
def test_title_after_as_is_what_someone_was_called(nlp) -> None:
    got = run(nlp, "The senator described her rival as “The Great Pretender” on Sunday.")
    assert [q.text for q in got] == ["The Great Pretender"]
