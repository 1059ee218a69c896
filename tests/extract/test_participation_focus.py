"""Which meeting a participation statement is about, and who its subject names."""

from __future__ import annotations

from conftest import has_fact, names


def _facts(digest):
    """(actor name, status, meeting name, role) for every participation."""
    who = names(digest)
    meeting = {m["id"]: m["name"] for m in digest["meetings"]}
    facts = digest["participations"]
    return {(who[p["actor"]], p["status"], meeting[p["meeting"]], p["role"]) for p in facts}


def test_purpose_infinitive_names_the_meeting_before_the_city(run):
    digest = run(
        "Peace talks on Yemen opened in Geneva on Monday. A preliminary meeting was held in Geneva "
        "on Sunday. Oman arrived in Geneva on Monday to take part in the peace talks."
    )
    arrived = {m for a, s, m, _ in _facts(digest) if a == "Oman" and s == "arrived"}
    assert arrived and not any("preliminary" in m for m in arrived), _facts(digest)


def test_a_name_inside_a_quoted_title_is_no_antecedent_of_a_pronoun(run):
    digest = run(
        "Talks between Chad and Niger opened in Niamey on Monday. The sides signed the \"Accord on the"
        " Rights of Citizens of Benin\". In the talks, they also agreed to attend a summit."
    )
    who = names(digest)
    assert "Benin" not in {who[p["actor"]] for p in digest["participations"]}, digest["participations"]


def test_parties_of_a_round_named_through_its_negotiations(run):
    digest = run("The next round of negotiations between Chad and Niger will open on Friday.")
    assert has_fact(digest, "participations", "Chad", "will_attend")
    assert has_fact(digest, "participations", "Niger", "will_attend")


def test_dateline_without_dash_names_no_participant(run):
    digest = run("ALGIERS, Algeria May 4 The Malian government boycotted the talks in Algiers on Tuesday.")
    assert has_fact(digest, "participations", "Malian government", "declined"), _facts(digest)
    assert not has_fact(digest, "participations", "Algeria", "declined")


def test_agreeing_to_meet_again_is_no_negotiating_now(run):
    digest = run("The talks in Oslo ended on Friday. Peru and Chile agreed to meet again in Lima next month.")
    assert not [f for f in _facts(digest) if f[1] == "attended" and "Lima" in f[2]], _facts(digest)


def test_acting_as_mediator_gives_the_role(run):
    digest = run("Talks between Sudan and South Sudan open in Doha on Monday. Qatar will act as mediator.")
    roles = {(a, s, r) for a, s, _, r in _facts(digest)}
    assert ("Qatar", "will_attend", "mediator") in roles, roles


def test_its_members_are_the_group(run):
    digest = run(
        "The talks in Doha opened on Monday. The Hamas delegation met mediators after its members arrived."
    )
    assert not any("members" in a for a, *_ in _facts(digest)), _facts(digest)


def test_a_participle_hung_on_a_preposition_names_the_prepositions_meeting(nlp):
    from types import SimpleNamespace

    from spacy.tokens import Doc

    from talkwatch.extract._discourse import named_meeting

    words = ["Following", "the", "meeting", ",", "attended", "by", "Ruiz", ",", "they", "spoke", "."]
    heads = [9, 2, 0, 0, 0, 4, 5, 9, 9, 9, 9]
    deps = ["prep", "det", "pobj", "punct", "conj", "agent", "pobj", "punct", "nsubj", "ROOT", "punct"]
    tags = ["VBG", "DT", "NN", ",", "VBN", "IN", "NNP", ",", "PRP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    meeting = SimpleNamespace(id="m2")
    focus = SimpleNamespace(by_pos={doc[2].idx: "m2"}, meetings={"m2": meeting})
    assert named_meeting(doc[4], focus) is meeting
