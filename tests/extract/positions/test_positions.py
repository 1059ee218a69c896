"""Positions: stance cues, holders (pronouns, relatives, "his government"),
issues (clauses, anaphora, focus), negation and hedges.

Unit tests use a small fake actor index (names found by string search) so that
they test this extractor alone; the integration tests at the end go through the
real pipeline (actors, dates, quotes).
"""

from __future__ import annotations

import re

import pytest

from fake_actors import FakeIndex
from talkwatch import nlp
from talkwatch.context import Context
from talkwatch.extract import positions
from talkwatch.model import STANCES, Article, Quote
from talkwatch.model import Evidence as Ev


@pytest.fixture(scope="session")
def parse():
    return nlp.load()


def run(parse, body: str, spec, quotes=()) -> tuple[list, FakeIndex]:
    index = FakeIndex.of(body, spec)
    ctx = Context(article=Article(body=body, id="t", published="2024-03-01"),
                  doc=parse(body), actors=index, facts={"quotes": list(quotes)})
    return positions.extract(ctx), index


def named(found, index) -> list[tuple[str, str, str, bool]]:
    return [(index.get(p.actor).name, p.stance, p.issue, p.hedged) for p in found]


# (sentence, actors, holder, stance, words the issue must contain, hedged)
CASES = [
    ("Kyiv insists that Russian troops withdraw from all occupied territory.",
     [("Kyiv", "government")], "Kyiv", "demand", ["withdraw from all occupied territory"], False),
    ("The rebels called for the release of all political prisoners.",
     [("rebels", "armed_group")], "rebels", "demand", ["release of all political prisoners"],
     False),
    ("The government rejected a proposal for a transitional council.",
     [("government", "government")], "government", "reject", ["transitional council"], False),
    ("Egypt welcomed the envoy's plan to reopen the border crossing.",
     [("Egypt", "state")], "Egypt", "support", ["reopen the border crossing"], False),
    ("The Taliban refused to hold direct talks with the Afghan government.",
     [("Taliban", "armed_group")], "Taliban", "reject", ["hold direct talks"], False),
    ("Moscow does not support the deployment of peacekeepers.",
     [("Moscow", "government")], "Moscow", "oppose", ["deployment of peacekeepers"], False),
    ("Tehran did not rule out a prisoner exchange.",
     [("Tehran", "government")], "Tehran", "open", ["prisoner exchange"], False),
    ("The militia is reportedly ready to compromise on the disputed border.",
     [("militia", "armed_group")], "militia", "open", ["compromise on the disputed border"], True),
    ("Belgrade said the status of the northern municipalities was not up for discussion.",
     [("Belgrade", "government")], "Belgrade", "non_negotiable",
     ["status of the northern municipalities"], False),
    ("Armenia may accept the new border demarcation.",
     [("Armenia", "state")], "Armenia", "support", ["border demarcation"], True),
    ("Pakistan, which backs the Taliban, has said it opposes any foreign military presence.",
     [("Pakistan", "state"), ("Taliban", "armed_group")], "Pakistan", "oppose",
     ["foreign military presence"], False),
    ("Hamas wants a permanent ceasefire and the full withdrawal of Israeli forces.",
     [("Hamas", "armed_group")], "Hamas", "demand", ["permanent ceasefire", "withdrawal"], False),
    ("The Serbian president said Kosovo's independence is a red line.",
     [("Serbian president", "person")], "Serbian president", "non_negotiable",
     ["independence"], False),
    ("Qatar, which hosts the movement's political office, has shown that it is open to greater "
     "flexibility to end the war.",
     [("Qatar", "state")], "Qatar", "open", ["end the war"], False),
    ("The junta rejected calls for elections within a year.",
     [("junta", "government")], "junta", "reject", ["elections within a year"], False),
    ("Addis Ababa considers access to the sea non-negotiable.",
     [("Addis Ababa", "government")], "Addis Ababa", "non_negotiable", ["access to the sea"],
     False),
    # cue lexicon: ask, hope, consider, committed, ready for, bound by, no objection, accept
    ("Baku had asked that the Turkish president be invited to the summit.",
     [("Baku", "government")], "Baku", "demand", ["Turkish president be invited"], False),
    ("The rebels asked for a partial lifting of sanctions.",
     [("rebels", "armed_group")], "rebels", "demand", ["partial lifting of sanctions"], False),
    ("The envoy said on Monday he hoped a truce would be in place by the holiday.",
     [("envoy", "person")], "envoy", "support", ["truce would be in place"], False),
    ("Zagreb said it was considering a phased return of refugees.",
     [("Zagreb", "government")], "Zagreb", "open", ["phased return of refugees"], False),
    ("The opposition remains committed to a federal constitution.",
     [("opposition", "opposition")], "opposition", "support", ["federal constitution"], False),
    ("The militia said it was ready for a lasting ceasefire.",
     [("militia", "armed_group")], "militia", "support", ["lasting ceasefire"], False),
    ("The rebels were ready to discuss a ceasefire.",
     [("rebels", "armed_group")], "rebels", "open", ["discuss a ceasefire"], False),
    ("Manila said it would not be bound by any deal signed without it.",
     [("Manila", "government")], "Manila", "reject", ["deal"], False),
    ("The coalition said it had no objection to the reopening of the airport.",
     [("coalition", "group")], "coalition", "open", ["reopening of the airport"], False),
    ("The delegation will not accept any arrangement that keeps the blockade in place.",
     [("delegation", "group")], "delegation", "reject", ["keeps the blockade"], False),
    # modals: have to, need to
    ('"Any agreement will have to respect the constitution," the minister said.',
     [("minister", "person")], "minister", "demand", ["respect the constitution"], False),
    # conditions and refused actions
    ("Its chairman, Omar Dahir, said the movement would sign nothing unless its leader was "
     "freed.", [("Omar Dahir", "person")], "Omar Dahir", "demand", ["leader was freed"], False),
    ("The commander said his side would respect the truce as long as the air strikes stopped.",
     [("commander", "person")], "commander", "demand", ["air strikes stopped"], False),
    ("Its leader told the radio that his men would not hand over their weapons.",
     [("leader", "person")], "leader", "reject", ["hand over their weapons"], False),
    # a relative pronoun object stands for the noun it modifies
    ("Belgrade insists on a corridor to the enclave, which Pristina rejects as a threat.",
     [("Belgrade", "government"), ("Pristina", "government")], "Pristina", "reject",
     ["corridor to the enclave"], False),
    ("He urged the army to honour its pledges on land reform, which the rebels consider "
     "non-negotiable.", [("rebels", "armed_group")], "rebels", "non_negotiable",
     ["land reform"], False),
    # holders: members, a possessor's camp, descriptions, entity subjects
    ("The front said it would attend, but its leaders have demanded the release of prisoners.",
     [("front", "armed_group")], "front", "demand", ["release of prisoners"], False),
    ("Dostum's camp insists that the militias be disarmed first.",
     [("Dostum", "person")], "Dostum", "demand", ["militias be disarmed"], False),
    ("Hamas held talks in Doha on Monday. The group demands a permanent ceasefire.",
     [("Hamas", "armed_group")], "Hamas", "demand", ["permanent ceasefire"], False),
    # being prepared to act is support for the act; only readiness to talk is "open"
    ("The Kremlin spokesman, Ivan Orlov, said Washington was prepared to lift some sanctions.",
     [("Ivan Orlov", "person")], "Ivan Orlov", "support", ["lift some sanctions"], False),
    ("Her Democratic Unity party has called for any truce to be conditional on an end to "
     "kidnappings.", [], "Democratic Unity party", "demand", ["end to kidnappings"], False),
    ("The Abkhaz side demands that Tbilisi sign a pledge, a demand the Georgian government "
     "rejects.", [("Abkhaz", "group"), ("Georgian government", "government")],
     "Georgian government", "reject", ["Tbilisi sign a pledge"], False),
    ("The government, for its part, insists that the guerrillas stop extortion.",
     [("government", "government")], "government", "demand", ["guerrillas stop extortion"],
     False),
]


@pytest.mark.parametrize("body,spec,holder,stance,words,hedged", CASES)
def test_position(parse, body, spec, holder, stance, words, hedged):
    found, index = run(parse, body, spec)
    hits = [p for p in named(found, index) if p[0] == holder and p[1] == stance]
    assert hits, named(found, index)
    assert all(w in hits[0][2] for w in words), hits
    assert hits[0][3] is hedged
    assert all(p.stance in STANCES for p in found)
    assert all(body[p.evidence.start:p.evidence.end] == p.evidence.text for p in found)


# Sentences that state no position of an actor.
NOTHING = [
    ("Washington does not oppose a phased withdrawal.", [("Washington", "government")]),
    ("It is widely believed that the region must be demilitarised.", []),
    ("Turkey, which backed the rebels, sent troops across the border.",
     [("Turkey", "state"), ("rebels", "armed_group")]),
    ("The army may feel less open to compromise after its recent gains.",
     [("army", "armed_group")]),
    ("The rebels refused to attend the talks.", [("rebels", "armed_group")]),
    ("Many analysts want a quick end to the fighting.", []),
    # not issues: people welcomed, a free relative, something vague, help, anonymity
    ("The foreign minister welcomed the delegations at the ministry.", [("foreign minister",
                                                                        "person")]),
    ("He has already got what he wanted on the ground, Kessler said.", [("Kessler", "expert")]),
    ("If Iran thinks it can ask for something better, it is wrong, Malley said.",
     [("Iran", "state"), ("Malley", "person")]),
    ("The envoy said Washington was ready to help in any way it could.", [("envoy", "person")]),
    ("A diplomat who asked not to be named said the talks were stuck.", [("diplomat", "person")]),
    # not stated: dropped, accused of, if-clauses, rather than, generic subjects
    ("The broadcaster said the rebels had dropped their demand for independence.",
     [("rebels", "armed_group"), ("broadcaster", "media")]),
    ("The army accused the rebels of seeking a military victory.",
     [("army", "armed_group"), ("rebels", "armed_group")]),
    ("Each side wants the other to be blamed if the talks fail, Rahimi said.",
     [("Rahimi", "expert")]),
    ("Both sides want the talks to go on, but neither wants to move first, Gogia said.",
     [("Gogia", "person")]),
    ("Analysts doubt the junta is serious, rather than asking for the rebels' surrender.",
     [("junta", "government")]),
    # modals that are no demand
    ('"Sometimes you have to walk away," Trump said.', [("Trump", "person")]),
    ("Two of its members have yet to decide whether to send representatives, the alliance said.",
     [("alliance", "group")]),
    ("Norway's envoy called the deal an opportunity that must not be wasted.",
     [("envoy", "person")]),
    ("Jensen, an analyst, said expectations should remain modest.", [("Jensen", "expert")]),
    # durations and dates are no objects
    ("Mexico would accompany the process for as long as the parties need it, Ruiz said.",
     [("Ruiz", "person"), ("Mexico", "state")]),
    ("The talks were put off for what the ministry called technical reasons on Wednesday.",
     [("ministry", "government")]),
]


@pytest.mark.parametrize("body,spec", NOTHING)
def test_no_position(parse, body, spec):
    found, index = run(parse, body, spec)
    assert named(found, index) == []


def test_pronoun_and_possessive_holders_share_the_issue_in_focus(parse):
    body = ("The Congolese government and the opposition met in Kinshasa on Monday. "
            "Negotiators remain divided over the fate of President Kabila. "
            "The opposition demands that he step down before the vote, but his government says "
            "this is not up for negotiation.")
    spec = [("Congolese government", "government", "COD"), ("opposition", "opposition"),
            ("Kabila", "person", "COD")]
    found, index = run(parse, body, spec)
    got = {(n, s): issue for n, s, issue, _ in named(found, index)}
    demand = got[("opposition", "demand")]
    assert "fate of President Kabila" in demand and "Kabila step down" in demand
    assert "fate of President Kabila" in got[("Congolese government", "non_negotiable")]


def test_it_in_the_issue_clause_takes_the_issue_in_focus(parse):
    body = ("The most divisive question remains the status of Abyei. "
            "Khartoum demands that it be placed under joint administration.")
    found, index = run(parse, body, [("Khartoum", "government")])
    assert named(found, index)[0][:2] == ("Khartoum", "demand")
    assert "status of Abyei" in found[0].issue


def test_a_demand_the_other_side_rejects(parse):
    body = ("Belgrade insists that Pristina dissolve its special police units, a demand the "
            "Kosovo government rejects.")
    spec = [("Belgrade", "government"), ("Kosovo government", "government")]
    found, index = run(parse, body, spec)
    got = {(n, s): issue for n, s, issue, _ in named(found, index)}
    assert "dissolve its special police units" in got[("Belgrade", "demand")]
    assert got[("Kosovo government", "reject")] == got[("Belgrade", "demand")]


def test_conjoined_subjects_each_hold_the_position(parse):
    body = "France and Germany support a negotiated settlement in the Donbas."
    found, index = run(parse, body, [("France", "state"), ("Germany", "state")])
    holders = sorted(n for n, s, _, _ in named(found, index) if s == "support")
    assert holders == ["France", "Germany"]


def test_must_inside_a_quote_is_the_speakers_demand(parse):
    body = ('"We will not go back," the commander said. "The army must leave our villages first, '
            'and the checkpoints must be removed."')
    start = body.index("The army")
    end = body.rindex('"')
    index_spec = [("commander", "person")]
    quote = Quote(body[start:end], start, end, Ev(start, end, body[start:end]), speaker="a1")
    found, index = run(parse, body, index_spec, quotes=[quote])
    demands = [p for p in named(found, index) if p[1] == "demand"]
    assert len(demands) == 1 and demands[0][0] == "commander"
    assert "army leave our villages" in demands[0][2] and "checkpoints" in demands[0][2]


def test_pronoun_subject_prefers_the_subject_before(parse):
    body = ("The RSF said its delegation was still in Jeddah and accused the army of stalling. "
            "It called on the sponsors to hold the army responsible for the collapse.")
    found, index = run(parse, body, [("RSF", "armed_group"), ("army", "armed_group")])
    got = {(n, s): issue for n, s, issue, _ in named(found, index)}
    assert "hold the army responsible" in got[("RSF", "demand")], got
    assert ("army", "demand") not in got


def test_a_list_known_by_a_collective_name_holds_as_one(parse):
    body = ("The United States, Britain and Norway, known as the Troika, will attend as "
            "observers. In a joint statement they said the parties must respect the truce.")
    spec = [("United States", "state"), ("Britain", "state"), ("Norway", "state"),
            ("Troika", "group")]
    found, index = run(parse, body, spec)
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("Troika", "demand")]


def test_it_after_a_predicate_noun_is_that_noun(parse):
    body = ('"This is a nationally owned process. We will support it," Ortiz said.')
    start, end = 1, body.index(',"')
    quote = Quote(body[start:end], start, end, Ev(start, end, body[start:end]), speaker="a1")
    found, index = run(parse, body, [("Ortiz", "person")], quotes=[quote])
    got = {(n, s): issue for n, s, issue, _ in named(found, index)}
    assert "nationally owned process" in got[("Ortiz", "support")], got


def test_an_unknown_named_subject_becomes_an_actor(parse):
    body = "Tehran refuses to negotiate directly with the United States."
    found, index = run(parse, body, [])
    assert named(found, index) == [("Tehran", "reject",
                                    "negotiate directly with the United States", False)]


def test_lexicon_values_are_stances():
    lex = positions.lexicon.load("positions")
    for key, value in lex.items():  # YAML 1.1 reads a bare no / on as a boolean
        if isinstance(value, list):
            assert all(isinstance(v, str) for v in value), key
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value), key
    assert all(isinstance(k, str) for m in lex["particle_verbs"].values() for k in m)
    values = [*lex["verbs"].values(), *lex["adjectives"].values(), *lex["nouns"].values(),
              *lex["modals"].values(),
              *(v for m in lex["particle_verbs"].values() for v in m.values())]
    assert set(values) <= set(STANCES)
    assert {v for v in lex["negated"].values() if v} <= set(STANCES)
    assert set(lex["nouns"]) == set(lex["noun_preps"])
    for pattern in lex["non_negotiable"]:
        re.compile(pattern)


# -- through the real pipeline ------------------------------------------------

ARTICLE = (
    'Egypt, Sudan and Ethiopia resumed talks in Kinshasa on Sunday over the Grand Ethiopian '
    'Renaissance Dam. The key issue remains the filling of the reservoir during droughts.\n'
    '\n'
    "Egypt insists that Ethiopia sign a legally binding agreement on the dam's operation, a "
    "demand Ethiopia rejects. Ethiopia's foreign ministry said the country's right to use the"
    ' Nile was "not up for negotiation".\n'
    '\n'
    "Sudan, which has hosted several rounds, said it supported the African Union's efforts to"
    ' bring both sides back to the table. Cairo does not oppose a phased filling schedule, '
    'diplomats said.\n'
    '\n'
)


@pytest.fixture(scope="module")
def pipeline_ctx():
    pipeline = pytest.importorskip("talkwatch.pipeline")
    ctx = pipeline.build_context(Article(body=ARTICLE, id="p", published="2024-03-06"))
    return pipeline.extract(ctx)


def test_pipeline_positions(pipeline_ctx):
    ctx = pipeline_ctx
    got = {(ctx.actors.get(p.actor).name, p.stance): p.issue for p in ctx.facts["positions"]}
    assert "Ethiopia sign a legally binding agreement" in got[("Egypt", "demand")]
    assert got[("Ethiopia", "reject")] == got[("Egypt", "demand")]
    assert "table" in got[("Sudan", "support")]
    assert any(s == "non_negotiable" and "right to use the Nile" in i for (_, s), i in got.items())
    assert not any(n == "Egypt" and s == "oppose" for n, s in got)  # "does not oppose"
    for p in ctx.facts["positions"]:
        assert ARTICLE[p.evidence.start:p.evidence.end] == p.evidence.text
