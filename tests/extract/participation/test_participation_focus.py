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


def test_a_relative_clause_inside_the_clause_names_no_meeting_of_its_cue(run):
    digest = run(
        "Peace talks between Peru and Chile opened in Lima on Monday. The foreign ministers were "
        "joined by the UN envoy Maria Santos and later by the Brazilian president, who met separately "
        "with both ministers before a working dinner planned for Monday evening."
    )
    joined = {m for a, s, m, _ in _facts(digest) if a == "Maria Santos" and s == "attended"}
    assert joined and not any("dinner" in m for m in joined), _facts(digest)


def test_a_counted_description_stands_for_the_people_named_just_before(run):
    digest = run(
        "President Ana Rojas of Chile and President Luis Vega of Peru will be joined in Lima by "
        "Brazilian President Carlos Mendes. The three leaders already met in Quito on May 2."
    )
    for name in ("Ana Rojas", "Luis Vega", "Carlos Mendes"):
        assert has_fact(digest, "participations", name, "attended"), _facts(digest)


def test_a_count_that_differs_from_the_people_named_brings_none_of_them(run):
    digest = run(
        "President Ana Rojas of Chile and President Luis Vega of Peru will meet in Lima. "
        "The three leaders already met in Quito on May 2."
    )
    assert not has_fact(digest, "participations", "Ana Rojas", "attended"), _facts(digest)


def test_having_a_meeting_is_attending_the_meeting_it_names(run):
    digest = run(
        "Peace talks between Colombia and the FARC opened in Geneva on Monday. Cuban officials "
        "had a preliminary meeting in its hotel with the UN envoy Ana Rojas."
    )
    facts = {(a, s, m) for a, s, m, _ in _facts(digest)}
    assert any("Cuba" in a and s == "attended" and "preliminary" in m for a, s, m in facts), facts
