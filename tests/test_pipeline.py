"""The pipeline: registry, step order, error handling, and the digest contract on the dev set."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkwatch import pipeline
from talkwatch.digests import validate
from talkwatch.errors import SchemaError, TalkwatchError
from talkwatch.extract import EXTRACTORS

DEV = Path(__file__).resolve().parent / "eval" / "dev"


def test_registry_keys_are_pinned():
    assert list(EXTRACTORS) == [
        "meetings",
        "participations",
        "delegations",
        "quotes",
        "positions",
        "agreements",
        "events",
    ]


def test_every_extractor_names_its_rule_set():
    for kind, module in EXTRACTORS.items():
        assert module.NAME.split(".")[0] and module.NAME.rsplit(".", 1)[1].startswith("v"), kind
        assert isinstance(module.REQUIRES, set)


def test_order_check_catches_a_missing_producer(monkeypatch):
    monkeypatch.setattr(EXTRACTORS["meetings"], "REQUIRES", {"events"})
    with pytest.raises(TalkwatchError, match="meetings needs"):
        pipeline.check_order()


def test_failing_step_is_reported_and_skipped(run, monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(EXTRACTORS["quotes"], "extract", broken)
    from talkwatch.read import make_article

    article = make_article('The talks in Doha opened. "Good," she said.', {"published": "2024-01-02"})
    digest = pipeline.run(article, on_error=pipeline.warn_error)
    assert digest["quotes"] == [] and digest["meetings"]
    assert any("quotes failed" in w for w in digest["warnings"])
    with pytest.raises(RuntimeError):
        pipeline.run(article)


def test_missing_date_leaves_relative_dates_unresolved(run):
    digest = run("The talks in Doha open on Monday.", published=None)
    assert any("no publication date" in w for w in digest["warnings"])
    assert [d["value"] for d in digest["dates"] if d["text"] == "Monday"] == [None]


@pytest.mark.slow
@pytest.mark.parametrize("article", sorted(DEV.glob("*/article.txt")), ids=lambda p: p.parent.name)
def test_dev_digests_follow_the_contract(nlp, article):
    from talkwatch.digests import body_checks
    from talkwatch.read import read_file

    doc = read_file(article)[0]
    digest = pipeline.run(doc)
    digest.pop("warnings", None)
    validate(digest)
    body_checks(digest, doc.body)
    ids = {a["id"] for a in digest["actors"]} | {None}
    meetings = {m["id"] for m in digest["meetings"]}
    for p in digest["participations"]:
        assert p["actor"] in ids and p["meeting"] in meetings
    for q in digest["quotes"]:
        assert " … ".join(doc.body[a:b] for a, b in q["parts"]) == q["text"] and q["speaker"] in ids
        assert [q["start"], q["end"]] == [q["parts"][0][0], q["parts"][-1][1]]
    for d in digest["dates"]:
        assert doc.body[d["start"] : d["end"]] == d["text"]
    for a in digest["actors"]:
        for s, e in a["mentions"]:
            assert 0 <= s < e <= len(doc.body)


def test_schema_rejects_a_renamed_field(run):
    digest = run("The talks in Doha open on Monday.")
    digest.pop("warnings", None)
    digest["meetings"][0]["state"] = digest["meetings"][0].pop("status")
    with pytest.raises(SchemaError, match="meetings/0.*status"):
        validate(digest)


WORDS = [
    "talks",
    "Geneva",
    "Hamas",
    "said",
    "will",
    "attend",
    "the",
    "postponed",
    "until",
    "Monday",
    '"',
    "\u201c",
    "\u201d",
    ".",
    ",",
    "ceasefire",
    "brokered",
    "by",
    "Egypt",
    "rebels",
    "invited",
    "not",
    "March",
    "3",
    "\n\n",
    "delegation",
    "led",
    "he",
    "they",
    "UN",
    "envoy",
    "round",
    "fifth",
    "in",
    "Doha",
    "declined",
    "\u2019s",
]


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_pipeline_never_fails_on_word_salad(nlp, words):
    from talkwatch.read import make_article

    text = " ".join(words)
    if not text.strip():
        return
    article = make_article(text, {"published": "2024-03-06"})
    digest = pipeline.run(article)
    digest.pop("warnings", None)
    validate(digest)
    from talkwatch.digests import body_checks

    body_checks(digest, article.body)
