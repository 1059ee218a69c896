"""Positions: stance cues, holders (pronouns, relatives, "his government"),
issues (clauses, anaphora, focus), negation and hedges.

Unit tests use a small fake actor index (names found by string search) so that
they test this extractor alone; the integration tests at the end go through the
real pipeline (actors, dates, quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from talkwatch import nlp
from talkwatch.context import Context
from talkwatch.extract import positions
from talkwatch.model import STANCES, Actor, Article, Quote
from talkwatch.model import Evidence as Ev


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    text: str


@dataclass
class FakeIndex:
    """The ActorIndex interface over names found by plain string search."""

    body: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def of(cls, body: str, spec: list[tuple[str, str] | tuple[str, str, str]]) -> FakeIndex:
        index = cls(body)
        for i, (name, typ, *country) in enumerate(spec, 1):
            actor = Actor(id=f"a{i}", name=name, type=typ, country=country[0] if country else None)
            index.actors.append(actor)
            for m in re.finditer(rf"\b{re.escape(name)}\b", body):
                index.mentions.append(Mention(m.start(), m.end(), actor.id, m.group()))
        index.mentions.sort(key=lambda m: m.start)
        return index

    def get(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def at(self, start: int, end: int) -> Actor | None:
        hits = [m for m in self.mentions if m.start < end and start < m.end]
        return self.get(max(hits, key=lambda m: m.end - m.start).actor) if hits else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def last_before(self, pos: int, types: set[str] | None = None) -> Mention | None:
        fits = [m for m in self.mentions if m.end <= pos
                and (types is None or self.get(m.actor).type in types)]
        return fits[-1] if fits else None

    def lookup(self, text: str) -> Actor | None:
        return next((a for a in self.actors if a.name.lower() == text.lower()), None)

    def add(self, name: str, type: str, start: int, end: int, **fields: object) -> Actor:
        actor = self.lookup(name) or Actor(id=f"a{len(self.actors) + 1}", name=name, type=type)
        if actor not in self.actors:
            self.actors.append(actor)
        self.mentions.append(Mention(start, end, actor.id, self.body[start:end]))
        self.mentions.sort(key=lambda m: m.start)
        return actor


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


def test_lexicon_values_are_stances():
    lex = positions.lexicon.load("positions")
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
