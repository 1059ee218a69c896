"""Speaker attribution mechanisms (talkwatch.extract.quotes), one sentence of our own each."""

from __future__ import annotations

import pytest

from fake_actors import FakeIndex
from talkwatch.context import Context
from talkwatch.extract import quotes
from talkwatch.model import Article


def speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    ctx = Context(article=Article(body=text, id="t"), doc=doc, actors=FakeIndex.from_entities(doc))
    return [(q.text, q.speaker_text) for q in quotes.extract(ctx)]


CASES = [
    pytest.param("The mediator, Ines Varga, said on Monday that she felt there was “real good will” "
                 "in the room.", "Ines Varga", id="thinking-verb-yields-to-said"),
    pytest.param("Governor Paul Osei said farmers in the valley have come to believe “that the dam "
                 "will never be finished.”", "Paul Osei", id="believe-under-said"),
    pytest.param("Since the flood, the minister said, the villagers believe “that the dam "
                 "will never be finished.”", "the minister", id="belief-under-a-parenthetical-said"),
    pytest.param("The trade minister said she wanted to speak “directly to the fishermen” before "
                 "the vote.", "The trade minister", id="pronoun-in-reported-clause"),
    pytest.param("Senator Ruth Alvarez is describing as “reckless” the decision to close the border.",
                 "Ruth Alvarez", id="progressive-naming-verb"),
    pytest.param("\"We go to the talks with open minds,\" Kofi Mensah, the leader of the National "
                 "Renewal Front, told reporters at the airport.", "Kofi Mensah",
                 id="name-before-its-title-organisation"),
    pytest.param("The round ended early on Friday.\n\nMinister Lea Ortiz said the rebels wanted more "
                 "time but the army refused.\n\n\"The army is now part of the problem. It wants war.\"",
                 "Lea Ortiz", id="quote-paragraph-after-indirect-report"),
    pytest.param("Egypt came ready, but Sudan still has “reservations”: delegates who were in Geneva on "
                 "Monday showed “readiness” to sign, and had signaled their support by approving the draft, "
                 "according to a World Food Programme statement on Friday.", "World Food Programme",
                 id="according-to-beats-a-neighbouring-verb"),
    pytest.param("The Chilean and Peruvian delegations have issued a joint note in which they stressed "
                 "that the talks were “frank and useful” on Monday.", "The Chilean and Peruvian delegations",
                 id="they-in-a-relative-clause-on-the-issued-note"),
    pytest.param("The envoy, Marta Ruiz, sent a letter in which she wrote that the plan was “dead on "
                 "arrival.”", "Marta Ruiz", id="she-in-a-relative-clause-on-the-sent-letter"),
    pytest.param("Officials rejected Governor Ana Ruiz’s claim that there have been “thousands of arrests” "
                 "in the province this year.", "Governor Ana Ruiz", id="owner-of-a-claim"),
    pytest.param("At the rally, the senator likened the deal to “a house built on sand.”", "the senator",
                 id="liken"),
    pytest.param("The board questioned a claim about “thousands of arrests” in the province.", "The board",
                 id="claim-about-is-not-the-claim"),
    pytest.param("“We confirm that the meeting will go ahead on Friday,” read a statement signed by the "
                 "two delegations on Tuesday.", "the two delegations", id="inverted-read-a-signed-statement"),
    pytest.param("Foreign Minister Ana Lenz was quoted by the state news agency as saying: \"The border is "
                 "a red line for us.\"", "Ana Lenz", id="quoted-by-the-agency-as-saying"),
    pytest.param("Interior Minister Sami Haddad said on Tuesday that more than 30 rebel delegates flew to "
                 "Oslo for the talks, and accused them of trying to “sow chaos” with such a large group.",
                 "Sami Haddad", id="them-is-not-its-own-subject"),
    pytest.param("The ad uses footage of Maria Lopez asking, “Where is the bridge we were promised?”",
                 "Maria Lopez", id="recording-of-a-person"),
    pytest.param("The spot ends with video of the governor saying at a rally, “The port stays open.”",
                 "the governor", id="recording-of-a-person-saying"),
    pytest.param("The rebels painted the offer as a “trap” on Monday.", "The rebels", id="cast-as"),
    pytest.param("All summer, Reed has gone after the port authority as a “closed shop.”", "Reed",
                 id="phrasal-cast-as"),
    pytest.param("Ruiz pointed out that the ceasefire was “holding everywhere but the north.”", "Ruiz",
                 id="phrasal-verb-of-saying"),
    pytest.param("Ruiz pointed to “very real progress” in the talks.", "Ruiz", id="pointed-to"),
    pytest.param("The fact-checking site ruled that the mayor's claim was “false.”", "The fact-checking site",
                 id="ruled-that"),
    pytest.param("The 2019 Lusaka Accord stipulates that “no party may rearm during the truce.”",
                 "The 2019 Lusaka Accord", id="an-accord-stipulates"),
    pytest.param("The talks dragged on as Lopez went on about “how the whole system is rigged.”", "Lopez",
                 id="went-on-about"),
    pytest.param("The statement also named the cost it said the strike would bring: “Every day of "
                 "this strike costs the port a fortune,” the dockers’ union wrote.",
                 "the dockers’ union", id="colon-then-trailing-attribution"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_speaker(nlp, text: str, speaker: str) -> None:
    got = speakers(nlp, text)
    assert got, "no quote found"
    assert got[-1][1] == speaker


@pytest.mark.slow
def test_pronoun_that_speaks_itself_stays(nlp) -> None:
    text = ("Chief Ana Mora said the video was unclear, but she said the other evidence “supports "
            "the account of the witnesses.”")
    assert speakers(nlp, text)[-1][1] == "she"


@pytest.mark.slow
def test_pronoun_in_a_later_event_is_not_the_reporter(nlp) -> None:
    text = ("Mayor Tom Reyes described the senator as a “disgrace” after she wanted to speak "
            "“directly to the flood victims” on Friday.")
    got = dict(speakers(nlp, text))
    assert got.get("directly to the flood victims") == "she"


@pytest.mark.slow
def test_a_bare_report_after_the_quote_beats_the_paragraph_before(nlp) -> None:
    text = ("Minister Lea Ortiz said the rebels wanted more time.\n\n"
            "\"We have waited for years. Why should we wait any longer?\" General Omar Said asked.")
    assert speakers(nlp, text)[-1][1] == "Omar Said"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "stops"), [
    ("The talks ended.", True),
    ("Why did they leave?", True),
    ("\"The visit undermined the talks,\" Foreign Ministry spokesperson Syed", False),
])
def test_a_sentence_cut_mid_clause_does_not_stop(nlp, text: str, stops: bool) -> None:
    """The trailing attribution is read on into the next sentence only when the parser cut one short."""
    from talkwatch.extract.quotes.attribution import _stops

    assert _stops(nlp(text)[:]) is stops


@pytest.mark.slow
def test_trailing_attribution_with_a_long_title(nlp) -> None:
    text = ("\"The visit of the delegation undermined the careful arrangements made by the monitors,\" "
            "Foreign Ministry spokesperson Syed Tariq said.")
    assert speakers(nlp, text)[-1][1] == "Syed Tariq"


@pytest.mark.slow
def test_pronoun_after_a_speaker_the_index_mistyped(nlp) -> None:
    text = ("Reports said that Ota Ruiz assured that the “trust” had grown. He added that there will be "
            "“errors” on the way.")
    doc = nlp(text)
    index = FakeIndex.of(text, [("Ota Ruiz", "organization")])
    got = quotes.extract(Context(article=Article(body=text, id="t"), doc=doc, actors=index))
    assert [(q.text, q.speaker) for q in got] == [("trust", "a1"), ("errors", "a1")]


@pytest.mark.slow
def test_second_conjoined_reporting_verb_shares_the_subject(nlp) -> None:
    text = ("He also acknowledged that «The more than 20 years of conflict over the valley have taken a "
            "tremendous human and material toll» and acknowledged that «the wounds are deep».")
    assert dict(speakers(nlp, text)).get("the wounds are deep") == "He"


@pytest.mark.slow
def test_participle_after_a_reported_clause_is_the_reporters(nlp) -> None:
    text = ("Speaking on the process, Pedro Salas, the head of the rebel delegation, agreed that the issue "
            "of the truce would have to be discussed in the next round of talks in Lima, stating, \"You "
            "have to agree on the rules first.\"")
    assert speakers(nlp, text)[-1][1] == "Pedro Salas"


NO_SPEAKER = [
    pytest.param("The law, known as the “Peace Dividend Act,” passed on Monday.", id="known-as-a-name"),
    pytest.param("Ruiz went to the “red zone” near the border.", id="verb-of-a-phrasal-verb-alone"),
    pytest.param("The party that ruled the land for “decades” lost the vote.", id="ruled-without-a-clause"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NO_SPEAKER)
def test_no_speaker(nlp, text: str) -> None:
    assert speakers(nlp, text) == []
