"""Positions: what a stance cue does not state (forecasts, wishes about another actor's
acts, war aims, needs in a relative clause) and cues that did not reach their object.
Short sentences of our own about invented or other conflicts; the fake actor index comes
from test_positions."""

from __future__ import annotations

import pytest

from talkwatch.model import Evidence as Ev
from talkwatch.model import Quote
from test_positions import named, parse, run  # noqa: F401 - parse is a fixture

# Sentences with a cue word that state no position.
NOTHING = [
    # forecasts
    ("Hamas is likely to reject the truce plan.", [("Hamas", "armed_group")]),
    ("The rebels are expected to demand the release of their commanders.",
     [("rebels", "armed_group")]),
    ("Analysts predict that the junta will reject any power-sharing formula.",
     [("junta", "government"), ("Analysts", "expert")]),
    ("Diplomats anticipate that Rabat will accept the compromise.",
     [("Rabat", "government"), ("Diplomats", "group")]),
    # the act wanted of another actor is not that actor's stance
    ("We expect the guerrillas to accept the offer of an amnesty.", [("guerrillas", "armed_group")]),
    ("Norway persuaded Colombo to accept a ceasefire monitoring team.",
     [("Colombo", "government")]),
    # war aims
    ("The insurgents want to capture the provincial capital.", [("insurgents", "armed_group")]),
    ("The junta seeks to crush the northern militias before the rains.",
     [("junta", "government")]),
    # "decline" is a stance with an infinitive only; not one on commenting
    ("The rebels declined the invitation.", [("rebels", "armed_group")]),
    ("The spokesman declined to comment on the ceasefire.", [("spokesman", "person")]),
    ("The Druze council is not against the deployment of foreign police.",
     [("Druze council", "organization")]),
    ("The team voted in favour of the new coach.", [("team", "group")]),
    # vague objects are no issue
    ("Cuba and Norway welcomed the decision.", [("Cuba", "state"), ("Norway", "state")]),
    # backing a party named by nationality is an alliance; a step of others is theirs
    ("The embassy said its role was to support the Chadian and Nigerien governments.",
     [("embassy", "organization")]),
    ('"These are brave steps by both countries to leave the past behind and work towards a lasting '
     'peace," the envoy said.', [("envoy", "person")]),
    ("There is no question of a deal this week, analysts said.", [("analysts", "expert")]),
    ("The rebels signed a deal that does not include an amnesty.", [("rebels", "armed_group")]),
    # regarding something as something is no deliberation
    ("Hamas, which the EU considers a terrorist organisation, met the envoy.",
     [("Hamas", "armed_group"), ("EU", "igo")]),
    # what is denied is not held
    ("Moscow denied that it wanted to annex the coastal strip.", [("Moscow", "government")]),
    # a stance noun hung on a noun has no holder ("progress on an offer", "in efforts to")
    ("The envoy reported no progress in efforts to reach a settlement of the border dispute.",
     [("envoy", "person")]),
    ("The Lisbon government and the rebels reported progress on an offer of regional autonomy.",
     [("Lisbon government", "government"), ("rebels", "armed_group")]),
    # "work out" is not "work for"
    ("The negotiator said they worked out the agenda for the next session.", [("negotiator", "person")]),
    # a need in a relative clause is no one's demand
    ("The envoys listed issues that still need to be settled, the mediator said.",
     [("mediator", "person")]),
]


@pytest.mark.parametrize("body,spec", NOTHING)
def test_no_position(parse, body, spec):  # noqa: F811
    found, index = run(parse, body, spec)
    assert named(found, index) == []


def test_a_wish_voiced_to_reporters_is_the_speakers(parse):  # noqa: F811
    """'told reporters: we hope ...' is reported speech, not a wish about the reporters."""
    body = '"We hope that the coming days will be used to reach a settlement," Okello told reporters.'
    found, index = run(parse, body, [("Okello", "person")])
    assert ("Okello", "support") in [(n, s) for n, s, _, _ in named(found, index)]


def test_a_stance_in_a_relative_clause_under_urging_stays(parse):  # noqa: F811
    """'urged X to honour pledges, which the rebels consider non-negotiable': the rebels'."""
    body = "He urged the army to respect the accords, which the rebels consider non-negotiable."
    found, index = run(parse, body, [("rebels", "armed_group")])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("rebels", "non_negotiable")]


# (sentence, actors, holder, stance, words the issue must contain)
CASES = [
    # an infinitive whose verb is also a stance noun ("issue") is still the object
    ("The militias refused to issue a statement that they would disarm.",
     [("militias", "armed_group")], "militias", "reject", ["statement"]),
    # a common-noun compound is a term, not an actor, even if the index marks it
    ("The Karen National Union prefers the term self-rule.",
     [("Karen National Union", "armed_group"), ("term self-rule", "government")],
     "Karen National Union", "support", ["self-rule"]),
    # stance verbs, particles, adjectives and nouns (plural nouns by their singular)
    ("The rebels declined to sign the accord.", [("rebels", "armed_group")],
     "rebels", "reject", ["sign the accord"]),
    ("Serbia warned against any partition of the north.", [("Serbia", "state")],
     "Serbia", "oppose", ["partition of the north"]),
    ("Moscow vetoed the plan for an interim council.", [("Moscow", "government")],
     "Moscow", "reject", ["interim council"]),
    ("Cairo appealed for an immediate halt to the shelling.", [("Cairo", "government")],
     "Cairo", "demand", ["halt to the shelling"]),
    ("The guerrillas are reluctant to hand over their weapons.", [("guerrillas", "armed_group")],
     "guerrillas", "oppose", ["hand over their weapons"]),
    ("Ankara is keen on a quick deal over the pipeline.", [("Ankara", "government")],
     "Ankara", "support", ["quick deal"]),
    ("The unions are unhappy with the new pension formula.", [("unions", "organization")],
     "unions", "oppose", ["new pension formula"]),
    ("The Tamil parties renewed their calls for a federal constitution.",
     [("Tamil parties", "group")], "Tamil parties", "demand", ["federal constitution"]),
    ("Quito voiced its refusal to negotiate with the kidnappers.", [("Quito", "government")],
     "Quito", "reject", ["negotiate with the kidnappers"]),
    # efforts led by the holder; working for an outcome
    ("Norway has spearheaded efforts to reopen the fishing grounds.", [("Norway", "state")],
     "Norway", "support", ["reopen the fishing grounds"]),
    ("Oman is working toward a lasting truce in the south.", [("Oman", "state")],
     "Oman", "support", ["lasting truce"]),
    ("Oslo and Bern are pressing both sides to accept a phased truce.",
     [("Oslo", "government"), ("Bern", "government")], "Oslo", "demand", ["accept a phased truce"]),
    # ruling out; a government described by a plain adjective is an issue, not an ally
    ('"There is no possibility of allowing foreign troops on our soil," Ortiz said.',
     [("Ortiz", "person")], "Ortiz", "reject", ["allowing foreign troops"]),
    ("The Arab League backs a transitional government in Sanaa.", [("Arab League", "igo"),
     ("transitional government in Sanaa", "government")], "Arab League", "support",
     ["transitional government"]),
    # refusing what lacks X demands X
    ("The unions will not accept any agreement that does not include a wage floor.",
     [("unions", "organization")], "unions", "demand", ["include a wage floor"]),
    ("Ankara rejected any plan that did not provide for a rotating presidency.",
     [("Ankara", "government")], "Ankara", "demand", ["rotating presidency"]),
    # an evaluation the speaker states: "X is essential"
    ("Ortiz said a continued UN presence is essential for the villagers' security.",
     [("Ortiz", "person")], "Ortiz", "demand", ["continued UN presence"]),
    # a conjoined passive shares the subject; refusing to talk
    ("The plan has been welcomed by Quito and criticised by Lima.",
     [("Quito", "government"), ("Lima", "government")], "Lima", "oppose", ["plan"]),
    ("The spokesman said the militia would not talk to the provincial council.",
     [("militia", "armed_group")], "militia", "reject", ["talk to the provincial council"]),
    # compromising or negotiating on X is open to X; refusing to is holding X non-negotiable
    ('"We will not compromise on the unity of our country," Ortiz said.', [("Ortiz", "person")],
     "Ortiz", "non_negotiable", ["unity of our country"]),
    ("Baku is ready to compromise on the route of the railway.", [("Baku", "government")],
     "Baku", "open", ["route of the railway"]),
    # prepositional predicates and predicate demands
    ("The Druze council is against the deployment of foreign police.",
     [("Druze council", "organization")], "Druze council", "oppose", ["deployment of foreign police"]),
    ("Nicosia is in favour of a bizonal federation.", [("Nicosia", "government")],
     "Nicosia", "support", ["bizonal federation"]),
    ("The union said the reinstatement of the dismissed miners was a precondition for talks.",
     [("union", "organization")], "union", "demand", ["reinstatement of the dismissed miners"]),
    ("The return of the seized ships is the main demand of the fishermen.",
     [("fishermen", "group")], "fishermen", "demand", ["return of the seized ships"]),
]


@pytest.mark.parametrize("body,spec,holder,stance,words", CASES)
def test_position(parse, body, spec, holder, stance, words):  # noqa: F811
    found, index = run(parse, body, spec)
    hits = [p for p in named(found, index) if p[0] == holder and p[1] == stance]
    assert hits, named(found, index)
    assert all(w in hits[0][2] for w in words), hits


def test_a_denied_permission_is_opposed(parse):  # noqa: F811
    """'X should not be allowed to attend': the reporter opposes the attendance."""
    body = "Athens said that Ankara should not be allowed to join the energy forum."
    found, index = run(parse, body, [("Athens", "government"), ("Ankara", "government")])
    hits = [(n, s) for n, s, i, _ in named(found, index) if "join the energy forum" in i]
    assert hits == [("Athens", "oppose")]


def test_an_unresolved_party_subject_is_not_the_reporters_stance(parse):  # noqa: F811
    """'X said the delegation ... is not ready for talks' is the delegation's (unknown), not X's."""
    body = "Ortiz said the delegation representing the miners is not ready for serious talks."
    found, index = run(parse, body, [("Ortiz", "person")])
    assert named(found, index) == []


def test_the_nearest_speaker_holds_the_modal(parse):  # noqa: F811
    """'A said X, while those on the other side said they needed to consult Z': not A's."""
    body = ("Ortiz said the round was a modest beginning, while those on the government side "
            "said they needed to consult with the capital.")
    found, index = run(parse, body, [("Ortiz", "person")])
    assert named(found, index) == []


def test_ready_for_dialogue_is_open(parse):  # noqa: F811
    body = "The junta said it was ready for dialogue with the protesters."
    found, index = run(parse, body, [("junta", "government")])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("junta", "open")]


def test_the_group_is_the_last_named_group(parse):  # noqa: F811
    """'the group' after 'the ELN' and an unnamed 'its fighters' is the ELN."""
    body = ("The ELN met the envoys. Its fighters stayed home. Its commander said that the group "
            "would not lay down its weapons.")
    found, index = run(parse, body, [("ELN", "armed_group"), ("Its fighters", "armed_group")])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("ELN", "reject")]


def test_a_bare_delegation_is_the_speakers(parse):  # noqa: F811
    """'X said the delegation would push for Y': X speaks for her own delegation."""
    body = "Negotiator Ana Ruiz said the delegation would push for a nationwide ceasefire."
    found, index = run(parse, body, [("Ana Ruiz", "person")])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("Ana Ruiz", "demand")]


@pytest.mark.parametrize("body,spec,holder,words", [
    ('"Without an end to the raids, there can be no agreement," Ruiz said.', [("Ruiz", "person")],
     "Ruiz", ["end to the raids", "no agreement"]),
    ("The militia will not withdraw without guarantees for the villagers.",
     [("militia", "armed_group")], "militia", ["guarantees for the villagers"]),
])
def test_a_negated_outcome_without_x_demands_x(parse, body, spec, holder, words):  # noqa: F811
    """'no Y without X' is one demand (no refusal of the withdrawal besides)."""
    found, index = run(parse, body, spec)
    got = named(found, index)
    assert [(n, s) for n, s, _, _ in got] == [(holder, "demand")]
    assert all(w in got[0][2] for w in words), got


def test_ending_without_a_deal_is_no_demand(parse):  # noqa: F811
    found, index = run(parse, "The round ended without a deal, the envoy said.", [("envoy", "person")])
    assert named(found, index) == []


def test_neither_side_is_nobody(parse):  # noqa: F811
    body = "Envoys met in Geneva, but neither side appeared ready to make concessions, diplomats said."
    found, index = run(parse, body, [("diplomats", "group")])
    assert named(found, index) == []


def test_an_analysts_quote_states_no_stance(parse):  # noqa: F811
    """'"They will only negotiate when ...," said an analyst': an assessment, no position;
    the same words from a party's commander are its condition."""
    for kind, expected in (("expert", []), ("person", ["demand"])):
        body = ('The militias met. "The militias will only negotiate when they run out of weapons," '
                "said Vera Ortiz.")
        start, end = body.index('"') + 1, body.rindex('"')
        quote = Quote(body[start:end], start, end, Ev(start, end, body[start:end]), speaker="a1")
        found, index = run(parse, body, [("Vera Ortiz", kind), ("militias", "armed_group")], quotes=[quote])
        assert [s for _, s, _, _ in named(found, index)] == expected, kind


def test_a_bare_participle_shares_the_subject(parse):  # noqa: F811
    body = "The rebels seized two towns last week, demanding the release of their leader."
    found, index = run(parse, body, [("rebels", "armed_group")])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("rebels", "demand")]


def test_what_someone_is_ousted_for_is_no_stance(parse):  # noqa: F811
    body = "The general said the president was ousted for seeking to extend his term."
    found, index = run(parse, body, [("general", "person"), ("president", "person")])
    assert named(found, index) == []


def test_a_negated_condition_keeps_what_may_not_happen(parse):  # noqa: F811
    """'the filling should not begin before X': the demand names the filling and X."""
    body = "Cairo said the filling of the reservoir should not begin before both sides sign the accord."
    found, index = run(parse, body, [("Cairo", "government")])
    demands = [i for n, s, i, _ in named(found, index) if s == "demand"]
    assert any("filling of the reservoir" in i and "sign the accord" in i for i in demands), demands


def test_an_offer_to_host_is_no_issue(parse):  # noqa: F811
    body = "Ankara's offer to host the talks was accepted by both sides."
    found, index = run(parse, body, [("Ankara", "government")])
    assert named(found, index) == []


@pytest.mark.parametrize("body,spec,holder,stance,words", [
    ("The opposition has made the release of political prisoners a condition for any dialogue.",
     [("opposition", "opposition")], "opposition", "demand", ["release of political prisoners"]),
    ("Dhaka has expressed reservations about the proposed water-sharing formula.",
     [("Dhaka", "government")], "Dhaka", "oppose", ["water-sharing formula"]),
    ("Britain threw its weight behind the peace plan.", [("Britain", "state")],
     "Britain", "support", ["peace plan"]),
])
def test_more_constructions(parse, body, spec, holder, stance, words):  # noqa: F811
    found, index = run(parse, body, spec)
    hits = [p for p in named(found, index) if p[0] == holder and p[1] == stance]
    assert hits and all(w in hits[0][2] for w in words), named(found, index)


def test_a_numbered_collective_becomes_a_holder(parse):  # noqa: F811
    """'the five parties were unhappy over X': a holder named by its numbered noun phrase;
    'the parties' alone are the sides, no new actor."""
    found, index = run(parse, "The five parties were unhappy over the new voting rules.", [])
    assert [(n, s) for n, s, _, _ in named(found, index)] == [("five parties", "oppose")]
    found, index = run(parse, "The parties are unhappy over the new voting rules.", [])
    assert named(found, index) == []


@pytest.mark.parametrize("body,spec", [
    ("Panama offered to be the site of talks between the government and the strikers.",
     [("Panama", "state")]),
    ("The premier agreed to the step during a phone call with the governor.", [("premier", "person")]),
])
def test_roles_and_bare_steps_are_no_issue(parse, body, spec):  # noqa: F811
    found, index = run(parse, body, spec)
    assert named(found, index) == []


@pytest.mark.parametrize("body,spec", [
    # "hopes for a deal" that a participle casts doubt on are not the subject's
    ("Seoul did not send envoys, casting doubt on hopes for a deal.", [("Seoul", "government")]),
    # a statement committing to work towards X: no party holds it
    ("They signed a vague statement committing to work towards the reunification of the island.",
     []),
    # mediating efforts; a refused name
    ("The walkout dealt a blow to Nordic efforts to broker a truce.", []),
    ("A commander said the faction would not disarm. He declined to give his name.",
     [("commander", "person")]),
])
def test_more_non_positions(parse, body, spec):  # noqa: F811
    found, index = run(parse, body, spec)
    assert [p for p in named(found, index) if p[1] != "reject" or "name" in p[2]] == []


def test_the_refusal_of_x_to_do_y_is_xs(parse):  # noqa: F811
    """'the refusal of the organisers to include Turkey' is the organisers', not the clause
    subject's."""
    body = "Baku cited the refusal of the organisers to include Turkey."
    found, index = run(parse, body, [("Baku", "government"), ("organisers", "group")])
    held = [(n, s) for n, s, issue, _ in named(found, index) if "include" in issue]
    assert held == [("organisers", "reject")]
