"""List items the parser hung inside another item, promise-like verbs with an infinitive,
desire, non-issues (playing a role, arresting someone) and the subject nearest the verb."""

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


def test_nested_list_item_is_its_own_demand(parse):
    body = ("Kovac said he would sign if four conditions are met: lifting of the embargo, recognition "
            "of local councils, universal renunciation of force and return of all refugees to the valley.")
    issues = [i for h, s, i in found(parse, body, [("Kovac", "person")]) if s == "demand"]
    assert any(i.startswith("universal renunciation of force") and "refugees" not in i for i in issues)
    assert any(i.startswith("return of all refugees") for i in issues)


@pytest.mark.parametrize("body, holder, stance, words", [
    ("The militia pledged to respect the truce in the southern districts.", "militia", "support",
     "respect the truce"),
    ("The council vowed to hold a referendum on the new charter.", "council", "support", "referendum"),
    ("The delegates desired a longer transition period.", "delegates", "demand", "longer transition"),
])
def test_promise_and_desire(parse, body, holder, stance, words):
    got = found(parse, body, [(holder, "group")])
    assert any(h == holder and s == stance and words in i for h, s, i in got)


def test_promise_needs_an_infinitive(parse):
    assert found(parse, "The council promised a statement.", [("council", "group")]) == []


@pytest.mark.parametrize("body", [
    "Carpania pledged to play a constructive role in the talks.",
    "Carpania vowed to arrest the rebel commander if he returns.",
])
def test_no_issue(parse, body):
    assert found(parse, body, [("Carpania", "state")]) == []


def test_dateline_is_not_the_subject(parse):
    body = ("Port Elmo, March 3 (Wire).- The Ruritanian government began the talks, "
            "calling for a phased withdrawal of foreign troops.")
    got = found(parse, body, [("Ruritanian government", "government"), ("Port Elmo", "state")])
    assert [h for h, s, _ in got if s == "demand"] == ["Ruritanian government"]


def test_the_groups_are_the_groups_named_before(parse):
    body = ("Two armed groups, the Red Hand and the Blue Star, stayed away from the conference. "
            "The groups have refused to hand over the captured towns.")
    spec = [("Red Hand", "armed_group"), ("Blue Star", "armed_group"), ("Two armed groups", "armed_group")]
    got = found(parse, body, spec)
    assert [h for h, s, _ in got if s == "reject"] == ["Two armed groups"]


@pytest.mark.parametrize("body, stance, words", [
    ("Carpania remains critical of the new peace plan.", "oppose", "new peace plan"),
    ("Carpania said it was sceptical about a frozen conflict.", "oppose", "frozen conflict"),
    ("Carpania has been supportive of the Norwegian mediation.", "support", "Norwegian mediation"),
    ("Carpania is determined to secure a federal constitution.", "support", "federal constitution"),
])
def test_adjectives_with_their_prepositions(parse, body, stance, words):
    got = found(parse, body, [("Carpania", "state")])
    assert any(s == stance and words in i for _, s, i in got)


def test_critical_to_is_no_criticism(parse):
    body = "Carpania said the transition is critical to the success of the deal."
    assert not [p for p in found(parse, body, [("Carpania", "state")]) if p[1] == "oppose"]


@pytest.mark.parametrize("body, holder, stance, words", [
    ("The rebels repudiated the accord on the border.", "rebels", "reject", "accord on the border"),
    ("Carpania consented to the deployment of monitors.", "Carpania", "support", "deployment of monitors"),
    ("Carpania disagreed with the sequencing of the withdrawal.", "Carpania", "oppose", "sequencing"),
    ("The rebels' condition that all prisoners be freed was rejected.", "rebels", "demand",
     "all prisoners be freed"),
    ("Carpania voiced criticism of the new map.", "Carpania", "oppose", "new map"),
    ("Carpania renewed its bid for a seat on the council.", "Carpania", "demand", "seat on the council"),
])
def test_more_stance_words(parse, body, holder, stance, words):
    got = found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")])
    assert any(h == holder and s == stance and words in i for h, s, i in got)


@pytest.mark.parametrize("body, holders, stance, words", [
    ("Carpania and Ruritania both want a quick deal.", ["Carpania", "Ruritania"], "demand", "quick deal"),
    ("Carpania is against holding a referendum.", ["Carpania"], "oppose", "holding a referendum"),
    ("Ruritania has set the release of prisoners as a precondition for talks.", ["Ruritania"], "demand",
     "release of prisoners"),
    ("Carpania's position is that the border must be redrawn.", ["Carpania"], "demand", "border be redrawn"),
])
def test_holder_constructions(parse, body, holders, stance, words):
    got = found(parse, body, [("Carpania", "state"), ("Ruritania", "state")])
    assert sorted(h for h, s, i in got if s == stance and words in i) == holders


def test_a_quantifier_before_the_subject_is_still_nobody(parse):
    assert found(parse, "Each side wants a quick deal.", [("side", "group")]) == []


@pytest.mark.parametrize("body, holder, words", [
    ("Carpania will only sign the deal if its troops can stay in the north.", "Carpania",
     "its troops can stay in the north"),
    ("Carpania would agree to a ceasefire only if Ruritania withdraws first.", "Carpania",
     "Ruritania withdraws first"),
])
def test_only_if_is_a_condition(parse, body, holder, words):
    got = found(parse, body, [("Carpania", "state"), ("Ruritania", "state")])
    assert [(h, i) for h, s, i in got if s == "demand"] == [(holder, words)]


def test_a_condition_inside_a_hypothesis_is_none(parse):
    body = "Analysts said that if Carpania would sign only if Ruritania withdrew, the talks would fail."
    assert found(parse, body, [("Carpania", "state"), ("Ruritania", "state")]) == []


@pytest.mark.parametrize("body, stance, words", [
    ("Carpania described the proposal as unacceptable.", "reject", "proposal"),
    ("Carpania deemed the new map unacceptable.", "reject", "new map"),
    ("Carpania said it found the terms acceptable.", "support", "terms"),
    ("Carpania did not consider the terms acceptable.", "reject", "terms"),
])
def test_judged_small_clauses(parse, body, stance, words):
    assert found(parse, body, [("Carpania", "state")]) == [("Carpania", stance, words)]


@pytest.mark.parametrize("body, stance, words", [
    ("Carpania is adamant that the islands belong to it.", "demand", "islands belong to it"),
    ("Carpania praised the proposal for a joint commission.", "support", "joint commission"),
    ("Carpania slammed the proposal for a buffer zone.", "oppose", "buffer zone"),
    ("Carpania stressed the need for a comprehensive ceasefire.", "demand", "comprehensive ceasefire"),
    ("Carpania emphasised the importance of free elections.", "support", "free elections"),
])
def test_more_cues(parse, body, stance, words):
    got = found(parse, body, [("Carpania", "state")])
    assert any(h == "Carpania" and s == stance and words in i for h, s, i in got)


def test_with_absolute_participle(parse):
    body = ("Norway on Monday opened a round of talks between the government and the rebels with "
            "Carpania promising to work for a demilitarised border.")
    got = found(parse, body, [("Carpania", "state")])
    assert any(h == "Carpania" and "demilitarised border" in i for h, s, i in got)


def test_assurance_of_a_future_act(parse):
    body = "Carpania assured them that it would keep the border crossings open."
    got = found(parse, body, [("Carpania", "state")])
    assert [(h, s) for h, s, i in got if "border crossings open" in i] == [("Carpania", "support")]
    assert not any(i.startswith("them") for _, _, i in got)


def test_assurance_of_a_fact_is_none(parse):
    body = "Carpania assured them that the talks were going well."
    assert found(parse, body, [("Carpania", "state")]) == []


def test_one_side_focus_is_a_priority(parse):
    body = "Carpania insisted on a truce first, while the opposition focused on the release of detainees."
    got = found(parse, body, [("Carpania", "state"), ("opposition", "opposition")])
    assert ("opposition", "demand", "release of detainees") in got


@pytest.mark.parametrize("body", [
    "The two sides focused on the release of detainees.",
    "The talks focused on the release of detainees, Carpania said.",
    "Carpania and the opposition focused on the release of detainees.",
])
def test_joint_focus_is_the_topic(parse, body):
    assert found(parse, body, [("Carpania", "state"), ("opposition", "opposition")]) == []


def test_it_stands_for_what_the_sentence_is_about(parse):
    body = ("There was confusion regarding the prisoner exchange, with the rebels saying they had not "
            "agreed to it.")
    got = found(parse, body, [("rebels", "armed_group")])
    assert ("rebels", "reject", "prisoner exchange") in got


def test_terms_of_an_agreed_deal_are_supported(parse):
    body = "Carpania and the rebels have agreed a deal which will give the northern valley self-rule."
    got = found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")])
    assert sorted(h for h, s, i in got if s == "support" and "self-rule" in i) == ["Carpania", "rebels"]


def test_a_plain_agreement_is_no_stance(parse):
    body = "Carpania and the rebels have agreed a truce that starts on Monday."
    assert found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")]) == []


def test_condition_after_a_dash_and_who_meets_it(parse):
    body = ("The rebels had set several conditions for talks. "
            "Carpania met another rebel condition before the talks - lifting the curfew in the capital.")
    got = found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")])
    assert ("Carpania", "support", "lifting the curfew in the capital") in got
    assert ("rebels", "demand", "lifting the curfew in the capital") in got


def test_a_demand_not_met_is_no_support(parse):
    body = "Carpania did not meet the rebels' demand for an amnesty."
    got = found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")])
    assert [h for h, s, i in got if h == "Carpania"] == []


def test_raised_hopes_are_not_the_raisers(parse):
    body = ("PORT ELMO, May 2 - A Carpanian delegation landed on Tuesday, raising hopes that the "
            "talks will resume.")
    assert found(parse, body, [("Carpanian delegation", "group")]) == []


def test_moving_beyond_a_row_is_no_issue(parse):
    body = "Carpania opened a new round on Monday, seeking to move beyond a row over the ceasefire."
    assert found(parse, body, [("Carpania", "state")]) == []


@pytest.mark.parametrize("body, holder, stance, words", [
    ("Calls by Carpania for a ceasefire have gone unanswered.", "Carpania", "demand", "ceasefire"),
    ("Demands from the rebels for a federal system have stalled the talks.", "rebels", "demand",
     "federal system"),
    ("The plan, backed by Carpania, calls for a phased withdrawal.", "Carpania", "support", "plan"),
])
def test_owner_after_the_noun(parse, body, holder, stance, words):
    got = found(parse, body, [("Carpania", "state"), ("rebels", "armed_group")])
    assert any(h == holder and s == stance and words in i for h, s, i in got)


def test_there_will_be_no(parse):
    body = "Carpania said there would be no amnesty for the coup leaders."
    got = found(parse, body, [("Carpania", "state")])
    assert got == [("Carpania", "reject", "amnesty for the coup leaders")]


@pytest.mark.parametrize("body", [
    "Carpania said there was no agreement on the border.",
    "Carpania said there would be no talks without a ceasefire.",
])
def test_there_be_no_fact_or_condition(parse, body):
    assert not [p for p in found(parse, body, [("Carpania", "state")]) if p[1] == "reject"]


def test_voiced_concern_opposes(parse):
    body = "Carpania expressed concern over the deployment of foreign troops."
    got = found(parse, body, [("Carpania", "state")])
    assert got == [("Carpania", "oppose", "deployment of foreign troops")]


def test_concerns_nobody_voiced(parse):
    body = "Carpania said it would attend despite ongoing concerns about the wide gaps between the sides."
    assert not [p for p in found(parse, body, [("Carpania", "state")]) if p[1] == "oppose"]


def test_members_from_an_actor_speak_for_it(parse):
    body = "Representatives from Carpania demanded the reopening of the airport."
    got = found(parse, body, [("Carpania", "state")])
    assert got == [("Carpania", "demand", "reopening of the airport")]


def test_praising_the_mediators_is_no_issue(parse):
    assert found(parse, "Carpania praised the mediators for their patience.", [("Carpania", "state")]) == []
