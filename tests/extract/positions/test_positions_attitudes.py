"""Attitude phrases: 'to the displeasure of X', 'with support from X', 'against the wishes
of X' give X a stance on what the clause they hang on does or says."""

from __future__ import annotations

import pytest

from fake_actors import FakeIndex
from talkwatch import nlp
from talkwatch.context import Context
from talkwatch.extract import positions
from talkwatch.model import Article


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def found(parse, body: str, spec) -> list[tuple[str, str, str]]:
    index = FakeIndex.of(body, spec)
    ctx = Context(article=Article(body=body, id="t", published="2024-03-01"),
                  doc=parse(body), actors=index, facts={"quotes": []})
    return [(index.get(p.actor).name, p.stance, p.issue) for p in positions.extract(ctx)]


@pytest.mark.parametrize("body, spec, holder, stance, words", [
    ("The envoy announced -- much to the dismay of Ruritania -- that Borduria would chair "
     "the second round.", [("Ruritania", "state"), ("Borduria", "state")],
     "Ruritania", "oppose", "Borduria would chair"),
    ("The autonomous region was proclaimed in 1991 with support from Osterlich.",
     [("Osterlich", "state")], "Osterlich", "support", "autonomous region"),
    ("The council moved the talks to the capital against the wishes of the northern alliance.",
     [("northern alliance", "group")], "northern alliance", "oppose", "moved the talks"),
    ("The mediators published the new map over the objections of Carpania.",
     [("Carpania", "state")], "Carpania", "oppose", "published the new map"),
])
def test_attitude_phrase(parse, body, spec, holder, stance, words):
    hits = [(h, s, i) for h, s, i in found(parse, body, spec) if h == holder and s == stance]
    assert hits and words in hits[0][2]


def test_both_owners_hold_it(parse):
    body = "The border crossing was reopened with the backing of Ruritania and Carpania."
    got = found(parse, body, [("Ruritania", "state"), ("Carpania", "state")])
    assert {(h, s) for h, s, _ in got} == {("Ruritania", "support"), ("Carpania", "support")}


def test_broker_of_an_agreement_is_no_stance(parse):
    body = "The two sides signed a memorandum with the support of Osterlich."
    assert not [p for p in found(parse, body, [("Osterlich", "state")]) if p[0] == "Osterlich"]


def test_no_owner_no_stance(parse):
    body = "The talks resumed, much to the relief of everyone, with support from abroad."
    assert found(parse, body, [("talks", "group")]) == []
