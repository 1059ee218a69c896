"""Direct quotes and their speakers (talkwatch.extract.quotes)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fake_actors import FakeIndex
from talkwatch.context import Context
from talkwatch.extract import quotes
from talkwatch.model import Article

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def run(nlp, text: str) -> tuple[list, FakeIndex]:
    doc = nlp(text)
    index = FakeIndex.from_entities(doc)
    ctx = Context(article=Article(body=text, id="t"), doc=doc, actors=index)
    return quotes.extract(ctx), index


# (article text, start of the quoted text, words of the speaker mention)
CASES = [
    pytest.param("“We will not attend the talks,” the minister said on Tuesday.",
                 "We will not attend", "the minister", id="x-said"),
    pytest.param("“Nothing has been agreed yet,” said a government spokesman in Khartoum.",
                 "Nothing has been", "a government spokesman", id="said-x"),
    pytest.param("Ahmed Ali told the BBC: “The ceasefire is over.”",
                 "The ceasefire is over", "Ahmed Ali", id="x-told-y"),
    pytest.param("According to Mali’s foreign ministry, the round was delayed for “logistical "
                 "reasons” on Monday.", "logistical reasons", "Mali’s foreign ministry",
                 id="according-to"),
    pytest.param("Lena Park: “Nobody leaves this room without a deal.”",
                 "Nobody leaves", "Lena Park", id="colon"),
    pytest.param("Jonas Berg, a senior fellow at the Oslo Peace Institute, says, “In practice, "
                 "the process has stalled for months.”", "In practice", "Jonas Berg",
                 id="apposition-says-comma"),
    pytest.param("The talks stalled over what the Colombian government called “unacceptable "
                 "demands” on Friday.", "unacceptable demands", "the Colombian government",
                 id="partial-called"),
    pytest.param("The mediator’s office said he would send a “technical team” to Juba next week.",
                 "technical team", "The mediator’s office", id="partial-reported"),
    pytest.param("A Sudanese source close to the army said the meeting would be “strictly "
                 "technical.”", "strictly technical", "A Sudanese source close to the army",
                 id="indefinite-description"),
    pytest.param("The rebels’ leader said the offer was ‘an insult to our fighters’.",
                 "an insult to our fighters", "The rebels’ leader", id="single-quotes"),
    pytest.param("\"We need more time,\" the mediator said after the session.",
                 "We need more time", "the mediator", id="straight-quotes"),
    pytest.param("“It’s the rebels’ choice, and Syria’s future,” Omar Haddad said.",
                 "It’s the rebels’ choice, and Syria’s future,", "Omar Haddad",
                 id="apostrophes-inside"),
    pytest.param("The “so-called plan was rejected. “We will not sign,” said Omar Haddad.",
                 "We will not sign", "Omar Haddad", id="odd-marks"),
    pytest.param("The mediator, Halima Osei, said on Tuesday.\n\n“Both sides have accepted the "
                 "draft text.”", "Both sides have", "Halima Osei", id="previous-sentence"),
    pytest.param("“The border crossing will reopen on Monday.”\n\nGovernor Ilse Brandt said so "
                 "in a televised address.", "The border crossing", "Ilse Brandt",
                 id="next-sentence"),
    pytest.param("“Our families have waited six years for this.” ― Maria Lopez",
                 "Our families have", "Maria Lopez", id="dash-byline"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote", "speaker"), CASES)
def test_quote_and_speaker(nlp, text: str, quote: str, speaker: str) -> None:
    got, _ = run(nlp, text)
    hits = [q for q in got if q.text.startswith(quote)]
    assert hits, [q.text for q in got]
    q = hits[0]
    assert text[q.start:q.end] == q.text
    assert q.speaker_text == speaker
    assert text[q.speaker_start:q.speaker_end] == speaker
    assert q.speaker is not None
    assert q.evidence.start <= q.start and q.end <= q.evidence.end


@pytest.mark.slow
def test_pronoun_resolves_to_last_person(nlp) -> None:
    text = ("Foreign Minister Rui Costa met the rebel delegation in Luanda on Monday. "
            "“We made real progress,” he said.")
    got, index = run(nlp, text)
    (q,) = got
    assert q.speaker_text == "he"
    assert index.get(q.speaker).name == "Rui Costa"


@pytest.mark.slow
def test_description_resolves_to_titled_actor(nlp) -> None:
    text = ("UN envoy Halima Osei arrived in Geneva on Sunday. “Both sides want a deal,” "
            "the envoy told reporters.")
    got, index = run(nlp, text)
    (q,) = got
    assert q.speaker_text == "the envoy"
    assert index.get(q.speaker).name == "Halima Osei"


@pytest.mark.slow
def test_unknown_speaker_becomes_an_actor(nlp) -> None:
    text = "The influential daily insisted that the deal was “dead on arrival.”"
    got, index = run(nlp, text)
    (q,) = got
    actor = index.get(q.speaker)
    assert actor.name == "influential daily"
    assert actor.type == "media"
    assert (q.speaker_start, q.speaker_end) in actor.mentions


@pytest.mark.slow
def test_split_quote_shares_speaker(nlp) -> None:
    text = "“We came in good faith,” said Ana Ruiz, the lead negotiator. “We leave with nothing.”"
    got, _ = run(nlp, text)
    assert [q.text for q in got] == ["We came in good faith,", "We leave with nothing."]
    assert {q.speaker_text for q in got} == {"Ana Ruiz"}
    assert got[0].speaker == got[1].speaker


@pytest.mark.slow
def test_quote_running_over_paragraphs(nlp) -> None:
    text = ("Karim Saleh set out the plan.\n\n“The first point is security for the "
            "returnees.\n\n“The second point is the return of property,” Saleh said.")
    got, _ = run(nlp, text)
    assert [q.text for q in got] == ["The first point is security for the returnees.",
                                     "The second point is the return of property,"]
    assert {q.speaker_text for q in got} == {"Saleh"}


@pytest.mark.slow
def test_scare_quote_without_speaker_is_dropped(nlp) -> None:
    got, _ = run(nlp, "The coalition calls itself ‘unified’, though two factions disagree.")
    assert got == []


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", "   \n", "The talks resume in Doha on Monday."])
def test_no_quotes(nlp, text: str) -> None:
    assert run(nlp, text)[0] == []


# -- quote marks (no parse needed) ------------------------------------------

def _texts(body: str) -> list[str]:
    return [body[s.start:s.end] for s in quotes.find_spans(body)]


@pytest.mark.parametrize(("body", "expected"), [
    ("He said “yes” and “no”.", ["yes", "no"]),
    ("A stray ” mark, then “a real quote” here.", ["a real quote"]),
    ("An “unclosed opener, then “a real quote” here.", ["a real quote"]),
    ("It’s the rebels’ ‘final offer’ today.", ["final offer"]),
    ("They said 'we are ready' on the '90s deal.", ["we are ready"]),
    ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
    ("\"Straight outer “curly inner” end,\" she said.", ["Straight outer “curly inner” end,"]),
    ("“Outer with “nested” words inside,” he said.", ["Outer with “nested” words inside,"]),
    ("No quotes at all.", []),
    ("“  ”", []),
])
def test_find_spans(body: str, expected: list[str]) -> None:
    assert _texts(body) == expected


def test_paragraph_continuation_is_one_group() -> None:
    body = "“First paragraph goes on.\n\n“Second one closes.”\n\n“Another quote.”"
    spans = quotes.find_spans(body)
    assert [body[s.start:s.end] for s in spans] == [
        "First paragraph goes on.", "Second one closes.", "Another quote."]
    assert spans[0].group == spans[1].group != spans[2].group


def test_unclosed_quote_does_not_run_into_next_paragraph() -> None:
    body = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    assert _texts(body) == ["a quote"]


# -- PolNeAR floor ----------------------------------------------------------

@pytest.mark.slow
def test_polnear_floor() -> None:
    data = SHARED / "data" / "polnear-dev"
    if not data.is_dir():
        pytest.skip(f"{data} not found")
    path = REPO / "benchmarks" / "eval_polnear.py"
    spec = importlib.util.spec_from_file_location("eval_polnear", path)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    docs = bench.load_docs(data)[::8]  # 11 articles across the publishers
    result = bench.evaluate(docs)
    assert result["gold"] > 100
    assert result["recall"] >= 0.9  # measured 0.98
    assert result["precision"] >= 0.8  # measured 0.92
    assert result["speaker_accuracy"] >= 0.85  # measured 0.91


@given(st.text(alphabet="ab .,:\n’‘'\"“”«»―", max_size=60))
@settings(max_examples=300, deadline=None)
def test_find_spans_never_overlap(body: str) -> None:
    spans = quotes.find_spans(body)
    for s in spans:
        assert 0 <= s.start < s.end <= len(body)
        assert body[s.start:s.end].strip() == body[s.start:s.end]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "“", "”“", "“a”", "\"\"\"", "“We won.”\n\n“", "said: “", "‘’ ‘x’ ’", "“x\n\n“y\n\n“z",
])
def test_odd_inputs_do_not_crash(nlp, text: str) -> None:
    got, _ = run(nlp, text)
    for q in got:
        assert text[q.start:q.end] == q.text
