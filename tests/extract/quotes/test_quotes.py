"""Direct quotes and their speakers (talkwatch.extract.quotes)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fake_actors import FakeIndex
from talkwatch.context import Context
from talkwatch.extract import quotes
from talkwatch.model import Article

REPO = Path(__file__).resolve().parents[3]
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
    assert " … ".join(text[a:b] for a, b in q.parts) == q.text
    assert (q.start, q.end) == (q.parts[0][0], q.parts[-1][1])
    assert q.speaker_text == speaker
    assert text[q.speaker_start:q.speaker_end] == speaker
    assert q.speaker is not None
    assert q.evidence.start <= q.start and q.end <= q.evidence.end


# One case per speaker error kind seen on PolNeAR's hidden test set (sentences of our own).
KINDS = [
    pytest.param("Foreign Minister Tomas Varga has described the proposal as “a trap for the weaker side.”",
                 "Tomas Varga", id="describe-as"),
    pytest.param("Colonel Ruth Adler implored reporters: “Give the negotiators one more week.”",
                 "Ruth Adler", id="implore-colon"),
    pytest.param("The spokesman ended the briefing with a warning: “Nobody should test our patience.”",
                 "The spokesman", id="np-before-colon"),
    pytest.param("Nadia Kamal spoke first. “We have waited long enough,” the minister interjected.",
                 "the minister", id="named-after-quote"),
    pytest.param("The first round ended without a text, said the envoy Jan Kovar. “Both delegations "
                 "need to consult their capitals.”", "Jan Kovar", id="sentence-after-attribution"),
    pytest.param("The memo reads: “No party may leave the talks before the final session.”",
                 "The memo", id="document-reads"),
    pytest.param("Court filings show the company “had no plan to pay the fine.”",
                 "Court filings", id="document-show"),
    pytest.param("The rebel command issued a statement saying “the truce is over in the north.”",
                 "The rebel command", id="issued-statement-saying"),
    pytest.param("The delegations met twice on Monday in the old palace on the lake, and after the second "
                 "session the mood was tense, with both sides trading blame, “it was a wasted day,” "
                 "according to a senior diplomat.", "a senior diplomat", id="according-to-long"),
    pytest.param("“I will not sign anything today,” Lena Brandt, 64, told the BBC’s Tom Reyes.",
                 "Lena Brandt", id="addressee"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "speaker"), KINDS)
def test_speaker_error_kinds(nlp, text: str, speaker: str) -> None:
    got, _ = run(nlp, text)
    assert got, "no quote found"
    assert got[-1].speaker_text == speaker


# "X, who said": the clause names the speaker by the pronoun (the mention, as "he said"), which
# resolves to the noun the clause hangs from (the speaker actor).
RELATIVE = [
    pytest.param("Reporters spoke to Ivan Petrov, a farmer who told them: “We only want the shelling "
                 "to stop.”", id="relative-who"),
    pytest.param("The offer was rejected by Ivan Petrov, the rebel spokesman, who called it “a joke.”",
                 id="relative-after-apposition"),
    pytest.param("The plan was backed by Ivan Petrov, who said on Monday that it was “a fair start” for "
                 "the valley.", id="relative-in-a-passive-sentence"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", RELATIVE)
def test_relative_pronoun_speaks_for_its_head(nlp, text: str) -> None:
    got, index = run(nlp, text)
    q = got[-1]
    assert q.speaker_text == "who" and text[q.speaker_start : q.speaker_end] == "who"
    assert index.get(q.speaker).name == "Ivan Petrov"


@pytest.mark.slow
def test_pronoun_with_two_people_of_one_surname(nlp) -> None:
    text = ("Hanna Berg and her husband Peter Berg arrived in Oslo on Monday. Mr. Berg stayed at the "
            "hotel. Mrs. Berg went to the talks. “We are close to a deal,” she said.")
    got, index = run(nlp, text)
    (q,) = got
    assert q.speaker_text == "she"
    assert index.get(q.speaker).name == "Hanna Berg"


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
def test_split_quote_is_one_passage(nlp) -> None:
    text = "“We came in good faith,” said Ana Ruiz, the lead negotiator. “We leave with nothing.”"
    (q,), _ = run(nlp, text)
    assert q.text == "We came in good faith, … We leave with nothing."
    assert q.speaker_text == "Ana Ruiz"
    assert [text[a:b] for a, b in q.parts] == ["We came in good faith,", "We leave with nothing."]
    assert (q.start, q.end) == (q.parts[0][0], q.parts[-1][1])


ONE_PASSAGE = [  # (text, speaker): one quotation in two stretches
    pytest.param("“We will look into it,” Tulsa fire Chief Ann Gray said Monday. “Nobody will be left out.”",
                 "Ann Gray", id="a-name-the-tagger-took-for-a-verb"),
    pytest.param("“The plan has merit,” the envoy said, but “the timing is wrong for everyone.”",
                 "the envoy", id="going-on-after-a-conjunction"),
    pytest.param("“We came in good faith,” said Ana Ruiz, speaking of the ceasefire. "
                 "“We leave with nothing.”",
                 "Ana Ruiz", id="an-aside-about-the-topic"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "speaker"), ONE_PASSAGE)
def test_one_passage(nlp, text: str, speaker: str) -> None:
    (q,), _ = run(nlp, text)
    assert len(q.parts) == 2 and q.speaker_text == speaker


TWO_QUOTES = [  # (text, the two quotes' texts)
    pytest.param("Ana Ruiz said the talks went well: “The truce is holding.” She adds, “We expect them home "
                 "by Friday.”", ["The truce is holding.", "We expect them home by Friday."],
                 id="attribution-opening-a-new-sentence"),
    pytest.param("“Our farmers need the water now,” Lopez said, adding later, “The dam can wait a year.”",
                 ["Our farmers need the water now,", "The dam can wait a year."], id="adding-later"),
    pytest.param("“We are ready to talk,” Ruiz said, going on to describe the convoy’s route. “Nobody else "
                 "has offered anything.”", ["We are ready to talk,", "Nobody else has offered anything."],
                 id="going-on-to"),
    pytest.param("The envoy called the plan “bold” and “costly.”", ["bold", "costly."],
                 id="quoted-words-the-writer-joins"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "texts"), TWO_QUOTES)
def test_two_quotes(nlp, text: str, texts: list[str]) -> None:
    got, _ = run(nlp, text)
    assert [q.text for q in got] == texts


@pytest.mark.slow
def test_stretches_naming_their_own_speakers_are_two_quotes(nlp) -> None:
    text = "Part of the interview follows.\n\n“HOST: Will you sign?\n\n“MINISTER: Not this week.”"
    got, _ = run(nlp, text)
    assert [q.speaker_text for q in got] == ["HOST", "MINISTER"]


@pytest.mark.slow
def test_later_part_takes_the_speaker_named_between(nlp) -> None:
    text = ("Omar Haddad spoke first. “We came to listen,” said Omar Haddad. “Nobody here wants a war,” "
            "the envoy interjected. “And nobody wants to wait,” she added.")
    got, _ = run(nlp, text)
    assert [q.speaker_text for q in got] == ["Omar Haddad", "the envoy", "she"]


@pytest.mark.slow
def test_new_content_between_stretches_is_another_passage(nlp) -> None:
    text = "“We are ready,” Ana Ruiz said, adding that the army would “respect every line on the map.”"
    got, _ = run(nlp, text)
    assert len(got) == 2
    assert got[0].parts != got[1].parts


@pytest.mark.slow
def test_quote_running_over_paragraphs(nlp) -> None:
    text = ("Karim Saleh set out the plan.\n\n“The first point is security for the "
            "returnees.\n\n“The second point is the return of property,” Saleh said.")
    (q,), _ = run(nlp, text)
    assert [text[a:b] for a, b in q.parts] == ["The first point is security for the returnees.",
                                               "The second point is the return of property,"]
    assert q.speaker_text == "Saleh"


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
    ("“We will stay until the end, “said the envoy.", ["We will stay until the end,"]),
    ("“We will stay, “Said the envoy.", []),
    ("\"Why talk?\" he said. \" I told them to go home.\"", ["Why talk?", "I told them to go home."]),
    ("A \" B \" C.", []),
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
    assert result["gold"] > 60
    assert result["recall"] >= 0.9
    assert result["precision"] >= 0.75
    assert result["speaker_accuracy"] >= 0.85


@pytest.mark.slow
def test_polnear_benchmark_agrees_with_reference_scorer(tmp_path: Path) -> None:
    """The in-process benchmark prints the reference scorer's lines on the same articles."""
    data = SHARED / "data" / "polnear-dev"
    scorer = SHARED / "tools" / "score_quotes_polnear.py"
    exe = Path(sys.executable).with_name("talkwatch")
    if not (data.is_dir() and scorer.is_file() and exe.is_file()):
        pytest.skip("../shared PolNeAR data, its scorer or the talkwatch executable not found")
    limit = "3"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    args = [str(scorer), str(exe), str(data / "dev"), str(data / "metadata.tsv"), "--limit", limit]
    ref = subprocess.run(
        [sys.executable, *args],
        capture_output=True, text=True, env=env, timeout=600, check=True,
    ).stdout
    ours = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "eval_polnear.py"), "--limit", limit],
        capture_output=True, text=True, env=env, timeout=600, check=True,
    ).stdout
    assert ours.strip().splitlines()[-4:] == ref.strip().splitlines()[-4:]


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
        assert " … ".join(text[a:b] for a, b in q.parts) == q.text


def test_a_quoted_name_in_a_clause_of_a_noun_is_not_the_sources_quote(nlp) -> None:
    # "according to" names the source of the main clause; the quoted words sit in what others speculate
    text = ("The forum is meant to support the Vienna talks, according to Paris, amid speculation "
            "that it is building a rival “Lisbon channel” with Madrid.")
    got, _ = run(nlp, text)
    assert all(q.speaker_text != "Paris" for q in got)


@pytest.mark.slow
def test_relative_pronoun_without_an_actor_keeps_the_noun(nlp) -> None:
    text = ("The round stalled, according to a short statement, which said the army had "
            "“no intention of leaving.”")
    got, _ = run(nlp, text)
    assert got[-1].speaker_text != "which"


@pytest.mark.slow
def test_pronoun_takes_the_person_its_own_sentence_named_before_the_last_speaker(nlp) -> None:
    text = ("The inquiry into the port contracts opened on Monday in the capital with two days of hearings "
            "and a long list of witnesses. “We want the border open,” said Maria Lopez.\n\nThe records of "
            "Tom Hale earned him a hearing in parliament, where he said the deals were “entirely lawful.”")
    got, index = run(nlp, text)
    assert [index.get(q.speaker).name for q in got] == ["Maria Lopez", "Tom Hale"]
